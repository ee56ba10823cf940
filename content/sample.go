package content

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// SampleText is what the sample journal of tillit demo says: answers,
// notes, commitments and the weekly reflections, in one language. The
// journal is made up; the texts are data, so they read well in each
// language.
type SampleText struct {
	// Answers holds, for each tip of the built-in pack (by id), answers by
	// question number (1-based): an answer always answers its question.
	Answers map[string]map[int]string `yaml:"answers"`
	Notes   []string                  `yaml:"notes"`
	// Commitments holds one commitment per tip (by id).
	Commitments     map[string]string `yaml:"commitments"`
	WentWell        []string          `yaml:"went_well"`
	Learned         []string          `yaml:"learned"`
	Hard            []string          `yaml:"hard"`
	Control         []string          `yaml:"control"`
	Next            []string          `yaml:"next"`
	MentorQuestions []string          `yaml:"mentor_questions"`
}

// Answer returns the sample's answer to question i (0-based) of tip id, or
// "" when it has none.
func (t *SampleText) Answer(id string, i int) string { return t.Answers[id][i+1] }

// Sample returns the sample journal's texts in lang, or in English for a
// language tillit does not have.
func Sample(lang string) (*SampleText, error) {
	name := "sample/" + lang + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil {
		name = "sample/en.yaml"
		if data, err = files.ReadFile(name); err != nil {
			return nil, fmt.Errorf("content %s: %w", name, err)
		}
	}
	var t SampleText
	if err := yaml.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	for what, n := range map[string]int{"answers": len(t.Answers), "notes": len(t.Notes), "commitments": len(t.Commitments),
		"went_well": len(t.WentWell), "learned": len(t.Learned), "hard": len(t.Hard), "control": len(t.Control), "next": len(t.Next),
		"mentor_questions": len(t.MentorQuestions)} {
		if n == 0 {
			return nil, fmt.Errorf("content %s: no %s", name, what)
		}
	}
	return &t, nil
}
