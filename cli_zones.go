package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// zoneFlags name the planner's subdistrict boundaries and population and
// say how to read them; `coverage` and `export` share them.
type zoneFlags struct {
	boundaries, crs, nameF, codeF, popF, population string
	rd                                              readFlags
}

// register adds the flags; usage is the help text of --boundaries.
func (z *zoneFlags) register(fl *flag.FlagSet, usage string) {
	fl.StringVar(&z.boundaries, "boundaries", "", usage)
	fl.StringVar(&z.crs, "crs", "", i18n.T("cli.flag.crs"))
	fl.StringVar(&z.nameF, "name-field", "", i18n.T("cli.flag.name_field"))
	fl.StringVar(&z.codeF, "code-field", "", i18n.T("cli.flag.code_field"))
	fl.StringVar(&z.popF, "pop-field", "", i18n.T("cli.flag.pop_field"))
	fl.StringVar(&z.population, "population", "", i18n.T("cli.flag.population"))
	fl.StringVar(&z.rd.layer, "layer", "", i18n.T("files.cli.flag_layer"))
	fl.StringVar(&z.rd.encoding, "encoding", "auto", i18n.T("files.cli.flag_encoding"))
}

// subdistricts are the 22 with the boundaries of --boundaries merged in
// (or base when none is given) and the population of --population
// applied; read is the boundaries' coordinate system (crs.Unknown without
// --boundaries). An unknown coordinate system is errUsage.
func (z *zoneFlags) subdistricts(base []data.Subdistrict, stderr io.Writer) (subs []data.Subdistrict, read crs.CRS, err error) {
	subs = base
	if z.boundaries != "" {
		subs, read, err = loadBoundaries(z.boundaries, z.crs, z.nameF, z.codeF, z.popF, z.rd, stderr)
		if errors.Is(err, crs.ErrUnknownCRS) { // the file does not say its system: --crs is needed
			return nil, read, &wordedError{msg: err.Error(), err: fmt.Errorf("%w: %w", errBadArg, err)}
		}
		if err != nil {
			return nil, read, explainRead("--boundaries", z.boundaries, err)
		}
	}
	if z.population != "" {
		if subs, err = loadPopulation(subs, z.population, z.rd.encoding, stderr); err != nil {
			return nil, read, explainRead("--population", z.population, err)
		}
	}
	return subs, read, nil
}

// check refuses a --crs that names no coordinate system, before any work.
func (z *zoneFlags) check() error { return checkCRS("--crs", z.crs) }

// inputs are the files the flags name, for checkInputs.
func (z *zoneFlags) inputs() []input {
	ins := []input{{"--boundaries", z.boundaries}, {"--population", z.population}}
	if isPRJ(z.crs) {
		ins = append(ins, input{"--crs", z.crs})
	}
	return ins
}

// withZones puts the gap choropleth of o.Coverage (the analysis of subs
// the tables page prints too) into the export's scene, as the window
// draws it, and widens the extent to the boundaries when no --bbox was
// given and the layer is on. Without boundaries it changes nothing.
func withZones(o *export.Options, subs []data.Subdistrict, level data.Level, walking bool, year int, bboxGiven bool) {
	if o.Coverage == nil {
		return
	}
	var b orb.Bound
	first := true
	for _, s := range subs {
		if len(s.Boundary) == 0 {
			continue
		}
		if first {
			b, first = s.Boundary.Bound(), false
		}
		b = b.Union(s.Boundary.Bound())
	}
	sc := o.Scene
	c := export.DefaultChoropleth()
	c.Level = level
	note := ""
	if walking {
		note = " · " + i18n.T("network.ui.network")
	}
	sc.Zones, sc.ZoneClasses = c.Zones(*o.Coverage, subs)
	sc.ZoneTitle = c.Title(year, note)
	if !bboxGiven && sc.On(render.Subdistricts) {
		o.Extent = o.Extent.Union(b.Pad(0.05 * max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])))
	}
}

// zoneLevel reads --zone-level.
func zoneLevel(s string) (data.Level, error) {
	l, err := data.ParseLevel(s)
	for _, ok := range coverage.Levels {
		if err == nil && l == ok {
			return l, nil
		}
	}
	return 0, fmt.Errorf(i18n.T("cli.zone_level"), s)
}

// projectSubdistricts are the project's subdistricts, or the 22 without
// boundaries when it keeps none (the embedded plan).
func projectSubdistricts(p *data.Project) []data.Subdistrict {
	if len(p.Subdistricts) > 0 {
		return p.Subdistricts
	}
	return data.LiwanSubdistricts()
}
