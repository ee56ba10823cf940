package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tillit/config"
)

// The accessible mode (--accessible, TILLIT_ACCESSIBLE=1, accessible =
// true) asks its questions as plain lines on standard output and reads the
// answers from standard input: no cursor movement, no colour, every choice
// numbered, so that a screen reader reads each question once, in order.

// prompter asks questions line by line.
type prompter struct {
	in  *bufio.Reader
	out io.Writer
	a   *app
}

func (a *app) prompter() *prompter {
	return &prompter{in: bufio.NewReader(a.stdin), out: a.stdout, a: a}
}

// errNoAnswer is standard input ending before a question was answered.
var errNoAnswer = errors.New("no answer")

// line reads one line of input, without its end.
func (p *prompter) line() (string, error) {
	s, err := p.in.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		return "", errNoAnswer
	}
	return strings.TrimRight(s, "\r\n"), nil
}

// say writes one line.
func (p *prompter) say(s string) { fmt.Fprintln(p.out, s) }

// ask writes a question and reads a one-line answer.
func (p *prompter) ask(question string) (string, error) {
	p.say(question)
	return p.line()
}

// lines reads text of several lines, up to an empty line or the end of the
// input.
func (p *prompter) lines(question string) (string, error) {
	p.say(question)
	p.say(p.a.lang.T("accessible.end_with_empty_line"))
	var text []string
	for {
		l, err := p.line()
		if err != nil || l == "" {
			if len(text) == 0 && err != nil {
				return "", err
			}
			return strings.Join(text, "\n"), nil
		}
		text = append(text, l)
	}
}

// choose lists the choices numbered from 1 and reads a number; def (1-based)
// is taken for an empty answer, 0 for none. It asks again after an answer
// that is not one of the numbers.
func (p *prompter) choose(question string, choices []string, def int) (int, error) {
	p.say(question)
	for i, c := range choices {
		p.say(fmt.Sprintf("%d. %s", i+1, c))
	}
	for {
		hint := p.a.lang.T("accessible.number", "N", len(choices))
		if def > 0 {
			hint = p.a.lang.T("accessible.number_default", "N", len(choices), "Default", def)
		}
		l, err := p.ask(hint)
		if err != nil {
			return 0, err
		}
		l = strings.TrimSpace(l)
		if l == "" && def > 0 {
			return def - 1, nil
		}
		if n, err := strconv.Atoi(l); err == nil && n >= 1 && n <= len(choices) {
			return n - 1, nil
		}
		p.say(p.a.lang.T("accessible.not_a_choice", "Answer", l, "N", len(choices)))
	}
}

// accessibleNote asks for a note and whether it is private.
func (a *app) accessibleNote(private bool) (string, bool, error) {
	p := a.prompter()
	text, err := p.lines(a.lang.T("accessible.note"))
	if err != nil {
		return "", false, err
	}
	if !private && strings.TrimSpace(text) != "" {
		i, err := p.choose(a.lang.T("accessible.note_private"), []string{a.lang.T("accessible.no"), a.lang.T("accessible.yes")}, 1)
		if err != nil {
			return "", false, err
		}
		private = i == 1
	}
	return text, private, nil
}

// accessibleSettings walks the settings: pick one by number, give it a
// value, until an empty answer. Each change is written at once, as
// tillit config set does.
func (a *app) accessibleSettings() error {
	p := a.prompter()
	file := a.settingsFile()
	p.say(a.lang.T("settings.title") + ". " + a.lang.T("settings.file", "Path", file))
	current := a.file
	for {
		var rows []string
		for _, k := range config.Keys {
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
			rows = append(rows, a.lang.T("settings.label."+k.Name)+": "+v)
		}
		rows = append(rows, a.lang.T("accessible.done"))
		i, err := p.choose(a.lang.T("accessible.which_setting"), rows, len(rows))
		if err != nil || i == len(config.Keys) {
			return nil
		}
		k := config.Keys[i]
		p.say(a.lang.T("settings.about." + k.Name))
		var value string
		switch k.Kind {
		case config.Choice, config.Bool:
			choices := k.Choices
			if k.Kind == config.Bool {
				choices = []string{"true", "false"}
			}
			n, err := p.choose(a.lang.T("accessible.new_value"), choices, 0)
			if err != nil {
				return nil
			}
			value = choices[n]
		default:
			if k.Kind == config.List {
				p.say(a.lang.T("settings.hint_list_items"))
			}
			v, err := p.ask(a.lang.T("accessible.new_text"))
			if err != nil || strings.TrimSpace(v) == "" {
				continue
			}
			value = v
		}
		v, err := config.Set(file, k.Name, value, a.settingsTemplate())
		if err != nil {
			p.say(a.lang.T("accessible.not_saved", "Err", oneLine(a.lang.Describe(err))))
			continue
		}
		k.Apply(&current, v)
		p.say(a.lang.T("settings.saved", "Key", k.Name, "Value", k.Literal(v), "Path", file))
	}
}
