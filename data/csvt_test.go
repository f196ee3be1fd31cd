package data

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// readCSVT parses a .csvt body: quoted types separated by commas.
func readCSVT(t *testing.T, b []byte) []string {
	t.Helper()
	rec, err := csv.NewReader(bytes.NewReader(b)).Read()
	if err != nil {
		t.Fatalf(".csvt %q: %v", b, err)
	}
	if !bytes.HasPrefix(b, []byte(`"`)) {
		t.Errorf(".csvt %q: types not quoted", b)
	}
	return rec
}

// checkTyped fails when a CSV's cells do not read as the .csvt's types.
func checkTyped(t *testing.T, csvPath string) {
	t.Helper()
	body, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	types, err := os.ReadFile(CSVTPath(csvPath))
	if err != nil {
		t.Fatal(err)
	}
	ty := readCSVT(t, types)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: %d rows, %v", csvPath, len(rows), err)
	}
	if len(ty) != len(rows[0]) {
		t.Fatalf("%s: %d types for %d columns", filepath.Base(csvPath), len(ty), len(rows[0]))
	}
	for _, row := range rows[1:] {
		for k, v := range row {
			bad := false
			switch ty[k] {
			case "Integer":
				_, err := strconv.ParseInt(v, 10, 32)
				bad = v != "" && err != nil
			case "Real":
				_, err := strconv.ParseFloat(v, 64)
				bad = v != "" && err != nil
			case "WKT":
				bad = v != "" && !strings.Contains(v, "POLYGON")
			case "String":
			default:
				t.Fatalf("unknown type %q", ty[k])
			}
			if bad {
				t.Errorf("%s column %s: %q is not %s", filepath.Base(csvPath), rows[0][k], v, ty[k])
			}
		}
	}
}

// TestCSVExportTypes: each CSV of the sites export has a .csvt beside it
// with one type per column, and every cell reads as its column's type;
// codes are text.
func TestCSVExportTypes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sites.csv")
	wrote, err := ExportSites(path, "csv", defaultSites(t), DefaultNorms(), 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{path, CSVTPath(path), CatchmentsPath(path), CSVTPath(CatchmentsPath(path))}
	if strings.Join(wrote, "|") != strings.Join(want, "|") {
		t.Errorf("wrote %v, want %v", wrote, want)
	}
	checkTyped(t, path)
	checkTyped(t, CatchmentsPath(path))
	types, _ := os.ReadFile(CSVTPath(path))
	for k, c := range siteColumns {
		if ty := readCSVT(t, types)[k]; (c == "subdistrict_code" || c == "plot_code" || c == "id") && ty != "String" {
			t.Errorf("%s is %s, want String", c, ty)
		}
	}
}

func TestCSVTPath(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"csv", "a/b.csv", "a/b.csvt"},
		{"upper case", "a/B.CSV", "a/B.csvt"},
		{"dots", "a.b/liwan.2025.csv", "a.b/liwan.2025.csvt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := CSVTPath(c.in); got != c.want {
				t.Errorf("%s → %s, want %s", c.in, got, c.want)
			}
		})
	}
}

// TestCSVExportTypesNetwork: the network catchments' CSV has its .csvt too.
func TestCSVExportTypesNetwork(t *testing.T) {
	sq := orb.MultiPolygon{{{{113.24, 23.1}, {113.25, 23.1}, {113.25, 23.11}, {113.24, 23.1}}}}
	cs := []CatchmentShape{
		{SiteID: "LW-01", Served: Kindergarten, RadiusM: 300, Method: "network", SnapM: 12.5, ShareOfCircle: 0.41, Shape: sq},
		{SiteID: "LW-02", Served: Primary, RadiusM: 500, Method: "circle", SnapM: math.NaN(), ShareOfCircle: math.NaN(), Flag: "unsnapped", Shape: sq},
	}
	path := filepath.Join(t.TempDir(), "sites.csv")
	wrote, err := ExportSitesShapes(path, "csv", defaultSites(t), DefaultNorms(), 2025, cs)
	if err != nil || len(wrote) != 4 {
		t.Fatalf("%v %v", wrote, err)
	}
	checkTyped(t, path)
	checkTyped(t, CatchmentsPath(path))
}
