package app

import (
	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// dragState is a drag in progress: a pan, or (in edit mode, starting on
// a marker) a move of that site, previewed until dropped.
type dragState struct {
	started  bool
	site     string
	to       orb.Point
	from, at fyne.Position // where the drag started and is now
	base     *render.Scene // the scene before the preview
}

// dragSlop is how far (in pixels) a marker must be dragged to move: less
// is a shaky click, which selects it and moves nothing.
const dragSlop = 6

// moved reports whether the drag went further than dragSlop.
func (d dragState) moved() bool {
	dx, dy := d.at.X-d.from.X, d.at.Y-d.from.Y
	return dx*dx+dy*dy >= dragSlop*dragSlop
}
