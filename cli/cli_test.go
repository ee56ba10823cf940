package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/rogpeppe/go-internal/testscript"

	"tillit/journal"
)

// TestMain lets the test binary stand in for the tillit command: scripts run
// it with "exec tillit ...", each time as a new process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"tillit": func() {
			pinClock()
			standIns()
			mainCommand()
		},
		// tillit-faulty is tillit on a journal whose writes fail as
		// $TILLIT_TEST_FAULT says: ENOSPC (a full disk), EROFS (a
		// read-only file system) or EACCES (no permission).
		"tillit-faulty": func() {
			faults := map[string]error{"ENOSPC": syscall.ENOSPC, "EROFS": syscall.EROFS, "EACCES": syscall.EACCES}
			journal.SimulateWriteFault(faults[os.Getenv("TILLIT_TEST_FAULT")])
			pinClock()
			mainCommand()
		},
	})
}

// mainCommand is what tillit's main does.
func mainCommand() {
	os.Exit(Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// testNowFormat is how $TILLIT_TEST_NOW gives the time, in local time.
const testNowFormat = "2006-01-02T15:04"

// pinClock stops tillit's clock at $TILLIT_TEST_NOW, when a script sets it:
// a script that counts days from today then passes across midnight too.
// Only the test binary reads the variable.
func pinClock() {
	s := os.Getenv("TILLIT_TEST_NOW")
	if s == "" {
		return
	}
	now, err := time.ParseInLocation(testNowFormat, s, time.Local)
	if err != nil {
		fmt.Fprintf(os.Stderr, "TILLIT_TEST_NOW: %v\n", err)
		os.Exit(2)
	}
	clock = func() time.Time { return now }
}

// scriptToday is today for a script: by $TILLIT_TEST_NOW when it is set,
// as tillit's clock then goes.
func scriptToday(ts *testscript.TestScript) journal.Date {
	s := ts.Getenv("TILLIT_TEST_NOW")
	if s == "" {
		return journal.DateOf(time.Now())
	}
	now, err := time.ParseInLocation(testNowFormat, s, time.Local)
	ts.Check(err)
	return journal.DateOf(now)
}

// TestScripts runs the command-line scripts in testdata/script. Every script
// gets its own home, XDG folders and journal under $WORK, so nothing reads or
// writes the real user's files.
func TestScripts(t *testing.T) {
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"exits":       cmdExits,
		"hasprefix":   cmdHasPrefix,
		"mode":        cmdMode,
		"agedecrypt":  cmdAgeDecrypt,
		"onlyentries": cmdOnlyEntries,
		"checkedin":   cmdCheckedIn,
		"brokenday":   cmdBrokenDay,
		"jrnlgen":     cmdJrnlGen,
		"jrnlcheck":   cmdJrnlCheck,
		"unescape":    cmdUnescape,
		"cronly":      cmdCROnly,
	}
	for name, cmd := range platformCmds {
		cmds[name] = cmd
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup:               isolate,
		Cmds:                cmds,
		Condition: func(cond string) (bool, error) {
			if cond == "race" {
				return raceDetector, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// platformCmds are the script commands only some systems have (a
// pseudo-terminal, FIFOs and sockets), added by their files' init.
var platformCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){}

// isolate points every place tillit looks for settings, data and language at
// the script's own work folder.
func isolate(env *testscript.Env) error {
	work := env.WorkDir
	dirs := map[string]string{
		"HOME":            filepath.Join(work, "home"),
		"XDG_CONFIG_HOME": filepath.Join(work, "home", ".config"),
		"XDG_DATA_HOME":   filepath.Join(work, "home", ".local", "share"),
		"XDG_STATE_HOME":  filepath.Join(work, "home", ".local", "state"),
		"XDG_CACHE_HOME":  filepath.Join(work, "home", ".cache"),
	}
	for name, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		env.Setenv(name, dir)
	}
	// Not the user's config folders elsewhere, not their editor.
	env.Setenv("XDG_CONFIG_DIRS", filepath.Join(work, "etc", "xdg"))
	env.Setenv("XDG_DATA_DIRS", filepath.Join(work, "usr", "share"))
	env.Setenv("TILLIT_JOURNAL", filepath.Join(work, "journal"))
	env.Setenv("TILLIT_EDITOR", "")
	env.Setenv("VISUAL", "")
	env.Setenv("EDITOR", "")
	// English unless a script asks for another language.
	env.Setenv("LANG", "C")
	env.Setenv("LC_ALL", "")
	env.Setenv("LC_MESSAGES", "")
	env.Setenv("TILLIT_LANG", "")
	env.Setenv("NO_COLOR", "")
	// A real terminal type: output is plain only because it goes to a pipe.
	env.Setenv("TERM", "xterm-256color")
	return nil
}

// exits N PROG ARGS... runs PROG as exec does and fails unless it exits with
// status N; stdout and stderr are kept for the commands that follow. It tells
// an error (1) from a usage error (2), which "! exec" cannot.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: invalid status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// hasprefix FILE PREFIXFILE fails unless FILE's bytes start with every byte of
// PREFIXFILE. On success it writes the rest of FILE (what was added) to
// stdout, so the script can check it with "stdout".
func cmdHasPrefix(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: hasprefix FILE PREFIXFILE")
	}
	file, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	prefix, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	ok := bytes.HasPrefix(file, prefix)
	switch {
	case neg && ok:
		ts.Fatalf("%s starts with the bytes of %s", args[0], args[1])
	case !neg && !ok:
		i := 0
		for i < len(file) && i < len(prefix) && file[i] == prefix[i] {
			i++
		}
		ts.Fatalf("%s does not start with %s: first difference at byte %d\n  file:   %q\n  prefix: %q",
			args[0], args[1], i, excerpt(file, i), excerpt(prefix, i))
	case ok:
		fmt.Fprint(ts.Stdout(), string(file[len(prefix):]))
	}
}

// cronly FILE ends every line of FILE in a carriage return alone, as old
// Mac files do (a txtar file cannot hold one).
func cmdCROnly(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: cronly FILE")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	ts.Check(os.WriteFile(path, bytes.ReplaceAll(data, []byte("\n"), []byte("\r")), 0o600))
}

func excerpt(b []byte, at int) []byte {
	from, to := max(0, at-20), min(len(b), at+20)
	return b[from:to]
}

// mode PERM PATH... fails unless each path has exactly the permission bits
// PERM (octal, e.g. 0600).
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: mode PERM PATH...")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	if err != nil {
		ts.Fatalf("mode: invalid permission %q", args[0])
	}
	for _, p := range args[1:] {
		info, err := os.Stat(ts.MkAbs(p))
		ts.Check(err)
		got := info.Mode().Perm()
		if want > 0o777 {
			// The sticky, setgid and setuid bits, as chmod writes them.
			for bit, m := range map[fs.FileMode]fs.FileMode{0o1000: fs.ModeSticky, 0o2000: fs.ModeSetgid, 0o4000: fs.ModeSetuid} {
				if info.Mode()&m != 0 {
					got |= bit
				}
			}
		}
		if (uint64(got) == want) == neg {
			if neg {
				ts.Fatalf("%s has mode %04o", p, got)
			}
			ts.Fatalf("%s has mode %04o, want %04o", p, got, want)
		}
	}
}

var (
	yearName  = regexp.MustCompile(`^\d{4}$`)
	monthName = regexp.MustCompile(`^(0[1-9]|1[0-2])$`)
	dayName   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(-mentoring|-assessment)?\.md$`)
	weekName  = regexp.MustCompile(`^\d{4}-W\d{2}\.md$`)
)

// onlyentries DIR fails if a year or month folder of the journal at DIR holds
// anything but entries (YYYY-MM-DD.md, -mentoring.md and -assessment.md in months,
// YYYY-Www.md in years): what tillit owns lives under DIR/.tillit.
func cmdOnlyEntries(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! onlyentries")
	}
	if len(args) != 1 {
		ts.Fatalf("usage: onlyentries DIR")
	}
	root := ts.MkAbs(args[0])
	var bad []string
	years, err := os.ReadDir(root)
	ts.Check(err)
	for _, y := range years {
		if !y.IsDir() || !yearName.MatchString(y.Name()) {
			continue
		}
		months, err := os.ReadDir(filepath.Join(root, y.Name()))
		ts.Check(err)
		for _, m := range months {
			rel := filepath.Join(y.Name(), m.Name())
			if !m.IsDir() {
				if !weekName.MatchString(m.Name()) {
					bad = append(bad, rel)
				}
				continue
			}
			if !monthName.MatchString(m.Name()) {
				bad = append(bad, rel+"/")
				continue
			}
			files, err := os.ReadDir(filepath.Join(root, rel))
			ts.Check(err)
			for _, f := range files {
				if f.IsDir() || !dayName.MatchString(f.Name()) {
					bad = append(bad, filepath.Join(rel, f.Name()))
				}
			}
		}
	}
	if len(bad) > 0 {
		ts.Fatalf("%s: not journal entries in year/month folders: %q", args[0], bad)
	}
}

// agedecrypt KEYFILE IN OUT decrypts an age file with the identities in
// KEYFILE, as age -d -i KEYFILE would.
func cmdAgeDecrypt(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: agedecrypt KEYFILE IN OUT")
	}
	keys, err := os.Open(ts.MkAbs(args[0]))
	ts.Check(err)
	defer keys.Close()
	ids, err := age.ParseIdentities(keys)
	ts.Check(err)
	in, err := os.Open(ts.MkAbs(args[1]))
	ts.Check(err)
	defer in.Close()
	r, err := age.Decrypt(in, ids...)
	if neg {
		if err == nil {
			ts.Fatalf("%s decrypted", args[1])
		}
		return
	}
	ts.Check(err)
	out, err := io.ReadAll(r)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o600))
}

// checkedin N... writes a check-in in the journal for each day N days
// before today (0 is today), by the script's clock.
func cmdCheckedIn(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: checkedin N...")
	}
	store := journal.NewStore(ts.Getenv("TILLIT_JOURNAL"))
	today := scriptToday(ts)
	for _, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			ts.Fatalf("checkedin: %v", err)
		}
		d := today.AddDays(-n)
		e := journal.NewEntry(store.DayPath(d), d)
		journal.CheckIn{Date: d, Tip: 1 + n%14}.ApplyTo(e)
		ts.Check(store.Save(e))
	}
}

// brokenday N writes an entry tillit cannot parse N days before today, by
// the script's clock.
func cmdBrokenDay(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: brokenday N")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	path := journal.NewStore(ts.Getenv("TILLIT_JOURNAL")).DayPath(scriptToday(ts).AddDays(-n))
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o700))
	ts.Check(os.WriteFile(path, []byte("---\ntip: [1\n---\n"), 0o600))
}

// genEntry is one entry of a made-up jrnl journal.
type genEntry struct {
	day          time.Time
	hour, minute int
	title, body  string
	starred      bool
}

// genJrnl makes n jrnl entries over 300 days of 2025: some days get two,
// each at its own time; titles end in ?, ! or nothing; bodies run over
// several lines and paragraphs, with æøå, @names and #tags; every fiftieth
// entry is starred.
func genJrnl(n int) []genEntry {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	titles := []string{"Dag %d: hvorfor gikk det så bra?", "Dag %d – for en dag!", "Dag %d med @Kari og #turnus", "Dag %d: «Tillit» – é, ø, å, ß, 😊?!"}
	var out []genEntry
	for i := range n {
		body := fmt.Sprintf("Personalmøte med @Per_Olav. Vi snakket om #medvirkning.\nLinje to: ÆØÅ æøå ÄÖ äö.\n\nAvsnitt %d, med en [[lenke]] og `kode`.", i)
		if i%3 == 0 {
			body = ""
		}
		out = append(out, genEntry{
			day:  start.AddDate(0, 0, i*300/n),
			hour: 6 + i%14, minute: i * 7 % 60,
			title:   fmt.Sprintf(titles[i%len(titles)], i),
			body:    body,
			starred: i%50 == 0,
		})
	}
	return out
}

// jrnlgen [-json] N FILE writes a jrnl journal of N entries (see genJrnl):
// the plain-text file jrnl keeps, or with -json what jrnl --export json
// writes.
func cmdJrnlGen(ts *testscript.TestScript, neg bool, args []string) {
	asJSON := len(args) > 0 && args[0] == "-json"
	if asJSON {
		args = args[1:]
	}
	if neg || len(args) != 2 {
		ts.Fatalf("usage: jrnlgen [-json] N FILE")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	var out []byte
	if asJSON {
		type entry struct {
			Title   string   `json:"title"`
			Body    string   `json:"body"`
			Date    string   `json:"date"`
			Time    string   `json:"time"`
			Tags    []string `json:"tags"`
			Starred bool     `json:"starred"`
		}
		var doc struct {
			Tags    map[string]int `json:"tags"`
			Entries []entry        `json:"entries"`
		}
		doc.Tags = map[string]int{}
		for _, e := range genJrnl(n) {
			doc.Entries = append(doc.Entries, entry{e.title, e.body, e.day.Format(time.DateOnly),
				fmt.Sprintf("%02d:%02d", e.hour, e.minute), []string{}, e.starred})
		}
		out, err = json.MarshalIndent(doc, "", "  ")
		ts.Check(err)
	} else {
		var b strings.Builder
		for i, e := range genJrnl(n) {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "[%s %02d:%02d] %s", e.day.Format(time.DateOnly), e.hour, e.minute, e.title)
			if e.starred {
				b.WriteString(" *")
			}
			b.WriteString("\n")
			if e.body != "" {
				b.WriteString(e.body + "\n")
			}
		}
		out = []byte(b.String())
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o600))
}

// jrnlcheck N DIR fails unless every entry of genJrnl(N) is a note in the
// journal at DIR: on its day, under its time, with its text.
func cmdJrnlCheck(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: jrnlcheck N DIR")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	for _, e := range genJrnl(n) {
		path := filepath.Join(ts.MkAbs(args[1]), e.day.Format("2006"), e.day.Format("01"), e.day.Format(time.DateOnly)+".md")
		data, err := os.ReadFile(path)
		ts.Check(err)
		text := e.title
		if e.body != "" {
			text += "\n" + e.body
		}
		if e.starred {
			text += "\n\n#starred"
		}
		note := fmt.Sprintf("\n## %02d:%02d\n\n%s\n", e.hour, e.minute, text)
		if !bytes.Contains(data, []byte(note)) {
			ts.Fatalf("%s: no note %q", path, note)
		}
	}
}

var quotedByte = regexp.MustCompile(`\\x[0-9a-f]{2}|\\u[0-9a-f]{4}`)

// unescape FILE... rewrites each file with \xNN as that byte and \uNNNN as
// that character in UTF-8, so a script can plant escape sequences, raw C1
// bytes and bidi controls in an entry and still read as text. Only
// lowercase hex digits count: \u001B stays, for a JSON or YAML escape.
func cmdUnescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: unescape FILE...")
	}
	for _, name := range args {
		path := ts.MkAbs(name)
		data, err := os.ReadFile(path)
		ts.Check(err)
		data = quotedByte.ReplaceAllFunc(data, func(q []byte) []byte {
			n, _ := strconv.ParseUint(string(q[2:]), 16, 32)
			if q[1] == 'x' {
				return []byte{byte(n)}
			}
			return []byte(string(rune(n)))
		})
		ts.Check(os.WriteFile(path, data, 0o600))
	}
}
