package data

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
