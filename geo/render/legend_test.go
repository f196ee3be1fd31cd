package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func legendText(sc *Scene) string {
	var b strings.Builder
	for _, it := range Legend(sc) {
		b.WriteString(it.Label + "\n")
	}
	return b.String()
}

func TestLegendFollowsLayers(t *testing.T) {
	sc := testScene(t)
	all := legendText(sc)
	for _, want := range []string{"幼儿园", "小学", "初中", "九年一贯制学校", "青少年宫" /* unlocated: absent */, "2023年 规划状态", "在建", "建成使用", "步行服务半径", "幼儿园 300 m", "初中 1000 m", "位置精度"} {
		if want == "青少年宫" {
			if strings.Contains(all, want) {
				t.Error("legend lists youth palace, which has no marker on the map")
			}
			continue
		}
		if !strings.Contains(all, want) {
			t.Errorf("legend lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "OpenStreetMap") || strings.Contains(all, "Basemap") || strings.Contains(all, "底图") {
		t.Error("legend lists the basemap")
	}
	sc.Layers[Catchments].On = false
	if strings.Contains(legendText(sc), "服务半径") {
		t.Error("hidden catchments still in the legend")
	}
	sc.Layers[Halos].On = false
	if strings.Contains(legendText(sc), "位置精度") {
		t.Error("hidden halos still in the legend")
	}
	sc.Layers[Sites].On = false
	if legendText(sc) != "" {
		t.Errorf("all layers off, legend still lists:\n%s", legendText(sc))
	}
}

func TestLegendCatchmentLevelsAndNorms(t *testing.T) {
	sc := testScene(t)
	sc.CatchLevels = map[data.Level]bool{data.Kindergarten: true}
	sc.Norms.RadiusM[data.Kindergarten] = data.Norm{Value: 450}
	got := legendText(sc)
	if !strings.Contains(got, "幼儿园 450 m") || strings.Contains(got, "初中 1000 m") {
		t.Errorf("legend does not follow catchment levels and norms:\n%s", got)
	}
	sc.Year = 2021
	if !strings.Contains(legendText(sc), "逾期") {
		t.Error("2021 has an overdue project (LW-02 finished 2022) but the legend has no overdue entry")
	}
}

func TestLegendListsOnlyPresentStatuses(t *testing.T) {
	sc := testScene(t)
	for _, tc := range []struct {
		year     int
		has, not []string
	}{
		{2023, []string{"\n在建\n", "\n建成使用\n"}, []string{"\n规划\n"}},
		{2030, []string{"\n建成使用\n"}, []string{"\n规划\n", "\n在建\n", "规划/在建学校的服务半径"}},
	} {
		sc.Year = tc.year
		got := legendText(sc)
		for _, w := range tc.has {
			if !strings.Contains(got, w) {
				t.Errorf("%d: legend lacks %q:\n%s", tc.year, w, got)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%d: legend lists %q, which no site has that year:\n%s", tc.year, w, got)
			}
		}
	}
}

func TestLegendInEnglish(t *testing.T) {
	if err := i18n.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	defer i18n.SetLanguage("zh")
	got := legendText(testScene(t))
	if !strings.Contains(got, "2023 planned status") || strings.Contains(got, "规划状态") {
		t.Errorf("English legend:\n%s", got)
	}
}

func TestStatusLabelIsTheDomains(t *testing.T) {
	for _, st := range []data.Status{data.Planned, data.UnderConstruction, data.InService} {
		if got := statusLabel(st); got != st.Label() {
			t.Errorf("%v: legend says %q, the domain %q", st, got, st.Label())
		}
	}
}

func TestSwatchesDraw(t *testing.T) {
	sc := testScene(t)
	for _, it := range Legend(sc) {
		if it.Kind == LegendHeading {
			continue
		}
		img := Swatch(it, 24, 1)
		painted := 0
		for i := 3; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 0 {
				painted++
			}
		}
		if painted < 20 {
			t.Errorf("swatch for %q is empty", it.Label)
		}
	}
}

// TestCapacityLabelInEachLanguage: a capacity label reads in the current
// language ("12班 · 540位" / "12 classes · 540 seats").
func TestCapacityLabelInEachLanguage(t *testing.T) {
	sc := NewScene(nil, 2025)
	sc.CapacityLabels = true
	s := &data.Site{ShortName: "x", Level: data.Primary, Classes: 12}
	seats := sc.Norms.SeatsOf(s).Total()
	defer i18n.SetLanguage("zh")
	for lang, want := range map[string]string{"zh": "12班 · %d位", "en": "12 classes · %d seats"} {
		i18n.SetLanguage(lang)
		if got := labelText(sc, s); seats == 0 || got != strings.Replace(want, "%d", strconv.Itoa(seats), 1) {
			t.Errorf("%s: label %q (seats %d)", lang, got, seats)
		}
	}
}
