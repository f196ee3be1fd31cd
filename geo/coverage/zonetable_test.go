package coverage

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestZoneColumnCells(t *testing.T) {
	nan := math.NaN()
	known := Row{Name: "桥中", PopKnown: true, Population: 52000, Seats: [3]int{360, 270, 0}, HasBoundary: true,
		Demand: 2184, Gap: -12.4, SeatsPer1k: 6.92, PopCovered: 0.834, SFCA: 1.256}
	unknown := Row{Name: "待核实", Demand: nan, Gap: nan, SeatsPer1k: nan, PopCovered: nan, SFCA: nan}
	tests := []struct {
		name string
		row  Row
		want []string
	}{
		{"known", known, []string{"桥中", "52000", "360", "270", "0", "2184", "-12", "6.9", "83", "1.26"}},
		{"unknown", unknown, []string{"待核实", "待输入", "0", "0", "0", "—", "—", "—", "需边界", "需边界"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range ZoneColumns {
				got = append(got, c.Cell(tt.row))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("cells %q, want %q", got, tt.want)
			}
		})
	}
	if len(ZoneColumns) != ColSFCA+1 || ZoneColumns[ColGap].Text() != "缺口" || ZoneColumns[ColName].Width <= 0 {
		t.Errorf("columns out of step with their indices: %d", len(ZoneColumns))
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	if p, b := ZoneColumns[ColPopulation].Cell(unknown), ZoneColumns[ColSFCA].Cell(unknown); p != "to enter" || b != "needs boundary" {
		t.Errorf("English cells %q %q", p, b)
	}
}

func TestSortZoneRows(t *testing.T) {
	nan := math.NaN()
	rows := []Row{{Name: "b", Gap: 5}, {Name: "a", Gap: nan}, {Name: "c", Gap: 40}, {Name: "d", Gap: -3}}
	names := func() string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Name)
		}
		return strings.Join(s, "")
	}
	tests := []struct {
		col  int
		desc bool
		want string
	}{
		{ColGap, true, "cbda"},
		{ColGap, false, "dbca"},
		{ColName, false, "abcd"},
		{ColName, true, "dcba"},
	}
	for _, tt := range tests {
		SortZoneRows(rows, tt.col, tt.desc)
		if got := names(); got != tt.want {
			t.Errorf("col %d desc %v: %s, want %s", tt.col, tt.desc, got, tt.want)
		}
	}
}

func TestBreakLabels(t *testing.T) {
	if got := ParseBreaks(" 500, x,-500,0 ,"); !slices.Equal(got, []float64{-500, 0, 500}) {
		t.Errorf("ParseBreaks: %v", got)
	}
}

func TestTargetText(t *testing.T) {
	res := Result{Year: 2024, PopEntered: data.LiwanPopulation2020 / 2, Target: []TargetRow{
		{Name: "桥中", Official: true, PublicKG: []string{"LW-21"}, InService: []string{"LW-21"}},
		{Name: "东漖", Official: true, PublicKG: []string{"LW-22"}},
		{Name: "冲口", Official: true},
		{Name: "测试甲"}, // imported, matching none of the 22
	}, TargetUnplaced: []string{"芳村幼儿园"}}
	got := res.TargetText()
	for _, want := range []string{"“每个街道至少一所公办幼儿园”：2024年：1 / 3 个街道已有建成的政府投资幼儿园；1 个街道仅有规划中的（东漖）；尚无：冲口",
		"未定位", "芳村幼儿园", "已输入 619152", "(50%)", "测试甲"} {
		if !strings.Contains(got, want) {
			t.Errorf("target text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "待核实") {
		t.Errorf("an unlocated project is 未定位, not 待核实:\n%s", got)
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	got = res.TargetText()
	for _, want := range []string{"2024: 1 / 3 subdistricts have a government-funded kindergarten in service; only planned ones in 1 (东漖); none yet: 冲口",
		"not located", "entered 619152", "(50%)", "测试甲"} {
		if !strings.Contains(got, want) {
			t.Errorf("en target text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "尚无") || strings.Contains(got, "未定位") {
		t.Errorf("en target text has Chinese words:\n%s", got)
	}
}
