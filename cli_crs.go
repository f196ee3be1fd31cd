package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// parseCRSFlag reads a --crs value: a code crs.Parse knows ("EPSG:4547",
// "gcj02"), a WKT definition, or the path of a .prj file holding one — a
// city grid or a datum with TOWGS84 that has no EPSG code.
func parseCRSFlag(s string) (crs.CRS, error) {
	t := strings.TrimSpace(s)
	switch {
	case isPRJ(t):
		b, err := os.ReadFile(t)
		if errors.Is(err, fs.ErrNotExist) {
			return crs.Unknown, err // "not found", as for every input file
		}
		if err != nil {
			return crs.Unknown, fmt.Errorf("%w: %s", crs.ErrUnknownCRS, i18n.T("gisfiles.cli.prj_unreadable", t, err))
		}
		return crsFromWKT(string(b), filepath.Base(t))
	case strings.Contains(t, "["):
		return crsFromWKT(t, "--crs")
	}
	return crs.Parse(t)
}

// errBadPRJ: a .prj given with --crs holds no usable definition.
var errBadPRJ = errors.New("cli: .prj without a usable coordinate system")

func isPRJ(v string) bool { return strings.EqualFold(filepath.Ext(strings.TrimSpace(v)), ".prj") }

// readCRSFlag is parseCRSFlag for a reader: a .prj that does not hold a
// definition is a damaged input file (exit 1, named with its flag),
// not a missing coordinate system.
func readCRSFlag(flag, v string) (crs.CRS, error) {
	c, err := parseCRSFlag(v)
	if err != nil && isPRJ(v) {
		return c, worded(errBadPRJ, "cli.bad_prj", flag, filepath.Base(v))
	}
	return c, err
}

// crsFromWKT is crs.FromWKT, where an empty definition is an error too.
func crsFromWKT(wkt, what string) (crs.CRS, error) {
	c, err := crs.FromWKT(wkt)
	if err == nil && c == crs.Unknown {
		err = fmt.Errorf("%w: %s", crs.ErrUnknownCRS, i18n.T("gisfiles.cli.prj_empty", what))
	}
	return c, err
}
