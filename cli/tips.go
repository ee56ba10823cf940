package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) tipsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     a.lang.T("cmd.tips.use"),
		Short:   a.lang.T("cmd.tips.short"),
		Example: "  tillit tips\n  tillit tips 7\n  tillit tips --json --lang en",
		Args:    a.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tips := a.pack.Tips
			if len(args) == 1 {
				n, err := strconv.Atoi(args[0])
				t, ok := a.pack.Tip(n)
				if err != nil || !ok {
					return a.usage("err.no_tip", "Value", a.lang.Quote(args[0]), "Of", a.pack.Count())
				}
				if asJSON {
					return writeJSON(a, t)
				}
				return a.printMarkdown(tipMarkdown(a, a.pack, t, nil))
			}
			if asJSON {
				return writeJSON(a, tips)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "# %s\n\n", a.pack.Name)
			for _, t := range tips {
				fmt.Fprintf(&b, "%d. %s\n", t.Number, t.Title)
			}
			return a.printMarkdown(b.String())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.lang.T("flag.json"))
	return cmd
}

func writeJSON(a *app, v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
