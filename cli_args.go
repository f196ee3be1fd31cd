package main

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// errBadArg marks a worded error as bad arguments (exit 2); other
// failures are the work's (exit 1).
var errBadArg = errors.New("bad argument")

// span is the allowed range of a numeric flag and its unit's i18n key
// ("" for none).
type span struct {
	lo, hi float64
	unit   string
}

// Allowed ranges of the numeric flags (the app's settings use the same
// for the walking network).
var (
	dpiSpan     = span{36, 1200, ""}
	pixelSpan   = span{200, 20000, "cli.unit.px"}
	yearSpan    = span{2000, 2100, ""}
	budgetSpan  = span{1, 3600, "cli.unit.s"}
	lateralSpan = span{data.LateralRange[0], data.LateralRange[1], "cli.unit.m"}
	speedSpan   = span{data.SpeedRange[0], data.SpeedRange[1], "cli.unit.kmh"}
	cellSpan    = span{1, 1000, "cli.unit.m"}
	offsetSpan  = span{1, 1000, "cli.unit.m"}
)

// inSpan refuses NaN, infinities and values outside r, naming the flag
// and the range (the value is quoted only when it is a finite number).
func inSpan(flag string, v float64, r span) error {
	if v >= r.lo && v <= r.hi { // false for NaN
		return nil
	}
	unit := ""
	if r.unit != "" {
		unit = i18n.T(r.unit)
	}
	rng := num(r.lo) + "–" + num(r.hi) + unit
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return badArg("cli.range_not_finite", flag, rng)
	}
	return badArg("cli.range", flag, num(v), rng)
}

// num prints a flag value plainly: 36, 0.5, -5.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// badArg is a worded argument error (exit 2).
func badArg(key string, args ...any) error { return worded(errBadArg, key, args...) }

// checkSpans checks flags in order; the first out of range is the error.
func checkSpans(checks ...func() error) error {
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func spanCheck(flag string, v float64, r span) func() error {
	return func() error { return inSpan(flag, v, r) }
}

// check refuses network flags out of range: the lateral buffer, and a
// coordinate system the app does not know.
func (nf *networkFlags) check() error {
	if err := inSpan("--lateral", nf.lateral, lateralSpan); err != nil {
		return err
	}
	return checkCRS("--network-crs", nf.crs)
}

// checkCRS refuses a --crs value the app does not know ("" is fine). A
// .prj is a file: whether it exists and reads is judged with the other
// input files (exit 1), not here.
func checkCRS(flag, v string) error {
	if v == "" || isPRJ(v) {
		return nil
	}
	_, err := parseCRSFlag(v)
	switch {
	case err == nil:
		return nil
	case strings.Contains(v, "["):
		return worded(fmt.Errorf("%w: %w", errBadArg, err), "cli.bad_wkt", flag)
	}
	return badArg("cli.bad_crs", flag, v)
}

// check refuses export flags out of range, before any work.
func (f *exportFlags) check() error {
	err := checkSpans(spanCheck("--dpi", f.dpi, dpiSpan), spanCheck("--year", float64(f.year), yearSpan),
		spanCheck("--tile-budget", f.budget, budgetSpan))
	if err == nil && (f.width != 0 || f.height != 0) {
		err = checkSpans(spanCheck("--width", float64(f.width), pixelSpan), spanCheck("--height", float64(f.height), pixelSpan))
	}
	if err == nil {
		err = checkSpans(f.nf.check, f.zones.check)
	}
	if err == nil && f.bbox != "" {
		_, err = parseBBox(f.bbox)
	}
	if err == nil {
		err = f.checkFormat()
	}
	return err
}

// checkFormat refuses an output format or paper the export cannot make.
func (f *exportFlags) checkFormat() error {
	switch format := f.formatName(); format {
	case "png", "pdf", "gpkg", "geojson", "json", "csv":
	default:
		return badArg("cli.bad_format", format)
	}
	if p := strings.ToUpper(f.paper); f.width == 0 && p != "A4" && p != "A3" {
		return badArg("cli.bad_paper", f.paper)
	}
	return nil
}

// formatName is --format, or the output file's extension.
func (f *exportFlags) formatName() string {
	if f.format != "" {
		return strings.ToLower(f.format)
	}
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
}

// tileBudget is --tile-budget as a duration.
func (f *exportFlags) tileBudget() time.Duration {
	return time.Duration(f.budget * float64(time.Second))
}

// check refuses access flags out of range, before any work.
func (f *accessFlags) check() error {
	err := checkSpans(spanCheck("--cell", f.cell, cellSpan), spanCheck("--speed", f.speed, speedSpan),
		spanCheck("--max-offset", f.maxOffset, offsetSpan), spanCheck("--year", float64(f.year), yearSpan))
	if err == nil {
		err = f.nf.check()
	}
	if err == nil {
		err = checkCRS("--crs", f.bcrs)
	}
	if err == nil && f.bbox != "" {
		_, err = parseBBox(f.bbox)
	}
	return err
}
