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
	f := &siteForm{name: e(s.Name), short: e(s.ShortName),
		num: siteNumbers{classes: e(itoaOrEmpty(s.Classes)), seats: e(itoaOrEmpty(s.SeatsOverride)),
			start: e(itoaOrEmpty(s.StartYear)), end: e(itoaOrEmpty(s.EndYear)), actualYear: e(itoaOrEmpty(s.ActualYear))},
		note: e(s.ProgressNote), notes: widget.NewMultiLineEntry(),
		kind: widget.NewSelect(kindOptions, nil), level: widget.NewSelect(levelOptions(), nil),
		actual: widget.NewSelect(statusOptions, nil), subdistrict: widget.NewSelect(subdistrictOptions(), nil),
		loc: locationInputs{coordSys: widget.NewSelect(coordOptions, nil), lon: e(""), lat: e(""), precision: e(""), basis: e(s.Basis)}}
	f.notes.SetText(s.Notes)
	f.num.seats.SetPlaceHolder("由班数推算 derived from classes")
	f.kind.SetSelected(s.Kind.Label())
	f.level.SetSelected(s.Level.Label())
	f.actual.SetSelected(s.ActualStatus.Label())
	f.subdistrict.SetSelected("未知 unknown")
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
		widget.NewFormItem("类型 Kind", f.kind), widget.NewFormItem("名称 Name", f.name),
		widget.NewFormItem("简称 Short name", f.short), widget.NewFormItem("学段 Level", f.level),
		widget.NewFormItem("班数 Classes", f.num.classes), widget.NewFormItem("学位 Seats (override)", f.num.seats),
		widget.NewFormItem("计划开工 Start year", f.num.start), widget.NewFormItem("计划竣工 End year", f.num.end),
		widget.NewFormItem("实际状态 Actual status", f.actual), widget.NewFormItem("实际建成年 Actual year", f.num.actualYear),
		widget.NewFormItem("进度说明 Progress note", f.note), widget.NewFormItem("备注 Notes", f.notes),
		widget.NewFormItem("街道 Subdistrict", f.subdistrict),
		widget.NewFormItem("坐标系 Coordinates in", f.loc.coordSys),
		widget.NewFormItem("经度 Longitude", f.loc.lon), widget.NewFormItem("纬度 Latitude", f.loc.lat),
		widget.NewFormItem("精度 Precision (m)", f.loc.precision), widget.NewFormItem("位置依据 Basis", f.loc.basis),
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
	}{{f.num.classes, "班数 classes", &s.Classes}, {f.num.seats, "学位 seats", &s.SeatsOverride}, {f.num.start, "开工年 start year", &s.StartYear},
		{f.num.end, "竣工年 end year", &s.EndYear}, {f.num.actualYear, "实际建成年 actual year", &s.ActualYear}} {
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
	lonT, latT := strings.TrimSpace(f.loc.lon.Text), strings.TrimSpace(f.loc.lat.Text)
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
	if f.loc.coordSys.SelectedIndex() == 1 {
		p = geo.GCJ02ToWGS84(p)
	}
	prec, err := strconv.ParseFloat(strings.TrimSpace(f.loc.precision.Text), 64)
	if err != nil || prec <= 0 {
		return s, fmt.Errorf("精度 precision %q: give the radius in metres within which the site lies", f.loc.precision.Text)
	}
	moved := !s.Located || p != s.Location || prec != s.PrecisionM
	s.Located, s.Location, s.PrecisionM = true, p, prec
	s.Basis = strings.TrimSpace(f.loc.basis.Text)
	if moved {
		s.Confidence = data.ConfidenceSurveyed
		if !strings.Contains(s.Basis, "coordinates typed") {
			s.Basis = fmt.Sprintf("coordinates typed by the planner %s (%s, ±%g m); %s", time.Now().Format("2006-01-02"),
				f.loc.coordSys.Selected, prec, s.Basis)
		}
	}
	return s, nil
}
