// Package vector reads planners' own files into plain features: CSV,
// GeoJSON, ESRI Shapefile (with GBK or UTF-8 .dbf) and GeoPackage layers.
// Coordinates stay in the file's system (crs.CRS says which, when known);
// mapping onto sites or subdistricts, and conversion to WGS-84, is the
// caller's next step, with a problem list per feature.
//
// Floor: domain.
package vector

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo/crs"
)

// Feature is one record: its geometry (nil for CSV rows before the
// coordinate columns are chosen), its attributes as text, and where it
// came from ("line 7", "record 12", "feature 3") for messages.
type Feature struct {
	Geometry orb.Geometry
	Props    map[string]string
	Where    string
	Problem  string // what the reader found wrong with this record, if anything
}

// Set is what a reader returns.
type Set struct {
	Path     string
	Layer    string // the GeoPackage layer read
	Fields   []string
	Features []Feature
	CRS      crs.CRS // Unknown when the file does not say, or says an unsupported system
	// CRSError is set when the file declares a system that is not
	// supported: it names it (wraps crs.ErrUnknownCRS).
	CRSError error
	// Encoding is the text encoding used for the whole file ("UTF-8",
	// "GBK", "Windows-1252"…), EncodingBasis why (the .cpg, the .dbf
	// language driver byte, the whole-file test or the planner's choice):
	// an import preview shows both and offers Encodings() to read again.
	Encoding      string
	EncodingBasis string
	Notes         []string // what the reader tolerated: a record count that does not match, a trailing record
}

// Options say how to open a file: the GeoPackage layer (or the geometry
// kind wanted, to choose the only fitting layer) and the text encoding
// ("", "auto", or a name Encodings lists).
type Options struct {
	Layer, Want, Encoding string
	// Context cancels a long GeoPackage read (nil: none beyond the
	// reader's own time limit).
	Context context.Context
}

// MaxFeatures caps the records a reader returns; a planner's files hold
// far fewer, a hostile one is refused with ErrTooLarge.
const MaxFeatures = 2_000_000

// Errors of the readers; a *FileError says where.
var (
	ErrFormat   = errors.New("vector: unreadable file")
	ErrEncoding = errors.New("vector: unknown text encoding")
	ErrTooLarge = errors.New("vector: file beyond the reader's limits")
	ErrNotFile  = errors.New("vector: not a regular file")
)

// FileError locates a problem in a file.
type FileError struct {
	Path  string
	Where string // "line 7", "record 12", "header"
	Err   error
}

func (e *FileError) Error() string {
	if s, ok := e.fileText(); ok {
		return s
	}
	s := filepath.Base(e.Path)
	if e.Where != "" {
		s += ", " + e.Where
	}
	return s + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// Open reads a file by its extension: .csv, .geojson/.json, .shp, .gpkg
// (the named layer, or the only feature layer; see OpenWith). encoding is
// "", "auto" or a name of Encodings for CSV and .dbf text.
func Open(path, layer, encoding string) (*Set, error) {
	return OpenWith(path, Options{Layer: layer, Encoding: encoding})
}

// OpenWith is Open with Options; a GeoPackage with several layers that fit
// o.Want gives a *LayerChoiceError listing them.
func OpenWith(path string, o Options) (*Set, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return ReadCSV(path, o.Encoding)
	case ".geojson", ".json":
		return ReadGeoJSON(path)
	case ".shp", ".dbf":
		return ReadShapefile(path, o.Encoding)
	case ".gpkg":
		return readGeoPackage(o.Context, path, o.Layer, o.Want)
	}
	return nil, &FileError{Path: path, Err: newFault(ErrFormat, "gap.vector.extension")}
}

// decodeText turns file bytes into UTF-8: "auto" keeps valid UTF-8 (a BOM
// is dropped) and reads anything else as GBK (GB18030, its superset);
// another name is any encoding textEncoding knows.
func decodeText(b []byte, enc string) (string, string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if enc == "" || strings.EqualFold(enc, "auto") {
		enc, _ = guessEncoding(b)
	}
	name, dec, err := textEncoding(enc)
	if err != nil {
		return "", "", err
	}
	out, ok := decodeWith(b, dec)
	if !ok {
		return "", "", newFault(ErrEncoding, "gap.vector.not_text", name)
	}
	return out, name, nil
}
