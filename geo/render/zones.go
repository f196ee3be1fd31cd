package render

import (
	"image/color"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// Zone is a subdistrict as the Subdistricts layer draws it: its boundary,
// its choropleth fill (zero alpha: no value, drawn as outline only) and
// whether it is marked as a gap.
type Zone struct {
	Name     string
	Boundary orb.MultiPolygon
	Fill     color.RGBA
	Gap      bool
}

// ZoneClass is one class of the choropleth legend.
type ZoneClass struct {
	Fill  color.RGBA
	Label string
}

var gapRed = color.RGBA{200, 30, 30, 255}

// drawZones fills and outlines the zones and writes their names; it
// returns the names' boxes (device world pixels) for labels to avoid.
func (r *Renderer) drawZones(p Painter, sc *Scene, v View, off [2]float64, placed []Placed, keep [][2][2]float64) [][2][2]float64 {
	op := sc.Layers[Subdistricts].Opacity
	rings := make([][][][2]float64, len(sc.Zones))
	for i, z := range sc.Zones {
		rings[i] = zoneRings(v, z, off)
		if z.Fill.A > 0 && len(rings[i]) > 0 {
			p.Fill(fade(withAlpha(z.Fill, 150), op), rings[i]...)
		}
	}
	for i, z := range sc.Zones {
		col, w := fade(color.RGBA{70, 70, 80, 255}, op), 1.2*v.sym()
		if z.Gap {
			col, w = fade(gapRed, op), 3*v.sym()
		}
		for _, ring := range rings[i] {
			p.Stroke(col, w, true, ring)
		}
	}
	if r.Fonts == nil {
		return nil
	}
	size := 13 * v.sym()
	names := r.zoneNameBoxes(sc, v, placed, keep)
	for _, n := range names {
		p.Text(n.box[0][0]-off[0], n.box[0][1]-off[1], size, n.name, fade(color.RGBA{40, 40, 60, 255}, op), fade(white, op))
	}
	boxes := make([][2][2]float64, len(names))
	for i, n := range names {
		boxes[i] = n.box
	}
	return boxes
}

// zoneName is a subdistrict name as placed, its box in device world pixels.
type zoneName struct {
	name string
	box  [2][2]float64
}

// zoneNameBoxes places each subdistrict's name at its label point, or
// when a site marker, another name or a kept box (keep) is there, at the
// nearest free spot around it whose centre is still inside the
// subdistrict. A name with no free spot within a few lines of its label
// point is left out, as a site label that fits nowhere is.
func (r *Renderer) zoneNameBoxes(sc *Scene, v View, placed []Placed, keep [][2][2]float64) []zoneName {
	var out []zoneName
	ob := markerObstacles(placed, v.sym())
	ob.boxes = append(ob.boxes, keep...)
	size := 13 * v.sym()
	for _, z := range sc.Zones {
		at, ok := labelPoint(z.Boundary)
		if !ok || z.Name == "" {
			continue
		}
		x, y := v.World(at)
		tw, th := r.Fonts.Measure(z.Name, size)
		w, h := float64(tw+2), float64(th+2)
		rings := zoneRings(v, z, [2]float64{})
		for _, d := range nameOffsets(w, h) {
			cx, cy := x+d[0], y+d[1]
			lo := [2]float64{math.Round(cx - w/2), math.Round(cy - h/2)}
			hi := [2]float64{lo[0] + w, lo[1] + h}
			if ob.free(lo, hi) && insideRings(rings, cx, cy) {
				out = append(out, zoneName{z.Name, [2][2]float64{lo, hi}})
				ob.boxes = append(ob.boxes, [2][2]float64{lo, hi})
				break
			}
		}
	}
	return out
}

// nameOffsets are the moves tried for a subdistrict name, nearest first:
// up and down by lines, then sideways by half and whole names.
func nameOffsets(w, h float64) [][2]float64 {
	out := [][2]float64{{0, 0}}
	for k := 1.0; k <= 5; k++ {
		for _, dy := range []float64{k * 1.1 * h, -k * 1.1 * h} {
			out = append(out, [2]float64{0, dy})
		}
		for _, dx := range []float64{k * w / 2, -k * w / 2} {
			for _, dy := range []float64{0, 1.1 * h, -1.1 * h} {
				out = append(out, [2]float64{dx, dy})
			}
		}
	}
	return out
}

// insideRings reports whether (x, y) lies inside the rings (even-odd, so
// holes are outside).
func insideRings(rings [][][2]float64, x, y float64) bool {
	in := false
	for _, ring := range rings {
		for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
			a, b := ring[i], ring[j]
			if (a[1] > y) != (b[1] > y) && x < a[0]+(y-a[1])/(b[1]-a[1])*(b[0]-a[0]) {
				in = !in
			}
		}
	}
	return in
}

// zoneRings projects a zone's rings, outer rings and holes wound opposite
// ways for the nonzero rule.
func zoneRings(v View, z Zone, off [2]float64) [][][2]float64 {
	var out [][][2]float64
	for _, poly := range z.Boundary {
		for k, ring := range poly {
			pts := ringPixels(v, ring, off)
			if (k == 0) == (signedArea(pts) < 0) {
				reverse(pts)
			}
			out = append(out, pts)
		}
	}
	return out
}

func signedArea(pts [][2]float64) float64 {
	s := 0.0
	for i := range pts {
		j := (i + 1) % len(pts)
		s += pts[i][0]*pts[j][1] - pts[j][0]*pts[i][1]
	}
	return s / 2
}

func reverse(pts [][2]float64) {
	for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
		pts[i], pts[j] = pts[j], pts[i]
	}
}

// labelPoint is a point inside the largest polygon: the middle of the
// longest chord across it at its bounding box's middle latitude.
func labelPoint(mp orb.MultiPolygon) (orb.Point, bool) {
	best, bestLen := orb.Point{}, -1.0
	for _, poly := range mp {
		b := poly.Bound()
		y := (b.Min[1] + b.Max[1]) / 2
		var xs []float64
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				a, c := r[i], r[i+1]
				if (a[1] <= y) != (c[1] <= y) {
					xs = append(xs, a[0]+(y-a[1])/(c[1]-a[1])*(c[0]-a[0]))
				}
			}
		}
		sort.Float64s(xs)
		for i := 0; i+1 < len(xs); i += 2 {
			if l := xs[i+1] - xs[i]; l > bestLen {
				best, bestLen = orb.Point{(xs[i] + xs[i+1]) / 2, y}, l
			}
		}
	}
	return best, bestLen > 0 && !math.IsNaN(best[0])
}
