package render

import (
	"image/color"
	"math"
	"sync"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// Reference is a planner's reference layer prepared for drawing: each
// feature projected once to world pixels at zoom 0 (in the datum of the
// views that draw it) and a grid index of their bounds, so a frame visits
// only the features it shows and scales them to its zoom.
type Reference struct {
	Layer *data.ReferenceLayer

	mu    sync.Mutex
	gcj02 bool
	ready bool
	feats []refFeat
	grid  map[[2]int32][]int32
	seen  []uint32 // per feature: the last query that returned it
	query uint32
}

// refCell is the grid cell size in zoom-0 world pixels (~2.4 km).
const refCell = 256.0 / 16384

// refWide is the most cells a feature is indexed under; wideCell holds
// the larger ones.
const refWide = 4096

var wideCell = [2]int32{math.MinInt32, math.MinInt32}

type refFeat struct {
	min, max [2]float64
	kind     byte // 'P' polygon, 'L' line, '.' point
	src      int  // index of the layer's feature
	parts    [][][2]float64
	hasHoles bool
}

// NewReference prepares a layer; projection happens on first use.
func NewReference(l *data.ReferenceLayer) *Reference { return &Reference{Layer: l} }

// prepare projects the features for a datum (once per datum change).
func (r *Reference) prepare(gcj02 bool) {
	if r.ready && r.gcj02 == gcj02 {
		return
	}
	r.feats = r.feats[:0]
	r.grid = map[[2]int32][]int32{}
	for fi, f := range r.Layer.Features {
		for _, rf := range projectRef(f.Geometry, gcj02) {
			rf.src = fi
			r.add(rf)
		}
	}
	r.seen = make([]uint32, len(r.feats))
	r.gcj02, r.ready = gcj02, true
}

// featOf is the layer feature a drawable part belongs to.
func (r *Reference) featOf(i int) int { return r.feats[i].src }

// add indexes a feature under every cell its bound touches; a feature
// spanning more than refWide cells is kept in one list visited always.
func (r *Reference) add(f refFeat) {
	i := int32(len(r.feats))
	r.feats = append(r.feats, f)
	if (f.max[0]-f.min[0])/refCell*(f.max[1]-f.min[1])/refCell > refWide {
		r.grid[wideCell] = append(r.grid[wideCell], i)
		return
	}
	for cx := int32(f.min[0] / refCell); cx <= int32(f.max[0]/refCell); cx++ {
		for cy := int32(f.min[1] / refCell); cy <= int32(f.max[1]/refCell); cy++ {
			r.grid[[2]int32{cx, cy}] = append(r.grid[[2]int32{cx, cy}], i)
		}
	}
}

// projectRef splits a geometry into drawable features at zoom 0.
func projectRef(g orb.Geometry, gcj02 bool) []refFeat {
	proj := func(pts []orb.Point) [][2]float64 {
		out := make([][2]float64, len(pts))
		for i, p := range pts {
			if gcj02 {
				p = geo.WGS84ToGCJ02(p)
			}
			out[i][0], out[i][1] = geo.ToPixel(p, 0)
		}
		return out
	}
	var out []refFeat
	switch g := g.(type) {
	case orb.Point:
		out = append(out, newRefFeat('.', [][][2]float64{proj([]orb.Point{g})}))
	case orb.MultiPoint:
		for _, p := range g {
			out = append(out, newRefFeat('.', [][][2]float64{proj([]orb.Point{p})}))
		}
	case orb.LineString:
		out = append(out, newRefFeat('L', [][][2]float64{proj(g)}))
	case orb.MultiLineString:
		for _, l := range g {
			out = append(out, newRefFeat('L', [][][2]float64{proj(l)}))
		}
	case orb.Polygon:
		out = append(out, polyFeat(g, proj))
	case orb.MultiPolygon:
		for _, p := range g {
			out = append(out, polyFeat(p, proj))
		}
	case orb.Collection:
		for _, c := range g {
			out = append(out, projectRef(c, gcj02)...)
		}
	}
	return out
}

func polyFeat(p orb.Polygon, proj func([]orb.Point) [][2]float64) refFeat {
	parts := make([][][2]float64, len(p))
	for i, ring := range p {
		parts[i] = proj(ring)
	}
	f := newRefFeat('P', parts)
	f.hasHoles = len(p) > 1
	return f
}

func newRefFeat(kind byte, parts [][][2]float64) refFeat {
	f := refFeat{kind: kind, parts: parts, min: [2]float64{math.Inf(1), math.Inf(1)}, max: [2]float64{math.Inf(-1), math.Inf(-1)}}
	for _, part := range parts {
		for _, q := range part {
			f.min = [2]float64{math.Min(f.min[0], q[0]), math.Min(f.min[1], q[1])}
			f.max = [2]float64{math.Max(f.max[0], q[0]), math.Max(f.max[1], q[1])}
		}
	}
	return f
}

// visible calls fn with the index of each feature whose bound meets the
// zoom-0 box [min, max], once each.
func (r *Reference) visible(min, max [2]float64, fn func(i int)) {
	r.query++
	r.visit(r.grid[wideCell], min, max, fn)
	for cx := int32(min[0] / refCell); cx <= int32(max[0]/refCell); cx++ {
		for cy := int32(min[1] / refCell); cy <= int32(max[1]/refCell); cy++ {
			r.visit(r.grid[[2]int32{cx, cy}], min, max, fn)
		}
	}
}

func (r *Reference) visit(list []int32, min, max [2]float64, fn func(i int)) {
	for _, i := range list {
		f := &r.feats[i]
		if r.seen[i] == r.query || f.max[0] < min[0] || f.min[0] > max[0] || f.max[1] < min[1] || f.min[1] > max[1] {
			continue
		}
		r.seen[i] = r.query
		fn(int(i))
	}
}

// refColours are a layer's stroke and fill at its opacity; fills are
// drawn at 35% so the basemap shows through.
func refColours(st data.RefStyle) (stroke, fill color.RGBA, hasFill bool) {
	op := st.Opacity
	if op <= 0 || op > 1 {
		op = 1
	}
	stroke = fade(hexColour(st.Stroke, color.RGBA{90, 107, 125, 255}), op)
	if st.Fill != "" {
		fill, hasFill = fade(hexColour(st.Fill, color.RGBA{}), 0.35*op), true
	}
	return stroke, fill, hasFill
}

func hexColour(s string, def color.RGBA) color.RGBA {
	c, err := data.ParseColour(s)
	if err != nil {
		return def
	}
	return color.RGBA{c[0], c[1], c[2], 255}
}
