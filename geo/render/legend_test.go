package render

import (
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
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
	for _, want := range []string{"幼儿园", "小学", "初中", "九年一贯制学校", "青少年宫" /* unlocated: absent */, "规划", "在建", "建成", "步行服务半径", "幼儿园 300 m", "初中 1000 m", "位置精度"} {
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
