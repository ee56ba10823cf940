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
	Answers         []string `yaml:"answers"`
	Notes           []string `yaml:"notes"`
	Commitments     []string `yaml:"commitments"`
	WentWell        []string `yaml:"went_well"`
	Learned         []string `yaml:"learned"`
	MentorQuestions []string `yaml:"mentor_questions"`
}

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
	for what, list := range map[string][]string{"answers": t.Answers, "notes": t.Notes, "commitments": t.Commitments,
		"went_well": t.WentWell, "learned": t.Learned, "mentor_questions": t.MentorQuestions} {
		if len(list) == 0 {
			return nil, fmt.Errorf("content %s: no %s", name, what)
		}
	}
	return &t, nil
}
