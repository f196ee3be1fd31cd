package data

import (
	"strings"
	"testing"
)

func TestSummarize(t *testing.T) {
	n := DefaultNorms()
	sites := []Site{
		{ID: "K", No: 1, Level: Kindergarten, Classes: 10, StartYear: 2021, EndYear: 2023},             // 300
		{ID: "P", No: 2, Level: Primary, Classes: 20, StartYear: 2022, EndYear: 2025},                  // 900
		{ID: "N", No: 3, Level: NineYear, Classes: 9, StartYear: 2019, EndYear: 2021},                  // 6*45 + 3*50
		{ID: "L", No: 4, Level: Junior, Classes: 10, StartYear: 2019, EndYear: 2021, ActualYear: 2024}, // late
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
	if len(s.Overdue) != 1 || s.Overdue[0] != "L" || s.NoSeats != 1 {
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

func TestSummaryText(t *testing.T) {
	s := Summary{Year: 2024, ByLevel: map[Level]*LevelSeats{
		Junior:       {InService: 900},
		Kindergarten: {InService: 360, Planned: 270},
	}, Delivered: 900, PlanTotal: 3600, Overdue: []string{"LW-06"}, NoSeats: 1}
	got := s.Text()
	for _, want := range []string{
		"2024年学位 · 建成：" + Kindergarten.Label() + " 360 · " + Junior.Label() + " 900",
		"在建：0 | 规划：" + Kindergarten.Label() + " 270",
		"900 / 3600（25%）", "逾期：LW-06", "1 所学校班数未注明",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(Summary{Year: 2021}.Text(), "\n"); n != 2 {
		t.Errorf("an empty summary has %d line breaks, want 2 (three lines)", n)
	}
}
