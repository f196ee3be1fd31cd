package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// runCoverage is `schoolmap coverage`: the per-subdistrict × level table
// the app shows, as CSV (or XLSX by the file name).
func runCoverage(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var zf zoneFlags
	zf.register(fl, i18n.T("cli.flag.boundaries"))
	existing := fl.String("existing", "", i18n.T("cli.flag.existing"))
	project := fl.String("project", "", i18n.T("cli.flag.project"))
	fl.StringVar(&zf.rd.existingLayer, "existing-layer", "", i18n.T("files.cli.flag_existing_layer"))
	year := fl.Int("year", data.PlanLastYear, i18n.T("cli.flag.year"))
	out := fl.String("out", "", i18n.T("cli.flag.cov_out"))
	var nf networkFlags
	nf.register(fl)
	nf.registerCatch(fl)
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	usage := func(msg string) int { fmt.Fprintln(stderr, "schoolmap coverage:", msg); return exitUsage }
	fail := func(err error) int { fmt.Fprintln(stderr, "schoolmap coverage:", err); return exitError }
	if (zf.boundaries == "" && *project == "") || *out == "" {
		return usage(i18n.T("cli.cov_required"))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" && ext != ".xlsx" {
		return usage(i18n.T("cli.cov_ext"))
	}
	if err := checkSpans(spanCheck("--year", float64(*year), yearSpan), nf.check, zf.check); err != nil {
		return usage(err.Error())
	}
	if err := checkInputs(append(zf.inputs(), input{"--existing", *existing},
		input{"--project", *project}, input{"--network", nf.path})...); err != nil {
		return fail(err)
	}
	p, err := loadProject(*project)
	if err != nil {
		return fail(err)
	}
	if zf.boundaries == "" && !bounded(p.Subdistricts) {
		return usage(i18n.T("cli.cov_required"))
	}
	subs, read, err := zf.subdistricts(p.Subdistricts, stderr)
	if zf.boundaries == "" {
		read = crs.WGS84 // the project's boundaries are stored in WGS-84
	}
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap coverage:", err)
		return exitFor(err)
	}
	rd := zf.rd
	sites := p.Sites
	if *existing != "" {
		if sites, err = addExisting(sites, *existing, rd, stderr); err != nil {
			return fail(explainRead("--existing", *existing, err))
		}
	}
	if _, _, hint := data.OffsetCheck(subs, sites, read); hint != "" {
		fmt.Fprintln(stderr, i18n.T("cli.warning", hint))
	}
	set, code := networkSet(&nf, sites, p.Norms, stderr)
	if code != exitOK {
		return code
	}
	fmt.Fprintln(stderr, catchMethod(set))
	res := coverage.Analyse(coverage.Input{Subdistricts: subs, Sites: sites, Norms: p.Norms, Year: *year, Shapes: set.CoverageShapes()})
	return writeCoverage(res, *out, ext, stdout, stderr)
}

// zoneCoverage is the one analysis an export prints and draws for
// subdistricts with boundaries (counted by polygon, as `schoolmap
// coverage` and the app count): the tables page and the choropleth both
// take it. Nil without boundaries.
func zoneCoverage(subs []data.Subdistrict, p *data.Project, year int, set *network.SiteSet) *coverage.Result {
	if !bounded(subs) {
		return nil
	}
	res := coverage.Analyse(coverage.Input{Subdistricts: subs, Sites: p.Sites, Norms: p.Norms, Year: year, Shapes: set.CoverageShapes()})
	return &res
}

// bounded reports whether any subdistrict has a boundary.
func bounded(subs []data.Subdistrict) bool {
	for _, s := range subs {
		if len(s.Boundary) > 0 {
			return true
		}
	}
	return false
}

// writeCoverage reports the sites that may belong to another subdistrict
// and writes the table (CSV or XLSX by ext).
func writeCoverage(res coverage.Result, out, ext string, stdout, stderr io.Writer) int {
	for _, u := range res.Uncertain {
		fmt.Fprintln(stderr, i18n.T("robust.subdistricts.maybe", u.SiteName, u.SiteID, u.In, strings.Join(u.MayBe, "、")))
	}
	var err error
	var wrote []string
	if ext == ".xlsx" {
		err = atomicfile.WriteFile(out, func(w io.Writer) error { return coverage.WriteXLSX(w, res) })
	} else {
		wrote, err = coverage.SaveCSV(out, res) // with its .csvt for GIS tools
	}
	if err != nil {
		path := out
		var pe *data.PairError
		if errors.As(err, &pe) {
			path = pe.Path
		}
		fmt.Fprintln(stderr, "schoolmap coverage:", explainWriteError(path, err))
		return exitError
	}
	fmt.Fprintln(stdout, i18n.T("cli.wrote_rows", out, len(res.Rows)))
	for _, w := range wrote[min(1, len(wrote)):] {
		fmt.Fprintln(stdout, i18n.T("cli.wrote", w))
	}
	return exitOK
}

// readFlags are the flags that say how to read the input files.
type readFlags struct{ layer, existingLayer, encoding string }

// openInput opens a file for the command, turning a layer choice and an
// unreadable text into advice that names this command's flags.
func openInput(path string, o vector.Options, layerFlag string, stderr io.Writer) (*vector.Set, error) {
	set, err := vector.OpenWith(path, o)
	var lc *vector.LayerChoiceError
	switch {
	case errors.As(err, &lc):
		return nil, errors.New(i18n.T("files.cli.choose_layer", err, layerFlag))
	case errors.Is(err, vector.ErrEncoding):
		return nil, errors.New(i18n.T("files.cli.try_encoding", err))
	case err != nil:
		return nil, err
	}
	if set.Encoding != "" && set.EncodingBasis != "" && strings.HasSuffix(strings.ToLower(path), ".shp") {
		fmt.Fprintln(stderr, i18n.T("files.cli.encoding_note", filepath.Base(path), set.Encoding, set.EncodingBasis))
	}
	for _, n := range set.Notes {
		fmt.Fprintln(stderr, i18n.T("files.cli.note", filepath.Base(path), n))
	}
	if w := set.CRS.Advice(); w != "" {
		fmt.Fprintln(stderr, i18n.T("files.cli.warning", w))
	}
	return set, nil
}

func loadBoundaries(path, crsName, nameF, codeF, popF string, rd readFlags, stderr io.Writer) ([]data.Subdistrict, crs.CRS, error) {
	subs, read, err := readBoundaries(path, crsName, nameF, codeF, popF, rd, stderr)
	if err != nil {
		return nil, read, err
	}
	merged, added := data.MergeSubdistrictsReport(data.LiwanSubdistricts(), subs)
	if len(added) > 0 {
		fmt.Fprintln(stderr, i18n.T("robust.subdistricts.added", data.UnmatchedNames(added)))
	}
	return merged, read, nil
}

func readBoundaries(path, crsName, nameF, codeF, popF string, rd readFlags, stderr io.Writer) ([]data.Subdistrict, crs.CRS, error) {
	set, err := openInput(path, vector.Options{Layer: rd.layer, Want: vector.WantPolygon, Encoding: rd.encoding}, "--layer", stderr)
	if err != nil {
		return nil, crs.Unknown, err
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = set.CRS
	if crsName != "" {
		if m.CRS, err = readCRSFlag("--crs", crsName); err != nil {
			return nil, m.CRS, err
		}
	}
	if m.CRS == crs.Unknown && set.CRSError != nil {
		return nil, m.CRS, errors.New(i18n.T("files.cli.crs_unsupported", filepath.Base(path), set.CRSError))
	}
	if m.CRS == crs.Unknown {
		return nil, m.CRS, worded(crs.ErrUnknownCRS, "cli.no_crs", filepath.Base(path))
	}
	for _, f := range []struct {
		dst     *string
		v, what string
	}{{&m.Name, nameF, i18n.T("cli.what.name")}, {&m.Code, codeF, i18n.T("cli.what.code")}, {&m.Population, popF, i18n.T("cli.what.population")}} {
		if f.v != "" {
			if !contains(set.Fields, f.v) {
				return nil, m.CRS, fmt.Errorf(i18n.T("cli.no_field"), filepath.Base(path), f.what, f.v, strings.Join(set.Fields, ", "))
			}
			*f.dst = f.v
		}
	}
	subs, probs := data.Subdistricts(set, m)
	for _, p := range probs {
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
	}
	for _, o := range data.Overlaps(subs) {
		fmt.Fprintln(stderr, i18n.T("files.cli.warning", o.Note()))
	}
	if len(subs) == 0 {
		return nil, m.CRS, fmt.Errorf(i18n.T("cli.no_boundary"), filepath.Base(path))
	}
	return subs, m.CRS, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func loadPopulation(subs []data.Subdistrict, path, encoding string, stderr io.Writer) ([]data.Subdistrict, error) {
	set, err := openInput(path, vector.Options{Encoding: encoding}, "", stderr)
	if err != nil {
		return nil, err
	}
	m := data.GuessBoundaryMapping(set.Fields)
	key := m.Code
	if key == "" {
		key = m.Name
	}
	if key == "" || m.Population == "" {
		return nil, fmt.Errorf(i18n.T("cli.pop_columns"), filepath.Base(path), vector.Quote(strings.Join(set.Fields, ", ")))
	}
	out, probs := data.ApplyPopulation(subs, set, key, m.Population)
	for _, p := range probs {
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
	}
	if len(probs) == len(set.Features) {
		return nil, errors.New(i18n.T("files.cli.no_population", filepath.Base(path), len(probs)))
	}
	return out, nil
}

func addExisting(sites []data.Site, path string, rd readFlags, stderr io.Writer) ([]data.Site, error) {
	set, err := openInput(path, vector.Options{Layer: rd.existingLayer, Want: vector.WantPoint, Encoding: rd.encoding}, "--existing-layer", stderr)
	if err != nil {
		return nil, err
	}
	m := data.GuessSchoolMapping(set.Fields)
	if set.CRS != crs.Unknown {
		m.CRS = set.CRS
	} else if set.CRSError != nil {
		return nil, errors.New(i18n.T("files.cli.crs_unsupported", filepath.Base(path), set.CRSError))
	}
	found, probs := data.ExistingSchools(set, m, data.NewIDs(sites, "EX"))
	for _, p := range probs {
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
	}
	if len(found) == 0 {
		return nil, errors.New(i18n.T("files.cli.no_school", filepath.Base(path), len(set.Features), len(probs)))
	}
	return append(append([]data.Site(nil), sites...), found...), nil
}
