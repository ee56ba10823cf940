package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"tillit/config"
	"tillit/ui"
)

// manCommand prints the manual page in the user's language, as roff:
// tillit --lang sv man | man -l -
func (a *app) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: a.lang.T("cmd.man.short"),
		Long:  a.lang.T("cmd.man.long"),
		Example: "  tillit man > ~/.local/share/man/man1/tillit.1\n" +
			"  tillit --lang nb man | man -l -",
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(a.stdout, a.manPage(cmd.Root()))
			return err
		},
	}
}

// roff escapes text for a man page: a backslash is \e, a dash \-, and a
// line that would start with a dot or a quote is kept from being read as
// a request. Lines within a paragraph join, so sentences stay whole.
func roff(s string) string {
	s = strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			l = `\&` + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// paragraphs writes text, its blank lines as paragraph breaks.
func paragraphs(b *strings.Builder, text string) {
	for i, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roff(p) + "\n")
	}
}

// manPage is tillit's manual: what it is, every command with its flags,
// the global flags, the files, the environment, the exit codes and the
// keys of the interface.
func (a *app) manPage(root *cobra.Command) string {
	t := a.lang.T
	var b strings.Builder
	section := func(id string) { b.WriteString(".SH " + strings.ToUpper(t(id)) + "\n") }
	fmt.Fprintf(&b, ".TH TILLIT 1 \"\" \"tillit %s\" \"%s\"\n", roff(versionString()), roff(t("man.manual")))
	section("man.name")
	b.WriteString("tillit \\- " + roff(t("cmd.root.short")) + "\n")
	section("help.usage")
	b.WriteString(".B tillit\n[\\fI" + roff(t("help.placeholder.command")) + "\\fR] [\\fI" + roff(t("help.placeholder.flags")) + "\\fR]\n")
	section("man.about")
	paragraphs(&b, root.Long)
	b.WriteString(".PP\n" + roff(t("man.description_more")) + "\n")

	section("help.commands")
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() {
			continue
		}
		b.WriteString(".TP\n\\fB" + roff(c.CommandPath()) + "\\fR")
		if _, rest, ok := strings.Cut(c.Use, " "); ok {
			b.WriteString(" \\fI" + roff(rest) + "\\fR")
		}
		b.WriteString("\n")
		paragraphs(&b, cmpOr(c.Long, c.Short))
		flags := a.manFlags(c, c.LocalFlags())
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				flags += ".RS\n.TP\n\\fB" + roff(sub.CommandPath()) + "\\fR\n" + roff(sub.Short) + "\n.RE\n"
			}
		}
		if flags != "" {
			b.WriteString(".RS\n" + flags + ".RE\n")
		}
	}

	section("help.global_flags")
	b.WriteString(a.manFlags(root, root.PersistentFlags()))
	b.WriteString(".TP\n\\fB\\-v\\fR, \\fB\\-\\-version\\fR\n" + roff(t("flag.version")) + "\n")

	section("man.files")
	for _, f := range []struct{ path, id string }{
		{config.DefaultPath(), "man.file.config"},
		{filepath.Join(filepath.Dir(config.DefaultPath()), "packs"), "man.file.packs"},
		{"~/.local/share/tillit/journal", "man.file.journal"},
		{"<journal>/.tillit/drafts/", "man.file.drafts"},
		{"<journal>/.tillit/trash/", "man.file.trash"},
		{logPath(), "man.file.log"},
	} {
		b.WriteString(".TP\n\\fI" + roff(f.path) + "\\fR\n" + roff(t(f.id)) + "\n")
	}

	section("man.environment")
	b.WriteString(".TP\n\\fBTILLIT_CONFIG\\fR\n" + roff(t("man.env.config")) + "\n")
	for _, k := range config.Keys {
		b.WriteString(".TP\n\\fB" + roff(k.Env()) + "\\fR\n" + roff(t("man.env.key", "Key", k.Name)+" "+t("settings.about."+k.Name)) + "\n")
	}
	for _, e := range []struct{ names, id string }{
		{"VISUAL, EDITOR", "man.env.editor"},
		{"LC_ALL, LC_MESSAGES, LANG", "man.env.lang"},
		{"XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME", "man.env.xdg"},
		{"NO_COLOR", "man.env.no_color"},
	} {
		b.WriteString(".TP\n\\fB" + roff(e.names) + "\\fR\n" + roff(t(e.id)) + "\n")
	}

	section("man.exit_status")
	for _, e := range []struct{ code, id string }{
		{"0", "man.exit.ok"}, {"1", "man.exit.error"}, {"2", "man.exit.usage"}, {"130", "man.exit.aborted"},
	} {
		b.WriteString(".TP\n\\fB" + e.code + "\\fR\n" + roff(t(e.id)) + "\n")
	}
	b.WriteString(".PP\n" + roff(t("man.exit.question")) + "\n")

	section("man.keys")
	b.WriteString(roff(t("man.keys_intro")) + "\n")
	for _, k := range ui.TodayKeys(a.lang) {
		b.WriteString(".TP\n\\fB" + roff(k.Help().Key) + "\\fR\n" + roff(k.Help().Desc) + "\n")
	}

	section("man.see_also")
	b.WriteString(roff(t("man.see_also_text")) + "\n")
	return b.String()
}

// manFlags lists flags for a man page, each once: "-o, --output FIL".
func (a *app) manFlags(c *cobra.Command, fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		b.WriteString(".TP\n")
		if f.Shorthand != "" {
			b.WriteString("\\fB\\-" + roff(f.Shorthand) + "\\fR, ")
		}
		b.WriteString("\\fB\\-\\-" + roff(f.Name) + "\\fR")
		if p := a.placeholder(c, f); p != "" {
			b.WriteString(" \\fI" + roff(p) + "\\fR")
		}
		b.WriteString("\n" + roff(f.Usage) + "\n")
	})
	return b.String()
}
