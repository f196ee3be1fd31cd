package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// detailsPanel shows the selected site with its actions, or the
// subdistrict picked on the map or in the table.
type detailsPanel struct {
	sh      *shell
	view    *Details
	actions func(s data.Site) []fyne.CanvasObject // the buttons for a site
}

func newDetailsPanel(sh *shell, actions func(data.Site) []fyne.CanvasObject) *detailsPanel {
	return &detailsPanel{sh: sh, view: NewDetails(), actions: actions}
}

func (p *detailsPanel) follow() { p.sh.st.listen(sceneChanged, p.refresh) }

func (p *detailsPanel) refresh() {
	st := p.sh.st
	s := st.site(st.scene.Selected)
	if s == nil && st.zoneShown[1] != "" {
		p.view.ShowRows(zoneDetails(st, st.zoneShown[0], st.zoneShown[1]))
		p.view.SetActions()
		return
	}
	p.view.ShowSite(s, st.scene.Norms, st.scene.Year)
	p.view.addRows(networkRows(st, s))
	if s == nil {
		p.view.SetActions()
		return
	}
	p.view.SetActions(p.actions(*s)...)
}

// Details is the panel showing the selected site.
type Details struct {
	widget.BaseWidget
	scroll   *container.Scroll
	shown    string // the site or subdistrict shown, to scroll up on a new one
	title    *widget.Label
	actions  *fyne.Container
	timeline *fyne.Container
	notes    *fyne.Container // the timeline's key and the status rule
	form     *fyne.Container
	box      *fyne.Container
}

// NewDetails returns an empty panel.
func NewDetails() *Details {
	// Each label above its value: a value column beside the labels would
	// wrap one character per line in a narrow panel.
	d := &Details{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form: container.NewVBox()}
	d.title.Wrapping = fyne.TextWrapWord
	d.timeline = container.NewVBox()
	d.notes = container.NewVBox()
	d.actions = container.NewVBox()
	// The buttons and the timeline scroll sideways when the column is
	// narrow, instead of widening it (and shrinking the map); the text
	// wraps to the column.
	d.box = container.NewVBox(d.title, container.NewHScroll(d.actions), container.NewHScroll(d.timeline), d.notes, d.form)
	d.scroll = container.NewVScroll(d.box)
	d.ExtendBaseWidget(d)
	d.ShowSite(nil, data.Norms{}, 0)
	return d
}

// CreateRenderer implements fyne.Widget.
func (d *Details) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.scroll)
}

// ShowSite fills the panel with a site, or a hint when s is nil; year is
// the year the map shows.
func (d *Details) ShowSite(s *data.Site, n data.Norms, year int) {
	d.form.RemoveAll()
	d.timeline.RemoveAll()
	d.notes.RemoveAll()
	if s == nil {
		d.scrollUpFor("")
		d.title.SetText(i18n.T("ui.details.click_a_marker_or_a"))
		return
	}
	d.scrollUpFor(s.ID)
	d.title.SetText(fmt.Sprintf("%d. %s", s.No, s.ShortName))
	d.timeline.Add(timeline(s, year))
	d.notes.Add(timelineNotes())
	d.addRows(append([][2]string{{i18n.T("behave.details.status", year), data.StatusText(s, year)}}, detailRows(s, n)...))
}

func (d *Details) addRows(rows [][2]string) {
	for _, r := range rows {
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(r[1])
		v.Wrapping = fyne.TextWrapWord
		d.form.Add(k)
		d.form.Add(v)
	}
	d.form.Refresh()
}

// ShowRows fills the panel with a title and label/value rows (a
// subdistrict's figures).
func (d *Details) ShowRows(title string, rows [][2]string) {
	d.form.RemoveAll()
	d.timeline.RemoveAll()
	d.notes.RemoveAll()
	d.scrollUpFor("zone " + title)
	d.title.SetText(title)
	d.addRows(rows)
}

// scrollUpFor scrolls to the top when the panel shows something new (a
// refresh of the same site keeps the place).
func (d *Details) scrollUpFor(what string) {
	if what != d.shown {
		d.shown = what
		d.scroll.ScrollToTop()
	}
}

// SetActions sets the buttons under the title.
func (d *Details) SetActions(objs ...fyne.CanvasObject) {
	d.actions.Objects = objs
	d.actions.Refresh()
}

// Text returns everything the panel shows, for tests and copying.
func (d *Details) Text() string {
	var b strings.Builder
	b.WriteString(d.title.Text)
	for _, o := range d.form.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString("\n" + l.Text)
		}
	}
	return b.String()
}

// timeline is a Gantt-like bar of the site's status from 2021 to 2030:
// the plan's row, and the actual row when progress is recorded; the map's
// year is outlined, overdue years are red.
func timeline(s *data.Site, year int) fyne.CanvasObject {
	rows := container.NewVBox()
	head := func(text string) fyne.CanvasObject {
		t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
		t.TextSize = 11
		return container.New(layout.NewGridWrapLayout(fyne.NewSize(64, 16)), t)
	}
	row := func(label string, status func(y int) (data.Status, bool)) {
		cells := container.NewGridWithColumns(LastYear - FirstYear + 1)
		for y := FirstYear; y <= LastYear; y++ {
			st, late := status(y)
			cell := canvas.NewRectangle(statusColour(st))
			cell.SetMinSize(fyne.NewSize(12, 14))
			if late {
				cell.StrokeColor, cell.StrokeWidth = color.NRGBA{200, 30, 30, 255}, 2
			}
			if y == year {
				cell.StrokeColor, cell.StrokeWidth = color.NRGBA{255, 235, 59, 255}, 3
			}
			cells.Add(cell)
		}
		rows.Add(container.NewBorder(nil, nil, head(label), nil, cells))
	}
	row(data.PlannedStatusLabel(), func(y int) (data.Status, bool) {
		return data.PlannedStatusAt(s.StartYear, s.EndYear, y), false
	})
	if s.ActualYear > 0 || s.ActualStatus != data.StatusUnknown {
		row(data.ActualStatusLabel(), func(y int) (data.Status, bool) { return data.StatusAt(s, y) })
	}
	years := container.NewGridWithColumns(LastYear - FirstYear + 1)
	for y := FirstYear; y <= LastYear; y++ {
		t := canvas.NewText(fmt.Sprintf("'%02d", y%100), theme.Color(theme.ColorNameForeground))
		t.TextSize = 10
		t.Alignment = fyne.TextAlignCenter
		years.Add(t)
	}
	rows.Add(container.NewBorder(nil, nil, head(""), nil, years))
	return rows
}

// timelineNotes are the timeline's colour key and the rule behind the
// planned statuses, wrapped to the panel.
func timelineNotes() fyne.CanvasObject {
	key := widget.NewLabel(i18n.T("ui.details.grey_planned_orange_building_green"))
	rule := widget.NewLabel(data.StatusRule())
	for _, l := range []*widget.Label{key, rule} {
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
	}
	return container.NewVBox(key, rule)
}

func statusColour(st data.Status) color.Color {
	switch st {
	case data.UnderConstruction:
		return color.NRGBA{230, 159, 0, 255}
	case data.InService:
		return color.NRGBA{0, 158, 115, 255}
	}
	return color.NRGBA{200, 200, 200, 255}
}
