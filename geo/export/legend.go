package export

import (
	"math"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// legendMetrics are the legend's type size, row height and symbol size.
func legendMetrics(k float64) (pt, row, sw float64) { return 7 * k, 4.6 * k, 3.8 * k }

// symbolSize is the size of an item's symbol. Seat-size circles are drawn
// at the map's own marker scale (their true diameter), so their areas
// compare with the markers'.
func symbolSize(it render.LegendItem, sw float64) float64 {
	if it.Kind == render.LegendSize {
		return 2*render.SeatRadius(it.Seats)*25.4/96 + 0.4
	}
	return sw
}

// legendLayout is the legend set in one or more columns: a tall single
// column fits beside the map, a wide short one below it or in a corner.
type legendLayout struct {
	cols [][]render.LegendItem
	colW []float64
	w, h float64 // panel size, millimetres
}

// layoutLegend sets items in n columns of balanced height, breaking
// before a section heading where it can and never right after one.
func layoutLegend(p Page, k float64, items []render.LegendItem, n int) *legendLayout {
	if len(items) == 0 {
		return nil
	}
	pt, row, sw := legendMetrics(k)
	hs := make([]float64, len(items))
	ws := make([]float64, len(items))
	for i, it := range items {
		hs[i] = math.Max(row, symbolSize(it, sw)+0.8*k)
		ws[i] = p.TextWidth(it.Label, pt) + math.Max(symbolSize(it, sw), sw) + 2*k
	}
	breaks := bestBreaks(items, hs, min(n, len(items)), row)
	l := &legendLayout{}
	tallest := 0.0
	for c := 0; c+1 < len(breaks); c++ {
		a, b := breaks[c], breaks[c+1]
		w, h := 0.0, 0.0
		for i := a; i < b; i++ {
			w, h = math.Max(w, ws[i]), h+hs[i]
		}
		l.cols = append(l.cols, items[a:b])
		l.colW = append(l.colW, w+2*k)
		l.w += w + 2*k
		tallest = math.Max(tallest, h)
	}
	l.w += 2 * k
	l.h = tallest + 4*k
	return l
}

// bestBreaks returns the column starts (and the end) that make the
// tallest column shortest; a break not before a heading costs half a row.
func bestBreaks(items []render.LegendItem, hs []float64, n int, row float64) []int {
	best, bestCost := []int{0, len(items)}, math.Inf(1)
	var try func(cuts []int)
	try = func(cuts []int) {
		if len(cuts) == n {
			b := append(append([]int{}, cuts...), len(items))
			if c := breakCost(items, hs, b, row); c < bestCost {
				best, bestCost = b, c
			}
			return
		}
		for i := cuts[len(cuts)-1] + 1; i < len(items); i++ {
			try(append(cuts, i))
		}
	}
	try([]int{0})
	return best
}

func breakCost(items []render.LegendItem, hs []float64, b []int, row float64) float64 {
	tallest := 0.0
	for c := 0; c+1 < len(b); c++ {
		h := 0.0
		for i := b[c]; i < b[c+1]; i++ {
			h += hs[i]
		}
		tallest = math.Max(tallest, h)
		if c > 0 {
			if items[b[c]-1].Kind == render.LegendHeading {
				return math.Inf(1) // a heading alone at a column's foot
			}
			if items[b[c]].Kind != render.LegendHeading {
				tallest += row / 2
			}
		}
	}
	return tallest
}

// draw writes the legend panel into b.
func (l *legendLayout) draw(p Page, b box, k float64) {
	pt, row, sw := legendMetrics(k)
	p.Rect(b.x, b.y, b.w, b.h, panel, frameCol, 0.2*k)
	x := b.x
	for c, col := range l.cols {
		y := b.y + 2*k
		for _, it := range col {
			d := symbolSize(it, sw)
			h := math.Max(row, d+0.8*k)
			if it.Kind == render.LegendHeading {
				p.Text(x+2*k, y+0.6*k, pt, it.Label, Left, ink)
			} else {
				p.Symbol(x+2*k+(math.Max(d, sw)-d)/2, y+(h-d)/2-0.4*k, d, it)
				p.Text(x+2*k+math.Max(d, sw)+1.5*k, y+(h-row)/2+0.6*k, pt, it.Label, Left, grey)
			}
			y += h
		}
		x += l.colW[c]
	}
}
