package data

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/assets"
)

// annexCopy is the annex table of the plan (with its source named), kept in
// the repository so the cross-check always runs.
const annexCopy = "testdata/annex-2021-2025.md"

// annexRow is one row of the plan's annex table as printed in the seed.
type annexRow struct {
	no                    int
	name, content, remark string
	start, end            int
	gov                   bool
	land, floor, classes  int
}

func readAnnex(t *testing.T) map[int]annexRow {
	t.Helper()
	b, err := os.ReadFile(annexCopy)
	if err != nil {
		t.Fatal(err)
	}
	num := func(re *regexp.Regexp, s string) int {
		if m := re.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		return 0
	}
	land := regexp.MustCompile(`用地面积约\s*(\d+)\s*平方米`)
	floor := regexp.MustCompile(`建筑面积[约为]?\s*(\d+)\s*平方米`)
	classes := regexp.MustCompile(`(\d+)\s*班规模`)
	rows := map[int]annexRow{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		no, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if len(f) < 5 || err != nil {
			continue
		}
		years := strings.Split(f[3], "-")
		r := annexRow{no: no, name: strings.TrimSpace(f[1]), content: strings.TrimSpace(f[2]),
			gov: strings.TrimSpace(f[4]) == "是"}
		r.start, _ = strconv.Atoi(years[0])
		r.end, _ = strconv.Atoi(years[1])
		if len(f) > 5 {
			r.remark = strings.TrimSpace(f[5])
		}
		r.land, r.floor, r.classes = num(land, r.content), num(floor, r.content), num(classes, r.content)
		rows[no] = r
	}
	return rows
}

func TestDefaultDataMatchesAnnex(t *testing.T) {
	rows := readAnnex(t)
	if len(rows) != 25 {
		t.Fatalf("parsed %d annex rows, want 25", len(rows))
	}
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, s := range sites {
		r, ok := rows[s.No]
		if !ok {
			t.Errorf("%s: no annex row %d", s.ID, s.No)
			continue
		}
		seen[s.No] = true
		check := func(field string, got, want any) {
			if got != want {
				t.Errorf("row %d %s: data has %v, annex has %v", s.No, field, got, want)
			}
		}
		check("name", s.Name, r.name)
		check("content", s.Content, r.content)
		check("start year", s.StartYear, r.start)
		check("end year", s.EndYear, r.end)
		check("government-funded", s.GovFunded, r.gov)
		check("remark", s.Remark, r.remark)
		check("classes", s.Classes, r.classes)
		check("floor area", int(s.FloorArea), r.floor)
		if r.land != 0 {
			check("land area", int(s.LandArea), r.land)
		}
	}
	if len(seen) != 25 {
		t.Errorf("data covers %d annex rows, want all 25", len(seen))
	}
}

// TestAnnexCopyIsVerbatim checks the kept copy against the seed document
// where the seed is beside the checkout (it is on the developers' machines
// and in CI); elsewhere the copy alone is the reference.
func TestAnnexCopyIsVerbatim(t *testing.T) {
	seed, err := os.ReadFile("../../shared/seed/liwan-education-plan-2021-2025.md")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI has ../shared beside the clone: %v", err)
		}
		t.Skipf("seed not beside the checkout: %v", err)
	}
	kept, err := os.ReadFile(annexCopy)
	if err != nil {
		t.Fatal(err)
	}
	rows := func(b []byte) []string {
		var out []string
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.SplitN(l, "\t", 2); len(f) == 2 {
				if _, err := strconv.Atoi(f[0]); err == nil {
					out = append(out, l)
				}
			}
		}
		return out
	}
	got, want := rows(kept), rows(seed)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != 25 {
		t.Errorf("the kept annex (%d rows) differs from the seed's (%d rows)", len(got), len(want))
	}
}
