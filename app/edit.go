package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// sitesChanged shows the editor's sites everywhere and keeps the work safe
// (title, autosave).
func (u *UI) sitesChanged() {
	u.update(func(sc *render.Scene) { sc.Sites = u.editor.Sites() })
	u.List.Refilter()
	u.refreshTitle()
	u.scheduleAutosave()
}

// edit runs an editor operation and reports a refused edit in words.
func (u *UI) edit(err error) bool {
	if err != nil {
		dialog.ShowError(editError(err), u.Window)
		return false
	}
	u.sitesChanged()
	return true
}

// editError says which field of an edit was wrong and why.
func editError(err error) error {
	var fe *data.FeatureError
	if errors.As(err, &fe) {
		return fmt.Errorf("未保存此修改 Edit not applied: %s — %v. Correct the value and apply again", fieldLabel(fe.Field), fe.Err)
	}
	return fmt.Errorf("未保存此修改 Edit not applied: %v", err)
}

var fieldLabels = map[string]string{
	"name": "名称 name", "classes": "班数 classes", "start_year": "开工年 start year", "end_year": "竣工年 end year",
	"level": "学段 level", "precision_m": "精度 precision", "basis": "依据 basis", "seats_override": "学位 seats",
	"actual_year": "实际建成年 actual year", "geometry.coordinates": "坐标 coordinates", "id": "编号 id",
}

func fieldLabel(f string) string {
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return f
}

// Undo reverts the last edit (Ctrl+Z).
func (u *UI) Undo() {
	if label, ok := u.editor.Undo(); ok {
		u.sitesChanged()
		u.Status.SetText("已撤销 Undone: " + label)
	}
}

// Redo applies the last undone edit again (Ctrl+Shift+Z, Ctrl+Y).
func (u *UI) Redo() {
	if label, ok := u.editor.Redo(); ok {
		u.sitesChanged()
		u.Status.SetText("已重做 Redone: " + label)
	}
}

// SetEditMode turns edit mode on or off: in it, markers can be dragged.
func (u *UI) SetEditMode(on bool) {
	u.editMode = on
	u.Map.EditMode = on
	if !on {
		u.placing = ""
	}
	if u.editCheck != nil && u.editCheck.Checked != on {
		u.editCheck.SetChecked(on)
	}
	u.refreshPanels()
	u.refreshTitle()
}

// onTap selects a marker, or places the site waiting to be placed.
func (u *UI) onTap(id string, at orb.Point) {
	if u.placing != "" {
		pid := u.placing
		u.placing = ""
		u.moveSite(pid, at, "放置 place")
		u.Select(pid)
		return
	}
	u.zoneShown = ""
	if id == "" {
		if z := u.zoneAt(at); z != nil {
			u.Select("")
			u.zoneShown = z.Name
			u.showZone(z.Code, z.Name)
			return
		}
	}
	u.Select(id)
}

// moveSite puts a site at p: its location is now the planner's, precise
// to about what one can point at on the map at this zoom.
func (u *UI) moveSite(id string, p orb.Point, verb string) {
	v := u.Map.View()
	prec := max(5, 4*v.MetersPerPixel())
	u.edit(u.editor.Update(id, verb+" "+id, func(s *data.Site) {
		s.Location, s.Located = p, true
		s.PrecisionM = float64(int(prec + 0.5))
		s.Confidence = data.ConfidenceSurveyed
		s.Basis = fmt.Sprintf("%s: placed on the map by the planner %s at zoom %d (±%.0f m); earlier evidence: %s",
			verb, time.Now().Format("2006-01-02"), v.Zoom, prec, s.Basis)
	}))
}

// startPlacing waits for a map tap to place the selected site.
func (u *UI) startPlacing(id string) {
	u.SetEditMode(true)
	u.placing = id
	u.Status.SetText("点击地图放置 Click the map where " + id + " is")
}

// deleteSite asks, then deletes.
func (u *UI) deleteSite(id string) {
	s := u.site(id)
	if s == nil {
		return
	}
	dialog.ShowConfirm("删除 Delete", fmt.Sprintf("删除 %s（%s）？可撤销 (Ctrl+Z)。\nDelete %s? It can be undone.", s.ShortName, s.ID, s.Name),
		func(ok bool) {
			if ok && u.edit(u.editor.Delete(id)) {
				u.Select("")
			}
		}, u.Window)
}

// siteForm is the attribute editor of one site.
type siteForm struct {
	name, short, classes, seats, start, end, actualYear, note, notes *widget.Entry
	lon, lat, precision, basis                                       *widget.Entry
	kind, level, actual, subdistrict, coordSys                       *widget.Select
}

var (
	kindOptions   = []string{data.KindPlan.Label(), data.KindCandidate.Label(), data.KindExisting.Label()}
	statusOptions = []string{data.StatusUnknown.Label(), data.Planned.Label(), data.UnderConstruction.Label(), data.InService.Label()}
	coordOptions  = []string{"WGS-84", "GCJ-02 (高德 Amap)"}
)

func levelOptions() []string {
	var out []string
	for _, l := range data.Levels() {
		out = append(out, l.Label())
	}
	return out
}

func subdistrictOptions() []string {
	out := []string{"未知 unknown"}
	for _, s := range data.LiwanSubdistricts() {
		out = append(out, s.Name)
	}
	return out
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func newSiteForm(s *data.Site) *siteForm {
	e := func(v string) *widget.Entry { w := widget.NewEntry(); w.SetText(v); return w }
	f := &siteForm{name: e(s.Name), short: e(s.ShortName), classes: e(itoaOrEmpty(s.Classes)), seats: e(itoaOrEmpty(s.SeatsOverride)),
		start: e(itoaOrEmpty(s.StartYear)), end: e(itoaOrEmpty(s.EndYear)), actualYear: e(itoaOrEmpty(s.ActualYear)),
		note: e(s.ProgressNote), notes: widget.NewMultiLineEntry(), basis: e(s.Basis),
		kind: widget.NewSelect(kindOptions, nil), level: widget.NewSelect(levelOptions(), nil),
		actual: widget.NewSelect(statusOptions, nil), subdistrict: widget.NewSelect(subdistrictOptions(), nil),
		coordSys: widget.NewSelect(coordOptions, nil), lon: e(""), lat: e(""), precision: e("")}
	f.notes.SetText(s.Notes)
	f.seats.SetPlaceHolder("由班数推算 derived from classes")
	f.kind.SetSelected(s.Kind.Label())
	f.level.SetSelected(s.Level.Label())
	f.actual.SetSelected(s.ActualStatus.Label())
	f.subdistrict.SetSelected("未知 unknown")
	if s.Subdistrict != "" {
		f.subdistrict.SetSelected(s.Subdistrict)
	}
	f.coordSys.SetSelected(coordOptions[0])
	if s.Located {
		f.lon.SetText(strconv.FormatFloat(s.Location[0], 'f', 6, 64))
		f.lat.SetText(strconv.FormatFloat(s.Location[1], 'f', 6, 64))
		f.precision.SetText(strconv.FormatFloat(s.PrecisionM, 'f', -1, 64))
	}
	return f
}

func (f *siteForm) widget() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem("类型 Kind", f.kind), widget.NewFormItem("名称 Name", f.name),
		widget.NewFormItem("简称 Short name", f.short), widget.NewFormItem("学段 Level", f.level),
		widget.NewFormItem("班数 Classes", f.classes), widget.NewFormItem("学位 Seats (override)", f.seats),
		widget.NewFormItem("计划开工 Start year", f.start), widget.NewFormItem("计划竣工 End year", f.end),
		widget.NewFormItem("实际状态 Actual status", f.actual), widget.NewFormItem("实际建成年 Actual year", f.actualYear),
		widget.NewFormItem("进度说明 Progress note", f.note), widget.NewFormItem("备注 Notes", f.notes),
		widget.NewFormItem("街道 Subdistrict", f.subdistrict),
		widget.NewFormItem("坐标系 Coordinates in", f.coordSys),
		widget.NewFormItem("经度 Longitude", f.lon), widget.NewFormItem("纬度 Latitude", f.lat),
		widget.NewFormItem("精度 Precision (m)", f.precision), widget.NewFormItem("位置依据 Basis", f.basis),
	)
}

// apply writes the form into a copy of s; the editor validates the result.
func (f *siteForm) apply(s data.Site) (data.Site, error) {
	num := func(e *widget.Entry, label string, dst *int) error {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			*dst = 0
			return nil
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			return fmt.Errorf("%s %q: give a whole number", label, t)
		}
		*dst = n
		return nil
	}
	for _, x := range []struct {
		e     *widget.Entry
		label string
		dst   *int
	}{{f.classes, "班数 classes", &s.Classes}, {f.seats, "学位 seats", &s.SeatsOverride}, {f.start, "开工年 start year", &s.StartYear},
		{f.end, "竣工年 end year", &s.EndYear}, {f.actualYear, "实际建成年 actual year", &s.ActualYear}} {
		if err := num(x.e, x.label, x.dst); err != nil {
			return s, err
		}
	}
	s.Name, s.ShortName = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.short.Text)
	if s.ShortName == "" {
		s.ShortName = s.Name
	}
	s.Kind = data.Kind(max(0, f.kind.SelectedIndex()))
	s.Level = data.Levels()[max(0, f.level.SelectedIndex())]
	s.ActualStatus = data.Status(max(0, f.actual.SelectedIndex()))
	s.ProgressNote, s.Notes = strings.TrimSpace(f.note.Text), f.notes.Text
	if i := f.subdistrict.SelectedIndex(); i > 0 {
		sd := data.LiwanSubdistricts()[i-1]
		if sd.Name != s.Subdistrict {
			s.Subdistrict, s.SubdistrictCode, s.SubdistrictNote = sd.Name, sd.Code, "set by planner"
		}
	} else if i == 0 {
		s.Subdistrict, s.SubdistrictCode = "", ""
	}
	return f.applyLocation(s)
}

func (f *siteForm) applyLocation(s data.Site) (data.Site, error) {
	lonT, latT := strings.TrimSpace(f.lon.Text), strings.TrimSpace(f.lat.Text)
	if lonT == "" && latT == "" {
		s.Located = false
		return s, nil
	}
	lon, err1 := strconv.ParseFloat(lonT, 64)
	lat, err2 := strconv.ParseFloat(latT, 64)
	if err1 != nil || err2 != nil {
		return s, fmt.Errorf("坐标 coordinates %q, %q: give decimal degrees, e.g. 113.2295, 23.1167", lonT, latT)
	}
	p := orb.Point{lon, lat}
	if f.coordSys.SelectedIndex() == 1 {
		p = geo.GCJ02ToWGS84(p)
	}
	prec, err := strconv.ParseFloat(strings.TrimSpace(f.precision.Text), 64)
	if err != nil || prec <= 0 {
		return s, fmt.Errorf("精度 precision %q: give the radius in metres within which the site lies", f.precision.Text)
	}
	moved := !s.Located || p != s.Location || prec != s.PrecisionM
	s.Located, s.Location, s.PrecisionM = true, p, prec
	s.Basis = strings.TrimSpace(f.basis.Text)
	if moved {
		s.Confidence = data.ConfidenceSurveyed
		if !strings.Contains(s.Basis, "coordinates typed") {
			s.Basis = fmt.Sprintf("coordinates typed by the planner %s (%s, ±%g m); %s", time.Now().Format("2006-01-02"),
				f.coordSys.Selected, prec, s.Basis)
		}
	}
	return s, nil
}

// showSiteForm edits a site (or, with isNew, adds one) in a dialog.
func (u *UI) showSiteForm(s data.Site, isNew bool) {
	f := newSiteForm(&s)
	title := "编辑 Edit " + s.ID
	if isNew {
		title = "添加 Add site"
	}
	var dlg dialog.Dialog
	apply := widget.NewButton("应用 Apply", func() {
		next, err := f.apply(s)
		if err != nil {
			dialog.ShowError(err, u.Window)
			return
		}
		var ok bool
		if isNew {
			ok = u.edit(u.editor.Add("添加 add "+next.ShortName, next))
		} else {
			ok = u.edit(u.editor.Update(s.ID, "编辑 edit "+s.ShortName, func(x *data.Site) { *x = next }))
		}
		if !ok {
			return
		}
		dlg.Hide()
		u.Select(next.ID)
		if isNew && !next.Located {
			u.startPlacing(next.ID)
		}
	})
	apply.Importance = widget.HighImportance
	dlg = dialog.NewCustom(title, "取消 Cancel", container.NewBorder(nil, apply, nil, nil, container.NewVScroll(f.widget())), u.Window)
	dlg.Resize(fyne.NewSize(620, 720))
	dlg.Show()
}

// addSite starts a new site: a candidate by default, placed by a map tap
// when no coordinates are typed.
func (u *UI) addSite() {
	u.showSiteForm(data.Site{ID: u.editor.NextID("NEW"), Kind: data.KindCandidate, Level: data.Kindergarten,
		Source: "added by the planner " + time.Now().Format("2006-01-02"), Basis: "placed by the planner"}, true)
}
