package coverage

import (
	"bytes"
	"strings"
	"testing"
)

// Legends and tables write figures as planners do: 42000, never
// "4.2e+04"; shares in per cent; decimals only where they say something.
func TestFiguresReadAsPlannersWrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		m      Measure
		values []float64
		want   []string // each must appear in some label
	}{
		{"gap in seats", MeasureGap, []float64{-1250.4, 3200, 18000, 42000, 1200000}, []string{"42000", "1200000", "-1250"}},
		{"seats per 1000", MeasurePer1000, []float64{3.26, 12.34, 41.9, 120.5}, []string{"3.3", "12.3", "41.9", "120.5"}},
		{"share covered", MeasureCovered, []float64{0.123, 0.5, 0.876, 1}, []string{"12%", "50%", "88%", "100%"}},
		{"sfca", MeasureSFCA, []float64{0.00012, 0.5, 1.25}, []string{"0.0001", "0.5", "1.25"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels := tc.m.ClassLabels(tc.values, Breaks(tc.values, Quantiles, len(tc.values), nil))
			all := strings.Join(labels, " | ")
			if strings.ContainsAny(all, "eE") {
				t.Errorf("exponent in %q", all)
			}
			for _, w := range tc.want {
				found := false
				for _, l := range labels {
					for _, part := range strings.Split(l, " – ") {
						found = found || part == w
					}
				}
				if !found {
					t.Errorf("no label shows %q: %q", w, all)
				}
			}
		})
	}
	if got := ClassLabels([]float64{42000, 38000}, []float64{40000}); got[0] != "38000" || got[1] != "42000" {
		t.Errorf("ClassLabels %q", got)
	}
}

// The CSV writes big figures without exponent and shares with at most
// four decimals.
func TestCSVFiguresPlain(t *testing.T) {
	res := Result{Year: 2025, Rows: []Row{{Code: "440103001000", Name: "沙面", Population: 4200000, PopKnown: true,
		Demand: 1234567.891234, Gap: 42000, PopCovered: 2.0 / 3, SeatsPer1k: 12.5}}}
	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	row := strings.Split(strings.TrimSpace(b.String()), "\n")[1]
	if strings.ContainsAny(row, "eE") {
		t.Errorf("exponent in %q", row)
	}
	for _, want := range []string{",4200000,", ",1234567.8912,", ",42000,", ",0.6667,", ",12.5,"} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q: %s", want, row)
		}
	}
}
