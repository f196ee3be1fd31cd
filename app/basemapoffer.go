package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// newMapOffer makes the "打开离线底图…" button shown over the map, under
// the renderer's offline notice, while no basemap can be shown; it opens
// the same file dialog as the Layers tab's button.
func (p *basemapPanel) newMapOffer() {
	p.offer = widget.NewButtonWithIcon(i18n.T("basemap.open_offline"), theme.FolderOpenIcon(), p.openFile)
	p.offer.Importance = widget.HighImportance
	p.offer.Hide()
}

// overMap lays the offer over the map, centred below the notice. Only the
// button takes taps; the rest of the map stays the map's.
func (p *basemapPanel) overMap(m fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(nil)
	gap.SetMinSize(fyne.NewSize(1, 36))
	row := container.NewHBox(layout.NewSpacer(), p.offer, layout.NewSpacer())
	return container.NewStack(m, container.NewVBox(gap, row))
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
