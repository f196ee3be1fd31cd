package data

import "fmt"

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
