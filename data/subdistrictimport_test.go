package data

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"

	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

var fixtures = filepath.Join("..", "testdata", "boundaries")

func TestImportBoundariesEveryFormat(t *testing.T) {
	tests := []struct {
		file string
		crs  crs.CRS // what the planner declares (Unknown: what the file says)
	}{
		{"synthetic-wgs84.geojson", crs.Unknown},
		{"synthetic-cgcs2000-gk114.shp", crs.Unknown},
		{"synthetic-wgs84.gpkg", crs.Unknown},
		{"synthetic-gcj02.geojson", crs.GCJ02},
	}
	var ref []Subdistrict
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			set, err := vector.Open(filepath.Join(fixtures, tt.file), "", "auto")
			if err != nil {
				t.Fatal(err)
			}
			m := GuessBoundaryMapping(set.Fields)
			m.CRS = set.CRS
			if tt.crs != crs.Unknown {
				m.CRS = tt.crs
			}
			subs, probs := Subdistricts(set, m)
			if len(probs) > 0 || len(subs) != 4 {
				t.Fatalf("%d subdistricts, problems %v (mapping %+v)", len(subs), probs, m)
			}
			for i, s := range subs {
				if a := planar.Area(project.MultiPolygon(s.Boundary.Clone(), geo.LiwanAlbers.Forward)); math.Abs(a-6.25e6)/6.25e6 > 0.001 {
					t.Errorf("%s area %.0f m², want 6.25 km²", s.Name, a)
				}
				if !s.PopKnown || s.Population < 30000 {
					t.Errorf("%s population %d", s.Name, s.Population)
				}
				if ref != nil {
					d := ref[i].Boundary[0][0][0]
					g := s.Boundary[0][0][0]
					if math.Abs(d[0]-g[0]) > 1e-6 || math.Abs(d[1]-g[1]) > 1e-6 {
						t.Errorf("%s: first vertex %v, WGS-84 file has %v", s.Name, g, d)
					}
				}
			}
			if ref == nil {
				ref = subs
			}
		})
	}
}

func TestOffsetCheckSpotsGCJ(t *testing.T) {
	sites := defaultSites(t)
	// Big squares hide a 500 m shift; use one tight box per site instead.
	var subs []Subdistrict
	for _, s := range sites {
		if s.Located {
			g := geo.WGS84ToGCJ02(s.Location)
			subs = append(subs, Subdistrict{Name: s.ID, Boundary: orb.MultiPolygon{{{{g[0] - 0.001, g[1] - 0.001}, {g[0] + 0.001, g[1] - 0.001},
				{g[0] + 0.001, g[1] + 0.001}, {g[0] - 0.001, g[1] + 0.001}, {g[0] - 0.001, g[1] - 0.001}}}}})
		}
	}
	inside, located, hint := OffsetCheck(subs, sites)
	if inside > 2 || located != 23 || !strings.Contains(hint, "GCJ-02") {
		t.Errorf("GCJ-02 boundaries read as WGS-84: %d/%d inside, hint %q", inside, located, hint)
	}
	for i := range subs {
		subs[i].Boundary, _ = crsGCJ(subs[i].Boundary)
	}
	if _, _, hint := OffsetCheck(subs, sites); hint != "" {
		t.Errorf("converted boundaries still flagged: %q", hint)
	}
}

func crsGCJ(mp orb.MultiPolygon) (orb.MultiPolygon, error) {
	g, err := crs.GCJ02.Geometry(mp)
	return g.(orb.MultiPolygon), err
}

func TestPopulationCSV(t *testing.T) {
	set, err := vector.ReadCSV(filepath.Join(fixtures, "population-gbk.csv"), "auto")
	if err != nil || set.Encoding != "GBK" {
		t.Fatalf("%v %+v", err, set)
	}
	subs := []Subdistrict{{Code: "900001", Name: "测试甲"}, {Code: "900002", Name: "测试乙"}, {Code: "900003", Name: "测试丙"}}
	out, probs := ApplyPopulation(subs, set, "街道", "常住人口")
	if out[0].Population != 53000 || !out[0].PopKnown || subs[0].PopKnown {
		t.Errorf("population not applied (or applied in place): %+v", out[0])
	}
	if len(probs) != 1 || !strings.Contains(probs[0].String(), "测试丁") {
		t.Errorf("unmatched row not reported: %v", probs)
	}
	merged := MergeSubdistricts(LiwanSubdistricts(), []Subdistrict{{Code: "440103013000", Name: "桥中", Population: 1, PopKnown: true}})
	if len(merged) != 22 || merged[12].Population != 1 {
		t.Errorf("merge by code: %+v", merged[12])
	}
}
