package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// exportDialog exports the map (PNG, PDF, clipboard), the sites and the
// subdistrict table.
type exportDialog struct {
	sh        *shell
	live      *liveBasemap
	fonts     *render.Fonts
	fontTTF   []byte
	copyImage func(png []byte) error // nil when the clipboard takes no images
	creator   string                 // app and version, for PDF metadata
}

// exportForm is what the export dialog asks, as plain values (tested
// without the dialog).
type exportForm struct {
	Format                string // "PNG" or "PDF"
	Page                  pageForm
	DPI                   string
	FitAll                bool
	Title, Subtitle, Date string // Date: YYYY-MM-DD
	Tables                bool
	Folder, File          string
}

// pageForm is the page size: paper or pixels.
type pageForm struct {
	Size              string // "A4", "A3" or pixelSize
	Landscape         bool
	WidthPx, HeightPx string
}

const pixelSize = "ui.exportdlg.pixels"

// defaultTitle is the export title for a year.
func defaultTitle(year int) string {
	return fmt.Sprintf(i18n.T("export.title_default"), year)
}

const exportSources = "export.sources"

// options validates the form against the current map and returns the
// export options and the output path.
func (f exportForm) options(d *exportDialog) (export.Options, string, error) {
	st := d.sh.st
	o := export.Options{Format: export.PNG, Landscape: f.Page.Landscape, Title: strings.TrimSpace(f.Title),
		Subtitle: strings.TrimSpace(f.Subtitle), Sources: i18n.T(exportSources), Attribution: d.live.Attribution(), Creator: d.creator,
		Scene: st.scene, Tables: f.Tables}
	if f.Tables {
		res := st.coverage // the analysis the Subdistricts tab shows
		o.Coverage = &res
	}
	if f.Format == "PDF" {
		o.Format = export.PDF
	}
	if err := f.size(&o); err != nil {
		return o, "", err
	}
	var err error
	if o.Date, err = time.Parse("2006-01-02", strings.TrimSpace(f.Date)); err != nil {
		return o, "", fmt.Errorf(i18n.T("ui.exportdlg.date_write_it_as_2026"), f.Date)
	}
	if o.Title == "" {
		o.Title = defaultTitle(st.scene.Year)
	}
	o.Extent = viewBound(d.sh.m.View())
	if f.FitAll {
		o.Extent = st.sitesBound().Pad(0.004)
		if all, ok := render.ContentBound(st.scene, 0.05); ok {
			o.Extent = all // every site, halo and catchment, with a margin
		}
	}
	path, err := targetPath(f.Folder, f.File, "."+strings.ToLower(f.Format), nil)
	return o, path, err
}

// size checks the resolution and the paper or pixel size.
func (f exportForm) size(o *export.Options) error {
	dpi, err := strconv.ParseFloat(f.DPI, 64)
	if err != nil || !(dpi >= 36 && dpi <= 1200) { // NaN too
		return fmt.Errorf(i18n.T("ui.exportdlg.dpi_give_a_number_from"), f.DPI)
	}
	o.DPI = dpi
	p := f.Page
	if p.Size != i18n.T(pixelSize) {
		o.Paper = p.Size
		return nil
	}
	w, err1 := strconv.Atoi(strings.TrimSpace(p.WidthPx))
	h, err2 := strconv.Atoi(strings.TrimSpace(p.HeightPx))
	if err1 != nil || err2 != nil || w < 200 || h < 200 || w > 20000 || h > 20000 {
		return fmt.Errorf(i18n.T("ui.exportdlg.pixel_size_give_whole_numbers"), p.WidthPx, p.HeightPx)
	}
	o.WidthPx, o.HeightPx = w, h
	return nil
}

// viewBound is the ground the map shows now.
func viewBound(v render.View) orb.Bound {
	a := v.FromScreen(0, float64(v.Height))
	b := v.FromScreen(float64(v.Width), 0)
	return orb.Bound{Min: a, Max: b}
}

// exportTo writes the snapshot to path (atomically: a failed or cancelled
// export leaves nothing behind).
func (d *exportDialog) exportTo(ctx context.Context, path string, o export.Options, progress func(export.Progress)) error {
	e := &export.Exporter{FontTTF: d.fontTTF, Fonts: d.fonts, TileBudget: export.DefaultTileBudget} // as the command line
	if b := d.live.cur.Load(); b != nil {
		e.Tiles, e.MaxZoom, e.GCJ02 = b, b.Source.MaxZoom, b.GCJ02()
	}
	return atomicfile.WriteFile(path, func(w io.Writer) error { return e.Write(ctx, w, o, progress) })
}

// explainExportError words a failed export for the planner: a full disk
// or a read-only folder names the folder chosen (data.ExplainWriteError),
// never a temporary file.
func explainExportError(path string, err error) string {
	if errors.Is(err, context.Canceled) {
		return i18n.T("ui.exportdlg.export_cancelled_nothing_was_written")
	}
	var pe *data.PairError
	if errors.As(err, &pe) {
		path = pe.Path // the file of a pair (or a CSV's .csvt) that failed
	}
	if msg := data.ExplainWriteError(path, err); msg != err.Error() {
		return msg
	}
	return fmt.Sprintf(i18n.T("ui.exportdlg.export_of_failed"), path, err)
}

// runWithProgress exports off the UI goroutine, showing progress with a
// cancel button.
func (d *exportDialog) runWithProgress(path string, o export.Options) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	stage := widget.NewLabel(i18n.T("ui.exportdlg.preparing"))
	prog := dialog.NewCustomWithoutButtons(i18n.T("ui.exportdlg.exporting")+filepath.Base(path),
		container.NewVBox(stage, bar, widget.NewButton(i18n.T("ui.edit.cancel"), cancel)), d.sh.win)
	prog.Resize(fyne.NewSize(460, 160))
	onEsc(d.sh.win.Canvas(), prog, cancel)
	prog.Show()
	go func() {
		err := d.exportTo(ctx, path, o, func(p export.Progress) {
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
			d.done(path, err)
		})
	}()
}

// done reports a finished export.
func (d *exportDialog) done(path string, err error) {
	if err != nil {
		d.sh.showError(errors.New(explainExportError(path, err)))
		return
	}
	showInformation(i18n.T("ui.exportdlg.exported"), path, d.sh.win)
}

// copyMapImage puts the map as shown on the clipboard as a PNG image.
func (d *exportDialog) copyMapImage() {
	if d.copyImage == nil {
		d.sh.showError(errors.New(i18n.T("ui.exportdlg.the_clipboard_cannot_take_images")))
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, d.sh.m.Image()); err != nil {
		d.sh.showError(err)
		return
	}
	if err := d.copyImage(buf.Bytes()); err != nil {
		d.sh.showError(fmt.Errorf(i18n.T("ui.exportdlg.copy_failed_export_a_png"), err))
		return
	}
	d.sh.status.SetText(i18n.T("ui.exportdlg.map_image_copied_to_the"))
}
