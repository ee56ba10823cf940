package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Finding is one thing the doctor found in the journal folder: a file that
// cannot be read, a value that is wrong, a file where none belongs, too open
// permissions, a sync conflict, a symbolic link. Detail says it in English;
// Kind and the fields after it let an interface say it in the user's
// language.
type Finding struct {
	Path   string // the file or folder
	Kind   string // one of the Find* kinds
	Detail string // what is wrong, in English

	Err     error       // FindUnparseable (a *ParseError), FindUnreadable
	Problem Problem     // FindValue
	Mode    fs.FileMode // FindPermissions: the permissions found
	Want    fs.FileMode // FindPermissions: the widest tillit expects
	// Other is, for FindMisplaced, the folder the file belongs in (as
	// 2026/11/); for FindConflict, the name of the file the copy belongs to;
	// for FindSymlink, where the link points.
	Other string
	// Missing is set for a conflict copy whose file is gone, and for a link
	// that points at nothing.
	Missing bool
	// Outside is set for a link that points outside the journal.
	Outside bool
	// Folder is set when Path is a folder; Special, when it is neither a
	// folder nor a plain file (a pipe, a socket, a device).
	Folder, Special bool
}

// The kinds of Finding.
const (
	FindUnparseable = "unparseable" // tillit will not write it: Err says why
	FindUnreadable  = "unreadable"  // the file or folder cannot be read: Err
	FindValue       = "value"       // a value in the front matter: Problem
	FindStray       = "stray"       // not a journal file, or not where tillit looks
	FindMisplaced   = "misplaced"   // a journal file in the wrong folder: Other
	FindNoSuchDay   = "no_such_day" // named like a day or week that does not exist
	FindPermissions = "permissions" // readable by others: Mode, Want
	FindConflict    = "conflict"    // a Syncthing conflict copy of Other
	FindSymlink     = "symlink"     // a symbolic link to Other; not followed
)

func (f Finding) String() string { return f.Path + ": " + f.Detail }

// Checkup is what the doctor found.
type Checkup struct {
	Files    int // the journal files read
	Findings []Finding
}

// Doctor looks at every file and folder of the journal, except the hidden
// ones (.git, .obsidian, .stfolder, .tillit: those belong to the user's
// tools and to tillit's own bookkeeping), and reports what is wrong. It only
// reads: nothing is written, created or changed, and symbolic links are
// never followed.
//
// tips says how many tips the pack with an id has ("" is the built-in
// pack), or 0 for a pack it does not know, whose tip numbers are then not
// checked.
//
// The error is for a journal folder that cannot be read at all; a journal
// that does not exist yet is healthy.
func (s *Store) Doctor(tips func(pack string) int) (*Checkup, error) {
	return s.doctor(tips, nil)
}

// DoctorOf is Doctor for a journal just read from the store: the files j
// holds, and those it could not parse, are not read again. A file that
// came after j was read is read as Doctor reads it.
func (s *Store) DoctorOf(j *Journal, tips func(pack string) int) (*Checkup, error) {
	known := map[string]parsedFile{}
	for _, e := range j.Entries {
		known[e.Path] = parsedFile{problems: e.Problems, tipKey: "tip", tip: e.Tip, pack: e.Pack}
	}
	for _, r := range j.Reflections {
		known[r.Path] = parsedFile{problems: r.Problems, tipKey: "focus_tip", tip: r.FocusTip, pack: r.Pack}
	}
	for _, m := range j.Mentorings {
		known[m.Path] = parsedFile{problems: m.Problems}
	}
	for _, a := range j.Assessments {
		known[a.Path] = assessmentFile(a)
	}
	for _, err := range j.Problems {
		var pe *ParseError
		if errors.As(err, &pe) {
			known[pe.Path] = parsedFile{err: err}
		}
	}
	return s.doctor(tips, known)
}

// parsedFile is what parsing a journal file told the doctor.
type parsedFile struct {
	problems []Problem
	tipKey   string // the key that holds a tip number, if any
	tip      int
	pack     string
	err      error // the file could not be parsed
}

func (s *Store) doctor(tips func(pack string) int, known map[string]parsedFile) (*Checkup, error) {
	d := &doctor{root: filepath.Clean(s.Root), tips: tips, known: known}
	info, err := os.Stat(d.root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Checkup{}, nil
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", d.root, err)
	case !info.IsDir():
		return nil, fmt.Errorf("%s: the journal is a file, not a folder", d.root)
	}
	d.realRoot, err = filepath.EvalSymlinks(d.root)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", d.root, err)
	}
	d.permissions(d.root, info)
	d.appLinks(filepath.Join(d.root, AppDirName))
	if err := d.walkRoot(); err != nil {
		return nil, err
	}
	d.parseAll()
	// One file's findings together, the files in the order of their paths.
	slices.SortStableFunc(d.found, func(a, b Finding) int { return strings.Compare(a.Path, b.Path) })
	return &Checkup{Files: len(d.files), Findings: d.found}, nil
}

type doctor struct {
	root, realRoot string
	tips           func(string) int
	known          map[string]parsedFile // files already parsed, by path
	files          []doctorFile
	found          []Finding
}

// doctorFile is a journal file waiting to be read.
type doctorFile struct {
	path string
	name fileName
}

func (d *doctor) add(f Finding) { d.found = append(d.found, f) }

// walkRoot looks at the root: year folders and away.md belong there.
func (d *doctor) walkRoot() error {
	items, err := os.ReadDir(d.root)
	if err != nil {
		return fmt.Errorf("read %s: %w", d.root, err)
	}
	d.walkFolder(d.root, "", "", items)
	return nil
}

// walkFolder looks at the items of a folder of the journal: the root
// (year and month empty), a year folder (month empty) or a month folder.
// What belongs there by the table of kinds is read; a journal file in
// another folder than its name says is misplaced, one named for a day or
// week that does not exist is reported as such, and anything else is a
// stray.
func (d *doctor) walkFolder(dir, year, month string, items []fs.DirEntry) {
	for _, item := range items {
		name := item.Name()
		path := filepath.Join(dir, name)
		info, ok := d.look(path, item)
		if !ok {
			continue
		}
		switch {
		case info.IsDir() && year == "" && isYearFolder(name):
			d.walkSub(path, name, "")
		case info.IsDir() && year != "" && month == "" && isMonthFolder(name):
			d.walkSub(path, year, name)
		case info.Mode().IsRegular():
			d.file(path, year, month, info)
		default:
			d.stray(path, info)
		}
	}
}

// walkSub looks at a year or a month folder.
func (d *doctor) walkSub(dir, year, month string) {
	items, err := os.ReadDir(dir)
	if err != nil {
		d.add(Finding{Path: dir, Kind: FindUnreadable, Err: err, Folder: true, Detail: "cannot be read: " + err.Error()})
		return
	}
	d.walkFolder(dir, year, month, items)
}

// file takes a plain file of a folder of the journal.
func (d *doctor) file(path, year, month string, info fs.FileInfo) {
	n, ok := nameOf(info.Name())
	switch {
	case !ok:
		d.stray(path, info)
	case !n.real && n.kind == KindWeek:
		d.add(Finding{Path: path, Kind: FindNoSuchDay, Detail: "there is no such week"})
	case !n.real:
		d.add(Finding{Path: path, Kind: FindNoSuchDay, Detail: "there is no such day in the calendar"})
	case n.in(year, month):
		d.files = append(d.files, doctorFile{path, n})
	case n.dated():
		d.misplaced(path, n.home())
	default:
		d.stray(path, info)
	}
}

// look takes a folder item: hidden ones are left alone entirely; symbolic
// links and sync conflicts are reported and go no further; the permissions
// of the rest are checked. It returns the item's own information (never a
// link's target's) and whether to go on with it.
func (d *doctor) look(path string, item fs.DirEntry) (fs.FileInfo, bool) {
	name := item.Name()
	if strings.HasPrefix(name, ".") {
		return nil, false
	}
	info, err := item.Info() // lstat: a link is not followed
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false // gone since the folder was read
	}
	if err != nil {
		d.add(Finding{Path: path, Kind: FindUnreadable, Err: err, Detail: "cannot be read: " + err.Error()})
		return nil, false
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		d.symlink(path)
		return nil, false
	}
	d.permissions(path, info)
	if of, ok := conflictOf(name); ok {
		f := Finding{Path: path, Kind: FindConflict, Other: of, Folder: info.IsDir()}
		if _, err := os.Lstat(filepath.Join(filepath.Dir(path), of)); errors.Is(err, fs.ErrNotExist) {
			f.Missing = true
			f.Detail = fmt.Sprintf("a Syncthing conflict copy of %s, which is missing: rename the copy to %s", of, of)
		} else {
			f.Detail = fmt.Sprintf("a Syncthing conflict copy of %s: merge what differs into %s, then delete the copy", of, of)
		}
		d.add(f)
		return nil, false
	}
	return info, true
}

// appLinks reports a link where tillit keeps its own files (.tillit and the
// folders and lock file in it): tillit refuses to work through one, so each
// is worth a look.
func (d *doctor) appLinks(app string) {
	info, err := os.Lstat(app)
	if err != nil {
		return
	}
	if isLink(info) {
		d.symlink(app)
		return
	}
	for _, name := range []string{"drafts", "edit", "lock", "tmp", "trash"} {
		path := filepath.Join(app, name)
		if info, err := os.Lstat(path); err == nil && isLink(info) {
			d.symlink(path)
		}
	}
}

// conflictOf reads the name of a Syncthing conflict copy,
// 2026-11-23.sync-conflict-20261124-101010-ABCDEFG.md, and returns the name
// of the file it is a copy of.
func conflictOf(name string) (string, bool) {
	const mark = ".sync-conflict-"
	i := strings.Index(name, mark)
	if i <= 0 {
		return "", false
	}
	ext := ""
	if j := strings.IndexByte(name[i+len(mark):], '.'); j >= 0 {
		ext = name[i+len(mark)+j:]
	}
	return name[:i] + ext, true
}

// permissions reports a file readable or writable by others than the user,
// or a folder they may enter: tillit writes 0600 and 0700.
func (d *doctor) permissions(path string, info fs.FileInfo) {
	if runtime.GOOS == "windows" {
		return // no such modes: Go reports 0666 and 0777 there
	}
	want := filePerm
	if info.IsDir() {
		want = dirPerm
	}
	if mode := info.Mode().Perm(); mode&^want != 0 {
		d.add(Finding{Path: path, Kind: FindPermissions, Mode: mode, Want: want, Folder: info.IsDir(),
			Detail: fmt.Sprintf("permissions %04o are wider than %04o: tillit doctor --fix-permissions tightens them", mode, want)})
	}
}

// symlink reports a symbolic link. tillit reads only plain files and
// folders, so a link is never followed: one that points outside the journal
// could lead anywhere.
func (d *doctor) symlink(path string) {
	target, err := os.Readlink(path)
	if err != nil {
		d.add(Finding{Path: path, Kind: FindUnreadable, Err: err, Detail: "cannot be read: " + err.Error()})
		return
	}
	f := Finding{Path: path, Kind: FindSymlink, Other: target}
	real, err := filepath.EvalSymlinks(path)
	switch {
	case err != nil:
		f.Missing = true
		f.Detail = fmt.Sprintf("a symbolic link to %s, which does not exist", target)
	case !within(d.realRoot, real):
		f.Outside = true
		f.Detail = fmt.Sprintf("a symbolic link to %s, outside the journal: not followed", target)
	default:
		f.Detail = fmt.Sprintf("a symbolic link to %s: tillit reads only plain files and folders, so it is left out", target)
	}
	d.add(f)
}

// within reports whether path is root or inside it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// stray reports something in a place where tillit neither reads nor writes.
func (d *doctor) stray(path string, info fs.FileInfo) {
	f := Finding{Path: path, Kind: FindStray, Folder: info.IsDir(), Special: !info.IsDir() && !info.Mode().IsRegular()}
	switch {
	case info.IsDir():
		f.Detail = "a folder tillit does not use: journal folders are years (2026) holding months (01–12)"
	case info.Mode().IsRegular():
		f.Detail = "not a journal file: tillit neither reads nor writes it here"
	default:
		f.Detail = "not a regular file: tillit neither reads nor writes it here"
	}
	d.add(f)
}

func (d *doctor) misplaced(path, want string) {
	d.add(Finding{Path: path, Kind: FindMisplaced, Other: want,
		Detail: fmt.Sprintf("in the wrong folder: its name says it belongs in %s, where tillit looks for it", want)})
}

// parseAll reads the journal files on every core and reports what the
// parser found.
func (d *doctor) parseAll() {
	results := make([][]Finding, len(d.files))
	onEveryCore(len(d.files), func(i int) { results[i] = d.check(d.files[i]) })
	for _, r := range results {
		d.found = append(d.found, r...)
	}
}

// check reads one journal file, unless it was read already.
func (d *doctor) check(f doctorFile) []Finding {
	p, ok := d.known[f.path]
	if !ok {
		var err error
		if p, err = parse(f); err != nil {
			return []Finding{{Path: f.path, Kind: FindUnreadable, Err: err, Detail: "cannot be read: " + err.Error()}}
		}
	}
	if p.err != nil {
		return []Finding{{Path: f.path, Kind: FindUnparseable, Err: p.err, Detail: strings.TrimPrefix(p.err.Error(), f.path+": ")}}
	}
	problems, tipKey, tip, pack := p.problems, p.tipKey, p.tip, p.pack
	count := 0
	if tipKey != "" && d.tips != nil {
		count = d.tips(pack)
	}
	out := make([]Finding, 0, len(problems)+1)
	for _, p := range problems {
		if p.Key == tipKey && p.Kind == ProblemOutOfRange && count > 0 {
			// The parser knows no packs and allows up to 999: say the
			// pack's range instead.
			p.Max = count
			p.Reason = fmt.Sprintf("%s is outside %d–%d", p.Value, p.Min, p.Max)
		}
		out = append(out, Finding{Path: f.path, Kind: FindValue, Problem: p, Detail: p.String()})
	}
	if count > 0 && tip > count {
		p := Problem{Key: tipKey, Kind: ProblemOutOfRange, Value: fmt.Sprint(tip), Min: 1, Max: count,
			Reason: fmt.Sprintf("%d is outside %d–%d", tip, 1, count)}
		out = append(out, Finding{Path: f.path, Kind: FindValue, Problem: p, Detail: p.String()})
	}
	return out
}

// parse reads and parses a journal file; the error is for a file that
// cannot be read, a parse error goes into the result.
func parse(f doctorFile) (parsedFile, error) {
	data, _, err := readJournalFile(f.path)
	if err != nil {
		return parsedFile{}, err
	}
	v, err := f.name.parse(f.path, data)
	if err != nil {
		return parsedFile{err: err}, nil
	}
	switch v := v.(type) {
	case *Entry:
		return parsedFile{problems: v.Problems, tipKey: "tip", tip: v.Tip, pack: v.Pack}, nil
	case *Reflection:
		return parsedFile{problems: v.Problems, tipKey: "focus_tip", tip: v.FocusTip, pack: v.Pack}, nil
	case *Mentoring:
		return parsedFile{problems: v.Problems}, nil
	case *Assessment:
		return assessmentFile(v), nil
	case *awayFile:
		return parsedFile{problems: v.Problems}, nil
	}
	return parsedFile{}, nil
}

// assessmentFile is what parsing an assessment told the doctor: its
// highest tip rated stands for the tip, to check against the pack.
func assessmentFile(a *Assessment) parsedFile {
	return parsedFile{problems: a.Problems, tipKey: "ratings", tip: a.HighestTip(), pack: a.Pack}
}

// SharedRootError says tillit doctor --fix-permissions left the journal
// folder itself alone: it is not the user's, or it is a shared folder (the
// sticky or setgid bit, as /tmp has), whose permissions matter to others.
type SharedRootError struct{ Path string }

func (e *SharedRootError) Error() string {
	return e.Path + ": the journal folder is shared (sticky or setgid bit) or not yours; tillit leaves its permissions to you"
}

// FixPermissions takes away what others than the user may do with the file
// or folder of a FindPermissions finding: 0644 becomes 0600, 0755 becomes
// 0700, 0444 becomes 0400. Nothing else changes: not the contents, not the
// user's own bits, not the times. It returns the new permissions. The
// journal folder itself is left alone when it is not the user's or has the
// sticky or setgid bit (a *SharedRootError): a journal = "/tmp" by mistake
// must not lock everyone else out of /tmp.
func (s *Store) FixPermissions(f Finding) (fs.FileMode, error) {
	if f.Kind != FindPermissions {
		return 0, fmt.Errorf("%s: not a finding about permissions", f.Path)
	}
	info, err := os.Lstat(f.Path)
	if err != nil {
		return 0, fmt.Errorf("set permissions of %s: %w", f.Path, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return 0, fmt.Errorf("%s: now a symbolic link; left alone", f.Path)
	}
	if !info.IsDir() && otherNames(info) {
		return 0, fmt.Errorf("%s: has other names (hard links), perhaps outside the journal; left alone", f.Path)
	}
	if filepath.Clean(f.Path) == filepath.Clean(s.Root) &&
		(info.Mode()&(fs.ModeSticky|fs.ModeSetgid) != 0 || !ownedByUser(info)) {
		return 0, &SharedRootError{f.Path}
	}
	want := filePerm
	if info.IsDir() {
		want = dirPerm
	}
	mode := info.Mode().Perm() & want
	special := info.Mode() & (fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	if err := os.Chmod(f.Path, mode|special); err != nil {
		return 0, fmt.Errorf("set permissions of %s: %w", f.Path, err)
	}
	return mode, nil
}
