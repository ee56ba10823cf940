package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"tillit/coach"
	"tillit/journal"
	"tillit/report"
)

// exportFlags are the choices of tillit export.
type exportFlags struct {
	week, from, to, last string
	format, output       string
	force, private       bool
	tips                 string
	pseudonymize         bool
	encrypt              bool
	recipients           []string
}

func (a *app) exportCommand() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: a.lang.T("cmd.export.short"),
		Long:  a.lang.T("cmd.export.long"),
		Example: "  tillit export -o mentor.md\n  tillit export --last 4w --format html -o mentor.html\n" +
			"  tillit export --week 2026-W48 --pseudonymize\n  tillit export --from 2026-11-01 --encrypt --recipient age1… -o mentor.md",
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.export(f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.week, "week", "", a.lang.T("flag.export_week"))
	fl.StringVar(&f.from, "from", "", a.lang.T("flag.export_from"))
	fl.StringVar(&f.to, "to", "", a.lang.T("flag.export_to"))
	fl.StringVar(&f.last, "last", "", a.lang.T("flag.export_last"))
	fl.StringVar(&f.format, "format", "", a.lang.T("flag.export_format"))
	fl.StringVarP(&f.output, "output", "o", "", a.lang.T("flag.export_output"))
	fl.BoolVar(&f.force, "force", false, a.lang.T("flag.export_force"))
	fl.BoolVar(&f.private, "include-private", false, a.lang.T("flag.export_private"))
	fl.StringVar(&f.tips, "tips", "", a.lang.T("flag.export_tips"))
	fl.BoolVar(&f.pseudonymize, "pseudonymize", false, a.lang.T("flag.export_pseudonymize"))
	fl.BoolVar(&f.encrypt, "encrypt", false, a.lang.T("flag.export_encrypt"))
	fl.StringArrayVar(&f.recipients, "recipient", nil, a.lang.T("flag.export_recipient"))
	return cmd
}

var lastRange = regexp.MustCompile(`^(\d+)([wd])$`)

// exportRange reads the period: --week, --from/--to, --last; the last four
// weeks by default. today ends an open range; first begins one.
func (a *app) exportRange(f exportFlags, today, first journal.Date) (journal.Date, journal.Date, error) {
	set := 0
	for _, v := range []string{f.week, f.last, f.from + f.to} {
		if v != "" {
			set++
		}
	}
	if set > 1 {
		return journal.Date{}, journal.Date{}, a.usage("err.export_one_range")
	}
	date := func(flag, s string, or journal.Date) (journal.Date, error) {
		if s == "" {
			return or, nil
		}
		d, err := journal.ParseDate(s)
		if err != nil {
			return journal.Date{}, a.usage("err.bad_date", "Flag", flag, "Value", s)
		}
		return d, nil
	}
	switch {
	case f.week != "":
		w, err := journal.ParseWeek(f.week)
		if err != nil {
			return journal.Date{}, journal.Date{}, a.usage("err.bad_week", "Value", f.week, "Why", err.Error())
		}
		return w.Monday(), w.Sunday(), nil
	case f.from != "" || f.to != "":
		from, err := date("--from", f.from, first)
		if err != nil {
			return from, from, err
		}
		to, err := date("--to", f.to, today)
		if err != nil {
			return from, to, err
		}
		if to.Before(from) {
			return from, to, a.usage("err.export_order")
		}
		if journal.SpanTooLong(from, to) {
			return from, to, a.usage("err.span_too_long", "From", from.String(), "To", to.String(), "Years", journal.MaxSpanYears)
		}
		return from, to, nil
	}
	last := f.last
	if last == "" {
		last = "4w"
	}
	m := lastRange.FindStringSubmatch(last)
	if m == nil {
		return journal.Date{}, journal.Date{}, a.usage("err.export_last", "Value", last)
	}
	// At most 100 years back, counted before multiplying, so that a long
	// number neither overflows nor walks millions of weeks.
	maxN := journal.MaxSpanYears * 365
	if m[2] == "w" {
		maxN = journal.MaxSpanYears * 52
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > maxN {
		return journal.Date{}, journal.Date{}, a.usage("err.last_too_long", "Value", last, "Years", journal.MaxSpanYears, "Max", fmt.Sprintf("%d%s", maxN, m[2]))
	}
	if m[2] == "w" {
		n *= 7
	}
	if n < 1 {
		return journal.Date{}, journal.Date{}, a.usage("err.export_last", "Value", last)
	}
	return today.AddDays(-(n - 1)), today, nil
}

// exportFormat decides the format: --format, else the output file's
// extension, else markdown.
func (a *app) exportFormat(f exportFlags) (string, error) {
	if f.format != "" {
		switch f.format {
		case "md", "markdown":
			return "md", nil
		case "html", "json":
			return f.format, nil
		}
		return "", a.usage("err.export_format", "Value", f.format)
	}
	switch ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(f.output, ".age"))); ext {
	case ".html", ".htm":
		return "html", nil
	case ".json":
		return "json", nil
	}
	return "md", nil
}

func (a *app) export(f exportFlags) error {
	format, err := a.exportFormat(f)
	if err != nil {
		return err
	}
	var tips []int
	for _, t := range strings.FieldsFunc(f.tips, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(t)
		if _, ok := a.pack.Tip(n); err != nil || !ok {
			return a.usage("err.no_tip", "Value", a.lang.Quote(t), "Of", a.pack.Count())
		}
		tips = append(tips, n)
	}
	if len(f.recipients) > 0 && !f.encrypt {
		return a.usage("err.export_recipient")
	}
	j := a.readJournal()
	today := a.today()
	first := today
	if d, ok := j.Begins(); ok {
		first = d
	}
	from, to, err := a.exportRange(f, today, first)
	if err != nil {
		return err
	}
	out := f.output
	if out == "-" {
		out = ""
	}
	if out != "" && f.encrypt && !strings.HasSuffix(out, ".age") {
		out += ".age"
	}
	// Before the passphrase and the work.
	if err := a.checkOutput(out, f.force); err != nil {
		return err
	}
	o := a.coach.ExportOptions(from, to, f.private)
	o.Tips, o.Pseudonymize, o.People, o.Author, o.Generated = tips, f.pseudonymize, a.cfg.People, a.cfg.Name, a.now()
	data, kept, err := coach.Export(j, o, format)
	if err != nil {
		return err
	}
	if len(kept) > 0 {
		// The names are the user's to act on, never part of the export.
		fmt.Fprintln(a.stderr, a.lang.T("cli.kept_names", "Names", strings.Join(kept, ", "), "Path", a.cfg.File()))
	}
	if f.encrypt {
		pass := ""
		if len(f.recipients) == 0 {
			if pass, err = a.askPassphrase(); err != nil {
				return err
			}
		}
		// A passphrase is stretched on purpose (scrypt): seconds of
		// silence look like a hang, so a terminal is told.
		tty, shown := terminalFile(a.stderr)
		if shown && pass != "" {
			fmt.Fprint(tty, a.lang.T("cli.encrypting"))
		}
		data, err = report.Encrypt(data, f.recipients, pass)
		if shown && pass != "" {
			fmt.Fprint(tty, "\r"+ansi.EraseEntireLine)
		}
		if err != nil {
			return err
		}
	}
	return a.writeOutput(out, data, "cli.exported")
}

// askPassphrase asks twice at the terminal, without echo.
func (a *app) askPassphrase() (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil || !term.IsTerminal(tty.Fd()) {
		return "", errors.New(a.lang.T("err.export_passphrase_tty"))
	}
	defer tty.Close()
	ask := func(prompt string) (string, error) {
		fmt.Fprint(tty, prompt)
		b, err := term.ReadPassword(tty.Fd())
		fmt.Fprintln(tty)
		return string(b), err
	}
	p1, err := ask(a.lang.T("cli.passphrase") + " ")
	if err != nil {
		return "", err
	}
	p2, err := ask(a.lang.T("cli.passphrase_again") + " ")
	if err != nil {
		return "", err
	}
	if p1 != p2 {
		return "", errors.New(a.lang.T("err.passphrase_differs"))
	}
	if p1 == "" {
		return "", errors.New(a.lang.T("err.passphrase_empty"))
	}
	return p1, nil
}
