package locale

import (
	"fmt"

	"tillit/journal"
)

// Problem says what is wrong with a front-matter value, in the user's
// language: "rating: 6 is outside 1–5". A problem of a kind the catalog does
// not know is told in English.
func (c *Catalog) Problem(p journal.Problem) string {
	id := "problem." + p.Kind
	if p.Kind == "" || !c.Has(id) {
		return p.String()
	}
	return c.T(id, "Key", p.Key, "Value", p.Value, "Quoted", c.Quote(p.Value), "Want", p.Want, "Min", p.Min, "Max", p.Max, "Line", p.Line)
}

// Finding says one thing the doctor found, as one line: the path, then what
// is wrong.
func (c *Catalog) Finding(f journal.Finding) string {
	var why string
	switch f.Kind {
	case journal.FindUnparseable:
		return c.Describe(f.Err)
	case journal.FindUnreadable:
		why = c.T("doctor.unreadable", "Err", f.Err)
	case journal.FindValue:
		why = c.Problem(f.Problem)
	case journal.FindStray:
		switch {
		case f.Folder:
			why = c.T("doctor.stray_folder")
		case f.Special:
			why = c.T("doctor.stray_special")
		default:
			why = c.T("doctor.stray_file")
		}
	case journal.FindMisplaced:
		why = c.T("doctor.misplaced", "Want", f.Other)
	case journal.FindNoSuchDay:
		why = c.T("doctor.no_such_day")
	case journal.FindPermissions:
		why = c.T("doctor.permissions", "Mode", fmt.Sprintf("%04o", f.Mode), "Want", fmt.Sprintf("%04o", f.Want))
	case journal.FindConflict:
		if f.Missing {
			why = c.T("doctor.conflict_missing", "Of", f.Other)
		} else {
			why = c.T("doctor.conflict", "Of", f.Other)
		}
	case journal.FindSymlink:
		switch {
		case f.Missing:
			why = c.T("doctor.symlink_missing", "Target", f.Other)
		case f.Outside:
			why = c.T("doctor.symlink_outside", "Target", f.Other)
		default:
			why = c.T("doctor.symlink_inside", "Target", f.Other)
		}
	default:
		return f.String()
	}
	return f.Path + ": " + why
}
