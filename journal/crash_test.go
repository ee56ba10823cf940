//go:build unix

package journal

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash test runs a writer in a process of its own and kills it with
// SIGKILL at random moments, as a power cut or the OOM killer would. The
// writer saves check-ins, appends notes and saves drafts, without end.
// Every text it writes carries its own checksum, and the front matter of a
// check-in agrees with its answer; so after each kill, each file must parse
// and every part of it must be whole and of one write: the old text or the
// new one, never a mix, never cut short.

const (
	crashRootEnv = "TILLIT_CRASH_WRITER_ROOT"
	crashKills   = 200
	crashDays    = 3
	crashAnswer  = "Hva skjedde?"
)

var crashDay = func(i int) Date { return Date{2026, 11, 20 + i%crashDays} }

// crashText is the text of version v: long enough that a write takes a
// moment, and checkable on its own.
func crashText(kind string, v int64) string {
	body := strings.Repeat(fmt.Sprintf("%s %d æøå. ", kind, v), 400+int(v%300))
	return fmt.Sprintf("%s %d %x\n%s", kind, v, sha256.Sum256([]byte(body)), body)
}

var crashHead = regexp.MustCompile(`^(answer|note|draft) (\d+) ([0-9a-f]{64})\n`)

// checkCrashText reports what is wrong with a text written by crashText.
func checkCrashText(kind, text string) (int64, error) {
	m := crashHead.FindStringSubmatch(text)
	if m == nil || m[1] != kind {
		return 0, fmt.Errorf("not a whole %s: %.80q", kind, text)
	}
	v, _ := strconv.ParseInt(m[2], 10, 64)
	if want := crashText(kind, v); text != want {
		return 0, fmt.Errorf("%s %d is cut short or mixed: %d bytes, want %d", kind, v, len(text), len(want))
	}
	return v, nil
}

// TestCrashWriter is the writer; it runs only as the child of
// TestSIGKILLWhileWriting.
func TestCrashWriter(t *testing.T) {
	root := os.Getenv(crashRootEnv)
	if root == "" {
		t.Skip("runs as the writer of TestSIGKILLWhileWriting")
	}
	s := NewStore(root)
	base := time.Now().UnixNano() % 1e12
	fmt.Println("writing")
	for i := 0; ; i++ {
		v := base + int64(i)
		day := crashDay(i)
		var err error
		switch i % 3 {
		case 0:
			var e *Entry
			if e, err = s.Load(day); err == nil {
				CheckIn{Date: day, Tip: 1 + int(v%14), Rating: 1 + int(v%5), Commitment: fmt.Sprint("commitment ", v),
					Answers: []Answer{{Question: crashAnswer, Text: crashText("answer", v)}}}.ApplyTo(e)
				err = s.Save(e)
			}
		case 1:
			err = s.AppendNote(day, time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local), crashText("note", v), v%2 == 0)
		case 2:
			err = s.SaveDraft(&Draft{Day: day, Tip: 1, Answers: []DraftAnswer{{Question: crashAnswer, Text: crashText("draft", v)}}})
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "write:", err)
			os.Exit(3)
		}
	}
}

func TestSIGKILLWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 200 processes")
	}
	root := t.TempDir()
	s := NewStore(root)
	start := time.Now()
	written, midWrite := 0, 0
	for kill := range crashKills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashRootEnv+"="+root)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until it writes, then kill it at a random moment.
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatalf("the writer did not start: %v\n%s", err, stderr.String())
		}
		time.Sleep(time.Duration(rand.IntN(6000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("kill %d: the writer ended by itself: %v\n%s", kill, err, stderr.String())
		}
		written += checkAfterCrash(t, s)
		if t.Failed() {
			t.Fatalf("after kill %d", kill)
		}
		// A temp file left behind shows the kill came in the middle of a
		// write; clear it, to count the next.
		if left, _ := os.ReadDir(s.tempDir()); len(left) > 0 {
			midWrite++
			for _, f := range left {
				os.Remove(filepath.Join(s.tempDir(), f.Name()))
			}
		}
	}
	if written == 0 {
		t.Fatal("the writer never got a write done")
	}
	if midWrite == 0 {
		t.Error("no kill came in the middle of a write")
	}
	t.Logf("%d kills in %v, %d in the middle of a write; %d texts checked", crashKills, time.Since(start).Round(time.Millisecond), midWrite, written)
}

// checkAfterCrash checks every file the writer writes, and returns how
// many texts it checked.
func checkAfterCrash(t *testing.T, s *Store) int {
	t.Helper()
	checked := 0
	j := s.Read()
	if len(j.Problems) > 0 {
		t.Errorf("problems: %v", j.Problems)
	}
	for _, e := range j.Entries {
		if e.Tip > 0 {
			a, ok := e.Body.Answer(crashAnswer)
			if !ok {
				t.Errorf("%s: a check-in without its answer", e.Path)
				continue
			}
			v, err := checkCrashText("answer", a.Text)
			if err != nil {
				t.Errorf("%s: %v", e.Path, err)
				continue
			}
			// The front matter and the body are of the same write.
			if e.Tip != 1+int(v%14) || e.Rating != 1+int(v%5) || e.Commitment != fmt.Sprint("commitment ", v) {
				t.Errorf("%s: the front matter (%+v) is not of the write of answer %d", e.Path, e.Meta, v)
			}
			checked++
		}
		for _, n := range e.Body.Notes() {
			if _, err := checkCrashText("note", n.Text); err != nil {
				t.Errorf("%s: %v", e.Path, err)
			}
			checked++
		}
	}
	for i := range crashDays {
		path := s.DraftPath(crashDay(i))
		data, err := os.ReadFile(path)
		if err != nil {
			continue // not written yet
		}
		var d Draft
		if err := json.Unmarshal(data, &d); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if _, err := checkCrashText("draft", d.Answers[0].Text); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		checked++
	}
	// Nothing a write left behind sits beside the entries.
	filepath.WalkDir(s.Root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == AppDirName {
			return fs.SkipDir
		}
		if !d.IsDir() && !isKind(d.Name(), KindDay) {
			t.Errorf("left beside the entries: %s", path)
		}
		return nil
	})
	return checked
}

// Temp files a crash left in .tillit/tmp are cleared by a later write once
// they are old; a fresh one, perhaps another tillit's, stays.
func TestStaleTempFilesAreCleared(t *testing.T) {
	s := NewStore(t.TempDir())
	tmp := s.tempDir()
	os.MkdirAll(tmp, 0o700)
	stale, fresh := filepath.Join(tmp, ".2026-11-20.md123"), filepath.Join(tmp, ".2026-11-21.md456")
	os.WriteFile(stale, []byte("cut"), 0o600)
	os.WriteFile(fresh, []byte("being written"), 0o600)
	old := time.Now().Add(-2 * tempFileAge)
	os.Chtimes(stale, old, old)
	if err := s.AppendNote(Date{2026, 11, 22}, time.Now(), "note", false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temp file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temp file was removed")
	}
}
