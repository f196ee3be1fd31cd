package render

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// Marker sizes in pixels at symbol scale 1. With SizeBySeats a marker's
// area is proportional to its seats: radius = seatRadiusK·√seats, so 1800
// seats draw 12 px.
const (
	baseRadius  = 8
	seatRadiusK = 12 / 42.42640687119285 // 12 / √1800
	minRadius   = 4
)

// SeatRadius is the marker radius of a seat count at symbol scale 1.
func SeatRadius(seats int) float64 {
	return math.Max(minRadius, seatRadiusK*math.Sqrt(float64(seats)))
}

func markerRadius(sc *Scene, s *data.Site, v View) float64 {
	if !sc.SizeBySeats {
		return baseRadius * v.sym()
	}
	seats := sc.Norms.SeatsOf(s).Total()
	if seats == 0 {
		return baseRadius * v.sym() * 0.8
	}
	return SeatRadius(seats) * v.sym()
}

var (
	white   = color.RGBA{255, 255, 255, 255}
	overdue = color.RGBA{200, 30, 30, 255}
)

func drawSites(c Painter, sc *Scene, v View, placed []Placed, off [2]float64) {
	op := sc.Layers[Sites].Opacity
	local := func(p [2]float64) [2]float64 { return [2]float64{p[0] - off[0], p[1] - off[1]} }
	for _, p := range placed {
		if p.Spread() {
			a, b := local(p.Anchor), local(p.Pos)
			c.Stroke(fade(color.RGBA{60, 60, 60, 200}, op), 1.2*v.sym(), false, [][2]float64{a, b})
			c.Fill(fade(color.RGBA{60, 60, 60, 230}, op), shapePath(ShapeCircle, a[0], a[1], 2.5*v.sym()))
		}
	}
	for _, p := range placed {
		s := &sc.Sites[p.Index]
		st, late := sc.status(s)
		at := local(p.Pos)
		drawMarker(c, StyleOf(s.Level), s.Kind, st, late, s.ID == sc.Selected, at, p.Radius, v.sym(), op)
	}
}

// drawMarker draws one marker: in service solid, under construction
// hatched, planned as an outline; overdue adds a red ring, selection a
// yellow and black one. Existing schools have a dark rim and a paler fill;
// candidate sites are grey outlines.
func drawMarker(c Painter, st LevelStyle, kind data.Kind, status data.Status, late, selected bool, at [2]float64, radius, sym, op float64) {
	shape := func(extra float64) [][2]float64 { return shapePath(st.Shape, at[0], at[1], radius+extra) }
	if selected {
		c.Fill(fade(color.RGBA{20, 20, 20, 255}, op), shape(4*sym))
		c.Fill(fade(color.RGBA{255, 235, 59, 255}, op), shape(2.5*sym))
	}
	if late {
		c.Fill(fade(overdue, op), shape(4.5*sym))
	}
	switch kind {
	case data.KindExisting:
		c.Fill(fade(color.RGBA{40, 40, 40, 255}, op), shape(1.5*sym))
		c.Fill(fade(withAlpha(st.Fill, 150), op), shape(0))
		return
	case data.KindCandidate:
		c.Fill(fade(white, op), shape(1.5*sym))
		c.Stroke(fade(color.RGBA{110, 110, 110, 255}, op), math.Max(2, 0.28*radius), true, shape(-0.14*radius))
		return
	}
	c.Fill(fade(white, op), shape(1.5*sym))
	switch status {
	case data.UnderConstruction:
		c.Hatch(fade(st.Fill, op), fade(white, op), math.Max(4, math.Floor(5*sym)), shape(0))
		c.Stroke(fade(st.Fill, op), 1.5*sym, true, shape(-0.75*sym))
	case data.Planned:
		c.Stroke(fade(st.Fill, op), math.Max(2, 0.28*radius), true, shape(-0.14*radius))
	default:
		c.Fill(fade(st.Fill, op), shape(0))
	}
}

// hatch is an endless pattern of diagonal stripes, the mark of "under
// construction".
type hatch struct {
	fg, bg color.RGBA
	period int
}

func (h hatch) ColorModel() color.Model { return color.RGBAModel }
func (h hatch) Bounds() image.Rectangle { return image.Rect(-1e9, -1e9, 1e9, 1e9) }
func (h hatch) At(x, y int) color.Color {
	if ((x+y)%h.period+h.period)%h.period < (h.period+1)/2 {
		return h.fg
	}
	return h.bg
}

// drawHalos draws, for each approximate site, the circle within which its
// true position lies: a faint neutral grey with a dashed rim, so it never
// reads as a catchment. Each is its own circle: every rim shows.
func drawHalos(p Painter, sc *Scene, v View, placed []Placed, off [2]float64) {
	op := sc.Layers[Halos].Opacity
	for _, pl := range placed {
		s := &sc.Sites[pl.Index]
		if !s.Approximate() {
			continue
		}
		x, y := v.World(s.Location)
		r := s.PrecisionM / (geo.MetersPerPixel(s.Location[1], float64(v.Zoom)) / v.ts())
		p.Circles([]Circle{{x - off[0], y - off[1], r}}, fade(withAlpha(haloGrey, haloFillA), op),
			fade(withAlpha(haloGrey, haloLineA), op), math.Max(1, math.Round(v.sym())), 6*v.sym())
	}
}

var haloGrey = color.RGBA{90, 90, 100, 255}

// Halo opacities: the fill only hints at the area; the dashed rim says it.
const haloFillA, haloLineA = 16, 170

// ringPixels projects a closed ring to overlay pixels (last point dropped).
func ringPixels(v View, ring orb.Ring, off [2]float64) [][2]float64 {
	pts := make([][2]float64, 0, len(ring))
	for _, q := range ring[:len(ring)-1] {
		x, y := v.World(q)
		pts = append(pts, [2]float64{x - off[0], y - off[1]})
	}
	return pts
}

// labelText is the label of a site: its name, or its capacity.
func labelText(sc *Scene, s *data.Site) string {
	if !sc.CapacityLabels {
		return s.ShortName
	}
	seats := sc.Norms.SeatsOf(s).Total()
	switch {
	case s.Classes > 0 && seats > 0:
		return i18n.T("ui.label.classes_seats", s.Classes, seats)
	case seats > 0:
		return i18n.T("ui.label.seats", seats)
	}
	return s.ShortName
}

// drawLabels places the labels (see labeller) and writes them with their
// leaders. Inside, when set, is the area (device world pixels) labels must
// stay in: an export's frame; zones are the subdistrict names to avoid.
func (r *Renderer) drawLabels(p Painter, sc *Scene, v View, placed []Placed, off [2]float64, inside *[2][2]float64, zones [][2][2]float64) ([]LabelBox, []int) {
	labels, dropped := r.placeLabels(sc, v, placed, inside, zones)
	r.paintLabels(p, sc, v, labels, off)
	return labels, dropped
}

// placeLabels lays the labels out without drawing them.
func (r *Renderer) placeLabels(sc *Scene, v View, placed []Placed, inside *[2][2]float64, zones [][2][2]float64) ([]LabelBox, []int) {
	size := 12 * v.sym()
	lb := labeller{sym: v.sym(), within: inside, measure: func(s string) (float64, float64) {
		w, h := r.Fonts.Measure(s, size)
		return float64(w + 2), float64(h + 2)
	}}
	return lb.place(sc, placed, zones)
}

// paintLabels writes placed labels and their leaders through p.
func (r *Renderer) paintLabels(p Painter, sc *Scene, v View, labels []LabelBox, off [2]float64) {
	size := 12 * v.sym()
	op := sc.Layers[Labels].Opacity
	for _, b := range labels {
		if b.Led {
			p.Stroke(fade(color.RGBA{60, 60, 60, 220}, op), v.sym(), false,
				[][2]float64{{b.Leader[0][0] - off[0], b.Leader[0][1] - off[1]}, {b.Leader[1][0] - off[0], b.Leader[1][1] - off[1]}})
		}
	}
	ink, halo := fade(color.RGBA{30, 30, 30, 255}, op), fade(white, op)
	for _, b := range labels {
		// The label image has a 1-pixel margin for the halo.
		p.Text(b.Min[0]-off[0], b.Min[1]-off[1], size, b.Text, ink, halo)
	}
}

type labelKey struct {
	text      string
	size      float64
	ink, halo color.RGBA
}

// label returns the text rendered with its halo, from a cache: glyph
// rasterisation is the costly part of labelling and labels rarely change.
func (r *Renderer) label(text string, size float64, ink, halo color.RGBA) *image.RGBA {
	k := labelKey{text, size, ink, halo}
	if img, ok := r.labels[k]; ok {
		return img
	}
	if r.labels == nil || len(r.labels) > 1024 {
		r.labels = map[labelKey]*image.RGBA{}
	}
	w, h := r.Fonts.Measure(text, size)
	img := image.NewRGBA(image.Rect(0, 0, w+2, h+2))
	r.Fonts.Draw(img, text, 1, 1, size, ink, halo)
	r.labels[k] = img
	return img
}
