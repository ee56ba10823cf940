// Command benchrun times tillit as a user meets it: whole processes, each
// command run in turn with the others (so a machine that slows down slows
// them all alike), the median of the runs kept. scripts/bench builds
// tillit and runs it; docs/performance.md says what the numbers mean.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "", "the tillit to time")
	base := flag.String("base", "", "an older tillit to time beside it (optional)")
	dir := flag.String("dir", os.TempDir(), "where the journals and the cache go")
	runs := flag.Int("runs", 9, "rounds of runs")
	sizes := flag.String("sizes", "365,3650,36500", "the journals' sizes, in days")
	word := flag.String("word", "alvorlig", "the word to search for")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "benchrun: -bin is needed")
		os.Exit(2)
	}
	env := append(os.Environ(), "TILLIT_LANG=nb", "LANG=C.UTF-8", "NO_COLOR=",
		"XDG_CACHE_HOME="+filepath.Join(*dir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(*dir, "config"),
		"XDG_STATE_HOME="+filepath.Join(*dir, "state"), "TILLIT_JOURNAL=", "TILLIT_EDITOR=true")
	host, _ := os.Hostname()
	fmt.Printf("tillit speed suite · %s · %s · %d cores · %d rounds, medians\n\n", time.Now().Format("2006-01-02 15:04"), host, cpus(), *runs)
	for _, s := range strings.Split(*sizes, ",") {
		days, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchrun: bad size", s)
			os.Exit(2)
		}
		journal := filepath.Join(*dir, fmt.Sprintf("j%d", days))
		if _, err := os.Stat(journal); err != nil {
			out, err := command(env, *bin, "demo", "--days", strconv.Itoa(days), journal).CombinedOutput()
			if err != nil {
				fmt.Fprintf(os.Stderr, "benchrun: demo: %v\n%s", err, out)
				os.Exit(1)
			}
		}
		suite(env, *bin, *base, journal, days, *runs, *word)
	}
}

// a job is one command line to time.
type job struct {
	name string
	args []string
	pty  bool      // run in a pseudo-terminal until Today's date is on screen
	cold bool      // remove the index before each run
	wall []float64 // ms
	cpu  []float64 // ms of user and system time
	rss  []float64 // MiB
}

func suite(env []string, bin, base, journal string, days, runs int, word string) {
	j := func(args ...string) []string { return append([]string{bin, "--journal", journal}, args...) }
	from := time.Now().AddDate(0, 0, -days-1).Format(time.DateOnly)
	jobs := []*job{
		{name: "tillit --version (F)", args: []string{bin, "--version"}},
		{name: "status", args: j("status")},
		{name: "today", args: j("today")},
		{name: "review --json", args: j("review", "--json")},
		{name: "search " + word, args: j("search", word)},
		{name: "export all to md", args: j("export", "--from", from)},
		{name: "first frame of Today", args: j(), pty: true},
		{name: "today, cold index", args: j("today"), cold: true},
		{name: "floor: grep -r " + word, args: []string{"grep", "-r", word, journal}},
		{name: "floor: grep -ri " + word, args: []string{"grep", "-ri", word, journal}},
	}
	if base != "" {
		jobs = append(jobs, &job{name: "older build: today", args: []string{base, "--journal", journal, "today"}},
			&job{name: "older build: --version", args: []string{base, "--version"}})
	}
	date := todayDate(env, bin, journal)
	cache := ""
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "XDG_CACHE_HOME="); ok {
			cache = filepath.Join(v, "tillit")
		}
	}
	// One run of each first, not counted: the files in memory, the index
	// made.
	for round := -1; round < runs; round++ {
		for _, jb := range jobs {
			if jb.cold {
				os.RemoveAll(cache)
			}
			var r run
			if jb.pty {
				r = firstFrame(env, jb.args, date)
			} else {
				r = timed(env, jb.args)
			}
			if round >= 0 {
				jb.wall, jb.cpu, jb.rss = append(jb.wall, r.wall), append(jb.cpu, r.cpu), append(jb.rss, r.rss)
			}
		}
	}
	f, fcpu := median(jobs[0].wall), median(jobs[0].cpu)
	fmt.Printf("## %d days\n\n| command | median ms | − F ms | cpu ms | − F cpu ms | peak MiB |\n|---|---:|---:|---:|---:|---:|\n", days)
	for _, jb := range jobs {
		m, c := median(jb.wall), median(jb.cpu)
		fmt.Printf("| %s | %.1f | %+.1f | %.1f | %+.1f | %.0f |\n", jb.name, m, m-f, c, c-fcpu, median(jb.rss))
	}
	fmt.Println()
}

func command(env []string, args ...string) *exec.Cmd {
	c := exec.Command(args[0], args[1:]...)
	c.Env = env
	return c
}

// run is what one run took: wall and processor time (ms), peak memory
// (MiB).
type run struct{ wall, cpu, rss float64 }

// finished is the run of a process that ended after wall.
func finished(p *os.ProcessState, wall time.Duration) run {
	if p == nil {
		return run{wall: ms(wall)}
	}
	return run{ms(wall), ms(p.UserTime() + p.SystemTime()), peak(p)}
}

// timed runs a command to its end, its output thrown away.
func timed(env, args []string) run {
	c := command(env, args...)
	start := time.Now()
	if err := c.Run(); err != nil && c.ProcessState == nil {
		fmt.Fprintf(os.Stderr, "benchrun: %s: %v\n", strings.Join(args, " "), err)
		os.Exit(1)
	}
	return finished(c.ProcessState, time.Since(start))
}

// todayDate is the day as Today's header writes it: the first line of
// tillit today, up to the tip.
func todayDate(env []string, bin, journal string) string {
	out, err := command(env, bin, "--journal", journal, "today").Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: today: %v\n", err)
		os.Exit(1)
	}
	line, _, _ := bytes.Cut(out, []byte("\n"))
	date, _, _ := strings.Cut(string(line), " · ")
	return date
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
