package data

import (
	"path/filepath"
	"testing"
)

func TestProjectKeepsBasemap(t *testing.T) {
	p := &Project{Norms: DefaultNorms(), Basemap: BasemapChoice{Value: "amap", Datum: "gcj02"}}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if q.Basemap != p.Basemap {
		t.Errorf("basemap %+v after reopening", q.Basemap)
	}
}
