package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tillit/remind"
)

// standIns replace, in the test binary only, what a script cannot run for
// real: the desktop notification ($TILLIT_TEST_NOTIFY names the file that
// records it), the system's scheduler ($TILLIT_TEST_SCHEDULER: systemd,
// cron, launchd or schtasks, with the tools' calls and the crontab kept in
// files beside $TILLIT_TEST_NOTIFY) and the installed program's path.
func standIns() {
	log := os.Getenv("TILLIT_TEST_NOTIFY")
	if log == "" {
		return
	}
	notify = func(title, body string) error {
		f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = fmt.Fprintf(f, "%s: %s\n", title, body)
		return err
	}
	executable = func() (string, error) { return "/usr/local/bin/tillit", nil }
	dir := filepath.Dir(log)
	kind := os.Getenv("TILLIT_TEST_SCHEDULER")
	goos := map[string]string{"systemd": "linux", "cron": "linux", "launchd": "darwin", "schtasks": "windows"}[kind]
	scheduler = func() *remind.Installer {
		home := os.Getenv("HOME")
		return &remind.Installer{
			GOOS: goos, ConfigHome: os.Getenv("XDG_CONFIG_HOME"), Home: home, DataHome: os.Getenv("XDG_DATA_HOME"), UID: 1000,
			HasSystemd: func() bool { return kind == "systemd" },
			HasCron:    func() bool { return kind == "cron" },
			Now:        func() time.Time { return clock() },
			Run: func(stdin []byte, name string, args ...string) ([]byte, error) {
				calls, _ := os.OpenFile(filepath.Join(dir, "scheduler.log"), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
				fmt.Fprintln(calls, strings.Join(append([]string{name}, args...), " "))
				calls.Close()
				tab := filepath.Join(dir, "crontab")
				switch {
				case name == "crontab" && args[0] == "-":
					return nil, os.WriteFile(tab, stdin, 0o600)
				case name == "crontab":
					data, err := os.ReadFile(tab)
					if err != nil {
						return nil, &remind.ToolError{Tool: "crontab", Detail: "no crontab for kari"}
					}
					return data, nil
				}
				return nil, nil
			},
		}
	}
}
