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
func (r *Renderer) drawZones(p Painter, sc *Scene, v View, off [2]float64) [][2][2]float64 {
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
	var boxes [][2][2]float64
	size := 13 * v.sym()
	for _, z := range sc.Zones {
		at, ok := labelPoint(z.Boundary)
		if !ok || z.Name == "" {
			continue
		}
		x, y := v.World(at)
		tw, th := r.Fonts.Measure(z.Name, size)
		w, h := float64(tw+2), float64(th+2)
		x0, y0 := math.Round(x-w/2), math.Round(y-h/2)
		p.Text(x0-off[0], y0-off[1], size, z.Name, fade(color.RGBA{40, 40, 60, 255}, op), fade(white, op))
		boxes = append(boxes, [2][2]float64{{x0, y0}, {x0 + w, y0 + h}})
	}
	return boxes
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
