package main

import (
	"flag"
	"fmt"

	fyneapp "fyne.io/fyne/v2/app"
	"golang.design/x/clipboard"

	"github.com/liwan-edu/schoolmap/app"
	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// guiFlags are the window's command-line options.
type guiFlags struct {
	offline bool
	tiles   string
	cache   string
	project string
}

// parseGUIFlags reads the window's options; -h prints them and exits.
func parseGUIFlags(args []string) guiFlags {
	var f guiFlags
	fs := flag.NewFlagSet("schoolmap", flag.ExitOnError)
	fs.BoolVar(&f.offline, "offline", false, "do not fetch tiles; show cached tiles or a plain background")
	fs.StringVar(&f.tiles, "tiles", "", "XYZ tile URL template (default: OpenStreetMap)")
	fs.StringVar(&f.cache, "cache", "", "tile cache folder (default: the OS user cache folder)")
	fs.StringVar(&f.project, "project", "", "project file (.gpkg) to open")
	fs.Parse(args)
	return f
}

// runGUI opens the window with the embedded sites and runs until it closes.
func runGUI(f guiFlags) error {
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		return fmt.Errorf("embedded data is invalid: %w", err)
	}
	src := tile.OSM()
	if f.tiles != "" {
		src.Name, src.URLTemplate = "custom", f.tiles
	}
	if f.cache == "" {
		f.cache = tile.DefaultCacheDir(src)
	}
	a := fyneapp.NewWithID("cn.gov.liwan.schoolmap")
	ui, err := app.New(a, app.Config{Sites: sites, FontTTF: assets.FontTTF, Icon: assets.IconPNG,
		Source: src, Offline: f.offline, CacheDir: f.cache, CopyImage: copyImage, RecoveryPath: app.DefaultRecoveryPath()})
	if err != nil {
		return err
	}
	if f.project != "" {
		ui.OpenProject(f.project)
	}
	ui.Run()
	return nil
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
