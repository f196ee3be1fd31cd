package data

import (
	"fmt"
	"sort"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// LevelSeats counts the seats of one level by construction status.
type LevelSeats struct {
	InService, UnderConstruction, Planned int
}

// Summary is the plan's state in a year: seats by level and status, and
// how many of the plan's new seats are delivered.
type Summary struct {
	Year      int
	ByLevel   map[Level]*LevelSeats
	Delivered int // seats of plan projects in service in Year (actual where recorded, else planned)
	PlanTotal int // seats of all plan projects
	// Due is the seats the plan puts in service by Year (the annex years
	// alone); Recorded the seats a record says are in service in Year, of
	// RecordedProjects projects with any record, RecordedInService of them
	// in service in Year by their record.
	Due, Recorded, RecordedProjects, RecordedInService int
	// RecordedUnknown counts the recorded in-service projects whose seats
	// cannot be derived (no classes stated): Recorded leaves them out.
	RecordedUnknown int
	Overdue         []string // IDs of projects past their planned end, not in service
	// OverdueNames are the same projects by DisplayName, for people.
	OverdueNames []string
	NoSeats      int // schools whose seats cannot be derived
}

// Summarize counts seats for a year over the plan projects (sites with an
// annex number); seats follow the norms, nine-year schools count in both
// primary and junior.
func Summarize(sites []Site, n Norms, year int) Summary {
	sum := Summary{Year: year, ByLevel: map[Level]*LevelSeats{}}
	for i := range sites {
		s := &sites[i]
		if s.No == 0 {
			continue
		}
		st, overdue := StatusAt(s, year)
		due := PlannedStatusAt(s.StartYear, s.EndYear, year) == InService
		if s.Recorded() {
			sum.RecordedProjects++
			if st == InService {
				sum.RecordedInService++
			}
		}
		if overdue {
			sum.Overdue = append(sum.Overdue, s.ID)
			sum.OverdueNames = append(sum.OverdueNames, s.DisplayName())
		}
		seats := n.SeatsOf(s)
		if s.Level.IsSchool() && seats.Total() == 0 {
			sum.NoSeats++
			if st == InService && s.Recorded() {
				sum.RecordedUnknown++
			}
		}
		for l, k := range seats {
			ls := sum.ByLevel[l]
			if ls == nil {
				ls = &LevelSeats{}
				sum.ByLevel[l] = ls
			}
			switch st {
			case InService:
				ls.InService += k
				sum.Delivered += k
			case UnderConstruction:
				ls.UnderConstruction += k
			default:
				ls.Planned += k
			}
			sum.PlanTotal += k
			if due {
				sum.Due += k
			}
			if st == InService && s.Recorded() {
				sum.Recorded += k
			}
		}
	}
	return sum
}

// DueText says what the plan schedules, not what happened: "规划应交付新增学位
// 25630 / 25630 (100%)" ("new seats due by the plan: …").
func (s Summary) DueText() string {
	pct := 0.0
	if s.PlanTotal > 0 {
		pct = 100 * float64(s.Due) / float64(s.PlanTotal)
	}
	return i18n.T("behave.summary.due", s.Due, s.PlanTotal, pct)
}

// RecordedText says what the records show ("实际：…"), or that there is no
// record, so a planned figure is never read as progress. Seats that cannot
// be derived are said to be unknown, never counted as 0.
func (s Summary) RecordedText() string {
	switch {
	case s.RecordedProjects == 0:
		return i18n.T("behave.summary.no_record")
	case s.RecordedUnknown == s.RecordedInService && s.RecordedInService > 0:
		return i18n.T("behave.summary.recorded_unknown", s.RecordedInService, s.RecordedProjects)
	case s.RecordedUnknown > 0:
		return i18n.T("behave.summary.recorded_some_unknown", s.RecordedInService, s.RecordedProjects, s.Recorded, s.RecordedUnknown)
	}
	return i18n.T("behave.summary.recorded", s.RecordedInService, s.RecordedProjects, s.Recorded)
}

// Text is the summary strip for a year in three lines: seats by status and
// level (the plan's statuses, actual where recorded), then what the plan
// has due and what records show, overdue projects by name and schools
// without stated classes.
func (s Summary) Text() string {
	var parts [3][]string
	levels := make([]Level, 0, len(s.ByLevel))
	for l := range s.ByLevel {
		levels = append(levels, l)
	}
	sort.Slice(levels, func(i, j int) bool { return levels[i] < levels[j] })
	for _, l := range levels {
		ls := s.ByLevel[l]
		for k, n := range []int{ls.InService, ls.UnderConstruction, ls.Planned} {
			if n > 0 {
				parts[k] = append(parts[k], fmt.Sprintf("%s %d", l.Text(), n))
			}
		}
	}
	join := func(p []string) string {
		if len(p) == 0 {
			return "0"
		}
		return strings.Join(p, " · ")
	}
	whose := PlannedStatusLabel()
	if s.RecordedProjects > 0 {
		whose = i18n.T("behave.summary.mixed")
	}
	// Always three lines, so the map above never changes size with the text.
	text := i18n.T("behave.summary.line1", s.Year, whose, join(parts[0])) + "\n" +
		i18n.T("behave.summary.line2", join(parts[1]), join(parts[2])) + "\n" + s.DueText() + " · " + s.RecordedText()
	if len(s.OverdueNames) > 0 {
		text += " · " + i18n.T("behave.summary.overdue", strings.Join(s.OverdueNames, ", "))
	}
	if s.NoSeats > 0 {
		text += " · " + i18n.T("behave.summary.noseats", s.NoSeats)
	}
	return text
}
