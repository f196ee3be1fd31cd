package app

// mapShare is the least share of the window's width the map keeps when
// the Subdistricts tab widens the left column.
const mapShare = 0.45

// zoneTabShare is the share of the left column's height the Subdistricts
// tab takes above the legend while it is shown (its table needs rows).
const zoneTabShare = 0.85

// fitLeftToTab widens the left column while the Subdistricts tab is shown
// so its table's columns show whole, as far as the map keeps mapShare of
// the window; another tab gives the column its width back.
func (u *UI) fitLeftToTab() {
	p := &u.panels
	if p.tabs == nil || p.outer == nil {
		return
	}
	total := p.outer.Size().Width
	if p.tabs.SelectedIndex() != 2 || total <= 0 || !p.left.Visible() {
		if p.narrow > 0 {
			p.outer.SetOffset(p.narrow)
			p.narrow = 0
		}
		if p.legendAt > 0 {
			p.legend.SetOffset(p.legendAt)
			p.legendAt = 0
		}
		return
	}
	if p.legendAt == 0 && p.legend.Offset < zoneTabShare {
		p.legendAt = p.legend.Offset
		p.legend.SetOffset(zoneTabShare)
	}
	left := p.left.Size().Width
	extra := left - p.tabs.Selected().Content.Size().Width // the tabs' padding
	right := float32(0)
	if p.right.Visible() {
		right = p.right.Size().Width
	}
	want := min(u.zones.neededWidth()+extra, total*(1-mapShare)-right-8)
	if want <= left+0.5 {
		return
	}
	if p.narrow == 0 {
		p.narrow = p.outer.Offset
	}
	p.outer.SetOffset(float64(want / total))
}
