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
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// runCoverage is `schoolmap coverage`: the per-subdistrict × level table
// the app shows, as CSV (or XLSX by the file name).
func runCoverage(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fl.SetOutput(stderr)
	boundaries := fl.String("boundaries", "", i18n.T("cli.flag.boundaries"))
	crsFlag := fl.String("crs", "", i18n.T("cli.flag.crs"))
	nameF := fl.String("name-field", "", i18n.T("cli.flag.name_field"))
	codeF := fl.String("code-field", "", i18n.T("cli.flag.code_field"))
	popF := fl.String("pop-field", "", i18n.T("cli.flag.pop_field"))
	popCSV := fl.String("population", "", i18n.T("cli.flag.population"))
	existing := fl.String("existing", "", i18n.T("cli.flag.existing"))
	project := fl.String("project", "", i18n.T("cli.flag.project"))
	year := fl.Int("year", time.Now().Year(), i18n.T("cli.flag.year"))
	out := fl.String("out", "", i18n.T("cli.flag.cov_out"))
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	usage := func(msg string) int { fmt.Fprintln(stderr, "schoolmap coverage:", msg); return exitUsage }
	if *boundaries == "" || *out == "" {
		return usage(i18n.T("cli.cov_required"))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" && ext != ".xlsx" {
		return usage(i18n.T("cli.cov_ext"))
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
		fmt.Fprintln(stderr, i18n.T("cli.warning", hint))
	}
	res := coverage.Analyse(coverage.Input{Subdistricts: subs, Sites: sites, Norms: p.Norms, Year: *year})
	write := coverage.WriteCSV
	if ext == ".xlsx" {
		write = coverage.WriteXLSX
	}
	if err := atomicfile.WriteFile(*out, func(w io.Writer) error { return write(w, res) }); err != nil {
		fmt.Fprintln(stderr, "schoolmap coverage:", explainWriteError(*out, err))
		return exitError
	}
	fmt.Fprintln(stdout, i18n.T("cli.wrote_rows", *out, len(res.Rows)))
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
		return nil, fmt.Errorf(i18n.T("cli.no_crs"), crs.ErrUnknownCRS, filepath.Base(path))
	}
	for _, f := range []struct {
		dst     *string
		v, what string
	}{{&m.Name, nameF, i18n.T("cli.what.name")}, {&m.Code, codeF, i18n.T("cli.what.code")}, {&m.Population, popF, i18n.T("cli.what.population")}} {
		if f.v != "" {
			if !contains(set.Fields, f.v) {
				return nil, fmt.Errorf(i18n.T("cli.no_field"), filepath.Base(path), f.what, f.v, strings.Join(set.Fields, ", "))
			}
			*f.dst = f.v
		}
	}
	subs, probs := data.Subdistricts(set, m)
	for _, p := range probs {
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf(i18n.T("cli.no_boundary"), filepath.Base(path))
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
		return nil, fmt.Errorf(i18n.T("cli.pop_columns"), filepath.Base(path), strings.Join(set.Fields, ", "))
	}
	out, probs := data.ApplyPopulation(subs, set, key, m.Population)
	for _, p := range probs {
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
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
		fmt.Fprintln(stderr, i18n.T("cli.skipped", filepath.Base(path), p))
	}
	return append(append([]data.Site(nil), sites...), found...), nil
}
