package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
)

// TestTableCSVHasColumnTypes: the table exported as CSV from the window
// has its .csvt beside it (GIS tools read the codes as text); when the
// .csvt cannot be written, neither file is and the message names it.
func TestTableCSVHasColumnTypes(t *testing.T) {
	u := newTestUI(t)
	res := u.sh.st.coverage
	if len(res.Rows) == 0 {
		t.Fatal("no table in a fresh window")
	}
	path := filepath.Join(t.TempDir(), "liwan-coverage.csv")
	if err := writeTable(path, false, res); err != nil {
		t.Fatal(err)
	}
	types, err := os.ReadFile(data.CSVTPath(path))
	if err != nil || !strings.HasPrefix(string(types), `"String"`) {
		t.Errorf(".csvt %q: %v", types, err)
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), "\t") {
		t.Error("a tab in the CSV: codes would not join in GIS")
	}
	blocked := filepath.Join(t.TempDir(), "t.csv")
	os.Mkdir(data.CSVTPath(blocked), 0o755)
	err = writeTable(blocked, false, res)
	if err == nil {
		t.Fatal("no error")
	}
	if _, serr := os.Stat(blocked); serr == nil {
		t.Error("CSV written without its .csvt")
	}
	if msg := explainExportError(blocked, err); !strings.Contains(msg, "t.csvt") {
		t.Errorf("message %q does not name the .csvt", msg)
	}
}
