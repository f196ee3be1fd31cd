// Package render draws map frames off-screen: basemap tiles, a graticule
// where tiles are missing, and vector overlays (halos, markers, CJK labels)
// into an image.RGBA of any size. The app's map widget and the exports use
// the same renderer, so what is exported is what is seen.
//
// Floor: features (imports tile, domain and ground).
package render

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/geo"
)

// View is what a frame shows: a centre, an integer tile zoom and a size in
// device pixels. TileScale draws tiles larger or smaller than 1:1 (print
// resolution); SymbolScale sizes markers and text.
type View struct {
	Center        orb.Point
	Zoom          int
	Width, Height int
	TileScale     float64
	SymbolScale   float64
}

func (v View) ts() float64 {
	if v.TileScale <= 0 {
		return 1
	}
	return v.TileScale
}

func (v View) sym() float64 {
	if v.SymbolScale <= 0 {
		return 1
	}
	return v.SymbolScale
}

// World returns device-pixel world coordinates of p at the view's zoom.
func (v View) World(p orb.Point) (x, y float64) {
	x, y = geo.ToPixel(p, float64(v.Zoom))
	return x * v.ts(), y * v.ts()
}

// Origin is the world pixel at the frame's top-left corner, rounded so that
// panning moves whole pixels.
func (v View) Origin() (x, y float64) {
	cx, cy := v.World(v.Center)
	return math.Round(cx - float64(v.Width)/2), math.Round(cy - float64(v.Height)/2)
}

// ToScreen returns the frame pixel of p.
func (v View) ToScreen(p orb.Point) (x, y float64) {
	wx, wy := v.World(p)
	ox, oy := v.Origin()
	return wx - ox, wy - oy
}

// FromScreen returns the point at a frame pixel.
func (v View) FromScreen(x, y float64) orb.Point {
	ox, oy := v.Origin()
	return geo.FromPixel((ox+x)/v.ts(), (oy+y)/v.ts(), float64(v.Zoom))
}

// Pan moves the view so that the map follows a drag of dx, dy pixels.
func (v View) Pan(dx, dy float64) View {
	cx, cy := v.World(v.Center)
	v.Center = geo.FromPixel((cx-dx)/v.ts(), (cy-dy)/v.ts(), float64(v.Zoom))
	v.Center[1] = math.Max(-geo.MaxLat, math.Min(geo.MaxLat, v.Center[1]))
	return v
}

// ZoomAt changes the zoom by delta levels, clamped to [min, max], keeping
// the point under frame pixel (x, y) fixed.
func (v View) ZoomAt(delta int, x, y float64, min, max int) View {
	z := v.Zoom + delta
	if z < min {
		z = min
	}
	if z > max {
		z = max
	}
	if z == v.Zoom {
		return v
	}
	p := v.FromScreen(x, y)
	v.Zoom = z
	px, py := v.ToScreen(p)
	return v.Pan(x-px, y-py)
}

// MetersPerPixel is the ground size of a frame pixel at the centre.
func (v View) MetersPerPixel() float64 {
	return geo.MetersPerPixel(v.Center[1], float64(v.Zoom)) / v.ts()
}

// Fit returns a view of the given size showing b with pad pixels to spare,
// at the largest zoom in [min, max] that fits.
func Fit(b orb.Bound, width, height, pad, min, max int) View {
	v := View{Center: b.Center(), Width: width, Height: height, Zoom: min}
	for z := max; z >= min; z-- {
		x0, y0 := geo.ToPixel(orb.Point{b.Min[0], b.Max[1]}, float64(z))
		x1, y1 := geo.ToPixel(orb.Point{b.Max[0], b.Min[1]}, float64(z))
		if x1-x0 <= float64(width-2*pad) && y1-y0 <= float64(height-2*pad) {
			v.Zoom = z
			break
		}
	}
	return v
}

// Tiles lists the tiles the frame covers (x wraps around the antimeridian;
// rows beyond the poles are left out).
func (v View) Tiles() []maptile.Tile {
	ox, oy := v.Origin()
	size := geo.TileSize * v.ts()
	n := int64(1) << v.Zoom
	x0, y0 := int64(math.Floor(ox/size)), int64(math.Floor(oy/size))
	x1 := int64(math.Floor((ox + float64(v.Width) - 1) / size))
	y1 := int64(math.Floor((oy + float64(v.Height) - 1) / size))
	var out []maptile.Tile
	for ty := max(y0, 0); ty <= min(y1, n-1); ty++ {
		for tx := x0; tx <= x1; tx++ {
			out = append(out, maptile.Tile{X: uint32(((tx % n) + n) % n), Y: uint32(ty), Z: maptile.Zoom(v.Zoom)})
		}
	}
	return out
}
