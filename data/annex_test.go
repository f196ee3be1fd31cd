package data

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// annexCopy is the annex table of the plan (with its source named), kept in
// the repository so the cross-check always runs.
const annexCopy = "testdata/annex-2021-2025.md"

// evidenceCopy is the location evidence table (shared/data/SITE-LOCATIONS.md),
// kept here for the same reason.
const evidenceCopy = "testdata/site-locations.md"

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

// evidenceSubdistricts reads the 街道 column of the evidence table by row.
func evidenceSubdistricts(t *testing.T) map[int]string {
	t.Helper()
	b, err := os.ReadFile(evidenceCopy)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "|")
		if len(f) < 9 {
			continue
		}
		if no, err := strconv.Atoi(strings.TrimSpace(f[1])); err == nil {
			out[no] = strings.TrimSpace(f[6])
		}
	}
	return out
}

// TestSubdistrictsMatchEvidence keeps each site's subdistrict to its own
// evidence: a single name is the site's subdistrict, and no subdistrict is
// named that the evidence for that row does not name (#24 once showed #9's
// candidates although its evidence says "?").
func TestSubdistrictsMatchEvidence(t *testing.T) {
	ev := evidenceSubdistricts(t)
	if len(ev) != 25 {
		t.Fatalf("parsed %d evidence rows, want 25", len(ev))
	}
	for _, s := range defaultSites(t) {
		cell := ev[s.No]
		for _, sd := range LiwanSubdistricts() {
			if cell == sd.Name && s.Subdistrict != sd.Name {
				t.Errorf("row %d: evidence says %s, data has %q", s.No, cell, s.Subdistrict)
			}
			if strings.Contains(s.Subdistrict+s.SubdistrictNote, sd.Name) && !strings.Contains(cell, sd.Name) {
				t.Errorf("row %d: data names %s (%s), evidence says %q", s.No, sd.Name, s.SubdistrictText(), cell)
			}
		}
		if cell == "?" && s.SubdistrictText() != i18n.T("behave.subdistrict.unverified") && s.SubdistrictNote == "?" {
			t.Errorf("row %d: evidence \"?\" shown as %q", s.No, s.SubdistrictText())
		}
	}
	if got := siteNo(t, 24).SubdistrictText(); got != i18n.T("behave.subdistrict.unverified") {
		t.Errorf("#24 subdistrict shown as %q, want %q", got, i18n.T("behave.subdistrict.unverified"))
	}
}

// TestSourcesMatchEvidence keeps each site's source true for that site: no
// POI where the evidence found nothing, an area anchor said as such.
func TestSourcesMatchEvidence(t *testing.T) {
	b, err := os.ReadFile(evidenceCopy)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[int][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "|")
		if no, err := strconv.Atoi(strings.TrimSpace(f[min(1, len(f)-1)])); err == nil && len(f) >= 9 {
			rows[no] = f
		}
	}
	for _, s := range defaultSites(t) {
		ev, point := rows[s.No][3], strings.TrimSpace(rows[s.No][4])
		anchor := false
		for _, w := range []string{"anchor", "as #", "nearby POI", "candidate POI", "plot not found"} {
			anchor = anchor || strings.Contains(ev, w)
		}
		switch {
		case point == "none" && strings.Contains(s.English.Source, "POI"):
			t.Errorf("row %d: nothing found, source says %q", s.No, s.English.Source)
		case point == "none" && s.Located:
			t.Errorf("row %d: nothing found, but located", s.No)
		case anchor && !strings.Contains(s.English.Source, "anchor"):
			t.Errorf("row %d: evidence is an area anchor, source %q does not say so", s.No, s.English.Source)
		case !anchor && strings.Contains(s.English.Source, "anchor"):
			t.Errorf("row %d: evidence names the school, source %q says anchor", s.No, s.English.Source)
		case strings.Contains(s.English.Source, "anchor") != strings.Contains(s.Source, "锚点"):
			t.Errorf("row %d: the Chinese source %q and the English %q disagree on the anchor", s.No, s.Source, s.English.Source)
		}
	}
}

// TestEvidenceCopyIsVerbatim checks the kept evidence table against the
// shared one where it is beside the checkout (and always in CI).
func TestEvidenceCopyIsVerbatim(t *testing.T) {
	shared, err := os.ReadFile("../../shared/data/SITE-LOCATIONS.md")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI has ../shared beside the clone: %v", err)
		}
		t.Skipf("evidence table not beside the checkout: %v", err)
	}
	kept, err := os.ReadFile(evidenceCopy)
	if err != nil {
		t.Fatal(err)
	}
	if string(kept) != string(shared) {
		t.Errorf("%s differs from shared/data/SITE-LOCATIONS.md; copy it again", evidenceCopy)
	}
}
