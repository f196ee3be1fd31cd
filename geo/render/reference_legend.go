package render

import "github.com/liwan-edu/schoolmap/data/i18n"

// refLegend lists the visible reference layers by name, top first, as
// the map legend's last section (they are the bottom of the overlay).
func refLegend(sc *Scene) []LegendItem {
	var out []LegendItem
	for i := len(sc.References) - 1; i >= 0; i-- {
		ref := sc.References[i]
		if ref == nil || ref.Layer == nil || !ref.Layer.Visible {
			continue
		}
		if len(out) == 0 {
			out = append(out, LegendItem{Kind: LegendHeading, Label: i18n.T("basemap.ref_heading")})
		}
		stroke, fill, _ := refColours(ref.Layer.Style)
		out = append(out, LegendItem{Kind: LegendReference, Label: ref.Layer.Name, Stroke: stroke, Fill: fill, RefKind: ref.kind()})
	}
	return out
}

// kind is the layer's main geometry kind: of its first feature.
func (r *Reference) kind() byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prepare(r.gcj02)
	if len(r.feats) == 0 {
		return 'P'
	}
	return r.feats[0].kind
}

// refSwatch draws a reference layer's symbol: a filled box, a line or a
// dot.
func refSwatch(p Painter, it LegendItem, mid, sym float64) {
	switch it.RefKind {
	case 'L':
		p.Stroke(it.Stroke, 2*sym, false, [][2]float64{{mid * 0.3, mid * 1.5}, {mid, mid * 0.7}, {mid * 1.7, mid * 1.2}})
	case '.':
		p.Fill(it.Stroke, shapePath(ShapeCircle, mid, mid, mid*0.3))
	default:
		box := shapePath(ShapeSquare, mid, mid, mid*0.7)
		p.Fill(it.Fill, box)
		p.Stroke(it.Stroke, sym, true, box)
	}
}
