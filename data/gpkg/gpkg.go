// Package gpkg reads and writes OGC GeoPackage files (SQLite): feature
// tables of WGS-84 or projected geometries, and attribute tables. It knows
// nothing of schools; data/ maps its records onto layers.
//
// What is written follows GeoPackage 1.3 (application_id "GPKG",
// gpkg_spatial_ref_sys, gpkg_contents, gpkg_geometry_columns, standard
// GeoPackage binary geometries with little-endian WKB), so the files open in
// QGIS and GDAL with one layer per table.
//
// Floor: domain.
package gpkg

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"
)

// Errors of the package; test with errors.Is.
var (
	ErrNotGeoPackage = errors.New("gpkg: not a GeoPackage")
	ErrGeometry      = errors.New("gpkg: bad geometry blob")
	ErrNoLayer       = errors.New("gpkg: no such layer")
)

// FieldType is a column's SQLite type.
type FieldType string

// Column types.
const (
	Text    FieldType = "TEXT"
	Integer FieldType = "INTEGER"
	Real    FieldType = "REAL"
)

// Field is a column of a layer.
type Field struct {
	Name string
	Type FieldType
}

// Feature is one row: its geometry (nil for NULL) and values in field
// order (string, int64, float64 or nil).
type Feature struct {
	Geometry orb.Geometry
	Values   []any
}

// Layer is a feature table (GeomType set) or an attribute table (empty
// GeomType).
type Layer struct {
	Name        string
	Description string
	GeomType    string // POINT, MULTIPOLYGON, POLYGON, GEOMETRY; "" for attributes
	SRSID       int    // 4326 unless stated
	Fields      []Field
	Features    []Feature
}

// Field returns the index of a named field, or -1.
func (l *Layer) Field(name string) int {
	for i, f := range l.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// SRS is an entry of gpkg_spatial_ref_sys.
type SRS struct {
	ID           int
	Organization string
	OrgID        int
	Definition   string
}

// File is what Read returns.
type File struct {
	Layers []*Layer
	SRS    map[int]SRS
}

// Layer returns a layer by name.
func (f *File) Layer(name string) (*Layer, error) {
	for _, l := range f.Layers {
		if l.Name == name {
			return l, nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrNoLayer, name)
}
