package main

import (
	"errors"
	"flag"
	"os"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// basemapFlags choose the export's basemap. The 天地图 key comes from the
// flag or TIANDITU_KEY and goes nowhere but the tile requests.
type basemapFlags struct {
	basemap, datum, key           string
	attribution, zoom, subdomains string
}

func (b *basemapFlags) register(fl *flag.FlagSet) {
	fl.StringVar(&b.basemap, "basemap", "", i18n.T("cli.flag.basemap"))
	fl.StringVar(&b.datum, "basemap-datum", "", i18n.T("cli.flag.basemap_datum"))
	fl.StringVar(&b.key, "tianditu-key", "", i18n.T("cli.flag.tianditu_key"))
	fl.StringVar(&b.attribution, "basemap-attribution", "", i18n.T("cli.flag.basemap_attribution"))
	fl.StringVar(&b.zoom, "basemap-zoom", "", i18n.T("cli.flag.basemap_zoom"))
	fl.StringVar(&b.subdomains, "basemap-subdomains", "", i18n.T("cli.flag.basemap_subdomains"))
}

// spec is the chosen basemap: the flag, else the project's, else OSM.
func (b *basemapFlags) spec(saved data.BasemapChoice) (tile.Spec, error) {
	v, d := b.basemap, b.datum
	if v == "" {
		v = saved.Value
		if d == "" {
			d = saved.Datum
		}
	}
	if _, err := tile.ParseDatum(d); err != nil {
		return tile.Spec{}, badArg("cli.basemap_datum", d)
	}
	sp, err := tile.ParseSpec(v, d)
	if err != nil {
		return sp, err
	}
	sp.Attribution = b.attribution
	for _, r := range b.subdomains {
		sp.Subdomains = append(sp.Subdomains, string(r))
	}
	if b.zoom != "" {
		if sp.MinZoom, sp.MaxZoom, err = tile.ParseZoomRange(b.zoom); err != nil {
			return sp, badArg("cli.basemap_zoom", b.zoom)
		}
	}
	return sp, nil
}

// open builds the basemap of an export; nil for none. A fault of a file
// keeps *tile.FileError in the error's chain; a bad value is errBadArg.
func (b *basemapFlags) open(saved data.BasemapChoice, online bool) (*tile.Basemap, error) {
	sp, err := b.spec(saved)
	if errors.Is(err, errBadArg) {
		return nil, err
	}
	if err != nil {
		return nil, basemapError(b.basemap, err)
	}
	key := b.key
	if key == "" {
		key = os.Getenv("TIANDITU_KEY")
	}
	bm, err := tile.Open(sp, tile.BasemapOptions{Online: online, Key: key, Timeout: tileTimeout})
	if err != nil {
		return nil, basemapError(sp.Value, err)
	}
	return bm, nil
}
