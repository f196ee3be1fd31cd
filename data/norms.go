package data

import (
	"maps"
	"math"
	"strconv"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Norm is one planning norm with the source that justifies its default.
type Norm struct {
	Value  float64
	Source string
}

// Norms are the planning norms the map and analysis use. Every value is a
// setting; Defaults gives the documented defaults.
type Norms struct {
	// RadiusM is the walking service radius by level; 0 = no catchment.
	RadiusM map[Level]Norm
	// PerClass is pupils per class by level. NineYear uses Primary and
	// Junior for its two parts.
	PerClass map[Level]Norm
	// NineYearPrimaryShare is the share of a nine-year school's classes
	// that are primary (6 of 9 grades).
	NineYearPrimaryShare float64
	// Per1000 is seats needed per 1000 residents by level (千人学位数).
	Per1000 map[Level]Norm
}

const (
	srcGB50180  = "GB 50180-2018 城市居住区规划设计标准 (生活圈)"
	srcGB50099  = "GB 50099-2011 中小学校设计规范 §3.0.1"
	srcJGJ39    = "JGJ 39-2016 托儿所、幼儿园建筑设计规范 (2019版)"
	srcPractice = "practice: district-wide enrolment, no walking catchment"
)

// DefaultNorms returns the defaults documented in NORMS.md.
func DefaultNorms() Norms {
	return Norms{
		RadiusM: map[Level]Norm{
			Kindergarten:  {300, srcGB50180 + ": 5-minute circle"},
			Primary:       {500, srcGB50180 + ": 10-minute circle"},
			Junior:        {1000, srcGB50180 + ": 15-minute circle"},
			Senior:        {0, srcPractice},
			International: {0, srcPractice},
			YouthPalace:   {0, "not a school"},
		},
		PerClass: map[Level]Norm{
			Kindergarten:  {30, srcJGJ39},
			Primary:       {45, srcGB50099},
			Junior:        {50, srcGB50099},
			Senior:        {50, srcGB50099},
			International: {0, "no class norm; seats only where the annex states enrolment"},
			YouthPalace:   {0, "not a school"},
		},
		NineYearPrimaryShare: 6.0 / 9.0,
		Per1000: map[Level]Norm{
			Kindergarten: {42, srcPer1000},
			Primary:      {84, srcPer1000},
			Junior:       {42, srcPer1000},
			Senior:       {25, srcPer1000},
		},
	}
}

// srcPer1000 says plainly that the demand norm is a placeholder.
const srcPer1000 = "example from Fuzhou, not a Guangzhou standard (the plan names 千人学位数 without numbers): set your own"

// Seats is a site's capacity split by the level whose demand it serves.
type Seats map[Level]int

// Total sums the seats of all levels.
func (s Seats) Total() int {
	t := 0
	for _, n := range s {
		t += n
	}
	return t
}

// SeatsOf derives a site's seats from its classes and the norms. A nine-year
// school's classes (or overriding seats) are split into primary and junior;
// a site with no stated classes has seats only when the annex states an
// enrolment. A planner's SeatsOverride wins over both.
func (n Norms) SeatsOf(s *Site) Seats {
	out := Seats{}
	switch {
	case s.SeatsOverride > 0 && s.Level == NineYear:
		p := int(float64(s.SeatsOverride)*n.NineYearPrimaryShare + 0.5)
		out[Primary], out[Junior] = p, s.SeatsOverride-p
	case s.SeatsOverride > 0 && s.Level.IsSchool():
		out[s.Level] = s.SeatsOverride
	case s.Classes > 0 && s.Level == NineYear:
		p := int(float64(s.Classes)*n.NineYearPrimaryShare + 0.5)
		out[Primary] = p * int(n.PerClass[Primary].Value)
		out[Junior] = (s.Classes - p) * int(n.PerClass[Junior].Value)
	case s.Classes > 0 && s.Level.IsSchool():
		if per := n.PerClass[s.Level].Value; per > 0 {
			out[s.Level] = s.Classes * int(per)
		}
	case s.Enrolment > 0 && s.Level.IsSchool():
		out[s.Level] = s.Enrolment
	}
	return out
}

// Clone returns a deep copy, so an edited copy never changes a scene that
// shares the original's maps.
func (n Norms) Clone() Norms {
	c := n
	c.RadiusM = maps.Clone(n.RadiusM)
	c.PerClass = maps.Clone(n.PerClass)
	c.Per1000 = maps.Clone(n.Per1000)
	return c
}

// CatchmentRadii maps the level whose demand a site serves to its walking
// radius: a nine-year school serves primary (500 m) and junior (1000 m);
// levels without a radius are absent.
func (n Norms) CatchmentRadii(l Level) map[Level]float64 {
	out := map[Level]float64{}
	add := func(served Level) {
		if r := n.RadiusM[served].Value; r > 0 {
			out[served] = r
		}
	}
	if l == NineYear {
		add(Primary)
		add(Junior)
	} else if l.IsSchool() {
		add(l)
	}
	return out
}

// Custom reports whether n's value no longer matches the default def, so
// def's source (a GB standard) no longer justifies it. A source that is
// not def's counts as custom too (a project file's own norm).
func (n Norm) Custom(def Norm) bool {
	return math.Abs(n.Value-def.Value) > 1e-9*math.Max(1, math.Abs(def.Value)) ||
		(n.Source != "" && n.Source != def.Source)
}

// SourceText is the source to show beside n: def's source while n matches
// it, else "自定义（默认 300）" ("custom (default 300)").
func (n Norm) SourceText(def Norm) string {
	if !n.Custom(def) {
		return sourceText(def.Source)
	}
	return i18n.T("behave.norm.custom", strconv.FormatFloat(def.Value, 'g', 4, 64))
}

// Custom lists, in a fixed order, the norms that differ from the defaults
// ("radius_m.kindergarten", "nine_year_primary_share"), for a page that
// must say which figures are the planner's own.
func (n Norms) Custom() []string {
	d := DefaultNorms()
	var out []string
	for _, t := range []struct {
		name     string
		got, def map[Level]Norm
	}{{"radius_m", n.RadiusM, d.RadiusM}, {"per_class", n.PerClass, d.PerClass}, {"seats_per_1000", n.Per1000, d.Per1000}} {
		for _, l := range Levels() {
			g, okG := t.got[l]
			def, okD := t.def[l]
			if okG != okD || (okG && g.Custom(def)) {
				out = append(out, t.name+"."+l.String())
			}
		}
	}
	if math.Abs(n.NineYearPrimaryShare-d.NineYearPrimaryShare) > 1e-9 {
		out = append(out, "nine_year_primary_share")
	}
	return out
}

// sourceText shows a default norm's source in the current language (the
// standards keep their official Chinese titles); other sources as given.
func sourceText(src string) string {
	keys := map[string]string{
		srcGB50180 + ": 5-minute circle":  "ui.norm.src.gb50180_5",
		srcGB50180 + ": 10-minute circle": "ui.norm.src.gb50180_10",
		srcGB50180 + ": 15-minute circle": "ui.norm.src.gb50180_15",
		srcJGJ39:                          "ui.norm.src.jgj39",
		srcPractice:                       "ui.norm.src.practice",
		srcPer1000:                        "ui.norm.src.per1000",
		"not a school":                    "ui.norm.src.not_school",
		"no class norm; seats only where the annex states enrolment": "ui.norm.src.international",
	}
	if k, ok := keys[src]; ok {
		return i18n.T(k)
	}
	return src
}
