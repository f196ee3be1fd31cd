package main

import (
	"errors"
	"flag"
	"fmt"
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
	sp, err := tile.ParseSpec(v, d)
	if err != nil {
		return sp, err
	}
	sp.Attribution = b.attribution
	for _, r := range b.subdomains {
		sp.Subdomains = append(sp.Subdomains, string(r))
	}
	if b.zoom != "" {
		sp.MinZoom, sp.MaxZoom, err = tile.ParseZoomRange(b.zoom)
	}
	return sp, err
}

// open builds the basemap of an export; nil for none.
func (b *basemapFlags) open(saved data.BasemapChoice, online bool) (*tile.Basemap, error) {
	sp, err := b.spec(saved)
	if err != nil {
		if errors.Is(err, tile.ErrTemplate) {
			return nil, errors.New(i18n.T("basemap.bad_template", b.basemap))
		}
		return nil, err
	}
	key := b.key
	if key == "" {
		key = os.Getenv("TIANDITU_KEY")
	}
	bm, err := tile.Open(sp, tile.BasemapOptions{Online: online, Key: key, Timeout: tileTimeout})
	if err != nil {
		if msg := tile.Message(err); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("%s", i18n.T("basemap.open_failed", sp.Value, err))
	}
	return bm, nil
}
