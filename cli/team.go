package cli

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"tillit/report"
)

// teamCommand prints the 30-minute staff meeting on a tip: for the leader to
// take the tip from the journal to the team.
func (a *app) teamCommand() *cobra.Command {
	var format, output string
	var force bool
	cmd := &cobra.Command{
		Use:     "team N",
		Short:   a.lang.T("cmd.team.short"),
		Long:    a.lang.T("cmd.team.long"),
		Example: "  tillit team 7\n  tillit team 7 --lang sv\n  tillit team 7 --format html -o personalmote-7.html",
		// The number is checked when the pack is known.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return a.usage("err.team_tip", "Of", a.pack.Count())
			}
			if output == "-" {
				output = ""
			}
			n, err := strconv.Atoi(args[0])
			tip, ok := a.pack.Tip(n)
			if err != nil || !ok {
				return a.usage("err.no_tip", "Value", a.lang.Quote(args[0]), "Of", a.pack.Count())
			}
			if format == "" && strings.HasPrefix(strings.ToLower(filepath.Ext(output)), ".htm") {
				format = "html"
			}
			switch format {
			case "", "md", "markdown":
				md := report.TeamMeeting(a.pack, tip, a.lang)
				if output == "" {
					return a.printMarkdown(md)
				}
				if err := a.checkOutput(output, force); err != nil {
					return err
				}
				return a.writeOutput(output, []byte(md), "cli.saved")
			case "html":
				if err := a.checkOutput(output, force); err != nil {
					return err
				}
				page, err := report.TeamMeetingHTML(a.pack, tip, a.lang)
				if err != nil {
					return err
				}
				return a.writeOutput(output, page, "cli.saved")
			}
			return a.usage("err.team_format", "Value", format)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", a.lang.T("flag.team_format"))
	fl.StringVarP(&output, "output", "o", "", a.lang.T("flag.team_output"))
	fl.BoolVar(&force, "force", false, a.lang.T("flag.export_force"))
	return cmd
}
