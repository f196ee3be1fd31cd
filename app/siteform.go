package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// siteForm is the attribute editor of one site.
type siteForm struct {
	name, short, note, notes         *widget.Entry
	num                              siteNumbers
	kind, level, actual, subdistrict *widget.Select
	loc                              locationInputs
}

// siteNumbers are the form's whole-number fields.
type siteNumbers struct {
	classes, seats, start, end, actualYear *widget.Entry
}

// locationInputs are the form's location fields.
type locationInputs struct {
	lon, lat, precision, basis *widget.Entry
	coordSys                   *widget.Select
}

var (
	kinds        = []data.Kind{data.KindPlan, data.KindCandidate, data.KindExisting}
	statuses     = []data.Status{data.StatusUnknown, data.Planned, data.UnderConstruction, data.InService}
	coordOptions = []string{"WGS-84", "ui.siteform.gcj_02_amap"}
)

// kindOptions and statusOptions name the choices in the current language,
// in the order of the data values (the form reads SelectedIndex).
func kindOptions() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, i18n.T("table.kind."+k.String()))
	}
	return out
}

func statusOptions() []string {
	var out []string
	for _, s := range statuses {
		out = append(out, statusName(s))
	}
	return out
}

func levelOptions() []string {
	var out []string
	for _, l := range data.Levels() {
		out = append(out, levelText(l))
	}
	return out
}

func subdistrictOptions() []string {
	out := []string{i18n.T("ui.siteform.unknown")}
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
	f := &siteForm{name: e(s.Name), short: e(s.ShortName),
		num: siteNumbers{classes: e(itoaOrEmpty(s.Classes)), seats: e(itoaOrEmpty(s.SeatsOverride)),
			start: e(itoaOrEmpty(s.StartYear)), end: e(itoaOrEmpty(s.EndYear)), actualYear: e(itoaOrEmpty(s.ActualYear))},
		note: e(s.ProgressText()), notes: widget.NewMultiLineEntry(),
		kind: widget.NewSelect(kindOptions(), nil), level: widget.NewSelect(levelOptions(), nil),
		actual: widget.NewSelect(statusOptions(), nil), subdistrict: widget.NewSelect(subdistrictOptions(), nil),
		loc: locationInputs{coordSys: widget.NewSelect([]string{coordOptions[0], i18n.T(coordOptions[1])}, nil), lon: e(""), lat: e(""), precision: e(""), basis: e(s.BasisText())}}
	f.notes.SetText(s.Notes)
	f.num.seats.SetPlaceHolder(i18n.T("ui.siteform.derived_from_classes"))
	f.kind.SetSelectedIndex(int(s.Kind))
	f.level.SetSelected(levelText(s.Level))
	f.actual.SetSelectedIndex(int(s.ActualStatus))
	f.subdistrict.SetSelected(i18n.T("ui.siteform.unknown"))
	if s.Subdistrict != "" {
		f.subdistrict.SetSelected(s.Subdistrict)
	}
	f.loc.coordSys.SetSelected(coordOptions[0])
	if s.Located {
		f.loc.lon.SetText(strconv.FormatFloat(s.Location[0], 'f', 6, 64))
		f.loc.lat.SetText(strconv.FormatFloat(s.Location[1], 'f', 6, 64))
		f.loc.precision.SetText(strconv.FormatFloat(s.PrecisionM, 'f', -1, 64))
	}
	return f
}

func (f *siteForm) widget() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem(i18n.T("ui.siteform.kind"), f.kind), widget.NewFormItem(i18n.T("ui.importdlg.name"), f.name),
		widget.NewFormItem(i18n.T("ui.siteform.short_name"), f.short), widget.NewFormItem(i18n.T("ui.importdlg.level"), f.level),
		widget.NewFormItem(i18n.T("ui.importdlg.classes"), f.num.classes), widget.NewFormItem(i18n.T("ui.siteform.seats_override"), f.num.seats),
		widget.NewFormItem(i18n.T("ui.siteform.start_year"), f.num.start), widget.NewFormItem(i18n.T("ui.siteform.end_year"), f.num.end),
		widget.NewFormItem(i18n.T("ui.siteform.actual_status"), f.actual), widget.NewFormItem(i18n.T("ui.siteform.actual_year"), f.num.actualYear),
		widget.NewFormItem(i18n.T("ui.siteform.progress_note"), f.note), widget.NewFormItem(i18n.T("ui.siteform.notes"), f.notes),
		widget.NewFormItem(i18n.T("ui.detailrows.subdistrict"), f.subdistrict),
		widget.NewFormItem(i18n.T("ui.siteform.coordinates_in"), f.loc.coordSys),
		widget.NewFormItem(i18n.T("ui.siteform.longitude"), f.loc.lon), widget.NewFormItem(i18n.T("ui.siteform.latitude"), f.loc.lat),
		widget.NewFormItem(i18n.T("ui.siteform.precision_m"), f.loc.precision), widget.NewFormItem(i18n.T("ui.siteform.basis"), f.loc.basis),
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
			return fmt.Errorf(i18n.T("ui.siteform.whole_number"), label, t)
		}
		*dst = n
		return nil
	}
	for _, x := range []struct {
		e     *widget.Entry
		label string
		dst   *int
	}{{f.num.classes, i18n.T("ui.edit.classes"), &s.Classes}, {f.num.seats, i18n.T("ui.edit.seats"), &s.SeatsOverride}, {f.num.start, i18n.T("ui.edit.start_year"), &s.StartYear},
		{f.num.end, i18n.T("ui.edit.end_year"), &s.EndYear}, {f.num.actualYear, i18n.T("ui.edit.actual_year"), &s.ActualYear}} {
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
	if note := strings.TrimSpace(f.note.Text); note != s.ProgressText() {
		s.SetProgressNote(note)
	}
	s.Notes = f.notes.Text
	if i := f.subdistrict.SelectedIndex(); i > 0 {
		sd := data.LiwanSubdistricts()[i-1]
		if sd.Name != s.Subdistrict {
			s.Subdistrict, s.SubdistrictCode = sd.Name, sd.Code
			s.SetSubdistrictNote(i18n.T("words.site.subdistrict_set"))
		}
	} else if i == 0 {
		s.Subdistrict, s.SubdistrictCode = "", ""
	}
	return f.applyLocation(s)
}

func (f *siteForm) applyLocation(s data.Site) (data.Site, error) {
	lonT, latT := strings.TrimSpace(f.loc.lon.Text), strings.TrimSpace(f.loc.lat.Text)
	if lonT == "" && latT == "" {
		s.Located, s.Plot = false, nil
		return s, nil
	}
	lon, err1 := strconv.ParseFloat(lonT, 64)
	lat, err2 := strconv.ParseFloat(latT, 64)
	if err1 != nil || err2 != nil {
		return s, fmt.Errorf(i18n.T("ui.siteform.coordinates_give_decimal_degrees_e"), lonT, latT)
	}
	p := f.typedPoint(s, orb.Point{lon, lat})
	prec, err := strconv.ParseFloat(strings.TrimSpace(f.loc.precision.Text), 64)
	if err != nil || prec <= 0 {
		return s, fmt.Errorf(i18n.T("ui.siteform.precision_give_the_radius_in"), f.loc.precision.Text)
	}
	moved := !s.Located || p != s.Location || prec != s.PrecisionM
	s.Located, s.Location, s.PrecisionM = true, p, prec
	s.KeepPlotIfInside()
	if basis := strings.TrimSpace(f.loc.basis.Text); basis != s.BasisText() {
		s.SetBasis(basis)
	}
	if moved {
		s.Confidence = data.ConfidenceSurveyed
		if typed, _, _ := strings.Cut(i18n.T("words.site.typed"), "%"); !strings.HasPrefix(s.BasisText(), typed) {
			s.SetBasis(i18n.T("words.site.typed", time.Now().Format("2006-01-02"), f.loc.coordSys.Selected, prec, s.BasisText()))
		}
	}
	return s, nil
}

// typedPoint is the WGS-84 point typed in the form; the stored point when
// the text is what the form showed for it, so Apply without a change never
// rounds a point to the form's six decimals.
func (f *siteForm) typedPoint(s data.Site, typed orb.Point) orb.Point {
	gcj := f.loc.coordSys.SelectedIndex() == 1
	if s.Located {
		shown := s.Location
		if gcj {
			shown = geo.WGS84ToGCJ02(shown)
		}
		if data.ShownUnchanged(shown, typed, 6) {
			return s.Location
		}
	}
	if gcj {
		return geo.GCJ02ToWGS84(typed)
	}
	return typed
}
