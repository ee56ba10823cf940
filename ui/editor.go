package ui

import (
	"errors"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// openEditor hands the terminal to the user's editor for path. The command
// may carry arguments ("code --wait"), so on Unix it runs through sh.
func openEditor(ctx *Context, path string, done func(error) tea.Msg) tea.Cmd {
	return tea.ExecProcess(editorCommand(ctx.Editor, path), tea.ExecCallback(done))
}

// EditorCommand is the command that edits path with editor (the
// platform's default when empty), for the command line too.
func EditorCommand(editor, path string) *exec.Cmd { return editorCommand(editor, path) }

// DefaultEditor is the editor used when no setting names one.
func DefaultEditor() string {
	if runtime.GOOS == "windows" {
		return "notepad"
	}
	return defaultEditor()
}

func editorCommand(editor, path string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		if editor == "" {
			editor = "notepad"
		}
		return exec.Command(editor, path)
	}
	if editor == "" {
		editor = defaultEditor()
	}
	return exec.Command("sh", "-c", editor+` "$1"`, "sh", path)
}

// editorExists reports whether the editor's program can be found, so a
// mistyped $EDITOR gets a clear message instead of "exit status 127".
func editorExists(editor string) bool {
	fields := strings.Fields(editor)
	if len(fields) == 0 {
		return false
	}
	_, err := exec.LookPath(fields[0])
	return err == nil
}

// defaultEditor is the first of nano and vi that is installed.
func defaultEditor() string {
	for _, e := range []string{"nano", "vi"} {
		if _, err := exec.LookPath(e); err == nil {
			return e
		}
	}
	return "vi"
}

// readEdited reads back what the editor wrote into a field's scratch file.
// A field holds text of any length, so all of it is taken.
func readEdited(ctx *Context, field int, path string) tea.Cmd {
	store := ctx.Store
	return func() tea.Msg {
		text, err := store.ReadScratch(path)
		return editedTextMsg{field, text, err}
	}
}

// editorStep takes the messages of writing a field in the editor, up to the
// text read back (an editedTextMsg, which the screen puts in its field). It
// returns what to do next, and what to say ("" to say nothing new).
func editorStep(ctx *Context, msg tea.Msg) (tea.Cmd, string) {
	switch msg := msg.(type) {
	case editorReadyMsg:
		if msg.err != nil {
			return nil, msg.err.Error()
		}
		return openEditor(ctx, msg.path, func(err error) tea.Msg { return editorClosedMsg{msg.field, msg.path, err} }), ""
	case editorClosedMsg:
		status := ""
		if msg.err != nil {
			// What was written before the editor failed is read back all
			// the same.
			status = ctx.T("editor.failed", "Err", ctx.Lang.Describe(msg.err))
		}
		return readEdited(ctx, msg.field, msg.path), status
	}
	return nil, ""
}

// editText opens a field's text in the user's editor; the answer comes back
// as an editedTextMsg for field.
func editText(ctx *Context, field int, name, text string) tea.Cmd {
	store, editor, t := ctx.Store, ctx.Editor, ctx.T
	return func() tea.Msg {
		if !editorExists(editor) {
			return editorReadyMsg{field: field, err: errors.New(t("editor.not_found", "Editor", editor))}
		}
		path, err := store.WriteScratch(name, text)
		return editorReadyMsg{field, path, err}
	}
}
