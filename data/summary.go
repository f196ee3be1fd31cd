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
	Delivered int      // seats of plan projects in service in Year
	PlanTotal int      // seats of all plan projects
	Overdue   []string // IDs of projects past their planned end, not in service
	NoSeats   int      // schools whose seats cannot be derived
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
		if overdue {
			sum.Overdue = append(sum.Overdue, s.ID)
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
		}
	}
	return sum
}

// Text is the summary strip for a year: seats by status and level,
// and the plan's new seats delivered so far.
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
				parts[k] = append(parts[k], fmt.Sprintf("%s %d", i18n.T("table.level."+l.String()), n))
			}
		}
	}
	join := func(p []string) string {
		if len(p) == 0 {
			return "0"
		}
		return strings.Join(p, " · ")
	}
	pct := 0.0
	if s.PlanTotal > 0 {
		pct = 100 * float64(s.Delivered) / float64(s.PlanTotal)
	}
	// Always three lines, so the map above never changes size with the text.
	text := i18n.T("ui.summary.text",
		s.Year, join(parts[0]), join(parts[1]), join(parts[2]), s.Delivered, s.PlanTotal, pct)
	if len(s.Overdue) > 0 {
		text += i18n.T("ui.summary.overdue", strings.Join(s.Overdue, ", "))
	}
	if s.NoSeats > 0 {
		text += i18n.T("ui.summary.noseats", s.NoSeats)
	}
	return text
}
