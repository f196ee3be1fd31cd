package vector

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// fault is a reader's error said in the current language: Error is the
// sentence alone (no "vector:" prefix, no English), errors.Is finds kind
// (ErrFormat, ErrTooLarge, ErrNotFile, ErrEncoding, fs.ErrNotExist).
type fault struct {
	kind error
	text string
}

func (e *fault) Error() string { return e.text }
func (e *fault) Unwrap() error { return e.kind }

// newFault says key's text, as an error of kind.
func newFault(kind error, key string, a ...any) error {
	return &fault{kind: kind, text: i18n.T(key, a...)}
}

// fileText is a FileError whose cause is a fault, in the current
// language: "p.csv，第 1 行：…"; ok is false for other causes.
func (e *FileError) fileText() (string, bool) {
	var f *fault
	if !errors.As(e.Err, &f) {
		return "", false
	}
	if e.Where == "" {
		return i18n.T("gap.vector.at", filepath.Base(e.Path), f.text), true
	}
	return i18n.T("gap.vector.at_where", filepath.Base(e.Path), e.Where, f.text), true
}

// statFault turns a missing file into a FileError naming it; other
// errors are returned as they are.
func statFault(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &FileError{Path: path, Err: &fault{kind: err, text: i18n.T("gap.vector.not_found")}}
	}
	return err
}

// csvFault says why a CSV line cannot be read.
func csvFault(err error) error {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return newFault(ErrFormat, "gap.vector.csv_quote")
	case errors.Is(err, csv.ErrBareQuote):
		return newFault(ErrFormat, "gap.vector.csv_bare_quote")
	}
	return newFault(ErrFormat, "gap.vector.csv_unreadable")
}

// shpPartFault says a shapefile lacks its .shp or .dbf, naming the part.
func shpPartFault(part string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) && errors.Is(err, fs.ErrNotExist) {
		return &FileError{Path: part, Err: &fault{kind: err, text: i18n.T("gap.vector.shp_part", filepath.Ext(part))}}
	}
	return err
}
