package coverage

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// ZoneColumn is one column of the on-screen subdistrict table: its title,
// its width in points, the text of a cell, and the key rows sort by (NaN
// last). A nil Key sorts by name.
type ZoneColumn struct {
	Title string // the key of the column's title (see Text)
	Width float32
	Cell  func(Row) string
	Key   func(Row) float64
}

// Text is the column's title in the current language.
func (c ZoneColumn) Text() string { return i18n.T(c.Title) }

// Indices of ZoneColumns, for the places that show one cell.
const (
	ColName = iota
	ColPopulation
	ColInService
	ColBuilding
	ColPlanned
	ColDemand
	ColGap
	ColPer1000
	ColCovered
	ColSFCA
)

// ZoneColumns describes the subdistrict table once: titles, widths,
// cells and sort keys.
var ZoneColumns = []ZoneColumn{
	ColName:       {"ui.zonecol.name", 84, func(r Row) string { return r.Name }, nil},
	ColPopulation: {"ui.zonecol.population", 72, populationCell, populationKey},
	ColInService:  {"ui.zonecol.in_service", 76, seatCell(InService), seatKey(InService)},
	ColBuilding:   {"ui.zonecol.building", 56, seatCell(Building), seatKey(Building)},
	ColPlanned:    {"ui.zonecol.planned", 56, seatCell(Planned), seatKey(Planned)},
	ColDemand:     {"ui.zonecol.demand", 64, numCell(demand, 0, false), demand},
	ColGap:        {"ui.zonecol.gap", 64, numCell(gap, 0, false), gap},
	ColPer1000:    {"ui.zonecol.per1000", 64, numCell(per1k, 1, false), per1k},
	ColCovered:    {"ui.zonecol.covered", 60, numCell(coveredPct, 0, true), covered},
	ColSFCA:       {"ui.zonecol.sfca", 60, numCell(sfca, 2, true), sfca},
}

func demand(r Row) float64     { return r.Demand }
func gap(r Row) float64        { return r.Gap }
func per1k(r Row) float64      { return r.SeatsPer1k }
func covered(r Row) float64    { return r.PopCovered }
func coveredPct(r Row) float64 { return r.PopCovered * 100 }
func sfca(r Row) float64       { return r.SFCA }

func populationCell(r Row) string {
	if r.Unassigned {
		return "—"
	}
	if !r.PopKnown {
		return i18n.T("table.cell.to_enter")
	}
	return strconv.Itoa(r.Population)
}

func populationKey(r Row) float64 {
	if !r.PopKnown {
		return math.NaN()
	}
	return float64(r.Population)
}

func seatCell(status int) func(Row) string {
	return func(r Row) string { return strconv.Itoa(r.Seats[status]) }
}

func seatKey(status int) func(Row) float64 {
	return func(r Row) float64 { return float64(r.Seats[status]) }
}

// numCell formats a value with prec decimals, "—" when it cannot be
// computed; geometric values say they need a boundary (except on the row
// of sites in no subdistrict, which has none to import).
func numCell(v func(Row) float64, prec int, geometric bool) func(Row) string {
	return func(r Row) string {
		if geometric && !r.HasBoundary && !r.Unassigned {
			return i18n.T("table.cell.needs_boundary")
		}
		x := v(r)
		if math.IsNaN(x) {
			return "—"
		}
		return strconv.FormatFloat(x, 'f', prec, 64)
	}
}

// SortZoneRows orders rows by column col (stable; NaN last either way).
func SortZoneRows(rows []Row, col int, desc bool) {
	key := ZoneColumns[col].Key
	sort.SliceStable(rows, func(i, j int) bool {
		if key == nil {
			return (rows[i].Name < rows[j].Name) != desc
		}
		a, b := key(rows[i]), key(rows[j])
		switch {
		case math.IsNaN(a):
			return false
		case math.IsNaN(b):
			return true
		}
		return (a < b) != desc
	})
}

// ParseBreaks reads comma-separated class breaks, ignoring what is not a
// number, in ascending order.
func ParseBreaks(text string) []float64 {
	var out []float64
	for _, s := range strings.Split(text, ",") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			out = append(out, v)
		}
	}
	sort.Float64s(out)
	return out
}

// TargetText words the plan's kindergarten target check as a sentence
// ("2025年：N / 22 个街道已有建成的政府投资幼儿园；M 个街道仅有规划中的（…）；
// 尚无：…"), the plan's kindergartens counted in no subdistrict (未定位),
// and how much of the census population is entered. Only Liwan's 22
// official subdistricts are counted; imported extras are named apart (see
// Tally).
func (res Result) TargetText() string {
	by, _, total, missing, extra := res.Tally()
	var plannedOnly []string
	for _, t := range res.Target {
		if t.Official && t.Met() && !t.MetBy() {
			plannedOnly = append(plannedOnly, t.Name)
		}
	}
	text := i18n.T("ui.zones.target_head", res.Year, by, total)
	if len(plannedOnly) > 0 {
		text += i18n.T("ui.zones.target_planned", len(plannedOnly), strings.Join(plannedOnly, "、"))
	}
	if len(missing) > 0 {
		text += i18n.T("ui.zones.target_none", strings.Join(missing, "、"))
	}
	if len(res.TargetUnplaced) > 0 {
		text += "\n" + i18n.T("ui.zones.target_unplaced", strings.Join(res.TargetUnplaced, "、"))
	}
	text += "\n" + i18n.T("ui.zones.target_population", res.PopEntered, 100*float64(res.PopEntered)/float64(data.LiwanPopulation2020))
	if len(extra) > 0 {
		text += "\n" + i18n.T("robust.target.extra", strings.Join(extra, "、"))
	}
	return text
}

// LevelRows are the rows of one level in analysis order (subdistricts as
// given, then the unassigned sites): the rows of the subdistrict table on
// screen and on the printed page.
func (res Result) LevelRows(l data.Level) []Row {
	var out []Row
	for _, r := range res.Rows {
		if r.Level == l {
			out = append(out, r)
		}
	}
	return out
}

// Bounded reports whether any subdistrict has a boundary, so sites were
// counted by polygon (otherwise by their subdistrict attribute).
func (res Result) Bounded() bool {
	for _, r := range res.Rows {
		if r.HasBoundary {
			return true
		}
	}
	return false
}

// ZoneCells are a row's cells in ZoneColumns order, as the screen shows
// them.
func ZoneCells(r Row) []string {
	out := make([]string, len(ZoneColumns))
	for i, c := range ZoneColumns {
		out[i] = c.Cell(r)
	}
	return out
}
