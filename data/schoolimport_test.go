package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

func TestExistingSchoolsFromCSV(t *testing.T) {
	defer i18n.SetLanguage("zh")
	i18n.SetLanguage("en") // the wording checked below
	p := filepath.Join(t.TempDir(), "幼儿园.csv")
	os.WriteFile(p, []byte("名称,类型,班数,经度,纬度\n"+
		"启明幼儿园,幼儿园,9,113.2400,23.1200\n"+
		"坏行幼儿园,幼儿园,九,113.2410,23.1210\n"+ // line 3: classes not a number
		"交换坐标幼儿园,幼儿园,6,23.1200,113.2400\n"+ // line 4: swapped
		",幼儿园,6,113.25,23.13\n"+ // line 5: no name
		"芳村小学,小学,24,113.2300,23.0900\n"), 0o644)
	set, err := vector.ReadCSV(p, "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := GuessSchoolMapping(set.Fields)
	if m.Lon != "经度" || m.Lat != "纬度" || m.Name != "名称" || m.Level != "类型" || m.Classes != "班数" {
		t.Fatalf("mapping guessed %+v", m)
	}
	n := 0
	sites, probs := ExistingSchools(set, m, func() string { n++; return fmt.Sprintf("EX-%04d", n) })
	if len(sites) != 2 || sites[0].Name != "启明幼儿园" || sites[1].Level != Primary || sites[1].Classes != 24 {
		t.Fatalf("sites %+v", sites)
	}
	want := []string{"line 3, 班数", "line 4, 经度/纬度", "line 5, 名称"}
	if len(probs) != len(want) {
		t.Fatalf("problems %v", probs)
	}
	for i, w := range want {
		if !strings.HasPrefix(probs[i].String(), w) {
			t.Errorf("problem %d = %q, want it to start %q", i, probs[i], w)
		}
	}
	s := sites[0]
	if s.Kind != KindExisting || !s.Located || s.Validate() != nil || !strings.Contains(s.Basis, "line 2") {
		t.Errorf("site %+v (%v)", s, s.Validate())
	}
	// GCJ-02 input is converted.
	m.CRS = crs.GCJ02
	sites, _ = ExistingSchools(set, m, func() string { n++; return fmt.Sprintf("EX-%04d", n) })
	if math.Abs(sites[0].Location[0]-113.2400) < 1e-4 {
		t.Error("GCJ-02 coordinates not converted")
	}
}

func TestGuessCutFieldNames(t *testing.T) {
	m := GuessBoundaryMapping([]string{"街道名", "街道代", "population"})
	if m.Name != "街道名" || m.Code != "街道代" {
		t.Errorf("cut names not recognised: %+v", m)
	}
	if fieldMatches("街", "街道名称") || !fieldMatches(" NAME ", "name") {
		t.Error("fieldMatches too loose or too strict")
	}
}
