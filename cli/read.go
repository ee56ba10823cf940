package cli

import (
	"os"

	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/ui"
)

func (a *app) readCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "read",
		Short:   a.lang.T("cmd.read.short"),
		Long:    a.lang.T("cmd.read.long"),
		Example: "  tillit read\n  tillit read --lang en | less",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, ok := terminalFile(a.stdout); !ok || !isTerminal(os.Stdin) {
				// The introduction to the reform, then the article.
				lang := a.lang.Lang()
				_, err := a.stdout.Write([]byte(content.Introduction(lang) + "\n---\n\n" + content.Article(lang)))
				return err
			}
			return a.runTUI(ui.Options{Start: ui.StartRead, Once: true})
		},
	}
}
