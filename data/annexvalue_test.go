package data

import (
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func siteNo(t *testing.T, no int) *Site {
	t.Helper()
	for _, s := range defaultSites(t) {
		if s.No == no {
			return &s
		}
	}
	t.Fatalf("no site %d", no)
	return nil
}

func TestAnnexValueText(t *testing.T) {
	tests := []struct {
		name, lang string
		got        func() string
		want       string
	}{
		{"#4 land in 亩, zh", "zh", func() string { return siteNo(t, 4).LandAreaStated().AreaText() }, "≈60,000 m²（约90亩，换算）"},
		{"#4 land in 亩, en", "en", func() string { return siteNo(t, 4).LandAreaStated().AreaText() }, "≈60,000 m² (about 90 mu, converted)"},
		{"#4 enrolment keeps 约", "zh", func() string { return siteNo(t, 4).EnrolmentStated().CountText() }, "约 2,680"},
		{"#4 floor area not stated", "zh", func() string { return siteNo(t, 4).FloorAreaStated().AreaText() }, ""},
		{"#2 land says about in English", "en", func() string { return siteNo(t, 2).LandAreaStated().AreaText() }, "about 17,184 m²"},
		{"#2 floor exact", "zh", func() string { return siteNo(t, 2).FloorAreaStated().AreaText() }, "30,990 m²"},
		{"#1 floor keeps 约", "zh", func() string { return siteNo(t, 1).FloorAreaStated().AreaText() }, "约 37,950 m²"},
		{"planner's value drops 约", "zh", func() string {
			s := siteNo(t, 2)
			s.LandArea = 20000
			return s.LandAreaStated().AreaText()
		}, "20,000 m²"},
		{"#5 land not stated: empty", "zh", func() string { return siteNo(t, 5).LandAreaStated().AreaText() }, ""},
	}
	defer i18n.SetLanguage("zh")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := i18n.SetLanguage(tt.lang); err != nil {
				t.Fatal(err)
			}
			if got := tt.got(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLandAreaConversion(t *testing.T) {
	n := siteNo(t, 4).LandAreaStated()
	if n.Mu != 90 || !n.About || n.Value != 60000 {
		t.Errorf("#4 land = %+v, want 60000 m² from 约90亩", n)
	}
	if d := 90*MuM2 - 60000; d < 0 || d > 1 {
		t.Errorf("90 亩 = %.2f m², not ≈60000", 90*MuM2)
	}
}

func TestThousands(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 60000.3: "60,000", 1234567: "1,234,567", -2500: "-2,500"} {
		if got := Thousands(v); got != want {
			t.Errorf("Thousands(%v) = %q, want %q", v, got, want)
		}
	}
}
