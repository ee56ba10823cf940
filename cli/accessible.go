package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"tillit/coach"
	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/report"
	"tillit/ui"
)

// The accessible mode (--accessible, TILLIT_ACCESSIBLE=1, accessible =
// true) asks its questions as plain lines on standard output and reads the
// answers from standard input: no cursor movement, no colour, every choice
// numbered, so that a screen reader reads each question once, in order.
// Every way into the screens comes here instead (runTUI): Today is a
// numbered menu, the documents are asked field by field.

func (a *app) prompter() *ui.Prompter { return ui.NewPrompter(a.lang, a.stdin, a.stdout) }

// accessible is what a screen o would have done, asked a line at a time.
func (a *app) accessible(o ui.Options) error {
	o = a.options(o)
	p := a.prompter()
	switch o.Start {
	case ui.StartCheckIn, ui.StartMentoring, ui.StartReflection, ui.StartAssessment:
		return a.accessibleResult(ui.Accessible(o, p))
	case ui.StartReview:
		return a.accessibleReview(p, o.Week)
	case ui.StartRead:
		lang := a.lang.Lang()
		p.Say(content.Introduction(lang) + "\n---\n\n" + content.Article(lang))
		return nil
	}
	return a.accessibleMenu(p)
}

// accessibleResult says how a document ended, as the screens' ending does.
func (a *app) accessibleResult(result string, aborted bool, err error) error {
	switch {
	case err != nil:
		return err
	case aborted && result != "":
		return abortError{result}
	case aborted:
		return quietError{exitAborted}
	}
	fmt.Fprintln(a.stdout, result)
	return nil
}

// accessibleMenu is Today as a numbered list of what there is to do.
func (a *app) accessibleMenu(p *ui.Prompter) error {
	t := a.lang.T
	items := []string{t("accessible.menu_checkin"), t("accessible.menu_note"), t("accessible.menu_review"),
		t("accessible.menu_mentoring"), t("accessible.menu_assess"), t("settings.title"), t("accessible.menu_quit")}
	numbers := []int{1, 2, 3, 4, 5, 6, 7}
	for {
		day := a.today()
		d := a.coach.Today(a.readJournal(), day)
		p.Say("tillit · " + a.lang.Heading(a.lang.LongDate(day.Year, day.Month, day.Day)))
		if d.CheckedIn {
			p.Say("✓ " + t("today.checked_in"))
		} else if !d.TipGone {
			p.Say(t("today.tip_of_day") + ": " + fmt.Sprintf("%d · %s", d.Tip.Number, d.Tip.Short))
		}
		switch d.Assess {
		case coach.AssessFirst:
			p.Say(t("accessible.assess_first", "N", a.pack.Count()))
		case coach.AssessAgain:
			p.Say(t("accessible.assess_again", "N", a.pack.Count(), "Day", a.lang.DayMonth(d.LastAssessed.Year, d.LastAssessed.Month, d.LastAssessed.Day)))
		}
		n, err := p.Choose(t("accessible.choose"), numbers, items)
		if err != nil || n < 0 || n == 7 {
			return nil
		}
		o := ui.Options{Day: day, Week: journal.WeekOf(day)}
		switch n {
		case 1:
			o.Start = ui.StartCheckIn
			err = a.accessibleResult(ui.Accessible(a.options(o), p))
		case 2:
			err = a.accessibleNoteNow(p, day, false)
		case 3:
			err = a.accessibleReview(p, o.Week)
		case 4:
			o.Start = ui.StartMentoring
			err = a.accessibleResult(ui.Accessible(a.options(o), p))
		case 5:
			o.Start = ui.StartAssessment
			err = a.accessibleResult(ui.Accessible(a.options(o), p))
		case 6:
			err = a.accessibleSettings(p)
		}
		var abort abortError
		switch {
		case errors.As(err, &abort):
			p.Say(abort.msg)
		case err != nil && !errors.Is(err, ui.ErrInputEnded):
			p.Say("! " + oneLine(a.lang.Describe(err)))
		}
		if errors.Is(err, ui.ErrInputEnded) {
			return nil
		}
		p.Say("")
	}
}

// options fills o with this run's journal, settings and language.
func (a *app) options(o ui.Options) ui.Options {
	o.Store, o.Config, o.Lang = a.store, a.cfg, a.lang
	o.Pack, o.Packs, o.Now = a.pack, a.packs, a.now
	o.Editor = a.cfg.EditorCommand(os.Getenv)
	return o
}

// accessibleReview says the week as tillit review --print does, and offers
// to write its reflection.
func (a *app) accessibleReview(p *ui.Prompter, w journal.Week) error {
	j, st := a.coach.Week(a.readJournal(), w, a.today())
	p.Say(report.Week(j, st, a.reportOptions(true)))
	write, err := p.YesNo(a.lang.T("accessible.write_reflection"), false)
	if err != nil || !write {
		return err
	}
	return a.accessibleResult(ui.Accessible(a.options(ui.Options{Start: ui.StartReflection, Week: w}), p))
}

// accessibleNote asks for a note and whether it is private.
func (a *app) accessibleNote(p *ui.Prompter, private bool) (string, bool, error) {
	p.Say(a.lang.T("accessible.note"))
	text, err := p.Lines()
	if err != nil && text == "" {
		return "", false, err
	}
	if !private && strings.TrimSpace(text) != "" {
		if private, err = p.YesNo(a.lang.T("accessible.private"), false); err != nil {
			return "", false, err
		}
	}
	return text, private, nil
}

// accessibleNoteNow asks for a note and adds it to day.
func (a *app) accessibleNoteNow(p *ui.Prompter, day journal.Date, private bool) error {
	text, private, err := a.accessibleNote(p, private)
	if err != nil || strings.TrimSpace(text) == "" {
		return err
	}
	if err := a.store.AppendNote(day, a.now(), text, private); err != nil {
		return textError{err: err, text: strings.TrimRight(text, "\n") + "\n"}
	}
	p.Say(a.lang.T("cli.note_added", "Path", a.store.DayPath(day)))
	return nil
}

// accessibleSettings walks the settings: pick one by number, give it a
// value, until an empty answer. Each change is written at once, as
// tillit config set does.
func (a *app) accessibleSettings(p *ui.Prompter) error {
	file := a.settingsFile()
	p.Say(a.lang.T("settings.title") + ". " + a.lang.T("settings.file", "Path", file))
	current := a.file
	for {
		var rows []string
		var numbers []int
		for i, k := range config.Keys {
			v := k.Get(&current)
			if v == "" {
				v = a.effective(k)
				if v == "" {
					v = a.lang.T("settings.not_set")
				}
				if from := a.source(k); from != "" {
					v += " (" + from + ")"
				}
			}
			rows, numbers = append(rows, a.lang.T("settings.label."+k.Name)+": "+v), append(numbers, i+1)
		}
		i, err := p.Choose(a.lang.T("accessible.which_setting"), numbers, rows)
		if err != nil || i < 0 {
			return nil
		}
		k := config.Keys[i-1]
		p.Say(a.lang.T("settings.about." + k.Name))
		var value string
		switch k.Kind {
		case config.Choice, config.Bool:
			choices := k.Choices
			if k.Kind == config.Bool {
				choices = []string{"true", "false"}
			}
			var ns []int
			for n := range choices {
				ns = append(ns, n+1)
			}
			n, err := p.Choose(a.lang.T("accessible.new_value"), ns, choices)
			if err != nil {
				return nil
			}
			if n < 0 {
				continue
			}
			value = choices[n-1]
		default:
			if k.Kind == config.List {
				p.Say(a.lang.T("settings.hint_list_items"))
			}
			v, err := p.Ask(a.lang.T("accessible.new_text"))
			if err != nil || strings.TrimSpace(v) == "" {
				continue
			}
			value = v
		}
		v, err := config.Set(file, k.Name, value, a.settingsTemplate())
		if err != nil {
			p.Say(a.lang.T("accessible.not_saved", "Err", oneLine(a.lang.Describe(err))))
			continue
		}
		k.Apply(&current, v)
		p.Say(a.lang.T("settings.saved", "Key", k.Name, "Value", k.Literal(v), "Path", file))
	}
}
