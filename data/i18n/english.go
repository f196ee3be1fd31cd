package i18n

import (
	"strings"
	"unicode"
)

// EnglishRun returns the first run of three or more Latin words in s (an
// English phrase inside a Chinese text), or "" when there is none. Words
// are separated by ASCII spaces, digits and punctuation only; a CJK
// character ends the run. Single letters and what follows '.', '{' or '%'
// (file extensions, templates, format verbs) are not words, so codes and
// units such as "GCJ-02", "WGS-84", "POI", "±20 m", ".osm.pbf" or
// "SITE-LOCATIONS" stay under the limit. The tests use it to check that a
// Chinese interface shows no English sentences.
func EnglishRun(s string) string {
	start, words, word, skip := -1, 0, -1, false
	var prev rune
	end := func(i int) {
		if word >= 0 && !skip && i-word > 1 {
			words++
		}
		word = -1
	}
	for i, r := range s + "。" {
		switch {
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			if word < 0 {
				word, skip = i, strings.ContainsRune(".{%", prev)
			}
			if start < 0 {
				start = i
			}
		case r < unicode.MaxASCII:
			end(i)
		default:
			end(i)
			if words >= 3 {
				return strings.TrimSpace(s[start:i])
			}
			start, words = -1, 0
		}
		prev = r
	}
	return ""
}
