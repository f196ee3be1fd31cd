package app

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// importJie imports the synthetic boundaries named "多宝街" etc. and the
// population table keyed the same way, as the import dialogs do.
func importJie(t *testing.T, u *UI) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "boundaries")
	set, err := vector.Open(filepath.Join(dir, "synthetic-22-jie.geojson"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = crs.WGS84
	imported, _ := data.Subdistricts(set, m)
	subs, _ := data.MergeSubdistrictsReport(u.sh.st.subdistricts, imported)
	pop, err := vector.Open(filepath.Join(dir, "population-22-jie.csv"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	pm := data.GuessBoundaryMapping(pop.Fields)
	subs, _ = data.ApplyPopulation(subs, pop, pm.Name, pm.Population)
	u.sh.st.setSubdistricts(subs)
}

// csvCells are the coverage CSV's figures of one level in the screen's
// rounding, by subdistrict name.
func csvCells(t *testing.T, res coverage.Result, level data.Level) map[string][]string {
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
		if r[col("level")] != level.String() {
			continue
		}
		pop := r[col("population")]
		if pop == "" {
			pop = "—"
		}
		out[r[col("subdistrict")]] = []string{r[col("subdistrict")], pop,
			r[col("seats_in_service")], r[col("seats_under_construction")], r[col("seats_planned")],
			num(r[col("demand")], 1, 0), num(r[col("gap")], 1, 0), num(r[col("seats_per_1000")], 1, 1),
			num(r[col("population_covered_share")], 100, 0), num(r[col("sfca_index")], 1, 2)}
	}
	return out
}

// The rows the Subdistricts tab shows, level by level, hold the figures of
// the coverage CSV written for the same subdistricts, sites and year (as
// `schoolmap coverage` writes it): 22 rows and the unassigned sites, never
// a 23rd subdistrict for "多宝街".
func TestScreenZoneRowsEqualCSV(t *testing.T) {
	u := newTestUI(t)
	importJie(t, u)
	st := u.sh.st
	res := coverage.Analyse(coverage.Input{Subdistricts: st.subdistricts, Sites: st.scene.Sites, Norms: st.scene.Norms, Year: st.scene.Year})
	for li, l := range coverage.Levels {
		u.zones.ctl.level.SetSelectedIndex(li)
		want := csvCells(t, res, l)
		if len(u.zones.rows) != len(want) || len(want) < 22 || len(want) > 23 {
			t.Errorf("%s: screen %d rows, CSV %d", l, len(u.zones.rows), len(want))
		}
		for _, r := range u.zones.rows {
			got := coverage.ZoneCells(r)
			if w, ok := want[r.Name]; !ok || !slices.Equal(got, w) {
				t.Errorf("%s %s: screen %v, CSV %v", l, r.Name, got, w)
			}
		}
	}
}
