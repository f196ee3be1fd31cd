package export

import (
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// needTool skips outside CI when an external tool is missing, and fails
// in CI, where it must be installed.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (CI must install it)", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// nopPainter records nothing: the test only wants the frame's labels.
type nopPainter struct{}

func (nopPainter) Fill(color.RGBA, ...[][2]float64)                                  {}
func (nopPainter) Stroke(color.RGBA, float64, bool, [][2]float64)                    {}
func (nopPainter) Hatch(color.RGBA, color.RGBA, float64, [][2]float64)               {}
func (nopPainter) Circles([]render.Circle, color.RGBA, color.RGBA, float64, float64) {}
func (nopPainter) Text(float64, float64, float64, string, color.RGBA, color.RGBA)    {}
func (nopPainter) Capsules([]render.PxCapsule, color.RGBA, color.RGBA, float64)      {}
func (nopPainter) Pixels(int, int, func(*image.RGBA))                                {}

// TestPDFMapIsVector: site labels are real text, overlays are paths, and
// the only raster on the map page is the basemap.
func TestPDFMapIsVector(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "qpdf")
	for _, tc := range []struct {
		name      string
		paper     string
		landscape bool
	}{{"A4 portrait", "A4", false}, {"A3 landscape", "A3", true}} {
		t.Run(tc.name, func(t *testing.T) {
			e := testExporter(t)
			o := testOptions(t, PDF)
			o.Paper, o.Landscape, o.DPI = tc.paper, tc.landscape, 150
			path := filepath.Join(t.TempDir(), "map.pdf")
			if err := os.WriteFile(path, writeTo(t, e, o), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			txt, err := exec.Command("pdftotext", "-f", "1", "-l", "1", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			f := expectedFrame(t, e, o)
			if len(f.Labels) < len(f.Placed)*9/10 {
				t.Errorf("only %d of %d sites labelled", len(f.Labels), len(f.Placed))
			}
			for i, l := range f.Labels {
				for _, m := range f.Labels[i+1:] {
					if l.Overlaps(m) {
						t.Errorf("labels %q and %q overlap", l.Text, m.Text)
					}
				}
				if !strings.Contains(string(txt), l.Text) {
					t.Errorf("label %q is not text in the PDF", l.Text)
				}
			}
			ops := pageOperators(t, path)
			if ops["c"] < 200 || ops["l"] < 200 || ops["f"] < 50 || ops["S"] < 20 {
				t.Errorf("map page has too few vector paths: %v", ops)
			}
			if ops["Do"] != 1 {
				t.Errorf("map page places %d images, want 1 (the basemap)", ops["Do"])
			}
		})
	}
}

// expectedFrame lays out the export's map as the exporter does.
func expectedFrame(t *testing.T, e *Exporter, o Options) render.Frame {
	t.Helper()
	w, h, _ := o.pageMM()
	doc, err := newPDF(w, h, e.FontTTF, o.Title, "test", o.date())
	if err != nil {
		t.Fatal(err)
	}
	_, v, _ := e.layout(doc, o, w, h)
	return (&render.Renderer{Fonts: e.Fonts}).Paint(nopPainter{}, v, o.Scene)
}

// pageOperators counts the content-stream operators of page 1, read from
// qpdf's uncompressed QDF form.
func pageOperators(t *testing.T, path string) map[string]int {
	t.Helper()
	qdf := path + ".qdf"
	if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, out)
	}
	b, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	// QDF marks each page's content stream; take the first.
	parts := regexp.MustCompile(`%% Contents for page 1\n`).Split(string(b), 2)
	if len(parts) < 2 {
		t.Fatal("no page 1 contents in QDF output")
	}
	content := parts[1][:strings.Index(parts[1], "endstream")]
	ops := map[string]int{"Do": len(regexp.MustCompile(` Do\b`).FindAllString(content, -1))}
	for _, line := range strings.Split(content, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			ops[f[len(f)-1]]++
		}
	}
	return ops
}
