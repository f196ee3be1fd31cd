package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

const noColumn = "ui.importdlg.none"

// columnPicker chooses one of a file's columns (or none), starting at cur.
func columnPicker(fields []string, cur string) *widget.Select {
	s := widget.NewSelect(append([]string{i18n.T(noColumn)}, fields...), nil)
	s.SetSelected(i18n.T(noColumn))
	if cur != "" {
		s.SetSelected(cur)
	}
	return s
}

// pickedColumn is the column a picker names, "" for none.
func pickedColumn(s *widget.Select) string {
	if s.Selected == i18n.T(noColumn) {
		return ""
	}
	return s.Selected
}

// importDialogs read other people's files: existing schools, subdistrict
// boundaries and populations.
type importDialogs struct {
	sh *shell
}

// openFile asks for a file and runs then with its path.
func (d *importDialogs) openFile(exts []string, then func(string)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, d.sh.win)
	fd.SetFilter(storage.NewExtensionFileFilter(exts))
	showFileDialog(d.sh.win, fd)
}

// schools asks for a file of existing schools (CSV, GeoJSON, Shapefile,
// GeoPackage), then for its columns.
func (d *importDialogs) schools() {
	d.openFile([]string{".csv", ".txt", ".geojson", ".json", ".shp", ".gpkg"}, func(path string) { d.readSchools(path, "", "auto") })
}

func (d *importDialogs) readSchools(path, layer, enc string) {
	d.readVector(path, vector.Options{Layer: layer, Want: vector.WantPoint, Encoding: enc}, d.showSchoolMapping)
}

// showSchoolMapping lets the planner say which column is what, with the
// first rows as a preview.
func (d *importDialogs) showSchoolMapping(set *vector.Set) {
	m := data.GuessSchoolMapping(set.Fields)
	if set.CRS != crs.Unknown {
		m.CRS = set.CRS
	}
	pick := func(cur string) *widget.Select { return columnPicker(set.Fields, cur) }
	name, level, classes, seats, lon, lat := pick(m.Name), pick(m.Level), pick(m.Classes), pick(m.Seats), pick(m.Lon), pick(m.Lat)
	defLevel := widget.NewSelect(append([]string{i18n.T(noColumn)}, levelOptions()...), nil)
	defLevel.SetSelected(levelText(data.Kindergarten))
	sys, systems := crsSelect(m.CRS)
	reread := func(e string) { d.readSchools(set.Path, set.Layer, e) }
	items := []*widget.FormItem{widget.NewFormItem(i18n.T("ui.importdlg.encoding"), encodingRow(set, reread)), widget.NewFormItem(i18n.T("ui.importdlg.name"), name),
		widget.NewFormItem(i18n.T("ui.importdlg.level"), level), widget.NewFormItem(i18n.T("ui.importdlg.default_level"), defLevel),
		widget.NewFormItem(i18n.T("ui.importdlg.classes"), classes), widget.NewFormItem(i18n.T("ui.importdlg.seats"), seats)}
	if hasNoGeometry(set) {
		items = append(items, widget.NewFormItem(i18n.T("ui.importdlg.longitude_x"), lon), widget.NewFormItem(i18n.T("ui.importdlg.latitude_y"), lat))
	}
	items = append(items, widget.NewFormItem(i18n.T("ui.importdlg.coordinates"), sys))
	preview := widget.NewLabel(previewText(set, 5))
	preview.Wrapping = fyne.TextWrapOff
	col := pickedColumn
	var dlg dialog.Dialog
	check := widget.NewButton(i18n.T("ui.importdlg.check_and_import"), func() {
		mm := data.SchoolMapping{Name: col(name), Level: col(level), Classes: col(classes), Seats: col(seats),
			Lon: col(lon), Lat: col(lat), CRS: systems[max(0, sys.SelectedIndex())]}
		if i := defLevel.SelectedIndex(); i > 0 {
			mm.DefaultLevel = data.Levels()[i-1]
		}
		dlg.Hide()
		d.confirmSchools(set, mm)
	})
	check.Importance = widget.HighImportance
	body := container.NewBorder(widget.NewLabel(fmt.Sprintf(i18n.T("ui.importdlg.records"), filepath.Base(set.Path), len(set.Features), set.Encoding)+"\n"+crsNote(set)),
		check, nil, nil, container.NewVSplit(widget.NewForm(items...), container.NewScroll(preview)))
	dlg = dialog.NewCustom(i18n.T("ui.importdlg.import_existing_schools"), i18n.T("ui.edit.cancel"), body, d.sh.win)
	dlg.Resize(fyne.NewSize(760, 640))
	showDialog(d.sh.win, dlg)
}

// crsLabels name the coordinate systems a file may use.
func crsLabels() []string {
	var out []string
	for _, c := range crs.All() {
		out = append(out, crsText(c))
	}
	return out
}

func hasNoGeometry(set *vector.Set) bool {
	for _, f := range set.Features {
		if f.Geometry != nil {
			return false
		}
	}
	return true
}

func previewText(set *vector.Set, n int) string {
	var b strings.Builder
	b.WriteString(strings.Join(set.Fields, " | "))
	for i, f := range set.Features {
		if i == n {
			b.WriteString("\n…")
			break
		}
		vals := make([]string, len(set.Fields))
		for k, c := range set.Fields {
			vals[k] = f.Props[c]
		}
		b.WriteString("\n" + f.Where + ": " + strings.Join(vals, " | "))
	}
	return b.String()
}

// confirmImport shows what would be imported and every problem; the
// planner imports the valid records (one undoable step) or cancels.
func (d *importDialogs) confirmSchools(set *vector.Set, m data.SchoolMapping) {
	sites, probs := data.ExistingSchools(set, m, data.NewIDs(d.sh.st.editor.Sites(), "EX"))
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = p.String()
	}
	msg := fmt.Sprintf(i18n.T("ui.importdlg.valid_with_problems_not_imported"), len(sites), len(probs))
	if len(probs) == 0 {
		msg = fmt.Sprintf(i18n.T("ui.importdlg.all_records_are_valid"), len(sites), len(sites))
	}
	list := widget.NewLabel(strings.Join(lines, "\n"))
	list.Wrapping = fyne.TextWrapWord
	var dlg dialog.Dialog
	doImport := widget.NewButton(fmt.Sprintf(i18n.T("ui.importdlg.import_valid"), len(sites), len(sites)), func() {
		dlg.Hide()
		label := fmt.Sprintf(i18n.T("ui.importdlg.import_from"), len(sites), filepath.Base(set.Path))
		if d.sh.edit(d.sh.st.editor.Add(label, sites...)) {
			d.sh.status.SetText(fmt.Sprintf(i18n.T("ui.importdlg.imported_existing_schools_from_ctrl"), len(sites), filepath.Base(set.Path)))
		}
	})
	doImport.Importance = widget.HighImportance
	if len(sites) == 0 {
		doImport.Disable()
	}
	dlg = dialog.NewCustom(i18n.T("ui.importdlg.import_check"), i18n.T("ui.edit.cancel"),
		container.NewBorder(widget.NewLabel(msg), doImport, nil, nil, container.NewVScroll(list)), d.sh.win)
	dlg.Resize(fyne.NewSize(700, 480))
	showDialog(d.sh.win, dlg)
}
