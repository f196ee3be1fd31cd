package data

import (
	"bytes"
	"encoding/csv"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestCatchmentsOfDefaultData(t *testing.T) {
	sites := defaultSites(t)
	cs := Catchments(sites, DefaultNorms())
	// 4 junior + 6 primary + 8 located kindergartens + the nine-year school twice.
	if len(cs) != 20 {
		t.Fatalf("%d catchments, want 20", len(cs))
	}
	for _, c := range cs {
		centre := sites[indexOf(sites, c.SiteID)].Location
		for _, p := range c.Ring {
			if d := orbgeo.DistanceHaversine(centre, p); math.Abs(d-c.RadiusM)/c.RadiusM > 0.005 {
				t.Fatalf("%s: vertex %.1f m from centre, radius %.0f", c.SiteID, d, c.RadiusM)
			}
		}
	}
}

func indexOf(sites []Site, id string) int {
	for i := range sites {
		if sites[i].ID == id {
			return i
		}
	}
	return -1
}

func TestWriteSitesGeoJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSitesGeoJSON(&buf, defaultSites(t), DefaultNorms(), 2023); err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	sitesN, catchN := 0, 0
	for _, f := range fc.Features {
		switch f.Properties["layer"] {
		case "site":
			sitesN++
			if f.Properties["id"] == "LW-06" && (f.Properties["status"] != "under_construction" || f.Properties["seats"] != 1800.0) {
				t.Errorf("LW-06 in 2023: %v", f.Properties)
			}
		case "catchment":
			catchN++
			if r := f.Geometry.(orb.Polygon)[0]; planar.Area(r) <= 0 || r.Orientation() != orb.CCW {
				t.Error("catchment exterior ring is not counter-clockwise (RFC 7946 §3.1.6)")
			}
		}
	}
	if sitesN != 25 || catchN != 20 {
		t.Errorf("%d sites, %d catchments", sitesN, catchN)
	}
}

func TestWriteSitesCSV(t *testing.T) {
	var s, c bytes.Buffer
	if err := WriteSitesCSV(&s, &c, defaultSites(t), DefaultNorms(), 2025); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(s.Bytes(), []byte("\ufeff")) {
		t.Error("no BOM: Excel would garble the Chinese")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 26 || rows[0][0] != i18n.T("export.col.id") || rows[5][0] != "LW-05" || !strings.Contains(rows[5][1], "青少年宫") {
		t.Errorf("%v rows %d", err, len(rows))
	}
	if rows[5][13] != "0" || rows[5][14] != "" {
		t.Errorf("unlocated LW-05 row: %v", rows[5])
	}
	crows, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\ufeff"))).ReadAll()
	if len(crows) != 21 || !strings.HasPrefix(crows[1][3], "POLYGON((") {
		t.Errorf("catchments csv: %d rows, %q", len(crows), crows[1])
	}
}

func TestWriteSitesGPKG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sites-2023.gpkg")
	if err := WriteSitesGPKG(path, defaultSites(t), DefaultNorms(), 2023); err != nil {
		t.Fatal(err)
	}
	f, err := gpkg.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := f.Layer("sites")
	c, _ := f.Layer("catchments")
	if s == nil || c == nil || len(s.Features) != 25 || len(c.Features) != 20 || c.GeomType != "POLYGON" {
		t.Fatalf("layers %v %v", s, c)
	}
	if _, err := exec.LookPath("ogrinfo"); err == nil {
		out, _ := exec.Command("ogrinfo", "-ro", "-so", "-al", path).CombinedOutput()
		if !strings.Contains(string(out), "Geometry: Polygon") || !strings.Contains(string(out), "Feature Count: 20") {
			t.Errorf("ogrinfo:\n%s", out)
		}
	}
}
