package app

import (
	"fmt"
	"strconv"

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
		func(n *data.Norms, v float64) { n.RadiusM[l] = data.Norm{Value: v, Source: n.RadiusM[l].Source} }, 0, 5000}
}

func perClassField(l data.Level) normField {
	return normField{"norm.perclass." + l.String(), levelText(l) + i18n.T("ui.settings.pupils_per_class"),
		func(n data.Norms) data.Norm { return n.PerClass[l] },
		func(n *data.Norms, v float64) { n.PerClass[l] = data.Norm{Value: v, Source: n.PerClass[l].Source} }, 1, 80}
}

func per1000Field(l data.Level) normField {
	return normField{"norm.per1000." + l.String(), levelText(l) + i18n.T("ui.settings.seats_per_1000_residents"),
		func(n data.Norms) data.Norm { return n.Per1000[l] },
		func(n *data.Norms, v float64) { n.Per1000[l] = data.Norm{Value: v, Source: n.Per1000[l].Source} }, 0, 300}
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
	sh *shell
}

// setNorms shows new norms on the map at once and keeps them.
func (d *settingsDialog) setNorms(n data.Norms) {
	saveNorms(d.sh.prefs, n)
	d.sh.st.update(func(sc *render.Scene) { sc.Norms = n })
	d.sh.st.markDirty()
}

// show opens the norms dialog: each value with its source, edited live
// (the map redraws as soon as a value is valid), and a button to restore
// the documented defaults.
func (d *settingsDialog) show() {
	form := container.NewVBox()
	entries := map[string]*widget.Entry{}
	for _, f := range normFields() {
		e := d.normEntry(f)
		entries[f.key] = e
		src := widget.NewLabel(i18n.T("ui.settings.source") + f.get(data.DefaultNorms()).Source)
		src.Wrapping = fyne.TextWrapWord
		src.Importance = widget.LowImportance
		form.Add(container.NewBorder(nil, nil, widget.NewLabel(f.label), nil, e))
		form.Add(src)
	}
	fill := func(n data.Norms) {
		for _, f := range normFields() {
			entries[f.key].SetText(strconv.FormatFloat(f.get(n).Value, 'g', 4, 64))
		}
	}
	fill(d.sh.st.scene.Norms)
	restore := widget.NewButton(i18n.T("ui.settings.restore_defaults"), func() {
		d.setNorms(data.DefaultNorms())
		fill(d.sh.st.scene.Norms)
	})
	content := container.NewBorder(languageChoice(d.sh.prefs, d.sh.win), restore, nil, nil, container.NewVScroll(form))
	dlg := dialog.NewCustom(i18n.T("ui.settings.planning_norms"), i18n.T("ui.settings.close"), content, d.sh.win)
	dlg.Resize(fyne.NewSize(720, 640))
	dlg.Show()
}

// normEntry edits one norm, applying each valid value at once.
func (d *settingsDialog) normEntry(f normField) *widget.Entry {
	e := widget.NewEntry()
	e.Validator = func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < f.min || v > f.max {
			return fmt.Errorf("%g–%g", f.min, f.max)
		}
		return nil
	}
	e.OnChanged = func(s string) {
		if e.Validate() != nil {
			return
		}
		v, _ := strconv.ParseFloat(s, 64)
		if v == f.get(d.sh.st.scene.Norms).Value {
			return
		}
		n := d.sh.st.scene.Norms.Clone()
		f.set(&n, v)
		d.setNorms(n)
	}
	return e
}
