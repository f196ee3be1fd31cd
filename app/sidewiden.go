package app

// mapShare is the least share of the window's width the map keeps when
// the Subdistricts tab widens the left column.
const mapShare = 0.45

// zoneTabShare is the share of the left column's height the Subdistricts
// tab takes above the legend while it is shown (its table needs rows).
const zoneTabShare = 0.85

// layersTabShare is the share of the left column's height the Layers tab
// takes above the legend while it is shown: at 1280×800 every layer
// switch shows without scrolling, and the legend keeps a few rows.
const layersTabShare = 0.8

// tabShare is the share of the left column's height tab i takes above the
// legend while it is shown; 0 leaves the divider where it was dragged.
func tabShare(i int) float64 {
	switch i {
	case 1:
		return layersTabShare
	case 2:
		return zoneTabShare
	}
	return 0
}

// fitLeftToTab widens the left column while the Subdistricts tab is shown
// so its table's columns show whole, as far as the map keeps mapShare of
// the window, and lowers the legend's divider while the Layers or the
// Subdistricts tab is shown; another tab gives the column its width and
// the legend its height back.
func (u *UI) fitLeftToTab() {
	p := &u.panels
	if p.tabs == nil || p.outer == nil {
		return
	}
	total := p.outer.Size().Width
	shown := total > 0 && p.left.Visible()
	u.fitLegendToTab(shown)
	if p.tabs.SelectedIndex() != 2 || !shown {
		if p.narrow > 0 {
			p.outer.SetOffset(p.narrow)
			p.narrow = 0
		}
		return
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

// fitLegendToTab lowers the legend's divider to the selected tab's share
// (tabShare) while the column is shown, keeping where it was; a tab
// without a share, or a hidden column, puts it back there. A divider
// already lower than the share stays.
func (u *UI) fitLegendToTab(shown bool) {
	p := &u.panels
	share := tabShare(p.tabs.SelectedIndex())
	if share == 0 || !shown {
		if p.legendAt > 0 {
			p.legend.SetOffset(p.legendAt)
			p.legendAt = 0
		}
		return
	}
	if p.legend.Offset >= share {
		return
	}
	if p.legendAt == 0 {
		p.legendAt = p.legend.Offset
	}
	p.legend.SetOffset(share)
}
