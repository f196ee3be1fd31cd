package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestVersion(t *testing.T) {
	want := tomlDetail(fyneAppTOML, "Version")
	if want == "" || strings.Count(want, ".") != 2 {
		t.Fatalf("FyneApp.toml Version = %q", want)
	}
	code, stdout, _ := runCmd(t, "--version")
	if code != 0 || !strings.Contains(stdout, appName+" "+want) {
		t.Errorf("--version: %d %q, want %q", code, stdout, want)
	}
	defer func(v, d string) { version, buildDate = v, d }(version, buildDate)
	version, buildDate = "7.7.7", "2030-01-02"
	_, stdout, _ = runCmd(t, "--lang", "en", "--version")
	if stdout != "Liwan School Plan Map 7.7.7 (built 2030-01-02)\n" {
		t.Errorf("link-time version not used: %q", stdout)
	}
	if creator() != "Liwan School Plan Map 7.7.7" {
		t.Errorf("creator %q", creator())
	}
}

func TestTomlDetail(t *testing.T) {
	b := []byte("Website = \"x\"\n[Details]\nName = \"A\"\nVersion = \"1.2.3\"\nBuild = 4\n[Other]\nVersion = \"9\"\n")
	if tomlDetail(b, "Version") != "1.2.3" || tomlDetail(b, "Build") != "4" || tomlDetail(b, "Website") != "" {
		t.Errorf("got %q %q %q", tomlDetail(b, "Version"), tomlDetail(b, "Build"), tomlDetail(b, "Website"))
	}
}

func TestLangFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "必须给出 --out 文件"},
		{[]string{"--lang", "en", "export"}, "--out FILE is required"},
		{[]string{"export", "--lang=en"}, "--out FILE is required"},
		{[]string{"-lang", "zh", "export"}, "必须给出 --out 文件"},
		{[]string{"--lang", "fr", "export"}, `--lang "fr"`},
	} {
		code, _, stderr := runCmd(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
	if !wantsConsole([]string{"--lang", "en", "coverage"}) || wantsConsole([]string{"--offline"}) || wantsConsole(nil) {
		t.Error("wantsConsole")
	}
}

// TestCoverageHeadersInEachLanguage: the table's header row follows the
// language, and no key the run asked for is missing.
func TestCoverageHeadersInEachLanguage(t *testing.T) {
	dir := t.TempDir()
	i18n.ResetMissing()
	for lang, head := range map[string]string{"zh": "\ufeff街道代码,街道,学段,年份", "en": "\ufeffSubdistrict code,Subdistrict,Level,Year"} {
		out := filepath.Join(dir, lang+".csv")
		code, stdout, stderr := runCmd(t, "--lang", lang, "coverage", "--boundaries", filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson"), "--out", out, "--year", "2023")
		b, _ := os.ReadFile(out)
		if code != 0 || !strings.HasPrefix(string(b), head) || !strings.Contains(stdout, i18n.In(lang, "cli.wrote_rows", out, 0)[:6]) {
			t.Errorf("%s: exit %d %s %s: %.80q", lang, code, stdout, stderr, b)
		}
		code, _, stderr = runCmd(t, "--lang", lang, "export", "--out", filepath.Join(dir, lang+".pdf"), "--tables", "--offline", "--dpi", "40", "--year", "2023")
		if code != 0 {
			t.Errorf("%s pdf: %d %s", lang, code, stderr)
		}
		if code, _, _ = runCmd(t, "--lang", lang, "export", "--out", filepath.Join(dir, lang+".csv"), "--year", "2023"); code != 0 {
			t.Errorf("%s sites csv: %d", lang, code)
		}
	}
	if m := i18n.Missing(); len(m) > 0 {
		t.Errorf("keys asked for but missing: %v", m)
	}
}

// TestNoFyneLocaleError runs this test binary again as a headless command
// would run on a machine whose locale is C.UTF-8 (Debian containers, CI):
// Fyne, linked into the same binary, must not complain on stderr.
func TestNoFyneLocaleError(t *testing.T) {
	if os.Getenv("SCHOOLMAP_CHILD") == "1" {
		runCLI([]string{"--version"}, os.Stdout, os.Stderr)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoFyneLocaleError$")
	env := []string{"SCHOOLMAP_CHILD=1", "LANG=C.UTF-8"}
	for _, e := range os.Environ() {
		if k, _, _ := strings.Cut(e, "="); k != "LANG" && k != "LANGUAGE" && !strings.HasPrefix(k, "LC_") {
			env = append(env, e)
		}
	}
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), "Fyne error") || !strings.Contains(string(out), appName) {
		t.Errorf("child (LANG=C.UTF-8): %v\n%s", err, out)
	}
}
