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
	"github.com/liwan-edu/schoolmap/data/i18n"
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
	p.check = widget.NewCheck(i18n.T("ui.edit.edit"), p.SetEditMode)
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
		return fmt.Errorf(i18n.T("ui.edit.edit_not_applied_correct_the"), fieldLabel(fe.Field), fe.Err)
	}
	return fmt.Errorf(i18n.T("ui.edit.edit_not_applied"), err)
}

var fieldLabels = map[string]string{
	"name": "ui.edit.name", "classes": "ui.edit.classes", "start_year": "ui.edit.start_year", "end_year": "ui.edit.end_year",
	"level": "ui.edit.level", "precision_m": "ui.edit.precision", "basis": "ui.edit.basis", "seats_override": "ui.edit.seats",
	"actual_year": "ui.edit.actual_year", "geometry.coordinates": "ui.edit.coordinates", "id": "ui.edit.id",
}

func fieldLabel(f string) string {
	if l, ok := fieldLabels[f]; ok {
		l = i18n.T(l)
		return l
	}
	return f
}

// Undo reverts the last edit.
func (p *editPanel) Undo() {
	if label, ok := p.sh.st.editor.Undo(); ok {
		p.sh.st.sitesChanged()
		p.sh.status.SetText(i18n.T("ui.edit.undone") + label)
	}
}

// Redo applies the last undone edit again.
func (p *editPanel) Redo() {
	if label, ok := p.sh.st.editor.Redo(); ok {
		p.sh.st.sitesChanged()
		p.sh.status.SetText(i18n.T("ui.edit.redone") + label)
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
	p.moveSite(id, at, false)
	p.sh.st.selectSite(id)
	return true
}

// dragSite moves a site dropped at pt. A site whose point came from
// evidence asks first (once: after the move the point is the planner's).
func (p *editPanel) dragSite(id string, pt orb.Point) {
	s := p.sh.st.site(id)
	if s == nil {
		return
	}
	if !s.EvidenceLocated() {
		p.moveSite(id, pt, true)
		return
	}
	title, text := s.ReplaceEvidencePrompt()
	d := dialog.NewCustomConfirm(title, i18n.T("behave.edit.replace"), i18n.T("behave.edit.keep"), wrapLabel(text),
		func(ok bool) {
			if ok {
				p.moveSite(id, pt, true)
			}
		}, p.sh.win)
	showDialog(p.sh.win, d)
}

// moveSite puts a site at pt: its location is now the planner's, precise
// to about what one can point at on the map at this zoom; the old point
// and its evidence stay in the basis (data.Site.Relocate).
func (p *editPanel) moveSite(id string, pt orb.Point, dragged bool) {
	v := p.sh.m.View()
	prec := float64(int(max(5, 4*v.MetersPerPixel()) + 0.5))
	how, label := "behave.edit.how_place", "behave.edit.place_label"
	if dragged {
		how, label = "behave.edit.how_move", "behave.edit.move_label"
	}
	s := p.sh.st.site(id)
	if s == nil {
		return
	}
	p.sh.edit(p.sh.st.editor.Update(id, i18n.T(label, s.DisplayName()), func(s *data.Site) {
		s.Relocate(pt, prec, i18n.T(how, v.Zoom), time.Now())
	}))
}

// wrapLabel is a label that wraps at words, for dialog text.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// startPlacing waits for a map tap to place the site.
func (p *editPanel) startPlacing(id string) {
	p.SetEditMode(true)
	p.placing = id
	name := id
	if s := p.sh.st.site(id); s != nil {
		name = s.DisplayName()
	}
	p.sh.status.SetText(i18n.T("behave.edit.place_prompt", name))
}

// siteActions are the buttons the details panel shows for a site.
func (p *editPanel) siteActions(s data.Site) []fyne.CanvasObject {
	place := i18n.T("ui.edit.place_on_map")
	if s.Located {
		place = i18n.T("ui.edit.move_by_clicking_the_map")
	}
	return []fyne.CanvasObject{
		widget.NewButtonWithIcon(i18n.T("ui.edit.edit2"), theme.DocumentCreateIcon(), func() { p.showSiteForm(s, false) }),
		widget.NewButtonWithIcon(place, theme.NavigateNextIcon(), func() { p.startPlacing(s.ID) }),
		widget.NewButtonWithIcon(i18n.T("ui.edit.delete"), theme.DeleteIcon(), func() { p.deleteSite(s.ID) }),
	}
}

// deleteSite asks, then deletes.
func (p *editPanel) deleteSite(id string) {
	s := p.sh.st.site(id)
	if s == nil {
		return
	}
	showConfirm(i18n.T("behave.edit.delete_title"), i18n.T("behave.edit.delete_text", s.DisplayName()),
		func(ok bool) {
			if ok && p.sh.edit(p.sh.st.editor.Delete(id)) {
				p.sh.st.selectSite("")
			}
		}, p.sh.win)
}

// showSiteForm edits a site (or, with isNew, adds one) in a dialog.
func (p *editPanel) showSiteForm(s data.Site, isNew bool) {
	f := newSiteForm(&s)
	title := i18n.T("behave.edit.form_title", s.DisplayName())
	if isNew {
		title = i18n.T("ui.edit.add_site")
	}
	var dlg dialog.Dialog
	apply := widget.NewButton(i18n.T("ui.edit.apply"), func() {
		if p.applyForm(f, s, isNew) {
			dlg.Hide()
		}
	})
	apply.Importance = widget.HighImportance
	dlg = dialog.NewCustom(title, i18n.T("ui.edit.cancel"), container.NewBorder(nil, apply, nil, nil, container.NewVScroll(f.widget())), p.sh.win)
	dlg.Resize(fyne.NewSize(620, 720))
	showDialog(p.sh.win, dlg)
}

// applyForm applies the form to s; it reports whether the edit was made.
func (p *editPanel) applyForm(f *siteForm, s data.Site, isNew bool) bool {
	next, err := f.apply(s)
	if err != nil {
		p.sh.showError(err)
		return false
	}
	if !isNew && next.Same(&s) {
		p.sh.status.SetText(i18n.T("behave.edit.no_change", s.DisplayName()))
		return true
	}
	ed := p.sh.st.editor
	if isNew {
		err = ed.Add(i18n.T("behave.edit.add_label", next.DisplayName()), next)
	} else {
		err = ed.Update(s.ID, i18n.T("behave.edit.edit_label", s.DisplayName()), func(x *data.Site) { *x = next })
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
		Source: i18n.T("words.site.added", time.Now().Format("2006-01-02")), Basis: i18n.T("words.site.placed")}, true)
}
