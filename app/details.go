package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
)

const notStated = "未注明 (not stated)"

// detailRows returns the label/value pairs shown for a site: every annex
// column verbatim, then what was derived, then the location evidence.
func detailRows(s *data.Site, n data.Norms) [][2]string {
	loc := "未定位 unlocated: no public evidence of the plot's position; place it in edit mode when known"
	if s.Located {
		loc = fmt.Sprintf("%.5f, %.5f (WGS-84)", s.Location[0], s.Location[1])
	}
	precision := "—"
	if s.Located {
		precision = fmt.Sprintf("± %.0f m", s.PrecisionM)
		if s.Approximate() {
			precision += "  · approximate / 位置待核实"
		}
	}
	return [][2]string{
		{"序号 No.", strconv.Itoa(s.No)},
		{"项目名称 Name", s.Name},
		{"建设内容及规模 Content", orDash(s.Content)},
		{"用地面积 Land area", area(s.LandArea)},
		{"建筑面积 Floor area", area(s.FloorArea)},
		{"办学规模 Classes", classes(s.Classes)},
		{"建设起止年限 Years", years(s)},
		{"政府投资 Gov-funded", yesNo(s.GovFunded)},
		{"备注 Remark", orDash(s.Remark)},
		{"实际进度 Actual", actualText(s)},
		{"学段 Level (derived)", s.Level.Label() + " · " + s.Level.LabelEN()},
		{"学位 Seats (derived)", seatsText(s, n)},
		{"位置 Location", loc},
		{"可信度 Confidence", s.Confidence.Label() + " (" + s.Confidence.String() + ")"},
		{"精度 Precision", precision},
		{"依据 Basis", orDash(s.Basis)},
		{"来源 Source", orDash(s.Source)},
		{"街道 Subdistrict", s.SubdistrictText()},
	}
}

func actualText(s *data.Site) string {
	t := "未记录 not recorded"
	switch {
	case s.ActualYear > 0:
		t = fmt.Sprintf("%d年建成 in service from %d", s.ActualYear, s.ActualYear)
	case s.ActualStatus != data.StatusUnknown:
		t = s.ActualStatus.Label() + " " + s.ActualStatus.String()
	}
	if s.ProgressNote != "" {
		t += " — " + s.ProgressNote
	}
	return t
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func area(m2 float64) string {
	if m2 <= 0 {
		return notStated
	}
	return fmt.Sprintf("%.0f m²", m2)
}

func classes(n int) string {
	if n <= 0 {
		return notStated
	}
	return fmt.Sprintf("%d 班", n)
}

func years(s *data.Site) string {
	if s.StartYear == 0 {
		return notStated
	}
	return fmt.Sprintf("%d–%d", s.StartYear, s.EndYear)
}

func yesNo(b bool) string {
	if b {
		return "是 yes"
	}
	return "否 no"
}

// seatsText explains a seat figure with the norm behind it.
func seatsText(s *data.Site, n data.Norms) string {
	seats := n.SeatsOf(s)
	switch {
	case !s.Level.IsSchool():
		return "— (not a school)"
	case seats.Total() == 0:
		return "无法推算: classes not stated"
	case s.Level == data.NineYear:
		return fmt.Sprintf("%d = 小学 %d + 初中 %d (classes split 6:3, %g/%g per class)", seats.Total(),
			seats[data.Primary], seats[data.Junior], n.PerClass[data.Primary].Value, n.PerClass[data.Junior].Value)
	case s.Classes > 0:
		per := n.PerClass[s.Level]
		return fmt.Sprintf("%d = %d 班 × %g (%s)", seats.Total(), s.Classes, per.Value, per.Source)
	}
	return fmt.Sprintf("%d (planned enrolment stated in the annex)", seats.Total())
}

// Details is the panel showing the selected site.
type Details struct {
	widget.BaseWidget
	title    *widget.Label
	actions  *fyne.Container
	timeline *fyne.Container
	form     *fyne.Container
	box      *fyne.Container
}

// NewDetails returns an empty panel.
func NewDetails() *Details {
	d := &Details{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form: container.New(layout.NewFormLayout())}
	d.title.Wrapping = fyne.TextWrapWord
	d.timeline = container.NewVBox()
	d.actions = container.NewVBox()
	d.box = container.NewVBox(d.title, d.actions, d.timeline, d.form)
	d.ExtendBaseWidget(d)
	d.ShowSite(nil, data.Norms{}, 0)
	return d
}

// CreateRenderer implements fyne.Widget.
func (d *Details) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVScroll(d.box))
}

// ShowSite fills the panel with a site, or a hint when s is nil; year is
// the year the map shows.
func (d *Details) ShowSite(s *data.Site, n data.Norms, year int) {
	d.form.RemoveAll()
	d.timeline.RemoveAll()
	if s == nil {
		d.title.SetText("点击地图上的标记或列表中的项目查看详情\nClick a marker or a list entry for details.")
		return
	}
	d.title.SetText(fmt.Sprintf("%d. %s", s.No, s.ShortName))
	d.timeline.Add(timeline(s, year))
	d.addRows(detailRows(s, n))
}

func (d *Details) addRows(rows [][2]string) {
	for _, r := range rows {
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
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
	d.title.SetText(title)
	d.addRows(rows)
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
	row("规划 plan", func(y int) (data.Status, bool) {
		return data.PlannedStatusAt(s.StartYear, s.EndYear, y), false
	})
	if s.ActualYear > 0 || s.ActualStatus != data.StatusUnknown {
		row("实际 actual", func(y int) (data.Status, bool) { return data.StatusAt(s, y) })
	}
	years := container.NewGridWithColumns(LastYear - FirstYear + 1)
	for y := FirstYear; y <= LastYear; y++ {
		t := canvas.NewText(fmt.Sprintf("'%02d", y%100), theme.Color(theme.ColorNameForeground))
		t.TextSize = 10
		t.Alignment = fyne.TextAlignCenter
		years.Add(t)
	}
	rows.Add(container.NewBorder(nil, nil, head(""), nil, years))
	key := widget.NewLabel("灰 planned 规划 · 橙 building 在建 · 绿 in service 建成 · 红框 overdue 逾期")
	key.Importance = widget.LowImportance
	key.Wrapping = fyne.TextWrapWord
	rows.Add(key)
	return rows
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
