package locale

import (
	"errors"

	"tillit/journal"
)

// Describe says what went wrong in the user's language, for the errors the
// journal explains in kinds (a file it cannot parse, a file changed on disk);
// any other error is told as it is.
func (c *Catalog) Describe(err error) string {
	var (
		pe *journal.ParseError
		ce *journal.ConflictError
	)
	switch {
	case errors.As(err, &pe):
		return pe.Path + ": " + c.T("parse."+pe.Kind, "Key", pe.Key, "First", pe.Lines[0], "Second", pe.Lines[1], "Detail", pe.Detail)
	case errors.As(err, &ce):
		return ce.Path + ": " + c.T("parse.conflict")
	}
	return err.Error()
}
