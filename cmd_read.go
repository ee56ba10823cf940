package main

import (
	"os"

	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/ui"
)

func (a *app) readCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "read",
		Short: "Read the idebanken article and the tips",
		Long: "Opens the article the tips come from, and each tip's page, in a pager.\n" +
			"Piped or redirected, prints the article as plain markdown.",
		Example: "  tillit read\n  tillit read --lang en | less",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, ok := a.stdout.(*os.File)
			if !ok || !isTerminal(f) || !isTerminal(os.Stdin) {
				_, err := a.stdout.Write([]byte(content.Article(a.lang.Lang())))
				return err
			}
			return a.runTUI(ui.Options{Read: true})
		},
	}
}
