package data

import (
	"fmt"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Level is the school level of a site. It decides the marker, the catchment
// radius and the pupils-per-class norm.
type Level int

// The levels of the plan annex. Senior covers complete (初中+高中) and senior
// middle schools; YouthPalace is not a school and has no seats or catchment.
const (
	LevelUnknown Level = iota
	Kindergarten
	Primary
	Junior
	Senior
	NineYear
	International
	YouthPalace
)

var levelInfo = [...]struct{ code, zh, en string }{
	LevelUnknown:  {"unknown", "未知", "unknown"},
	Kindergarten:  {"kindergarten", "幼儿园", "kindergarten"},
	Primary:       {"primary", "小学", "primary school"},
	Junior:        {"junior", "初中", "junior middle school"},
	Senior:        {"senior", "完全中学/高中", "complete/senior middle school"},
	NineYear:      {"nine_year", "九年一贯制学校", "nine-year school"},
	International: {"international", "国际学校(K-12)", "international K-12 school"},
	YouthPalace:   {"youth_palace", "青少年宫", "youth palace (not a school)"},
}

// Levels lists every known level in display order (LevelUnknown excluded).
func Levels() []Level {
	return []Level{Kindergarten, Primary, Junior, Senior, NineYear, International, YouthPalace}
}

// String returns the level's code as used in data files ("kindergarten").
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelInfo) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelInfo[l].code
}

// Label returns the Chinese name of the level (幼儿园).
func (l Level) Label() string {
	if l < 0 || int(l) >= len(levelInfo) {
		return l.String()
	}
	return levelInfo[l].zh
}

// LabelEN returns the English name of the level.
func (l Level) LabelEN() string {
	if l < 0 || int(l) >= len(levelInfo) {
		return l.String()
	}
	return levelInfo[l].en
}

// Text is the level's name in the current language (i18n.Language).
func (l Level) Text() string {
	if i18n.Language() == "en" {
		return l.LabelEN()
	}
	return l.Label()
}

// IsSchool reports whether the level enrols pupils (has seats).
func (l Level) IsSchool() bool { return l != LevelUnknown && l != YouthPalace }

// ParseLevel reads a level code; it accepts the codes of String and the
// Chinese labels.
func ParseLevel(s string) (Level, error) {
	s = strings.TrimSpace(s)
	for i, in := range levelInfo {
		if i == 0 {
			continue
		}
		if strings.EqualFold(s, in.code) || s == in.zh {
			return Level(i), nil
		}
	}
	return LevelUnknown, fmt.Errorf("%w: %q", ErrUnknownLevel, s)
}

// Confidence says how sure the evidence for a site's location is.
type Confidence int

// Confidence grades as used in the evidence table, weakest first.
const (
	ConfidenceNone Confidence = iota
	ConfidenceLow
	ConfidenceLowMedium
	ConfidenceMedium
	ConfidenceMediumHigh
	ConfidenceHigh
	ConfidenceSurveyed
)

var confidenceCodes = [...]struct{ code, zh string }{
	{"none", "无"}, {"low", "低"}, {"low-medium", "中低"}, {"medium", "中"},
	{"medium-high", "中高"}, {"high", "高"}, {"surveyed", "实测"},
}

// String returns the code used in data files ("low-medium").
func (c Confidence) String() string {
	if c < 0 || int(c) >= len(confidenceCodes) {
		return fmt.Sprintf("Confidence(%d)", int(c))
	}
	return confidenceCodes[c].code
}

// Label returns the Chinese grade (中低).
func (c Confidence) Label() string {
	if c < 0 || int(c) >= len(confidenceCodes) {
		return c.String()
	}
	return confidenceCodes[c].zh
}

// ParseConfidence reads a code of String.
func ParseConfidence(s string) (Confidence, error) {
	for i, cc := range confidenceCodes {
		if strings.EqualFold(strings.TrimSpace(s), cc.code) {
			return Confidence(i), nil
		}
	}
	return ConfidenceNone, fmt.Errorf("%w: %q", ErrUnknownConfidence, s)
}
