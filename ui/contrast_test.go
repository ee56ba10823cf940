package ui

import (
	"image/color"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
)

// Backgrounds the styles are read on: a dark and a light terminal each, from
// black or white to the softer tones many themes use.
var testBackgrounds = map[bool][]string{
	true:  {"#000000", "#1E1E1E", "#282C34"},
	false: {"#FFFFFF", "#FAFAFA", "#EEEEEE"},
}

// Every text tillit draws can be read: each style's foreground on its own
// background (or the terminal's) has a contrast of at least 4.5:1 (WCAG AA),
// in both themes; borders, which carry no words, at least 3:1. The styles
// are walked by reflection, so a style added later is checked too.
func TestEveryStyleMeetsContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		walkStyles(reflect.ValueOf(st).Elem(), "Styles", func(name string, s lipgloss.Style) {
			for _, bgHex := range testBackgrounds[dark] {
				bg := color.Color(lipgloss.Color(bgHex))
				if b := s.GetBackground(); !noColor(b) {
					bg = b
				}
				min := 4.5
				if strings.Contains(name, ".Heat") {
					min = 3 // a shaded square, not words
				}
				if fg := s.GetForeground(); !noColor(fg) {
					if c := contrast(fg, bg); c < min {
						t.Errorf("dark=%v %s: text %s on %s has contrast %.2f:1, want ≥ %.1f", dark, name, hex(fg), hex(bg), c, min)
					}
				}
				if b := s.GetBorderTopForeground(); !noColor(b) {
					if c := contrast(b, bg); c < 3 {
						t.Errorf("dark=%v %s: border %s on %s has contrast %.2f:1, want ≥ 3", dark, name, hex(b), hex(bg), c)
					}
				}
			}
		})
	}
}

// walkStyles calls f for every lipgloss.Style in v, in nested structs too.
func walkStyles(v reflect.Value, name string, f func(string, lipgloss.Style)) {
	switch v.Kind() {
	case reflect.Struct:
		if s, ok := v.Interface().(lipgloss.Style); ok {
			f(name, s)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStyles(v.Field(i), name+"."+v.Type().Field(i).Name, f)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			walkStyles(v.Index(i), name+"["+strconv.Itoa(i)+"]", f)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkStyles(v.Elem(), name, f)
		}
	}
}

func noColor(c color.Color) bool {
	_, ok := c.(lipgloss.NoColor)
	return c == nil || ok
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return "#" + h2(r) + h2(g) + h2(b)
}

func h2(v uint32) string {
	const digits = "0123456789ABCDEF"
	v >>= 8
	return string([]byte{digits[v>>4], digits[v&15]})
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// The markdown tillit renders (the journal's text, the article, the tips,
// the previews) reads at 4.5:1 too: every colour of the Glamour style, on
// its own background or the terminal's. A rule carries no words: 3:1.
func TestMarkdownStyleMeetsContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		cfg := glamourStyle(dark)
		text := lipgloss.Color(*cfg.Document.Color)
		walkPrimitives(reflect.ValueOf(cfg), "StyleConfig", func(name string, p ansi.StylePrimitive) {
			fg := text
			if p.Color != nil {
				fg = lipgloss.Color(*p.Color)
			}
			bgs := testBackgrounds[dark]
			if p.BackgroundColor != nil {
				bgs = []string{*p.BackgroundColor}
			}
			min := 4.5
			if strings.HasSuffix(name, ".HorizontalRule") {
				min = 3
			}
			for _, b := range bgs {
				bg := lipgloss.Color(b)
				if c := contrast(fg, bg); c < min {
					t.Errorf("dark=%v %s: text %s on %s has contrast %.2f:1, want ≥ %.1f", dark, name, hex(fg), hex(bg), c, min)
				}
			}
		})
	}
}

// walkPrimitives calls f for every StylePrimitive in v that sets a colour.
func walkPrimitives(v reflect.Value, name string, f func(string, ansi.StylePrimitive)) {
	switch v.Kind() {
	case reflect.Struct:
		if p, ok := v.Interface().(ansi.StylePrimitive); ok {
			if p.Color != nil || p.BackgroundColor != nil {
				f(name, p)
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkPrimitives(v.Field(i), name+"."+v.Type().Field(i).Name, f)
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkPrimitives(v.Elem(), name, f)
		}
	}
}
