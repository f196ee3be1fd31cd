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
	LegendReference                   // a planner's reference layer
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
	Stroke   color.RGBA // reference layers
	RefKind  byte       // reference layers: 'P', 'L' or '.'
}

// Legend lists what the scene shows, layer by layer, top layer first.
// Hidden layers and the basemap are never listed; a level appears only when
// a site of that level is on the map, a status only when a site has it in
// the scene's year. Statuses are the plan's (from the annex years).
func Legend(sc *Scene) []LegendItem {
	var out []LegendItem
	if sc.On(Sites) {
		out = append(out, siteLegend(sc)...)
	}
	if sc.On(Halos) && anyApproximate(sc) {
		out = append(out, LegendItem{Kind: LegendHalo, Label: tr("legend.halo")})
	}
	if sc.On(Catchments) {
		out = append(out, catchLegend(sc)...)
	}
	out = append(out, accessLegend(sc)...)
	if sc.On(Subdistricts) && len(sc.Zones) > 0 {
		out = append(out, zoneLegend(sc)...)
	}
	return append(out, refLegend(sc)...)
}

func siteLegend(sc *Scene) []LegendItem {
	levels := presentLevels(sc)
	if len(levels) == 0 {
		return nil
	}
	out := []LegendItem{{Kind: LegendHeading, Label: tr("legend.sites")}}
	for _, l := range levels {
		out = append(out, LegendItem{Kind: LegendMarker, Level: l, Status: data.InService, Label: i18n.T("table.level." + l.String())})
	}
	for _, k := range []data.Kind{data.KindExisting, data.KindCandidate} {
		if anyOfKind(sc, k) {
			out = append(out, LegendItem{Kind: LegendMarker, SiteKind: k, Status: data.InService, Label: i18n.T("table.kind." + k.String())})
		}
	}
	if sc.Year != 0 {
		out = append(out, LegendItem{Kind: LegendHeading, Label: tr("legend.status_heading", sc.Year)})
		present := presentStatuses(sc)
		for _, st := range []data.Status{data.Planned, data.UnderConstruction, data.InService} {
			if present[st] {
				out = append(out, LegendItem{Kind: LegendMarker, Level: data.LevelUnknown, Status: st, Label: statusLabel(st)})
			}
		}
		if anyLate(sc) {
			out = append(out, LegendItem{Kind: LegendMarker, Level: data.LevelUnknown, Status: data.UnderConstruction, Late: true,
				Label: tr("legend.overdue")})
		}
	}
	if sc.SizeBySeats {
		out = append(out, LegendItem{Kind: LegendHeading, Label: tr("legend.seats")})
		for _, n := range []int{500, 1000, 2000} {
			out = append(out, LegendItem{Kind: LegendSize, Seats: n, Label: tr("legend.seats_n", n)})
		}
	}
	return out
}

// catchLegend lists the catchment levels shown; in circle mode, a last
// line explains the outline-only circles of schools not yet open.
func catchLegend(sc *Scene) []LegendItem {
	groups := catchments(sc)
	if sc.CatchMode == CatchNearest {
		l := sc.nearestLevel(groups)
		if l == data.LevelUnknown {
			return nil
		}
		return []LegendItem{{Kind: LegendHeading, Label: tr("legend.nearest")},
			{Kind: LegendCatchment, Level: l, Status: data.InService, Label: i18n.T("table.level." + l.String())}}
	}
	var out []LegendItem
	coming := false
	for i := len(catchOrder) - 1; i >= 0; i-- {
		l := catchOrder[i]
		if len(groups[l]) == 0 {
			continue
		}
		if out == nil {
			out = append(out, LegendItem{Kind: LegendHeading, Label: tr("legend.radius")})
		}
		label := i18n.T("table.level."+l.String()) + fmt.Sprintf(" %g m", sc.Norms.RadiusM[l].Value)
		if sc.CatchShapes != nil {
			label = shapeLegend(l, sc.Norms.RadiusM[l].Value)
		}
		out = append(out, LegendItem{Kind: LegendCatchment, Level: l, Status: data.InService, Label: label})
		for _, c := range groups[l] {
			coming = coming || !c.open
		}
	}
	if coming {
		out = append(out, LegendItem{Kind: LegendCatchment, Level: data.LevelUnknown, Status: data.Planned, Label: tr("legend.radius_coming")})
	}
	return out
}

func zoneLegend(sc *Scene) []LegendItem {
	var out []LegendItem
	if sc.ZoneTitle != "" {
		out = append(out, LegendItem{Kind: LegendHeading, Label: sc.ZoneTitle})
	}
	for _, c := range sc.ZoneClasses {
		out = append(out, LegendItem{Kind: LegendZone, Fill: c.Fill, Label: c.Label})
	}
	for _, z := range sc.Zones {
		if z.Gap {
			return append(out, LegendItem{Kind: LegendGap, Label: tr("legend.gap")})
		}
	}
	return out
}

// statusLabel is the domain's name of a status, in the current language.
func statusLabel(st data.Status) string { return tr("status." + st.String()) }

// presentStatuses are the plan statuses of the located plan projects in
// the scene's year.
func presentStatuses(sc *Scene) map[data.Status]bool {
	out := map[data.Status]bool{}
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if s.Located && s.Kind == data.KindPlan {
			st, _ := sc.status(s)
			out[st] = true
		}
	}
	return out
}

// tr is the text of a key of the render area in the current language.
func tr(key string, args ...any) string { return i18n.T("render."+key, args...) }

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
	PaintSwatch(newRasterPainter(o, nil), it, float64(size), sym)
	return img
}

// PaintSwatch draws an item's symbol through p in a size×size square at
// the painter's origin.
func PaintSwatch(p Painter, it LegendItem, size, sym float64) {
	mid := size / 2
	switch it.Kind {
	case LegendMarker:
		st := StyleOf(it.Level)
		if it.Level == data.LevelUnknown {
			st = LevelStyle{Fill: color.RGBA{90, 90, 90, 255}, Shape: ShapeCircle}
		}
		drawMarker(p, st, it.SiteKind, it.Status, it.Late, false, [2]float64{mid, mid}, math.Min(7*sym, mid/2), sym, 1)
	case LegendSize:
		r := math.Min(SeatRadius(it.Seats)*sym, mid-0.5)
		p.Fill(withAlpha(color.RGBA{120, 120, 120, 255}, 90), shapePath(ShapeCircle, mid, mid, r))
		p.Stroke(color.RGBA{80, 80, 80, 255}, sym, true, shapePath(ShapeCircle, mid, mid, r))
	case LegendCatchment:
		col, w := StyleOf(it.Level).Fill, math.Max(1, math.Round(1.5*sym))
		fill := withAlpha(col, 56)
		if it.Status != data.InService {
			fill = color.RGBA{}
		}
		p.Circles([]Circle{{mid, mid, mid - 1}}, fill, withAlpha(col, 220), w, 0)
	case LegendZone:
		box := shapePath(ShapeSquare, mid, mid, mid*0.75)
		p.Fill(withAlpha(it.Fill, 150), box)
		p.Stroke(color.RGBA{70, 70, 80, 255}, sym, true, box)
	case LegendGap:
		p.Stroke(gapRed, 3*sym, true, shapePath(ShapeSquare, mid, mid, mid*0.7))
	case LegendReference:
		refSwatch(p, it, mid, sym)
	case LegendHalo:
		p.Circles([]Circle{{mid, mid, mid - 1}}, withAlpha(haloGrey, haloFillA), withAlpha(haloGrey, haloLineA), math.Max(1, math.Floor(sym)), 4*sym)
	}
}
