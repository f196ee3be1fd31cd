// Command schoolmap is the Liwan school-plan map: the 25 school projects of
// the Liwan District education plan 2021–2025 on map tiles.
//
// Floor: top (wiring and the headless commands).
package main

import (
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"
	"golang.design/x/clipboard"

	"github.com/liwan-edu/schoolmap/app"
	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

func main() {
	if handled, code := runCLI(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	offline := flag.Bool("offline", false, "do not fetch tiles; show cached tiles or a plain background")
	tiles := flag.String("tiles", "", "XYZ tile URL template (default: OpenStreetMap)")
	cache := flag.String("cache", "", "tile cache folder (default: the OS user cache folder)")
	project := flag.String("project", "", "project file (.gpkg) to open")
	flag.Parse()

	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		fmt.Fprintln(os.Stderr, "schoolmap: embedded data is invalid:", err)
		os.Exit(1)
	}
	src := tile.OSM()
	if *tiles != "" {
		src.Name, src.URLTemplate = "custom", *tiles
	}
	if *cache == "" {
		*cache = tile.DefaultCacheDir(src)
	}
	a := fyneapp.NewWithID("cn.gov.liwan.schoolmap")
	ui, err := app.New(a, app.Config{Sites: sites, FontTTF: assets.FontTTF, Icon: assets.IconPNG,
		Source: src, Offline: *offline, CacheDir: *cache, CopyImage: copyImage, RecoveryPath: app.DefaultRecoveryPath()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "schoolmap:", err)
		os.Exit(1)
	}
	if *project != "" {
		ui.OpenProject(*project)
	}
	ui.Run()
}

// copyImage puts a PNG on the system clipboard (Fyne's clipboard is text
// only).
func copyImage(png []byte) error {
	if err := clipboard.Init(); err != nil {
		return err
	}
	clipboard.Write(clipboard.FmtImage, png)
	return nil
}
