package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCLINumericFlags: NaN, infinite, negative or out-of-range numbers are
// refused as bad arguments (exit 2) before any work, with the flag and
// its allowed range in the message, never a crash, a blank page or a
// silently ignored value.
func TestCLINumericFlags(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	png := filepath.Join(dir, "x.png")
	tif := filepath.Join(dir, "a.tif")
	csv := filepath.Join(dir, "c.csv")
	net := filepath.Join(dir, "roads.geojson") // never read: the flags are refused first
	bnd := filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson")
	export := func(a ...string) []string { return append([]string{"export", "--out", png, "--offline"}, a...) }
	access := func(a ...string) []string { return append([]string{"access", "--network", net, "--out", tif}, a...) }
	coverage := func(a ...string) []string {
		return append([]string{"coverage", "--boundaries", bnd, "--out", csv}, a...)
	}
	type row struct {
		args  []string
		flag  string
		rangE string // the allowed range, as the message gives it
	}
	var rows []row
	for _, v := range []string{"NaN", "Inf", "-Inf", "-5"} {
		rows = append(rows,
			row{export("--dpi", v), "--dpi", "36–1200"},
			row{export("--lateral", v), "--lateral", "10–200"},
			row{export("--tile-budget", v), "--tile-budget", "1–3600"},
			row{access("--speed", v), "--speed", "2–7"},
			row{access("--cell", v), "--cell", "1–1000"},
			row{access("--max-offset", v), "--max-offset", "1–1000"},
			row{access("--lateral", v), "--lateral", "10–200"},
			row{coverage("--lateral", v), "--lateral", "10–200"},
		)
	}
	for _, v := range []string{"-5", "0", "100000"} {
		rows = append(rows,
			row{export("--width", v, "--height", "600"), "--width", "200–20000"},
			row{export("--width", "600", "--height", v), "--height", "200–20000"},
		)
	}
	rows = append(rows,
		row{export("--width", "600"), "--height", "200–20000"}, // one of the two
		row{access("--year", "1800"), "--year", "2000–2100"},
		row{coverage("--year", "-1"), "--year", "2000–2100"},
		row{export("--year", "99999"), "--year", "2000–2100"},
	)
	for _, b := range []string{"NaN,23,113.3,23.2", "113.2,23,113.3,NaN", "113.2,23,Inf,23.2", "-Inf,23,113.3,23.2", "113.2,-90,113.3,23.2"} {
		rows = append(rows, row{export("--bbox", b), "--bbox", "±85"}, row{access("--bbox", b), "--bbox", "±85"})
	}
	for _, r := range rows {
		t.Run(strings.Join(r.args[4:], " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(t, r.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d: %s%s", code, exitUsage, stdout, stderr)
			}
			if !strings.Contains(stderr, r.flag) || !strings.Contains(stderr, r.rangE) {
				t.Errorf("message %q lacks %s and its range %s", stderr, r.flag, r.rangE)
			}
			checkChinese(t, stderr, r.args)
		})
	}
}
