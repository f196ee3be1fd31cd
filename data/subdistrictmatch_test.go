package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

func TestSubdistrictMatcherForms(t *testing.T) {
	m := NewSubdistrictMatcher(LiwanSubdistricts())
	tests := []struct {
		name, code, key string
		want            string // official name, "" for no match
	}{
		{"街 suffix", "", "多宝街", "多宝"},
		{"街道 suffix", "", "多宝街道", "多宝"},
		{"bare", "", "多宝", "多宝"},
		{"镇 suffix", "", "东漖镇", "东漖"},
		{"full-width space", "", "白鹤洞\u3000街", "白鹤洞"},
		{"half-width spaces", "", " 石围塘 街道 ", "石围塘"},
		{"district prefix", "", "荔湾区多宝街道", "多宝"},
		{"12-digit code", "440103004000", "", "多宝"},
		{"9-digit code", "440103004", "", "多宝"},
		{"code with tab", "\t440103004000", "", "多宝"},
		{"code as spreadsheet number", "440103004000.0", "", "多宝"},
		{"code before name", "440103013000", "沙面街", "桥中"},
		{"unknown", "", "测试甲", ""},
		{"only a suffix", "", "街道", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := m.Find(tt.code, tt.key)
			got := ""
			if i >= 0 {
				got = LiwanSubdistricts()[i].Name
			}
			if got != tt.want {
				t.Errorf("Find(%q, %q) = %q, want %q", tt.code, tt.key, got, tt.want)
			}
		})
	}
}

func TestSubdistrictNearestSuggestion(t *testing.T) {
	m := NewSubdistrictMatcher(LiwanSubdistricts())
	for _, tt := range []struct{ in, want string }{
		{"多宝路街", "多宝"}, {"白鹤峒", "白鹤洞"}, {"石围堂街道", "石围塘"}, {"花地湾", "花地"}, {"测试甲", ""}, {"", ""},
	} {
		if got := m.Nearest(tt.in); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A boundary named "多宝街" is 多宝, never a 23rd row; an unmatched one is
// added with the nearest official name suggested.
func TestMergeNamesEndingInJie(t *testing.T) {
	b := square(113.2, 23.1, 0.01)
	got, added := MergeSubdistrictsReport(LiwanSubdistricts(), []Subdistrict{
		{Name: "多宝街", Boundary: b}, {Name: "东沙街道", Boundary: b}, {Name: "白鹤峒街", Boundary: b},
	})
	if len(got) != 23 || got[3].Boundary == nil || got[20].Boundary == nil {
		t.Fatalf("%d rows (want 22 + 白鹤峒); 多宝 bounded %v, 东沙 bounded %v", len(got), got[3].Boundary != nil, got[20].Boundary != nil)
	}
	if len(added) != 1 || added[0].Name != "白鹤峒街" || added[0].Nearest != "白鹤洞" {
		t.Errorf("added %+v, want 白鹤峒街 with 白鹤洞 suggested", added)
	}
	if s := UnmatchedNames(added); !strings.Contains(s, "白鹤峒街") || !strings.Contains(s, "白鹤洞") {
		t.Errorf("listed as %q", s)
	}
}

func TestPopulationKeyedByJieName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pop.csv")
	csv := "街道,常住人口数\n多宝街,41000\n东沙街道,52000\n多宝路,1\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := vector.Open(path, "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := GuessBoundaryMapping(set.Fields)
	if m.Name != "街道" || m.Population != "常住人口数" {
		t.Fatalf("guessed %+v", m)
	}
	subs, probs := ApplyPopulation(LiwanSubdistricts(), set, m.Name, m.Population)
	if len(subs) != 22 || !subs[3].PopKnown || subs[3].Population != 41000 || subs[20].Population != 52000 {
		t.Errorf("多宝 %d (known %v), 东沙 %d", subs[3].Population, subs[3].PopKnown, subs[20].Population)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "多宝路") || !strings.Contains(probs[0].Msg, "多宝？") {
		t.Errorf("problems %v, want 多宝路 with 多宝 suggested", probs)
	}
}

func TestGuessPopulationField(t *testing.T) {
	for _, f := range []string{"常住人口", "常住人口数", "人口", "RK", "rk", "POP", "pop"} {
		if got := GuessBoundaryMapping([]string{"街道", "代码", f}).Population; got != f {
			t.Errorf("fields 街道, 代码, %s: population field %q", f, got)
		}
	}
}

// A project saved when "多宝街" became a 23rd row loads as 22 rows, the
// boundary and population on 多宝.
func TestCanonicalSubdistrictsFoldsOldExtraRow(t *testing.T) {
	subs := append(LiwanSubdistricts(), Subdistrict{Name: "多宝街", Population: 41000, PopKnown: true, Boundary: square(113.2, 23.1, 0.01)})
	got := CanonicalSubdistricts(subs)
	if len(got) != 22 || got[3].Boundary == nil || got[3].Population != 41000 {
		t.Errorf("%d rows; 多宝 bounded %v population %d", len(got), got[3].Boundary != nil, got[3].Population)
	}
}

const jieFixture, jiePopulation = "synthetic-22-jie.geojson", "population-22-jie.csv"

// TestJieFixture checks the synthetic 22-subdistrict fixture (names ending
// in 街, a population table keyed the same way) imports as exactly the
// official 22 rows, every one with a boundary and a population. With
// UPDATE_FIXTURES=1 it writes the fixture first: a grid of 22 made-up
// rectangles over the district's sites, NOT real boundaries, and made-up
// populations.
func TestJieFixture(t *testing.T) {
	if os.Getenv("UPDATE_FIXTURES") != "" {
		writeJieFixture(t)
	}
	set, err := vector.Open(filepath.Join(fixtures, jieFixture), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := GuessBoundaryMapping(set.Fields)
	m.CRS = crs.WGS84
	imported, probs := Subdistricts(set, m)
	subs, added := MergeSubdistrictsReport(LiwanSubdistricts(), imported)
	pset, err := vector.Open(filepath.Join(fixtures, jiePopulation), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	pm := GuessBoundaryMapping(pset.Fields)
	subs, pprobs := ApplyPopulation(subs, pset, pm.Name, pm.Population)
	if len(probs)+len(added)+len(pprobs) > 0 || len(subs) != 22 {
		t.Fatalf("%d rows; problems %v, added %v, population problems %v", len(subs), probs, added, pprobs)
	}
	for _, s := range subs {
		if s.Boundary == nil || !s.PopKnown {
			t.Errorf("%s: bounded %v, population known %v", s.Name, s.Boundary != nil, s.PopKnown)
		}
	}
}

func writeJieFixture(t *testing.T) {
	const lon0, lat0, w, h = 113.18, 23.055, 0.04, 0.0096
	var feats []string
	pop := "街道,常住人口\n"
	for i, s := range LiwanSubdistricts() {
		x, y := lon0+float64(i%2)*w, lat0+float64(i/2)*h
		ring := fmt.Sprintf("[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]", x, y, x+w, y, x+w, y+h, x, y+h, x, y)
		feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"name":"%s街"},"geometry":{"type":"Polygon","coordinates":[%s]}}`, s.Name, ring))
		pop += fmt.Sprintf("%s街,%d\n", s.Name, 30000+2500*i)
	}
	gj := `{"type":"FeatureCollection","features":[` + "\n" + strings.Join(feats, ",\n") + "\n]}\n"
	if err := os.WriteFile(filepath.Join(fixtures, jieFixture), []byte(gj), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fixtures, jiePopulation), []byte(pop), 0o644); err != nil {
		t.Fatal(err)
	}
}
