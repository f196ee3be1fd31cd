package app

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// normField is one editable norm: where it lives in data.Norms and its
// allowed range.
type normField struct {
	key      string
	label    string
	get      func(n data.Norms) data.Norm
	set      func(n *data.Norms, v float64)
	min, max float64
}

func radiusField(l data.Level) normField {
	return normField{"norm.radius." + l.String(), levelText(l) + i18n.T("ui.settings.radius_m"),
		func(n data.Norms) data.Norm { return n.RadiusM[l] },
		func(n *data.Norms, v float64) { n.RadiusM[l] = data.Norm{Value: v, Source: n.RadiusM[l].Source} }, data.RadiusRange[0], data.RadiusRange[1]}
}

func perClassField(l data.Level) normField {
	return normField{"norm.perclass." + l.String(), levelText(l) + i18n.T("ui.settings.pupils_per_class"),
		func(n data.Norms) data.Norm { return n.PerClass[l] },
		func(n *data.Norms, v float64) { n.PerClass[l] = data.Norm{Value: v, Source: n.PerClass[l].Source} }, data.PerClassRange[0], data.PerClassRange[1]}
}

func per1000Field(l data.Level) normField {
	return normField{"norm.per1000." + l.String(), levelText(l) + i18n.T("ui.settings.seats_per_1000_residents"),
		func(n data.Norms) data.Norm { return n.Per1000[l] },
		func(n *data.Norms, v float64) { n.Per1000[l] = data.Norm{Value: v, Source: n.Per1000[l].Source} }, data.Per1000Range[0], data.Per1000Range[1]}
}

// normFields lists every editable norm.
func normFields() []normField {
	fs := []normField{}
	for _, l := range catchableLevels {
		fs = append(fs, radiusField(l))
	}
	for _, l := range []data.Level{data.Kindergarten, data.Primary, data.Junior, data.Senior} {
		fs = append(fs, perClassField(l))
	}
	for _, l := range []data.Level{data.Kindergarten, data.Primary, data.Junior, data.Senior} {
		fs = append(fs, per1000Field(l))
	}
	return append(fs, normField{"norm.nineyear.primaryshare", i18n.T("ui.settings.nine_year_primary_share"),
		func(n data.Norms) data.Norm {
			return data.Norm{Value: n.NineYearPrimaryShare, Source: "grades 1–6 of 1–9: 6:3 split"}
		},
		func(n *data.Norms, v float64) { n.NineYearPrimaryShare = v }, 0, 1})
}

// loadNorms reads norms saved in the preferences over the defaults;
// out-of-range values are ignored.
func loadNorms(p fyne.Preferences) data.Norms {
	n := data.DefaultNorms()
	for _, f := range normFields() {
		v := p.FloatWithFallback(f.key, f.get(n).Value)
		if v >= f.min && v <= f.max {
			f.set(&n, v)
		}
	}
	return n
}

func saveNorms(p fyne.Preferences, n data.Norms) {
	for _, f := range normFields() {
		p.SetFloat(f.key, f.get(n).Value)
	}
}

// settingsDialog is the planning norms dialog.
type settingsDialog struct {
	sh   *shell
	dlg  dialog.Dialog // the dialog while shown
	rows []*normRow
}

// setNorms shows new norms on the map at once and keeps them.
func (d *settingsDialog) setNorms(n data.Norms) {
	saveNorms(d.sh.prefs, n)
	d.sh.st.update(func(sc *render.Scene) { sc.Norms = n })
	d.sh.st.markDirty()
}

// show opens the norms dialog: each value with its source ("自定义
// custom" once changed) and, next to it, why a value is refused; valid
// values apply at once (the map redraws). Restore brings back the
// documented defaults; Esc or Close closes it.
func (d *settingsDialog) show() {
	form := container.NewVBox()
	var rows []*normRow
	for _, f := range normFields() {
		r := d.newNormRow(f)
		rows = append(rows, r)
		form.Add(container.NewBorder(nil, nil, widget.NewLabel(f.label), nil, r.entry))
		form.Add(container.NewVBox(r.problem, r.source))
	}
	fill := func() {
		for _, r := range rows {
			r.entry.SetText(strconv.FormatFloat(r.f.get(d.sh.st.scene.Norms).Value, 'g', 4, 64))
		}
	}
	d.rows = rows
	fill()
	restore := widget.NewButton(i18n.T("ui.settings.restore_defaults"), func() {
		d.setNorms(data.DefaultNorms())
		fill()
	})
	content := container.NewBorder(languageChoice(d.sh.prefs, d.sh.win), restore, nil, nil, container.NewVScroll(form))
	d.dlg = dialog.NewCustom(i18n.T("ui.settings.planning_norms"), i18n.T("ui.settings.close"), content, d.sh.win)
	for _, r := range rows {
		r.entry.onEsc = d.dlg.Hide
	}
	closeOnEsc(d.sh.win.Canvas(), d.dlg)
	d.dlg.Resize(fyne.NewSize(720, 640))
	d.dlg.Show()
}

// normRow is one norm in the dialog: its entry, the reason a typed value
// is refused (empty when valid) and the source of the value in use.
type normRow struct {
	f       normField
	entry   *escEntry
	problem *widget.Label
	source  *widget.Label
}

func (d *settingsDialog) newNormRow(f normField) *normRow {
	r := &normRow{f: f, entry: newEscEntry(), problem: widget.NewLabel(""), source: widget.NewLabel("")}
	r.problem.Importance = widget.DangerImportance
	r.problem.Hide()
	r.source.Wrapping = fyne.TextWrapWord
	r.source.Importance = widget.LowImportance
	r.entry.Validator = f.check
	r.entry.OnChanged = func(s string) {
		if err := f.check(s); err != nil {
			r.problem.SetText(err.Error())
			r.problem.Show()
			return
		}
		r.problem.Hide()
		if v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64); v != f.get(d.sh.st.scene.Norms).Value {
			n := d.sh.st.scene.Norms.Clone()
			f.set(&n, v)
			d.setNorms(n)
		}
		r.showSource(d.sh.st.scene.Norms)
	}
	r.showSource(d.sh.st.scene.Norms)
	return r
}

// showSource shows where the value in use comes from: the documented
// source, or "自定义 custom" when it no longer matches it.
func (r *normRow) showSource(n data.Norms) {
	def := r.f.get(data.DefaultNorms())
	r.source.SetText(i18n.T("behave.settings.source", r.f.get(n).SourceText(def)))
}

// check refuses text that is not a number, or a number out of range, in
// words shown next to the field.
func (f normField) check(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return errors.New(i18n.T("behave.settings.nan", s, strconv.FormatFloat(f.get(data.DefaultNorms()).Value, 'g', 4, 64)))
	case v < f.min || v > f.max:
		return errors.New(i18n.T("behave.settings.range", strconv.FormatFloat(f.min, 'g', 4, 64), strconv.FormatFloat(f.max, 'g', 4, 64)))
	}
	return nil
}

// escEntry is an entry that hands Esc to the dialog it is in.
type escEntry struct {
	widget.Entry
	onEsc func()
}

func newEscEntry() *escEntry {
	e := &escEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Esc; other keys edit the text.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(ev)
}
