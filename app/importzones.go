package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// boundaries reads a boundary file and asks for its fields and
// coordinate system.
func (d *importDialogs) boundaries() {
	d.openFile([]string{".geojson", ".json", ".shp", ".gpkg"}, func(path string) {
		d.readBoundaries(path, "", "auto")
	})
}

func (d *importDialogs) readBoundaries(path, layer, enc string) {
	d.readVector(path, vector.Options{Layer: layer, Want: vector.WantPolygon, Encoding: enc}, d.showBoundaryMapping)
}

func (d *importDialogs) showBoundaryMapping(set *vector.Set) {
	m := data.GuessBoundaryMapping(set.Fields)
	pick := func(cur string) *widget.Select { return columnPicker(set.Fields, cur) }
	name, code, pop := pick(m.Name), pick(m.Code), pick(m.Population)
	sys, systems := crsSelect(set.CRS)
	detected := crsNote(set)
	col := pickedColumn
	preview := widget.NewLabel(previewText(set, 5))
	dialog.ShowCustomConfirm(i18n.T("ui.importzones.import_subdistrict_boundaries"), i18n.T("ui.importzones.import"), i18n.T("ui.edit.cancel"),
		container.NewVBox(widget.NewLabel(fmt.Sprintf(i18n.T("ui.importzones.polygons"), filepath.Base(set.Path), len(set.Features), detected)),
			widget.NewForm(widget.NewFormItem(i18n.T("ui.importdlg.encoding"), encodingRow(set, func(e string) { d.readBoundaries(set.Path, set.Layer, e) })),
				widget.NewFormItem(i18n.T("ui.importdlg.name"), name), widget.NewFormItem(i18n.T("ui.importzones.code"), code),
				widget.NewFormItem(i18n.T("ui.importzones.population"), pop), widget.NewFormItem(i18n.T("ui.importdlg.coordinates"), sys)), preview),
		func(ok bool) {
			if !ok {
				return
			}
			if sys.SelectedIndex() < 0 {
				d.sh.showError(errors.New(i18n.T("ui.importzones.choose_the_file_s_coordinate")))
				return
			}
			mm := data.BoundaryMapping{Name: col(name), Code: col(code), Population: col(pop), CRS: systems[sys.SelectedIndex()]}
			subs, probs := data.Subdistricts(set, mm)
			d.confirmBoundaries(set, subs, probs, mm.CRS)
		}, d.sh.win)
}

func (d *importDialogs) confirmBoundaries(set *vector.Set, subs []data.Subdistrict, probs []data.Problem, read crs.CRS) {
	merged, added := data.MergeSubdistrictsReport(d.sh.st.subdistricts, subs)
	inside, located, hint := data.OffsetCheck(subs, d.sh.st.scene.Sites, read)
	var lines []string
	if len(added) > 0 {
		lines = append(lines, i18n.T("robust.subdistricts.added", data.UnmatchedNames(added)))
	}
	for _, p := range probs {
		lines = append(lines, p.String())
	}
	msg := fmt.Sprintf(i18n.T("ui.importzones.boundaries_valid_with_problems_located"),
		len(subs), len(probs), inside, located)
	if hint != "" {
		msg += i18n.T("ui.importzones.possible_offset") + hint
	}
	body := widget.NewLabel(msg + "\n" + strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(i18n.T("ui.importdlg.import_check"), fmt.Sprintf(i18n.T("ui.importzones.import2"), len(subs), len(subs)), i18n.T("ui.edit.cancel"),
		container.NewVScroll(body), func(ok bool) {
			if ok && len(subs) > 0 {
				d.sh.st.setSubdistricts(merged)
				d.sh.status.SetText(fmt.Sprintf(i18n.T("ui.importzones.imported_boundaries_from"), len(subs), len(subs), filepath.Base(set.Path)))
			}
		}, d.sh.win)
	dlg.Resize(fyne.NewSize(640, 420))
	dlg.Show()
}

// population reads a CSV of populations keyed by code or name.
func (d *importDialogs) population() {
	d.openFile([]string{".csv", ".txt"}, func(path string) { d.readPopulation(path, "auto") })
}

// readPopulation reads the CSV in enc and asks for its columns; the
// encoding shown can be changed, which reads the file again.
func (d *importDialogs) readPopulation(path, enc string) {
	d.readVector(path, vector.Options{Encoding: enc}, func(set *vector.Set) {
		m := data.GuessBoundaryMapping(set.Fields)
		key, pop := widget.NewSelect(set.Fields, nil), widget.NewSelect(set.Fields, nil)
		if k := m.Code + m.Name; k != "" {
			key.SetSelected(map[bool]string{true: m.Code, false: m.Name}[m.Code != ""])
		}
		if m.Population != "" {
			pop.SetSelected(m.Population)
		}
		var form *dialog.FormDialog
		reread := func(e string) { form.Hide(); d.readPopulation(path, e) }
		form = dialog.NewForm(i18n.T("ui.importzones.import_population")+set.Encoding+")", i18n.T("ui.importzones.import"), i18n.T("ui.edit.cancel"),
			[]*widget.FormItem{widget.NewFormItem(i18n.T("ui.importdlg.encoding"), encodingRow(set, reread)),
				widget.NewFormItem(i18n.T("ui.importzones.code_or_name"), key), widget.NewFormItem(i18n.T("ui.importzones.population"), pop)},
			func(ok bool) {
				if !ok || key.Selected == "" || pop.Selected == "" {
					return
				}
				subs, probs := data.ApplyPopulation(d.sh.st.subdistricts, set, key.Selected, pop.Selected)
				d.sh.st.setSubdistricts(subs)
				if len(probs) > 0 {
					var lines []string
					for _, p := range probs {
						lines = append(lines, p.String())
					}
					dialog.ShowInformation(i18n.T("ui.importzones.rows_not_imported"), strings.Join(lines, "\n"), d.sh.win)
				}
			}, d.sh.win)
		form.Show()
	})
}
