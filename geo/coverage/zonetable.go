package coverage

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
)

// ZoneColumn is one column of the on-screen subdistrict table: its title,
// its width in points, the text of a cell, and the key rows sort by (NaN
// last). A nil Key sorts by name.
type ZoneColumn struct {
	Title string
	Width float32
	Cell  func(Row) string
	Key   func(Row) float64
}

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
	ColName:       {"街道", 84, func(r Row) string { return r.Name }, nil},
	ColPopulation: {"人口", 72, populationCell, populationKey},
	ColInService:  {"建成学位", 76, seatCell(InService), seatKey(InService)},
	ColBuilding:   {"在建", 56, seatCell(Building), seatKey(Building)},
	ColPlanned:    {"规划", 56, seatCell(Planned), seatKey(Planned)},
	ColDemand:     {"需求", 64, numCell(demand, 0, false), demand},
	ColGap:        {"缺口", 64, numCell(gap, 0, false), gap},
	ColPer1000:    {"每千人", 64, numCell(per1k, 1, false), per1k},
	ColCovered:    {"覆盖%", 60, numCell(coveredPct, 0, true), covered},
	ColSFCA:       {"2SFCA", 60, numCell(sfca, 2, true), sfca},
}

func demand(r Row) float64     { return r.Demand }
func gap(r Row) float64        { return r.Gap }
func per1k(r Row) float64      { return r.SeatsPer1k }
func covered(r Row) float64    { return r.PopCovered }
func coveredPct(r Row) float64 { return r.PopCovered * 100 }
func sfca(r Row) float64       { return r.SFCA }

func populationCell(r Row) string {
	if !r.PopKnown {
		return "待输入"
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
// computed; geometric values say they need a boundary.
func numCell(v func(Row) float64, prec int, geometric bool) func(Row) string {
	return func(r Row) string {
		if geometric && !r.HasBoundary {
			return "需边界"
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

// ClassLabels names the len(breaks)+1 classes: "< b0", "b0 – b1", …,
// "≥ bn".
func ClassLabels(breaks []float64) []string {
	out := make([]string, len(breaks)+1)
	for k := range out {
		lo, hi := "", ""
		if k > 0 {
			lo = strconv.FormatFloat(breaks[k-1], 'g', 4, 64)
		}
		if k < len(breaks) {
			hi = strconv.FormatFloat(breaks[k], 'g', 4, 64)
		}
		switch {
		case lo == "":
			out[k] = "< " + hi
		case hi == "":
			out[k] = "≥ " + lo
		default:
			out[k] = lo + " – " + hi
		}
	}
	return out
}

// TargetText words the plan's kindergarten target check and how much of
// the census population is entered.
func (res Result) TargetText() string {
	met, by := 0, 0
	var missing []string
	for _, t := range res.Target {
		if t.Met() {
			met++
		} else {
			missing = append(missing, t.Name)
		}
		if t.MetBy() {
			by++
		}
	}
	return fmt.Sprintf("“每个街道至少办一所公办幼儿园”: %d / %d 街道 %d年已有规划的政府投资幼儿园建成 have a government-funded plan kindergarten in service in %d; %d / %d 在规划中 in the plan. 未达到 Not met: %s\n"+
		"人口 Population: 已输入 entered %d, 全区 2020 年普查 district census 1,238,305 (%.0f%%).",
		by, len(res.Target), res.Year, res.Year, met, len(res.Target), strings.Join(missing, "、"),
		res.PopEntered, 100*float64(res.PopEntered)/float64(data.LiwanPopulation2020))
}
