package app

import (
	"image"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// MapView is the interactive map: drag pans, the wheel zooms at the
// cursor, a tap selects the marker under it. Frames are drawn by the
// project's renderer on a background goroutine and handed to the UI with
// fyne.Do, so the UI goroutine never waits on tiles or rasterisation.
type MapView struct {
	widget.BaseWidget
	MapEvents
	// EditMode lets markers be dragged (otherwise a drag pans).
	EditMode bool

	draw  *drawer
	zooms [2]int // the source's min and max zoom

	mu    sync.Mutex
	view  render.View
	scene *render.Scene // what the next frame draws
	shown frame         // what is on screen, for hit testing
	hover string
	fit   *orb.Bound // held fit, cleared by any user move
	drag  dragState
}

// MapEvents are the map's callbacks, all on the UI goroutine.
type MapEvents struct {
	// OnTap is called with the site under the pointer ("" for none) and
	// the map point tapped.
	OnTap func(id string, at orb.Point)
	// OnMoveSite is called when a marker dragged in edit mode is dropped.
	OnMoveSite func(id string, to orb.Point)
	// OnHover is called with the map point under the pointer.
	OnHover func(at orb.Point)
	// OnViewChanged is called after each new frame.
	OnViewChanged func(v render.View)
}

// frame is a drawn frame's scene with the marker placements it was drawn
// with; they are swapped together, so hit testing matches the screen.
type frame struct {
	scene   *render.Scene
	placed  []render.Placed
	origin  [2]float64
	missing int // basemap tiles the frame lacked
}

// drawer draws frames into two buffers and shows the finished one.
type drawer struct {
	renderer *render.Renderer
	offline  func() bool
	want     func(render.View) // tells the tile store what is visible
	wake     chan struct{}
	once     sync.Once
	sync     bool // draw on the caller's goroutine (tests, headless)
	bufs     [2]*image.RGBA
	front    int
	img      *canvas.Image
}

var (
	_ fyne.Draggable     = (*MapView)(nil)
	_ fyne.Scrollable    = (*MapView)(nil)
	_ fyne.Tappable      = (*MapView)(nil)
	_ desktop.Hoverable  = (*MapView)(nil)
	_ desktop.Cursorable = (*MapView)(nil)
)

// NewMapView returns the map; its render goroutine starts with the first
// frame requested and lives as long as the app.
func NewMapView(r *render.Renderer, sc *render.Scene, v render.View, minZoom, maxZoom int) *MapView {
	d := &drawer{renderer: r, wake: make(chan struct{}, 1), offline: func() bool { return false }, want: func(render.View) {},
		img: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))}
	d.img.FillMode = canvas.ImageFillStretch
	d.img.ScaleMode = canvas.ImageScalePixels
	m := &MapView{draw: d, scene: sc, shown: frame{scene: sc}, view: v, zooms: [2]int{minZoom, maxZoom}}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer implements fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.draw.img)
}

// Resize keeps the frame at the widget's pixel size.
func (m *MapView) Resize(s fyne.Size) {
	m.BaseWidget.Resize(s)
	scale := m.scale()
	m.mu.Lock()
	m.view.Width, m.view.Height = int(math.Ceil(float64(s.Width*scale))), int(math.Ceil(float64(s.Height*scale)))
	fit := m.fit
	m.mu.Unlock()
	if fit != nil {
		m.FitTo(*fit)
	}
	m.Redraw()
}

// FitTo shows bound b as large as it fits. The fit holds through window
// resizes until the user moves the map.
func (m *MapView) FitTo(b orb.Bound) {
	m.mu.Lock()
	m.fit = &b
	w, h, gcj := max(m.view.Width, 64), max(m.view.Height, 64), m.view.GCJ02
	m.view = render.Fit(b, w, h, 40, m.zooms[0], min(17, m.zooms[1]))
	m.view.Width, m.view.Height, m.view.GCJ02 = w, h, gcj
	m.mu.Unlock()
	m.Redraw()
}

func (m *MapView) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		return c.Scale()
	}
	return 1
}

// View returns the current view.
func (m *MapView) View() render.View {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.view
}

// SetView replaces the view (keeping the widget's pixel size) and redraws.
func (m *MapView) SetView(v render.View) {
	m.mu.Lock()
	m.fit = nil
	v.Width, v.Height, v.GCJ02 = m.view.Width, m.view.Height, m.view.GCJ02
	v.Zoom = min(max(v.Zoom, m.zooms[0]), m.zooms[1])
	m.view = v
	m.mu.Unlock()
	m.Redraw()
}

// CenterOn moves the map to p, zooming in to at least zoom.
func (m *MapView) CenterOn(p orb.Point, zoom int) {
	v := m.View()
	v.Center = p
	v.Zoom = max(v.Zoom, zoom)
	m.SetView(v)
}

// Zoom changes the zoom by delta levels about the centre.
func (m *MapView) Zoom(delta int) {
	v := m.View()
	m.SetView(v.ZoomAt(delta, float64(v.Width)/2, float64(v.Height)/2, m.zooms[0], m.zooms[1]))
}

// Pan moves the map by dx, dy device pixels.
func (m *MapView) Pan(dx, dy float64) {
	m.SetView(m.View().Pan(dx, dy))
}

// SetScene shows a new scene. Scenes are never changed once handed over:
// the render goroutine may be drawing the old one.
func (m *MapView) SetScene(sc *render.Scene) {
	m.mu.Lock()
	m.scene = sc
	m.mu.Unlock()
	m.Redraw()
}

// Redraw asks the render goroutine for a new frame; requests made while
// one is being drawn coalesce into one.
func (m *MapView) Redraw() {
	if m.draw.sync {
		m.RenderNow()
		return
	}
	m.draw.once.Do(func() { go m.loop() })
	select {
	case m.draw.wake <- struct{}{}:
	default:
	}
}

func (m *MapView) loop() {
	for range m.draw.wake {
		m.RenderNow()
	}
}

// RenderNow draws a frame on the calling goroutine and shows it. The
// render goroutine calls it; tests call it to get a frame synchronously.
func (m *MapView) RenderNow() {
	d := m.draw
	m.mu.Lock()
	v, sc := m.view, m.scene
	back := 1 - d.front
	buf := d.bufs[back]
	m.mu.Unlock()
	if v.Width <= 0 || v.Height <= 0 {
		return
	}
	if buf == nil || buf.Bounds().Dx() != v.Width || buf.Bounds().Dy() != v.Height {
		buf = image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	}
	d.want(v)
	f := d.renderer.Render(buf, v, sc, d.offline())
	fyne.DoAndWait(func() { m.show(buf, back, frame{scene: sc, placed: f.Placed, origin: f.Origin, missing: f.Missing}, v) })
}

// show puts a drawn buffer on screen with the frame it holds.
func (m *MapView) show(buf *image.RGBA, back int, f frame, v render.View) {
	d := m.draw
	m.mu.Lock()
	d.bufs[back], d.front = buf, back
	m.shown = f
	m.mu.Unlock()
	d.img.Image = buf
	d.img.Refresh()
	if m.OnViewChanged != nil {
		m.OnViewChanged(v)
	}
}

// Missing is the number of basemap tiles the frame on screen lacked.
func (m *MapView) Missing() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.shown.missing
}

// Image is the frame on screen.
func (m *MapView) Image() image.Image { return m.draw.img.Image }

// SiteAt returns the ID of the marker at a widget position on the frame
// shown, or "".
func (m *MapView) SiteAt(pos fyne.Position) string {
	scale := float64(m.scale())
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.shown
	x, y := f.origin[0]+float64(pos.X)*scale, f.origin[1]+float64(pos.Y)*scale
	if i := render.Hit(f.placed, x, y, 3*scale); i >= 0 {
		return f.scene.Sites[i].ID
	}
	return ""
}

// ScreenPos returns the widget position of a site's marker on the frame
// shown.
func (m *MapView) ScreenPos(id string) (fyne.Position, bool) {
	scale := float32(m.scale())
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.shown
	for _, p := range f.placed {
		if f.scene.Sites[p.Index].ID == id {
			return fyne.NewPos(float32(p.Pos[0]-f.origin[0])/scale, float32(p.Pos[1]-f.origin[1])/scale), true
		}
	}
	return fyne.Position{}, false
}

// PointAt returns the map point under a widget position.
func (m *MapView) PointAt(pos fyne.Position) orb.Point {
	s := float64(m.scale())
	return m.View().FromScreen(float64(pos.X)*s, float64(pos.Y)*s)
}

// Tapped reports the marker (or the empty map) under the pointer.
func (m *MapView) Tapped(ev *fyne.PointEvent) {
	if m.OnTap != nil {
		m.OnTap(m.SiteAt(ev.Position), m.PointAt(ev.Position))
	}
}

// Dragged pans the map, or in edit mode moves the marker it started on.
func (m *MapView) Dragged(ev *fyne.DragEvent) {
	if !m.drag.started {
		m.drag.started = true
		start := ev.Position.Subtract(ev.Dragged)
		m.drag.from = start
		if m.EditMode {
			m.drag.site = m.SiteAt(start)
		}
		m.mu.Lock()
		m.drag.base = m.scene
		m.mu.Unlock()
	}
	if m.drag.site == "" {
		s := float64(m.scale())
		m.Pan(float64(ev.Dragged.DX)*s, float64(ev.Dragged.DY)*s)
		return
	}
	m.drag.to, m.drag.at = m.PointAt(ev.Position), ev.Position
	if !m.drag.moved() {
		return
	}
	m.mu.Lock()
	m.scene = previewMove(m.drag.base, m.drag.site, m.drag.to)
	m.mu.Unlock()
	m.Redraw()
}

// DragEnd drops a moved marker: the move becomes an edit (OnMoveSite),
// which replaces the preview scene.
func (m *MapView) DragEnd() {
	d := m.drag
	m.drag = dragState{}
	if d.site == "" {
		return
	}
	m.mu.Lock()
	m.scene = d.base
	m.mu.Unlock()
	switch {
	case !d.moved() && m.OnTap != nil:
		m.OnTap(d.site, m.PointAt(d.from))
	case d.moved() && m.OnMoveSite != nil:
		m.OnMoveSite(d.site, d.to)
	}
	m.Redraw()
}

// previewMove is sc with one site shown at p (a copy; sc is unchanged).
func previewMove(sc *render.Scene, id string, p orb.Point) *render.Scene {
	next := *sc
	next.Sites = append([]data.Site(nil), sc.Sites...)
	for i := range next.Sites {
		if next.Sites[i].ID == id {
			next.Sites[i].Location, next.Sites[i].Located = p, true
		}
	}
	next.Version++ // a new pointer too, so the renderer never mistakes it for sc
	return &next
}

// Scrolled zooms one level per wheel notch, keeping the point under the
// cursor in place.
func (m *MapView) Scrolled(ev *fyne.ScrollEvent) {
	delta := 0
	switch {
	case ev.Scrolled.DY > 0:
		delta = 1
	case ev.Scrolled.DY < 0:
		delta = -1
	default:
		return
	}
	s := float64(m.scale())
	v := m.View()
	m.SetView(v.ZoomAt(delta, float64(ev.Position.X)*s, float64(ev.Position.Y)*s, m.zooms[0], m.zooms[1]))
}

// MouseIn implements desktop.Hoverable.
func (m *MapView) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved tracks whether the pointer is over a marker.
func (m *MapView) MouseMoved(ev *desktop.MouseEvent) {
	id := m.SiteAt(ev.Position)
	m.mu.Lock()
	m.hover = id
	m.mu.Unlock()
	if m.OnHover != nil {
		m.OnHover(m.PointAt(ev.Position))
	}
}

// Hovered is the id of the marker under the pointer ("" for none).
func (m *MapView) Hovered() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hover
}

// MouseOut implements desktop.Hoverable.
func (m *MapView) MouseOut() {
	m.mu.Lock()
	m.hover = ""
	m.mu.Unlock()
}

// Cursor is a pointing hand over a marker: it can be clicked.
func (m *MapView) Cursor() desktop.Cursor {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.hover != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
