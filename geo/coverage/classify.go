package coverage

import (
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

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

// ClassingLabels name the methods in the current language, in Classing
// order.
func ClassingLabels() []string {
	return []string{i18n.T("table.classing.quantiles"), i18n.T("table.classing.equal"), i18n.T("table.classing.fixed")}
}

// Breaks returns the inner class breaks for the values (NaNs ignored,
// infinities in the end classes); Fixed uses fixed, sorted. The result
// is strictly increasing and every class holds at least one value: at
// most k classes, and no more than there are distinct values (a class
// that would be empty is merged into its neighbour). A value equal to a
// break is in the upper class.
func Breaks(values []float64, c Classing, k int, fixed []float64) []float64 {
	var v []float64
	for _, x := range values {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	sort.Float64s(v)
	var cand []float64
	if c == Fixed {
		cand = slices.Compact(slices.Sorted(slices.Values(fixed)))
	} else {
		cand = candidates(v, c, min(k, distinct(v)))
	}
	return prune(v, cand)
}

// distinct counts the distinct finite values of sorted v.
func distinct(v []float64) int {
	n := 0
	for i, x := range v {
		if !math.IsInf(x, 0) && (i == 0 || x != v[i-1]) {
			n++
		}
	}
	return n
}

// candidates are the quantile or equal-interval breaks of sorted v for
// k classes.
func candidates(v []float64, c Classing, k int) []float64 {
	lo := sort.Search(len(v), func(i int) bool { return !math.IsInf(v[i], -1) })
	hi := sort.Search(len(v), func(i int) bool { return math.IsInf(v[i], 1) })
	f := v[lo:hi] // the finite values
	if len(f) == 0 || k < 2 {
		return nil
	}
	out := make([]float64, 0, k-1)
	for i := 1; i < k; i++ {
		if c == EqualInterval {
			out = append(out, f[0]+(f[len(f)-1]-f[0])*float64(i)/float64(k))
		} else if b, ok := nextAbove(f, min(len(f)-1, int(float64(len(f))*float64(i)/float64(k))), out); ok {
			out = append(out, b)
		}
	}
	return out
}

// nextAbove is f[i], or the first value after it above the smallest value
// and the breaks so far: ties at a quantile would otherwise leave a class
// empty.
func nextAbove(f []float64, i int, prev []float64) (float64, bool) {
	floor := f[0]
	if len(prev) > 0 {
		floor = prev[len(prev)-1]
	}
	for ; i < len(f); i++ {
		if f[i] > floor {
			return f[i], true
		}
	}
	return 0, false
}

// prune keeps the breaks, in order, that leave a value below them (above
// the last kept) and a value at or above them: no empty class.
func prune(v, breaks []float64) []float64 {
	var out []float64
	from := 0 // first value of the class being built
	for _, b := range breaks {
		if len(out) > 0 && b <= out[len(out)-1] {
			continue
		}
		at := from
		for at < len(v) && Class(v[at], []float64{b}) == 0 {
			at++
		}
		if at > from && at < len(v) {
			out = append(out, b)
			from = at
		}
	}
	return out
}

// ClassLabels names each class by the range of the values in it ("3 – 8"),
// so no value appears under two labels; a class of one value shows it
// alone. Figures are written as Figure writes them.
func ClassLabels(values, breaks []float64) []string {
	return classLabels(values, breaks, Figure)
}

// ClassLabels is ClassLabels with the measure's figures (Format): whole
// seats for the gap, per cent for the share covered.
func (m Measure) ClassLabels(values, breaks []float64) []string {
	return classLabels(values, breaks, m.Format)
}

// Format writes a value of the measure as a planner would: the gap in
// whole seats, seats per 1,000 with one decimal, the share covered in
// whole per cent ("88%"), the 2SFCA index as Figure does. Never an
// exponent.
func (m Measure) Format(x float64) string {
	switch m {
	case MeasureGap:
		return fixed(x, 0)
	case MeasurePer1000:
		return fixed(x, 1)
	case MeasureCovered:
		return fixed(x*100, 0) + "%"
	}
	return Figure(x)
}

// Figure writes x without exponent: whole from 100 up (42000), one
// decimal from 10, two from 1, else up to four decimals (0.0001, 1.25);
// trailing zeros dropped.
func Figure(x float64) string {
	switch a := math.Abs(x); {
	case a >= 100:
		return fixed(x, 0)
	case a >= 10:
		return fixed(x, 1)
	case a >= 1:
		return fixed(x, 2)
	}
	return fixed(x, 4)
}

// fixed writes x with at most prec decimals, trailing zeros and a
// negative zero dropped.
func fixed(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func classLabels(values, breaks []float64, f func(float64) string) []string {
	lo := make([]float64, len(breaks)+1)
	hi := make([]float64, len(breaks)+1)
	seen := make([]bool, len(breaks)+1)
	for _, x := range values {
		k := Class(x, breaks)
		if k < 0 {
			continue
		}
		if !seen[k] || x < lo[k] {
			lo[k] = x
		}
		if !seen[k] || x > hi[k] {
			hi[k] = x
		}
		seen[k] = true
	}
	out := make([]string, len(lo))
	for k := range out {
		switch {
		case !seen[k]:
			out[k] = "–"
		case lo[k] == hi[k]:
			out[k] = f(lo[k])
		default:
			out[k] = f(lo[k]) + " – " + f(hi[k])
		}
	}
	return out
}

// Class returns the class index of x (0..len(breaks)); -1 for NaN.
func Class(x float64, breaks []float64) int {
	if math.IsNaN(x) {
		return -1
	}
	// The number of breaks at or below x: x equal to a break (to rounding)
	// falls in the upper class.
	return sort.Search(len(breaks), func(i int) bool { return breaks[i] > x+1e-12*math.Abs(x) })
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
