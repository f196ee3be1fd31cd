package data

import "testing"

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
