package vector

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// fixtureDir holds boundary fixtures for tests and for trying the app:
// four SYNTHETIC 2.5 km squares over the Guanggang area, named 测试甲..丁
// with codes 900001..900004. They are not real subdistrict boundaries
// (those are not public).
const fixtureDir = "../../testdata/boundaries"

var fixtureNames = []string{"测试甲", "测试乙", "测试丙", "测试丁"}

func fixtureSquares() []orb.MultiPolygon {
	a := geo.LiwanAlbers
	c := a.Forward(orb.Point{113.236, 23.078})
	var out []orb.MultiPolygon
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			x0, y0 := c[0]+float64(i-1)*2500, c[1]+float64(j-1)*2500
			var r orb.Ring
			// Densified edges: straight in metres, so areas are exact.
			corners := [][2]float64{{x0, y0}, {x0 + 2500, y0}, {x0 + 2500, y0 + 2500}, {x0, y0 + 2500}, {x0, y0}}
			for k := 0; k < 4; k++ {
				for s := 0; s < 10; s++ {
					t := float64(s) / 10
					p := orb.Point{corners[k][0] + t*(corners[k+1][0]-corners[k][0]), corners[k][1] + t*(corners[k+1][1]-corners[k][1])}
					r = append(r, a.Inverse(p))
				}
			}
			r = append(r, r[0])
			out = append(out, orb.MultiPolygon{{r.Clone()}})
		}
	}
	return out
}

var fixturePops = []int{52000, 38500, 61200, 44800}

// TestWriteFixtures regenerates the fixtures with UPDATE_FIXTURES=1 and
// otherwise checks they read back as written.
func TestWriteFixtures(t *testing.T) {
	sq := fixtureSquares()
	if os.Getenv("UPDATE_FIXTURES") != "" {
		writeFixtures(t, sq)
	}
	for _, tc := range []struct {
		file string
		want crs.CRS
	}{{"synthetic-wgs84.geojson", crs.WGS84}, {"synthetic-cgcs2000-gk114.shp", crs.CGCS2000GK114}, {"synthetic-wgs84.gpkg", crs.WGS84}, {"synthetic-gcj02.geojson", crs.Unknown}} {
		set, err := Open(filepath.Join(fixtureDir, tc.file), "", "auto")
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if set.CRS != tc.want && !(tc.want == crs.Unknown && set.CRS == crs.WGS84) {
			t.Errorf("%s: crs %v, want %v", tc.file, set.CRS, tc.want)
		}
		if len(set.Features) != 4 {
			t.Errorf("%s: %d features", tc.file, len(set.Features))
		}
		names := map[string]bool{}
		for _, f := range set.Features {
			for _, k := range []string{"name", "NAME"} {
				if f.Props[k] != "" {
					names[f.Props[k]] = true
				}
			}
		}
		for _, n := range fixtureNames {
			if !names[n] {
				t.Errorf("%s: no feature named %s", tc.file, n)
			}
		}
	}
}

func writeFixtures(t *testing.T, sq []orb.MultiPolygon) {
	os.MkdirAll(fixtureDir, 0o755)
	gj := func(name string, conv func(orb.Point) orb.Point) {
		s := `{"type":"FeatureCollection","features":[`
		for i, mp := range sq {
			var coords string
			for k, p := range mp[0][0] {
				q := conv(p)
				if k > 0 {
					coords += ","
				}
				coords += fmt.Sprintf("[%.8f,%.8f]", q[0], q[1])
			}
			if i > 0 {
				s += ","
			}
			s += fmt.Sprintf("\n"+`{"type":"Feature","properties":{"name":%q,"code":"90000%d","population":%d},"geometry":{"type":"Polygon","coordinates":[[%s]]}}`,
				fixtureNames[i], i+1, fixturePops[i], coords)
		}
		os.WriteFile(filepath.Join(fixtureDir, name), []byte(s+"\n]}\n"), 0o644)
	}
	gj("synthetic-wgs84.geojson", func(p orb.Point) orb.Point { return p })
	gj("synthetic-gcj02.geojson", geo.WGS84ToGCJ02)
	var geoms []orb.Geometry
	var recs [][]string
	for i, mp := range sq {
		pm := orb.MultiPolygon{{orb.Ring{}}}
		for _, p := range mp[0][0] {
			q, _ := crs.CGCS2000GK114.FromWGS84(p)
			pm[0][0] = append(pm[0][0], q)
		}
		geoms = append(geoms, pm)
		recs = append(recs, []string{fixtureNames[i], fmt.Sprintf("90000%d", i+1), fmt.Sprint(fixturePops[i])})
	}
	if err := writeShapefile(filepath.Join(fixtureDir, "synthetic-cgcs2000-gk114"), geoms, []string{"NAME", "CODE", "POP"}, recs, true, gk114PRJ, ""); err != nil {
		t.Fatal(err)
	}
	l := &gpkg.Layer{Name: "subdistricts", GeomType: "MULTIPOLYGON", Fields: []gpkg.Field{{Name: "name", Type: gpkg.Text}, {Name: "code", Type: gpkg.Text}, {Name: "population", Type: gpkg.Integer}}}
	for i, mp := range sq {
		l.Features = append(l.Features, gpkg.Feature{Geometry: mp, Values: []any{fixtureNames[i], fmt.Sprintf("90000%d", i+1), int64(fixturePops[i])}})
	}
	if err := gpkg.Write(filepath.Join(fixtureDir, "synthetic-wgs84.gpkg"), []*gpkg.Layer{l}); err != nil {
		t.Fatal(err)
	}
	pop := "街道,常住人口\n"
	for i, n := range fixtureNames {
		pop += fmt.Sprintf("%s,%d\n", n, fixturePops[i]+1000)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(pop)
	os.WriteFile(filepath.Join(fixtureDir, "population-gbk.csv"), []byte(gbk), 0o644)
	os.WriteFile(filepath.Join(fixtureDir, "README.md"), []byte(`# Synthetic boundary fixtures

Four 2.5 km squares over the Guanggang area, named 测试甲, 测试乙, 测试丙, 测试丁
(codes 900001–900004), with made-up populations. They are NOT real subdistrict
boundaries or populations (those are not public); they exist to test the
importers and the coverage analysis, and to try the app.

- synthetic-wgs84.geojson: WGS-84 (EPSG:4326)
- synthetic-gcj02.geojson: the same squares in GCJ-02, not declared (import with "GCJ-02")
- synthetic-cgcs2000-gk114.shp/.dbf/.prj: CGCS2000 3-degree Gauss-Kruger CM 114E (EPSG:4547), GBK .dbf
- synthetic-wgs84.gpkg: GeoPackage, layer "subdistricts"
- population-gbk.csv: populations keyed by name, GBK
- synthetic-22-jie.geojson: 22 made-up rectangles in a 2 × 11 grid over the
  district's sites, named after Liwan's 22 subdistricts with 街 appended
  ("多宝街"), no codes; the rectangles are NOT the subdistricts' shapes
- population-22-jie.csv: made-up populations (30000, 32500, …) keyed the same
  way ("多宝街"), UTF-8, header 街道,常住人口

Regenerate with: UPDATE_FIXTURES=1 go test ./data/vector -run TestWriteFixtures
(the 22-jie pair: UPDATE_FIXTURES=1 go test ./data -run TestJieFixture)
`), 0o644)
}
