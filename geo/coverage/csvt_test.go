package coverage

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
)

// TestCSVTypesFollowCells: every column has a declared type, and each
// row's cells are of their column's type (text as String, whole numbers
// where Integer), so a column added later cannot reach GIS tools as the
// wrong type.
func TestCSVTypesFollowCells(t *testing.T) {
	types := CSVTypes()
	for _, c := range Columns {
		if columnTypes[c] == "" {
			t.Errorf("column %s has no .csvt type", c)
		}
	}
	res := sampleResult()
	for _, r := range res.Rows {
		for k, v := range r.Cells(res.Year) {
			switch v := v.(type) {
			case nil:
			case string:
				if types[k] != "String" {
					t.Errorf("%s: text %q in a %s column", Columns[k], v, types[k])
				}
			case float64:
				if types[k] == "String" || types[k] == "Integer" && v != math.Trunc(v) {
					t.Errorf("%s: number %v in a %s column", Columns[k], v, types[k])
				}
			default:
				t.Errorf("%s: cell of type %T", Columns[k], v)
			}
		}
	}
}

// TestSaveCSV: the table and its .csvt are written together, one quoted
// type per column.
func TestSaveCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coverage.csv")
	wrote, err := SaveCSV(path, sampleResult())
	if err != nil || len(wrote) != 2 || wrote[1] != strings.TrimSuffix(path, ".csv")+".csvt" {
		t.Fatalf("%v %v", wrote, err)
	}
	b, err := os.ReadFile(wrote[1])
	if err != nil {
		t.Fatal(err)
	}
	rec, err := csv.NewReader(strings.NewReader(string(b))).Read()
	if err != nil || len(rec) != len(Columns) || rec[0] != "String" || !strings.HasPrefix(string(b), `"String","String"`) {
		t.Errorf(".csvt %q: %v", b, err)
	}
	// A folder where the .csvt should go: neither file is written.
	other := filepath.Join(t.TempDir(), "t.csv")
	os.Mkdir(data.CSVTPath(other), 0o755)
	if _, err := SaveCSV(other, sampleResult()); err == nil {
		t.Error("no error")
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("the table was written without its .csvt")
	}
}
