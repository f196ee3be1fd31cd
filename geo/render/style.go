package render

import (
	"image/color"
	"math"

	"github.com/liwan-edu/schoolmap/data"
)

// Shape is a marker outline.
type Shape int

// Marker shapes; each level has its own so levels differ without colour.
const (
	ShapeCircle Shape = iota
	ShapeSquare
	ShapeTriangle
	ShapeDiamond
	ShapePentagon
	ShapeStar
	ShapeHexagon
)

// LevelStyle is how a level is drawn. Colours are from the Okabe-Ito
// palette, which stays distinct under the common colour-vision deficiencies.
type LevelStyle struct {
	Fill  color.RGBA
	Shape Shape
}

var levelStyles = map[data.Level]LevelStyle{
	data.Kindergarten:  {color.RGBA{230, 159, 0, 255}, ShapeCircle},
	data.Primary:       {color.RGBA{0, 114, 178, 255}, ShapeSquare},
	data.Junior:        {color.RGBA{0, 158, 115, 255}, ShapeTriangle},
	data.Senior:        {color.RGBA{204, 121, 167, 255}, ShapeDiamond},
	data.NineYear:      {color.RGBA{86, 180, 233, 255}, ShapePentagon},
	data.International: {color.RGBA{213, 94, 0, 255}, ShapeStar},
	data.YouthPalace:   {color.RGBA{120, 120, 120, 255}, ShapeHexagon},
}

// StyleOf returns the style of a level (grey circle for unknown).
func StyleOf(l data.Level) LevelStyle {
	if s, ok := levelStyles[l]; ok {
		return s
	}
	return LevelStyle{color.RGBA{100, 100, 100, 255}, ShapeCircle}
}

// shapePath returns the outline of a shape of radius r around (cx, cy).
func shapePath(s Shape, cx, cy, r float64) [][2]float64 {
	poly := func(n int, rot float64, radii ...float64) [][2]float64 {
		pts := make([][2]float64, 0, n)
		for i := 0; i < n; i++ {
			a := rot + 2*math.Pi*float64(i)/float64(n)
			rr := radii[i%len(radii)]
			pts = append(pts, [2]float64{cx + rr*math.Cos(a), cy + rr*math.Sin(a)})
		}
		return pts
	}
	switch s {
	case ShapeSquare:
		return poly(4, math.Pi/4, r*1.2)
	case ShapeTriangle:
		return poly(3, -math.Pi/2, r*1.35)
	case ShapeDiamond:
		return poly(4, 0, r*1.3)
	case ShapePentagon:
		return poly(5, -math.Pi/2, r*1.2)
	case ShapeStar:
		return poly(10, -math.Pi/2, r*1.45, r*0.65)
	case ShapeHexagon:
		return poly(6, 0, r*1.15)
	}
	return poly(32, 0, r)
}
