package locale

import (
	"errors"
	"fmt"

	"tillit/journal"
)

// Describe says what went wrong in the user's language, for the errors the
// journal explains in kinds (a file it cannot parse, a file changed on disk,
// a jrnl journal it cannot read); any other error is told as it is.
func (c *Catalog) Describe(err error) string {
	var (
		pe *journal.ParseError
		ce *journal.ConflictError
		je *journal.JrnlError
	)
	switch {
	case errors.As(err, &pe):
		return pe.Path + ": " + c.T("parse."+pe.Kind, "Key", pe.Key, "First", pe.Lines[0], "Second", pe.Lines[1], "Detail", pe.Detail)
	case errors.As(err, &ce):
		return ce.Path + ": " + c.T("parse.conflict")
	case errors.As(err, &je):
		return fmt.Sprintf("%s:%d: %s", je.Path, je.Line, c.T("jrnl."+je.Kind, "Value", je.Value, "Quoted", c.Quote(je.Value)))
	}
	return err.Error()
}
