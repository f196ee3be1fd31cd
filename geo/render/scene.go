package render

import (
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Layer is one switchable part of the map.
type Layer int

// The layers, bottom to top.
const (
	Basemap Layer = iota
	Subdistricts
	Catchments
	Halos
	Sites
	Labels
	numLayers
)

var layerLabels = [numLayers]string{
	Basemap: "export.layer.basemap", Subdistricts: "export.layer.subdistricts", Catchments: "export.layer.catchments",
	Halos: "export.layer.halos", Sites: "export.layer.sites", Labels: "export.layer.labels",
}

// AllLayers lists the layers top first, as a layer panel shows them.
// Halos are drawn under catchments, so they are listed below them.
func AllLayers() []Layer { return []Layer{Labels, Sites, Catchments, Halos, Subdistricts, Basemap} }

// Label is the layer's name in the current language.
func (l Layer) Label() string { return i18n.T(layerLabels[l]) }

// LayerState is whether a layer shows, and how opaque (0..1).
type LayerState struct {
	On      bool
	Opacity float64
}

// Layers holds the state of every layer.
type Layers [numLayers]LayerState

// DefaultLayers shows everything at full opacity.
func DefaultLayers() Layers {
	var l Layers
	for i := range l {
		l[i] = LayerState{On: true, Opacity: 1}
	}
	return l
}

// CatchMode is how catchments are drawn.
type CatchMode int

// Catchment modes: walking-radius circles (merged per level), or the
// nearest-site partition (Voronoi) of each level.
const (
	CatchCircles CatchMode = iota
	CatchNearest
)

// Scene is what the overlay shows. Whoever changes a Scene must bump
// Version, which is how the renderer knows its cached overlay is stale.
type Scene struct {
	Sites    []data.Site
	Norms    data.Norms
	Selected string // site ID
	Layers   Layers
	Year     int // status year; 0 draws every site as in service

	CatchMode CatchMode
	// NearestLevel is the one level whose nearest-site areas show in
	// CatchNearest mode; LevelUnknown shows the first level on the map
	// (kindergartens first).
	NearestLevel data.Level
	// CatchLevels are the served levels whose catchments show; nil shows
	// every level that has a radius.
	CatchLevels map[data.Level]bool
	// CatchInServiceOnly draws catchments only of sites in service in Year.
	CatchInServiceOnly bool
	// CatchShapes, when set, gives walking catchments along the street
	// network to draw instead of circles (CatchCircles mode).
	CatchShapes CatchShapeFunc
	// Access, when set, is an accessibility map drawn under the catchments.
	Access *AccessRaster
	// SizeBySeats scales marker area with seats; otherwise one size.
	SizeBySeats bool
	// CapacityLabels labels sites "36班 · 1800位" instead of their names.
	CapacityLabels bool

	// Zones are the subdistricts the Subdistricts layer draws, with their
	// choropleth fills; ZoneTitle and ZoneClasses are its legend.
	Zones       []Zone
	ZoneTitle   string
	ZoneClasses []ZoneClass

	// References are the planner's reference layers, bottom first, drawn
	// under everything else of the overlay.
	References []*Reference

	Version uint64
}

// NewScene returns a scene of sites with the default norms and layers.
func NewScene(sites []data.Site, year int) *Scene {
	return &Scene{Sites: sites, Norms: data.DefaultNorms(), Layers: DefaultLayers(), Year: year,
		SizeBySeats: true, Version: 1}
}

// On reports whether a layer shows.
func (sc *Scene) On(l Layer) bool { return sc.Layers[l].On && sc.Layers[l].Opacity > 0 }

// catchLevelOn reports whether catchments of a served level show.
func (sc *Scene) catchLevelOn(l data.Level) bool {
	return sc.CatchLevels == nil || sc.CatchLevels[l]
}

// status is a site's state in the scene's year.
func (sc *Scene) status(s *data.Site) (data.Status, bool) {
	if sc.Year == 0 {
		return data.InService, false
	}
	return data.StatusAt(s, sc.Year)
}
