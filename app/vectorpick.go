package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// readVector reads a planner's file off the UI goroutine and hands the
// set to then. A GeoPackage with several layers that fit o.Want asks
// which one (listing geometry type and feature count), then reads it.
func (d *importDialogs) readVector(path string, o vector.Options, then func(*vector.Set)) {
	ctx, cancel := context.WithCancel(context.Background())
	o.Context = ctx
	wait := d.readingDialog(path, cancel)
	go func() {
		set, err := vector.OpenWith(path, o)
		fyne.Do(func() {
			wait.Hide()
			cancelled := ctx.Err() != nil
			cancel()
			var lc *vector.LayerChoiceError
			switch {
			case cancelled:
			case errors.As(err, &lc) && len(layerChoices(lc)) > 0:
				d.chooseLayer(lc, o, then)
			case err != nil:
				d.sh.showError(errors.New(i18n.T("files.app.cannot_read", err)))
			default:
				then(set)
			}
		})
	}()
}

// readingDialog says a file is being read, with a button that cancels
// the read (a large GeoPackage can take a while).
func (d *importDialogs) readingDialog(path string, cancel func()) dialog.Dialog {
	var dlg dialog.Dialog
	stop := widget.NewButton(i18n.T("files.app.cancel"), func() { cancel(); dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(i18n.T("files.app.reading_title"),
		container.NewVBox(widget.NewLabel(i18n.T("files.app.reading", filepath.Base(path))), widget.NewProgressBarInfinite(), stop), d.sh.win)
	onEsc(d.sh.win.Canvas(), dlg, stop.OnTapped)
	dlg.Show()
	return dlg
}

// layerChoices lists the feature layers a planner may pick (views and
// attribute tables are not offered).
func layerChoices(lc *vector.LayerChoiceError) []string {
	var out []string
	for _, l := range lc.Layers {
		if l.GeomType != "" && !l.View {
			out = append(out, l.Name)
		}
	}
	return out
}

// chooseLayer shows the layers with their feature counts.
func (d *importDialogs) chooseLayer(lc *vector.LayerChoiceError, o vector.Options, then func(*vector.Set)) {
	names := layerChoices(lc)
	labels := make([]string, len(names))
	for i, n := range names {
		for _, l := range lc.Layers {
			if l.Name == n {
				labels[i] = vector.LayerLabel(l)
			}
		}
	}
	group := widget.NewRadioGroup(labels, nil)
	group.SetSelected(labels[0])
	showCustomConfirm(i18n.T("files.app.choose_layer_title"), i18n.T("files.app.read"), i18n.T("files.app.cancel"),
		container.NewVBox(widget.NewLabel(i18n.T("files.app.choose_layer", lc.Error())), group), func(ok bool) {
			if !ok {
				return
			}
			for i, l := range labels {
				if l == group.Selected {
					o.Layer = names[i]
				}
			}
			d.readVector(lc.Path, o, then)
		}, d.sh.win)
}

// crsChoices are the systems offered for a file: the usual ones, and the
// one the file declared when it is not among them (any Gauss–Krüger zone).
func crsChoices(detected crs.CRS) []crs.CRS {
	all := crs.All()
	for _, c := range all {
		if c == detected {
			return all
		}
	}
	if detected != crs.Unknown {
		all = append(all, detected)
	}
	return all
}

func crsSelect(detected crs.CRS) (*widget.Select, []crs.CRS) {
	choices := crsChoices(detected)
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = crsText(c)
	}
	s := widget.NewSelect(labels, nil)
	if detected != crs.Unknown {
		s.SetSelected(crsText(detected))
	}
	return s, choices
}

// crsNote says what the file declared: a system, an unsupported one by
// name, or nothing; and any datum warning.
func crsNote(set *vector.Set) string {
	switch {
	case set.CRS != crs.Unknown && crsWarning(set.CRS) != "":
		return i18n.T("files.app.crs_declared", crsText(set.CRS)) + "\n⚠ " + crsWarning(set.CRS)
	case set.CRS != crs.Unknown:
		return i18n.T("files.app.crs_declared", crsText(set.CRS))
	case set.CRSError != nil:
		return i18n.T("files.app.crs_unsupported", set.CRSError)
	}
	return i18n.T("files.app.crs_none")
}

// encodingRow shows the encoding the whole file was read in and why, with
// a choice that reads the file again in another.
func encodingRow(set *vector.Set, reread func(enc string)) fyne.CanvasObject {
	opts := vector.Encodings()
	if !contains(opts, set.Encoding) {
		opts = append([]string{set.Encoding}, opts...)
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelected(set.Encoding)
	sel.OnChanged = func(e string) {
		if e != set.Encoding {
			reread(e)
		}
	}
	why := widget.NewLabel(fmt.Sprintf("(%s)", set.EncodingBasis))
	why.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, sel, nil, why)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
