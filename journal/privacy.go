package journal

import (
	"bytes"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The privacy model. What is private never leaves the machine unless the
// user asks, so every rule here fails closed: when tillit cannot tell for
// sure whether something is private, it is.
//
//   - A whole file is private when its front matter has a private key, in
//     any case, whose value is not clearly false; and when its front matter
//     cannot be found for sure (see frontMatterUnclear).
//   - A part of a body is private between the private markers (see
//     markerLine).
//   - What is derived from a private part is private too: the outcome of a
//     commitment recorded in a private entry (Outcome.Private), a
//     question a mentoring note marks answered unless it is one of a public
//     reflection's public questions (AnsweredQuestion.Private), the
//     focus tip a reflection chose in a private part (FocusPrivate), and
//     the numbers of a private self-assessment: a comparison of
//     assessments other eyes see is made of public ones only (report).

// privateKey is the front-matter key that makes a whole file private.
// Norwegian and Swedish write it privat, and so may a user: that key
// counts too (isPrivateKey).
const privateKey = "private"

// isPrivateKey says a front-matter key is the private key: private or
// privat, in any case, with spaces around it.
func isPrivateKey(k string) bool {
	k = strings.TrimSpace(k)
	return strings.EqualFold(k, privateKey) || strings.EqualFold(k, "privat")
}

// clearlyFalse reports whether a value of the private key says "not
// private" beyond doubt: YAML's false, or the words false, no, off or 0 in
// any case, quoted or not. Anything else — true, yes, an empty value, a
// list, a typo — is private.
func clearlyFalse(n *yaml.Node) bool {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias // private: *no, with no: &no false elsewhere
	}
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "false", "no", "off", "0":
		return true
	}
	return false
}

// private reads whether the whole file is private. Every spelling of the
// key counts (Private, PRIVATE): a reader does not see the difference, so
// neither may an export. A value that is not true or false is reported,
// and is private.
func (d *document) private() bool {
	if d.unclear {
		return true
	}
	private := false
	for _, key := range d.front.privateKeys() {
		n := d.front.lookup(key)
		if !clearlyFalse(n) {
			private = true
		}
		switch {
		case n == nil:
		case n.Kind != yaml.ScalarNode:
			d.problem(Problem{Key: key, Kind: ProblemNotSingle}, "expected a single value, found a %s", kindName(n))
		case n.Tag != "!!bool":
			d.problem(Problem{Key: key, Kind: ProblemNotBool, Value: n.Value}, "expected true or false, found %q", n.Value)
		}
	}
	// A private key deeper down (meta: {private: true}, or merged in with
	// <<: {private: true}) is what the user meant for the file, as far as
	// tillit can tell: it counts for the whole file, and is reported.
	if d.front.doc != nil {
		m := d.front.doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if nestedPrivate(m.Content[i+1], 0) {
				private = true
				key := m.Content[i].Value
				d.problem(Problem{Key: key, Kind: ProblemNestedPrivate}, "a private key inside it makes the whole file private")
			}
		}
	}
	return private
}

// nestedPrivate reports whether a value holds, at any depth, a mapping with
// a private key in any case whose value is not clearly false. Aliases are
// not followed: what they point to is in the front matter too, and is
// looked at there.
func nestedPrivate(n *yaml.Node, depth int) bool {
	if n == nil || depth > 100 {
		return n != nil // deeper than anyone writes by hand: private
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if isPrivateKey(k.Value) && !clearlyFalse(n.Content[i+1]) {
				return true
			}
			if nestedPrivate(n.Content[i+1], depth+1) {
				return true
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if nestedPrivate(c, depth+1) {
				return true
			}
		}
	}
	return false
}

// putPrivate writes whether the whole file is private, under the spelling
// of the key the file already uses, so that no second key appears beside
// "Private:". Making a file public removes every spelling of the key: one
// left behind would keep it private.
func (e *frontEdit) putPrivate(differs, private bool) {
	if !differs {
		return
	}
	e.changed = true
	keys := e.f.privateKeys()
	if !private {
		for _, k := range keys {
			e.f.remove(k)
		}
		return
	}
	key := privateKey
	if len(keys) > 0 {
		key = keys[0]
	}
	e.f.set(key, boolNode(true))
}

// privateKeys returns the keys of the front matter that are the private
// key (isPrivateKey), as the file spells them.
func (f frontMatter) privateKeys() []string {
	if f.doc == nil {
		return nil
	}
	var keys []string
	m := f.doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		// "private " with a space is still the key a reader sees.
		if isPrivateKey(m.Content[i].Value) {
			keys = append(keys, m.Content[i].Value)
		}
	}
	return keys
}

// frontMatterUnclear reports whether a file without front matter looks as
// if it meant to have one: its first line with text starts with "---" or
// "+++", but blank lines, spaces or a second byte order mark come before
// it, or its lines end in a carriage return alone (old Mac files), so the
// fence is not a line of its own, or the fence is not "---" alone ("--- #
// note", "----", or TOML's "+++" as other tools write it). tillit cannot
// tell what such a file's front matter says — private: true among it — so
// the whole file is private.
func frontMatterUnclear(text []byte) bool {
	s := bytes.TrimLeftFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
	return bytes.HasPrefix(s, []byte("---")) || bytes.HasPrefix(s, []byte("+++"))
}
