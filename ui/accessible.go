package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/locale"
	"tillit/termtext"
)

// The accessible way through tillit: the same documents, asked a line at a
// time on standard input and output, with no cursor movement, no colour
// and every choice numbered, so that a screen reader follows it. It walks
// the form of a document (its steps and fields) as the screens do, keeps a
// draft after every answer, and saves through the document's own write, so
// what it writes is what the screens would.

// Accessible asks for the document o.Start names (the check-in, the
// mentoring note or the self-assessment of o.Day, the reflection of
// o.Week) on p. It returns what
// the command line says at the end, and whether the user left the document
// unsaved.
func Accessible(o Options, p *Prompter) (result string, aborted bool, err error) {
	if o.Editor == "" {
		o.Editor = defaultEditor()
	}
	o.Tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil } // drafts are written after each answer
	ctx := New(o).ctx
	a := &asker{Prompter: p, ctx: ctx}
	switch o.Start {
	case StartMentoring:
		return a.document(openMentoring(ctx, o.Day))
	case StartReflection:
		return a.document(openReflection(ctx, o.Week))
	case StartAssessment:
		return a.document(openAssessment(ctx, o.Day))
	}
	return a.document(openCheckin(ctx, o.Day, 0, false))
}

// Prompter asks and reads, a line at a time, in the user's language.
type Prompter struct {
	lang *locale.Catalog
	in   *bufio.Reader
	out  io.Writer
	eof  bool
}

// NewPrompter asks on out and reads the answers from in.
func NewPrompter(lang *locale.Catalog, in io.Reader, out io.Writer) *Prompter {
	return &Prompter{lang: lang, in: bufio.NewReader(in), out: out}
}

// asker asks for a document on a prompter.
type asker struct {
	*Prompter
	ctx *Context
}

// ErrInputEnded says standard input ended before all was answered.
var ErrInputEnded = errors.New("input ended")

// Say writes lines for the user: the journal's and the packs' text never
// drives the terminal.
func (p *Prompter) Say(s string) { fmt.Fprintln(p.out, termtext.Clean(s)) }

func (p *Prompter) line() (string, error) {
	if p.eof {
		return "", ErrInputEnded
	}
	s, err := p.in.ReadString('\n')
	if err != nil {
		p.eof = true
		if s == "" {
			return "", ErrInputEnded
		}
	}
	return strings.TrimRight(s, "\r\n"), nil
}

// Ask writes a question and reads the answer.
func (p *Prompter) Ask(q string) (string, error) {
	p.Say(q) // on a line of its own: the answer comes on the next
	return p.line()
}

// Choose lists options numbered and reads one of the numbers; an empty
// answer gives -1 (keep what is there).
func (p *Prompter) Choose(q string, numbers []int, labels []string) (int, error) {
	for i, n := range numbers {
		p.Say(fmt.Sprintf("  %d  %s", n, labels[i]))
	}
	for {
		s, err := p.Ask(q)
		if err != nil || strings.TrimSpace(s) == "" {
			return -1, err
		}
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && slices.Contains(numbers, n) {
			return n, nil
		}
		p.Say(p.lang.T("accessible.not_a_choice"))
	}
}

// Lines reads lines up to one holding only a full stop (or the end of
// input).
func (p *Prompter) Lines() (string, error) {
	var b []string
	for {
		s, err := p.line()
		if err != nil || strings.TrimSpace(s) == "." {
			if len(b) == 0 {
				return "", err
			}
			return strings.Join(b, "\n"), nil
		}
		b = append(b, s)
	}
}

// YesNo asks a question answered yes (1) or no (2); enter keeps now.
func (p *Prompter) YesNo(q string, now bool) (bool, error) {
	keep := p.lang.T("accessible.no")
	if now {
		keep = p.lang.T("accessible.yes")
	}
	p.Say(q)
	n, err := p.Choose(p.lang.T("accessible.choose_keep", "Now", keep), []int{1, 2}, []string{p.lang.T("accessible.yes"), p.lang.T("accessible.no")})
	p.Say("")
	switch {
	case err != nil:
		return now, err
	case n < 0:
		return now, nil
	}
	return n == 1, nil
}

// document opens a document (as the screens do, from what is on disk),
// asks for it field by field and saves it.
func (p *asker) document(o *opening) (string, bool, error) {
	ctx := p.ctx
	j := ctx.Store.Read()
	s, err := o.build(o.load(j)(), j)
	if err != nil {
		return "", false, err
	}
	f := s.(interface{ formOf() *form }).formOf()
	defer func() { ctx.Store.ReleaseDraft(f.draft()) }()
	if f.err != "" {
		p.Say("! " + f.err)
	}
	if err := p.offer(f); err != nil {
		return p.left(f, err)
	}
	for i := 0; i < len(f.steps)-1; i++ {
		f.step, f.field = i, 0
		title, about, day := f.doc.header()
		p.Say(strings.Join(slices.DeleteFunc([]string{title, about, day, ctx.T("accessible.step", "N", i+1, "Of", len(f.steps))},
			func(s string) bool { return s == "" }), " · "))
		p.Say("")
		if err := p.step(f); err != nil {
			return p.left(f, err)
		}
	}
	return p.preview(f)
}

// offer asks about the drafts left unfinished: resume one, discard it, or
// leave them for later and start anew.
func (p *asker) offer(f *form) error {
	ctx := p.ctx
	for f.resumeOffer != nil {
		p.Say(f.doc.offered(len(f.offers), f.resumeOffer))
		var numbers []int
		var labels []string
		for i, d := range f.offers {
			numbers = append(numbers, i+1)
			labels = append(labels, ctx.T("draft.saved_at", "Time", draftTime(ctx, d.Updated))+" · "+firstText(d))
		}
		n, err := p.Choose(ctx.T("accessible.resume"), numbers, labels)
		if err != nil {
			return err
		}
		if n < 0 {
			f.offers, f.resumeOffer = nil, nil // for later; this one starts anew
			return nil
		}
		f.pickOffer(n - 1)
		again, err := p.YesNo(ctx.T("accessible.resume_or_discard"), true)
		if err != nil {
			return err
		}
		if again {
			f.doc.fromDraft(f.takeOffer())
			f.resumed()
			p.keep(f)
			return nil
		}
		if err := ctx.Store.TrashDraft(f.dropOffer(), ctx.Now()); err != nil {
			p.Say("! " + ctx.Lang.Describe(err))
		}
	}
	return nil
}

// step asks for what a step shows: a page is said; each field is asked.
func (p *asker) step(f *form) error {
	st := f.cur()
	if st.enter != nil {
		st.enter()
	}
	if st.page != nil {
		p.Say(st.page())
		if c, ok := f.doc.(*checkinModel); ok && !c.editing {
			return p.otherTip(c)
		}
		return nil
	}
	if st.note != "" {
		p.Say(st.note)
	}
	for i, fl := range st.fields {
		f.field = i
		before := f.doc.toDraft()
		var err error
		switch fl := fl.(type) {
		case *part:
			err = p.part(fl)
		case *line:
			err = p.oneLine(fl)
		case *choice:
			err = p.choice(fl)
		case *checklist:
			err = p.checklist(fl)
		}
		if !sameDraft(before, f.doc.toDraft()) {
			p.keep(f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// sameDraft reports whether two drafts of a document hold the same.
func sameDraft(a, b *journal.Draft) bool {
	return reflect.DeepEqual(a, b)
}

// keep writes the draft now: every answer is safe as soon as it is given.
func (p *asker) keep(f *form) {
	f.draftState.changed()
	if cmd := f.saveDraft(); cmd != nil {
		if msg, ok := cmd().(draftSavedMsg); ok && msg.err != nil {
			p.Say("! " + p.ctx.T("checkin.draft_failed", "Err", p.ctx.Lang.Describe(msg.err)))
		}
	}
}

func (p *asker) otherTip(c *checkinModel) error {
	ctx := p.ctx
	var numbers []int
	var labels []string
	for _, t := range c.pack.Tips {
		numbers = append(numbers, t.Number)
		labels = append(labels, t.Short)
	}
	p.Say(ctx.T("accessible.other_tip", "N", c.tip.Number))
	n, err := p.Choose(ctx.T("accessible.choose_tip"), numbers, labels)
	p.Say("")
	if err != nil || n < 0 || n == c.tip.Number {
		return err
	}
	t, _ := c.pack.Tip(n)
	c.chooseTip(t)
	p.Say(c.tipMarkdown())
	return nil
}

func (p *asker) part(pt *part) error {
	ctx := p.ctx
	p.Say(pt.heading)
	if v := pt.Value(); strings.TrimSpace(v) != "" {
		p.Say(ctx.T("accessible.now") + "\n" + firstLines(v, 3))
		p.Say(ctx.T("accessible.part_keep"))
	} else {
		p.Say(ctx.T("accessible.part_how"))
	}
	text, err := p.Lines()
	if text != "" {
		pt.text.SetValue(text)
	}
	if err != nil {
		return err
	}
	if strings.TrimSpace(pt.Value()) == "" {
		p.Say("")
		return nil
	}
	pt.private, err = p.YesNo(ctx.T("accessible.private"), pt.private)
	return err
}

func (p *asker) oneLine(l *line) error {
	p.Say(l.label)
	hint := l.hint
	if l.offered != "" && l.Value() == l.offered {
		hint = l.hintOffered
	}
	if hint != "" {
		p.Say(hint)
	}
	for {
		q := p.ctx.T("accessible.line")
		if v := l.Value(); v != "" {
			q = p.ctx.T("accessible.line_keep", "Text", p.ctx.Lang.Quote(v))
		}
		s, err := p.Ask(q)
		if err != nil || strings.TrimSpace(s) == "" {
			p.Say("")
			return err
		}
		was := l.Value()
		l.setText(s)
		problem := l.problem()
		if problem == "" {
			p.Say("")
			return nil
		}
		// Asked again, as a choice that is none of the numbers is.
		l.input.SetValue(was)
		p.Say(problem)
	}
}

func (p *asker) choice(c *choice) error {
	p.Say(c.ask())
	vs, numbers := c.values()
	labels := make([]string, len(vs))
	now := ""
	for i, v := range vs {
		labels[i] = c.label(v)
		if v == *c.value {
			now = labels[i]
		}
	}
	q := p.ctx.T("accessible.choose")
	if now != "" {
		q = p.ctx.T("accessible.choose_keep", "Now", now)
	}
	n, err := p.Choose(q, numbers, labels)
	p.Say("")
	if err == nil && n >= 0 {
		*c.value = vs[slices.Index(numbers, n)]
	}
	return err
}

func (p *asker) checklist(l *checklist) error {
	p.Say(l.title)
	for i, ticked := range *l.ticked {
		text, note := l.row(i)
		box := "[ ]"
		if ticked {
			box = "[x]"
		}
		if note != "" {
			text += " (" + note + ")"
		}
		p.Say(fmt.Sprintf("  %d  %s %s", i+1, box, text))
	}
	for {
		s, err := p.Ask(p.ctx.T("accessible.checklist"))
		if err != nil || strings.TrimSpace(s) == "" {
			p.Say("")
			return err
		}
		ticks := make([]bool, len(*l.ticked))
		ok := true
		for _, w := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 || n > len(ticks) {
				ok = false
				break
			}
			ticks[n-1] = true
		}
		if ok {
			copy(*l.ticked, ticks)
			p.Say("")
			return nil
		}
		p.Say(p.ctx.T("accessible.not_a_choice"))
	}
}

// preview says the document as it will be saved, and saves it, leaves it
// as a draft, or does what else the preview offers (the whole entry
// private).
func (p *asker) preview(f *form) (string, bool, error) {
	ctx := p.ctx
	f.step, f.field = len(f.steps)-1, 0
	for {
		p.Say(f.doc.preview())
		labels := []string{ctx.T("key.save"), ctx.T("accessible.leave")}
		var extra []action
		for _, a := range f.cur().keys() {
			if !a.more {
				extra = append(extra, a)
				labels = append(labels, a.key.Help().Desc)
			}
		}
		numbers := make([]int, len(labels))
		for i := range numbers {
			numbers[i] = i + 1
		}
		n, err := p.Choose(ctx.T("accessible.choose"), numbers, labels)
		p.Say("")
		switch {
		case err != nil:
			return p.left(f, err)
		case n == 2:
			return p.left(f, nil)
		case n > 2:
			extra[n-3].do(tea.KeyPressMsg{})
			p.keep(f)
			continue
		case n < 0:
			continue
		}
		result, again, err := p.save(f)
		if again {
			continue
		}
		return result, err != nil, err
	}
}

// save writes the document. When the file changed on disk meanwhile, what
// the user wrote goes over it as the screens do it, and the preview is
// shown again (again).
func (p *asker) save(f *form) (result string, again bool, err error) {
	ctx := p.ctx
	write, err := f.doc.write()
	if err != nil {
		p.Say("! " + err.Error())
		return "", true, nil
	}
	own, from := f.draft(), f.resumedFrom
	_, path, err := write(ctx.Store)
	var conflict *journal.ConflictError
	switch {
	case errors.As(err, &conflict):
		rebase, err := f.doc.reread()(ctx.Store)
		if err != nil {
			return "", false, err
		}
		rebase()
		p.keep(f)
		p.Say("! " + ctx.T("checkin.conflict"))
		return "", true, nil
	case err != nil:
		f.forceDraft()
		p.keep(f)
		return "", false, err
	}
	removeDrafts(ctx.Store, own, from)
	return ctx.T("cli.saved", "Path", path), false, nil
}

// left leaves a document unsaved, its text kept as a draft.
func (p *asker) left(f *form, why error) (string, bool, error) {
	if why != nil && !errors.Is(why, ErrInputEnded) {
		return "", true, why
	}
	if !f.keep() {
		return "", true, nil
	}
	f.forceDraft()
	p.keep(f)
	return draftKept(p.ctx, f.draft()), true, nil
}
