package crs

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestConversions(t *testing.T) {
	liwan := orb.Point{113.22954, 23.11668}
	for _, c := range append(All(), mustEPSG(4526, "zone 38"), mustEPSG(2383, "Xian"), mustEPSG(21419, "BJ54 zone 19")) {
		p, err := c.FromWGS84(liwan)
		if err != nil {
			t.Fatal(err)
		}
		back, err := c.ToWGS84(p)
		if err != nil || math.Abs(back[0]-liwan[0]) > 1e-9 || math.Abs(back[1]-liwan[1]) > 1e-9 {
			t.Errorf("%s: %v -> %v -> %v (%v)", c, liwan, p, back, err)
		}
		if c.Projected() != (math.Abs(p[0]) > 1000) {
			t.Errorf("%s: projected=%v but coordinates %v", c, c.Projected(), p)
		}
	}
	// GCJ-02 evidence vector from the site table.
	if w, _ := GCJ02.ToWGS84(orb.Point{113.234873, 23.113999}); math.Abs(w[0]-113.22954) > 1e-5 || math.Abs(w[1]-23.11668) > 1e-5 {
		t.Errorf("GCJ-02 evidence point -> %v", w)
	}
	for _, s := range []string{"EPSG:4547", "4547", "epsg:4326", "gcj02", "GCJ-02", "EPSG:3857", "EPSG:4490", "EPSG:4549", "EPSG:2383"} {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
	if c, _ := Parse("4547"); c != CGCS2000GK114 {
		t.Errorf("Parse(4547) = %#v", c)
	}
	for _, s := range []string{"EPSG:32650", "EPSG:4555", "4547x"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("unsupported %q accepted", s)
		}
	}
}

const (
	esriGK114 = `PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
	xian2383  = `PROJCS["Xian 1980 / 3-degree Gauss-Kruger CM 114E",GEOGCS["Xian 1980",DATUM["Xian_1980",SPHEROID["IAG 1975",6378140,298.257]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",114],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","2383"]]`
	albers    = `PROJCS["Asia_North_Albers_Equal_Area_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]],PROJECTION["Albers"],PARAMETER["Central_Meridian",95],UNIT["Meter",1],AUTHORITY["ESRI","102025"]]`
	clarkeTM  = `PROJCS["NAD27 / UTM zone 50N",GEOGCS["NAD27",DATUM["North_American_Datum_1927",SPHEROID["Clarke 1866",6378206.4,294.978698213898]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",117],UNIT["metre",1],AUTHORITY["EPSG","26750"]]`
)

func TestFromWKT(t *testing.T) {
	tests := []struct {
		name, wkt string
		want      CRS
	}{
		{"WGS-84", `GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`, WGS84},
		{"CGCS2000", `GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`, CGCS2000},
		{"ESRI GK 114", esriGK114, CGCS2000GK114},
		{"Web Mercator", `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Mercator_Auxiliary_Sphere"]]`, WebMercator},
		{"ESRI short GK 117", `PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"],PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",117.0],PARAMETER["False_Easting",500000.0]]`,
			mustEPSG(4548, "CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548)")},
		{"Xian 1980 CM 114", xian2383, mustEPSG(2383, "Xian 1980 / 3-degree Gauss-Kruger CM 114E (EPSG:2383)")},
		{"empty", "  ", Unknown},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			got, err := FromWKT(c.wkt)
			if err != nil || got != c.want {
				t.Errorf("FromWKT = %#v, %v; want %#v", got, err, c.want)
			}
		})
	}
}

// TestUnsupportedIsNamed: a declared but unsupported system is named, not
// reported as undeclared.
func TestUnsupportedIsNamed(t *testing.T) {
	for wkt, want := range map[string]string{
		albers:                  "ESRI:102025 Asia_North_Albers_Equal_Area_Conic is not supported",
		clarkeTM:                "EPSG:26750 NAD27 / UTM zone 50N is not supported",
		`LOCAL_CS["arbitrary"]`: "arbitrary is not supported",
		`PROJCS["x"`:            "unclosed",
	} {
		c, err := FromWKT(wkt)
		if c != Unknown || !errors.Is(err, ErrUnknownCRS) || !strings.Contains(err.Error(), want) {
			t.Errorf("%.30s: %v, %v; want %q", wkt, c, err, want)
		}
	}
}

func TestWarningWithoutTOWGS84(t *testing.T) {
	x, _ := FromWKT(xian2383)
	if w := x.Warning(); !strings.Contains(w, "Xian 1980") || !strings.Contains(w, "tens of metres") {
		t.Errorf("Xian 1980 warning %q", w)
	}
	shifted, _ := FromWKT(strings.Replace(xian2383, `SPHEROID["IAG 1975",6378140,298.257]`, `SPHEROID["IAG 1975",6378140,298.257],TOWGS84[24,-123,-94,0.02,-0.25,-0.13,1.1]`, 1))
	if shifted.Warning() != "" || !shifted.datum.shifted {
		t.Errorf("with TOWGS84: warning %q", shifted.Warning())
	}
	if w := CGCS2000GK114.Warning(); w != "" {
		t.Errorf("CGCS2000 warns %q", w)
	}
}

// TestTOWGS84Forms: three or seven parameters; anything else is ignored.
func TestTOWGS84Forms(t *testing.T) {
	for _, c := range []struct {
		towgs   string
		shifted bool
	}{
		{"15.8,-154.4,-82.3", true}, {"15.8,-154.4,-82.3,0.5,-1.2,0.8,2.1", true}, {"0,0,0,0,0,0,0", false},
		// Cases found by fuzzing:
		{"1,298.3,BBBBBBBB,7", true},
	} {
		got, err := FromWKT(`GEOGCS["x",DATUM["y",SPHEROID["z",6378245,298.3],TOWGS84[` + c.towgs + `]]]`)
		if err != nil || got.datum.shifted != c.shifted {
			t.Errorf("TOWGS84[%s]: %+v, %v", c.towgs, got.datum, err)
		}
	}
}

func TestGeometryConvertsEachPointOnce(t *testing.T) {
	want := orb.Point{113.23, 23.1}
	gk, _ := CGCS2000GK114.FromWGS84(want)
	poly := orb.MultiPolygon{{{gk, gk, gk, gk}, {gk, gk, gk, gk}}}
	g, err := CGCS2000GK114.Geometry(poly)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.(orb.MultiPolygon)[0] {
		for _, p := range r {
			if math.Abs(p[0]-want[0]) > 1e-8 || math.Abs(p[1]-want[1]) > 1e-8 {
				t.Fatalf("point converted to %v, want %v", p, want)
			}
		}
	}
	if _, err := WGS84.Geometry(orb.Polygon{{{500000, 2500000}, {1, 1}, {0, 0}}}); err == nil {
		t.Error("metres read as degrees were accepted")
	}
}

func FuzzFromWKT(f *testing.F) {
	for _, s := range []string{esriGK114, xian2383, albers, clarkeTM, `GEOGCS["x",DATUM["y",SPHEROID["z",6378245,298.3],TOWGS84[1,2,3,4,5,6,7]]]`,
		`PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 114E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]]],CONVERSION["x",METHOD["Transverse Mercator"],PARAMETER["Longitude of natural origin",114,ANGLEUNIT["degree",0.0174532925199433]]],ID["EPSG",4547]]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := FromWKT(s)
		if err != nil && c != Unknown {
			t.Fatalf("error %v with CRS %v", err, c)
		}
		if c.kind == kindTM {
			p, _ := c.FromWGS84(orb.Point{113.2, 23.1})
			c.ToWGS84(p) // must not panic or hang
		}
	})
}
