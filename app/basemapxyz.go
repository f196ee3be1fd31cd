package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// Preference keys of the custom XYZ basemap: the template last entered
// and its zoom range, subdomains and attribution (as the CLI's
// --basemap-zoom, --basemap-subdomains, --basemap-attribution).
const (
	prefXYZTemplate    = "basemap_xyz_template"
	prefXYZMinZoom     = "basemap_xyz_min_zoom"
	prefXYZMaxZoom     = "basemap_xyz_max_zoom"
	prefXYZSubdomains  = "basemap_xyz_subdomains"
	prefXYZAttribution = "basemap_xyz_attribution"
)

// xyzForm is the custom XYZ dialog's fields, each validated with its
// message shown under it (the OK button waits until all are valid).
type xyzForm struct {
	tmpl, minZ, maxZ, subs, attr *widget.Entry
	datum                        *widget.Select
}

func newXYZForm(prefs fyne.Preferences) *xyzForm {
	f := &xyzForm{tmpl: widget.NewEntry(), minZ: widget.NewEntry(), maxZ: widget.NewEntry(), subs: widget.NewEntry(), attr: widget.NewEntry(),
		datum: widget.NewSelect([]string{"wgs84", "gcj02"}, nil)}
	f.tmpl.SetPlaceHolder("https://{s}.example.com/{z}/{x}/{y}.png")
	f.minZ.SetPlaceHolder("0")
	f.maxZ.SetPlaceHolder("19")
	f.subs.SetPlaceHolder("a,b,c")
	f.tmpl.SetText(prefs.String(prefXYZTemplate))
	f.minZ.SetText(prefs.String(prefXYZMinZoom))
	f.maxZ.SetText(prefs.String(prefXYZMaxZoom))
	f.subs.SetText(prefs.String(prefXYZSubdomains))
	f.attr.SetText(prefs.String(prefXYZAttribution))
	f.datum.SetSelected("wgs84")
	if prefs.String(prefBasemap) == f.tmpl.Text && prefs.String(prefBasemapDatum) == "gcj02" {
		f.datum.SetSelected("gcj02")
	}
	f.tmpl.Validator = f.checkTemplate
	f.minZ.Validator = func(s string) error { _, err := zoomField(s); return err }
	f.maxZ.Validator = f.checkMax
	f.subs.Validator = func(s string) error { _, err := subdomainsField(s); return err }
	return f
}

func (f *xyzForm) items() []*widget.FormItem {
	return []*widget.FormItem{widget.NewFormItem(i18n.T("ui.basemap.url"), f.tmpl), widget.NewFormItem(i18n.T("basemap.datum"), f.datum),
		widget.NewFormItem(i18n.T("basemap.xyz_min"), f.minZ), widget.NewFormItem(i18n.T("basemap.xyz_max"), f.maxZ),
		widget.NewFormItem(i18n.T("basemap.xyz_subdomains"), f.subs), widget.NewFormItem(i18n.T("basemap.xyz_attribution"), f.attr)}
}

func (f *xyzForm) checkTemplate(s string) error {
	l := strings.ToLower(strings.TrimSpace(s))
	subs, _ := subdomainsField(f.subs.Text)
	if len(subs) == 0 {
		subs = []string{"a", "b", "c"}
	}
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") || tile.CheckTemplate(strings.TrimSpace(s), subs) != nil {
		return errors.New(i18n.T("basemap.xyz_err_template"))
	}
	return nil
}

func (f *xyzForm) checkMax(s string) error {
	hi, err := zoomField(s)
	if err != nil {
		return err
	}
	if lo, err := zoomField(f.minZ.Text); err == nil && hi >= 0 && hi < max(lo, 0) {
		return errors.New(i18n.T("basemap.xyz_err_order"))
	}
	return nil
}

// zoomField reads a zoom level, -1 when empty (the default).
func zoomField(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1, nil
	}
	z, err := strconv.Atoi(s)
	if err != nil || z < 0 || z > 24 {
		return 0, errors.New(i18n.T("basemap.xyz_err_zoom"))
	}
	return z, nil
}

// subdomainsField reads "a,b,c" or "t0, t1"; like the CLI, "abc" without
// commas is a, b, c.
func subdomainsField(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var parts []string
	if strings.ContainsAny(s, ", ") {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	} else {
		for _, r := range s {
			parts = append(parts, string(r))
		}
	}
	for _, p := range parts {
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return nil, errors.New(i18n.T("basemap.xyz_err_subdomains"))
			}
		}
	}
	return parts, nil
}

// invalid reports a field that does not validate (OK is disabled then,
// but a dialog confirmed by the keyboard must not choose OSM for "").
func (f *xyzForm) invalid() bool {
	for _, e := range []*widget.Entry{f.tmpl, f.minZ, f.maxZ, f.subs} {
		if e.Validate() != nil {
			return true
		}
	}
	return false
}

// remember keeps the fields in preferences; applyXYZ reads them back.
func (f *xyzForm) remember(prefs fyne.Preferences) {
	prefs.SetString(prefXYZTemplate, strings.TrimSpace(f.tmpl.Text))
	prefs.SetString(prefXYZMinZoom, strings.TrimSpace(f.minZ.Text))
	prefs.SetString(prefXYZMaxZoom, strings.TrimSpace(f.maxZ.Text))
	prefs.SetString(prefXYZSubdomains, strings.TrimSpace(f.subs.Text))
	prefs.SetString(prefXYZAttribution, strings.TrimSpace(f.attr.Text))
}

// applyXYZ gives a custom template its remembered zoom range, subdomains
// and attribution (when it is the template entered in the dialog).
func applyXYZ(sp *tile.Spec, prefs fyne.Preferences) {
	if sp.Kind != tile.KindTemplate || sp.Value != prefs.String(prefXYZTemplate) {
		return
	}
	sp.Attribution = prefs.String(prefXYZAttribution)
	sp.Subdomains, _ = subdomainsField(prefs.String(prefXYZSubdomains))
	lo, err1 := zoomField(prefs.String(prefXYZMinZoom))
	hi, err2 := zoomField(prefs.String(prefXYZMaxZoom))
	if err1 == nil && err2 == nil && (lo >= 0 || hi >= 0) {
		sp.MinZoom, sp.MaxZoom = max(lo, 0), hi
		if hi < 0 {
			sp.MaxZoom = max(19, lo)
		}
	}
}

// askTemplate takes a custom XYZ URL template, its datum, zoom range,
// subdomains and attribution.
func (p *basemapPanel) askTemplate() {
	f := newXYZForm(p.sh.prefs)
	d := dialog.NewForm(i18n.T("basemap.custom"), i18n.T("basemap.ok"), i18n.T("basemap.cancel"), f.items(), func(ok bool) {
		if !ok || f.invalid() {
			return
		}
		f.remember(p.sh.prefs)
		if p.choose(strings.TrimSpace(f.tmpl.Text), f.datum.Selected) {
			p.choice.ClearSelected()
		}
	}, p.sh.win)
	d.Resize(fyne.NewSize(560, 0))
	p.xyz = f
	showDialog(p.sh.win, d)
}
