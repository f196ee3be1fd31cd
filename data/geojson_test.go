package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/assets"
)

const okProps = `"id":"A","name":"甲","level":"primary","precision_m":100,"confidence":"high","basis":"POI"`

func fc(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

func feat(geom, props string) string {
	return `{"type":"Feature","geometry":` + geom + `,"properties":{` + props + `}}`
}

const pt = `{"type":"Point","coordinates":[113.2,23.1]}`

func TestParseSitesValidation(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		index int
		field string
		err   error
	}{
		{"not json", `{`, -1, "", ErrSyntax},
		{"not a collection", `{"type":"Feature"}`, -1, "", ErrNotCollection},
		{"foreign crs", `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}`, -1, "", ErrCRS},
		{"member not a feature", fc(`{"type":"Point"}`), 0, "type", ErrNotFeature},
		{"missing id", fc(feat(pt, `"name":"甲","level":"primary","precision_m":1,"basis":"x"`)), 0, "id", ErrMissing},
		{"missing name", fc(feat(pt, `"id":"A","level":"primary"`)), 0, "name", ErrMissing},
		{"missing level", fc(feat(pt, `"id":"A","name":"甲"`)), 0, "level", ErrMissing},
		{"unknown level", fc(feat(pt, `"id":"A","name":"甲","level":"college"`)), 0, "level", ErrUnknownLevel},
		{"negative classes", fc(feat(pt, okProps+`,"classes":-3`)), 0, "classes", ErrNegative},
		{"classes not a number", fc(feat(pt, okProps+`,"classes":"36班"`)), 0, "classes", ErrType},
		{"negative land area", fc(feat(pt, okProps+`,"land_area_m2":-1`)), 0, "land_area_m2", ErrNegative},
		{"years reversed", fc(feat(pt, okProps+`,"start_year":2025,"end_year":2021`)), 0, "start_year", ErrYearOrder},
		{"year out of range", fc(feat(pt, okProps+`,"start_year":21,"end_year":2025`)), 0, "start_year", ErrRange},
		{"both years out of range", fc(feat(pt, okProps+`,"start_year":21,"end_year":3000`)), 0, "start_year", ErrRange},
		{"unknown confidence", fc(feat(pt, `"id":"A","name":"甲","level":"primary","confidence":"sure"`)), 0, "confidence", ErrUnknownConfidence},
		{"line geometry", fc(feat(`{"type":"LineString","coordinates":[[0,0],[1,1]]}`, okProps)), 0, "geometry", ErrGeometry},
		{"one coordinate", fc(feat(`{"type":"Point","coordinates":[113]}`, okProps)), 0, "geometry.coordinates", ErrCoordinates},
		{"latitude beyond 90", fc(feat(`{"type":"Point","coordinates":[113,95]}`, okProps)), 0, "geometry.coordinates", ErrRange},
		{"lat/lon swapped far", fc(feat(`{"type":"Point","coordinates":[23.1,213.2]}`, okProps)), 0, "geometry.coordinates", ErrRange},
		{"located without precision", fc(feat(pt, `"id":"A","name":"甲","level":"primary","basis":"x"`)), 0, "precision_m", ErrMissing},
		{"zero precision", fc(feat(pt, `"id":"A","name":"甲","level":"primary","basis":"x","precision_m":0`)), 0, "precision_m", ErrRange},
		{"located without basis", fc(feat(pt, `"id":"A","name":"甲","level":"primary","precision_m":5`)), 0, "basis", ErrMissing},
		{"duplicate id", fc(feat(pt, okProps), feat(`null`, okProps)), 1, "id", ErrDuplicateID},
		{"second feature bad", fc(feat(pt, okProps), feat(pt, `"id":"B","name":"乙","level":"primary","precision_m":5,"basis":"x","classes":-1`)), 1, "classes", ErrNegative},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSites([]byte(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var fe *FeatureError
			if tt.index < 0 {
				if errors.As(err, &fe) {
					t.Fatalf("collection error reported as feature error: %v", err)
				}
				return
			}
			if !errors.As(err, &fe) {
				t.Fatalf("err %v is not a *FeatureError", err)
			}
			if fe.Index != tt.index || fe.Field != tt.field {
				t.Errorf("located at feature %d field %q, want %d %q (%v)", fe.Index, fe.Field, tt.index, tt.field, err)
			}
		})
	}
}

func TestParseSitesAccepts(t *testing.T) {
	in := fc(feat(pt, okProps+`,"classes":36,"start_year":2021,"end_year":2023,"unknown_extra":1`),
		feat(`null`, `"id":"B","name":"乙","level":"幼儿园"`))
	sites, err := ParseSites([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 2 || !sites[0].Located || sites[1].Located {
		t.Fatalf("got %+v", sites)
	}
	if sites[1].Level != Kindergarten || sites[0].Classes != 36 || sites[0].Location[1] != 23.1 {
		t.Errorf("fields not read: %+v", sites)
	}
}

func TestRoundTrip(t *testing.T) {
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	b, err := MarshalSites(sites)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseSites(b)
	if err != nil {
		t.Fatalf("re-read: %v", err)
	}
	if !reflect.DeepEqual(sites, again) {
		t.Error("marshal -> parse changed the sites")
	}
	golden := filepath.Join("testdata", "sites.golden.geojson")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.WriteFile(golden, b, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(b) {
		t.Errorf("MarshalSites output differs from %s (UPDATE_GOLDEN=1 to accept)", golden)
	}
}

func TestDefaultData(t *testing.T) {
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	located := 0
	for _, s := range sites {
		if s.Located {
			located++
			if s.Location[0] < 113.1 || s.Location[0] > 113.3 || s.Location[1] < 23.0 || s.Location[1] > 23.2 {
				t.Errorf("%s at %v is outside Liwan", s.ID, s.Location)
			}
		}
		if s.Source == "" || s.Basis == "" {
			t.Errorf("%s carries no source/basis", s.ID)
		}
	}
	if len(sites) != 25 || located != 23 {
		t.Errorf("got %d sites, %d located; want 25 and 23", len(sites), located)
	}
}

func FuzzParseSites(f *testing.F) {
	f.Add(assets.SitesGeoJSON)
	f.Add([]byte(fc(feat(pt, okProps))))
	f.Add([]byte(fc(feat(`null`, `"id":"B","name":"乙","level":"幼儿园"`))))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e400,0]},"properties":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sites, err := ParseSites(b)
		if err != nil {
			return
		}
		out, err := MarshalSites(sites)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseSites(out); err != nil {
			t.Fatalf("valid input re-marshalled invalid: %v", err)
		}
	})
}
