package render

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// nearestTints are the light fills of nearest-site cells; neighbouring
// cells get different tints so each reads as its own area.
var nearestTints = []color.RGBA{
	{141, 211, 199, 255}, {255, 255, 179, 255}, {190, 186, 218, 255}, {251, 128, 114, 255},
	{128, 177, 211, 255}, {253, 180, 98, 255}, {179, 222, 105, 255}, {252, 205, 229, 255},
}

// nearestLevel is the level whose partition shows: the scene's choice when
// it has catchments, else the first level that has (smallest first).
func (sc *Scene) nearestLevel(groups map[data.Level][]catchCentre) data.Level {
	if len(groups[sc.NearestLevel]) > 0 {
		return sc.NearestLevel
	}
	for i := len(catchOrder) - 1; i >= 0; i-- {
		if len(groups[catchOrder[i]]) > 0 {
			return catchOrder[i]
		}
	}
	return data.LevelUnknown
}

// nearestClip returns the outer rings (overlay pixels) the partition is
// clipped to: the subdistrict boundaries when the scene has them, else nil
// (the overlay's own area).
func (sc *Scene) nearestClip(v View, off [2]float64) []orb.Ring {
	var out []orb.Ring
	for _, z := range sc.Zones {
		for _, poly := range z.Boundary {
			if len(poly) == 0 || len(poly[0]) < 4 {
				continue
			}
			pts := ringPixels(v, poly[0], off)
			r := make(orb.Ring, len(pts)+1)
			for k, q := range pts {
				r[k] = q
			}
			r[len(pts)] = r[0]
			out = append(out, r)
		}
	}
	return out
}

// drawNearest draws the nearest-site partition of one level: each cell a
// light tint of its own, with thin edges (markers are drawn over them).
func drawNearest(p Painter, v View, g []catchCentre, off, size [2]float64, clips []orb.Ring, op float64) {
	pts := make([]orb.Point, len(g))
	for k, c := range g {
		x, y := v.World(c.at)
		pts[k] = orb.Point{x - off[0], y - off[1]}
	}
	view := orb.Ring{{0, 0}, {size[0], 0}, {size[0], size[1]}, {0, size[1]}, {0, 0}}
	whole := geo.Voronoi(pts, view)
	tint := tintCells(whole)
	if len(clips) == 0 {
		clips = []orb.Ring{view}
	}
	edge := fade(color.RGBA{90, 90, 90, 150}, op)
	for _, clip := range clips {
		// Clipping a boundary by the bisectors is a Voronoi with the
		// boundary as the clip: Sutherland–Hodgman keeps concave parts.
		for i, cell := range geo.Voronoi(pts, clip) {
			if len(cell) < 4 {
				continue
			}
			poly := make([][2]float64, len(cell)-1)
			for k, q := range cell[:len(cell)-1] {
				poly[k] = q
			}
			p.Fill(fade(withAlpha(nearestTints[tint[i]], 90), op), poly)
			p.Stroke(edge, math.Max(1, 0.8*v.sym()), true, poly)
		}
	}
}

// tintCells colours cells greedily so that cells sharing a corner differ.
func tintCells(cells []orb.Ring) []int {
	out := make([]int, len(cells))
	for i := range cells {
		used := map[int]bool{}
		for j := 0; j < i; j++ {
			if touch(cells[i], cells[j]) {
				used[out[j]] = true
			}
		}
		for used[out[i]] && out[i] < len(nearestTints)-1 {
			out[i]++
		}
	}
	return out
}

// touch reports whether two cells share a vertex (to a tenth of a pixel).
func touch(a, b orb.Ring) bool {
	for _, p := range a {
		for _, q := range b {
			if math.Abs(p[0]-q[0]) < 0.1 && math.Abs(p[1]-q[1]) < 0.1 {
				return true
			}
		}
	}
	return false
}
