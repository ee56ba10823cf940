package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"tillit/content"
	"tillit/termtext"
)

func (a *app) packsCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "packs",
		Short: a.lang.T("cmd.packs.short"),
		Long:  a.lang.T("cmd.packs.long"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir := content.PacksDir(a.cfg.Dir())
			packs, errs := content.LoadPacks(dir)
			builtin := content.MustBuiltin(a.lang.Lang())
			all := append([]*content.Pack{builtin}, packs...)
			var b strings.Builder
			for _, p := range all {
				mark := " "
				if p.ID == a.pack.ID && (p.Language == a.pack.Language || p == a.pack) {
					mark = "*"
				}
				where := a.lang.T("cli.packs_builtin")
				if p.Path != "" {
					where = p.Path
				}
				fmt.Fprintf(&b, "%s %-16s %-3s v%-4s %2d  %s  (%s)\n", mark, p.ID, p.Language, p.Version, p.Count(), p.Name, where)
			}
			fmt.Fprint(a.stdout, termtext.Clean(b.String())) // names and versions are the packs' own
			fmt.Fprintln(a.stdout, a.lang.T("cli.packs_hint", "Dir", dir))
			for _, err := range errs {
				fmt.Fprintln(a.stderr, "tillit: "+oneLine(err.Error()))
			}
			if len(errs) > 0 {
				return quietError{exitError}
			}
			return nil
		},
	}
}
