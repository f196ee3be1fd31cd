package data

import (
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestStatusAt(t *testing.T) {
	plan := func(start, end int) Site { return Site{StartYear: start, EndYear: end} }
	with := func(s Site, st Status, year int) Site { s.ActualStatus, s.ActualYear = st, year; return s }
	tests := []struct {
		name    string
		site    Site
		year    int
		want    Status
		overdue bool
	}{
		{"before start: planned", plan(2022, 2025), 2021, Planned, false},
		{"start year: under construction", plan(2022, 2025), 2022, UnderConstruction, false},
		{"year before end: under construction", plan(2022, 2025), 2024, UnderConstruction, false},
		{"end year: in service (autumn term)", plan(2022, 2025), 2025, InService, false},
		{"after end: in service", plan(2022, 2025), 2030, InService, false},
		{"one-year project", plan(2023, 2023), 2023, InService, false},
		{"one-year project before", plan(2023, 2023), 2022, Planned, false},
		{"no years: planned", plan(0, 0), 2030, Planned, false},
		{"late completion: still building at planned end", with(plan(2019, 2021), InService, 2022), 2021, UnderConstruction, true},
		{"late completion: in service from actual year", with(plan(2019, 2021), InService, 2022), 2022, InService, false},
		{"early completion", with(plan(2021, 2024), InService, 2023), 2023, InService, false},
		{"early completion: before is construction", with(plan(2021, 2024), InService, 2023), 2022, UnderConstruction, false},
		{"actual year before planned start", with(plan(2023, 2025), InService, 2022), 2022, InService, false},
		{"recorded under construction past end", with(plan(2021, 2023), UnderConstruction, 0), 2026, UnderConstruction, true},
		{"recorded under construction before start", with(plan(2021, 2023), UnderConstruction, 0), 2020, Planned, false},
		{"recorded planned: not started, overdue", with(plan(2021, 2023), Planned, 0), 2024, Planned, true},
		{"recorded planned before end: not overdue", with(plan(2021, 2023), Planned, 0), 2022, Planned, false},
		{"recorded in service without year follows plan", with(plan(2021, 2023), InService, 0), 2022, UnderConstruction, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, overdue := StatusAt(&tt.site, tt.year)
			if got != tt.want || overdue != tt.overdue {
				t.Errorf("StatusAt(%d) = %v overdue=%v, want %v overdue=%v", tt.year, got, overdue, tt.want, tt.overdue)
			}
		})
	}
}

func TestStatusText(t *testing.T) {
	defer i18n.SetLanguage("zh")
	tests := []struct {
		name   string
		site   Site
		year   int
		zh, en string
	}{
		{"plan years only", Site{No: 1, StartYear: 2022, EndYear: 2025}, 2023, "规划状态：在建", "planned status: under construction"},
		{"recorded completion", Site{No: 1, StartYear: 2022, EndYear: 2025, ActualYear: 2024}, 2024, "实际：建成使用", "actual: in service"},
		{"recorded late", Site{No: 1, StartYear: 2019, EndYear: 2021, ActualStatus: UnderConstruction}, 2022, "实际：在建 · 逾期", "actual: under construction · overdue"},
		{"existing school", Site{Kind: KindExisting}, 2021, "实际：建成使用", "actual: in service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for lang, want := range map[string]string{"zh": tt.zh, "en": tt.en} {
				i18n.SetLanguage(lang)
				if got := StatusText(&tt.site, tt.year); got != want {
					t.Errorf("%s: %q, want %q", lang, got, want)
				}
			}
		})
	}
	i18n.SetLanguage("en")
	if r := StatusRule(); !strings.Contains(r, "autumn term") || !strings.Contains(r, "end year") {
		t.Errorf("rule %q does not state the autumn-term rule", r)
	}
}
