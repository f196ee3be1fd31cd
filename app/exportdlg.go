package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// exportForm is what the export dialog asks, as plain values (tested
// without the dialog).
type exportForm struct {
	Format    string // "PNG" or "PDF"
	Size      string // "A4", "A3" or pixelSize
	Landscape bool
	WidthPx   string
	HeightPx  string
	DPI       string
	FitAll    bool
	Title     string
	Subtitle  string
	Date      string // YYYY-MM-DD
	Tables    bool
	Folder    string
	File      string
}

const pixelSize = "像素 pixels"

// defaultTitle is the export title for a year.
func defaultTitle(year int) string {
	return fmt.Sprintf("荔湾区“十四五”教育设施建设项目分布图 (%d年)", year)
}

const exportSources = "数据 Data: 荔湾区教育事业发展“十四五”规划 (2021—2025年) 附件；位置 Locations: 公开资料推定 (学校 POI、新闻)，精度见图"

// options validates the form against the current map and returns the
// export options and the output path.
func (f exportForm) options(u *UI) (export.Options, string, error) {
	o := export.Options{Format: export.PNG, Landscape: f.Landscape, Title: strings.TrimSpace(f.Title),
		Subtitle: strings.TrimSpace(f.Subtitle), Sources: exportSources, Attribution: u.source.Attribution,
		Scene: u.scene, Tables: f.Tables}
	if f.Format == "PDF" {
		o.Format = export.PDF
	}
	dpi, err := strconv.ParseFloat(f.DPI, 64)
	if err != nil || dpi < 36 || dpi > 1200 {
		return o, "", fmt.Errorf("分辨率 DPI %q: give a number from 36 to 1200", f.DPI)
	}
	o.DPI = dpi
	if f.Size == pixelSize {
		w, err1 := strconv.Atoi(strings.TrimSpace(f.WidthPx))
		h, err2 := strconv.Atoi(strings.TrimSpace(f.HeightPx))
		if err1 != nil || err2 != nil || w < 200 || h < 200 || w > 20000 || h > 20000 {
			return o, "", fmt.Errorf("像素尺寸 pixel size %s×%s: give whole numbers from 200 to 20000", f.WidthPx, f.HeightPx)
		}
		o.WidthPx, o.HeightPx = w, h
	} else {
		o.Paper = f.Size
	}
	if o.Date, err = time.Parse("2006-01-02", strings.TrimSpace(f.Date)); err != nil {
		return o, "", fmt.Errorf("日期 date %q: write it as 2026-09-01", f.Date)
	}
	if o.Title == "" {
		o.Title = defaultTitle(u.scene.Year)
	}
	if f.FitAll {
		o.Extent = u.sitesBound().Pad(0.004)
	} else {
		o.Extent = viewBound(u.Map.View())
	}
	name := f.File
	path, err := targetPath(f.Folder, name, "."+strings.ToLower(f.Format), nil)
	return o, path, err
}

// viewBound is the ground the map shows now.
func viewBound(v render.View) orb.Bound {
	a := v.FromScreen(0, float64(v.Height))
	b := v.FromScreen(float64(v.Width), 0)
	return orb.Bound{Min: a, Max: b}
}

// exportTo writes the snapshot to path (atomically: a failed or cancelled
// export leaves nothing behind).
func (u *UI) exportTo(ctx context.Context, path string, o export.Options, progress func(export.Progress)) error {
	e := &export.Exporter{FontTTF: u.fontTTF, Fonts: u.fonts, Tiles: u.store, MaxZoom: u.source.MaxZoom}
	return atomicfile.WriteFile(path, func(w io.Writer) error { return e.Write(ctx, w, o, progress) })
}

// explainExportError words a failed export for the planner.
func explainExportError(path string, err error) string {
	switch {
	case errors.Is(err, context.Canceled):
		return "导出已取消 Export cancelled; nothing was written."
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("磁盘已满 The disk is full while writing %s; nothing was written. Free some space or choose another folder.", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("没有写入权限 No permission to write %s; choose a folder you can write to.", path)
	}
	return fmt.Sprintf("导出失败 Export of %s failed: %v", path, err)
}

// showExport opens the export dialog (Ctrl+E).
func (u *UI) showExport() {
	target := u.newSaveTarget("export.folder", fmt.Sprintf("liwan-plan-%d", u.scene.Year))
	format := widget.NewRadioGroup([]string{"PNG", "PDF"}, nil)
	format.Horizontal = true
	format.SetSelected(u.prefs.StringWithFallback("export.format", "PDF"))
	size := widget.NewSelect([]string{"A4", "A3", pixelSize}, nil)
	size.SetSelected("A4")
	landscape := widget.NewCheck("横向 landscape", nil)
	landscape.SetChecked(true)
	width, height := widget.NewEntry(), widget.NewEntry()
	width.SetText("1920")
	height.SetText("1080")
	dpi := widget.NewSelect([]string{"150", "300"}, nil)
	dpi.SetSelected("300")
	extent := widget.NewRadioGroup([]string{"当前视图 current view", "全部项目 all sites"}, nil)
	extent.SetSelected("当前视图 current view")
	title := widget.NewEntry()
	title.SetText(defaultTitle(u.scene.Year))
	subtitle := widget.NewEntry()
	subtitle.SetPlaceHolder("副标题 subtitle (optional)")
	date := widget.NewEntry()
	date.SetText(time.Now().Format("2006-01-02"))
	tables := widget.NewCheck("第二页：项目一览与街道统计 page 2: site list and subdistrict table (PDF)", nil)
	size.OnChanged = func(s string) {
		if s == pixelSize {
			width.Enable()
			height.Enable()
		} else {
			width.Disable()
			height.Disable()
		}
	}
	size.OnChanged(size.Selected)
	form := widget.NewForm(
		widget.NewFormItem("格式 Format", format),
		widget.NewFormItem("纸张 Paper", container.NewHBox(size, landscape)),
		widget.NewFormItem("像素 Pixels", container.NewGridWithColumns(2, width, height)),
		widget.NewFormItem("分辨率 DPI", dpi),
		widget.NewFormItem("范围 Extent", extent),
		widget.NewFormItem("标题 Title", title),
		widget.NewFormItem("副标题 Subtitle", subtitle),
		widget.NewFormItem("日期 Date", date),
		widget.NewFormItem("", tables),
	)
	for _, it := range target.items() {
		form.AppendItem(it)
	}
	var dlg dialog.Dialog
	run := widget.NewButton("导出 Export", func() {
		f := exportForm{Format: format.Selected, Size: size.Selected, Landscape: landscape.Checked,
			WidthPx: width.Text, HeightPx: height.Text, DPI: dpi.Selected, FitAll: extent.Selected != "当前视图 current view",
			Title: title.Text, Subtitle: subtitle.Text, Date: date.Text, Tables: tables.Checked,
			Folder: target.folder.Text, File: target.name.Text}
		o, path, err := f.options(u)
		if err != nil {
			dialog.ShowError(err, u.Window)
			return
		}
		u.prefs.SetString(target.pref, f.Folder)
		u.prefs.SetString("export.format", f.Format)
		dlg.Hide()
		u.runExportWithProgress(path, o)
	})
	run.Importance = widget.HighImportance
	copyBtn := widget.NewButton("复制地图图像 Copy map image", func() { u.copyMapImage() })
	dlg = dialog.NewCustom("导出地图 Export map", "取消 Cancel",
		container.NewBorder(nil, container.NewHBox(copyBtn, run), nil, nil, form), u.Window)
	dlg.Resize(fyne.NewSize(760, 560))
	dlg.Show()
}

// runExportWithProgress exports off the UI goroutine, showing progress
// with a cancel button.
func (u *UI) runExportWithProgress(path string, o export.Options) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	stage := widget.NewLabel("准备 preparing…")
	prog := dialog.NewCustomWithoutButtons("正在导出 Exporting "+filepath.Base(path),
		container.NewVBox(stage, bar, widget.NewButton("取消 Cancel", cancel)), u.Window)
	prog.Resize(fyne.NewSize(460, 160))
	prog.Show()
	go func() {
		err := u.exportTo(ctx, path, o, func(p export.Progress) {
			fyne.Do(func() {
				stage.SetText(p.Stage)
				if p.Total > 0 {
					bar.SetValue(float64(p.Done) / float64(p.Total))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				dialog.ShowError(errors.New(explainExportError(path, err)), u.Window)
				return
			}
			dialog.ShowInformation("已导出 Exported", path, u.Window)
		})
	}()
}

// copyMapImage puts the map as shown on the clipboard as a PNG image.
func (u *UI) copyMapImage() {
	if u.copyImage == nil {
		dialog.ShowError(errors.New("此系统不支持复制图像 The clipboard cannot take images here; export a PNG instead"), u.Window)
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, u.Map.Image()); err != nil {
		dialog.ShowError(err, u.Window)
		return
	}
	if err := u.copyImage(buf.Bytes()); err != nil {
		dialog.ShowError(fmt.Errorf("复制失败 Copy failed: %w; export a PNG instead", err), u.Window)
		return
	}
	u.Status.SetText("地图图像已复制 Map image copied to the clipboard")
}

// showDataExport writes the sites with their status in the map's year and
// their catchment polygons as GeoPackage, GeoJSON or CSV.
func (u *UI) showDataExport() {
	target := u.newSaveTarget("export.folder", fmt.Sprintf("liwan-sites-%d", u.scene.Year))
	format := widget.NewSelect([]string{"GeoPackage (.gpkg)", "GeoJSON (.geojson)", "CSV (.csv)"}, nil)
	format.SetSelected("GeoPackage (.gpkg)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("格式 Format", format)}, target.items()...)...)
	u.confirmForm(fmt.Sprintf("导出项目与服务范围 Export sites and catchments (%d)", u.scene.Year), "导出 Export", form,
		func(ok bool) {
			if !ok {
				return
			}
			path, err := target.path([]string{".gpkg", ".geojson", ".csv"}[max(0, format.SelectedIndex())])
			if err != nil {
				dialog.ShowError(err, u.Window)
				return
			}
			sites, norms, year := u.editor.Sites(), u.scene.Norms.Clone(), u.scene.Year
			go func() {
				err := writeDataExport(path, sites, norms, year)
				fyne.Do(func() {
					if err != nil {
						dialog.ShowError(errors.New(explainExportError(path, err)), u.Window)
						return
					}
					dialog.ShowInformation("已导出 Exported", path, u.Window)
				})
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
