package data

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// CSVTPath is the file beside a CSV that tells GDAL and QGIS the type of
// each column: NAME.csvt for NAME.csv.
func CSVTPath(csvPath string) string {
	return strings.TrimSuffix(csvPath, filepath.Ext(csvPath)) + ".csvt"
}

// CSVT is the body of a .csvt file: one quoted type per column, in column
// order ("String", "Integer", "Real", "WKT"), on one line.
func CSVT(types []string) []byte {
	q := make([]string, len(types))
	for i, t := range types {
		q[i] = `"` + t + `"`
	}
	return []byte(strings.Join(q, ",") + "\n")
}

// csvtType is the .csvt name of a GeoPackage column type.
func csvtType(t gpkg.FieldType) string {
	switch t {
	case gpkg.Integer:
		return "Integer"
	case gpkg.Real:
		return "Real"
	}
	return "String"
}

// OutFile is one file of a set written together.
type OutFile struct {
	Path string
	Body []byte
}

// WriteTogether writes files so that each is renamed into place only from
// inside the previous one's write: a failure leaves none of the earlier
// files new (a later one may already be in place when the rename of an
// earlier one fails). The error is a *PairError naming the file that
// failed. It returns the paths written.
func WriteTogether(files ...OutFile) ([]string, error) {
	if err := writeChain(files); err != nil {
		var pe *PairError
		if !errors.As(err, &pe) {
			err = &PairError{Path: files[0].Path, Err: err}
		}
		return nil, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return paths, nil
}

func writeChain(files []OutFile) error {
	if len(files) == 0 {
		return nil
	}
	return atomicfile.WriteFile(files[0].Path, func(w io.Writer) error {
		if _, err := w.Write(files[0].Body); err != nil {
			return err
		}
		if err := writeChain(files[1:]); err != nil {
			var pe *PairError
			if !errors.As(err, &pe) {
				err = &PairError{Path: files[1].Path, Err: err}
			}
			return err
		}
		return nil
	})
}
