//go:build linux

package main

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// zoomMBTiles writes a red MBTiles over Liwan and then spoils it with
// the given SQL (impossible zoom metadata or levels).
func zoomMBTiles(spoil ...string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		path := filepath.Join(dir, "zoom.mbtiles")
		redMBTiles(t, path)
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range spoil {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return mapArgs("zoom.mbtiles")
	}
}

// args is a setup that only gives arguments.
func args(a ...string) func(*testing.T, string) []string {
	return func(*testing.T, string) []string { return a }
}

// TestHostileNetAndArguments: a tile server trickling every other tile,
// NaN/infinite/negative numbers, impossible zoom metadata and a mistyped
// command end promptly with the documented exit code and words.
func TestHostileNetAndArguments(t *testing.T) {
	srv := newTrickleServer(t)
	png := []string{"export", "--lang", "en", "--out", "map.png", "--offline"}
	runHostile(t, []hostileCase{
		{name: "trickle server, 2 s tile budget", setup: args("export", "--lang", "en", "--out", "map.pdf", "--dpi", "100",
			"--layers", "basemap,sites", "--tiles", srv.URL+"/{z}/{x}/{y}.png", "--tile-budget", "2"),
			code: exitOK, msg: "wrote map.pdf", timeout: 30 * time.Second},
		{name: "--dpi NaN", setup: args(append(png, "--dpi", "NaN")...), code: exitUsage, msg: "--dpi must be a finite number in 36–1200"},
		{name: "--dpi Inf", setup: args(append(png, "--dpi", "Inf")...), code: exitUsage, msg: "--dpi must be a finite number in 36–1200"},
		{name: "--width -5", setup: args(append(png, "--width", "-5", "--height", "300")...), code: exitUsage, msg: "--width -5 is out of range: give 200–20000 px"},
		{name: "--bbox with NaN", setup: args(append(png, "--bbox", "NaN,23,113.3,23.2")...), code: exitUsage, msg: "lat ±85"},
		{name: "--lateral -Inf", setup: args(append(png, "--lateral", "-Inf")...), code: exitUsage, msg: "--lateral must be a finite number in 10–200 m"},
		{name: "--speed NaN", setup: args("access", "--lang", "en", "--network", "roads.shp", "--out", "a.tif", "--speed", "NaN"),
			code: exitUsage, msg: "--speed must be a finite number in 2–7 km/h"},
		{name: "--cell -1", setup: args("access", "--lang", "en", "--network", "roads.shp", "--out", "a.tif", "--cell", "-1"),
			code: exitUsage, msg: "--cell -1 is out of range: give 1–1000 m"},
		{name: "MBTiles zoom metadata negative", setup: zoomMBTiles("UPDATE metadata SET value='-3' WHERE name='minzoom'",
			"UPDATE metadata SET value='-1' WHERE name='maxzoom'"), code: exitOK, msg: "zoom metadata is impossible"},
		{name: "MBTiles minzoom above maxzoom", setup: zoomMBTiles("UPDATE metadata SET value='20' WHERE name='minzoom'",
			"UPDATE metadata SET value='5' WHERE name='maxzoom'"), code: exitOK, msg: "the levels its tiles are at, 11–12, are used"},
		{name: "MBTiles zoom not a number", setup: zoomMBTiles("UPDATE metadata SET value='twelve' WHERE name='maxzoom'"),
			code: exitOK, msg: "zoom metadata is impossible"},
		{name: "MBTiles tiles at level 40", setup: zoomMBTiles("DELETE FROM metadata WHERE name LIKE '%zoom'",
			"UPDATE tiles SET zoom_level=zoom_level+28"), code: exitError, msg: "outside 0–30"},
		{name: "mistyped command", setup: args("--lang", "en", "exprot", "--out", "map.png"), code: exitUsage, msg: "did you mean export?"},
		{name: "missing basemap file", setup: args(append(png, "--basemap", "gone/liwan.mbtiles")...), code: exitError, msg: "not found"},
		{name: "missing project", setup: args(append(png, "--project", "gone.gpkg")...), code: exitError, msg: "gone.gpkg not found (--project)"},
	})
}
