package export

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// jieSubdistricts reads the synthetic fixture whose names end in 街 and
// the population table keyed the same way, as the command line does.
func jieSubdistricts(t *testing.T) []data.Subdistrict {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "boundaries")
	set, err := vector.Open(filepath.Join(dir, "synthetic-22-jie.geojson"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = crs.WGS84
	imported, probs := data.Subdistricts(set, m)
	subs, added := data.MergeSubdistrictsReport(data.LiwanSubdistricts(), imported)
	pop, err := vector.Open(filepath.Join(dir, "population-22-jie.csv"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	pm := data.GuessBoundaryMapping(pop.Fields)
	subs, pprobs := data.ApplyPopulation(subs, pop, pm.Name, pm.Population)
	if len(subs) != 22 || len(probs)+len(added)+len(pprobs) > 0 {
		t.Fatalf("fixture: %d rows, %v %v %v", len(subs), probs, added, pprobs)
	}
	return subs
}

// csvFigures are the figures of the coverage CSV as the page prints them
// (the screen's rounding), by level text and subdistrict name.
func csvFigures(t *testing.T, res coverage.Result) map[string][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := coverage.WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(coverage.Columns, name) }
	num := func(v string, scale float64, prec int) string {
		if v == "" {
			return "—"
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("CSV value %q: %v", v, err)
		}
		return strconv.FormatFloat(f*scale, 'f', prec, 64)
	}
	out := map[string][]string{}
	for _, r := range recs[1:] {
		key := i18n.T("table.level."+r[col("level")]) + "|" + r[col("subdistrict")]
		pop := r[col("population")]
		if pop == "" {
			pop = "—"
		}
		out[key] = []string{r[col("subdistrict")], pop,
			r[col("seats_in_service")], r[col("seats_under_construction")], r[col("seats_planned")],
			num(r[col("demand")], 1, 0), num(r[col("gap")], 1, 0), num(r[col("seats_per_1000")], 1, 1),
			num(r[col("population_covered_share")], 100, 0), num(r[col("sfca_index")], 1, 2)}
	}
	return out
}

// pageFigures reads the subdistrict rows of the printed tables: the rows
// under each level's heading whose first word is a subdistrict.
func pageFigures(t *testing.T, pages []string, names map[string]bool) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	level := ""
	for _, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			for _, l := range coverage.Levels {
				if lt := i18n.T("table.level." + l.String()); strings.Contains(line, "街道学位缺口 · "+lt+" ·") {
					level = lt
				}
			}
			f := strings.Fields(line)
			if level == "" || len(f) == 0 || !names[f[0]] {
				continue
			}
			key := level + "|" + f[0]
			if _, dup := out[key]; dup {
				t.Errorf("%s printed twice", key)
			}
			out[key] = f
		}
	}
	return out
}

// TestTablesPageMatchesCoverageCSV exports the PDF of a project with
// boundaries (names ending in 街) and populations and compares every
// figure of the subdistrict tables with the coverage CSV of the same
// analysis: same rows, same population, seats, demand, gap, seats per
// 1,000, coverage share and 2SFCA.
func TestTablesPageMatchesCoverageCSV(t *testing.T) {
	for _, tt := range []struct {
		name      string
		paper     string
		landscape bool
	}{{"A4 portrait", "A4", false}, {"A3 landscape", "A3", true}} {
		t.Run(tt.name, func(t *testing.T) {
			e := testExporter(t)
			o := testOptions(t, PDF)
			o.Paper, o.Landscape, o.Tables = tt.paper, tt.landscape, true
			sc := *o.Scene
			sc.Year = 2025
			o.Scene = &sc
			res := coverage.Analyse(coverage.Input{Subdistricts: jieSubdistricts(t), Sites: sc.Sites, Norms: sc.Norms, Year: sc.Year})
			o.Coverage = &res
			want := csvFigures(t, res)
			names := map[string]bool{coverage.Unassigned(): true}
			for _, s := range data.LiwanSubdistricts() {
				names[s.Name] = true
			}
			pages := pdfText(t, e, o)
			all := strings.Join(pages[1:], "\n")
			if strings.Contains(all, "按项目属性") {
				t.Error("with boundaries the page still counts by site attribute")
			}
			got := pageFigures(t, pages[1:], names)
			if len(got) != len(want) || len(want) < 66 {
				t.Errorf("page has %d subdistrict rows, CSV %d (want 22 × 3 at least)", len(got), len(want))
			}
			compared := 0
			for key, w := range want {
				g, ok := got[key]
				if !ok {
					t.Errorf("%s: in the CSV, not on the page", key)
					continue
				}
				if !slices.Equal(g, w) {
					t.Errorf("%s: page %v, CSV %v", key, g, w)
				}
				compared += len(w) - 1
			}
			t.Logf("%s: %d rows, %d figures compared", tt.name, len(want), compared)
		})
	}
}

// Without boundaries the page keeps the attribute count, titled as such.
func TestTablesPageWithoutBoundariesSaysAttribute(t *testing.T) {
	e := testExporter(t)
	o := testOptions(t, PDF)
	o.Tables = true
	res := coverage.Analyse(coverage.Input{Subdistricts: data.LiwanSubdistricts(), Sites: o.Scene.Sites, Norms: o.Scene.Norms, Year: o.Scene.Year})
	o.Coverage = &res
	all := strings.Join(pdfText(t, e, o)[1:], "\n")
	if !strings.Contains(all, "未导入街道边界") || strings.Contains(all, "街道学位缺口") {
		t.Errorf("without boundaries the table must say it counts by attribute:\n%s", all)
	}
}
