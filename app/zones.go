package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// zonePanel is the Subdistricts tab: what the choropleth shows, the table,
// the kindergarten target check and the imports.
type zonePanel struct {
	sh          *shell
	ctl         zoneControls
	target      *widget.Label
	table       *widget.Table
	rows        []coverage.Row // shown rows (the chosen level), sorted
	cols        []int          // shown columns of coverage.ZoneColumns
	widths      []float32      // their widths, each fitting its texts
	rowHeight   float32        // each row's height, one line of text
	allCols     *widget.Check  // all columns rather than the gap's
	resized     func()         // called when the table's width changes
	sortCol     int
	sortDesc    bool
	analysisKey string // what the shown analysis was computed from
	on          zoneActions
}

// zoneControls choose the measure, level and classes of the choropleth.
type zoneControls struct {
	measure, level, classing *widget.Select
	fixed                    *widget.Entry
}

// zoneActions are the tab's buttons, run by the import and export dialogs.
type zoneActions struct {
	importBoundaries, importPopulation, exportTable func()
}

func newZonePanel(sh *shell) *zonePanel {
	p := &zonePanel{sh: sh, target: widget.NewLabel(""), cols: gapColumns, resized: func() {}}
	p.target.Wrapping = fyne.TextWrapWord
	p.ctl = newZoneControls(func() { p.refresh() })
	p.allCols = widget.NewCheck(i18n.T("gap.zones.all_columns"), func(bool) { p.refresh() })
	p.table = widget.NewTable(func() (int, int) { return len(p.rows), len(p.cols) },
		newZoneCell, p.updateCell)
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	p.table.UpdateHeader = p.updateHeader
	p.table.OnSelected = p.selected
	return p
}

func newZoneControls(changed func()) zoneControls {
	var ms, ls []string
	for _, m := range coverage.Measures() {
		ms = append(ms, m.Label())
	}
	for _, l := range coverage.Levels {
		ls = append(ls, levelText(l))
	}
	c := zoneControls{measure: widget.NewSelect(ms, nil), level: widget.NewSelect(ls, nil),
		classing: widget.NewSelect(coverage.ClassingLabels(), nil), fixed: widget.NewEntry()}
	c.measure.SetSelected(ms[0])
	c.level.SetSelected(ls[0])
	c.classing.SetSelectedIndex(0)
	c.fixed.SetPlaceHolder(i18n.T("ui.zones.fixed_breaks_e_g_500"))
	onChange := func(string) { changed() }
	c.measure.OnChanged, c.level.OnChanged, c.classing.OnChanged, c.fixed.OnChanged = onChange, onChange, onChange, onChange
	return c
}

func (p *zonePanel) widget() fyne.CanvasObject {
	buttons := container.NewGridWithColumns(3,
		widget.NewButton(i18n.T("ui.zones.boundaries"), p.on.importBoundaries),
		widget.NewButton(i18n.T("ui.zones.population"), p.on.importPopulation),
		widget.NewButton(i18n.T("ui.zones.export_table"), p.on.exportTable))
	c := p.ctl
	controls := widget.NewForm(widget.NewFormItem(i18n.T("ui.zones.measure"), c.measure), widget.NewFormItem(i18n.T("ui.importdlg.level"), c.level),
		widget.NewFormItem(i18n.T("ui.zones.classes"), container.NewGridWithColumns(2, c.classing, c.fixed)))
	hint := widget.NewLabel(i18n.T("ui.zones.click_a_population_cell_to"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	// The table takes the height; the column switch, the hint and the
	// target sentence (wrapped) go below it, in their own scroll.
	below := container.NewVSplit(p.table, container.NewVScroll(container.NewVBox(container.NewBorder(nil, nil, p.allCols, nil, hint), p.target)))
	below.Offset = 0.75
	return container.NewBorder(container.NewVBox(buttons, controls), nil, nil, nil, below)
}

// follow re-runs the analysis when what it depends on changes: sites,
// norms, year or subdistricts.
func (p *zonePanel) follow() {
	st := p.sh.st
	st.listen(sceneChanged, func() {
		sc := st.scene
		key := fmt.Sprintf("%p|%p|%p|%p|%v|%d|%p", sc.Sites, sc.Norms.RadiusM, sc.Norms.PerClass, sc.Norms.Per1000,
			sc.Norms.NineYearPrimaryShare, sc.Year, st.subdistricts) + st.networkKey()
		if key != p.analysisKey {
			p.analysisKey = key // before: refresh leads back here
			p.refresh()
		}
	})
	st.listen(zonesChanged, p.refresh)
}

func (p *zonePanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < len(p.rows) && id.Col < len(p.cols) {
		setZoneCell(o, coverage.ZoneColumns[p.cols[id.Col]].Cell(p.rows[id.Row]), p.cols[id.Col] != coverage.ColName)
	}
}

func (p *zonePanel) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= len(p.cols) {
		return
	}
	b, col := o.(*widget.Button), p.cols[id.Col]
	t := columnTitle(col)
	if col == p.sortCol {
		t += map[bool]string{false: " ▲", true: " ▼"}[p.sortDesc]
	}
	b.SetText(t)
	b.OnTapped = func() { p.sortBy(col) }
}

// selected asks for the population when its cell is picked, otherwise
// shows the subdistrict.
func (p *zonePanel) selected(id widget.TableCellID) {
	if id.Row < len(p.rows) && id.Col < len(p.cols) {
		r := p.rows[id.Row]
		if p.cols[id.Col] == coverage.ColPopulation {
			p.askPopulation(r.Code, r.Name)
		} else {
			p.sh.st.showZone(r.Code, r.Name)
		}
	}
	p.table.UnselectAll()
}

// sortBy sorts by a column; a second tap reverses. Numbers sort largest
// first, names A–Z.
func (p *zonePanel) sortBy(col int) {
	if p.sortCol == col {
		p.sortDesc = !p.sortDesc
	} else {
		p.sortCol, p.sortDesc = col, col != coverage.ColName
	}
	p.refresh()
}

// refresh re-runs the analysis and shows it: table, target check and the
// choropleth, which goes into the scene.
func (p *zonePanel) refresh() {
	st := p.sh.st
	sc := st.scene
	res := coverage.Analyse(coverage.Input{Subdistricts: st.subdistricts, Sites: sc.Sites, Norms: sc.Norms, Year: sc.Year, Shapes: st.coverageShapes()})
	st.coverage = res
	level := coverage.Levels[max(0, p.ctl.level.SelectedIndex())]
	m := coverage.Measures()[max(0, p.ctl.measure.SelectedIndex())]
	p.rows = zoneTableRows(res, level, p.sortCol, p.sortDesc)
	p.fitColumns()
	p.table.Refresh()
	p.resized()
	p.target.SetText(res.TargetText())
	c := p.choropleth(level, m)
	zones, classes := c.Zones(res, st.subdistricts)
	title := c.Title(res.Year, st.methodNote())
	st.update(func(sc *render.Scene) { sc.Zones, sc.ZoneClasses, sc.ZoneTitle = zones, classes, title })
}

// zoneTableRows are the rows the subdistrict table shows: the level's
// rows of the analysis (the same as the CSV, the printed page and the
// command line), sorted by a column.
func zoneTableRows(res coverage.Result, level data.Level, sortCol int, desc bool) []coverage.Row {
	rows := res.LevelRows(level)
	coverage.SortZoneRows(rows, sortCol, desc)
	return rows
}

// choropleth is what the controls choose, drawn as the export draws it.
func (p *zonePanel) choropleth(level data.Level, m coverage.Measure) export.Choropleth {
	return export.Choropleth{Level: level, Measure: m, Classing: coverage.Classing(max(0, p.ctl.classing.SelectedIndex())),
		Fixed: coverage.ParseBreaks(p.ctl.fixed.Text)}
}

// askPopulation lets the planner type a subdistrict's population.
func (p *zonePanel) askPopulation(code, name string) {
	e := widget.NewEntry()
	for _, s := range p.sh.st.subdistricts {
		if s.Code == code && s.PopKnown {
			e.SetText(strconv.Itoa(s.Population))
		}
	}
	showForm(i18n.T("ui.zones.population2")+name, i18n.T("ui.zones.ok"), i18n.T("ui.edit.cancel"), []*widget.FormItem{widget.NewFormItem(i18n.T("ui.zones.residents"), e)}, func(ok bool) {
		if !ok {
			return
		}
		subs, err := withTypedPopulation(p.sh.st.subdistricts, code, name, e.Text)
		if err != nil {
			p.sh.showError(err)
			return
		}
		p.sh.st.setSubdistricts(subs)
	}, p.sh.win)
}

// withTypedPopulation is a copy of subs with the typed population set
// ("" = unknown).
func withTypedPopulation(subs []data.Subdistrict, code, name, typed string) ([]data.Subdistrict, error) {
	t := strings.ReplaceAll(strings.TrimSpace(typed), ",", "")
	out := append([]data.Subdistrict(nil), subs...)
	for i := range out {
		if out[i].Code != code || out[i].Name != name {
			continue
		}
		if t == "" {
			out[i].PopKnown, out[i].Population = false, 0
		} else if n, err := strconv.Atoi(t); err == nil && n >= 0 {
			out[i].PopKnown, out[i].Population = true, n
			out[i].Source = strings.TrimSpace(out[i].Source + " " + i18n.T("words.zone.typed"))
		} else {
			return nil, fmt.Errorf(i18n.T("ui.zones.population_give_a_whole_number"), typed)
		}
	}
	return out, nil
}
