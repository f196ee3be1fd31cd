package app

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// editPanel is edit mode: its switch, undo and redo, moving and placing
// markers, and the site form.
type editPanel struct {
	sh      *shell
	check   *widget.Check
	placing string // the site the next map tap places
}

func newEditPanel(sh *shell) *editPanel {
	p := &editPanel{sh: sh}
	p.check = widget.NewCheck("编辑模式 Edit", p.SetEditMode)
	return p
}

func (p *editPanel) follow() {
	p.sh.st.listen(modeChanged, func() {
		p.sh.m.EditMode = p.sh.st.editing
		if p.check.Checked != p.sh.st.editing {
			p.check.SetChecked(p.sh.st.editing)
		}
	})
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

// Undo reverts the last edit.
func (p *editPanel) Undo() {
	if label, ok := p.sh.st.editor.Undo(); ok {
		p.sh.st.sitesChanged()
		p.sh.status.SetText("已撤销 Undone: " + label)
	}
}

// Redo applies the last undone edit again.
func (p *editPanel) Redo() {
	if label, ok := p.sh.st.editor.Redo(); ok {
		p.sh.st.sitesChanged()
		p.sh.status.SetText("已重做 Redone: " + label)
	}
}

// SetEditMode turns edit mode on or off: in it, markers can be dragged.
func (p *editPanel) SetEditMode(on bool) {
	if !on {
		p.placing = ""
	}
	if p.sh.st.editing != on {
		p.sh.st.setEditing(on)
	}
}

func (p *editPanel) toggle() { p.SetEditMode(!p.sh.st.editing) }

// placeAt places the site waiting to be placed at a tapped point; it
// reports false when none waits.
func (p *editPanel) placeAt(at orb.Point) bool {
	if p.placing == "" {
		return false
	}
	id := p.placing
	p.placing = ""
	p.moveSite(id, at, "放置 place")
	p.sh.st.selectSite(id)
	return true
}

// moveSite puts a site at pt: its location is now the planner's, precise
// to about what one can point at on the map at this zoom.
func (p *editPanel) moveSite(id string, pt orb.Point, verb string) {
	v := p.sh.m.View()
	prec := max(5, 4*v.MetersPerPixel())
	p.sh.edit(p.sh.st.editor.Update(id, verb+" "+id, func(s *data.Site) {
		s.Location, s.Located = pt, true
		s.PrecisionM = float64(int(prec + 0.5))
		s.Confidence = data.ConfidenceSurveyed
		s.Basis = fmt.Sprintf("%s: placed on the map by the planner %s at zoom %d (±%.0f m); earlier evidence: %s",
			verb, time.Now().Format("2006-01-02"), v.Zoom, prec, s.Basis)
	}))
}

// startPlacing waits for a map tap to place the site.
func (p *editPanel) startPlacing(id string) {
	p.SetEditMode(true)
	p.placing = id
	p.sh.status.SetText("点击地图放置 Click the map where " + id + " is")
}

// siteActions are the buttons the details panel shows for a site.
func (p *editPanel) siteActions(s data.Site) []fyne.CanvasObject {
	place := "在地图上放置 Place on map"
	if s.Located {
		place = "点击地图移动 Move by clicking the map"
	}
	return []fyne.CanvasObject{
		widget.NewButtonWithIcon("编辑 Edit…", theme.DocumentCreateIcon(), func() { p.showSiteForm(s, false) }),
		widget.NewButtonWithIcon(place, theme.NavigateNextIcon(), func() { p.startPlacing(s.ID) }),
		widget.NewButtonWithIcon("删除 Delete…", theme.DeleteIcon(), func() { p.deleteSite(s.ID) }),
	}
}

// deleteSite asks, then deletes.
func (p *editPanel) deleteSite(id string) {
	s := p.sh.st.site(id)
	if s == nil {
		return
	}
	dialog.ShowConfirm("删除 Delete", fmt.Sprintf("删除 %s（%s）？可撤销 (Ctrl+Z)。\nDelete %s? It can be undone.", s.ShortName, s.ID, s.Name),
		func(ok bool) {
			if ok && p.sh.edit(p.sh.st.editor.Delete(id)) {
				p.sh.st.selectSite("")
			}
		}, p.sh.win)
}

// showSiteForm edits a site (or, with isNew, adds one) in a dialog.
func (p *editPanel) showSiteForm(s data.Site, isNew bool) {
	f := newSiteForm(&s)
	title := "编辑 Edit " + s.ID
	if isNew {
		title = "添加 Add site"
	}
	var dlg dialog.Dialog
	apply := widget.NewButton("应用 Apply", func() {
		if p.applyForm(f, s, isNew) {
			dlg.Hide()
		}
	})
	apply.Importance = widget.HighImportance
	dlg = dialog.NewCustom(title, "取消 Cancel", container.NewBorder(nil, apply, nil, nil, container.NewVScroll(f.widget())), p.sh.win)
	dlg.Resize(fyne.NewSize(620, 720))
	dlg.Show()
}

// applyForm applies the form to s; it reports whether the edit was made.
func (p *editPanel) applyForm(f *siteForm, s data.Site, isNew bool) bool {
	next, err := f.apply(s)
	if err != nil {
		p.sh.showError(err)
		return false
	}
	ed := p.sh.st.editor
	if isNew {
		err = ed.Add("添加 add "+next.ShortName, next)
	} else {
		err = ed.Update(s.ID, "编辑 edit "+s.ShortName, func(x *data.Site) { *x = next })
	}
	if !p.sh.edit(err) {
		return false
	}
	p.sh.st.selectSite(next.ID)
	if isNew && !next.Located {
		p.startPlacing(next.ID)
	}
	return true
}

// addSite starts a new site: a candidate by default, placed by a map tap
// when no coordinates are typed.
func (p *editPanel) addSite() {
	p.showSiteForm(data.Site{ID: p.sh.st.editor.NextID("NEW"), Kind: data.KindCandidate, Level: data.Kindergarten,
		Source: "added by the planner " + time.Now().Format("2006-01-02"), Basis: "placed by the planner"}, true)
}
