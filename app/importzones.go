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
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// boundaries reads a boundary file and asks for its fields and
// coordinate system.
func (d *importDialogs) boundaries() {
	d.openFile([]string{".geojson", ".json", ".shp", ".gpkg"}, func(path string) {
		set, err := vector.Open(path, "", "auto")
		if err != nil {
			d.sh.showError(fmt.Errorf("无法读取 Cannot read %v. Nothing was imported", err))
			return
		}
		d.showBoundaryMapping(set)
	})
}

func (d *importDialogs) showBoundaryMapping(set *vector.Set) {
	m := data.GuessBoundaryMapping(set.Fields)
	pick := func(cur string) *widget.Select { return columnPicker(set.Fields, cur) }
	name, code, pop := pick(m.Name), pick(m.Code), pick(m.Population)
	sys := widget.NewSelect(crsLabels(), nil)
	detected := "文件未说明坐标系，请选择 the file does not say: choose"
	if set.CRS != crs.Unknown {
		sys.SetSelected(set.CRS.Label())
		detected = "文件声明 declared by the file: " + set.CRS.Label()
	}
	col := pickedColumn
	preview := widget.NewLabel(previewText(set, 5))
	dialog.ShowCustomConfirm("导入街道边界 Import subdistrict boundaries", "导入 Import", "取消 Cancel",
		container.NewVBox(widget.NewLabel(fmt.Sprintf("%s · %d 个面 polygons · %s", filepath.Base(set.Path), len(set.Features), detected)),
			widget.NewForm(widget.NewFormItem("名称 Name", name), widget.NewFormItem("代码 Code", code),
				widget.NewFormItem("人口 Population", pop), widget.NewFormItem("坐标系 Coordinates", sys)), preview),
		func(ok bool) {
			if !ok {
				return
			}
			if sys.SelectedIndex() < 0 {
				d.sh.showError(errors.New("请选择坐标系 Choose the file's coordinate system"))
				return
			}
			mm := data.BoundaryMapping{Name: col(name), Code: col(code), Population: col(pop), CRS: crs.All()[sys.SelectedIndex()]}
			subs, probs := data.Subdistricts(set, mm)
			d.confirmBoundaries(set, subs, probs)
		}, d.sh.win)
}

func (d *importDialogs) confirmBoundaries(set *vector.Set, subs []data.Subdistrict, probs []data.Problem) {
	merged := data.MergeSubdistricts(d.sh.st.subdistricts, subs)
	inside, located, hint := data.OffsetCheck(subs, d.sh.st.scene.Sites)
	var lines []string
	for _, p := range probs {
		lines = append(lines, p.String())
	}
	msg := fmt.Sprintf("%d 个街道边界有效 valid, %d 个有问题 with problems. %d / %d 个已定位项目落在边界内 located sites fall inside.",
		len(subs), len(probs), inside, located)
	if hint != "" {
		msg += "\n⚠ 可能坐标偏移 Possible offset: " + hint
	}
	body := widget.NewLabel(msg + "\n" + strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("导入检查 Import check", fmt.Sprintf("导入 %d 个 Import %d", len(subs), len(subs)), "取消 Cancel",
		container.NewVScroll(body), func(ok bool) {
			if ok && len(subs) > 0 {
				d.sh.st.setSubdistricts(merged)
				d.sh.status.SetText(fmt.Sprintf("已导入 %d 个街道边界 Imported %d boundaries from %s", len(subs), len(subs), filepath.Base(set.Path)))
			}
		}, d.sh.win)
	dlg.Resize(fyne.NewSize(640, 420))
	dlg.Show()
}

// population reads a CSV of populations keyed by code or name.
func (d *importDialogs) population() {
	d.openFile([]string{".csv", ".txt"}, func(path string) {
		set, err := vector.ReadCSV(path, "auto")
		if err != nil {
			d.sh.showError(fmt.Errorf("无法读取 Cannot read %v", err))
			return
		}
		m := data.GuessBoundaryMapping(set.Fields)
		key, pop := widget.NewSelect(set.Fields, nil), widget.NewSelect(set.Fields, nil)
		if k := m.Code + m.Name; k != "" {
			key.SetSelected(map[bool]string{true: m.Code, false: m.Name}[m.Code != ""])
		}
		if m.Population != "" {
			pop.SetSelected(m.Population)
		}
		dialog.ShowForm("导入人口 Import population ("+set.Encoding+")", "导入 Import", "取消 Cancel",
			[]*widget.FormItem{widget.NewFormItem("街道代码或名称 Code or name", key), widget.NewFormItem("人口 Population", pop)},
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
					dialog.ShowInformation("未导入的行 Rows not imported", strings.Join(lines, "\n"), d.sh.win)
				}
			}, d.sh.win)
	})
}
