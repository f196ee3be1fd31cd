package network

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// FuzzReadPBF feeds arbitrary bytes to the PBF reader: it must not panic,
// and every failure must be a *FileError.
func FuzzReadPBF(f *testing.F) {
	seed, err := os.ReadFile("testdata/walk.osm.pbf") // osmium cat testdata/walk.osm -o testdata/walk.osm.pbf
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("<osm/>"))
	f.Add([]byte{0, 0, 0, 13, 10, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r', 24, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		open := func() (io.ReadCloser, int64, error) { return io.NopCloser(bytes.NewReader(b)), int64(len(b)), nil }
		lines, _, err := readPBF(context.Background(), "fuzz.osm.pbf", open, orb.Bound{}, nil)
		var fe *FileError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error without the file: %v", err)
		}
		for _, l := range lines {
			if len(l) < 2 {
				t.Fatalf("line of %d points", len(l))
			}
		}
	})
}

// FuzzReadLines feeds arbitrary GeoJSON to the line reader and builds a
// graph from what it returns.
func FuzzReadLines(f *testing.F) {
	f.Add([]byte(roadsGeoJSON), "nowalk")
	f.Add([]byte(roadsGeoJSON), "")
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"steps"},"geometry":{"type":"LineString","coordinates":[[1,1],[1,1]]}}]}`), "")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte, field string) {
		p := filepath.Join(dir, "roads.geojson")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		lines, _, err := ReadLines(p, LineOptions{NoWalkField: field})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		g, err := Build(lines, Options{})
		if err != nil {
			if !errors.Is(err, ErrNoLines) {
				t.Fatal(err)
			}
			return
		}
		s := g.NewSearch()
		s.Catchments(lines[0][0], []float64{300}, 50, 1000)
	})
}
