package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
	"tillit/locale"
)

// Below 80 columns the export screen keeps its columns: a choice that
// goes on goes on under the choices, never at the window's edge, and the
// file's path is shown whole. The file offered is named in the user's
// language, in their documents folder, which is made when first written.
func TestExportScreenFitsANarrowWindow(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "Dokumenter")
	for _, size := range [][2]int{{40, 12}, {60, 20}, {79, 24}} {
		w, h := size[0], size[1]
		store := journal.NewStore(t.TempDir())
		os.Chmod(store.Root, 0o700)
		root := newTestModel(Options{Store: store, Lang: locale.New("nb"), Editor: "true", ExportDir: docs})
		settle(root, root.Init())
		root.Update(tea.WindowSizeMsg{Width: w, Height: h})
		keys(root, "e")
		checkFits(t, root, w, h)
		keys(root, "up") // to the file
		checkFits(t, root, w, h)
		screen := ansi.Strip(root.View().Content)
		lines := strings.Split(screen, "\n")
		for _, l := range lines[1 : len(lines)-2] {
			if l != "" && !strings.HasPrefix(l, " ") {
				t.Errorf("%d×%d: a line of the form starts at the edge: %q\n%s", w, h, l, screen)
			}
		}
		name := "tillit-mentorsamtale-2026-10-31-2026-11-27.md"
		if flat := strings.Join(strings.Fields(strings.ReplaceAll(screen, "┃", "")), ""); !strings.Contains(flat, filepath.Join(docs, name)) {
			t.Errorf("%d×%d: the file is not shown whole (%s):\n%s", w, h, filepath.Join(docs, name), screen)
		}
		keys(root, "ctrl+s")
		if _, err := os.Stat(filepath.Join(docs, name)); err != nil {
			t.Errorf("%d×%d: %v\n%s", w, h, err, ansi.Strip(root.View().Content))
		}
		os.RemoveAll(docs)
	}
}
