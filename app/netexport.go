package app

import (
	"bytes"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// accessFormats are the accessibility map's export formats.
var accessFormats = []string{"GeoTIFF (m)", "GeoTIFF (min)", "PNG + .pgw"}

// exportRaster writes the accessibility map shown: a GeoTIFF of metres or
// minutes (at the chosen speed), or the classed PNG with a world file.
func (a *accessLayer) exportRaster() {
	r := a.raster
	if r == nil {
		return
	}
	st := a.sh.st
	target := newSaveTarget(a.sh, "export.folder", fmt.Sprintf("liwan-access-%d", st.scene.Year))
	format := widget.NewSelect(accessFormats, nil)
	format.SetSelected(accessFormats[0])
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem(i18n.T("ui.exportforms.format"), format)}, target.items()...)...)
	speed := a.walkSpeed()
	a.sh.confirmForm(i18n.T("network.ui.accessexport"), i18n.T("network.ui.importbtn"), form, func(ok bool) {
		if !ok {
			return
		}
		k := max(0, format.SelectedIndex())
		path, err := target.path([]string{".tif", ".tif", ".png"}[k])
		if err == nil {
			err = writeAccess(path, r, k, speed)
		}
		if err != nil {
			a.sh.showError(err)
			return
		}
		a.sh.status.SetText(i18n.T("network.cli.wrote", path, r.W, r.H))
	})
}

// writeAccess writes format k of accessFormats.
func writeAccess(path string, r *network.Raster, k int, speed float64) error {
	var buf bytes.Buffer
	if k == 2 {
		if err := r.WritePNG(&buf, network.DefaultBreaks); err != nil {
			return err
		}
		if err := atomicfile.WriteBytes(path, buf.Bytes()); err != nil {
			return err
		}
		return atomicfile.WriteBytes(strings.TrimSuffix(path, ".png")+".pgw", []byte(r.WorldFile()))
	}
	factor := 1.0
	if k == 1 {
		factor = 60 / (speed * 1000)
	}
	if err := r.WriteGeoTIFF(&buf, factor); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, buf.Bytes())
}
