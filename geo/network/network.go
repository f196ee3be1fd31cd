// Package network measures walking distance along a street network: it
// builds a graph from street lines, snaps schools to the nearest walkable
// street, runs exact Dijkstra searches (one source or many) and turns the
// reachable street pieces into catchments (capsule sets with exact
// scanline chords, rasters and polygons) and accessibility rasters. It
// reads OpenStreetMap .osm.pbf extracts with its own streaming decoder and
// line layers through data/vector.
//
// Floor: features (imports ground and domain packages only, never app).
//
// Method. Street vertices shared by lines (equal coordinates, or closer
// than Options.MergeTol) become one node; every segment between two
// vertices is an edge whose length is the geodesic length on the WGS-84
// ellipsoid (local meridian and prime-vertical radii at the segment's mean
// latitude: for segments under 10 km the relative error is below 1e-7).
// Planar work (snapping, buffers, rasters) happens on an Albers equal-area
// projection centred on the network, whose scale within a district differs
// from 1 by under 1e-4.
package network

import (
	"errors"
	"math"
	"sync"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// Errors of the package; readers wrap them in a *FileError.
var (
	ErrNoLines   = errors.New("network: no walkable lines")
	ErrFormat    = errors.New("network: unreadable street file")
	ErrTruncated = errors.New("network: file ends early (truncated download?)")
	ErrCanceled  = errors.New("network: canceled")
	// ErrTooMuchWork is a street file asking for far more work than its
	// size can hold in real data (a crafted or broken file).
	ErrTooMuchWork = errors.New("network: too much work for the file's size")
)

// Options tune the graph.
type Options struct {
	// MergeTol merges street vertices closer than this many metres into
	// one node (0: only identical coordinates, to about 1 cm).
	MergeTol float64
}

// Graph is an undirected street graph. Nodes and edge endpoints are
// indices; Nodes are WGS-84, xy the same points projected.
type Graph struct {
	Proj   geo.Albers
	Nodes  []orb.Point
	xy     []orb.Point
	EU, EV []int32   // edge endpoints
	ELen   []float64 // geodesic length, metres
	start  []int32   // CSR adjacency: edges of node n are adj[start[n]:start[n+1]]
	adj    []int32
	index  *edgeGrid

	compOnce sync.Once
	comp     []int32
	compLen  []float64
}

// NumEdges is the number of edges (street segments).
func (g *Graph) NumEdges() int { return len(g.EU) }

// XY is node n in the graph's projection (metres).
func (g *Graph) XY(n int) orb.Point { return g.xy[n] }

// Build makes the graph of the lines (WGS-84). Degenerate segments (both
// ends one node) are dropped. It fails with ErrNoLines when nothing is
// left.
func Build(lines []orb.LineString, opt Options) (*Graph, error) {
	g := &Graph{Proj: projectionFor(lines)}
	m := newMerger(g, opt.MergeTol)
	for _, ls := range lines {
		prev := int32(-1)
		for _, p := range ls {
			n := m.node(p)
			if prev >= 0 && n != prev {
				g.addEdge(prev, n)
			}
			prev = n
		}
	}
	if len(g.EU) == 0 {
		return nil, ErrNoLines
	}
	g.buildAdjacency()
	g.index = newEdgeGrid(g, 100)
	return g, nil
}

func (g *Graph) addEdge(u, v int32) {
	g.EU = append(g.EU, u)
	g.EV = append(g.EV, v)
	g.ELen = append(g.ELen, GeodesicLength(g.Nodes[u], g.Nodes[v]))
}

func (g *Graph) buildAdjacency() {
	deg := make([]int32, len(g.Nodes)+1)
	for e := range g.EU {
		deg[g.EU[e]+1]++
		deg[g.EV[e]+1]++
	}
	for i := 1; i < len(deg); i++ {
		deg[i] += deg[i-1]
	}
	g.start = deg
	g.adj = make([]int32, 2*len(g.EU))
	fill := append([]int32(nil), deg[:len(deg)-1]...)
	for e := range g.EU {
		u, v := g.EU[e], g.EV[e]
		g.adj[fill[u]] = int32(e)
		fill[u]++
		g.adj[fill[v]] = int32(e)
		fill[v]++
	}
}

// other is the far end of edge e from node n.
func (g *Graph) other(e, n int32) int32 {
	if g.EU[e] == n {
		return g.EV[e]
	}
	return g.EU[e]
}

// projectionFor is an Albers projection with standard parallels around
// the lines (Liwan's when there are none).
func projectionFor(lines []orb.LineString) geo.Albers {
	var b orb.Bound
	first := true
	for _, ls := range lines {
		for _, p := range ls {
			if first {
				b, first = p.Bound(), false
			}
			b = b.Extend(p)
		}
	}
	if first {
		return geo.LiwanAlbers
	}
	c := b.Center()
	h := math.Max((b.Max[1]-b.Min[1])/3, 0.05)
	return geo.NewAlbers(c[1]-h, c[1]+h, c[0], c[1])
}

// WGS-84 ellipsoid.
const (
	wgsA  = 6378137.0
	wgsE2 = 0.00669437999014
)

// GeodesicLength is the length in metres of the short segment a–b
// (WGS-84 degrees) on the ellipsoid, from the meridian and prime-vertical
// radii of curvature at the mean latitude (relative error under 1e-7 for
// segments under 10 km).
func GeodesicLength(a, b orb.Point) float64 {
	phi := (a[1] + b[1]) / 2 * math.Pi / 180
	s := math.Sin(phi)
	w := 1 - wgsE2*s*s
	n := wgsA / math.Sqrt(w)
	m := wgsA * (1 - wgsE2) / (w * math.Sqrt(w))
	dphi := (b[1] - a[1]) * math.Pi / 180
	dlam := (b[0] - a[0]) * math.Pi / 180
	return math.Hypot(m*dphi, n*math.Cos(phi)*dlam)
}

// Components labels each node with its connected component and returns
// the street length of each component.
func (g *Graph) Components() (label []int32, length []float64) {
	label = make([]int32, len(g.Nodes))
	for i := range label {
		label[i] = -1
	}
	var stack []int32
	for n := range g.Nodes {
		if label[n] >= 0 {
			continue
		}
		c := int32(len(length))
		length = append(length, 0)
		label[n] = c
		stack = append(stack[:0], int32(n))
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, e := range g.adj[g.start[u]:g.start[u+1]] {
				if w := g.other(e, u); label[w] < 0 {
					label[w] = c
					stack = append(stack, w)
				}
			}
		}
	}
	for e := range g.EU {
		length[label[g.EU[e]]] += g.ELen[e]
	}
	return label, length
}

// Island reports whether edge e lies in a component holding less than
// share (0..1) of the network's street length: a school snapped there can
// reach little, often because a bridge is missing from the data.
func (g *Graph) Island(e int, share float64) bool {
	g.compOnce.Do(func() { g.comp, g.compLen = g.Components() })
	total := 0.0
	for _, l := range g.compLen {
		total += l
	}
	return g.compLen[g.comp[g.EU[e]]] < share*total
}
