package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// exportWidgets are the export dialog's inputs.
type exportWidgets struct {
	format, extent        *widget.RadioGroup
	size, dpi             *widget.Select
	landscape, tables     *widget.Check
	width, height         *widget.Entry
	title, subtitle, date *widget.Entry
	target                *saveTarget
}

func (d *exportDialog) newExportWidgets() *exportWidgets {
	year := d.sh.st.scene.Year
	w := &exportWidgets{format: widget.NewRadioGroup([]string{"PNG", "PDF"}, nil),
		size: widget.NewSelect([]string{"A4", "A3", i18n.T(pixelSize)}, nil), landscape: widget.NewCheck(i18n.T("ui.exportforms.landscape"), nil),
		width: widget.NewEntry(), height: widget.NewEntry(), dpi: widget.NewSelect([]string{"150", "300"}, nil),
		extent: widget.NewRadioGroup([]string{i18n.T("ui.exportforms.current_view"), i18n.T("ui.exportforms.all_sites")}, nil),
		title:  widget.NewEntry(), subtitle: widget.NewEntry(), date: widget.NewEntry(),
		tables: widget.NewCheck(i18n.T("ui.exportforms.page_2_site_list_and"), nil),
		target: newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-plan-%d", year))}
	w.format.Horizontal = true
	w.restore(d.sh.prefs)
	w.title.SetText(defaultTitle(year))
	w.subtitle.SetPlaceHolder(i18n.T("ui.exportforms.subtitle_optional"))
	w.date.SetText(time.Now().Format("2006-01-02"))
	w.size.OnChanged = func(s string) {
		if s == i18n.T(pixelSize) {
			w.width.Enable()
			w.height.Enable()
		} else {
			w.width.Disable()
			w.height.Disable()
		}
	}
	w.size.OnChanged(w.size.Selected)
	return w
}

func (w *exportWidgets) form() *widget.Form {
	f := widget.NewForm(
		widget.NewFormItem(i18n.T("ui.exportforms.format"), w.format),
		widget.NewFormItem(i18n.T("ui.exportforms.paper"), container.NewHBox(w.size, w.landscape)),
		widget.NewFormItem(i18n.T("ui.exportforms.pixels"), container.NewGridWithColumns(2, w.width, w.height)),
		widget.NewFormItem(i18n.T("ui.exportforms.dpi"), w.dpi),
		widget.NewFormItem(i18n.T("ui.exportforms.extent"), w.extent),
		widget.NewFormItem(i18n.T("ui.exportforms.title"), w.title),
		widget.NewFormItem(i18n.T("ui.exportforms.subtitle"), w.subtitle),
		widget.NewFormItem(i18n.T("ui.exportforms.date"), w.date),
		widget.NewFormItem("", w.tables),
	)
	for _, it := range w.target.items() {
		f.AppendItem(it)
	}
	return f
}

// restore sets the choices the planner made last time (format, paper,
// orientation, pixels, dpi, extent, page 2), the defaults the first time.
func (w *exportWidgets) restore(p fyne.Preferences) {
	w.format.SetSelected(p.StringWithFallback("export.format", "PDF"))
	size := p.StringWithFallback("export.size", "A4")
	if size == "px" {
		size = i18n.T(pixelSize)
	}
	w.size.SetSelected(size)
	if w.size.Selected == "" { // a text kept by an older version
		w.size.SetSelected("A4")
	}
	w.landscape.SetChecked(p.BoolWithFallback("export.landscape", true))
	w.width.SetText(p.StringWithFallback("export.width", "1920"))
	w.height.SetText(p.StringWithFallback("export.height", "1080"))
	w.dpi.SetSelected(p.StringWithFallback("export.dpi", "300"))
	extent := i18n.T("ui.exportforms.current_view")
	if p.String("export.extent") == "all" {
		extent = i18n.T("ui.exportforms.all_sites")
	}
	w.extent.SetSelected(extent)
	w.tables.SetChecked(p.BoolWithFallback("export.tables", false))
}

// remember keeps the choices of an export for the next one; the folder
// is kept by the save target.
func (w *exportWidgets) remember(p fyne.Preferences) {
	p.SetString("export.format", w.format.Selected)
	size, extent := w.size.Selected, "view" // codes: the texts follow the language
	if size == i18n.T(pixelSize) {
		size = "px"
	}
	if w.extent.Selected == i18n.T("ui.exportforms.all_sites") {
		extent = "all"
	}
	p.SetString("export.size", size)
	p.SetBool("export.landscape", w.landscape.Checked)
	p.SetString("export.width", w.width.Text)
	p.SetString("export.height", w.height.Text)
	p.SetString("export.dpi", w.dpi.Selected)
	p.SetString("export.extent", extent)
	p.SetBool("export.tables", w.tables.Checked)
	p.SetString(w.target.pref, w.target.folder.Text)
}

// values reads the inputs.
func (w *exportWidgets) values() exportForm {
	return exportForm{Format: w.format.Selected,
		Page: pageForm{Size: w.size.Selected, Landscape: w.landscape.Checked, WidthPx: w.width.Text, HeightPx: w.height.Text},
		DPI:  w.dpi.Selected, FitAll: w.extent.Selected != i18n.T("ui.exportforms.current_view"),
		Title: w.title.Text, Subtitle: w.subtitle.Text, Date: w.date.Text, Tables: w.tables.Checked,
		Folder: w.target.folder.Text, File: w.target.name.Text}
}

// show opens the export dialog.
func (d *exportDialog) show() {
	w := d.newExportWidgets()
	var dlg dialog.Dialog
	run := widget.NewButton(i18n.T("ui.exportforms.export"), func() {
		f := w.values()
		o, path, err := f.options(d)
		if err != nil {
			d.sh.showError(err)
			return
		}
		w.remember(d.sh.prefs)
		dlg.Hide()
		d.runWithProgress(path, o)
	})
	run.Importance = widget.HighImportance
	copyBtn := widget.NewButton(i18n.T("ui.exportforms.copy_map_image"), d.copyMapImage)
	dlg = dialog.NewCustom(i18n.T("ui.exportforms.export_map"), i18n.T("ui.edit.cancel"),
		container.NewBorder(nil, container.NewHBox(copyBtn, run), nil, nil, w.form()), d.sh.win)
	dlg.Resize(fyne.NewSize(760, 560))
	showDialog(d.sh.win, dlg)
}

// data writes the sites with their status in the map's year and their
// catchment polygons as GeoPackage, GeoJSON or CSV.
func (d *exportDialog) data() {
	st := d.sh.st
	target := newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-sites-%d", st.scene.Year))
	format := widget.NewSelect([]string{"GeoPackage (.gpkg)", "GeoJSON (.geojson)", "CSV (.csv)"}, nil)
	format.SetSelected("GeoPackage (.gpkg)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem(i18n.T("ui.exportforms.format"), format)}, target.items()...)...)
	d.sh.confirmForm(fmt.Sprintf(i18n.T("ui.exportforms.export_sites_and_catchments"), st.scene.Year), i18n.T("ui.exportforms.export"), form,
		func(ok bool) {
			if !ok {
				return
			}
			path, err := target.path([]string{".gpkg", ".geojson", ".csv"}[max(0, format.SelectedIndex())])
			if err != nil {
				d.sh.showError(err)
				return
			}
			sites, norms, year := st.editor.Sites(), st.scene.Norms.Clone(), st.scene.Year
			netSet := st.networkSet()
			go func() {
				err := writeDataExportNet(path, sites, norms, year, netSet)
				fyne.Do(func() { d.done(path, err) })
			}()
		})
}

// writeDataExport writes one data export by the file's extension (GeoJSON
// and CSV with the catchments beside, data.CatchmentsPath).
func writeDataExport(path string, sites []data.Site, n data.Norms, year int) error {
	_, err := data.ExportSites(path, strings.TrimPrefix(filepath.Ext(path), "."), sites, n, year) // GeoJSON and CSV: a pair, written together
	return err
}

// table writes the per-subdistrict × level table as CSV or XLSX.
func (d *exportDialog) table() {
	target := newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-coverage-%d", d.sh.st.scene.Year))
	format := widget.NewSelect([]string{"CSV + .csvt (QGIS, GDAL)", "XLSX (Excel)"}, nil)
	format.SetSelected("CSV + .csvt (QGIS, GDAL)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem(i18n.T("ui.exportforms.format"), format)}, target.items()...)...)
	d.sh.confirmForm(i18n.T("ui.exportforms.export_subdistrict_table"), i18n.T("ui.exportforms.export"), form, func(ok bool) {
		if !ok {
			return
		}
		xlsx := format.SelectedIndex() == 1
		ext := map[bool]string{false: ".csv", true: ".xlsx"}[xlsx]
		path, err := target.path(ext)
		if err != nil {
			d.sh.showError(err)
			return
		}
		d.done(path, writeTable(path, xlsx, d.sh.st.coverage))
	})
}

// writeTable writes the table as XLSX, or as CSV with its .csvt beside it
// (written together) so GIS tools read the codes as text.
func writeTable(path string, xlsx bool, res coverage.Result) error {
	if xlsx {
		return atomicfile.WriteFile(path, func(w io.Writer) error { return coverage.WriteXLSX(w, res) })
	}
	_, err := coverage.SaveCSV(path, res)
	return err
}
