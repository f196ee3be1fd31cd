package vector

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// setWords lists what an import dialog shows of a read file: the encoding
// and why, the reader's notes, and each record's place and problem.
func setWords(set *Set) []string {
	out := append([]string{set.EncodingBasis}, set.Notes...)
	for _, f := range set.Features {
		out = append(out, f.Where, f.Problem)
	}
	return out
}

// Under the Chinese interface the readers' notes are Chinese: the .cpg
// reason, a short .dbf, a record that does not fit, and record names.
func TestImportNotesInChinese(t *testing.T) {
	defer i18n.SetLanguage("en")
	i18n.SetLanguage("zh")
	dir := t.TempDir()
	var sets []*Set
	base := filepath.Join(dir, "gbk")
	writeShapefile(base, []orb.Geometry{orb.Point{113.2, 23.1}, orb.Point{113.3, 23.1}}, []string{"名称"},
		[][]string{{"幼儿园"}, {"小学"}}, true, "", "GBK")
	shp, _ := os.ReadFile(base + ".shp")
	os.WriteFile(base+".shp", shp[:len(shp)-10], 0o644) // the second shape runs past the end
	set, err := ReadShapefile(base+".shp", "")
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, set)
	tb, err := parseDBF("a.dbf", dbfBytes(0x4D, [][]byte{[]byte("NAME")}, [][][]byte{{gbk("站前")}}), "", "")
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, &Set{EncodingBasis: tb.basis})
	huge := dbfBytes(0, [][]byte{[]byte("N")}, [][][]byte{{[]byte("a")}})
	huge[4], huge[5] = 9, 0 // claims 9 records, holds 1
	tb, err = parseDBF("h.dbf", huge, "", "")
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, &Set{EncodingBasis: tb.basis, Notes: tb.notes})
	csvPath := filepath.Join(dir, "a.csv")
	os.WriteFile(csvPath, []byte("名称,人口\n站前,1,2\n"), 0o644)
	set, err = ReadCSV(csvPath, "GBK")
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, set)
	checked := 0
	for _, s := range sets {
		for _, text := range setWords(s) {
			if text != "" {
				checked++
			}
			if run := i18n.EnglishRun(text); run != "" {
				t.Errorf("%s: %q has %q", filepath.Base(s.Path), text, run)
			}
		}
	}
	for _, s := range sets {
		for _, f := range s.Features {
			if strings.IndexFunc(f.Where, unicode.IsLetter) < 0 || strings.ContainsAny(strings.ToLower(f.Where), "abcdefghijklmnopqrstuvwxyz") {
				t.Errorf("%s: record named %q", filepath.Base(s.Path), f.Where)
			}
		}
	}
	if checked < 9 {
		t.Errorf("only %d texts checked", checked)
	}
}
