package ui

import (
	"strings"
	"testing"
)

// A custom period on the export screen is bounded as on the command line:
// 100 years at most, so a mistyped year does not walk millennia.
func TestExportScreenRefusesAPeriodOfMillennia(t *testing.T) {
	ctx := testContext(t, "en")
	m := newExport(ctx)
	m.period = rangeCustom
	m.from.SetValue("0001-01-01")
	m.to.SetValue("9999-12-31")
	if _, _, err := m.span(); err == nil || !strings.Contains(err.Error(), "100 years") {
		t.Errorf("0001-01-01 – 9999-12-31: %v", err)
	}
	m.from.SetValue("1930-01-01")
	m.to.SetValue("2026-11-27")
	if _, _, err := m.span(); err != nil {
		t.Errorf("1930-01-01 – 2026-11-27: %v", err)
	}
}
