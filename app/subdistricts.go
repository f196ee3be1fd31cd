package app

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// zonePanel is the Subdistricts tab: what the choropleth shows, the table
// and the imports.
type zonePanel struct {
	measure, level, classing *widget.Select
	fixed                    *widget.Entry
	target                   *widget.Label
	table                    *widget.Table
	rows                     []coverage.Row // shown rows (the chosen level), sorted
	sortCol                  int
	sortDesc                 bool
}

var zoneColumns = []string{"街道", "人口", "建成学位", "在建", "规划", "需求", "缺口", "每千人", "覆盖%", "2SFCA"}

func (u *UI) newZonePanel() fyne.CanvasObject {
	p := &zonePanel{}
	u.zones = p
	var ms []string
	for _, m := range coverage.Measures() {
		ms = append(ms, m.Label())
	}
	refresh := func(string) { u.refreshZones() }
	p.measure = widget.NewSelect(ms, refresh)
	p.measure.SetSelected(ms[0])
	var ls []string
	for _, l := range coverage.Levels {
		ls = append(ls, l.Label())
	}
	p.level = widget.NewSelect(ls, refresh)
	p.level.SetSelected(ls[0])
	p.classing = widget.NewSelect(coverage.ClassingLabels, refresh)
	p.classing.SetSelected(coverage.ClassingLabels[0])
	p.fixed = widget.NewEntry()
	p.fixed.SetPlaceHolder("固定断点 fixed breaks, e.g. -500,0,500")
	p.fixed.OnChanged = refresh
	p.target = widget.NewLabel("")
	p.target.Wrapping = fyne.TextWrapWord
	p.table = widget.NewTable(func() (int, int) { return len(p.rows), len(zoneColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("000000")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(p.rows) {
				o.(*widget.Label).SetText(zoneCell(p.rows[id.Row], id.Col))
			}
		})
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		t := zoneColumns[id.Col]
		if id.Col == p.sortCol {
			t += map[bool]string{false: " ▲", true: " ▼"}[p.sortDesc]
		}
		b.SetText(t)
		b.OnTapped = func() { u.sortZones(id.Col) }
	}
	for i, w := range []float32{84, 72, 76, 56, 56, 64, 64, 64, 60, 60} {
		p.table.SetColumnWidth(i, w)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(p.rows) {
			r := p.rows[id.Row]
			if id.Col == 1 {
				u.askPopulation(r.Code, r.Name)
			} else {
				u.showZone(r.Code, r.Name)
			}
		}
		p.table.UnselectAll()
	}
	buttons := container.NewGridWithColumns(3,
		widget.NewButton("导入边界 Boundaries…", u.importBoundaries),
		widget.NewButton("导入人口 Population…", u.importPopulation),
		widget.NewButton("导出表格 Export table…", u.exportTable))
	controls := widget.NewForm(widget.NewFormItem("指标 Measure", p.measure), widget.NewFormItem("学段 Level", p.level),
		widget.NewFormItem("分级 Classes", container.NewGridWithColumns(2, p.classing, p.fixed)))
	hint := widget.NewLabel("点击人口格可输入人口 Click a population cell to type it.")
	hint.Importance = widget.LowImportance
	return container.NewBorder(container.NewVBox(buttons, controls, p.target, hint), nil, nil, nil, p.table)
}

func zoneCell(r coverage.Row, col int) string {
	f := func(v float64, prec int) string {
		if math.IsNaN(v) {
			return "—"
		}
		return strconv.FormatFloat(v, 'f', prec, 64)
	}
	switch col {
	case 0:
		return r.Name
	case 1:
		if !r.PopKnown {
			return "待输入"
		}
		return strconv.Itoa(r.Population)
	case 2, 3, 4:
		return strconv.Itoa(r.Seats[col-2])
	case 5:
		return f(r.Demand, 0)
	case 6:
		return f(r.Gap, 0)
	case 7:
		return f(r.SeatsPer1k, 1)
	case 8:
		if !r.HasBoundary {
			return "需边界"
		}
		return f(r.PopCovered*100, 0)
	}
	if !r.HasBoundary {
		return "需边界"
	}
	return f(r.SFCA, 2)
}

// zoneSortKey orders rows by a column; NaN last.
func zoneSortKey(r coverage.Row, col int) float64 {
	switch col {
	case 1:
		if !r.PopKnown {
			return math.NaN()
		}
		return float64(r.Population)
	case 2, 3, 4:
		return float64(r.Seats[col-2])
	case 5:
		return r.Demand
	case 6:
		return r.Gap
	case 7:
		return r.SeatsPer1k
	case 8:
		return r.PopCovered
	case 9:
		return r.SFCA
	}
	return math.NaN()
}

func (u *UI) sortZones(col int) {
	p := u.zones
	if p.sortCol == col {
		p.sortDesc = !p.sortDesc
	} else {
		p.sortCol, p.sortDesc = col, col != 0
	}
	u.refreshZones()
}

func sortRows(rows []coverage.Row, col int, desc bool) {
	sort.SliceStable(rows, func(i, j int) bool {
		if col == 0 {
			return (rows[i].Name < rows[j].Name) != desc
		}
		a, b := zoneSortKey(rows[i], col), zoneSortKey(rows[j], col)
		switch {
		case math.IsNaN(a):
			return false
		case math.IsNaN(b):
			return true
		}
		return (a < b) != desc
	})
}

// analyse runs the coverage analysis for the scene.
func (u *UI) analyse() coverage.Result {
	sc := u.scene
	return coverage.Analyse(coverage.Input{Subdistricts: u.subdistricts, Sites: sc.Sites, Norms: sc.Norms, Year: sc.Year})
}

// refreshZones re-runs the analysis and shows it: table, target check and
// the choropleth (which goes into the scene without bumping other parts).
// It reports false while the panel is still being built.
func (u *UI) refreshZones() bool {
	p := u.zones
	if p == nil || p.table == nil {
		return false
	}
	res := u.analyse()
	u.coverage = res
	level := coverage.Levels[max(0, p.level.SelectedIndex())]
	m := coverage.Measures()[max(0, p.measure.SelectedIndex())]
	p.rows = p.rows[:0]
	var values []float64
	for _, r := range res.Rows {
		if r.Level == level {
			p.rows = append(p.rows, r)
			if r.HasBoundary {
				values = append(values, m.Value(r))
			}
		}
	}
	sortRows(p.rows, p.sortCol, p.sortDesc)
	p.table.Refresh()
	met, by := 0, 0
	var missing []string
	for _, t := range res.Target {
		if t.Met() {
			met++
		} else {
			missing = append(missing, t.Name)
		}
		if t.MetBy() {
			by++
		}
	}
	p.target.SetText(fmt.Sprintf("“每个街道至少办一所公办幼儿园”: %d / %d 街道 %d年已有规划的政府投资幼儿园建成 have a government-funded plan kindergarten in service in %d; %d / %d 在规划中 in the plan. 未达到 Not met: %s\n"+
		"人口 Population: 已输入 entered %d, 全区 2020 年普查 district census 1,238,305 (%.0f%%).",
		by, len(res.Target), res.Year, res.Year, met, len(res.Target), strings.Join(missing, "、"),
		res.PopEntered, 100*float64(res.PopEntered)/float64(data.LiwanPopulation2020)))
	zones, classes := u.choropleth(res, level, m, values)
	title := m.Label() + " · " + level.Label() + fmt.Sprintf(" (%d)", res.Year)
	next := *u.scene
	next.Zones, next.ZoneClasses, next.ZoneTitle = zones, classes, title
	next.Version = u.scene.Version + 1
	u.scene = &next
	u.Map.SetScene(u.scene)
	u.legend.show(u.scene)
	u.refreshZoneLayerCheck()
	return true
}

func (u *UI) choropleth(res coverage.Result, level data.Level, m coverage.Measure, values []float64) ([]render.Zone, []render.ZoneClass) {
	p := u.zones
	c := coverage.Classing(max(0, p.classing.SelectedIndex()))
	var fixed []float64
	for _, s := range strings.Split(p.fixed.Text, ",") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			fixed = append(fixed, v)
		}
	}
	sort.Float64s(fixed)
	breaks := coverage.Breaks(values, c, 5, fixed)
	pal := coverage.Palette(m, len(breaks)+1)
	byKey := map[string]coverage.Row{}
	for _, r := range res.Rows {
		if r.Level == level {
			byKey[r.Code+"|"+r.Name] = r
		}
	}
	var zones []render.Zone
	for _, s := range u.subdistricts {
		if len(s.Boundary) == 0 {
			continue
		}
		r := byKey[s.Code+"|"+s.Name]
		z := render.Zone{Name: s.Name, Boundary: s.Boundary, Gap: coverage.IsGap(r)}
		if k := coverage.Class(m.Value(r), breaks); k >= 0 {
			z.Fill = pal[k]
		}
		zones = append(zones, z)
	}
	var classes []render.ZoneClass
	for k := range pal {
		lo, hi := "", ""
		if k > 0 {
			lo = strconv.FormatFloat(breaks[k-1], 'g', 4, 64)
		}
		if k < len(breaks) {
			hi = strconv.FormatFloat(breaks[k], 'g', 4, 64)
		}
		label := lo + " – " + hi
		switch {
		case lo == "":
			label = "< " + hi
		case hi == "":
			label = "≥ " + lo
		}
		classes = append(classes, render.ZoneClass{Fill: pal[k], Label: label})
	}
	if len(zones) == 0 {
		classes = nil
	}
	return zones, classes
}

// refreshZoneLayerCheck adds the subdistrict layer's switch once
// boundaries exist.
func (u *UI) refreshZoneLayerCheck() {
	if len(u.scene.Zones) > 0 && u.layerChecks[render.Subdistricts] == nil && u.layerBox != nil {
		u.layerBox.Add(u.layerRow(render.Subdistricts))
	}
}

// zoneAt returns the subdistrict containing p, or nil.
func (u *UI) zoneAt(p orb.Point) *data.Subdistrict {
	for i := range u.subdistricts {
		s := &u.subdistricts[i]
		if len(s.Boundary) > 0 && s.Boundary.Bound().Contains(p) && planar.MultiPolygonContains(s.Boundary, p) {
			return s
		}
	}
	return nil
}

// zoneSummary is one line of a subdistrict's figures, for hover.
func (u *UI) zoneSummary(s *data.Subdistrict) string {
	parts := []string{s.Name}
	for _, r := range u.coverage.Rows {
		if r.Code == s.Code && r.Name == s.Name {
			gap := "缺口 gap —"
			if !math.IsNaN(r.Gap) {
				gap = fmt.Sprintf("缺口 gap %.0f", r.Gap)
			}
			parts = append(parts, fmt.Sprintf("%s 学位 %d %s 覆盖 %s%%", r.Level.Label(), r.Seats[0], gap, zoneCell(r, 8)))
		}
	}
	return strings.Join(parts, " · ")
}

// showZone shows a subdistrict's figures by level and its sites in the
// details panel.
func (u *UI) showZone(code, name string) {
	var rows [][2]string
	for _, r := range u.coverage.Rows {
		if r.Code != code || r.Name != name {
			continue
		}
		rows = append(rows, [2]string{r.Level.Label(), fmt.Sprintf("学位 seats: 建成 %d · 在建 %d · 规划 %d\n人口 population %s · 需求 demand %s · 缺口 gap %s\n每千人 per 1000: %s · 覆盖 covered: %s%% · 2SFCA %s · 未覆盖需求 uncovered %s",
			r.Seats[0], r.Seats[1], r.Seats[2], zoneCell(r, 1), zoneCell(r, 5), zoneCell(r, 6), zoneCell(r, 7), zoneCell(r, 8), zoneCell(r, 9),
			strconv.FormatFloat(r.Uncovered, 'f', 0, 64))})
	}
	var ids []string
	for _, s := range u.scene.Sites {
		if s.Subdistrict == name {
			ids = append(ids, fmt.Sprintf("%s %s", s.ID, s.ShortName))
		} else if s.Located {
			if z := u.zoneAt(s.Location); z != nil && z.Name == name {
				ids = append(ids, fmt.Sprintf("%s %s", s.ID, s.ShortName))
			}
		}
	}
	rows = append(rows, [2]string{"项目 Sites", strings.Join(ids, "\n")})
	u.Details.ShowRows(fmt.Sprintf("街道 %s (%s) · %d年", name, code, u.scene.Year), rows)
	u.Details.SetActions()
}

func (u *UI) setSubdistricts(subs []data.Subdistrict) {
	u.subdistricts = subs
	u.markDirty()
	u.refreshZones()
}

// askPopulation lets the planner type a subdistrict's population.
func (u *UI) askPopulation(code, name string) {
	e := widget.NewEntry()
	for _, s := range u.subdistricts {
		if s.Code == code && s.PopKnown {
			e.SetText(strconv.Itoa(s.Population))
		}
	}
	dialog.ShowForm("人口 Population: "+name, "确定 OK", "取消 Cancel", []*widget.FormItem{widget.NewFormItem("常住人口 residents", e)}, func(ok bool) {
		if !ok {
			return
		}
		t := strings.ReplaceAll(strings.TrimSpace(e.Text), ",", "")
		subs := append([]data.Subdistrict(nil), u.subdistricts...)
		for i := range subs {
			if subs[i].Code != code || subs[i].Name != name {
				continue
			}
			if t == "" {
				subs[i].PopKnown, subs[i].Population = false, 0
			} else if n, err := strconv.Atoi(t); err == nil && n >= 0 {
				subs[i].PopKnown, subs[i].Population = true, n
				subs[i].Source = strings.TrimSpace(subs[i].Source + " typed by planner")
			} else {
				dialog.ShowError(fmt.Errorf("人口 %q: give a whole number of residents", e.Text), u.Window)
				return
			}
		}
		u.setSubdistricts(subs)
	}, u.Window)
}

// importBoundaries reads a boundary file and asks for its fields and
// coordinate system.
func (u *UI) importBoundaries() {
	u.openFile([]string{".geojson", ".json", ".shp", ".gpkg"}, func(path string) {
		set, err := vector.Open(path, "", "auto")
		if err != nil {
			dialog.ShowError(fmt.Errorf("无法读取 Cannot read %v. Nothing was imported", err), u.Window)
			return
		}
		u.showBoundaryMapping(set)
	})
}

// openFile asks for a file and runs then with its path.
func (u *UI) openFile(exts []string, then func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, u.Window)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

func (u *UI) showBoundaryMapping(set *vector.Set) {
	m := data.GuessBoundaryMapping(set.Fields)
	pick := func(cur string) *widget.Select { return columnPicker(set.Fields, cur) }
	name, code, pop := pick(m.Name), pick(m.Code), pick(m.Population)
	var labels []string
	for _, c := range crs.All() {
		labels = append(labels, c.Label())
	}
	sys := widget.NewSelect(labels, nil)
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
				dialog.ShowError(errors.New("请选择坐标系 Choose the file's coordinate system"), u.Window)
				return
			}
			mm := data.BoundaryMapping{Name: col(name), Code: col(code), Population: col(pop), CRS: crs.All()[sys.SelectedIndex()]}
			subs, probs := data.Subdistricts(set, mm)
			u.confirmBoundaries(set, subs, probs)
		}, u.Window)
}

func (u *UI) confirmBoundaries(set *vector.Set, subs []data.Subdistrict, probs []data.Problem) {
	merged := data.MergeSubdistricts(u.subdistricts, subs)
	inside, located, hint := data.OffsetCheck(subs, u.scene.Sites)
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
	d := dialog.NewCustomConfirm("导入检查 Import check", fmt.Sprintf("导入 %d 个 Import %d", len(subs), len(subs)), "取消 Cancel",
		container.NewVScroll(body), func(ok bool) {
			if ok && len(subs) > 0 {
				u.setSubdistricts(merged)
				u.Status.SetText(fmt.Sprintf("已导入 %d 个街道边界 Imported %d boundaries from %s", len(subs), len(subs), filepath.Base(set.Path)))
			}
		}, u.Window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// importPopulation reads a CSV of populations keyed by code or name.
func (u *UI) importPopulation() {
	u.openFile([]string{".csv", ".txt"}, func(path string) {
		set, err := vector.ReadCSV(path, "auto")
		if err != nil {
			dialog.ShowError(fmt.Errorf("无法读取 Cannot read %v", err), u.Window)
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
				subs, probs := data.ApplyPopulation(u.subdistricts, set, key.Selected, pop.Selected)
				u.setSubdistricts(subs)
				if len(probs) > 0 {
					var lines []string
					for _, p := range probs {
						lines = append(lines, p.String())
					}
					dialog.ShowInformation("未导入的行 Rows not imported", strings.Join(lines, "\n"), u.Window)
				}
			}, u.Window)
	})
}

// exportTable writes the per-subdistrict × level table as CSV or XLSX.
func (u *UI) exportTable() {
	target := u.newSaveTarget("export.folder", fmt.Sprintf("liwan-coverage-%d", u.scene.Year))
	format := widget.NewSelect([]string{"CSV (UTF-8, Excel)", "XLSX"}, nil)
	format.SetSelected("CSV (UTF-8, Excel)")
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("格式 Format", format)}, target.items()...)...)
	u.confirmForm("导出街道表格 Export subdistrict table", "导出 Export", form, func(ok bool) {
		if !ok {
			return
		}
		ext, write := ".csv", coverage.WriteCSV
		if format.SelectedIndex() == 1 {
			ext, write = ".xlsx", coverage.WriteXLSX
		}
		path, err := target.path(ext)
		if err != nil {
			dialog.ShowError(err, u.Window)
			return
		}
		res := u.coverage
		if err := atomicfile.WriteFile(path, func(w io.Writer) error { return write(w, res) }); err != nil {
			dialog.ShowError(errors.New(explainExportError(path, err)), u.Window)
			return
		}
		dialog.ShowInformation("已导出 Exported", path, u.Window)
	})
}
