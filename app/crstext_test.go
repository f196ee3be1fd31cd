package app

import (
	"testing"
	"unicode"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Coordinate systems are named in one language at a time.
func TestCRSNamesInOneLanguage(t *testing.T) {
	defer i18n.SetLanguage("zh")
	gk, _ := crs.FromEPSG(4549)
	for _, c := range append(crs.All(), crs.Unknown, gk) {
		i18n.SetLanguage("en")
		en, warn := crsText(c), crsWarning(c)
		i18n.SetLanguage("zh")
		zh := crsText(c)
		if hasHan(en) || hasHan(warn) {
			t.Errorf("%v in English: %q %q", c, en, warn)
		}
		if c != gk && (!hasHan(zh) || zh == en) {
			t.Errorf("%v in Chinese: %q", c, zh)
		}
	}
	i18n.SetLanguage("en")
	if got := crsLabels(); hasHan(got[len(got)-1]) || len(got) != len(crs.All()) {
		t.Errorf("import dialog choices %q", got)
	}
}
