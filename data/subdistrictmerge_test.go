package data

import (
	"errors"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

func square(lon, lat, d float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{lon, lat}, {lon + d, lat}, {lon + d, lat + d}, {lon, lat + d}, {lon, lat}}}}
}

func TestMergeSubdistrictsCodeThenName(t *testing.T) {
	cur := LiwanSubdistricts()
	b := square(113.2, 23.1, 0.01)
	imported := []Subdistrict{
		{Code: "440103013000", Name: "沙面", Boundary: b}, // code says 桥中, the name another row: code wins
		{Name: "华林街道", Boundary: b},                     // name with suffix
		{Code: "900001", Name: "测试甲", Boundary: b},      // matches nothing: added
	}
	got, added := MergeSubdistrictsReport(cur, imported)
	if len(got) != 23 || len(added) != 1 || added[0].Name != "测试甲" {
		t.Fatalf("%d rows, added %v", len(got), added)
	}
	if got[12].Name != "桥中" || got[12].Boundary == nil || got[0].Boundary != nil {
		t.Errorf("code must match before name: 桥中 %v, 沙面 %v", got[12].Boundary != nil, got[0].Boundary != nil)
	}
	if got[2].Boundary == nil {
		t.Error("华林街道 did not match 华林")
	}
	if !IsOfficialSubdistrict(got[12]) || IsOfficialSubdistrict(got[22]) {
		t.Error("official rows are the built-in 22 only")
	}
}

func TestSubdistrictExtentRefused(t *testing.T) {
	china := Subdistrict{Name: "全国", Code: "1", Boundary: orb.MultiPolygon{{{{73, 18}, {135, 18}, {135, 53}, {73, 53}, {73, 18}}}}}
	err := CheckExtent(china)
	var ee *ExtentError
	if !errors.As(err, &ee) || ee.Name != "全国" || ee.WidthKm < 5000 || !strings.Contains(err.Error(), "全国") {
		t.Errorf("err = %v", err)
	}
	if err := CheckExtent(Subdistrict{Name: "桥中", Boundary: square(113.2, 23.1, 0.05)}); err != nil {
		t.Errorf("a 5 km subdistrict refused: %v", err)
	}
}

func TestOffsetHintNeverSameCRS(t *testing.T) {
	// Boundaries that fit the sites only when shifted from GCJ-02 to
	// WGS-84: the advice "re-import as WGS-84" is wrong when the file was
	// read as WGS-84 already.
	site := orb.Point{113.24, 23.11}
	var subs []Subdistrict
	for i := range 5 {
		p := geo.GCJ02ToWGS84(orb.Point{site[0] + float64(i)*0.01, site[1]})
		subs = append(subs, Subdistrict{Name: "x", Boundary: square(p[0]-0.001, p[1]-0.001, 0.002)})
	}
	var sites []Site
	for i := range 5 {
		sites = append(sites, Site{ID: "s", Located: true, Location: orb.Point{site[0] + float64(i)*0.01, site[1]}})
	}
	_, _, hint := OffsetCheck(subs, sites)
	if !strings.Contains(hint, "WGS-84") {
		t.Fatalf("fixture: hint %q", hint)
	}
	_, _, hint = OffsetCheck(subs, sites, crs.WGS84)
	if strings.Contains(hint, "WGS-84") || hint == "" {
		t.Errorf("read as WGS-84, hint %q", hint)
	}
}
