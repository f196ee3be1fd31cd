package data

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// MuM2 is one 亩 in square metres (10000/15).
const MuM2 = 10000.0 / 15

// AnnexNumber is a number as the annex states it: About when the annex
// says 约 (about), and for a land area given in 亩, the 亩 figure it was
// converted from.
type AnnexNumber struct {
	Value float64 // in the field's unit (m², pupils); 0 = not stated
	About bool    // the annex says 约
	Mu    float64 // > 0: the annex gives 亩 and Value is converted
}

var (
	reLand      = regexp.MustCompile(`用地(?:面积)?\s*(约|逾)?\s*([\d.]+)\s*(平方米|亩)`)
	reFloor     = regexp.MustCompile(`建筑面积\s*(约|逾)?\s*([\d.]+)\s*平方米`)
	reEnrolment = regexp.MustCompile(`招生人数\s*(约|逾)?\s*(\d+)\s*人`)
)

// stated reads the figure of re from the annex text when it is still the
// site's value (within 1%: a planner's change drops the annex's wording).
func stated(content string, re *regexp.Regexp, value float64) AnnexNumber {
	n := AnnexNumber{Value: value}
	m := re.FindStringSubmatch(content)
	if m == nil || value <= 0 {
		return n
	}
	v, err := strconv.ParseFloat(m[2], 64)
	if err != nil {
		return n
	}
	if len(m) > 3 && m[3] == "亩" {
		v *= MuM2
		n.Mu, _ = strconv.ParseFloat(m[2], 64)
	}
	if math.Abs(v-value) > 0.01*value {
		return AnnexNumber{Value: value}
	}
	n.About = m[1] != ""
	return n
}

// LandAreaStated is the land area with how the annex states it.
func (s *Site) LandAreaStated() AnnexNumber { return stated(s.Content, reLand, s.LandArea) }

// FloorAreaStated is the floor area with how the annex states it.
func (s *Site) FloorAreaStated() AnnexNumber { return stated(s.Content, reFloor, s.FloorArea) }

// EnrolmentStated is the enrolment with how the annex states it.
func (s *Site) EnrolmentStated() AnnexNumber {
	return stated(s.Content, reEnrolment, float64(s.Enrolment))
}

// AreaText shows an area for people: "" when not stated, "约 17,184 m²"
// where the annex says 约, "≈60,000 m² (约90亩, converted)" for 亩.
func (n AnnexNumber) AreaText() string {
	switch {
	case n.Value <= 0:
		return ""
	case n.Mu > 0:
		mu := strconv.FormatFloat(n.Mu, 'f', -1, 64)
		if n.About {
			mu = i18n.T("ui.annex.about_n", mu)
		}
		return i18n.T("behave.area.converted", Thousands(n.Value), mu)
	case n.About:
		return i18n.T("behave.about") + " " + i18n.T("behave.area.m2", Thousands(n.Value))
	}
	return i18n.T("behave.area.m2", Thousands(n.Value))
}

// CountText shows a count ("约 2,680"), "" when not stated.
func (n AnnexNumber) CountText() string {
	switch {
	case n.Value <= 0:
		return ""
	case n.About:
		return i18n.T("behave.about") + " " + Thousands(n.Value)
	}
	return Thousands(n.Value)
}

// Thousands formats v rounded to a whole number with thousands commas.
func Thousands(v float64) string {
	s := strconv.FormatInt(int64(math.Round(math.Abs(v))), 10)
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
