package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// TestImportMessagesAreShort: a 10 MB field is quoted in a problem by
// its first ~80 characters, not echoed whole.
func TestImportMessagesAreShort(t *testing.T) {
	big := strings.Repeat("班", 10<<20/3)
	set := &vector.Set{Path: "e.csv", Features: []vector.Feature{{Where: "line 2", Props: map[string]string{"n": "甲", "l": "幼儿园", "c": big, "x": "113.2", "y": "23.1"}}}}
	_, probs := ExistingSchools(set, SchoolMapping{Name: "n", Level: "l", Classes: "c", Lon: "x", Lat: "y", CRS: crs.WGS84}, NewIDs(nil, "EX"))
	if len(probs) != 1 || len(probs[0].String()) > 400 {
		t.Errorf("%d problems, message of %d bytes", len(probs), len(probs[0].String()))
	}
}

// FuzzPopulationCSV fuzzes the population import: CSV text → mapping
// guess → ApplyPopulation. Populations stay known-and-non-negative, and
// the subdistrict list keeps its length.
func FuzzPopulationCSV(f *testing.F) {
	for _, s := range []string{"街道,常住人口\n桥中,61000\n站前,\"52,000\"\n", "code,population\n440103001000,1\n",
		"name;pop\n多宝;-5\n", "街道\t人口\n\"未闭合,1\n", "\ufeffname,population\nx,1e400\n"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		p := filepath.Join(dir, "pop.csv")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := vector.ReadCSV(p, "auto")
		if err != nil {
			return
		}
		m := GuessBoundaryMapping(set.Fields)
		key := m.Code
		if key == "" {
			key = m.Name
		}
		subs := LiwanSubdistricts()
		out, _ := ApplyPopulation(subs, set, key, m.Population)
		if len(out) != len(subs) {
			t.Fatalf("%d subdistricts became %d", len(subs), len(out))
		}
		for _, sd := range out {
			if sd.PopKnown && sd.Population < 0 {
				t.Fatalf("%s: population %d", sd.Name, sd.Population)
			}
		}
	})
}
