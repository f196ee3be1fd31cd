package data

import (
	"fmt"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Site is one school project: the columns of the plan annex (附件) verbatim,
// what was derived from them, and where the site is with how well that is
// known. Numbers the annex does not state are zero and shown as "not stated";
// nothing is filled in by guess.
type Site struct {
	ID        string // stable id, "LW-07"
	No        int    // 序号 in the annex; 0 for sites not in the plan
	Name      string // 项目名称, verbatim
	ShortName string // label for the map
	PlotCode  string // planning plot code such as AF040422, when named
	Content   string // 建设内容及规模, verbatim
	LandArea  float64
	FloorArea float64 // m²; 0 = not stated
	Classes   int     // 0 = not stated
	// Enrolment is a planned pupil count stated in the annex text itself
	// (爱莎: 约2680人); 0 = not stated.
	Enrolment int
	StartYear int // 建设起止年限
	EndYear   int
	GovFunded bool   // 是否政府投资项目
	Remark    string // 备注, verbatim
	Level     Level

	// What actually happened, when the planner (or public evidence) says:
	// ActualStatus as of ProgressNote's date, ActualYear the year it
	// entered service. Zero values mean "not recorded".
	ActualStatus Status
	ActualYear   int
	ProgressNote string

	Kind Kind
	// SeatsOverride replaces the seats derived from classes when the
	// planner knows better (0 = derive).
	SeatsOverride int
	Notes         string

	// Location is WGS-84 and meaningful only when Located.
	Location   orb.Point
	Located    bool
	PrecisionM float64 // radius within which the true site lies
	Confidence Confidence
	Basis      string // the evidence for the location, in words
	Source     string // where the evidence comes from
	// Plot is the outline (WGS-84) of the plot the site was placed on
	// (PlaceOnPlot); nil when none. See KeepPlotIfInside.
	Plot orb.MultiPolygon

	SubdistrictCode string // 12-digit statistical code, when known
	Subdistrict     string // 街道 name, when known
	SubdistrictNote string // the evidence when not certain ("白鹤洞/东沙")
}

// Kind says what a site is: a project of the plan, a candidate site the
// planner is weighing, or a school that exists already (supply).
type Kind int

// Kinds of site.
const (
	KindPlan Kind = iota
	KindCandidate
	KindExisting
)

var kindLabels = [...][2]string{{"plan", "规划项目"}, {"candidate", "候选用地"}, {"existing", "现有学校"}}

// String returns the code used in files.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindLabels) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindLabels[k][0]
}

// Label returns the Chinese name.
func (k Kind) Label() string {
	if k < 0 || int(k) >= len(kindLabels) {
		return k.String()
	}
	return kindLabels[k][1]
}

// ParseKind reads a code of String ("" is a plan project).
func ParseKind(s string) (Kind, error) {
	if s == "" {
		return KindPlan, nil
	}
	for i, l := range kindLabels {
		if s == l[0] || s == l[1] {
			return Kind(i), nil
		}
	}
	return KindPlan, fmt.Errorf("%w: %q", ErrUnknownKind, s)
}

// ApproxThresholdM is the precision above which a location counts as
// approximate even when its source is strong.
const ApproxThresholdM = 200

// Approximate reports whether the site's location must be shown as
// uncertain (位置待核实).
func (s *Site) Approximate() bool {
	if !s.Located {
		return false
	}
	return s.Confidence < ConfidenceHigh || s.PrecisionM > ApproxThresholdM
}

// SubdistrictText is the subdistrict as a planner should read it: the name
// when known, the evidence with 待核实 ("to be verified") when not, and
// 待核实 alone when the evidence names none ("?" in the evidence table). A
// site without a location and without a subdistrict is 未定位 ("not
// located"), with the evidence when there is some.
func (s *Site) SubdistrictText() string {
	note := s.SubdistrictNote
	if note == "?" {
		note = ""
	}
	unknown := i18n.T("behave.subdistrict.unverified")
	if !s.Located {
		unknown = i18n.T("behave.subdistrict.unlocated")
	}
	switch {
	case s.Subdistrict != "" && note != "":
		return s.Subdistrict + " (" + note + ")"
	case s.Subdistrict != "":
		return s.Subdistrict
	case note != "":
		return note + " (" + unknown + ")"
	}
	return unknown
}
