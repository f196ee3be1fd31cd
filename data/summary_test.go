package data

import (
	"fmt"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestSummarize(t *testing.T) {
	n := DefaultNorms()
	sites := []Site{
		{ID: "K", No: 1, Level: Kindergarten, Classes: 10, StartYear: 2021, EndYear: 2023},                              // 300
		{ID: "P", No: 2, Level: Primary, Classes: 20, StartYear: 2022, EndYear: 2025},                                   // 900
		{ID: "N", No: 3, Level: NineYear, Classes: 9, StartYear: 2019, EndYear: 2021},                                   // 6*45 + 3*50
		{ID: "L", No: 4, ShortName: "晚校", Level: Junior, Classes: 10, StartYear: 2019, EndYear: 2021, ActualYear: 2024}, // late
		{ID: "X", No: 5, Level: Senior},               // no seats
		{ID: "E", No: 0, Level: Primary, Classes: 30}, // not a plan project
	}
	s := Summarize(sites, n, 2023)
	want := map[Level]LevelSeats{
		Kindergarten: {InService: 300},
		Primary:      {InService: 270, UnderConstruction: 900},
		Junior:       {InService: 150, UnderConstruction: 500},
	}
	for l, w := range want {
		if got := s.ByLevel[l]; got == nil || *got != w {
			t.Errorf("%v: %+v, want %+v", l, got, w)
		}
	}
	if s.Delivered != 720 || s.PlanTotal != 300+900+420+500 {
		t.Errorf("delivered %d of %d", s.Delivered, s.PlanTotal)
	}
	if len(s.Overdue) != 1 || s.Overdue[0] != "L" || s.OverdueNames[0] != "晚校" || s.NoSeats != 1 {
		t.Errorf("overdue %v, no seats %d", s.Overdue, s.NoSeats)
	}
	if Summarize(sites, n, 2020).Delivered != 0 {
		t.Error("seats delivered before any project ended")
	}
}

func TestSeatsOf(t *testing.T) {
	n := DefaultNorms()
	tests := []struct {
		name string
		site Site
		want Seats
	}{
		{"kindergarten 15 classes", Site{Level: Kindergarten, Classes: 15}, Seats{Kindergarten: 450}},
		{"primary 36", Site{Level: Primary, Classes: 36}, Seats{Primary: 1620}},
		{"junior 30", Site{Level: Junior, Classes: 30}, Seats{Junior: 1500}},
		{"nine-year 54 split 6:3", Site{Level: NineYear, Classes: 54}, Seats{Primary: 36 * 45, Junior: 18 * 50}},
		{"senior 36", Site{Level: Senior, Classes: 36}, Seats{Senior: 1800}},
		{"no classes", Site{Level: Junior}, Seats{}},
		{"enrolment stated", Site{Level: International, Enrolment: 2680}, Seats{International: 2680}},
		{"youth palace", Site{Level: YouthPalace, Classes: 10}, Seats{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := n.SeatsOf(&tt.site)
			if len(got) != len(tt.want) {
				t.Fatalf("%v, want %v", got, tt.want)
			}
			for l, k := range tt.want {
				if got[l] != k {
					t.Errorf("%v: %d, want %d", l, got[l], k)
				}
			}
		})
	}
	n.PerClass[Kindergarten] = Norm{Value: 25}
	if got := n.SeatsOf(&Site{Level: Kindergarten, Classes: 4}); got[Kindergarten] != 100 {
		t.Errorf("edited norm not used: %v", got)
	}
}

func TestSummaryDueAndRecorded(t *testing.T) {
	defer i18n.SetLanguage("zh")
	sites := []Site{
		{ID: "K", No: 1, Level: Kindergarten, Classes: 10, StartYear: 2021, EndYear: 2023},             // 300, due 2023
		{ID: "P", No: 2, Level: Primary, Classes: 20, StartYear: 2022, EndYear: 2025},                  // 900, due 2025
		{ID: "L", No: 4, Level: Junior, Classes: 10, StartYear: 2019, EndYear: 2021, ActualYear: 2022}, // 500, recorded 2022
	}
	tests := []struct {
		name                 string
		year                 int
		due, recorded, total int
		en                   string
	}{
		{"2021: only L due", 2021, 500, 0, 1700, "new seats due by the plan: 500 / 1700 (29%)"},
		{"2023: L recorded, K due", 2023, 800, 500, 1700, "new seats due by the plan: 800 / 1700 (47%)"},
		{"2025: all due", 2025, 1700, 500, 1700, "new seats due by the plan: 1700 / 1700 (100%)"},
	}
	i18n.SetLanguage("en")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarize(sites, DefaultNorms(), tt.year)
			if s.Due != tt.due || s.Recorded != tt.recorded || s.PlanTotal != tt.total || s.RecordedProjects != 1 {
				t.Errorf("due %d recorded %d (%d projects) of %d", s.Due, s.Recorded, s.RecordedProjects, s.PlanTotal)
			}
			if got := s.DueText(); got != tt.en {
				t.Errorf("DueText %q, want %q", got, tt.en)
			}
			if got := s.RecordedText(); !strings.HasPrefix(got, "actual: ") || strings.Contains(got, "delivered") || !strings.Contains(got, fmt.Sprintf("(%d seats)", tt.recorded)) {
				t.Errorf("RecordedText %q: not labelled actual", got)
			}
		})
	}
	if got := Summarize(sites[:2], DefaultNorms(), 2025).RecordedText(); got != "actual: no progress recorded" {
		t.Errorf("no records: %q", got)
	}
}

func TestSummaryText(t *testing.T) {
	defer i18n.SetLanguage("zh")
	s := Summary{Year: 2024, ByLevel: map[Level]*LevelSeats{
		Junior:       {InService: 900},
		Kindergarten: {InService: 360, Planned: 270},
	}, Delivered: 900, Due: 900, PlanTotal: 3600, Overdue: []string{"LW-06"}, OverdueNames: []string{"广钢新城AF040422中学"}, NoSeats: 1}
	tests := []struct {
		lang string
		want []string
	}{
		{"zh", []string{"2024年学位（规划状态）· 建成使用：" + Kindergarten.Label() + " 360 · " + Junior.Label() + " 900",
			"在建：0 | 规划：" + Kindergarten.Label() + " 270", "规划应交付新增学位 900 / 3600 (25%)", "实际：尚无进度记录",
			"逾期：广钢新城AF040422中学", "1 所学校班数未注明"}},
		{"en", []string{"2024 seats (planned status) · in service: " + Kindergarten.LabelEN() + " 360",
			"new seats due by the plan: 900 / 3600 (25%)", "overdue: 广钢新城AF040422中学"}},
	}
	for _, tt := range tests {
		i18n.SetLanguage(tt.lang)
		got := s.Text()
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s summary lacks %q:\n%s", tt.lang, want, got)
			}
		}
		for _, bad := range []string{"delivered", "已交付", "LW-06"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s summary says %q:\n%s", tt.lang, bad, got)
			}
		}
	}
	if n := strings.Count(Summary{Year: 2021}.Text(), "\n"); n != 2 {
		t.Errorf("an empty summary has %d line breaks, want 2 (three lines)", n)
	}
}

// A recorded project in service whose seats are unknown is never "(0
// 学位)": the summary says the seats are unknown; an overdue project is
// named once.
func TestSummaryUnknownSeatsAndOverdueOnce(t *testing.T) {
	sites := []Site{
		{ID: "X", No: 1, ShortName: "无班数", Level: Senior, StartYear: 2021, EndYear: 2022, ActualYear: 2023},
		{ID: "L", No: 2, ShortName: "晚校", Level: Junior, Classes: 10, StartYear: 2019, EndYear: 2021, ActualYear: 2024},
	}
	s := Summarize(sites, DefaultNorms(), 2023)
	got := s.RecordedText()
	if strings.Contains(got, "0 学位") || !strings.Contains(got, "学位未知") {
		t.Errorf("recorded text %q: seats unknown must not read as 0", got)
	}
	if len(s.OverdueNames) != 1 || strings.Count(s.Text(), "晚校") != 1 {
		t.Errorf("overdue names %v; text:\n%s", s.OverdueNames, s.Text())
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	if got := s.RecordedText(); strings.Contains(got, "(0 seats)") || !strings.Contains(got, "seats unknown") {
		t.Errorf("en recorded text %q", got)
	}
}

// An unlocated project without a subdistrict reads 未定位, not 待核实; a
// located one without is still to be verified.
func TestSubdistrictTextUnlocated(t *testing.T) {
	for _, tt := range []struct {
		site Site
		want string
	}{
		{Site{}, "未定位"},
		{Site{SubdistrictNote: "中山八路"}, "中山八路 (未定位)"},
		{Site{Located: true}, "待核实"},
		{Site{Located: true, SubdistrictNote: "?"}, "待核实"},
		{Site{Subdistrict: "多宝"}, "多宝"},
	} {
		if got := tt.site.SubdistrictText(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.site, got, tt.want)
		}
	}
}
