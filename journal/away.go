package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Away is a stretch of days away from work (holiday, sick leave, a course):
// they neither break nor extend a streak.
type Away struct {
	From, To Date
	Reason   string
}

// Covers reports whether d falls in the stretch.
func (a Away) Covers(d Date) bool { return !d.Before(a.From) && !d.After(a.To) }

// AwayFileName is the file in the journal's root that lists the days away.
// It is the user's, like the entries: it syncs with them and may be edited.
const AwayFileName = "away.md"

// AwayPath returns where the days away are listed.
func (s *Store) AwayPath() string { return filepath.Join(s.Root, AwayFileName) }

// awayFile is the parsed away.md.
type awayFile struct {
	document
	Periods []Away
}

func parseAwayFile(path string, data []byte) (*awayFile, error) {
	doc, err := parseDocument(path, data)
	if err != nil {
		return nil, err
	}
	f := &awayFile{document: doc}
	n := f.front.lookup("away")
	if n == nil || n.Tag == "!!null" {
		return f, nil
	}
	if n.Kind != yaml.SequenceNode {
		f.problem(Problem{Key: "away", Kind: ProblemAwayList}, "expected a list of from/to days")
		return f, nil
	}
	for i, item := range n.Content {
		var raw struct {
			From   string `yaml:"from"`
			To     string `yaml:"to"`
			Reason string `yaml:"reason"`
		}
		if err := item.Decode(&raw); err != nil {
			f.problem(Problem{Key: "away", Kind: ProblemAwayItem, Value: fmt.Sprint(i + 1), Line: item.Line + 1}, "item %d: %v", i+1, err)
			continue
		}
		from, err1 := ParseDate(raw.From)
		to, err2 := ParseDate(raw.To)
		if raw.To == "" {
			to, err2 = from, nil // a single day
		}
		if err := errors.Join(err1, err2); err != nil || to.Before(from) {
			f.problem(Problem{Key: "away", Kind: ProblemAwayItem, Value: fmt.Sprint(i + 1), Line: item.Line + 1},
				"item %d (line %d): from and to must be days, from first", i+1, item.Line+1)
			continue
		}
		f.Periods = append(f.Periods, Away{from, to, raw.Reason})
	}
	return f, nil
}

// readAway reads the days away; a missing file means none.
func (s *Store) readAway() (*awayFile, error) {
	path := s.AwayPath()
	data, err := s.readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &awayFile{document: document{Path: path}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return parseAwayFile(path, data)
}

// AddAway records a stretch of days away, keeping whatever else the file
// holds.
func (s *Store) AddAway(a Away) error {
	return s.withLock(s.AwayPath(), func() error {
		f, err := s.readAway()
		if err != nil {
			return err
		}
		m := f.front.mapping()
		list := f.front.get("away")
		if list != nil && list.Kind != yaml.SequenceNode && list.Tag != "!!null" {
			// Someone wrote it another way: theirs to fix, not ours to replace.
			return fmt.Errorf("%s: away is not a list of from/to days; fix it by hand first", f.Path)
		}
		if list == nil || list.Kind != yaml.SequenceNode {
			list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			f.front.set("away", list)
			if len(m.Content) == 2 {
				m.Content[0].HeadComment = "Days away from work: they neither break nor extend a streak (tillit away)."
			}
		}
		item := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		item.Content = append(item.Content, stringNode("from"), dateNode(a.From), stringNode("to"), dateNode(a.To))
		if r := oneLine(a.Reason); r != "" {
			item.Content = append(item.Content, stringNode("reason"), stringNode(r))
		}
		list.Content = append(list.Content, item)
		data, err := f.render(true)
		if err != nil {
			return err
		}
		return s.write(f.Path, data)
	})
}

// String writes the stretch for a list.
func (a Away) String() string {
	s := a.From.String()
	if a.To != a.From {
		s += " – " + a.To.String()
	}
	if a.Reason != "" {
		s += "  " + strings.TrimSpace(a.Reason)
	}
	return s
}
