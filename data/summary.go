package data

import "github.com/liwan-edu/schoolmap/data/i18n"

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
	// RecordedProjects projects with any record.
	Due, Recorded, RecordedProjects int
	Overdue                         []string // IDs of projects past their planned end, not in service
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
		}
		if overdue {
			sum.Overdue = append(sum.Overdue, s.ID)
			sum.OverdueNames = append(sum.OverdueNames, s.DisplayName())
			sum.OverdueNames = append(sum.OverdueNames, s.DisplayName())
		}
		seats := n.SeatsOf(s)
		if s.Level.IsSchool() && seats.Total() == 0 {
			sum.NoSeats++
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
// record, so a planned figure is never read as progress.
func (s Summary) RecordedText() string {
	if s.RecordedProjects == 0 {
		return i18n.T("behave.summary.no_record")
	}
	return i18n.T("behave.summary.recorded", s.Recorded, s.RecordedProjects)
}
