package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"tillit/journal"
)

func (a *app) importCommand() *cobra.Command {
	var from string
	cmd := &cobra.Command{
		Use:     a.lang.T("cmd.import.use"),
		Short:   a.lang.T("cmd.import.short"),
		Long:    a.lang.T("cmd.import.long"),
		Example: "  tillit import --from jrnl ~/.local/share/jrnl/journal.txt\n  jrnl --export json > jrnl.json && tillit import --from jrnl jrnl.json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return a.usage("err.import_file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch from {
			case "jrnl":
			case "":
				return a.usage("err.import_from_missing")
			default:
				return a.usage("err.import_from", "Value", from)
			}
			path := args[0]
			data, err := a.readImport(path)
			if err != nil {
				return err
			}
			entries, err := journal.ParseJrnl(path, data)
			if err != nil {
				return err
			}
			res, err := a.store.ImportJrnl(entries)
			for _, e := range res.Unparseable {
				fmt.Fprintln(a.stderr, "tillit: "+oneLine(a.lang.Describe(e)))
			}
			fmt.Fprintln(a.stdout, a.lang.T("import.done",
				"Entries", a.lang.N("import.entries", res.Added),
				"Days", a.lang.N("import.days", res.Days),
				"Already", a.lang.N("import.already", res.Already)))
			if res.Skipped > 0 {
				fmt.Fprintln(a.stdout, a.lang.N("import.skipped", res.Skipped))
			}
			if err != nil {
				return err
			}
			if res.Skipped > 0 {
				return quietError{exitError}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", a.lang.T("flag.import_from"))
	return cmd
}

// readImport reads the file to import; - is standard input.
func (a *app) readImport(path string) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New(a.lang.T("err.import_missing", "Path", path))
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, errors.New(a.lang.T("err.import_folder", "Path", path))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}
