package app

import (
	"bytes"
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
		size: widget.NewSelect([]string{"A4", "A3", pixelSize}, nil), landscape: widget.NewCheck("横向 landscape", nil),
		width: widget.NewEntry(), height: widget.NewEntry(), dpi: widget.NewSelect([]string{"150", "300"}, nil),
		extent: widget.NewRadioGroup([]string{"当前视图 current view", "全部项目 all sites"}, nil),
		title:  widget.NewEntry(), subtitle: widget.NewEntry(), date: widget.NewEntry(),
		tables: widget.NewCheck("第二页：项目一览与街道统计 page 2: site list and subdistrict table (PDF)", nil),
		target: newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-plan-%d", year))}
	w.format.Horizontal = true
	w.format.SetSelected(d.sh.prefs.StringWithFallback("export.format", "PDF"))
	w.size.SetSelected("A4")
	w.landscape.SetChecked(true)
	w.width.SetText("1920")
	w.height.SetText("1080")
	w.dpi.SetSelected("300")
	w.extent.SetSelected("当前视图 current view")
	w.title.SetText(defaultTitle(year))
	w.subtitle.SetPlaceHolder("副标题 subtitle (optional)")
	w.date.SetText(time.Now().Format("2006-01-02"))
	w.size.OnChanged = func(s string) {
		if s == pixelSize {
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
		widget.NewFormItem("格式 Format", w.format),
		widget.NewFormItem("纸张 Paper", container.NewHBox(w.size, w.landscape)),
		widget.NewFormItem("像素 Pixels", container.NewGridWithColumns(2, w.width, w.height)),
		widget.NewFormItem("分辨率 DPI", w.dpi),
		widget.NewFormItem("范围 Extent", w.extent),
		widget.NewFormItem("标题 Title", w.title),
		widget.NewFormItem("副标题 Subtitle", w.subtitle),
		widget.NewFormItem("日期 Date", w.date),
		widget.NewFormItem("", w.tables),
	)
	for _, it := range w.target.items() {
		f.AppendItem(it)
	}
	return f
}

// values reads the inputs.
func (w *exportWidgets) values() exportForm {
	return exportForm{Format: w.format.Selected,
		Page: pageForm{Size: w.size.Selected, Landscape: w.landscape.Checked, WidthPx: w.width.Text, HeightPx: w.height.Text},
		DPI:  w.dpi.Selected, FitAll: w.extent.Selected != "当前视图 current view",
		Title: w.title.Text, Subtitle: w.subtitle.Text, Date: w.date.Text, Tables: w.tables.Checked,
		Folder: w.target.folder.Text, File: w.target.name.Text}
}

// show opens the export dialog.
func (d *exportDialog) show() {
	w := d.newExportWidgets()
	var dlg dialog.Dialog
	run := widget.NewButton("导出 Export", func() {
		f := w.values()
		o, path, err := f.options(d)
		if err != nil {
			d.sh.showError(err)
			return
		}
		d.sh.prefs.SetString(w.target.pref, f.Folder)
		d.sh.prefs.SetString("export.format", f.Format)
		dlg.Hide()
		d.runWithProgress(path, o)
	})
	run.Importance = widget.HighImportance
	copyBtn := widget.NewButton("复制地图图像 Copy map image", d.copyMapImage)
	dlg = dialog.NewCustom("导出地图 Export map", "取消 Cancel",
		container.NewBorder(nil, container.NewHBox(copyBtn, run), nil, nil, w.form()), d.sh.win)
	dlg.Resize(fyne.NewSize(760, 560))
	dlg.Show()
}

// data writes the sites with their status in the map's year and their
// catchment polygons as GeoPackage, GeoJSON or CSV.
func (d *exportDialog) data() {
	st := d.sh.st
	target := newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-sites-%d", st.scene.Year))
	format := widget.NewSelect([]string{"GeoPackage (.gpkg)", "GeoJSON (.geojson)", "CSV (.csv)"}, nil)
	format.SetSelected("GeoPackage (.gpkg)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("格式 Format", format)}, target.items()...)...)
	d.sh.confirmForm(fmt.Sprintf("导出项目与服务范围 Export sites and catchments (%d)", st.scene.Year), "导出 Export", form,
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
			go func() {
				err := writeDataExport(path, sites, norms, year)
				fyne.Do(func() { d.done(path, err) })
			}()
		})
}

// writeDataExport writes one data export by the file's extension.
func writeDataExport(path string, sites []data.Site, n data.Norms, year int) error {
	switch filepath.Ext(path) {
	case ".gpkg":
		return data.WriteSitesGPKG(path, sites, n, year)
	case ".geojson":
		return atomicfile.WriteFile(path, func(w io.Writer) error { return data.WriteSitesGeoJSON(w, sites, n, year) })
	}
	var catch bytes.Buffer
	if err := atomicfile.WriteFile(path, func(w io.Writer) error { return data.WriteSitesCSV(w, &catch, sites, n, year) }); err != nil {
		return err
	}
	return atomicfile.WriteBytes(strings.TrimSuffix(path, ".csv")+"_catchments.csv", catch.Bytes())
}

// table writes the per-subdistrict × level table as CSV or XLSX.
func (d *exportDialog) table() {
	target := newSaveTarget(d.sh, "export.folder", fmt.Sprintf("liwan-coverage-%d", d.sh.st.scene.Year))
	format := widget.NewSelect([]string{"CSV (UTF-8, Excel)", "XLSX"}, nil)
	format.SetSelected("CSV (UTF-8, Excel)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("格式 Format", format)}, target.items()...)...)
	d.sh.confirmForm("导出街道表格 Export subdistrict table", "导出 Export", form, func(ok bool) {
		if !ok {
			return
		}
		ext, write := ".csv", coverage.WriteCSV
		if format.SelectedIndex() == 1 {
			ext, write = ".xlsx", coverage.WriteXLSX
		}
		path, err := target.path(ext)
		if err != nil {
			d.sh.showError(err)
			return
		}
		res := d.sh.st.coverage
		d.done(path, atomicfile.WriteFile(path, func(w io.Writer) error { return write(w, res) }))
	})
}
