package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	var buf, cbuf bytes.Buffer
	sites := defaultSites(t)
	if err := WriteSitesGeoJSON(&buf, sites, DefaultNorms(), 2023); err != nil {
		t.Fatal(err)
	}
	if err := WriteCatchmentsGeoJSON(&cbuf, sites, DefaultNorms()); err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(buf.Bytes())
	if err != nil || len(fc.Features) != 25 {
		t.Fatalf("%v, %d sites", err, len(fc.Features))
	}
	for _, f := range fc.Features {
		p := f.Properties
		switch p["id"] {
		case "LW-06":
			if p["plan_status"] != "under_construction" || p["plan_status_zh"] != "在建" || p["seats"] != 1800.0 {
				t.Errorf("LW-06 in 2023: %v", p)
			}
		case "LW-05":
			if f.Geometry != nil || p["lon"] != nil || p["source"] == nil || strings.Contains(p["source"].(string), "POI") {
				t.Errorf("unlocated LW-05: %v", p)
			}
		}
		if f.Geometry != nil && f.Geometry.GeoJSONType() != "Point" {
			t.Errorf("sites file holds a %s", f.Geometry.GeoJSONType())
		}
	}
	cfc, err := geojson.UnmarshalFeatureCollection(cbuf.Bytes())
	if err != nil || len(cfc.Features) != 20 {
		t.Fatalf("%v, %d catchments", err, len(cfc.Features))
	}
	for _, f := range cfc.Features {
		if r := f.Geometry.(orb.Polygon)[0]; planar.Area(r) <= 0 || r.Orientation() != orb.CCW {
			t.Error("catchment exterior ring is not counter-clockwise (RFC 7946 §3.1.6)")
		}
	}
	if m := regexp.MustCompile(`\d\.\d{8,}`).FindString(buf.String() + cbuf.String()); m != "" {
		t.Errorf("coordinate %s has more than 7 decimals", m)
	}
}

// TestExportUnknownNumbersEmpty: a site whose classes and years the annex
// does not state exports them empty/NULL, never 0.
func TestExportUnknownNumbersEmpty(t *testing.T) {
	sites := defaultSites(t)
	s := &sites[0]
	s.Classes, s.SeatsOverride, s.StartYear, s.EndYear, s.ActualYear = 0, 0, 0, 0, 0
	vals := siteValues(s, DefaultNorms(), 2023)
	for k, c := range siteColumns {
		switch c {
		case "classes", "seats", "start_year", "end_year", "actual_year", "plan_status":
			if vals[k] != nil {
				t.Errorf("%s = %v, want empty", c, vals[k])
			}
		}
	}
	path := filepath.Join(t.TempDir(), "s.gpkg")
	if err := WriteSitesGPKG(path, sites[:1], DefaultNorms(), 2023); err != nil {
		t.Fatal(err)
	}
	f, _ := gpkg.Read(path)
	l, _ := f.Layer("sites")
	if v := l.Features[0].Values[l.Field("classes")]; v != nil {
		t.Errorf("GeoPackage classes %v, want NULL", v)
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
		t.Fatalf("%v rows %d", err, len(rows))
	}
	col := func(name string) int {
		for i, h := range rows[0] {
			if h == i18n.T("export.col."+name) {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, rows[0])
		return -1
	}
	if rows[5][col("located")] != "0" || rows[5][col("lon")] != "" {
		t.Errorf("unlocated LW-05 row: %v", rows[5])
	}
	if code := rows[1][col("subdistrict_code")]; code != "440103004000" {
		t.Errorf("subdistrict code %q, want it plain (GIS joins by it; the .csvt says it is text)", code)
	}
	for _, h := range []string{"plan_status", "actual_status", "confidence", "precision_m", "approximate", "basis", "source"} {
		col(h)
	}
	crows, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\ufeff"))).ReadAll()
	if len(crows) != 21 || !strings.HasPrefix(crows[1][3], "POLYGON((") {
		t.Errorf("catchments csv: %d rows, %q", len(crows), crows[1])
	}
}

// TestExportPairAtomic: when the catchments file cannot be written, the
// sites file is not written either, and the error names the right file.
func TestExportPairAtomic(t *testing.T) {
	for _, format := range []string{"csv", "geojson"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "sites."+format)
		os.Mkdir(CatchmentsPath(path), 0o755) // a folder where the catchments file should go
		_, err := ExportSites(path, format, defaultSites(t), DefaultNorms(), 2025)
		var pe *PairError
		if !errors.As(err, &pe) || pe.Path != CatchmentsPath(path) {
			t.Errorf("%s: %v", format, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s: sites file written without its catchments", format)
		}
		if _, err := os.Stat(CSVTPath(path)); err == nil {
			t.Errorf("%s: column types written without the pair", format)
		}
		os.Remove(CatchmentsPath(path))
		wrote, err := ExportSites(path, format, defaultSites(t), DefaultNorms(), 2025)
		if want := map[string]int{"csv": 4, "geojson": 2}[format]; err != nil || len(wrote) != want {
			t.Errorf("%s: %v %v, want %d files", format, wrote, err, want)
		}
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
	out, _ := exec.Command(ogrinfoOrSkip(t), "-ro", "-so", "-al", path).CombinedOutput()
	if !strings.Contains(string(out), "Geometry: Polygon") || !strings.Contains(string(out), "Feature Count: 20") {
		t.Errorf("ogrinfo:\n%s", out)
	}
}
