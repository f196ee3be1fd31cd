package coverage

import (
	"image/color"
	"math"
	"sort"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Measure is what a choropleth shows.
type Measure int

// Measures of the subdistrict layer.
const (
	MeasureGap Measure = iota
	MeasurePer1000
	MeasureCovered
	MeasureSFCA
)

var measureInfo = [...]struct{ label string }{
	{"table.measure.gap"},
	{"table.measure.per1000"},
	{"table.measure.covered"},
	{"table.measure.sfca"},
}

// Measures lists them in menu order.
func Measures() []Measure { return []Measure{MeasureGap, MeasurePer1000, MeasureCovered, MeasureSFCA} }

// Label names the measure.
func (m Measure) Label() string { return i18n.T(measureInfo[m].label) }

// Value reads the measure from a row (NaN when it cannot be computed).
func (m Measure) Value(r Row) float64 {
	switch m {
	case MeasurePer1000:
		return r.SeatsPer1k
	case MeasureCovered:
		return r.PopCovered
	case MeasureSFCA:
		return r.SFCA
	}
	return r.Gap
}

// IsGap reports whether a row is a gap subdistrict: seats short of
// demand, or (without population) under half the area within reach.
func IsGap(r Row) bool {
	if !math.IsNaN(r.Gap) {
		return r.Gap > 0
	}
	return !math.IsNaN(r.AreaCovered) && r.AreaCovered < 0.5
}

// Classing is how values are cut into classes.
type Classing int

// Classing methods.
const (
	Quantiles Classing = iota
	EqualInterval
	Fixed
)

// ClassingLabels name the methods.
var ClassingLabels = []string{"分位数 quantiles", "等间距 equal interval", "固定断点 fixed breaks"}

// Breaks returns k-1 inner class breaks for the values (NaNs ignored);
// Fixed uses fixed as given.
func Breaks(values []float64, c Classing, k int, fixed []float64) []float64 {
	if c == Fixed {
		return append([]float64(nil), fixed...)
	}
	var v []float64
	for _, x := range values {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 || k < 2 {
		return nil
	}
	sort.Float64s(v)
	out := make([]float64, 0, k-1)
	for i := 1; i < k; i++ {
		var b float64
		if c == EqualInterval {
			b = v[0] + (v[len(v)-1]-v[0])*float64(i)/float64(k)
		} else {
			b = v[min(len(v)-1, int(float64(len(v))*float64(i)/float64(k)))]
		}
		if len(out) == 0 || b > out[len(out)-1] {
			out = append(out, b)
		}
	}
	return out
}

// Class returns the class index of x (0..len(breaks)); -1 for NaN.
func Class(x float64, breaks []float64) int {
	if math.IsNaN(x) {
		return -1
	}
	return sort.SearchFloat64s(breaks, x+1e-12*math.Abs(x)) // x equal to a break falls in the upper class
}

// Palette returns n colours for a measure: for the gap a diverging
// purple (surplus) to orange (shortage) scale, otherwise a sequential
// yellow–green–blue scale, darker meaning better served. Both are from
// ColorBrewer's colour-blind-safe schemes (PuOr, YlGnBu).
func Palette(m Measure, n int) []color.RGBA {
	puor := []color.RGBA{{84, 39, 136, 255}, {153, 142, 195, 255}, {216, 218, 235, 255}, {254, 224, 182, 255}, {241, 163, 64, 255}, {179, 88, 6, 255}}
	ylgnbu := []color.RGBA{{255, 255, 204, 255}, {199, 233, 180, 255}, {127, 205, 187, 255}, {65, 182, 196, 255}, {44, 127, 184, 255}, {37, 52, 148, 255}}
	src := ylgnbu
	if m == MeasureGap {
		src = puor
	}
	out := make([]color.RGBA, n)
	for i := range out {
		pos := 0.0
		if n > 1 {
			pos = float64(i) / float64(n-1) * float64(len(src)-1)
		}
		out[i] = src[int(math.Round(pos))]
	}
	return out
}
