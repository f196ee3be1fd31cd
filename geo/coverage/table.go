package coverage

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Columns are the table's header: one row per subdistrict and level.
// Shares are fractions 0..1; empty cells are values that cannot be
// computed (no population, no boundary).
var Columns = []string{"subdistrict_code", "subdistrict", "level", "year",
	"sites_in_service", "sites_under_construction", "sites_planned",
	"classes_in_service", "classes_under_construction", "classes_planned",
	"seats_in_service", "seats_under_construction", "seats_planned",
	"population", "seats_per_1000_norm", "demand", "seats_per_1000", "gap",
	"area_km2", "area_covered_share", "population_covered_share", "sfca_index",
	"uncovered_demand", "uncovered_population", "has_boundary", "catchments"}

// Cells returns a row's values in Columns order: numbers as numbers, text
// as text, nil for values that cannot be computed.
func (r Row) Cells(year int) []any {
	num := func(f float64) any {
		if math.IsNaN(f) {
			return nil
		}
		return f
	}
	var pop any
	if r.PopKnown {
		pop = float64(r.Population)
	}
	b := 0.0
	if r.HasBoundary {
		b = 1
	}
	return []any{r.Code, r.Name, r.Level.String(), float64(year),
		float64(r.Sites[0]), float64(r.Sites[1]), float64(r.Sites[2]),
		float64(r.Classes[0]), float64(r.Classes[1]), float64(r.Classes[2]),
		float64(r.Seats[0]), float64(r.Seats[1]), float64(r.Seats[2]),
		pop, r.Per1000, num(r.Demand), num(r.SeatsPer1k), num(r.Gap),
		num(r.AreaKm2), num(r.AreaCovered), num(r.PopCovered), num(r.SFCA),
		num(r.Uncovered), num(r.UncovPop), b, r.Catchments}
}

func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
		return fixed(v, 4)
	}
	return fmt.Sprint(v)
}

// WriteCSV writes the table as UTF-8 CSV with a BOM (Excel then reads the
// Chinese names right) and a header row. Codes are written plainly, so GIS
// tools join them to the boundaries; the .csvt beside the file (SaveCSV)
// says they are text. Excel turns them into numbers: spreadsheet users
// take the XLSX.
func WriteCSV(w io.Writer, res Result) error {
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(i18n.Columns("table.col.", Columns))
	for _, r := range res.Rows {
		cells := r.Cells(res.Year)
		rec := make([]string, len(cells))
		for i, c := range cells {
			rec[i] = cellText(c)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// columnTypes are the GDAL/QGIS types (.csvt) of Columns.
var columnTypes = map[string]string{"subdistrict_code": "String", "subdistrict": "String", "level": "String", "year": "Integer",
	"sites_in_service": "Integer", "sites_under_construction": "Integer", "sites_planned": "Integer",
	"classes_in_service": "Integer", "classes_under_construction": "Integer", "classes_planned": "Integer",
	"seats_in_service": "Integer", "seats_under_construction": "Integer", "seats_planned": "Integer",
	"population": "Integer", "seats_per_1000_norm": "Real", "demand": "Real", "seats_per_1000": "Real", "gap": "Real",
	"area_km2": "Real", "area_covered_share": "Real", "population_covered_share": "Real", "sfca_index": "Real",
	"uncovered_demand": "Real", "uncovered_population": "Real", "has_boundary": "Integer", "catchments": "String"}

// CSVTypes are the types of WriteCSV's columns, in order, for the .csvt
// GDAL and QGIS read beside a CSV (a column missing from the table of
// types is text).
func CSVTypes() []string {
	types := make([]string, len(Columns))
	for i, c := range Columns {
		if types[i] = columnTypes[c]; types[i] == "" {
			types[i] = "String"
		}
	}
	return types
}

// SaveCSV writes the table to path (WriteCSV) and its column types beside
// it (data.CSVTPath), together: a failure leaves neither new. It returns
// the files written.
func SaveCSV(path string, res Result) ([]string, error) {
	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		return nil, err
	}
	return data.WriteTogether(data.OutFile{Path: path, Body: b.Bytes()}, data.OutFile{Path: data.CSVTPath(path), Body: data.CSVT(CSVTypes())})
}

// WriteXLSX writes the table as a one-sheet Office Open XML workbook,
// numbers as numbers and text as inline strings.
func WriteXLSX(w io.Writer, res Result) error {
	z := zip.NewWriter(w)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + xmlEscape(i18n.T("table.sheet", res.Year)) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML(res)},
	}
	for _, f := range files {
		fw, err := z.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	return z.Close()
}

func sheetXML(res Result) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := func(n int, cells []any) {
		fmt.Fprintf(&b, `<row r="%d">`, n)
		for i, c := range cells {
			ref := colName(i) + strconv.Itoa(n)
			switch v := c.(type) {
			case nil:
			case float64:
				fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, strconv.FormatFloat(v, 'f', -1, 64))
			default:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, xmlEscape(fmt.Sprint(v)))
			}
		}
		b.WriteString(`</row>`)
	}
	head := make([]any, len(Columns))
	for i, c := range Columns {
		head[i] = i18n.T("table.col." + c)
	}
	row(1, head)
	for i, r := range res.Rows {
		row(i+2, r.Cells(res.Year))
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
