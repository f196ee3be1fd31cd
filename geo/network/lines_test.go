package network

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const roadsGeoJSON = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"A","nowalk":"0"},"geometry":{"type":"LineString","coordinates":[[113.25,23.1],[113.26,23.1]]}},
{"type":"Feature","properties":{"name":"B","nowalk":"1"},"geometry":{"type":"LineString","coordinates":[[113.26,23.1],[113.27,23.1]]}},
{"type":"Feature","properties":{"name":"C","nowalk":""},"geometry":{"type":"MultiLineString","coordinates":[[[113.25,23.1],[113.25,23.11]],[[113.25,23.11],[113.24,23.11]]]}},
{"type":"Feature","properties":{"name":"P","nowalk":"0"},"geometry":{"type":"Point","coordinates":[113.25,23.1]}}
]}`

func writeTemp(t *testing.T, name, body string) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadLines(t *testing.T) {
	path := writeTemp(t, "roads.geojson", roadsGeoJSON)
	for _, tc := range []struct {
		name  string
		opt   LineOptions
		lines int
		st    LineStats
	}{
		{"all lines (C has two parts)", LineOptions{}, 4, LineStats{Features: 4, Lines: 4, NotLines: 1}},
		{"nowalk field", LineOptions{NoWalkField: "nowalk"}, 3, LineStats{Features: 4, Lines: 3, NotWalkable: 1, NotLines: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, st, err := ReadLines(path, tc.opt)
			if err != nil || len(lines) != tc.lines || st != tc.st {
				t.Errorf("%d lines, %+v, %v", len(lines), st, err)
			}
		})
	}
}

func TestReadLinesOSMTags(t *testing.T) {
	body := strings.ReplaceAll(strings.ReplaceAll(roadsGeoJSON, `"nowalk":"1"`, `"highway":"motorway"`), `"nowalk":"0"`, `"highway":"residential"`)
	body = strings.ReplaceAll(body, `"nowalk":""`, `"highway":"footway"`)
	lines, st, err := ReadLines(writeTemp(t, "osm.geojson", body), LineOptions{})
	if err != nil || len(lines) != 3 || st.NotWalkable != 1 {
		t.Errorf("%d lines %+v %v", len(lines), st, err)
	}
}

func TestReadLinesBad(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		opt              LineOptions
		want             error
	}{
		{"no lines", "points.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.25,23.1]}}]}`, LineOptions{}, ErrNoLines},
		{"not GeoJSON", "bad.geojson", `{"type":`, LineOptions{}, ErrFormat},
		{"missing field", "roads.geojson", roadsGeoJSON, LineOptions{NoWalkField: "walk"}, ErrFormat},
		{"metres without a system", "gk.geojson", strings.ReplaceAll(roadsGeoJSON, "[113.25,23.1]", "[500000,2550000]"), LineOptions{}, ErrFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadLines(writeTemp(t, tc.file, tc.body), tc.opt)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.file) {
				t.Errorf("err %v, want %v naming %s", err, tc.want, tc.file)
			}
		})
	}
}
