package content

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The staff pulse: three questions a manager asks the staff in a meeting,
// beside a self-assessment, so that a programme does not rest on the
// manager's view of themself alone. One question stands for each of the
// article's three themes; the staff answer 1–5, and the manager writes
// down how many answered and the averages.

//go:embed pulse/*.yaml
var pulseFiles embed.FS

// PulseQuestions is how many questions the pulse asks: a journal records
// as many averages.
const PulseQuestions = 3

// Pulse is the staff pulse in one language.
type Pulse struct {
	Title string `yaml:"title"`
	// How says how to ask the questions and what to write down.
	How string `yaml:"how"`
	// FollowUp is a question to ask after the numbers.
	FollowUp  string          `yaml:"follow_up"`
	Scale     string          `yaml:"scale"`
	Questions []PulseQuestion `yaml:"questions"`
}

// PulseQuestion is one question of the pulse, asked of the staff.
type PulseQuestion struct {
	ID    string `yaml:"id"`
	Theme string `yaml:"theme"` // the id of the built-in pack's theme it stands for
	Short string `yaml:"short"`
	Text  string `yaml:"text"`
}

var pulses = map[string]*struct {
	once  sync.Once
	pulse *Pulse
	err   error
}{"nb": {}, "en": {}, "sv": {}}

// StaffPulse returns the pulse in lang, falling back to English.
func StaffPulse(lang string) (*Pulse, error) {
	p, ok := pulses[lang]
	if !ok {
		lang, p = "en", pulses["en"]
	}
	p.once.Do(func() { p.pulse, p.err = loadPulse(lang) })
	return p.pulse, p.err
}

// MustStaffPulse is StaffPulse for callers that run after the tests
// checked the embedded files.
func MustStaffPulse(lang string) *Pulse {
	p, err := StaffPulse(lang)
	if err != nil {
		panic(err)
	}
	return p
}

func loadPulse(lang string) (*Pulse, error) {
	name := "pulse/" + lang + ".yaml"
	data, err := pulseFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	var p Pulse
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	if len(p.Questions) != PulseQuestions {
		return nil, fmt.Errorf("content %s: %d questions, the pulse has %d", name, len(p.Questions), PulseQuestions)
	}
	for i, q := range p.Questions {
		if q.ID == "" || q.Text == "" || q.Short == "" {
			return nil, fmt.Errorf("content %s: question %d needs an id, a short name and a text", name, i+1)
		}
	}
	return &p, nil
}
