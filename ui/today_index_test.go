package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/locale"
)

// Today's first frame comes from the journal's index, before the whole
// journal is read, and shows what Today shows once it is read; a check-in
// opened before then starts from the index as it would from the whole.
func TestTodayFromTheIndexIsTodayFromTheJournal(t *testing.T) {
	root := t.TempDir()
	os.Chmod(root, 0o700)
	for name, text := range goldenJournal {
		path := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, []byte(text), 0o600)
	}
	store := journal.NewStore(root)
	store.Cache = t.TempDir()
	m := newTestModel(Options{Store: store, Lang: locale.New("nb"), Editor: "true", Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.ctx.loads++
	m.Update(loadToday(m.ctx, m.ctx.loads)())
	if m.journal.Journal != nil {
		t.Fatal("the whole journal is there already")
	}
	fromIndex := m.View().Content
	entries, err := os.ReadDir(filepath.Join(store.Cache, "index"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("no index was made: %v %v", entries, err)
	}
	m.Update(loadWhole(m.ctx, m.ctx.loads)())
	if whole := m.View().Content; whole != fromIndex {
		t.Errorf("Today from the index:\n%s\nfrom the whole journal:\n%s", fromIndex, whole)
	}

	// A check-in opened on the index.
	early := newTestModel(Options{Store: store, Lang: locale.New("nb"), Editor: "true", Now: func() time.Time { return testNow }})
	early.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	early.Update(loadToday(early.ctx, 1)())
	_, cmd := early.Update(openMsg{openCheckin(early.ctx, journal.DateOf(testNow), 0, false)})
	settle(early, cmd)
	c, ok := find[*checkinModel](early)
	if !ok {
		t.Fatalf("the check-in did not open from the index: %T", early.top())
	}
	late := goldenModel(t, "nb", true)
	_, cmd = late.Update(openMsg{openCheckin(late.ctx, journal.DateOf(testNow), 0, false)})
	settle(late, cmd)
	w, _ := find[*checkinModel](late)
	if c.tip.Number != w.tip.Number || (c.target == nil) != (w.target == nil) ||
		c.target != nil && c.target.Commitment != w.target.Commitment || c.lastTime != nil && w.lastTime != nil && c.lastTime.Date != w.lastTime.Date {
		t.Errorf("the check-in from the index starts elsewhere: tip %d %+v, whole %d %+v", c.tip.Number, c.target, w.tip.Number, w.target)
	}
}
