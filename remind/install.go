package remind

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"tillit/journal"
)

// The schedulers tillit knows.
const (
	Systemd  = "systemd"  // a systemd user timer (Linux)
	Cron     = "cron"     // a line in the user's crontab (Linux without systemd, other Unix)
	Launchd  = "launchd"  // a launch agent (macOS)
	Schtasks = "schtasks" // a Task Scheduler task (Windows)
)

// Installer puts the reminder into the scheduler of one system. Its
// fields are the system's places and tools, so that the tests can give
// their own.
type Installer struct {
	GOOS string
	// ConfigHome is $XDG_CONFIG_HOME (systemd's user units are under it);
	// Home the home folder (macOS keeps launch agents in
	// ~/Library/LaunchAgents); DataHome where the Windows task's file is
	// kept (%LOCALAPPDATA%).
	ConfigHome, Home, DataHome string
	UID                        int
	// Run runs a scheduler's tool (systemctl, crontab, launchctl,
	// schtasks) with stdin, and returns what it printed.
	Run func(stdin []byte, name string, args ...string) ([]byte, error)
	// HasSystemd reports whether a systemd user session is there, HasCron
	// whether crontab is.
	HasSystemd, HasCron func() bool
	Now                 func() time.Time
}

// Installed is a reminder the scheduler has: when, with which scheduler,
// and the file that says so (or the task's name).
type Installed struct {
	Schedule
	Scheduler string
	Path      string
	Name      string
}

// ToolError is a scheduler's tool that failed.
type ToolError struct {
	Tool   string
	Detail string
}

func (e *ToolError) Error() string { return e.Tool + ": " + e.Detail }

// ErrNoScheduler says no scheduler tillit knows is there.
var ErrNoScheduler = errors.New("no scheduler: neither a systemd user session nor crontab")

// System is the installer for the system tillit runs on.
func System(configHome, home, dataHome string) *Installer {
	return &Installer{
		GOOS: goos, ConfigHome: configHome, Home: home, DataHome: dataHome, UID: os.Getuid(),
		Run: runTool, HasSystemd: hasSystemd, HasCron: hasCron, Now: time.Now,
	}
}

func runTool(stdin []byte, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		detail := strings.Join(strings.Fields(stderr.String()), " ")
		if detail == "" {
			detail = err.Error()
		}
		return out, &ToolError{Tool: name, Detail: detail}
	}
	return out, nil
}

func hasCron() bool {
	_, err := exec.LookPath("crontab")
	return err == nil
}

// hasSystemd: a user manager answers.
func hasSystemd() bool {
	if _, err := exec.LookPath("systemctl"); err != nil {
		return false
	}
	return exec.Command("systemctl", "--user", "show-environment").Run() == nil
}

func (in *Installer) unitPaths() (service, timer string) {
	dir := filepath.Join(in.ConfigHome, "systemd", "user")
	return filepath.Join(dir, UnitName+".service"), filepath.Join(dir, UnitName+".timer")
}

func (in *Installer) agentPath() string {
	return filepath.Join(in.Home, "Library", "LaunchAgents", AgentName+".plist")
}

func (in *Installer) taskPath() string { return filepath.Join(in.DataHome, "tillit", TaskName+".xml") }

// scheduler picks the scheduler of the system.
func (in *Installer) scheduler() (string, error) {
	switch in.GOOS {
	case "darwin":
		return Launchd, nil
	case "windows":
		return Schtasks, nil
	case "linux":
		if in.HasSystemd() {
			return Systemd, nil
		}
	}
	if in.HasCron() {
		return Cron, nil
	}
	return "", ErrNoScheduler
}

// Install sets the reminder for s, in place of any reminder tillit set
// before, and returns what it installed.
func (in *Installer) Install(c Command, s Schedule) (*Installed, error) {
	sched, err := in.scheduler()
	if err != nil {
		return nil, err
	}
	if err := in.Remove(); err != nil {
		return nil, err
	}
	got := &Installed{Schedule: s, Scheduler: sched}
	switch sched {
	case Systemd:
		service, timer := SystemdUnits(c, s)
		sp, tp := in.unitPaths()
		if err := writeFiles(map[string][]byte{sp: []byte(service), tp: []byte(timer)}); err != nil {
			return nil, err
		}
		if _, err := in.Run(nil, "systemctl", "--user", "daemon-reload"); err != nil {
			return nil, err
		}
		if _, err := in.Run(nil, "systemctl", "--user", "enable", "--now", UnitName+".timer"); err != nil {
			return nil, err
		}
		got.Path = tp
	case Cron:
		tab, err := in.crontab()
		if err != nil {
			return nil, err
		}
		if _, err := in.Run([]byte(withCronLine(tab, CronLine(c, s, in.UID))), "crontab", "-"); err != nil {
			return nil, err
		}
	case Launchd:
		path := in.agentPath()
		if err := writeFiles(map[string][]byte{path: []byte(LaunchdPlist(c, s))}); err != nil {
			return nil, err
		}
		if _, err := in.Run(nil, "launchctl", "bootstrap", "gui/"+strconv.Itoa(in.UID), path); err != nil {
			return nil, err
		}
		got.Path = path
	case Schtasks:
		path := in.taskPath()
		if err := writeFiles(map[string][]byte{path: TaskXML(c, s, in.Now())}); err != nil {
			return nil, err
		}
		if _, err := in.Run(nil, "schtasks", "/Create", "/TN", TaskName, "/XML", path, "/F"); err != nil {
			return nil, err
		}
		got.Path, got.Name = path, TaskName
	}
	return got, nil
}

// Remove takes out the reminder tillit set, if any.
func (in *Installer) Remove() error {
	got, err := in.Status()
	if err != nil || got == nil {
		return err
	}
	switch got.Scheduler {
	case Systemd:
		_, _ = in.Run(nil, "systemctl", "--user", "disable", "--now", UnitName+".timer")
		sp, tp := in.unitPaths()
		for _, p := range []string{tp, sp} {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		_, _ = in.Run(nil, "systemctl", "--user", "daemon-reload")
	case Cron:
		tab, err := in.crontab()
		if err != nil {
			return err
		}
		if _, err := in.Run([]byte(withCronLine(tab, "")), "crontab", "-"); err != nil {
			return err
		}
	case Launchd:
		_, _ = in.Run(nil, "launchctl", "bootout", "gui/"+strconv.Itoa(in.UID), got.Path)
		if err := os.Remove(got.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	case Schtasks:
		_, _ = in.Run(nil, "schtasks", "/Delete", "/TN", TaskName, "/F")
		if err := os.Remove(got.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Status finds the reminder tillit set: nil when there is none.
func (in *Installer) Status() (*Installed, error) {
	read := func(path string, decode func([]byte) string) (Schedule, bool) {
		data, err := os.ReadFile(path)
		if err != nil {
			return Schedule{}, false
		}
		return readMark(decode(data))
	}
	plain := func(b []byte) string { return string(b) }
	switch in.GOOS {
	case "darwin":
		if s, ok := read(in.agentPath(), plain); ok {
			return &Installed{Schedule: s, Scheduler: Launchd, Path: in.agentPath()}, nil
		}
		return nil, nil
	case "windows":
		if s, ok := read(in.taskPath(), fromUTF16LE); ok {
			return &Installed{Schedule: s, Scheduler: Schtasks, Path: in.taskPath(), Name: TaskName}, nil
		}
		return nil, nil
	}
	if _, tp := in.unitPaths(); exists(tp) {
		if s, ok := read(tp, plain); ok {
			return &Installed{Schedule: s, Scheduler: Systemd, Path: tp}, nil
		}
	}
	tab, err := in.crontab()
	if err != nil {
		return nil, nil // no crontab to look in
	}
	for _, l := range strings.Split(tab, "\n") {
		if strings.Contains(l, cronMark) {
			if s, ok := readMark(l); ok {
				return &Installed{Schedule: s, Scheduler: Cron}, nil
			}
		}
	}
	return nil, nil
}

// crontab is the user's crontab; none is an empty one.
func (in *Installer) crontab() (string, error) {
	out, err := in.Run(nil, "crontab", "-l")
	var te *ToolError
	if errors.As(err, &te) && strings.Contains(strings.ToLower(te.Detail), "no crontab") {
		return "", nil
	}
	return string(out), err
}

// writeFiles writes the scheduler's files (the user's, readable by them
// only), making their folders when missing.
func writeFiles(files map[string][]byte) error {
	for path, data := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
		if err := journal.WriteFile(path, data); err != nil {
			return err
		}
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
