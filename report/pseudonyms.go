package report

import (
	"bufio"
	"embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tillit/content"
)

// The words that tell a name from an ordinary word: built-in given names,
// names that are also ordinary words, and capitalised words that are not
// people. Data, so that a list can grow without touching Go.
//
//go:embed names/*.txt
var nameFiles embed.FS

// lexicon is what the name files and the built-in content say about words,
// folded (lower case, NFC).
type lexicon struct {
	given    map[string]bool // common given names in nb, sv and en
	ordinary map[string]bool // ordinary words: the article, the tips, ordinary-words.txt
	notNames map[string]bool // capitalised words that are not people
	// givenASCII is each given name as an e-mail address spells it
	// without æøåäö (marta, maerta for märta) → the name.
	givenASCII map[string]string
}

var (
	lexiconOnce sync.Once
	lexiconData *lexicon
)

func theLexicon() *lexicon {
	lexiconOnce.Do(func() {
		l := &lexicon{given: map[string]bool{}, ordinary: map[string]bool{}, notNames: map[string]bool{}}
		for _, f := range []string{"given-nb", "given-sv", "given-en"} {
			readNames(f, l.given)
		}
		l.givenASCII = map[string]string{}
		for name := range l.given {
			for _, a := range asciiForms(name) {
				if _, ok := l.givenASCII[a]; !ok && a != name {
					l.givenASCII[a] = name
				}
			}
		}
		readNames("ordinary-words", l.ordinary)
		readNames("not-names", l.notNames)
		// The ordinary vocabulary of all three languages is the words of
		// the article and the tips: a journal may mix the languages.
		for _, lang := range content.Languages {
			eachWord(content.Article(lang), func(w string) { l.ordinary[fold(w)] = true })
			p := content.MustBuiltin(lang)
			for _, t := range p.Tips {
				for _, s := range append([]string{t.Title, t.Short, t.Why, t.Try}, t.Questions...) {
					eachWord(s, func(w string) { l.ordinary[fold(w)] = true })
				}
			}
		}
		lexiconData = l
	})
	return lexiconData
}

func readNames(file string, into map[string]bool) {
	data, err := nameFiles.ReadFile("names/" + file + ".txt")
	if err != nil {
		panic(err) // embedded: a missing file is a broken build
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			into[fold(line)] = true
		}
	}
}

// asciiForms returns how an address may write a folded name in ASCII
// letters: å, ä as a or aa/ae, ø, ö as o or oe, æ as ae, other accents
// dropped (Märta: marta, maerta; Ørjan: orjan, oerjan).
func asciiForms(f string) []string {
	var short, long strings.Builder
	for _, r := range norm.NFD.String(f) {
		switch {
		case r < utf8.RuneSelf:
			short.WriteRune(r)
			long.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a ring or dots over the letter before
			if r == '\u030a' {
				long.WriteRune('a') // å: aa
			} else if r == '\u0308' {
				long.WriteRune('e') // ä, ö, ü: ae, oe, ue
			}
		case r == 'ø':
			short.WriteRune('o')
			long.WriteString("oe")
		case r == 'æ':
			short.WriteString("ae")
			long.WriteString("ae")
		case r == 'ß':
			short.WriteString("ss")
			long.WriteString("ss")
		default:
			return nil // a name in another script: no ASCII form
		}
	}
	if short.String() == long.String() {
		return []string{short.String()}
	}
	return []string{short.String(), long.String()}
}

// isLetter is what a word is made of: letters and the marks that combine
// with them (a decomposed å is a + ring). Go's regexp \b knows only ASCII,
// so a name that begins or ends with æøå needs this.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return isLetter(r) || unicode.IsDigit(r)
}

// fold is the form names are compared in: NFC, lower case.
func fold(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return strings.ToLower(s)
}

// eachWord calls fn with every run of letters in s.
func eachWord(s string, fn func(string)) {
	start := -1
	for i, r := range s {
		switch {
		case isLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			fn(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// acronym: a word in capitals only, two letters or more (NAV, HR).
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 1
}

// pseudonyms hands out stand-ins for people's names, in the order they
// first appear, the same stand-in for the same person. It replaces the
// names in People and every @Name in any case, with their possessives,
// inside e-mail addresses and tags, and the common given names it knows;
// capitalised words it takes for names but does not know stay, and are
// listed in kept so the user can add them to People.
type pseudonyms struct {
	format string // "Person %s"
	// possessive is the stand-in of a possessive, as the export's language
	// writes one after a letter: en "Person A's", sv "Person A:s" (the colon
	// Swedish writes after letters and abbreviations), nb "Person A-s" (a
	// bare s would read "Person As", like the word "as"; an apostrophe is
	// English). The catalog's export.person_possessive holds each.
	possessive string
	lex        *lexicon

	listed   map[string]string     // a folded listed name (or a word of one) → its person
	multi    map[string][][]string // the first word of a listed full name → the rest, longest first
	excluded map[string]bool       // the mentor's and the author's names: not staff
	lower    map[string]bool       // words the export itself writes in lower case

	given map[string]string // person → stand-in
	// A name that is also a word, capitalised at the start of a sentence
	// ("Björn kom", "Per dag"), is left in the first pass (skipped says
	// one was); again, the second pass over such texts, replaces it when
	// the first found that name mid-sentence: one person must not keep
	// their name in one place and lose it in another.
	skipped, again bool
	// tag is set while a word after # is read: a tag is a label, not
	// prose, so its case says nothing, and a name in it (#trude) is one.
	tag      bool
	kept     []string
	keptSeen map[string]bool
}

func newPseudonyms(people []string, format, possessive string) *pseudonyms {
	p := &pseudonyms{
		format: format, possessive: possessive, lex: theLexicon(),
		listed: map[string]string{}, multi: map[string][][]string{}, excluded: map[string]bool{},
		lower: map[string]bool{}, given: map[string]string{}, keptSeen: map[string]bool{},
	}
	// A word of a full name ("Olsen" of "Per Olsen") is that person too,
	// unless two listed names share it.
	parts := map[string][]string{}
	for _, n := range people {
		words := strings.Fields(strings.ReplaceAll(fold(strings.TrimPrefix(strings.TrimSpace(n), "@")), "’", "'"))
		switch len(words) {
		case 0:
			continue
		case 1:
			p.listed[words[0]] = words[0]
			continue
		}
		full := strings.Join(words, " ")
		p.multi[words[0]] = append(p.multi[words[0]], words[1:])
		for _, w := range words {
			if !contains(parts[w], full) {
				parts[w] = append(parts[w], full)
			}
		}
	}
	for w, fulls := range parts {
		if _, own := p.listed[w]; own {
			continue
		}
		if len(fulls) == 1 {
			p.listed[w] = fulls[0]
		} else {
			p.listed[w] = w
		}
	}
	// O'Brien is O’Brien: a listed name with one apostrophe is found with
	// the other too.
	for k, who := range p.listed {
		for _, v := range apostrophes(k) {
			if _, ok := p.listed[v]; !ok {
				p.listed[v] = who
			}
		}
	}
	for k, rests := range p.multi {
		for _, v := range apostrophes(k) {
			if _, ok := p.multi[v]; !ok {
				p.multi[v] = rests
			}
		}
	}
	for _, rests := range p.multi {
		// Longest first: "Kari Nordmann Berg" wins over "Kari Nordmann".
		for i := 1; i < len(rests); i++ {
			for j := i; j > 0 && len(rests[j]) > len(rests[j-1]); j-- {
				rests[j], rests[j-1] = rests[j-1], rests[j]
			}
		}
	}
	return p
}

// apostrophes returns the other spellings of a name with an apostrophe:
// o'brien → o’brien, and back.
func apostrophes(f string) []string {
	var vs []string
	if strings.Contains(f, "'") {
		vs = append(vs, strings.ReplaceAll(f, "'", "’"))
	}
	if strings.Contains(f, "’") {
		vs = append(vs, strings.ReplaceAll(f, "’", "'"))
	}
	return vs
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// exclude marks names that are not staff: the mentor the export is for,
// and the author. They are replaced only when People lists them.
func (p *pseudonyms) exclude(name string) {
	eachWord(name, func(w string) { p.excluded[fold(w)] = true })
}

// stand returns the stand-in of a person, handing out the next letter to
// one not seen before.
func (p *pseudonyms) stand(person string, possessive bool) string {
	s, ok := p.given[person]
	if !ok {
		s = letters(len(p.given))
		p.given[person] = s
	}
	if possessive {
		return strings.Replace(p.possessive, "%s", s, 1)
	}
	return strings.Replace(p.format, "%s", s, 1)
}

// ordinary says that a name is also an ordinary word ("per", "vår",
// "will"): then it is a name only when capitalised mid-sentence.
func (p *pseudonyms) ordinary(f string) bool { return p.lex.ordinary[f] }

func (p *pseudonyms) known(f string) bool { return p.lex.given[f] && !p.excluded[f] }

// person decides whether w (a word without any possessive ending) names
// a person, and which. start says it opens a sentence; mention that it
// follows an @.
func (p *pseudonyms) person(w string, start, mention bool) (string, bool) {
	return p.personFolded(w, strings.ToLower(w), start, mention)
}

// personFolded is person with w already folded (the text is NFC): the
// hot path of a long export.
func (p *pseudonyms) personFolded(w, f string, start, mention bool) (string, bool) {
	if who, ok := p.listed[f]; ok {
		// Listed names in any case; one that is also a word ("Per",
		// "per dag") only capitalised. At the start of a sentence it is
		// still replaced: the user said it is a person, and a stray
		// "Person A dag" is better than a name left in.
		if mention || p.tag || capitalised(w) || !p.ordinary(f) {
			return who, true
		}
		return "", false
	}
	if p.known(f) {
		if mention || p.tag || !p.ordinary(f) || (capitalised(w) && !start) {
			return f, true
		}
		if capitalised(w) {
			if _, named := p.given[f]; named && p.again {
				return f, true
			}
			p.skipped = true
		}
		return "", false
	}
	// A hyphenated name is one name of its own (Kari-Anne is not Kari):
	// every part looks like a name and one part is known to be one.
	if strings.ContainsRune(w, '-') {
		named, all := false, true
		for _, part := range strings.Split(w, "-") {
			pf := strings.ToLower(part)
			_, isListed := p.listed[pf]
			isName := isListed || p.known(pf)
			named = named || isName
			if part == "" || !(capitalised(part) || (isName && !p.ordinary(pf))) {
				all = false
			}
		}
		if named && all {
			return f, true
		}
	}
	return "", false
}

// keep notes a capitalised word mid-sentence that is no word tillit knows:
// likely a name (a surname, a name not in the lists) that stays.
func (p *pseudonyms) keep(w string, start bool) {
	// A contraction is the word before it (I'll, Monday's); a name like
	// O'Neill goes on with a capital.
	if k := strings.IndexAny(w, "'’"); k > 0 {
		if after := strings.TrimLeft(w[k:], "'’"); !capitalised(after) {
			w = w[:k]
		}
	}
	if !capitalised(w) || acronym(w) || utf8.RuneCountInString(w) < 2 {
		return
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return
		}
	}
	f := strings.ToLower(w)
	if p.lower[f] || p.excluded[f] || p.keptSeen[f] {
		return
	}
	// At the start of a sentence any word is capitalised: only a given
	// name the journal never writes as a word ("Björn kom", not "Vår
	// plan") is likely a name there.
	if start {
		if !(p.known(f) && p.ordinary(f)) {
			return
		}
		if _, named := p.given[f]; named {
			return // replaced elsewhere, and here too in the second pass
		}
	} else if p.lex.ordinary[f] || p.lex.notNames[f] {
		return
	}
	if strings.HasSuffix(f, "s") && p.keptSeen[strings.TrimSuffix(f, "s")] {
		return // Bergersens: the possessive of one already listed
	}
	p.keptSeen[f] = true
	p.kept = append(p.kept, w)
}

// scanWord returns the end of the word that starts at i: letters and
// digits, joined by a hyphen (Kari-Anne) or an apostrophe (O'Neill), but
// not a possessive 's.
func scanWord(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' {
			next, m := utf8.DecodeRuneInString(s[i+n:])
			if !isLetter(next) {
				break
			}
			if r != '-' && (next == 's' || next == 'S') && !startsLetter(s[i+n+m:]) {
				break // Kari's
			}
			i += n
			continue
		}
		break
	}
	return i
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isLetter(r)
}

// possessiveAt returns the length of a possessive ending at i after the
// word w: 's, ’s, :s (Swedish), or a lone apostrophe after s, x, z (Lars').
func possessiveAt(s string, i int, w string) int {
	for _, end := range []string{"'s", "’s", ":s", "'S", "’S", ":S"} {
		if strings.HasPrefix(s[i:], end) && !startsLetter(s[i+len(end):]) {
			return len(end)
		}
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if strings.ContainsRune("sxzSXZ", last) {
		for _, end := range []string{"'", "’"} {
			if strings.HasPrefix(s[i:], end) && !startsLetter(s[i+len(end):]) {
				return len(end)
			}
		}
	}
	return 0
}

// fullName matches a listed name of more than one word that begins with
// the word s[i:end]: "Per Olsen". It returns the end of the match.
func (p *pseudonyms) fullName(s string, i, end int, first string) (who string, to int, poss, ok bool) {
	for _, rest := range p.multi[first] {
		pos, ok, poss := end, true, false
		for k, want := range rest {
			j := pos
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j == pos || j == len(s) {
				ok = false
				break
			}
			e := scanWord(s, j)
			got := strings.ReplaceAll(strings.ToLower(s[j:e]), "’", "'")
			poss = k == len(rest)-1 && got == want+"s" // Per Olsens
			if got != want && !poss {
				ok = false
				break
			}
			pos = e
		}
		if ok {
			return first + " " + strings.Join(rest, " "), pos, poss, true
		}
	}
	return "", 0, false, false
}

// emailEnd returns the end of an e-mail address that starts at i, or -1.
func emailEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !(isWordRune(r) || strings.ContainsRune("._%+-", r)) {
			break
		}
		j += n
	}
	if j == i || j >= len(s) || s[j] != '@' {
		return -1
	}
	k, dot := j+1, false
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if r == '.' && startsLetter(s[k+1:]) {
			dot = true
		} else if !(isWordRune(r) || r == '-') {
			break
		}
		k += n
	}
	if !dot {
		return -1
	}
	return k
}

// emailPerson finds the person in an address's local part
// (kari.nordmann@…): a listed full name, or any word that is a listed or
// known name, whatever its case.
func (p *pseudonyms) emailPerson(local string) (string, bool) {
	var words []string
	eachWord(local, func(w string) { words = append(words, fold(w)) })
	if len(words) > 1 {
		joined := strings.Join(words, " ")
		for _, rest := range p.multi[words[0]] {
			if strings.HasPrefix(joined, words[0]+" "+strings.Join(rest, " ")) {
				return words[0] + " " + strings.Join(rest, " "), true
			}
		}
	}
	for _, w := range words {
		if who, ok := p.listed[w]; ok {
			return who, true
		}
	}
	for _, w := range words {
		if p.known(w) {
			return w, true
		}
	}
	// An address writes æøåäö in ASCII: marta.svensson@… is Märta.
	for _, w := range words {
		for listed, who := range p.listed {
			if slices.Contains(asciiForms(listed), w) {
				return who, true
			}
		}
		if name, ok := p.lex.givenASCII[w]; ok && p.known(name) {
			return name, true
		}
	}
	return "", false
}

// replace returns s with the people in it replaced.
func (p *pseudonyms) replace(s string) string {
	if s == "" {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	hasAt := strings.IndexByte(s, '@') >= 0
	var b strings.Builder
	done := 0 // s[:done] is in b
	out := func(from, to int, with string) {
		if b.Len() == 0 && done == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[done:from])
		b.WriteString(with)
		done = to
	}
	start := true // at the start of a sentence
	prevWord := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) && !prevWord {
			if hasAt {
				if e := emailEnd(s, i); e > 0 {
					at := i + strings.IndexByte(s[i:e], '@')
					if who, ok := p.emailPerson(s[i:at]); ok {
						// The whole address: the rest of it points at
						// the person too.
						out(i, e, p.stand(who, false))
					}
					i, start, prevWord = e, false, true
					continue
				}
			}
			i = p.word(s, i, i, start, 0, out)
			start, prevWord = false, true // foo@Kari is no mention, C# no tag
			continue
		}
		if (r == '@' || r == '#') && !prevWord && startsLetter(s[i+n:]) {
			i = p.word(s, i, i+n, start && r == '#', r, out)
			start, prevWord = false, true
			continue
		}
		// An underscore joins no word to a name: _Kari_ is italics,
		// kari_ola two people.
		prevWord = isWordRune(r)
		switch {
		case r == '.' || r == '!' || r == '?' || r == '\n':
			start = true
		case unicode.IsSpace(r) || strings.ContainsRune("-*#>\"'«»“”‘’()[]_~`|…–—", r):
		default:
			start = false
		}
		i += n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// word handles the word at i (after its @ or # at from, when sigil says
// so) and returns where it ends.
func (p *pseudonyms) word(s string, from, i int, start bool, sigil rune, out func(int, int, string)) int {
	mention := sigil == '@'
	p.tag = sigil == '#'
	defer func() { p.tag = false }()
	end := scanWord(s, i)
	w := s[i:end]
	f := strings.ToLower(w) // the text is NFC already
	if who, e, poss, ok := p.fullName(s, i, end, f); ok {
		if n := possessiveAt(s, e, s[i:e]); n > 0 {
			e += n
			poss = true
		}
		out(p.sigil(from, i, sigil), e, p.stand(who, poss))
		return e
	}
	hyphen := strings.IndexByte(w, '-') >= 0
	if who, ok := p.hyphenPossessive(w, f, start, mention); ok {
		// Hanne-Lises is Hanne-Lise's, not a Hanne-Lises of her own.
		out(p.sigil(from, i, sigil), end, p.stand(who, true))
		return end
	}
	if sigil == 0 && !hyphen && p.ordinary(f) && !capitalised(w) {
		return end // an ordinary word, the most of any text
	}
	who, ok := p.personFolded(w, f, start, mention)
	if stem := strings.TrimRightFunc(w, unicode.IsDigit); !ok && stem != w && startsLetter(stem) && !hyphen {
		// Kari2, as a user name or a second Kari: the person, digits and all.
		who, ok = p.personFolded(stem, f[:len(stem)], start, mention)
	}
	poss := false
	if !ok {
		// Kari-s, and Karis, Åses (the possessive of a name is no word of
		// its own), and the plural possessive Olsens'.
		if k := strings.LastIndexByte(w, '-'); k > 0 && (w[k+1:] == "s" || w[k+1:] == "S") {
			who, ok = p.personFolded(w[:k], f[:k], start, mention)
		} else if stem := strings.TrimRight(w, "sS"); len(stem) == len(w)-1 && utf8.RuneCountInString(stem) >= 2 &&
			(capitalised(w) || !p.ordinary(f)) {
			who, ok = p.personFolded(stem, f[:len(stem)], start, mention)
		}
		poss = ok
	}
	if n := possessiveAt(s, end, w); n > 0 {
		if ok || mention {
			end += n
			poss = true
		}
	}
	compound := hyphen && !nameLike(w)
	if !ok && mention && !compound {
		// @Anyone is a person.
		who, ok = f, true
	}
	if ok {
		out(p.sigil(from, i, sigil), end, p.stand(who, poss))
		return end
	}
	// Not a name as a whole: a part of it may be (Kari-gruppa,
	// @Kari-oppgaven).
	if compound {
		j := i
		for k, part := range strings.Split(w, "-") {
			if k == 0 && mention {
				who, _ := p.person(part, false, true)
				if who == "" {
					who = strings.ToLower(part)
				}
				out(from, j+len(part), p.stand(who, false))
			} else if who, ok := p.person(part, start && k == 0, false); ok {
				out(j, j+len(part), p.stand(who, false))
			} else if k > 0 && !capitalised(part) {
				// Kari-gruppa: an ordinary word joined to a name.
			} else {
				p.keep(part, start && k == 0)
			}
			j += len(part) + 1
		}
		return end
	}
	p.keep(w, start)
	return end
}

// listMentions adds the people of the @mentions in s to the listed
// names, except the mentor and the author: an address's @ is none.
func (p *pseudonyms) listMentions(s string) {
	for i := strings.IndexByte(s, '@'); i >= 0; {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if i > 0 && (isWordRune(prev) || strings.ContainsRune("._%+-", prev)) || !startsLetter(s[i+1:]) {
			i = nextAt(s, i+1)
			continue
		}
		w := s[i+1 : scanWord(s, i+1)]
		if strings.IndexByte(w, '-') >= 0 && !nameLike(w) {
			w = w[:strings.IndexByte(w, '-')] // @Kari-oppgaven
		}
		f := fold(w)
		if _, ok := p.listed[f]; !ok && !p.excluded[f] && f != "" {
			p.listed[f] = f
			for _, v := range apostrophes(f) {
				if _, ok := p.listed[v]; !ok {
					p.listed[v] = f
				}
			}
		}
		i = nextAt(s, i+1)
	}
}

func nextAt(s string, from int) int {
	if k := strings.IndexByte(s[from:], '@'); k >= 0 {
		return from + k
	}
	return -1
}

// hyphenPossessive finds the person of a hyphenated name with a
// possessive s (Hanne-Lises): the name without it is listed, or its last
// part is a name and the part with the s is none.
func (p *pseudonyms) hyphenPossessive(w, f string, start, mention bool) (string, bool) {
	k := strings.LastIndexByte(f, '-')
	if k <= 0 || !strings.HasSuffix(f, "s") || len(f)-k < 4 {
		return "", false
	}
	stemW, stemF := w[:len(w)-1], f[:len(f)-1]
	_, stemListed := p.listed[stemF]
	last, lastStem := f[k+1:], stemF[k+1:]
	_, lastListed := p.listed[last]
	_, lastStemListed := p.listed[lastStem]
	if !stemListed && (lastListed || p.known(last) || !(lastStemListed || p.known(lastStem))) {
		return "", false
	}
	return p.personFolded(stemW, stemF, start, mention)
}

// nameLike says every part of a hyphenated word is capitalised, as the
// parts of a name are (Kari-Anne, not Kari-gruppa).
func nameLike(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if part == "" || !capitalised(part) {
			return false
		}
	}
	return true
}

// sigil is where a replacement begins: an @ goes with the name, a # stays.
func (p *pseudonyms) sigil(from, i int, sigil rune) int {
	if sigil == '#' {
		return i
	}
	return from
}

// letters names the n-th person: A … Z, AA, AB …
func letters(n int) string {
	s := ""
	for n >= 0 {
		s = string(rune('A'+n%26)) + s
		n = n/26 - 1
	}
	return s
}

// apply replaces names in every text of the export, in reading order, and
// notes in x.Kept the likely names it left.
func (p *pseudonyms) apply(x *Export) {
	p.exclude(x.Author)
	var texts, tags []*string
	text := func(t *ExportText) {
		for i := range t.Sections {
			texts = append(texts, &t.Sections[i].Heading, &t.Sections[i].Text)
		}
	}
	for i := range x.MentorQuestions {
		texts = append(texts, &x.MentorQuestions[i].Text)
	}
	for i := range x.Assessments {
		text(&x.Assessments[i].Body)
	}
	for wi := range x.Weeks {
		w := &x.Weeks[wi]
		if w.Reflection != nil {
			text(w.Reflection)
		}
		for ei := range w.Entries {
			e := &w.Entries[ei]
			e.Tags = append([]string(nil), e.Tags...) // the journal's own slice stays
			texts = append(texts, &e.FollowedUp, &e.FollowupNote)
			text(&e.Body)
			texts = append(texts, &e.Commitment, &e.OutcomeNote)
			for i := range e.Tags {
				// Read as the tag it is: #trude.
				e.Tags[i] = "#" + e.Tags[i]
				texts = append(texts, &e.Tags[i])
				tags = append(tags, &e.Tags[i])
			}
		}
		for mi := range w.Mentorings {
			m := &w.Mentorings[mi]
			p.exclude(m.Mentor)
			texts = append(texts, &m.Mentor)
			for i := range m.Answered {
				texts = append(texts, &m.Answered[i])
			}
			text(&m.Body)
		}
	}
	// The journal's own ordinary words: what it writes in lower case. An
	// address, a tag or a mention is no sign of a word: kari@…, #trude
	// and @bjørnar name people in lower case.
	for _, t := range texts {
		if !norm.NFC.IsNormalString(*t) {
			*t = norm.NFC.String(*t)
		}
		for _, field := range strings.Fields(*t) {
			if strings.ContainsAny(field, "@#") {
				continue
			}
			eachWord(field, func(w string) {
				if !capitalised(w) {
					p.lower[w] = true
				}
			})
		}
	}
	// Whoever is mentioned (@Bjørnar) anywhere is a person everywhere, as
	// if People listed them: one person, one stand-in.
	for _, t := range texts {
		p.listMentions(*t)
	}
	var again []int
	orig := make([]string, len(texts))
	for k, t := range texts {
		orig[k], p.skipped = *t, false
		*t = p.replace(*t)
		if p.skipped {
			again = append(again, k)
		}
	}
	p.again = true
	for _, k := range again {
		*texts[k] = p.replace(orig[k])
	}
	for _, t := range tags {
		*t = strings.TrimPrefix(*t, "#")
	}
	// A name at the start of a sentence listed as kept in the first pass
	// may have been replaced in the second.
	kept := p.kept[:0]
	for _, w := range p.kept {
		if _, named := p.given[strings.ToLower(w)]; !named {
			kept = append(kept, w)
		}
	}
	x.Kept = kept
}
