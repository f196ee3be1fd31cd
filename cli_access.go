package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// networkFlags are the street-network options shared by access, export
// and coverage.
type networkFlags struct {
	path, layer, noWalk, crs, catchments string
	lateral                              float64
}

func (nf *networkFlags) register(fl *flag.FlagSet) {
	fl.StringVar(&nf.path, "network", "", i18n.T("cli.flag.network"))
	fl.StringVar(&nf.layer, "network-layer", "", i18n.T("cli.flag.network_layer"))
	fl.StringVar(&nf.noWalk, "nowalk-field", "", i18n.T("cli.flag.nowalk_field"))
	fl.StringVar(&nf.crs, "network-crs", "", i18n.T("cli.flag.network_crs"))
	fl.Float64Var(&nf.lateral, "lateral", network.DefaultLateral, i18n.T("cli.flag.lateral"))
}

// networkMargin is how far around the sites (or boundaries) an OSM extract
// is kept, metres: the longest walking radius plus room for detours.
const networkMargin = 3000.0

// loadNetwork reads and builds the street graph, keeping what lies within
// the margin around ext, and warns about sites far from it.
func loadNetwork(nf *networkFlags, ext orb.Bound, sites []orb.Point, stderr io.Writer) (*network.Graph, error) {
	start := time.Now()
	var lines []orb.LineString
	var err error
	if strings.HasSuffix(strings.ToLower(nf.path), ".pbf") {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // Ctrl-C stops between blocks
		defer stop()
		var st network.PBFStats
		lines, st, err = network.ReadPBF(ctx, nf.path, network.PadMetres(ext, networkMargin), pbfProgress(nf.path, stderr))
		if st.WaysTooLong > 0 {
			fmt.Fprintln(stderr, i18n.T("limits.pbf.long_ways", filepath.Base(nf.path), st.WaysTooLong, network.MaxWayNodes))
		}
		if err == nil {
			fmt.Fprintln(stderr, i18n.T("network.cli.pbfread", filepath.Base(nf.path), st.Nodes, st.Ways, st.WaysKept, time.Since(start).Seconds()))
		}
	} else {
		opt := network.LineOptions{Layer: nf.layer, NoWalkField: nf.noWalk}
		if nf.crs != "" {
			if opt.CRS, err = readCRSFlag("--network-crs", nf.crs); err != nil {
				return nil, err
			}
		}
		lines, _, err = network.ReadLines(nf.path, opt)
	}
	if err != nil {
		return nil, networkError(nf.path, err)
	}
	g, err := network.Build(lines, network.Options{})
	if err != nil {
		return nil, network.Explain(nf.path, err)
	}
	fmt.Fprintln(stderr, i18n.T("network.cli.built", g.NumEdges(), len(g.Nodes)))
	warnOffset(g, nf.path, sites, stderr)
	return g, nil
}

// pbfProgress prints the share of a street file read, every 10% after the
// first two seconds (small files print nothing).
func pbfProgress(path string, stderr io.Writer) func(done, total int64) {
	start, next := time.Now(), int64(10)
	return func(done, total int64) {
		if total <= 0 || time.Since(start) < 2*time.Second {
			return
		}
		if pct := done * 100 / total; pct >= next {
			fmt.Fprintln(stderr, i18n.T("limits.pbf.progress", filepath.Base(path), pct))
			next = pct/10*10 + 10
		}
	}
}

// warnOffset says when the sites do not sit on the network.
func warnOffset(g *network.Graph, path string, sites []orb.Point, stderr io.Writer) {
	median, f := g.OffsetCheck(sites)
	key := map[network.Offset]string{network.OffsetFar: "network.cli.far", network.OffsetGCJ02: "network.cli.asgcj", network.OffsetWGS84: "network.cli.aswgs"}[f]
	if key != "" {
		fmt.Fprintln(stderr, i18n.T(key, filepath.Base(path), median))
	}
}

func locations(sites []data.Site) []orb.Point {
	var out []orb.Point
	for _, s := range sites {
		if s.Located {
			out = append(out, s.Location)
		}
	}
	return out
}

type accessFlags struct {
	nf                                  networkFlags
	level, out, project, bbox, existing string
	boundaries, bcrs, popField, popCSV  string
	year                                int
	cell, maxOffset, speed              float64
	minutes                             bool
}

func parseAccessFlags(args []string, stderr io.Writer) (*accessFlags, error) {
	fl := flag.NewFlagSet("access", flag.ContinueOnError)
	fl.SetOutput(stderr)
	f := &accessFlags{}
	f.nf.register(fl)
	fl.StringVar(&f.level, "level", "kindergarten", i18n.T("cli.flag.access_level"))
	fl.IntVar(&f.year, "year", data.PlanLastYear, i18n.T("cli.flag.access_year"))
	fl.StringVar(&f.out, "out", "", i18n.T("cli.flag.access_out"))
	fl.StringVar(&f.project, "project", "", i18n.T("cli.flag.project"))
	fl.StringVar(&f.existing, "existing", "", i18n.T("cli.flag.access_existing"))
	fl.StringVar(&f.bbox, "bbox", "", i18n.T("cli.flag.access_bbox"))
	fl.Float64Var(&f.cell, "cell", 25, i18n.T("cli.flag.cell"))
	fl.Float64Var(&f.maxOffset, "max-offset", network.FarSnap, i18n.T("cli.flag.max_offset"))
	fl.Float64Var(&f.speed, "speed", 4, i18n.T("cli.flag.speed"))
	fl.BoolVar(&f.minutes, "minutes", false, i18n.T("cli.flag.minutes"))
	fl.StringVar(&f.boundaries, "boundaries", "", i18n.T("cli.flag.access_boundaries"))
	fl.StringVar(&f.bcrs, "crs", "", i18n.T("cli.flag.access_crs"))
	fl.StringVar(&f.popField, "pop-field", "", i18n.T("cli.flag.access_pop_field"))
	fl.StringVar(&f.popCSV, "population", "", i18n.T("cli.flag.access_population"))
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(f.out))
	switch {
	case fl.NArg() > 0:
		return nil, fmt.Errorf(i18n.T("cli.unexpected_arg"), fl.Arg(0))
	case f.nf.path == "" || f.out == "":
		return nil, errors.New(i18n.T("network.cli.need"))
	case ext != ".tif" && ext != ".tiff" && ext != ".png":
		return nil, errors.New(i18n.T("network.cli.outext"))
	}
	return f, f.check()
}

// runAccess is `schoolmap access`: walking distance to the nearest school
// of a level in service in a year, as a GeoTIFF or a classed PNG.
func runAccess(args []string, stdout, stderr io.Writer) int {
	f, err := parseAccessFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "schoolmap access:", err)
		}
		return exitUsage
	}
	level, err := data.ParseLevel(f.level)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap access:", err)
		return exitUsage
	}
	fail := func(err error) int { fmt.Fprintln(stderr, "schoolmap access:", err); return exitError }
	if err := checkInputs(input{"--network", f.nf.path}, input{"--project", f.project}, input{"--existing", f.existing},
		input{"--boundaries", f.boundaries}, input{"--population", f.popCSV}); err != nil {
		return fail(err)
	}
	p, err := loadProject(f.project)
	if err != nil {
		return fail(err)
	}
	sites := p.Sites
	if f.existing != "" {
		if sites, err = addExisting(sites, f.existing, readFlags{encoding: "auto"}, stderr); err != nil {
			return fail(explainRead("--existing", f.existing, err))
		}
	}
	zones, ext, err := f.extent(sites, stderr)
	if err != nil {
		return fail(err)
	}
	if err := network.CheckGrid(ext, f.cell); err != nil { // before the street file is read
		return fail(err)
	}
	g, err := loadNetwork(&f.nf, ext, locations(sites), stderr)
	if err != nil {
		return fail(err)
	}
	schools := network.InService(sites, level, f.year, p.Norms)
	if len(schools) == 0 {
		fmt.Fprintln(stderr, i18n.T("network.cli.noschool", i18n.T("table.level."+level.String()), f.year))
	}
	r, snaps := g.Access(locations(schools), ext, network.AccessOptions{Cell: f.cell, MaxOffset: f.maxOffset})
	reportSnaps(schools, snaps, stderr)
	if err := f.write(r); err != nil {
		return fail(errors.New(explainWriteError(f.out, err)))
	}
	area, pop := r.ClassShares(network.DefaultBreaks, zones)
	printClasses(stdout, area, pop, len(zones) > 0, f.speed)
	fmt.Fprintln(stdout, i18n.T("network.cli.wrote", f.out, r.W, r.H))
	return exitOK
}

// extent is the map's extent and, with boundaries, the population zones.
func (f *accessFlags) extent(sites []data.Site, stderr io.Writer) ([]network.Zone, orb.Bound, error) {
	var zones []network.Zone
	var b orb.Bound
	if f.boundaries != "" {
		subs, _, err := loadBoundaries(f.boundaries, f.bcrs, "", "", f.popField, readFlags{encoding: "auto"}, stderr)
		if err != nil {
			return nil, b, explainRead("--boundaries", f.boundaries, err)
		}
		if f.popCSV != "" {
			if subs, err = loadPopulation(subs, f.popCSV, "auto", stderr); err != nil {
				return nil, b, explainRead("--population", f.popCSV, err)
			}
		}
		first := true
		for _, s := range subs {
			if len(s.Boundary) == 0 {
				continue
			}
			if s.PopKnown {
				zones = append(zones, network.Zone{Boundary: s.Boundary, Population: float64(s.Population)})
			}
			if sb := s.Boundary.Bound(); first {
				b, first = sb, false
			} else {
				b = b.Union(sb)
			}
		}
		if !first && f.bbox == "" {
			return zones, b, nil
		}
	}
	if f.bbox != "" {
		var err error
		b, err = parseBBox(f.bbox)
		return zones, b, err
	}
	return zones, sitesExtent(sites), nil
}

func (f *accessFlags) write(r *network.Raster) error {
	var buf bytes.Buffer
	if strings.HasSuffix(strings.ToLower(f.out), ".png") {
		if err := r.WritePNG(&buf, network.DefaultBreaks); err != nil {
			return err
		}
		if err := atomicfile.WriteBytes(f.out, buf.Bytes()); err != nil {
			return err
		}
		return atomicfile.WriteBytes(strings.TrimSuffix(f.out, filepath.Ext(f.out))+".pgw", []byte(r.WorldFile()))
	}
	factor := 1.0
	if f.minutes {
		factor = 60 / (f.speed * 1000)
	}
	if err := r.WriteGeoTIFF(&buf, factor); err != nil {
		return err
	}
	return atomicfile.WriteBytes(f.out, buf.Bytes())
}

// reportSnaps lists schools far from the network or off it.
func reportSnaps(schools []data.Site, snaps []network.Snap, stderr io.Writer) {
	for i, sn := range snaps {
		switch {
		case !sn.OK:
			fmt.Fprintln(stderr, i18n.T("network.cli.unsnapped", schools[i].ID, schools[i].Name))
		case sn.Far:
			fmt.Fprintln(stderr, i18n.T("network.cli.farsnap", schools[i].ID, schools[i].Name, sn.Dist))
		}
	}
}

// printClasses writes the class table: range, minutes, share of area and
// of population.
func printClasses(w io.Writer, area, pop []float64, withPop bool, speed float64) {
	fmt.Fprintln(w, i18n.T("network.cli.classhead"))
	lo := 0.0
	for c := range area {
		hi := math.Inf(1)
		if c < len(network.DefaultBreaks) {
			hi = network.DefaultBreaks[c]
		}
		popText := "—"
		if withPop {
			popText = fmt.Sprintf("%.1f%%", 100*pop[c])
		}
		rng := fmt.Sprintf("%4.0f–%-4.0f m\t≤ %4.1f min", lo, hi, hi/(speed*1000/60))
		if math.IsInf(hi, 1) {
			rng = fmt.Sprintf("%4.0f+      m\t> %4.1f min", lo, lo/(speed*1000/60))
		}
		fmt.Fprintf(w, "%s\t%5.1f%%\t%s\n", rng, 100*area[c], popText)
		lo = hi
	}
}
