package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"

	fyneapp "fyne.io/fyne/v2/app"
	"golang.design/x/clipboard"

	"github.com/liwan-edu/schoolmap/app"
	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// runGUI opens the window with the embedded sites and runs until it closes.
func runGUI(f guiFlags) error {
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		return fmt.Errorf(i18n.T("cli.embedded_invalid"), err)
	}
	src := tile.OSM()
	if f.tiles != "" {
		src.Name, src.URLTemplate = "custom", f.tiles
	}
	if f.cache == "" {
		f.cache = tile.DefaultCacheDir(src)
	}
	a := fyneapp.NewWithID("cn.gov.liwan.schoolmap")
	chooseLanguage(a, f.lang)
	ver, date := appVersion()
	ui, err := app.New(a, app.Config{Sites: sites, FontTTF: assets.FontTTF, Icon: assets.IconPNG,
		Source: src, Offline: f.offline, CacheDir: f.cache, CopyImage: copyImage, RecoveryPath: app.DefaultRecoveryPath(),
		Version: ver, BuildDate: date})
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

// chooseLanguage sets the language of the app and of Fyne's own dialogs:
// --lang when given (for this run only), else the one chosen in Settings,
// else Chinese.
func chooseLanguage(a fyne.App, flagLang string) {
	l := a.Preferences().StringWithFallback(app.PrefLanguage, "zh")
	if flagLang != "" {
		l = flagLang
	}
	if i18n.SetLanguage(l) != nil {
		i18n.SetLanguage("zh")
	}
	if err := followLanguage(i18n.Language()); err != nil {
		fmt.Fprintln(os.Stderr, "schoolmap:", err)
	}
}
