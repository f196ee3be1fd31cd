package render

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// LegendKind says how a legend entry's symbol is drawn.
type LegendKind int

// Legend symbol kinds.
const (
	LegendMarker    LegendKind = iota // a level's marker in a status
	LegendSize                        // a seat-size circle
	LegendCatchment                   // a catchment fill
	LegendHalo                        // the precision halo
	LegendHeading                     // a section title, no symbol
	LegendZone                        // a choropleth class
	LegendGap                         // the gap subdistrict outline
)

// LegendItem is one legend line. The map legend, the app's legend panel
// and exports all come from Legend, so they always agree with the map.
type LegendItem struct {
	Kind     LegendKind
	Label    string
	Level    data.Level
	SiteKind data.Kind
	Status   data.Status
	Late     bool
	Seats    int
	Fill     color.RGBA
}

// Legend lists what the scene shows, layer by layer, top layer first.
// Hidden layers and the basemap are never listed; a level appears only when
// a site of that level is on the map.
func Legend(sc *Scene) []LegendItem {
	var out []LegendItem
	levels := presentLevels(sc)
	if sc.On(Sites) && len(levels) > 0 {
		out = append(out, LegendItem{Kind: LegendHeading, Label: i18n.T("export.legend.sites")})
		for _, l := range levels {
			out = append(out, LegendItem{Kind: LegendMarker, Level: l, Status: data.InService, Label: i18n.T("table.level." + l.String())})
		}
		for _, k := range []data.Kind{data.KindExisting, data.KindCandidate} {
			if anyOfKind(sc, k) {
				out = append(out, LegendItem{Kind: LegendMarker, SiteKind: k, Status: data.InService, Label: i18n.T("table.kind." + k.String())})
			}
		}
		if sc.Year != 0 {
			out = append(out, LegendItem{Kind: LegendHeading, Label: i18n.T("export.legend.status", sc.Year)})
			for _, st := range []data.Status{data.Planned, data.UnderConstruction, data.InService} {
				out = append(out, LegendItem{Kind: LegendMarker, Level: data.LevelUnknown, Status: st, Label: statusLabel(st)})
			}
			if anyLate(sc) {
				out = append(out, LegendItem{Kind: LegendMarker, Level: data.LevelUnknown, Status: data.UnderConstruction, Late: true,
					Label: i18n.T("export.legend.overdue")})
			}
		}
		if sc.SizeBySeats {
			out = append(out, LegendItem{Kind: LegendHeading, Label: i18n.T("export.legend.seats")})
			for _, n := range []int{500, 1000, 2000} {
				out = append(out, LegendItem{Kind: LegendSize, Seats: n, Label: i18n.T("export.legend.seats_n", n)})
			}
		}
	}
	if sc.On(Halos) && anyApproximate(sc) {
		out = append(out, LegendItem{Kind: LegendHalo, Label: i18n.T("export.legend.halo")})
	}
	if sc.On(Catchments) {
		groups := catchments(sc)
		head := i18n.T("export.legend.walking")
		if sc.CatchMode == CatchNearest {
			head = i18n.T("export.legend.nearest")
		}
		added := false
		for i := len(catchOrder) - 1; i >= 0; i-- {
			l := catchOrder[i]
			if len(groups[l]) == 0 {
				continue
			}
			if !added {
				out = append(out, LegendItem{Kind: LegendHeading, Label: head})
				added = true
			}
			label := i18n.T("table.level." + l.String())
			if sc.CatchMode == CatchCircles {
				label += fmt.Sprintf(" %g m", sc.Norms.RadiusM[l].Value)
			}
			out = append(out, LegendItem{Kind: LegendCatchment, Level: l, Label: label})
		}
	}
	if sc.On(Subdistricts) && len(sc.Zones) > 0 {
		if sc.ZoneTitle != "" {
			out = append(out, LegendItem{Kind: LegendHeading, Label: sc.ZoneTitle})
		}
		for _, c := range sc.ZoneClasses {
			out = append(out, LegendItem{Kind: LegendZone, Fill: c.Fill, Label: c.Label})
		}
		for _, z := range sc.Zones {
			if z.Gap {
				out = append(out, LegendItem{Kind: LegendGap, Label: i18n.T("export.legend.gap")})
				break
			}
		}
	}
	return out
}

func statusLabel(st data.Status) string {
	switch st {
	case data.Planned:
		return i18n.T("export.legend.planned")
	case data.UnderConstruction:
		return i18n.T("export.legend.building")
	}
	return i18n.T("export.legend.in_service")
}

func presentLevels(sc *Scene) []data.Level {
	seen := map[data.Level]bool{}
	for i := range sc.Sites {
		if sc.Sites[i].Located {
			seen[sc.Sites[i].Level] = true
		}
	}
	var out []data.Level
	for _, l := range data.Levels() {
		if seen[l] {
			out = append(out, l)
		}
	}
	return out
}

func anyOfKind(sc *Scene, k data.Kind) bool {
	for i := range sc.Sites {
		if sc.Sites[i].Kind == k && sc.Sites[i].Located {
			return true
		}
	}
	return false
}

func anyLate(sc *Scene) bool {
	for i := range sc.Sites {
		if _, late := sc.status(&sc.Sites[i]); late && sc.Sites[i].Located {
			return true
		}
	}
	return false
}

func anyApproximate(sc *Scene) bool {
	for i := range sc.Sites {
		if sc.Sites[i].Approximate() {
			return true
		}
	}
	return false
}

// Swatch draws an item's symbol into a size×size image (transparent
// background), in the same style as the map.
func Swatch(it LegendItem, size int, sym float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	o := &overlay{img: img, spans: make([]span, size)}
	c := newCanvas(img, &o.ras)
	mid := float64(size) / 2
	switch it.Kind {
	case LegendMarker:
		st := StyleOf(it.Level)
		if it.Level == data.LevelUnknown {
			st = LevelStyle{Fill: color.RGBA{90, 90, 90, 255}, Shape: ShapeCircle}
		}
		drawMarker(c, st, it.SiteKind, it.Status, it.Late, false, [2]float64{mid, mid}, math.Min(7*sym, mid/2), sym, 1)
	case LegendSize:
		r := math.Min(SeatRadius(it.Seats)*sym, mid-0.5)
		c.fillPolys(withAlpha(color.RGBA{120, 120, 120, 255}, 90), shapePath(ShapeCircle, mid, mid, r))
		c.strokePoly(color.RGBA{80, 80, 80, 255}, sym, shapePath(ShapeCircle, mid, mid, r))
	case LegendCatchment:
		o.unionCircles([]pxCircle{{mid, mid, mid - 1}}, StyleOf(it.Level).Fill, 1, math.Max(1, math.Round(1.5*sym)))
	case LegendZone:
		box := shapePath(ShapeSquare, mid, mid, mid*0.75)
		c.fillPolys(withAlpha(it.Fill, 150), box)
		c.strokePoly(color.RGBA{70, 70, 80, 255}, sym, box)
	case LegendGap:
		c.strokePoly(gapRed, 3*sym, shapePath(ShapeSquare, mid, mid, mid*0.7))
	case LegendHalo:
		o.paintCircles([]pxCircle{{mid, mid, mid - 1}}, circleStyle{withAlpha(haloGrey, 30), withAlpha(haloGrey, 170), max(1, int(sym)), 4 * sym})
	}
	return img
}
