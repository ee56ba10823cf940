package journal

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Merging. Two writers changed one file: another window while a check-in
// was open, or another machine between two syncs. Both are merged the same
// way, three-way, from what the file was (base), what one writer made of
// it (ours) and what the file holds now (theirs): a part only one side
// changed takes that side's text; a part both changed keeps both texts,
// the file's first, so that nobody's words are lost.

// MergeText is one text after a conflict: base is what it held when the
// writer began, ours what they wrote, theirs what the file holds now. A
// text only one side changed takes that side's; one both changed keeps
// both, the file's first, joined by sep.
func MergeText(base, ours, theirs, sep string) string {
	same := func(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }
	switch {
	case same(ours, base):
		return theirs
	case same(theirs, base), same(theirs, ours), strings.Contains(ours, strings.TrimSpace(theirs)):
		return ours
	}
	return strings.TrimSpace(theirs) + sep + strings.TrimSpace(ours)
}

// MergePart merges one part of a document (an answer, a section) after a
// conflict: as it was loaded, as the writer has it, and as the file has it
// now. Untouched by the writer, the part is the file's, privacy and all.
// Written by them, it stays private if either side made it so: what was
// written as private never turns public because another writer said so.
func MergePart(loaded string, loadedPrivate bool, shown string, shownPrivate bool, theirs string, theirsPrivate bool) (string, bool) {
	text := MergeText(loaded, shown, theirs, "\n\n")
	if shown != loaded || shownPrivate != loadedPrivate {
		return text, shownPrivate || theirsPrivate
	}
	return text, theirsPrivate
}

// MergeError says a file changed on both sides cannot be merged: one side
// cannot be parsed, or the file is not one of the journal's markdown files.
// Nothing was written.
type MergeError struct {
	Path string
	// Side is "ours" or "theirs" when that side's version cannot be read;
	// empty when the file is not a journal file.
	Side string
	Err  error
}

func (e *MergeError) Error() string {
	switch e.Side {
	case "":
		return e.Path + ": not a journal file, so tillit cannot merge it"
	default:
		return fmt.Sprintf("%s: the %s version cannot be merged: %v", e.Path, e.Side, e.Err)
	}
}

func (e *MergeError) Unwrap() error { return e.Err }

// MergeFile merges three versions of a journal file (a day, a weekly
// reflection, a mentoring note, away.md): base is the version both sides
// started from (nil when both made the file), ours is the version laid on
// top, theirs the one that is the file's (another machine's, shared first).
// The front matter is merged key by key, the body section by section (a
// section is a ## heading and its text; the text before the first heading
// is one too). When both sides changed one:
//
//   - a text keeps both texts, the file's first (MergeText);
//   - a list (tags, days away, questions) keeps every item of both;
//   - the private key is true when either side says so;
//   - a single value (a tip, a rating, a follow-up) is ours, as a save
//     typed over a changed file sets it;
//   - a part one side removed and the other changed is kept.
//
// A base that cannot be parsed counts as none. A side that cannot be
// parsed, or a file that is not markdown, gives a *MergeError.
func MergeFile(path string, base, ours, theirs []byte) ([]byte, error) {
	if filepath.Ext(path) != ".md" {
		return nil, &MergeError{Path: path}
	}
	o, err := parseDocument(path, ours)
	if err == nil && o.unclear {
		err = errUnclear
	}
	if err != nil {
		return nil, &MergeError{Path: path, Side: "ours", Err: err}
	}
	t, err := parseDocument(path, theirs)
	if err == nil && t.unclear {
		err = errUnclear
	}
	if err != nil {
		return nil, &MergeError{Path: path, Side: "theirs", Err: err}
	}
	b := document{Path: path}
	if base != nil {
		if parsed, err := parseDocument(path, base); err == nil && !parsed.unclear {
			b = parsed
		}
	}
	frontChanged := mergeFront(&t.front, b.front, o.front)
	if blocks, changed := mergeBody(b.Body, o.Body, t.Body); changed {
		t.Body.Blocks = blocks
		t.Body.edited = true
	}
	if !frontChanged && !t.Body.edited {
		return theirs, nil
	}
	out, err := t.render(frontChanged)
	if err != nil {
		return nil, &MergeError{Path: path, Side: "theirs", Err: err}
	}
	if _, err := parseDocument(path, out); err != nil {
		return nil, &MergeError{Path: path, Side: "theirs", Err: err}
	}
	return out, nil
}

var errUnclear = errors.New("the front matter cannot be found for sure")

// mergeFront lays the keys ours changed (from base) over theirs, and
// reports whether theirs changed.
func mergeFront(theirs *frontMatter, base, ours frontMatter) bool {
	changed := false
	for _, key := range frontKeys(*theirs, ours, base) {
		b, o, t := base.get(key), ours.get(key), theirs.get(key)
		bs, os, ts := nodeText(b), nodeText(o), nodeText(t)
		var v *yaml.Node
		switch {
		case os == bs, os == ts:
			continue // ours left it, or agrees
		case ts == bs:
			v = o // only ours changed it
		default:
			v = mergeValue(key, b, o, t)
		}
		if nodeText(v) == ts {
			continue
		}
		changed = true
		if v == nil {
			theirs.remove(key)
		} else {
			theirs.set(key, unanchored(v))
		}
	}
	return changed
}

// frontKeys lists the keys of the front matters, each once, in the order
// they come.
func frontKeys(fronts ...frontMatter) []string {
	var keys []string
	for _, f := range fronts {
		if f.doc == nil {
			continue
		}
		m := f.doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := m.Content[i].Value; !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// choiceKeys hold one value that cannot be two (a number, a day, one of a
// few words): when both sides set it differently, ours is taken.
var choiceKeys = []string{"date", "tip", "rating", "energy", "followup", "followup_of", "outcome", "outcome_date",
	"pack", "pack_version", "week", "focus_tip"}

// mergeValue is the value of a key both sides changed differently.
func mergeValue(key string, base, ours, theirs *yaml.Node) *yaml.Node {
	switch {
	case ours == nil:
		return theirs // removed here, changed there: kept
	case theirs == nil:
		return ours
	case isPrivateKey(key):
		if !clearlyFalse(theirs) {
			return theirs
		}
		return ours
	}
	o, t := resolve(ours), resolve(theirs)
	switch {
	case o.Kind == yaml.SequenceNode && t.Kind == yaml.SequenceNode:
		out := unanchored(t)
		seen := map[string]bool{}
		for _, item := range t.Content {
			seen[nodeText(item)] = true
		}
		for _, item := range o.Content {
			if !seen[nodeText(item)] {
				out.Content = append(out.Content, unanchored(item))
				seen[nodeText(item)] = true
			}
		}
		return out
	case o.Kind == yaml.ScalarNode && t.Kind == yaml.ScalarNode && o.Tag == "!!str" && t.Tag == "!!str" && !slices.Contains(choiceKeys, key):
		b := ""
		if base != nil {
			b = resolve(base).Value
		}
		return stringNode(MergeText(b, o.Value, t.Value, " · "))
	}
	return ours
}

// resolve follows an alias to the value it stands for.
func resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && depth < 8; depth++ {
		n = n.Alias
	}
	return n
}

// nodeText is a value as YAML, to compare values; "" for none.
func nodeText(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	out, err := yaml.Marshal(unanchored(n))
	if err != nil {
		return fmt.Sprintf("%p", n) // cannot be written: equal to itself only
	}
	return string(out)
}

// section is a ## heading with its text, or the text before the first
// heading: the blocks up to the next heading. The nth section with a
// heading is told from the others with that heading by n.
type section struct {
	key    sectionKey
	blocks []Block
}

type sectionKey struct {
	heading string
	n       int
}

func sectionsOf(b Body) []section {
	var out []section
	count := map[string]int{}
	for _, blk := range b.Blocks {
		if blk.Heading == "" && len(out) > 0 {
			out[len(out)-1].blocks = append(out[len(out)-1].blocks, blk)
			continue
		}
		k := sectionKey{blk.Heading, count[blk.Heading]}
		count[blk.Heading]++
		out = append(out, section{key: k, blocks: []Block{blk}})
	}
	return out
}

// text is what a section says, to compare sections.
func (s *section) text() string {
	if s == nil {
		return "\x00none"
	}
	var b strings.Builder
	for _, blk := range s.blocks {
		fmt.Fprintf(&b, "%s\x00%t\x00%s\x00", blk.Heading, blk.Private, strings.TrimSpace(blk.Text))
	}
	return b.String()
}

func findSection(list []section, k sectionKey) *section {
	for i := range list {
		if list[i].key == k {
			return &list[i]
		}
	}
	return nil
}

// mergeBody merges the bodies section by section: theirs in their order,
// with the sections only ours has after the section that comes before
// them in ours. It reports whether the result differs from theirs.
func mergeBody(base, ours, theirs Body) ([]Block, bool) {
	bs, os, ts := sectionsOf(base), sectionsOf(ours), sectionsOf(theirs)
	changed := false
	var out []section
	for _, t := range ts {
		b, o := findSection(bs, t.key), findSection(os, t.key)
		switch {
		case o.text() == b.text(), o.text() == t.text():
			out = append(out, t)
		case t.text() == b.text():
			changed = true
			if o != nil {
				out = append(out, *o)
			}
		default:
			changed = true
			out = append(out, mergeSection(b, o, t))
		}
	}
	for i, o := range os {
		if findSection(ts, o.key) != nil {
			continue
		}
		b := findSection(bs, o.key)
		if b != nil && b.text() == o.text() {
			continue // theirs removed it, ours left it
		}
		changed = true
		at := 0 // after the section before it in ours, else first
		for j := i - 1; j >= 0; j-- {
			if k := slices.IndexFunc(out, func(s section) bool { return s.key == os[j].key }); k >= 0 {
				at = k + 1
				break
			}
		}
		out = slices.Insert(out, at, o)
	}
	if !changed {
		return nil, false
	}
	var blocks []Block
	for _, s := range out {
		blocks = append(blocks, s.blocks...)
	}
	return blocks, true
}

// mergeSection merges a section both sides changed (ours may have removed
// it: theirs is kept). A section of one block on every side merges as a
// check-in's answer does (MergePart); one with a private part inside it
// keeps theirs, then ours after it.
func mergeSection(base, ours *section, theirs section) section {
	if ours == nil {
		return theirs
	}
	single := len(ours.blocks) == 1 && len(theirs.blocks) == 1 && (base == nil || len(base.blocks) == 1)
	if single {
		var b Block
		if base != nil {
			b = base.blocks[0]
		}
		o, t := ours.blocks[0], theirs.blocks[0]
		text, private := MergePart(b.Text, b.Private, o.Text, o.Private, t.Text, t.Private)
		return section{key: theirs.key, blocks: []Block{{Heading: t.Heading, Text: text, Private: private}}}
	}
	out := section{key: theirs.key, blocks: slices.Clone(theirs.blocks)}
	for _, blk := range ours.blocks {
		// Ours follows as the rest of theirs' section, under its heading.
		out.blocks = append(out.blocks, Block{Text: blk.Text, Private: blk.Private})
	}
	return out
}
