package journal

import (
	"fmt"
	"time"
)

// The kinds of file a journal holds, in one table: where each lives, how
// it is named and how it is read. Reading the journal, its index and the
// doctor all go by this table, so they never disagree about what is a
// journal file and what is not.

// place is the folder a kind of file lives in.
type place int

const (
	atRoot  place = iota // the journal's own folder: away.md
	inYear               // a year folder (2026/): the weekly reflections of that ISO week-year
	inMonth              // a month folder (2026/11/): the days, mentoring notes and assessments of that month
)

// fileKind is one kind of journal file.
type fileKind struct {
	kind  Kind
	place place
	// name reads a file name of the kind: ok when the name has the kind's
	// form, whether or not the day or week it names exists.
	name func(name string) (n fileName, ok bool)
	// parse reads the file.
	parse func(path string, data []byte) (any, error)
}

var fileKinds = [...]fileKind{
	{KindDay, inMonth, dayName, func(p string, b []byte) (any, error) { return ParseEntry(p, b) }},
	{KindMentoring, inMonth, mentoringName, func(p string, b []byte) (any, error) { return ParseMentoring(p, b) }},
	{KindAssessment, inMonth, assessmentName, func(p string, b []byte) (any, error) { return ParseAssessment(p, b) }},
	{KindWeek, inYear, weekName, func(p string, b []byte) (any, error) { return ParseReflection(p, b) }},
	{KindAway, atRoot, awayName, func(p string, b []byte) (any, error) { return parseAwayFile(p, b) }},
}

// fileName is what the name of a journal file says.
type fileName struct {
	kind Kind
	day  Date // the day of an entry, a mentoring note or an assessment
	week Week // the week of a reflection
	// real is set when the day or week exists: 2026-02-30.md and
	// 2026-W54.md have the form of a name, and name nothing.
	real bool
}

// nameOf reads a file name by the table: false for a name no kind has.
func nameOf(name string) (fileName, bool) {
	for i := range fileKinds {
		if n, ok := fileKinds[i].name(name); ok {
			return n, true
		}
	}
	return fileName{}, false
}

// kindOf returns the table's row of a kind.
func kindOf(k Kind) *fileKind {
	for i := range fileKinds {
		if fileKinds[i].kind == k {
			return &fileKinds[i]
		}
	}
	panic(fmt.Sprintf("no kind of journal file %d", k))
}

// home is the folder a file of the name belongs in, from the journal's
// root and with a slash at the end ("2026/11/", "2026/"), or "" for the
// root itself.
func (n fileName) home() string {
	switch kindOf(n.kind).place {
	case inMonth:
		return fmt.Sprintf("%04d/%02d/", n.day.Year, n.day.Month)
	case inYear:
		return fmt.Sprintf("%04d/", n.week.Year)
	}
	return ""
}

// in reports whether the name belongs in the folder year/month (either
// may be "": the root, or a year folder).
func (n fileName) in(year, month string) bool {
	switch kindOf(n.kind).place {
	case inMonth:
		return month != "" && n.day.Year == atoi(year) && int(n.day.Month) == atoi(month)
	case inYear:
		return month == "" && year != "" && n.week.Year == atoi(year)
	}
	return year == "" && month == ""
}

// dated reports whether the kind's name says where it belongs: a day's
// or a week's. Found in another folder, such a file is misplaced; a file
// named away.md anywhere but the root is just a stray.
func (n fileName) dated() bool { return kindOf(n.kind).place != atRoot }

// parse reads a file of the kind the name says.
func (n fileName) parse(path string, data []byte) (any, error) {
	return kindOf(n.kind).parse(path, data)
}

// isYearFolder and isMonthFolder read the names of the journal's folders:
// 2026, and 01 to 12.
func isYearFolder(name string) bool { return len(name) == 4 && digits(name) }

func isMonthFolder(name string) bool {
	return len(name) == 2 && digits(name) && name != "00" && atoi(name) <= 12
}

// dayName reads 2026-11-23.md.
func dayName(name string) (fileName, bool) {
	if len(name) != len("2026-11-23.md") || name[10:] != ".md" {
		return fileName{}, false
	}
	d, form, real := dayOf(name[:10])
	return fileName{kind: KindDay, day: d, real: real}, form
}

// mentoringName reads 2026-11-23-mentoring.md.
func mentoringName(name string) (fileName, bool) {
	return dayFileName(name, "-mentoring.md", KindMentoring)
}

// assessmentName reads 2026-11-23-assessment.md.
func assessmentName(name string) (fileName, bool) {
	return dayFileName(name, "-assessment.md", KindAssessment)
}

// dayFileName reads a name of a kind that lives beside a day's entry: the
// day, then suffix.
func dayFileName(name, suffix string, k Kind) (fileName, bool) {
	if len(name) != len("2026-11-23")+len(suffix) || name[10:] != suffix {
		return fileName{}, false
	}
	d, form, real := dayOf(name[:10])
	return fileName{kind: k, day: d, real: real}, form
}

// weekName reads 2026-W48.md: the ISO week-year, a capital W, two digits.
func weekName(name string) (fileName, bool) {
	if len(name) != len("2026-W48.md") || name[4:6] != "-W" || name[8:] != ".md" || !digits(name[:4]) || !digits(name[6:8]) {
		return fileName{}, false
	}
	w, err := ParseWeek(name[:8])
	return fileName{kind: KindWeek, week: w, real: err == nil}, true
}

func awayName(name string) (fileName, bool) {
	return fileName{kind: KindAway, real: true}, name == AwayFileName
}

// dayOf reads YYYY-MM-DD: form says it has that form, real that it is a
// day of the calendar (not 2026-02-30, not the year 0).
func dayOf(s string) (d Date, form, real bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return Date{}, false, false
	}
	y, m, day := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	if y < 1 || m < 1 || m > 12 || day < 1 || day > daysIn(time.Month(m), y) {
		return Date{}, true, false
	}
	return Date{y, time.Month(m), day}, true, true
}

// daysIn is the number of days of month m in year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// digits reports whether s is ASCII digits only (and not empty).
func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi reads ASCII digits; callers check them with digits first.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
