package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	_ "github.com/liwan-edu/schoolmap/data/i18n/envlocale" // before Fyne reads the locale

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
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
// --version. An internal error (a panic) is recovered and reported in a
// few lines as a failed run (exit 1), never as bad arguments (Go's own
// exit 2).
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
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return true, exitOK
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, "schoolmap "+args[0]+":", i18n.T("robust.cli.internal", r))
			fmt.Fprintln(stderr, shortStack(debug.Stack(), 12))
			handled, code = true, exitError
		}
	}()
	run, ok := commands[args[0]]
	if !ok && strings.HasPrefix(args[0], "-") {
		return false, 0 // the window's flags
	}
	if !ok {
		return true, unknownCommand(args[0], stderr)
	}
	return true, run(args[1:], stdout, stderr)
}

// commands are the headless subcommands by name.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"export":   runExport,
	"coverage": runCoverage,
	"access":   runAccess,
}

type exportFlags struct {
	out, format, paper, layers, title, subtitle, bbox, project string
	tiles                                                      string
	landscape, fit, offline, tables                            bool
	dpi, budget                                                float64
	width, height, year                                        int
	bm                                                         basemapFlags
	refs                                                       refFlags
	nf                                                         networkFlags
	zones                                                      zoneFlags
	zoneLevel                                                  data.Level
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
	fl.IntVar(&f.year, "year", data.PlanLastYear, i18n.T("cli.flag.year"))
	fl.StringVar(&f.layers, "layers", "basemap,subdistricts,sites,catchments,halos,labels,status", i18n.T("cli.flag.layers"))
	fl.StringVar(&f.title, "title", "", i18n.T("cli.flag.title"))
	fl.StringVar(&f.subtitle, "subtitle", "", i18n.T("cli.flag.subtitle"))
	fl.StringVar(&f.bbox, "bbox", "", i18n.T("cli.flag.bbox"))
	fl.BoolVar(&f.fit, "fit", false, i18n.T("cli.flag.fit"))
	fl.BoolVar(&f.offline, "offline", false, i18n.T("cli.flag.offline"))
	fl.StringVar(&f.tiles, "tiles", "", i18n.T("cli.flag.tiles"))
	fl.BoolVar(&f.tables, "tables", false, i18n.T("cli.flag.tables"))
	fl.Float64Var(&f.budget, "tile-budget", export.DefaultTileBudget.Seconds(), i18n.T("cli.flag.tile_budget"))
	f.bm.register(fl)
	fl.Var(&f.refs, "reference", i18n.T("cli.flag.reference"))
	f.nf.register(fl)
	f.nf.registerCatch(fl)
	f.zones.register(fl, i18n.T("cli.flag.boundaries_map"))
	zoneLevelName := fl.String("zone-level", coverage.Levels[0].String(), i18n.T("cli.flag.zone_level"))
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	var err error
	if f.zoneLevel, err = zoneLevel(*zoneLevelName); err != nil {
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
	if err := checkTileTemplate(f.tiles); err != nil {
		return nil, err
	}
	if f.tiles != "" { // --tiles is --basemap with an XYZ template
		if f.bm.basemap != "" {
			return nil, errors.New(i18n.T("cli.tiles_or_basemap"))
		}
		f.bm.basemap = f.tiles
	}
	return f, f.check()
}

// inputs are the files the export reads, by flag.
func (f *exportFlags) inputs() []input {
	ins := append([]input{{"--project", f.project}, {"--network", f.nf.path}}, f.zones.inputs()...)
	for _, r := range f.refs {
		path, _, _ := splitRef(r)
		ins = append(ins, input{"--reference", path})
	}
	return ins
}

func runExport(args []string, stdout, stderr io.Writer) int {
	f, err := parseExportFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "schoolmap export:", err)
		}
		return exitUsage
	}
	if err := checkInputs(f.inputs()...); err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitError
	}
	p, err := loadProject(f.project)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitError
	}
	set, code := networkSet(&f.nf, p.Sites, p.Norms, stderr)
	if code != exitOK {
		return code
	}
	if set != nil {
		if code, handled := exportNetworkData(f, p, set, stdout, stderr); handled {
			return code
		}
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
	if o.Scene.References, err = loadReferences(f.refs, p.References); err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitFor(err)
	}
	subs, read, err := f.zones.subdistricts(projectSubdistricts(p), stderr)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitFor(err)
	}
	if f.zones.boundaries != "" {
		if _, _, hint := data.OffsetCheck(subs, p.Sites, read); hint != "" {
			fmt.Fprintln(stderr, i18n.T("cli.warning", hint))
		}
	}
	o.Coverage = zoneCoverage(subs, p, f.year, set)
	withZones(&o, subs, f.zoneLevel, set != nil, f.year, f.bbox != "")
	o.Scene.CatchShapes = set.RenderShapes()
	fonts, err := render.NewFonts(assets.FontTTF)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitError
	}
	bm, err := f.bm.open(p.Basemap, !f.offline)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", err)
		return exitFor(err)
	}
	e := &export.Exporter{FontTTF: assets.FontTTF, Fonts: fonts, TileBudget: f.tileBudget()}
	if bm != nil {
		defer bm.Close()
		e.Tiles, e.MaxZoom, e.GCJ02, o.Attribution = bm, bm.Source.MaxZoom, bm.GCJ02(), bm.Label
		for _, w := range bm.Warnings() {
			fmt.Fprintln(stderr, i18n.T("cli.warning", tile.Message(w)))
		}
	}
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
	if bm != nil && bm.Problem() != nil {
		fmt.Fprintln(stderr, "schoolmap export:", tile.Message(bm.Problem())) // once, in words
	}
	fmt.Fprintln(stdout, i18n.T("cli.wrote", f.out))
	return exitOK
}

// loadProject returns the project file's work, or the embedded plan data.
func loadProject(path string) (*data.Project, error) {
	if path != "" {
		p, err := data.OpenProject(path)
		var we *wordedError
		if err != nil && errors.As(explainRead("--project", path, err), &we) {
			return nil, we
		}
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
	switch format {
	case "gpkg", "geojson", "json", "csv":
	default:
		return 0, false
	}
	wrote, err := data.ExportSites(f.out, format, p.Sites, p.Norms, f.year)
	if err != nil {
		path := f.out
		var pe *data.PairError
		if errors.As(err, &pe) {
			path = pe.Path
		}
		fmt.Fprintln(stderr, "schoolmap export:", explainWriteError(path, err))
		return exitError, true
	}
	for _, w := range wrote {
		fmt.Fprintln(stdout, i18n.T("cli.wrote", w))
	}
	return exitOK, true
}

// tileTimeout is the per-tile request timeout of headless runs (tests
// shorten it).
var tileTimeout = 20 * time.Second

func checkTileTemplate(t string) error {
	if t == "" {
		return nil
	}
	if !strings.HasPrefix(t, "http://") && !strings.HasPrefix(t, "https://") ||
		!strings.Contains(t, "{z}") || !strings.Contains(t, "{x}") || !strings.Contains(t, "{y}") {
		return fmt.Errorf(i18n.T("cli.bad_tiles"), t)
	}
	return nil
}

// explainWriteError says what went wrong with the output file and what to
// do about it, in the current language.
func explainWriteError(path string, err error) string { return data.ExplainWriteError(path, err) }

// shortStack keeps the first lines of a stack trace: enough for a report.
func shortStack(stack []byte, lines int) string {
	ls := strings.Split(strings.TrimSpace(string(stack)), "\n")
	return strings.Join(ls[:min(lines, len(ls))], "\n")
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
	} else if all, ok := render.ContentBound(sc, 0.05); ok {
		o.Extent = all // every site, halo and catchment, with a margin
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
	if !(v[0] < v[2] && v[1] < v[3] && v[0] >= -180 && v[2] <= 180 && v[1] >= -85 && v[3] <= 85) { // NaN fails too
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
