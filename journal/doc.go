// Package journal holds the manager's journal on disk: plain markdown files
// with YAML front matter, one per day (YYYY/MM/YYYY-MM-DD.md), that the user
// owns and may edit by hand.
//
// It parses and writes entries, refuses to write a file it could not parse,
// writes atomically with private permissions, and answers the questions the
// rest of tillit asks of the journal (which tip is due, which commitment to
// follow up). It never imports a user interface package and never prints.
//
// The file format is documented in docs/journal-format.md.
package journal
