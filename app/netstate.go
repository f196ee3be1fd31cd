package app

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/network"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// networkChanged: a street network was loaded or the catchment kind
// switched between circles and the network.
const networkChanged event = 100

// netState is the work's street network and the sites' catchments along
// it; on chooses them over circles.
type netState struct {
	lines  []orb.LineString
	source string
	graph  *network.Graph
	set    *network.SiteSet
	on     bool
	cfg    data.NetworkSettings // the planner's choices (on follows cfg.Catchments when a network exists)
}

// setNetwork keeps a newly built network and switches catchments to it.
func (s *state) setNetwork(lines []orb.LineString, source string, g *network.Graph) {
	cfg := s.net.cfg
	if g != nil {
		cfg.Catchments = "network"
	}
	s.installNetwork(lines, source, g, cfg)
}

func (s *state) installNetwork(lines []orb.LineString, source string, g *network.Graph, cfg data.NetworkSettings) {
	cfg = cfg.Clean()
	s.net = netState{lines: lines, source: source, graph: g, on: g != nil && cfg.Catchments == "network", cfg: cfg}
	s.recomputeNetwork()
	s.notify(networkChanged)
}

// loadNetwork rebuilds the network saved in a project (none clears it)
// with the project's settings.
func (s *state) loadNetwork(lines []orb.LineString, source string, cfg data.NetworkSettings) {
	g, err := network.Build(lines, network.Options{})
	if err != nil {
		g, lines = nil, nil
	}
	s.installNetwork(lines, source, g, cfg)
}

// setNetSettings applies new settings (catchment kind, buffer, speed, cell).
func (s *state) setNetSettings(cfg data.NetworkSettings) {
	s.installNetwork(s.net.lines, s.net.source, s.net.graph, cfg)
}

// setNetworkMode switches catchments between the network and circles.
func (s *state) setNetworkMode(on bool) {
	cfg := s.net.cfg
	cfg.Catchments = map[bool]string{true: "network", false: "circle"}[on]
	s.setNetSettings(cfg)
}

// setLateral changes the buffer around reachable streets (metres).
func (s *state) setLateral(m float64) {
	cfg := s.net.cfg
	cfg.LateralM = m
	s.setNetSettings(cfg)
}

// recomputeNetwork recomputes the catchments (after edits or norm
// changes: 25 sites take a few milliseconds) and hands them to the scene.
func (s *state) recomputeNetwork() {
	s.net.set = nil
	if s.net.graph != nil {
		s.net.set = s.net.graph.ForSites(s.scene.Sites, s.scene.Norms, s.net.cfg.LateralM)
	}
	shapes := s.renderShapes()
	s.update(func(sc *render.Scene) { sc.CatchShapes = shapes })
}

// renderShapes gives the renderer the network catchments (nil: circles).
func (s *state) renderShapes() render.CatchShapeFunc {
	if !s.net.on {
		return nil
	}
	return s.net.set.RenderShapes()
}

// coverageShapes gives the subdistrict analysis the network catchments
// (nil: circles).
func (s *state) coverageShapes() coverage.ShapeFunc {
	if !s.net.on {
		return nil
	}
	return s.net.set.CoverageShapes()
}

// networkRows are the details of a site's network catchments: snap
// distance, a flag, and per served level the share of its circle.
func networkRows(st *state, s *data.Site) [][2]string {
	set := st.net.set
	if set == nil || s == nil || !s.Located {
		return nil
	}
	var rows [][2]string
	first := true
	for _, k := range set.Order {
		if k.ID != s.ID {
			continue
		}
		c := set.By[k]
		if first {
			rows = append(rows, [2]string{i18n.T("network.ui.snap"), snapText(set, c)})
			first = false
		}
		rows = append(rows, [2]string{i18n.T("network.ui.share", levelText(k.Served), c.Radius), shareText(c)})
	}
	return rows
}

func snapText(set *network.SiteSet, c network.Catchment) string {
	if !c.Snap.OK {
		return i18n.T("network.ui.flag.unsnapped")
	}
	t := fmt.Sprintf("%.0f m", c.Snap.Dist)
	if f := set.Flag(c); f != "" {
		t += " · " + i18n.T("network.ui.flag."+f)
	}
	return t
}

func shareText(c network.Catchment) string {
	sh := c.ShareOfCircle(2)
	if math.IsNaN(sh) {
		return "—"
	}
	return fmt.Sprintf("%.0f%% · %.2f km²", 100*sh, c.Shape.Area(2)/1e6)
}

// networkSet is the catchments along the network when they are chosen
// over circles (nil otherwise).
func (s *state) networkSet() *network.SiteSet {
	if !s.net.on {
		return nil
	}
	return s.net.set
}

// writeDataExportNet is writeDataExport with network catchments (polygons
// traced at 5 m cells) instead of circles when set is not nil.
func writeDataExportNet(path string, sites []data.Site, n data.Norms, year int, set *network.SiteSet) error {
	if set == nil {
		return writeDataExport(path, sites, n, year)
	}
	_, err := data.ExportSitesShapes(path, strings.TrimPrefix(filepath.Ext(path), "."), sites, n, year, set.Shapes(5))
	return err
}

// networkKey changes whenever the catchments the analysis uses change.
func (s *state) networkKey() string {
	return fmt.Sprintf("|net %v %p", s.net.on, s.net.set)
}

// methodNote names network catchments in the analysis' titles ("" for
// circles, the default).
func (s *state) methodNote() string {
	if s.networkSet() == nil {
		return ""
	}
	return " · " + i18n.T("network.ui.network")
}
