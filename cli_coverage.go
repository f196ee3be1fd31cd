package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// runCoverage is `schoolmap coverage`: the per-subdistrict × level table
// the app shows, as CSV (or XLSX by the file name).
func runCoverage(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fl.SetOutput(stderr)
	boundaries := fl.String("boundaries", "", "subdistrict boundaries: GeoJSON, Shapefile (.shp) or GeoPackage (required)")
	crsFlag := fl.String("crs", "", "their system when the file does not say: EPSG:4326, EPSG:4490, EPSG:4547, EPSG:3857 or gcj02")
	nameF := fl.String("name-field", "", "field with the subdistrict name (guessed when absent)")
	codeF := fl.String("code-field", "", "field with the subdistrict code")
	popF := fl.String("pop-field", "", "field with the population")
	popCSV := fl.String("population", "", "CSV of populations keyed by subdistrict code or name (UTF-8 or GBK)")
	existing := fl.String("existing", "", "existing schools (CSV with lon/lat, GeoJSON, Shapefile or GeoPackage), counted as supply")
	project := fl.String("project", "", "project file (.gpkg) instead of the embedded plan data")
	year := fl.Int("year", time.Now().Year(), "status year")
	out := fl.String("out", "", "output table, .csv (UTF-8 with BOM) or .xlsx (required)")
	var nf networkFlags
	nf.register(fl)
	nf.registerCatch(fl)
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	usage := func(msg string) int { fmt.Fprintln(stderr, "schoolmap coverage:", msg); return exitUsage }
	if *boundaries == "" || *out == "" {
		return usage("--boundaries FILE and --out FILE are required")
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" && ext != ".xlsx" {
		return usage("--out must end in .csv or .xlsx")
	}
	p, err := loadProject(*project)
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap coverage:", err)
		return exitError
	}
	subs, err := loadBoundaries(*boundaries, *crsFlag, *nameF, *codeF, *popF, stderr)
	if err != nil {
		if errors.Is(err, crs.ErrUnknownCRS) {
			return usage(err.Error())
		}
		fmt.Fprintln(stderr, "schoolmap coverage:", err)
		return exitError
	}
	if *popCSV != "" {
		if subs, err = loadPopulation(subs, *popCSV, stderr); err != nil {
			fmt.Fprintln(stderr, "schoolmap coverage:", err)
			return exitError
		}
	}
	sites := p.Sites
	if *existing != "" {
		if sites, err = addExisting(sites, *existing, stderr); err != nil {
			fmt.Fprintln(stderr, "schoolmap coverage:", err)
			return exitError
		}
	}
	if _, _, hint := data.OffsetCheck(subs, sites); hint != "" {
		fmt.Fprintln(stderr, "warning:", hint)
	}
	set, code := networkSet(&nf, sites, p.Norms, stderr)
	if code != exitOK {
		return code
	}
	fmt.Fprintln(stderr, catchMethod(set))
	res := coverage.Analyse(coverage.Input{Subdistricts: subs, Sites: sites, Norms: p.Norms, Year: *year, Shapes: coverageShapes(set)})
	write := coverage.WriteCSV
	if ext == ".xlsx" {
		write = coverage.WriteXLSX
	}
	if err := atomicfile.WriteFile(*out, func(w io.Writer) error { return write(w, res) }); err != nil {
		fmt.Fprintln(stderr, "schoolmap coverage:", explainWriteError(*out, err))
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s (%d rows)\n", *out, len(res.Rows))
	return exitOK
}

func loadBoundaries(path, crsName, nameF, codeF, popF string, stderr io.Writer) ([]data.Subdistrict, error) {
	set, err := vector.Open(path, "", "auto")
	if err != nil {
		return nil, err
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = set.CRS
	if crsName != "" {
		if m.CRS, err = crs.Parse(crsName); err != nil {
			return nil, err
		}
	}
	if m.CRS == crs.Unknown {
		return nil, fmt.Errorf("%w: %s does not say its coordinate system; give --crs", crs.ErrUnknownCRS, filepath.Base(path))
	}
	for _, f := range []struct {
		dst     *string
		v, what string
	}{{&m.Name, nameF, "name"}, {&m.Code, codeF, "code"}, {&m.Population, popF, "population"}} {
		if f.v != "" {
			if !contains(set.Fields, f.v) {
				return nil, fmt.Errorf("%s has no field %q for the %s (fields: %s)", filepath.Base(path), f.v, f.what, strings.Join(set.Fields, ", "))
			}
			*f.dst = f.v
		}
	}
	subs, probs := data.Subdistricts(set, m)
	for _, p := range probs {
		fmt.Fprintln(stderr, "skipped:", filepath.Base(path), p)
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf("no usable boundary in %s", filepath.Base(path))
	}
	return data.MergeSubdistricts(data.LiwanSubdistricts(), subs), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func loadPopulation(subs []data.Subdistrict, path string, stderr io.Writer) ([]data.Subdistrict, error) {
	set, err := vector.ReadCSV(path, "auto")
	if err != nil {
		return nil, err
	}
	m := data.GuessBoundaryMapping(set.Fields)
	key := m.Code
	if key == "" {
		key = m.Name
	}
	if key == "" || m.Population == "" {
		return nil, fmt.Errorf("%s: need a code or name column and a population column (found %s)", filepath.Base(path), strings.Join(set.Fields, ", "))
	}
	out, probs := data.ApplyPopulation(subs, set, key, m.Population)
	for _, p := range probs {
		fmt.Fprintln(stderr, "skipped:", filepath.Base(path), p)
	}
	return out, nil
}

func addExisting(sites []data.Site, path string, stderr io.Writer) ([]data.Site, error) {
	set, err := vector.Open(path, "", "auto")
	if err != nil {
		return nil, err
	}
	m := data.GuessSchoolMapping(set.Fields)
	if set.CRS != crs.Unknown {
		m.CRS = set.CRS
	}
	ed := data.NewEditor(sites)
	found, probs := data.ExistingSchools(set, m, func() string {
		id := ed.NextID("EX")
		ed.Add("", data.Site{ID: id, Name: id, Level: data.Kindergarten})
		return id
	})
	for _, p := range probs {
		fmt.Fprintln(stderr, "skipped:", filepath.Base(path), p)
	}
	return append(append([]data.Site(nil), sites...), found...), nil
}
