package coverage

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

func sampleResult() Result {
	zones := []data.Subdistrict{zoneOf("甲&<乙>", 10000, orb.Polygon{rect(0, 0, 500, 500)}), {Code: "X", Name: "无边界"}}
	return Analyse(Input{Subdistricts: zones, Sites: []data.Site{kg("k", 250, 250, 12)}, Norms: norms(2000), Year: 2025})
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	res := sampleResult()
	if err := WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Error("no BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 1+len(res.Rows) || len(rows[0]) != len(Columns) {
		t.Fatalf("%v %d rows", err, len(rows))
	}
	kg := rows[1]
	col := func(name string) string {
		for i, c := range Columns {
			if c == name {
				return kg[i]
			}
		}
		return "?"
	}
	if col("subdistrict") != "甲&<乙>" || col("level") != "kindergarten" || col("demand") != "420" || col("gap") != "60" || col("area_covered_share") != "1" {
		t.Errorf("row %v", kg)
	}
	if code := col("subdistrict_code"); code != res.Rows[0].Code {
		t.Errorf("subdistrict_code %q, want %q written plainly (GIS tools join by it)", code, res.Rows[0].Code)
	}
	if col("catchments") != "circle" {
		t.Errorf("catchments column %q, want circle", col("catchments"))
	}
	for _, r := range rows[1:] {
		if r[1] == "无边界" && r[19] != "" {
			t.Errorf("no boundary but a covered share: %v", r)
		}
	}
}

func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	for _, f := range z.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			sheet = string(b)
		}
	}
	if !strings.Contains(sheet, "<t>甲&amp;&lt;乙&gt;</t>") || !strings.Contains(sheet, `<c r="P2"><v>420</v></c>`) || len(z.File) != 5 {
		t.Errorf("sheet: %.400s", sheet)
	}
	if colName(0) != "A" || colName(25) != "Z" || colName(26) != "AA" {
		t.Error("column names")
	}
}

// TestTableSaysNetworkCatchments: a table computed from shapes (network
// catchments) says so in every row.
func TestTableSaysNetworkCatchments(t *testing.T) {
	zones := []data.Subdistrict{zoneOf("甲", 10000, orb.Polygon{rect(0, 0, 500, 500)})}
	in := Input{Subdistricts: zones, Sites: []data.Site{kg("k", 250, 250, 12)}, Norms: norms(2000), Year: 2025,
		Shapes: func(*data.Site, data.Level, func(orb.Point) orb.Point) Shape { return nil }}
	for _, r := range Analyse(in).Rows {
		if r.Catchments != "network" {
			t.Errorf("row %s %v: catchments %q, want network", r.Name, r.Level, r.Catchments)
		}
	}
}
