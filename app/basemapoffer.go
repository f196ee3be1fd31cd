package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// newMapOffer makes the "打开离线底图…" button shown at the end of the
// status line, under the map, while no basemap can be shown; it opens the
// same file dialog as the Layers tab's button. Over the map it would hide
// whatever marker or label lies under it, and a bar of its own would take
// the map's height.
func (p *basemapPanel) newMapOffer() {
	p.offer = widget.NewButtonWithIcon(i18n.T("basemap.open_offline"), theme.FolderOpenIcon(), p.openFile)
	p.offer.Importance = widget.HighImportance
	p.offer.Hide()
}

// statusLine is the status text with the offer at its end.
func (p *basemapPanel) statusLine(status fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, p.offer, status)
}

// updateOffer shows the offer when the planner chose no basemap or the
// basemap is offline with tiles missing from the frame on screen.
func (p *basemapPanel) updateOffer(offline bool, missing int) {
	if p.offer == nil {
		return
	}
	if p.current.Kind == tile.KindNone || (offline && missing > 0) {
		p.offer.Show()
	} else {
		p.offer.Hide()
	}
}
