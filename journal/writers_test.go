package journal

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Two tillit processes write the same day at once. Each adds lines to the
// same answer, as the check-in does: read the entry, change it, save. A
// save over a file the other changed in between is refused with a
// ConflictError (the user is told); the writer then reads the file again
// and adds its line on top, as the check-in does after a conflict. Notes
// are appended meanwhile. At the end every line and every note of both is
// in the file: no update was lost, and none was lost silently.

const (
	writersRootEnv  = "TILLIT_TWO_WRITERS_ROOT"
	writersNameEnv  = "TILLIT_TWO_WRITERS_NAME"
	writersStartEnv = "TILLIT_TWO_WRITERS_START"
	writersRounds   = 40
	writersQuestion = "Hva sa vi?"
)

var writersDay = Date{2026, 11, 24}

// TestTwoWritersChild is one writer; it runs only as a child of
// TestTwoWriters.
func TestTwoWritersChild(t *testing.T) {
	root, name := os.Getenv(writersRootEnv), os.Getenv(writersNameEnv)
	if root == "" {
		t.Skip("runs as a writer of TestTwoWriters")
	}
	start, _ := strconv.ParseInt(os.Getenv(writersStartEnv), 10, 64)
	time.Sleep(time.Until(time.Unix(0, start)))
	s := NewStore(root)
	conflicts := 0
	for i := range writersRounds {
		line := fmt.Sprintf("%s-%d", name, i)
		for {
			e, err := s.Load(writersDay)
			if err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			text := line
			if a, ok := e.Body.Answer(writersQuestion); ok {
				text = a.Text + "\n" + line
			}
			// Thinking time, in which the other may write.
			time.Sleep(time.Duration(rand.IntN(1500)) * time.Microsecond)
			CheckIn{Date: writersDay, Tip: 2, Answers: []Answer{{Question: writersQuestion, Text: text}}}.ApplyTo(e)
			err = s.Save(e)
			var ce *ConflictError
			if errors.As(err, &ce) {
				conflicts++ // told; read the file again and add on top
				continue
			}
			if err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			break
		}
		if err := s.AppendNote(writersDay, time.Now(), "note "+line, false); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
	}
	fmt.Println("conflicts", conflicts)
}

func TestTwoWriters(t *testing.T) {
	root := t.TempDir()
	start := time.Now().Add(300 * time.Millisecond).UnixNano()
	var cmds []*exec.Cmd
	var outs []*bufio.Scanner
	for _, name := range []string{"A", "B"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoWritersChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), writersRootEnv+"="+root, writersNameEnv+"="+name, writersStartEnv+"="+fmt.Sprint(start))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, bufio.NewScanner(out))
	}
	conflicts := 0
	for i, cmd := range cmds {
		for outs[i].Scan() {
			line := outs[i].Text()
			if n, ok := strings.CutPrefix(line, "conflicts "); ok {
				c, _ := strconv.Atoi(n)
				conflicts += c
			}
			if strings.HasPrefix(line, "error") {
				t.Error(line)
			}
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v", i, err)
		}
	}

	e, err := NewStore(root).Load(writersDay)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := e.Body.Answer(writersQuestion)
	lines := strings.Split(a.Text, "\n")
	notes := map[string]bool{}
	for _, n := range e.Body.Notes() {
		notes[n.Text] = true
	}
	for _, name := range []string{"A", "B"} {
		for i := range writersRounds {
			line := fmt.Sprintf("%s-%d", name, i)
			if n := countOf(lines, line); n != 1 {
				t.Errorf("%s is in the answer %d times", line, n)
			}
			if !notes["note "+line] {
				t.Errorf("note %s is lost", line)
			}
		}
	}
	if len(lines) != 2*writersRounds {
		t.Errorf("the answer has %d lines, want %d", len(lines), 2*writersRounds)
	}
	if conflicts == 0 {
		t.Error("the writers never met: no conflict was seen")
	}
	t.Logf("%d saves refused as conflicts and done again on top; nothing lost", conflicts)
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}
