package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The help is tillit's own rather than fang's: fang writes its headings
// (USAGE, COMMANDS, FLAGS), the placeholders ([command], [--flags]) and its
// flags ("-h --help") in English, and pads every line to 120 columns. Here
// every word comes from the catalog, a flag is written once as "-h,
// --help", and no line ends in spaces. The colours are fang's.

// helpStyles colour the help for a terminal; the zero value is plain.
type helpStyles struct {
	title, command, flag, arg, text lipgloss.Style
	on                              bool
}

func (a *app) helpStyles(w io.Writer) helpStyles {
	if _, ok := terminalFile(w); !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return helpStyles{}
	}
	cs := fang.DefaultColorScheme(lipgloss.LightDark(a.dark()))
	return helpStyles{
		title:   lipgloss.NewStyle().Foreground(cs.Title).Bold(true),
		command: lipgloss.NewStyle().Foreground(cs.Command),
		flag:    lipgloss.NewStyle().Foreground(cs.Flag),
		arg:     lipgloss.NewStyle().Foreground(cs.DimmedArgument),
		text:    lipgloss.NewStyle().Foreground(cs.Description),
		on:      true,
	}
}

func (s helpStyles) render(st lipgloss.Style, text string) string {
	if !s.on {
		return text
	}
	return st.Render(text)
}

// helpWidth is the width to wrap the help at: the terminal's, at most 100;
// 80 in a pipe.
func helpWidth(w io.Writer) int {
	if f, ok := terminalFile(w); ok {
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 20 {
			return min(cols, 100)
		}
	}
	return 80
}

// writeHelp writes the help of c.
func (a *app) writeHelp(w io.Writer, c *cobra.Command) {
	st := a.helpStyles(w)
	width := helpWidth(w)
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	title := func(id string) { line(""); line(st.render(st.title, strings.ToUpper(a.lang.T(id)))) }

	if text := cmpOr(c.Long, c.Short); text != "" {
		line("")
		for _, l := range strings.Split(ansi.Wordwrap(text, width-2, ""), "\n") {
			line("  " + st.render(st.text, l))
		}
	}

	title("help.usage")
	line("  " + a.useLine(c, st))

	if c.Example != "" {
		title("help.examples")
		for _, l := range strings.Split(strings.Trim(c.Example, "\n"), "\n") {
			line("  " + strings.TrimSpace(l))
		}
	}

	var cmds [][2]string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			cmds = append(cmds, [2]string{st.render(st.command, sub.Name()), sub.Short})
		}
	}
	if len(cmds) > 0 {
		title("help.commands")
		writeColumns(line, cmds, width)
	}

	local, global := a.flagRows(c, c.LocalFlags(), st), a.flagRows(c, c.InheritedFlags(), st)
	if len(local) > 0 {
		title("help.flags")
		writeColumns(line, local, width)
	}
	if len(global) > 0 {
		title("help.global_flags")
		writeColumns(line, global, width)
	}
	line("")
	if c.HasAvailableSubCommands() {
		for _, l := range strings.Split(ansi.Wordwrap(a.lang.T("help.more", "Cmd", c.CommandPath()), width-2, ""), "\n") {
			line("  " + l)
		}
		line("")
	}
	fmt.Fprint(w, b.String())
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// useLine is how the command is called: "tillit export [flagg]".
func (a *app) useLine(c *cobra.Command, st helpStyles) string {
	parts := []string{st.render(st.command, c.CommandPath())}
	if _, rest, ok := strings.Cut(c.Use, " "); ok {
		parts = append(parts, st.render(st.arg, rest))
	}
	if c.HasAvailableSubCommands() {
		parts = append(parts, st.render(st.arg, "["+a.lang.T("help.placeholder.command")+"]"))
	}
	if c.HasAvailableFlags() {
		parts = append(parts, st.render(st.arg, "["+a.lang.T("help.placeholder.flags")+"]"))
	}
	return strings.Join(parts, " ")
}

// flagRows writes each flag once: "-o, --output FIL" and what it does.
func (a *app) flagRows(c *cobra.Command, fs *pflag.FlagSet, st helpStyles) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "    --" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", --" + f.Name
		}
		name = st.render(st.flag, name)
		if p := a.placeholder(c, f); p != "" {
			name += " " + st.render(st.arg, p)
		}
		rows = append(rows, [2]string{name, f.Usage})
	})
	return rows
}

// placeholder names the value a flag takes, in the user's language
// ("MAPPE"), or "" for a flag that takes none.
func (a *app) placeholder(c *cobra.Command, f *pflag.Flag) string {
	if f.Value.Type() == "bool" {
		return ""
	}
	for _, id := range []string{"help.placeholder." + c.Name() + "_" + f.Name, "help.placeholder." + f.Name} {
		if a.lang.Has(id) {
			return a.lang.T(id)
		}
	}
	return a.lang.T("help.placeholder.value")
}

// writeColumns writes names and what they do in two columns, the second
// wrapped to width and never padded at the end.
func writeColumns(line func(string), rows [][2]string, width int) {
	col := 0
	for _, r := range rows {
		col = max(col, lipgloss.Width(r[0]))
	}
	col = min(col, 32)
	for _, r := range rows {
		descWidth := max(20, width-col-6)
		desc := strings.Split(ansi.Wordwrap(r[1], descWidth, ""), "\n")
		pad := col - lipgloss.Width(r[0])
		if pad < 0 {
			// A long name stands on a line of its own.
			line("  " + r[0])
			pad = col + 2
			line("  " + strings.Repeat(" ", pad) + "  " + desc[0])
		} else {
			line("  " + r[0] + strings.Repeat(" ", pad) + "  " + desc[0])
		}
		for _, d := range desc[1:] {
			line("  " + strings.Repeat(" ", col) + "  " + d)
		}
	}
}
