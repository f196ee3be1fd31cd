package data

import (
	"reflect"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// layerSitePlots is the project table of the plot outlines sites were
// placed on (PlaceOnPlot), keyed by site id: an ordinary polygon layer.
const layerSitePlots = "plan_site_plots"

// KeepPlotIfInside is the rule for a site moved after it was placed on a
// plot: the outline stays while the site's point is still inside the plot
// (a nudge within it), and is dropped when the site leaves it or is no
// longer located, since the outline would then show a plot the site is
// not on.
func (s *Site) KeepPlotIfInside() {
	if len(s.Plot) == 0 {
		return
	}
	if !s.Located || !planar.MultiPolygonContains(s.Plot, s.Location) {
		s.Plot = nil
	}
}

// PlotWKT is the plot outline as WKT (7 decimals), "" when the site has none.
func (s *Site) PlotWKT() any {
	if len(s.Plot) == 0 {
		return nil
	}
	mp := s.Plot.Clone()
	for _, p := range mp {
		for _, r := range p {
			for i := range r {
				r[i] = orb.Point{roundDeg(r[i][0]), roundDeg(r[i][1])}
			}
		}
	}
	return string(wkt.Marshal(mp))
}

// sitePlotLayer is the polygon layer of the sites' plot outlines.
func sitePlotLayer(name string, sites []Site) *gpkg.Layer {
	l := &gpkg.Layer{Name: name, Description: "地块 plots the sites were placed on", GeomType: "MULTIPOLYGON",
		Fields: []gpkg.Field{{Name: "site_id", Type: gpkg.Text}, {Name: "plot_code", Type: gpkg.Text}}}
	for _, s := range sites {
		if len(s.Plot) > 0 {
			l.Features = append(l.Features, gpkg.Feature{Geometry: s.Plot, Values: []any{s.ID, text(s.PlotCode)}})
		}
	}
	return l
}

// readSitePlots gives the sites their outlines from the project's plot
// layer (absent in projects saved before it existed).
func readSitePlots(f *gpkg.File, sites []Site) {
	l, err := f.Layer(layerSitePlots)
	if err != nil {
		return
	}
	k := l.Field("site_id")
	if k < 0 {
		return
	}
	byID := map[string]orb.MultiPolygon{}
	for _, ft := range l.Features {
		id, _ := ft.Values[k].(string)
		if mp := plotPolygons(ft.Geometry); len(mp) > 0 {
			byID[id] = mp
		}
	}
	for i := range sites {
		sites[i].Plot = byID[sites[i].ID]
	}
}

// Same reports whether s and b hold the same values, plot outline
// included (an empty outline is the same as none).
func (s *Site) Same(b *Site) bool {
	x, y := *s, *b
	if len(x.Plot) == 0 {
		x.Plot = nil
	}
	if len(y.Plot) == 0 {
		y.Plot = nil
	}
	return reflect.DeepEqual(x, y)
}
