//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// SIGTERM and SIGHUP (a closed terminal) end the interface the normal way:
// no error, and the text being typed is saved as a draft.
func TestSignalsKeepTheDraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			a, _ := testApp(t, "en")
			started := make(chan struct{})
			model := fakeUI{init: func() tea.Msg {
				close(started)
				return nil
			}}
			go func() {
				<-started
				syscall.Kill(os.Getpid(), sig)
			}()
			err, leaked := runFake(t, a, model, typed)
			if err != nil || leaked != "" {
				t.Fatalf("after %v: %v; printed %q", sig, err, leaked)
			}
			d, derr := a.store.LoadDraft(typed.Day)
			if derr != nil || d == nil || d.Answers[0].Text != typed.Answers[0].Text {
				t.Errorf("the draft: %+v %v", d, derr)
			}
		})
	}
}

// The log is 0600 in a folder of 0700, whatever the umask.
func TestLogModeWhateverTheUmask(t *testing.T) {
	for _, mask := range []int{0, 0o277} {
		testApp(t, "en") // a fresh state folder
		old := syscall.Umask(mask)
		path, err := writeLog("a line")
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		assertPerm(t, path, 0o600)
		assertPerm(t, filepath.Dir(path), 0o700)
	}
}
