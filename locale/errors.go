package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"tillit/config"
	"tillit/journal"
)

// Allowed says what a setting allows: "auto, dark or light".
func (c *Catalog) Allowed(key string) string {
	k, _ := config.Lookup(key)
	switch k.Kind {
	case config.Choice:
		return c.T("settings.allowed.choice", "Choices", c.Either(k.Choices))
	case config.Bool:
		return c.T("settings.allowed.bool")
	case config.Clock:
		return c.T("settings.allowed.clock")
	}
	return c.T("settings.allowed.text")
}

// Describe says what went wrong in the user's language, for the errors the
// journal explains in kinds (a file it cannot parse, a file changed on disk,
// a file it could not write, a jrnl journal it cannot read); any other
// error is told as it is.
func (c *Catalog) Describe(err error) string {
	var (
		pe *journal.ParseError
		ce *journal.ConflictError
		we *journal.WriteError
		je *journal.JrnlError
		le *journal.LinkError
		se *journal.SharedRootError
		nr *journal.NotRegularError
		ve *config.ValueError
		ue *config.UnknownKeyError
	)
	switch {
	case errors.As(err, &ve) && ve.Path != "":
		return c.T("settings.bad_value", "Path", ve.Path, "Key", ve.Key, "Value", c.Quote(ve.Value), "Allowed", c.Allowed(ve.Key))
	case errors.As(err, &ve):
		return c.T("settings.bad_value_run", "Source", ve.Source(), "Key", ve.Key, "Value", c.Quote(ve.Value), "Allowed", c.Allowed(ve.Key))
	case errors.As(err, &ue):
		return c.T("settings.unknown_key", "Key", c.Quote(ue.Key), "Keys", strings.Join(config.Names(), ", "))
	case errors.As(err, &le):
		return c.T("err.link", "Link", le.Link, "Dir", journal.AppDirName)
	case errors.As(err, &se):
		return c.T("err.shared_root", "Path", se.Path)
	case errors.Is(err, journal.ErrDraftOpen):
		return c.T("err.draft_open")
	case errors.As(err, &pe):
		return pe.Path + ": " + c.T("parse."+pe.Kind, "Key", pe.Key, "First", pe.Lines[0], "Second", pe.Lines[1], "Detail", pe.Detail)
	case errors.As(err, &ce):
		return ce.Path + ": " + c.T("parse.conflict")
	case errors.As(err, &we):
		return c.T(writeReason(we.Err), "Path", we.Path, "Err", innermost(we.Err).Error())
	case errors.As(err, &nr):
		return c.T("err.not_regular_"+nr.Kind, "Path", nr.Path)
	case errors.As(err, &je):
		return fmt.Sprintf("%s:%d: %s", je.Path, je.Line, c.T("jrnl."+je.Kind, "Value", je.Value, "Quoted", c.Quote(je.Value)))
	}
	return err.Error()
}

// writeReason names the message for why a write failed.
func writeReason(err error) string {
	switch {
	case journal.IsNoSpace(err):
		return "err.disk_full"
	case errors.Is(err, syscall.EROFS):
		return "err.read_only"
	case errors.Is(err, fs.ErrPermission):
		return "err.no_permission"
	case errors.Is(err, syscall.ENOTDIR):
		return "err.not_a_folder"
	}
	return "err.write_failed"
}

// innermost returns the deepest file error in err ("mkdir /x: no such file
// or directory"), leaving out how tillit got there.
func innermost(err error) error {
	var pe *fs.PathError
	for e := err; e != nil; e = errors.Unwrap(e) {
		if p, ok := e.(*fs.PathError); ok {
			pe = p
		}
	}
	if pe != nil {
		return pe
	}
	return err
}
