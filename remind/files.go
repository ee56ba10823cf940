package remind

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
)

// Names tillit gives the reminder in each scheduler.
const (
	UnitName  = "tillit-remind"    // systemd: tillit-remind.service and .timer
	AgentName = "no.tillit.remind" // launchd: its Label and file name
	TaskName  = "tillit-remind"    // Task Scheduler
)

// Command is what the scheduler runs: the tillit program and its
// arguments (remind now, and the journal, settings and language it was set
// up with when they were not the defaults).
type Command struct {
	Exe  string
	Args []string
}

// SystemdUnits returns the user service that runs the command and the
// timer that starts it: Persistent, so a reminder missed while the machine
// slept comes when it wakes (remind now still checks the day).
func SystemdUnits(c Command, s Schedule) (service, timer string) {
	words := []string{systemdQuote(c.Exe)}
	for _, a := range c.Args {
		words = append(words, systemdQuote(a))
	}
	service = "# " + s.mark() + "\n" +
		"[Unit]\n" +
		"Description=tillit: a reminder to check in, when today has no check-in yet\n" +
		"\n" +
		"[Service]\n" +
		"Type=oneshot\n" +
		"ExecStart=" + strings.Join(words, " ") + "\n"
	days := ""
	if s.Weekdays {
		days = "Mon..Fri "
	}
	timer = "# " + s.mark() + "\n" +
		"[Unit]\n" +
		"Description=tillit: the daily reminder to check in\n" +
		"\n" +
		"[Timer]\n" +
		fmt.Sprintf("OnCalendar=%s*-*-* %02d:%02d:00\n", days, s.Hour, s.Minute) +
		"Persistent=true\n" +
		"Unit=" + UnitName + ".service\n" +
		"\n" +
		"[Install]\n" +
		"WantedBy=timers.target\n"
	return service, timer
}

// systemdQuote writes a word of ExecStart: quoted, with \ and " escaped,
// and % and $ doubled, which systemd would otherwise expand.
func systemdQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "%", "%%", "$", "$$")
	return `"` + r.Replace(s) + `"`
}

// cronMark ends tillit's line in a crontab, to find it again.
const cronMark = "# tillit remind"

// CronLine is the crontab line that runs the command. cron starts it
// without the desktop's session, so the line names the session bus of the
// user's runtime folder (uid), where notifications go.
func CronLine(c Command, s Schedule, uid int) string {
	days := "*"
	if s.Weekdays {
		days = "1-5"
	}
	words := []string{shQuote(c.Exe)}
	for _, a := range c.Args {
		words = append(words, shQuote(a))
	}
	env := fmt.Sprintf("XDG_RUNTIME_DIR=/run/user/%d DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/%d/bus", uid, uid)
	cmd := strings.ReplaceAll(env+" "+strings.Join(words, " "), "%", `\%`) // % ends a cron command
	return fmt.Sprintf("%d %d * * %s %s %s (%s)", s.Minute, s.Hour, days, cmd, cronMark, s.mark())
}

func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// withCronLine returns a crontab with tillit's line replaced by line (or
// taken out, for an empty line); every other line stays.
func withCronLine(crontab, line string) string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(crontab, "\n"), "\n") {
		if l == "" && len(out) == 0 || strings.Contains(l, cronMark) {
			continue
		}
		out = append(out, l)
	}
	if line != "" {
		out = append(out, line)
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}

// LaunchdPlist is the launch agent that runs the command at the time, on
// every day or on Monday (1) to Friday (5).
func LaunchdPlist(c Command, s Schedule) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">` + "\n")
	b.WriteString("<!-- " + s.mark() + " -->\n")
	b.WriteString(`<plist version="1.0">` + "\n<dict>\n")
	b.WriteString("\t<key>Label</key>\n\t<string>" + AgentName + "</string>\n")
	b.WriteString("\t<key>ProgramArguments</key>\n\t<array>\n")
	for _, a := range append([]string{c.Exe}, c.Args...) {
		b.WriteString("\t\t<string>" + xmlText(a) + "</string>\n")
	}
	b.WriteString("\t</array>\n")
	b.WriteString("\t<key>StartCalendarInterval</key>\n")
	interval := func(indent string, weekday int) {
		b.WriteString(indent + "<dict>\n")
		if weekday > 0 {
			fmt.Fprintf(&b, "%s\t<key>Weekday</key>\n%s\t<integer>%d</integer>\n", indent, indent, weekday)
		}
		fmt.Fprintf(&b, "%s\t<key>Hour</key>\n%s\t<integer>%d</integer>\n", indent, indent, s.Hour)
		fmt.Fprintf(&b, "%s\t<key>Minute</key>\n%s\t<integer>%d</integer>\n", indent, indent, s.Minute)
		b.WriteString(indent + "</dict>\n")
	}
	if s.Weekdays {
		b.WriteString("\t<array>\n")
		for day := 1; day <= 5; day++ {
			interval("\t\t", day)
		}
		b.WriteString("\t</array>\n")
	} else {
		interval("\t", 0)
	}
	b.WriteString("\t<key>ProcessType</key>\n\t<string>Background</string>\n")
	b.WriteString("</dict>\n</plist>\n")
	return b.String()
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// TaskXML is the Task Scheduler task that runs the command at the time,
// daily or weekly on Monday to Friday, for the user who is logged on, from
// start (the day it was set up), in UTF-16 as schtasks /XML reads it.
func TaskXML(c Command, s Schedule, start time.Time) []byte {
	var args []string
	for _, a := range c.Args {
		args = append(args, winQuote(a))
	}
	schedule := "      <ScheduleByDay>\r\n        <DaysInterval>1</DaysInterval>\r\n      </ScheduleByDay>\r\n"
	if s.Weekdays {
		schedule = "      <ScheduleByWeek>\r\n        <WeeksInterval>1</WeeksInterval>\r\n        <DaysOfWeek>\r\n" +
			"          <Monday />\r\n          <Tuesday />\r\n          <Wednesday />\r\n          <Thursday />\r\n          <Friday />\r\n" +
			"        </DaysOfWeek>\r\n      </ScheduleByWeek>\r\n"
	}
	text := `<?xml version="1.0" encoding="UTF-16"?>` + "\r\n" +
		"<!-- " + s.mark() + " -->\r\n" +
		`<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">` + "\r\n" +
		"  <RegistrationInfo>\r\n    <Description>tillit: a reminder to check in, when today has no check-in yet</Description>\r\n  </RegistrationInfo>\r\n" +
		"  <Triggers>\r\n    <CalendarTrigger>\r\n" +
		fmt.Sprintf("      <StartBoundary>%s</StartBoundary>\r\n", time.Date(start.Year(), start.Month(), start.Day(), s.Hour, s.Minute, 0, 0, time.Local).Format("2006-01-02T15:04:05")) +
		"      <Enabled>true</Enabled>\r\n" +
		schedule +
		"    </CalendarTrigger>\r\n  </Triggers>\r\n" +
		"  <Principals>\r\n    <Principal id=\"Author\">\r\n      <LogonType>InteractiveToken</LogonType>\r\n      <RunLevel>LeastPrivilege</RunLevel>\r\n    </Principal>\r\n  </Principals>\r\n" +
		"  <Settings>\r\n" +
		"    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\r\n" +
		"    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\r\n" +
		"    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\r\n" +
		"    <StartWhenAvailable>true</StartWhenAvailable>\r\n" +
		"    <ExecutionTimeLimit>PT5M</ExecutionTimeLimit>\r\n" +
		"    <Enabled>true</Enabled>\r\n" +
		"  </Settings>\r\n" +
		"  <Actions Context=\"Author\">\r\n    <Exec>\r\n" +
		"      <Command>" + xmlText(c.Exe) + "</Command>\r\n" +
		"      <Arguments>" + xmlText(strings.Join(args, " ")) + "</Arguments>\r\n" +
		"    </Exec>\r\n  </Actions>\r\n" +
		"</Task>\r\n"
	return utf16LE(text)
}

// utf16LE encodes text as UTF-16, little-endian, with a byte-order mark.
func utf16LE(text string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// fromUTF16LE reads what utf16LE wrote.
func fromUTF16LE(data []byte) string {
	data = bytes.TrimPrefix(data, []byte{0xFF, 0xFE})
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
	}
	return string(utf16.Decode(units))
}

// winQuote quotes an argument as Windows programs split their command
// line: in double quotes when it has spaces or quotes, with the quotes and
// the backslashes before them escaped.
func winQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for _, r := range s {
		switch r {
		case '\\':
			slashes++
			continue
		case '"':
			b.WriteString(strings.Repeat(`\`, 2*slashes+1))
		default:
			b.WriteString(strings.Repeat(`\`, slashes))
		}
		slashes = 0
		b.WriteRune(r)
	}
	b.WriteString(strings.Repeat(`\`, 2*slashes))
	b.WriteByte('"')
	return b.String()
}
