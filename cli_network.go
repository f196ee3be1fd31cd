package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
)

func (nf *networkFlags) registerCatch(fl *flag.FlagSet) {
	fl.StringVar(&nf.catchments, "catchments", "", i18n.T("cli.flag.catchments"))
}

// networkSet computes the sites' network catchments when the flags ask
// for them (nil for circles). code is non-zero on failure.
func networkSet(nf *networkFlags, sites []data.Site, n data.Norms, stderr io.Writer) (*network.SiteSet, int) {
	mode := nf.catchments
	if mode == "" && nf.path != "" {
		mode = "network"
	}
	switch {
	case mode == "" || mode == "circle":
		return nil, exitOK
	case mode != "network":
		fmt.Fprintln(stderr, i18n.T("network.cli.catchmode"))
		return nil, exitUsage
	case nf.path == "":
		fmt.Fprintln(stderr, i18n.T("network.cli.needfile"))
		return nil, exitUsage
	}
	g, err := loadNetwork(nf, sitesExtent(sites), locations(sites), stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitError
	}
	set := g.ForSites(sites, n, nf.lateral)
	for _, k := range set.Order {
		if flag := set.Flag(set.By[k]); flag != "" && k.Served == firstServed(set, k.ID) {
			fmt.Fprintln(stderr, i18n.T("network.cli.flag."+flag, k.ID, set.By[k].Snap.Dist))
		}
	}
	return set, exitOK
}

// firstServed is the first served level of a site, so flags print once.
func firstServed(set *network.SiteSet, id string) data.Level {
	for _, k := range set.Order {
		if k.ID == id {
			return k.Served
		}
	}
	return 0
}

// polygonCell is the raster cell (metres) network catchment polygons are
// traced at for the data exports: boundaries within one cell diagonal.
const polygonCell = 5.0

// exportNetworkData writes sites with network catchments for the data
// formats; handled is false for map formats.
func exportNetworkData(f *exportFlags, p *data.Project, set *network.SiteSet, stdout, stderr io.Writer) (code int, handled bool) {
	format := strings.ToLower(f.format)
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	switch format {
	case "gpkg", "geojson", "json", "csv":
	default:
		return 0, false
	}
	wrote, err := data.ExportSitesShapes(f.out, format, p.Sites, p.Norms, f.year, set.Shapes(polygonCell))
	if err != nil {
		fmt.Fprintln(stderr, "schoolmap export:", explainWriteError(f.out, err))
		return exitError, true
	}
	for _, w := range wrote {
		fmt.Fprintln(stdout, i18n.T("cli.wrote", w))
	}
	return exitOK, true
}

// catchMethod says which catchments an analysis used.
func catchMethod(set *network.SiteSet) string {
	if set == nil {
		return i18n.T("network.cli.method", i18n.T("cli.method.straight"))
	}
	return i18n.T("network.cli.method", i18n.T("cli.method.network"))
}
