package vector

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

const gk114PRJ = `PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`

func square(x, y, s float64) orb.Ring {
	return orb.Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
}

func TestShapefileGBKWithHolesAndParts(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "街道")
	holed := orb.MultiPolygon{{square(0, 0, 1000), square(250, 250, 500)}}
	twoParts := orb.MultiPolygon{{square(2000, 0, 500)}, {square(3000, 0, 500)}}
	err := writeShapefile(base, []orb.Geometry{holed, twoParts}, []string{"NAME", "CODE"},
		[][]string{{"示例街道甲", "900001"}, {"示例街道乙", "900002"}}, true, gk114PRJ, "")
	if err != nil {
		t.Fatal(err)
	}
	set, err := ReadShapefile(base+".shp", "auto")
	if err != nil {
		t.Fatal(err)
	}
	if set.CRS != crs.CGCS2000GK114 || set.Encoding != "GBK" {
		t.Errorf("crs %v encoding %q", set.CRS, set.Encoding)
	}
	if !reflect.DeepEqual(set.Fields, []string{"NAME", "CODE"}) || len(set.Features) != 2 {
		t.Fatalf("fields %v, %d features", set.Fields, len(set.Features))
	}
	if got := set.Features[0].Props["NAME"]; got != "示例街道甲" {
		t.Errorf("GBK name read as %q", got)
	}
	mp := set.Features[0].Geometry.(orb.MultiPolygon)
	if len(mp) != 1 || len(mp[0]) != 2 || math.Abs(planar.Area(mp)-750000) > 1e-6 {
		t.Errorf("holed polygon read as %d polygons, area %.1f (want 1 with a hole, 750000)", len(mp), planar.Area(mp))
	}
	if mp2 := set.Features[1].Geometry.(orb.MultiPolygon); len(mp2) != 2 {
		t.Errorf("two-part polygon read as %d parts", len(mp2))
	}
	// Forcing the wrong encoding garbles or fails, never panics.
	if s, err := ReadShapefile(base+".shp", "UTF-8"); err == nil && s.Features[0].Props["NAME"] == "示例街道甲" {
		t.Error("GBK text read as UTF-8 without complaint")
	}
}

func TestShapefileUTF8ViaCPG(t *testing.T) {
	base := filepath.Join(t.TempDir(), "b")
	writeShapefile(base, []orb.Geometry{orb.Point{113.2, 23.1}}, []string{"名称"}, [][]string{{"幼儿园"}}, false, "", "UTF-8")
	set, err := ReadShapefile(base+".shp", "")
	if err != nil || set.Features[0].Props["名称"] != "幼儿园" || set.Encoding != "UTF-8" {
		t.Errorf("%v %+v", err, set)
	}
}

func TestShapefileErrors(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "a")
	writeShapefile(base, []orb.Geometry{orb.MultiPolygon{{square(0, 0, 1)}}}, []string{"N"}, [][]string{{"x"}}, false, "", "")
	shp, _ := os.ReadFile(base + ".shp")
	tests := map[string][]byte{
		"not a shapefile": []byte(strings.Repeat("x", 120)),
	}
	for name, b := range tests {
		os.WriteFile(base+".shp", b, 0o644)
		_, err := ReadShapefile(base+".shp", "")
		var fe *FileError
		if !errors.As(err, &fe) || !errors.Is(err, ErrFormat) {
			t.Errorf("%s: %v", name, err)
		}
	}
	os.WriteFile(base+".shp", shp[:len(shp)-20], 0o644)
	os.Remove(base + ".shx")
	set, err := ReadShapefile(base+".shp", "")
	if err != nil || len(set.Features) != 1 || !strings.Contains(set.Features[0].Problem, "shape record 1") {
		t.Errorf("truncated record: %v %+v", err, set)
	}
	os.WriteFile(base+".shp", shp, 0o644)
	os.Remove(base + ".dbf")
	if _, err := ReadShapefile(base+".shp", ""); err == nil || !strings.Contains(err.Error(), ".dbf") {
		t.Errorf("missing .dbf: %v", err)
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("名称,经度,纬度\n启明幼儿园,113.24,23.12\n")
	files := map[string]string{
		"utf8.csv": "\ufeff名称,经度,纬度\n启明幼儿园,113.24,23.12\n\n",
		"gbk.csv":  gbk,
		"tab.csv":  "名称\t经度\t纬度\n启明幼儿园\t113.24\t23.12\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		set, err := ReadCSV(p, "auto")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(set.Features) != 1 || set.Features[0].Props["名称"] != "启明幼儿园" || set.Features[0].Where != "line 2" {
			t.Errorf("%s: %+v", name, set.Features)
		}
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("a,a\n1,2\n"), 0o644)
	if _, err := ReadCSV(bad, ""); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("repeated column: %v", err)
	}
	os.WriteFile(bad, []byte("a,b\n1,\"unclosed\n"), 0o644)
	if _, err := ReadCSV(bad, ""); err == nil || !strings.Contains(err.Error(), "line 2") || strings.Count(err.Error(), "line") != 1 {
		t.Errorf("broken quote: %v (want one line number)", err)
	}
}

func TestGeoJSONAndGeoPackage(t *testing.T) {
	dir := t.TempDir()
	gj := filepath.Join(dir, "s.geojson")
	os.WriteFile(gj, []byte(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},
		"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[423000,2556000]},"properties":{"name":"甲","classes":12}}]}`), 0o644)
	set, err := ReadGeoJSON(gj)
	if err != nil || set.CRS != crs.CGCS2000GK114 || set.Features[0].Props["classes"] != "12" {
		t.Errorf("%v %+v", err, set)
	}
	gp := filepath.Join(dir, "b.gpkg")
	gpkg.Write(gp, []*gpkg.Layer{{Name: "jd", GeomType: "MULTIPOLYGON", Fields: []gpkg.Field{{Name: "name", Type: gpkg.Text}, {Name: "pop", Type: gpkg.Integer}},
		Features: []gpkg.Feature{{Geometry: orb.MultiPolygon{{square(113.2, 23.1, 0.01)}}, Values: []any{"乙", int64(5000)}}}}})
	set, err = Open(gp, "", "")
	if err != nil || set.CRS != crs.WGS84 || set.Features[0].Props["pop"] != "5000" || set.Features[0].Props["name"] != "乙" {
		t.Errorf("%v %+v", err, set)
	}
	if _, err := Open(filepath.Join(dir, "x.kml"), "", ""); !errors.Is(err, ErrFormat) {
		t.Errorf("kml: %v", err)
	}
}

func FuzzSHP(f *testing.F) {
	base := filepath.Join(f.TempDir(), "s")
	writeShapefile(base, []orb.Geometry{orb.MultiPolygon{{square(0, 0, 1), square(0.2, 0.2, 0.3)}}}, []string{"N"}, [][]string{{"x"}}, false, "", "")
	b, _ := os.ReadFile(base + ".shp")
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) { parseSHP("f.shp", data, nil) })
}

func FuzzDBF(f *testing.F) {
	base := filepath.Join(f.TempDir(), "s")
	writeShapefile(base, []orb.Geometry{orb.Point{1, 2}}, []string{"名称", "B"}, [][]string{{"甲", "1"}}, true, "", "")
	b, _ := os.ReadFile(base + ".dbf")
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) { parseDBF("f.dbf", data, "auto", "") })
}

func FuzzCSV(f *testing.F) {
	f.Add("名称,经度,纬度\n甲,113.2,23.1\n")
	f.Add("a;b\n\"x\";\"y\"\n")
	f.Fuzz(func(t *testing.T, s string) { parseCSV("f.csv", s, "UTF-8") })
}

func FuzzGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"a":[1,2]}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) { parseGeoJSON("f.geojson", b) })
}
