package export

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// langOptions is testOptions with the page texts of the current language,
// as the app and the CLI fill them.
func langOptions(t *testing.T, f Format) Options {
	o := testOptions(t, f)
	o.Title, o.Subtitle = i18n.T("export.title_default", 2023), ""
	o.Sources = i18n.T("export.sources")
	o.Creator = "Liwan School Plan Map 9.8.7"
	return o
}

// TestGoldenPageInEachLanguage keeps one page per language (golden
// lang-zh, lang-en) and checks that every text on the page and the tables
// page comes from the tables of that language.
func TestGoldenPageInEachLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("zh") })
	i18n.ResetMissing()
	for _, lang := range i18n.Languages {
		t.Run(lang, func(t *testing.T) {
			if err := i18n.SetLanguage(lang); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(writeTo(t, testExporter(t), langOptions(t, PNG))))
			if err != nil {
				t.Fatal(err)
			}
			rgba := image.NewRGBA(img.Bounds())
			draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
			assertGolden(t, "lang-"+lang, rgba)
			checkPDFText(t, lang)
		})
	}
	if m := i18n.Missing(); len(m) > 0 {
		t.Errorf("the export asked for keys the tables lack: %v", m)
	}
}

// pageWords are texts each language's PDF must show, and texts of the
// other language it must not.
var pageWords = map[string]struct{ want, not []string }{
	"zh": {want: []string{"步行服务半径", "幼儿园", "项目一览", "序号", "底图", "北"}, not: []string{"Walking radius", "Sites", "Basemap"}},
	"en": {want: []string{"Walking radius", "kindergarten", "No.", "Basemap", "Subdistricts (no boundaries imported: counted by each", "2023 planned status"},
		not: []string{"步行服务半径", "完全中学/高中", "项目一览", "序号", "状态", "底图"}},
}

func checkPDFText(t *testing.T, lang string) {
	o := langOptions(t, PDF)
	o.Tables = true
	path := filepath.Join(t.TempDir(), "page.pdf")
	os.WriteFile(path, writeTo(t, testExporter(t), o), 0o644)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	txt, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range pageWords[lang].want {
		if !strings.Contains(string(txt), w) {
			t.Errorf("%s PDF lacks %q", lang, w)
		}
	}
	for _, w := range pageWords[lang].not {
		if strings.Contains(string(txt), w) {
			t.Errorf("%s PDF shows %q of the other language", lang, w)
		}
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil || !strings.Contains(string(info), "Creator:         Liwan School Plan Map 9.8.7") ||
		!strings.Contains(string(info), "Producer:        Liwan School Plan Map 9.8.7 (go-pdf/fpdf)") {
		t.Errorf("PDF metadata lacks the version (%v):\n%s", err, info)
	}
}
