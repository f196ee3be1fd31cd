package coverage

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestXLSXOpensInOpenpyxl reads the workbook with openpyxl (Debian's
// python3-openpyxl), a reader that is not ours: the header, a number kept
// as a number, text kept as text and an unknown value left empty.
func TestXLSXOpensInOpenpyxl(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3-openpyxl is required in CI: %v", err)
		}
		t.Skip("python3-openpyxl not installed")
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(f, sampleResult()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	script := `import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
for row in ws.iter_rows(min_row=1, max_row=3, values_only=True):
    print("|".join("" if v is None else type(v).__name__ + ":" + str(v) for v in row))`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 {
		t.Fatalf("openpyxl read %d rows:\n%s", len(lines), out)
	}
	kg := strings.Split(lines[1], "|")
	if len(kg) != len(Columns) {
		t.Fatalf("%d cells, want %d: %s", len(kg), len(Columns), lines[1])
	}
	for i, want := range map[int]string{1: "str:甲&<乙>", 15: "int:420", 17: "int:60"} {
		if kg[i] != want && kg[i] != strings.Replace(want, "int:", "float:", 1)+".0" {
			t.Errorf("cell %s = %q, want %q", Columns[i], kg[i], want)
		}
	}
	boundless := strings.Split(lines[len(lines)-1], "|")
	if boundless[19] != "" && strings.Contains(lines[len(lines)-1], "无边界") {
		t.Errorf("a subdistrict without boundary has a covered share: %s", lines[len(lines)-1])
	}
}
