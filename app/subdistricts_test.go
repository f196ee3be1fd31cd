package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
)

func importFixture(t *testing.T, u *UI) {
	t.Helper()
	set, err := vector.Open(filepath.Join("..", "testdata", "boundaries", "synthetic-cgcs2000-gk114.shp"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = set.CRS
	subs, probs := data.Subdistricts(set, m)
	if len(probs) > 0 || len(subs) != 4 {
		t.Fatalf("%d subs, %v", len(subs), probs)
	}
	u.sh.st.setSubdistricts(data.MergeSubdistricts(u.sh.st.subdistricts, subs))
}

func rowNamed(u *UI, name string) (coverage.Row, bool) {
	for _, r := range u.zones.rows {
		if r.Name == name {
			return r, true
		}
	}
	return coverage.Row{}, false
}

func TestSubdistrictLayerAndTable(t *testing.T) {
	u := newTestUI(t)
	if len(u.zones.rows) != 23 { // 22 subdistricts and the unassigned sites
		t.Errorf("%d table rows before import", len(u.zones.rows))
	}
	if r, _ := rowNamed(u, "桥中"); cell(r, coverage.ColCovered) != "需边界" {
		t.Errorf("without boundaries the share must say it needs them, got %q", cell(r, coverage.ColCovered))
	}
	before := shot(u)
	importFixture(t, u)
	u.Map.RenderNow()
	if !differs(before, shot(u)) || len(u.sh.st.scene.Zones) != 4 {
		t.Fatalf("choropleth not drawn: %d zones", len(u.sh.st.scene.Zones))
	}
	if u.layers.checks[render.Subdistricts] == nil {
		t.Error("no switch for the subdistrict layer after import")
	}
	legend := strings.Join(legendText(u), "\n")
	if !strings.Contains(legend, "学位缺口") || !strings.Contains(legend, "–") {
		t.Errorf("legend lacks the classes:\n%s", legend)
	}
	r, ok := rowNamed(u, "测试甲")
	if !ok || !r.PopKnown || r.AreaKm2 < 6.2 || r.AreaKm2 > 6.3 {
		t.Fatalf("测试甲 row %+v", r)
	}
	// The table follows the year.
	u.years.slider.SetValue(2021)
	r21, _ := rowNamed(u, "测试乙")
	u.years.slider.SetValue(2025)
	r25, _ := rowNamed(u, "测试乙")
	if r21.Seats[coverage.InService] >= r25.Seats[coverage.InService] {
		t.Errorf("测试乙 seats in service 2021 %d, 2025 %d", r21.Seats[0], r25.Seats[0])
	}
	if !strings.Contains(u.zones.target.Text, "0 / 26") || !strings.Contains(u.zones.target.Text, "1,238,305") {
		t.Errorf("target check: %q", u.zones.target.Text)
	}
	// Typed population changes demand.
	u.sh.st.setSubdistricts(withPopulation(u.sh.st.subdistricts, "测试甲", 100000))
	r2, _ := rowNamed(u, "测试甲")
	if r2.Population != 100000 || r2.Demand != 4200 {
		t.Errorf("typed population: %+v", r2)
	}
	// Sorting by gap puts the largest first.
	u.zones.sortBy(coverage.ColGap)
	for i := 1; i < len(u.zones.rows); i++ {
		a, b := coverage.ZoneColumns[coverage.ColGap].Key(u.zones.rows[i-1]), coverage.ZoneColumns[coverage.ColGap].Key(u.zones.rows[i])
		if a == a && b == b && a < b {
			t.Fatalf("not sorted by gap: %v before %v", a, b)
		}
	}
}

func withPopulation(subs []data.Subdistrict, name string, n int) []data.Subdistrict {
	out := append([]data.Subdistrict(nil), subs...)
	for i := range out {
		if out[i].Name == name {
			out[i].Population, out[i].PopKnown = n, true
		}
	}
	return out
}

func TestClickAndHoverSubdistrict(t *testing.T) {
	u := newTestUI(t)
	importFixture(t, u)
	z := u.sh.st.subdistricts[len(u.sh.st.subdistricts)-1]
	p := z.Boundary[0][0][0]
	in := [2]float64{p[0] + 0.002, p[1] + 0.002}
	u.onTap("", in)
	if !strings.Contains(u.details.view.Text(), "街道 "+z.Name) || !strings.Contains(u.details.view.Text(), "幼儿园") {
		t.Errorf("details after clicking %s:\n%s", z.Name, u.details.view.Text())
	}
	if s := zoneSummary(u.sh.st.coverage, zoneAt(u.sh.st.subdistricts, in)); !strings.HasPrefix(s, z.Name) || !strings.Contains(s, "缺口") {
		t.Errorf("hover text %q", s)
	}
	u.sh.st.selectSite("LW-01")
	if !strings.Contains(u.details.view.Text(), "一中") {
		t.Error("selecting a site after a subdistrict does not show the site")
	}
}
