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
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/simplifiedchinese"

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
	Fields   []string
	Features []Feature
	CRS      crs.CRS // Unknown when the file does not say
	Encoding string  // "UTF-8" or "GBK" for text files and .dbf
}

// Errors of the readers; a *FileError says where.
var (
	ErrFormat   = errors.New("vector: unreadable file")
	ErrEncoding = errors.New("vector: unknown text encoding")
)

// FileError locates a problem in a file.
type FileError struct {
	Path  string
	Where string // "line 7", "record 12", "header"
	Err   error
}

func (e *FileError) Error() string {
	s := filepath.Base(e.Path)
	if e.Where != "" {
		s += ", " + e.Where
	}
	return s + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// Open reads a file by its extension: .csv, .geojson/.json, .shp, .gpkg
// (the first feature layer, or the one named by layer). encoding is "",
// "auto", "UTF-8" or "GBK" for CSV and .dbf text.
func Open(path, layer, encoding string) (*Set, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return ReadCSV(path, encoding)
	case ".geojson", ".json":
		return ReadGeoJSON(path)
	case ".shp", ".dbf":
		return ReadShapefile(path, encoding)
	case ".gpkg":
		return ReadGeoPackage(path, layer)
	}
	return nil, &FileError{Path: path, Err: fmt.Errorf("%w: unsupported extension (use .csv, .geojson, .shp or .gpkg)", ErrFormat)}
}

// decodeText turns file bytes into UTF-8: "auto" keeps valid UTF-8 (a BOM
// is dropped) and reads anything else as GBK (GB18030, its superset).
func decodeText(b []byte, enc string) (string, string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	switch strings.ToUpper(strings.ReplaceAll(enc, "-", "")) {
	case "", "AUTO":
		if utf8.Valid(b) {
			return string(b), "UTF-8", nil
		}
		fallthrough
	case "GBK", "GB2312", "GB18030", "CP936", "936":
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("%w: not GBK either: %v", ErrEncoding, err)
		}
		return string(out), "GBK", nil
	case "UTF8":
		if !utf8.Valid(b) {
			return "", "", fmt.Errorf("%w: not valid UTF-8 (try GBK)", ErrEncoding)
		}
		return string(b), "UTF-8", nil
	}
	return "", "", fmt.Errorf("%w: %q (use UTF-8 or GBK)", ErrEncoding, enc)
}
