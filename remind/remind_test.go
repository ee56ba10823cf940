package remind

import (
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tillit/journal"
)

// fakeSystem is an installer for goos whose tools are recorded, never
// run; crontab keeps what it was given.
type fakeSystem struct {
	*Installer
	calls   []string
	crontab string
}

func newFake(t *testing.T, goos string, systemd bool) *fakeSystem {
	dir := t.TempDir()
	f := &fakeSystem{}
	f.Installer = &Installer{
		GOOS: goos, ConfigHome: filepath.Join(dir, "config"), Home: filepath.Join(dir, "home"), DataHome: filepath.Join(dir, "data"),
		UID:        1000,
		HasSystemd: func() bool { return systemd },
		HasCron:    func() bool { return true },
		Now:        func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local) },
		Run: func(stdin []byte, name string, args ...string) ([]byte, error) {
			f.calls = append(f.calls, strings.Join(append([]string{name}, args...), " "))
			if name == "crontab" {
				if args[0] == "-" {
					f.crontab = string(stdin)
					return nil, nil
				}
				if f.crontab == "" {
					return nil, &ToolError{Tool: "crontab", Detail: "no crontab for kari"}
				}
				return []byte(f.crontab), nil
			}
			return nil, nil
		},
	}
	return f
}

var command = Command{Exe: "/home/kari/go/bin/tillit", Args: []string{"--journal", "/home/kari/Mine notater", "remind", "now"}}

func TestSystemdTimerAndService(t *testing.T) {
	f := newFake(t, "linux", true)
	got, err := f.Install(command, Schedule{Hour: 7, Minute: 45})
	if err != nil {
		t.Fatal(err)
	}
	service, timer := f.unitPaths()
	if got.Scheduler != Systemd || got.Path != timer {
		t.Errorf("installed %+v", got)
	}
	s, _ := os.ReadFile(service)
	tm, _ := os.ReadFile(timer)
	for _, want := range []string{"[Service]\nType=oneshot\n", `ExecStart="/home/kari/go/bin/tillit" "--journal" "/home/kari/Mine notater" "remind" "now"`} {
		if !strings.Contains(string(s), want) {
			t.Errorf("the service lacks %q:\n%s", want, s)
		}
	}
	for _, want := range []string{"OnCalendar=*-*-* 07:45:00\n", "Persistent=true\n", "Unit=tillit-remind.service\n", "WantedBy=timers.target\n"} {
		if !strings.Contains(string(tm), want) {
			t.Errorf("the timer lacks %q:\n%s", want, tm)
		}
	}
	// It looks for a crontab line of an earlier reminder to take out first.
	want := []string{"crontab -l", "systemctl --user daemon-reload", "systemctl --user enable --now tillit-remind.timer"}
	if strings.Join(f.calls, "\n") != strings.Join(want, "\n") {
		t.Errorf("ran %q, want %q", f.calls, want)
	}
	if st, err := f.Status(); err != nil || st == nil || st.At() != "07:45" || st.Weekdays {
		t.Errorf("status %+v %v", st, err)
	}

	// Weekdays only, set again over the first.
	if _, err := f.Install(command, Schedule{Hour: 15, Minute: 30, Weekdays: true}); err != nil {
		t.Fatal(err)
	}
	tm, _ = os.ReadFile(timer)
	if !strings.Contains(string(tm), "OnCalendar=Mon..Fri *-*-* 15:30:00\n") {
		t.Errorf("weekdays:\n%s", tm)
	}
	verifyUnits(t, f.Installer)

	f.calls = nil
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(timer); err == nil {
		t.Error("the timer is still there")
	}
	if f.calls[0] != "systemctl --user disable --now tillit-remind.timer" {
		t.Errorf("removing ran %q", f.calls)
	}
	if st, _ := f.Status(); st != nil {
		t.Errorf("after removing: %+v", st)
	}
}

// verifyUnits has systemd check the units, where systemd-analyze is
// there, with a command that exists (it checks that too).
func verifyUnits(t *testing.T, in *Installer) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze is not installed: the units are checked by the tests above only")
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	service, timer := SystemdUnits(Command{Exe: exe, Args: []string{"remind", "now"}}, Schedule{Hour: 7, Minute: 45, Weekdays: true})
	os.WriteFile(filepath.Join(dir, UnitName+".service"), []byte(service), 0o600)
	os.WriteFile(filepath.Join(dir, UnitName+".timer"), []byte(timer), 0o600)
	out, err := exec.Command(analyze, "verify", filepath.Join(dir, UnitName+".timer"), filepath.Join(dir, UnitName+".service")).CombinedOutput()
	// systemd-analyze outside a running systemd says so about the
	// machine; what matters is what it says about these units.
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, UnitName) {
			t.Errorf("systemd-analyze verify: %s", l)
		}
	}
	if err != nil && strings.Contains(string(out), UnitName) {
		t.Errorf("systemd-analyze verify failed: %v\n%s", err, out)
	}
}

func TestCronLine(t *testing.T) {
	f := newFake(t, "linux", false)
	f.crontab = "MAILTO=kari\n0 3 * * * backup\n"
	got, err := f.Install(command, Schedule{Hour: 7, Minute: 45, Weekdays: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Scheduler != Cron {
		t.Errorf("installed %+v", got)
	}
	want := "MAILTO=kari\n0 3 * * * backup\n" +
		"45 7 * * 1-5 XDG_RUNTIME_DIR=/run/user/1000 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus '/home/kari/go/bin/tillit' '--journal' '/home/kari/Mine notater' 'remind' 'now' # tillit remind (tillit remind at 07:45 weekdays)\n"
	if f.crontab != want {
		t.Errorf("crontab:\n%s\nwant:\n%s", f.crontab, want)
	}
	if st, err := f.Status(); err != nil || st == nil || st.At() != "07:45" || !st.Weekdays {
		t.Errorf("status %+v %v", st, err)
	}
	// Set again: one line still.
	f.Install(command, Schedule{Hour: 8})
	if n := strings.Count(f.crontab, cronMark); n != 1 || !strings.Contains(f.crontab, "0 8 * * * ") {
		t.Errorf("set again:\n%s", f.crontab)
	}
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if f.crontab != "MAILTO=kari\n0 3 * * * backup\n" {
		t.Errorf("after removing, the user's crontab is:\n%s", f.crontab)
	}
	if crontab, err := exec.LookPath("crontab"); err == nil {
		t.Logf("crontab is at %s; the line is checked above", crontab)
	}
}

func TestLaunchdAgent(t *testing.T) {
	f := newFake(t, "darwin", false)
	got, err := f.Install(command, Schedule{Hour: 7, Minute: 45, Weekdays: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Scheduler != Launchd || got.Path != filepath.Join(f.Home, "Library", "LaunchAgents", "no.tillit.remind.plist") {
		t.Errorf("installed %+v", got)
	}
	data, _ := os.ReadFile(got.Path)
	// A plist is XML: it must read as XML, with the keys launchd wants.
	var plist struct {
		Dict struct {
			Keys    []string `xml:"key"`
			Strings []string `xml:"string"`
			Array   []struct {
				Strings []string `xml:"string"`
				Dicts   []struct {
					Keys []string `xml:"key"`
					Ints []int    `xml:"integer"`
				} `xml:"dict"`
			} `xml:"array"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &plist); err != nil {
		t.Fatalf("the plist is not XML: %v\n%s", err, data)
	}
	d := plist.Dict
	if strings.Join(d.Keys, ",") != "Label,ProgramArguments,StartCalendarInterval,ProcessType" || d.Strings[0] != AgentName {
		t.Errorf("keys %v, strings %v", d.Keys, d.Strings)
	}
	if got := strings.Join(d.Array[0].Strings, "|"); got != "/home/kari/go/bin/tillit|--journal|/home/kari/Mine notater|remind|now" {
		t.Errorf("ProgramArguments: %s", got)
	}
	days := d.Array[1].Dicts
	if len(days) != 5 || days[0].Ints[0] != 1 || days[4].Ints[0] != 5 || days[2].Ints[1] != 7 || days[2].Ints[2] != 45 {
		t.Errorf("StartCalendarInterval: %+v", days)
	}
	if f.calls[0] != "launchctl bootstrap gui/1000 "+got.Path {
		t.Errorf("ran %q", f.calls)
	}
	if st, _ := f.Status(); st == nil || st.At() != "07:45" || !st.Weekdays {
		t.Errorf("status %+v", st)
	}
	every := LaunchdPlist(command, Schedule{Hour: 6, Minute: 5})
	if !strings.Contains(every, "\t<key>StartCalendarInterval</key>\n\t<dict>\n\t\t<key>Hour</key>\n\t\t<integer>6</integer>\n\t\t<key>Minute</key>\n\t\t<integer>5</integer>\n\t</dict>\n") {
		t.Errorf("every day:\n%s", every)
	}
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(got.Path); err == nil {
		t.Error("the agent is still there")
	}
}

func TestTaskSchedulerTask(t *testing.T) {
	f := newFake(t, "windows", false)
	win := Command{Exe: `C:\Users\Kari\go\bin\tillit.exe`, Args: []string{"--journal", `C:\Users\Kari\Mine notater\`, "remind", "now"}}
	got, err := f.Install(win, Schedule{Hour: 7, Minute: 45, Weekdays: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Scheduler != Schtasks || got.Name != TaskName {
		t.Errorf("installed %+v", got)
	}
	data, _ := os.ReadFile(got.Path)
	if data[0] != 0xFF || data[1] != 0xFE {
		t.Errorf("not UTF-16 with a byte-order mark: % x", data[:4])
	}
	text := fromUTF16LE(data)
	var task struct {
		Start string `xml:"Triggers>CalendarTrigger>StartBoundary"`
		Week  *struct {
			Days struct {
				Monday, Friday, Saturday *struct{}
			} `xml:"DaysOfWeek"`
		} `xml:"Triggers>CalendarTrigger>ScheduleByWeek"`
		Command   string `xml:"Actions>Exec>Command"`
		Arguments string `xml:"Actions>Exec>Arguments"`
		Logon     string `xml:"Principals>Principal>LogonType"`
	}
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // decoded already
	if err := dec.Decode(&task); err != nil {
		t.Fatalf("the task is not XML: %v\n%s", err, text)
	}
	if task.Start != "2026-11-27T07:45:00" || task.Week == nil || task.Week.Days.Monday == nil || task.Week.Days.Friday == nil || task.Week.Days.Saturday != nil {
		t.Errorf("trigger: %+v", task)
	}
	if task.Command != win.Exe || task.Arguments != `--journal "C:\Users\Kari\Mine notater\\" remind now` || task.Logon != "InteractiveToken" {
		t.Errorf("action: %+v", task)
	}
	if f.calls[0] != "schtasks /Create /TN tillit-remind /XML "+got.Path+" /F" {
		t.Errorf("ran %q", f.calls)
	}
	if st, _ := f.Status(); st == nil || st.At() != "07:45" || !st.Weekdays {
		t.Errorf("status %+v", st)
	}
	daily := fromUTF16LE(TaskXML(win, Schedule{Hour: 7, Minute: 45}, f.Now()))
	if !strings.Contains(daily, "<ScheduleByDay>\r\n        <DaysInterval>1</DaysInterval>") {
		t.Errorf("daily:\n%s", daily)
	}
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if f.calls[len(f.calls)-1] != "schtasks /Delete /TN tillit-remind /F" {
		t.Errorf("removing ran %q", f.calls)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string][2]int{"07:45": {7, 45}, "7:05": {7, 5}, "23:59": {23, 59}, "00:00": {0, 0}} {
		h, m, err := ParseTime(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseTime(%q) = %d, %d, %v", in, h, m, err)
		}
	}
	for _, bad := range []string{"24:00", "7.45", "07:60", "745", "", "7:5"} {
		if _, _, err := ParseTime(bad); err == nil {
			t.Errorf("ParseTime(%q) took it", bad)
		}
	}
}

func TestDecideRemindsOnlyWhenNeeded(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	today, _ := journal.ParseDate("2026-11-25") // a Wednesday
	yesterday := today.AddDays(-1)
	e, _ := store.Load(yesterday)
	e.Tip = 3
	if err := store.Save(e); err != nil {
		t.Fatal(err)
	}
	why, streak, err := Decide(store, today, false)
	if err != nil || why != Due || streak != 1 {
		t.Errorf("no check-in today: %v %d %v", why, streak, err)
	}
	if err := store.AddAway(journal.Away{From: today, To: today}); err != nil {
		t.Fatal(err)
	}
	if why, _, _ := Decide(store, today, false); why != Away {
		t.Errorf("a day away: %v", why)
	}
	saturday := today.AddDays(3)
	if why, _, _ := Decide(store, saturday, true); why != Away {
		t.Errorf("a weekend with weekdays_only: %v", why)
	}
	if err := store.AppendNote(saturday, time.Now(), "a note is no check-in", false); err != nil {
		t.Fatal(err)
	}
	if why, _, _ := Decide(store, saturday, false); why != Due {
		t.Errorf("a day with a note only: %v", why)
	}
	e, _ = store.Load(saturday)
	e.Tip = 4
	store.Save(e)
	if why, _, _ := Decide(store, saturday, false); why != CheckedIn {
		t.Errorf("checked in: %v", why)
	}
}
