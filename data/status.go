package data

import (
	"fmt"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Status is a project's construction state in a year.
type Status int

// Construction states. StatusUnknown means "not recorded" for an actual
// status; StatusAt never returns it for a project with planned years.
const (
	StatusUnknown Status = iota
	Planned
	UnderConstruction
	InService
)

var statusLabels = [...][2]string{
	{"unknown", "未记录"}, {"planned", "规划"}, {"under_construction", "在建"}, {"in_service", "建成使用"},
}

// String returns the code used in data files ("under_construction").
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusLabels) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusLabels[s][0]
}

// Label returns the Chinese name (在建).
func (s Status) Label() string {
	if s < 0 || int(s) >= len(statusLabels) {
		return s.String()
	}
	return statusLabels[s][1]
}

// ParseStatus reads a code of String.
func ParseStatus(v string) (Status, error) {
	for i, l := range statusLabels {
		if v == l[0] || v == l[1] {
			return Status(i), nil
		}
	}
	return StatusUnknown, fmt.Errorf("%w: %q", ErrUnknownStatus, v)
}

// PlannedStatusAt reads the annex's 建设起止年限 for a year, taken as its
// autumn term: before the start year planned, from the start year until
// the year before the end under construction, from the end year in service
// (a school finished in 2023 takes pupils from September 2023).
func PlannedStatusAt(start, end, year int) Status {
	switch {
	case start == 0 || year < start:
		return Planned
	case year < end:
		return UnderConstruction
	}
	return InService
}

// StatusAt is the status a site shows for a year: the actual one where the
// planner recorded it, else the plan's. Overdue is set when the plan says
// in service by that year but the record says otherwise.
//
// An actual completion year (ActualYear) puts the site in service from
// that year. Without one, a recorded ActualStatus of planned or under
// construction holds from the start year on (the planner has not said it
// finished); in service without a year follows the plan.
func StatusAt(s *Site, year int) (st Status, overdue bool) {
	if s.Kind == KindExisting {
		return InService, false
	}
	planned := PlannedStatusAt(s.StartYear, s.EndYear, year)
	st = planned
	switch {
	case s.ActualYear > 0:
		start := s.StartYear
		if start == 0 || start > s.ActualYear {
			start = s.ActualYear
		}
		st = PlannedStatusAt(start, s.ActualYear, year)
	case s.ActualStatus == Planned:
		st = Planned
	case s.ActualStatus == UnderConstruction && year >= s.StartYear:
		st = UnderConstruction
	}
	return st, planned == InService && st != InService
}

// Text is the status's name in the current language ("在建", "under
// construction").
func (s Status) Text() string {
	if s < 0 || int(s) >= len(statusLabels) {
		return s.String()
	}
	return i18n.T("behave.status." + s.String())
}

// Recorded reports whether the planner (or public evidence) recorded what
// actually happened to the site, so its status is actual, not the plan's.
// An existing school is actual by definition.
func (s *Site) Recorded() bool {
	return s.Kind == KindExisting || s.ActualYear > 0 || s.ActualStatus != StatusUnknown
}

// StatusText says a site's status in a year and whose it is: "规划状态：在建"
// ("planned status: under construction") when it follows the annex years,
// "实际：建成使用" ("actual: in service") when recorded, with "逾期"
// ("overdue") when the plan says in service and the record does not.
func StatusText(s *Site, year int) string {
	st, overdue := StatusAt(s, year)
	key := "behave.status.planned_is"
	if s.Recorded() {
		key = "behave.status.actual_is"
	}
	text := i18n.T(key, st.Text())
	if overdue {
		text += " · " + i18n.T("behave.status.overdue")
	}
	return text
}

// PlannedStatusLabel is the heading for statuses derived from the annex
// years ("规划状态" / "planned status"); ActualStatusLabel the heading for
// recorded ones ("实际" / "actual").
func PlannedStatusLabel() string { return i18n.T("behave.status.planned_label") }

// ActualStatusLabel: see PlannedStatusLabel.
func ActualStatusLabel() string { return i18n.T("behave.status.actual_label") }

// StatusRule states once, for a legend tooltip, a README or a PDF
// footnote, how planned statuses follow from the annex years.
func StatusRule() string { return i18n.T("behave.status.rule") }

// PlanLastYear is the last year of the plan period (2021–2025): the year
// the app and the headless commands show until the planner picks another.
const PlanLastYear = 2025
