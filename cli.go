package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/paulmach/orb"

	_ "github.com/liwan-edu/schoolmap/data/i18n/envlocale" // before Fyne reads the locale

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// Exit codes of the headless commands.
const (
	exitOK    = 0
	exitError = 1 // the work failed (unwritable path, full disk, bad data)
	exitUsage = 2 // the arguments are wrong
)

// runCLI runs a headless subcommand; handled is false when args name none.
// It first takes --lang zh|en from anywhere in args, and answers
// --version.
func runCLI(args []string, stdout, stderr io.Writer) (handled bool, code int) {
	args, err := takeLang(args)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap:", err)
		return true, exitUsage
	}
	if len(args) == 0 {
		return false, 0
	}
	switch args[0] {
	case "--version", "-version", "version":
		fmt.Fprintln(stdout, versionLine())
		return true, exitOK
	case "export":
		return true, runExport(args[1:], stdout, stderr)
	case "coverage":
		return true, runCoverage(args[1:], stdout, stderr)
	}
	return false, 0
}

type exportFlags struct {
	out, format, paper, layers, title, subtitle, bbox, project string
	landscape, fit, offline, tables                            bool
	dpi                                                        float64
	width, height, year                                        int
}

func parseExportFlags(args []string, stderr io.Writer) (*exportFlags, error) {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	f := &exportFlags{}
	fl.StringVar(&f.out, "out", "", i18n.T("cli.flag.out"))
	fl.StringVar(&f.format, "format", "", i18n.T("cli.flag.format"))
	fl.StringVar(&f.project, "project", "", i18n.T("cli.flag.project"))
	fl.StringVar(&f.paper, "paper", "A4", i18n.T("cli.flag.paper"))
	fl.BoolVar(&f.landscape, "landscape", false, i18n.T("cli.flag.landscape"))
	fl.IntVar(&f.width, "width", 0, i18n.T("cli.flag.width"))
	fl.IntVar(&f.height, "height", 0, i18n.T("cli.flag.height"))
	fl.Float64Var(&f.dpi, "dpi", 150, i18n.T("cli.flag.dpi"))
	fl.IntVar(&f.year, "year", time.Now().Year(), i18n.T("cli.flag.year"))
	fl.StringVar(&f.layers, "layers", "basemap,sites,catchments,halos,labels,status", i18n.T("cli.flag.layers"))
	fl.StringVar(&f.title, "title", "", i18n.T("cli.flag.title"))
	fl.StringVar(&f.subtitle, "subtitle", "", i18n.T("cli.flag.subtitle"))
	fl.StringVar(&f.bbox, "bbox", "", i18n.T("cli.flag.bbox"))
	fl.BoolVar(&f.fit, "fit", false, i18n.T("cli.flag.fit"))
	fl.BoolVar(&f.offline, "offline", false, i18n.T("cli.flag.offline"))
	fl.BoolVar(&f.tables, "tables", false, i18n.T("cli.flag.tables"))
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	if fl.NArg() > 0 {
		return nil, fmt.Errorf(i18n.T("cli.unexpected_arg"), fl.Arg(0))
	}
	if f.out == "" {
		return nil, errors.New(i18n.T("cli.out_required"))
	}
	if f.bbox != "" && f.fit {
		return nil, errors.New(i18n.T("cli.bbox_or_fit"))
	}
	if f.year < 2000 || f.year > 2100 {
		return nil, fmt.Errorf(i18n.T("cli.year_range"), f.year)
	}
	return f, nil
}

func runExport(args []string, stdout, stderr io.Writer) int {
	f, err := parseExportFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "schoolmap export:", err)
		}
		return exitUsage
	}
	p, err := loadProject(f.project)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitError
	}
	if code, handled := exportData(f, p, stdout, stderr); handled {
		return code
	}
	o, err := f.options(p.Sites)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitUsage
	}
	o.Scene.Norms = p.Norms
	fonts, err := render.NewFonts(assets.FontTTF)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitError
	}
	src := tile.OSM()
	store := newTileStore(src, !f.offline)
	defer store.Close()
	e := &export.Exporter{FontTTF: assets.FontTTF, Fonts: fonts, Tiles: store, MaxZoom: src.MaxZoom}
	stage := ""
	err = atomicfile.WriteFile(f.out, func(w io.Writer) error {
		return e.Write(context.Background(), w, o, func(p export.Progress) {
			if p.Stage != stage {
				stage = p.Stage
				fmt.Fprintln(stderr, "…", stage)
			}
		})
	})
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", explainWriteError(f.out, err))
		if errors.Is(err, export.ErrOption) {
			return exitUsage
		}
		return exitError
	}
	fmt.Fprintln(stdout, i18n.T("cli.wrote", f.out))
	return exitOK
}

// loadProject returns the project file's work, or the embedded plan data.
func loadProject(path string) (*data.Project, error) {
	if path != "" {
		p, err := data.OpenProject(path)
		if err != nil {
			return nil, fmt.Errorf(i18n.T("cli.project_unusable"), path, err)
		}
		return p, nil
	}
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		return nil, fmt.Errorf(i18n.T("cli.embedded_invalid"), err)
	}
	return &data.Project{Sites: sites, Norms: data.DefaultNorms()}, nil
}

// exportData writes sites and catchments for --format gpkg, geojson or
// csv (csv: catchments go to NAME_catchments.csv beside the sites file).
func exportData(f *exportFlags, p *data.Project, stdout, stderr io.Writer) (code int, handled bool) {
	format := strings.ToLower(f.format)
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	var err error
	var wrote []string
	switch format {
	case "gpkg":
		err = data.WriteSitesGPKG(f.out, p.Sites, p.Norms, f.year)
		wrote = []string{f.out}
	case "geojson", "json":
		err = atomicfile.WriteFile(f.out, func(w io.Writer) error { return data.WriteSitesGeoJSON(w, p.Sites, p.Norms, f.year) })
		wrote = []string{f.out}
	case "csv":
		catch := strings.TrimSuffix(f.out, filepath.Ext(f.out)) + "_catchments.csv"
		var buf bytes.Buffer
		err = atomicfile.WriteFile(f.out, func(w io.Writer) error { return data.WriteSitesCSV(w, &buf, p.Sites, p.Norms, f.year) })
		if err == nil {
			err = atomicfile.WriteBytes(catch, buf.Bytes())
		}
		wrote = []string{f.out, catch}
	default:
		return 0, false
	}
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", explainWriteError(f.out, err))
		return exitError, true
	}
	for _, w := range wrote {
		fmt.Fprintln(stdout, i18n.T("cli.wrote", w))
	}
	return exitOK, true
}

// newTileStore is the tile store of a headless run: the same disk cache as
// the app, and the network unless offline.
func newTileStore(src tile.Source, online bool) *tile.Store {
	o := tile.StoreOptions{}
	if dir := tile.DefaultCacheDir(src); dir != "" {
		o.Disk = &tile.DiskCache{Dir: dir}
	}
	if online {
		o.Fetcher = tile.NewFetcher(src, tile.UserAgent)
	}
	return tile.NewStore(src, o)
}

// explainWriteError says what went wrong with the output file and what to
// do about it.
func explainWriteError(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return i18n.T("cli.disk_full", path)
	case errors.Is(err, fs.ErrPermission):
		return i18n.T("cli.no_permission", path)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return i18n.T("cli.no_folder", path)
	}
	return err.Error()
}

// options turns the flags into export options.
func (f *exportFlags) options(sites []data.Site) (export.Options, error) {
	format := f.format
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	ft, err := export.ParseFormat(format)
	if err != nil {
		return export.Options{}, err
	}
	sc := render.NewScene(sites, f.year)
	if err := applyLayers(sc, f.layers); err != nil {
		return export.Options{}, err
	}
	o := export.Options{Format: ft, Paper: strings.ToUpper(f.paper), Landscape: f.landscape, DPI: f.dpi,
		WidthPx: f.width, HeightPx: f.height, Title: f.title, Subtitle: f.subtitle, Date: time.Now(), Creator: creator(),
		Sources:     i18n.T("export.sources"),
		Attribution: tile.OSM().Attribution, Scene: sc, Tables: f.tables}
	if f.width > 0 || f.height > 0 {
		o.Paper = ""
	}
	if o.Title == "" {
		o.Title = i18n.T("export.title_default", f.year)
	}
	if f.bbox != "" {
		o.Extent, err = parseBBox(f.bbox)
	} else {
		o.Extent = sitesExtent(sites)
	}
	return o, err
}

// applyLayers switches the scene's layers to exactly the named ones.
func applyLayers(sc *render.Scene, list string) error {
	names := map[string]render.Layer{"basemap": render.Basemap, "sites": render.Sites, "catchments": render.Catchments,
		"halos": render.Halos, "labels": render.Labels, "subdistricts": render.Subdistricts}
	for _, l := range render.AllLayers() {
		sc.Layers[l].On = false
	}
	status := false
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(strings.ToLower(n))
		switch l, ok := names[n]; {
		case ok:
			sc.Layers[l].On = true
		case n == "status":
			status = true
		case n == "":
		default:
			return fmt.Errorf(i18n.T("cli.unknown_layer"), n)
		}
	}
	if !status {
		sc.Year = 0 // every site drawn as in service, no status styling
	}
	return nil
}

func parseBBox(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, fmt.Errorf(i18n.T("cli.bbox_count"), s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return orb.Bound{}, fmt.Errorf(i18n.T("cli.bbox_number"), s, p)
		}
		v[i] = f
	}
	b := orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
	if v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -85 || v[3] > 85 {
		return orb.Bound{}, fmt.Errorf(i18n.T("cli.bbox_order"), s)
	}
	return b, nil
}

// sitesExtent is the bound of all located sites with a 10% margin.
func sitesExtent(sites []data.Site) orb.Bound {
	var b orb.Bound
	first := true
	for _, s := range sites {
		if !s.Located {
			continue
		}
		if first {
			b, first = s.Location.Bound(), false
		}
		b = b.Extend(s.Location)
	}
	if first {
		return orb.Bound{Min: orb.Point{113.17, 23.04}, Max: orb.Point{113.27, 23.16}}
	}
	return b.Pad(math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]) * 0.1)
}
