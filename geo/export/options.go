// Package export makes map snapshots for meetings: a page with title, map,
// legend, scale bar, north arrow, attribution and sources, as PNG or PDF.
// One layout is drawn through a Page interface with two backends (raster
// and PDF), so both formats carry the same furniture; the map itself is
// rendered off-screen by geo/render at the target resolution.
//
// Floor: features (imports render, tile, coverage, domain and ground).
package export

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// Format is the output file type.
type Format int

// Output formats.
const (
	PNG Format = iota
	PDF
)

// ParseFormat reads "png" or "pdf".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "png":
		return PNG, nil
	case "pdf":
		return PDF, nil
	}
	return PNG, fmt.Errorf("%w: format %q (png or pdf)", ErrOption, s)
}

// Paper sizes in millimetres, portrait.
var papers = map[string][2]float64{"A4": {210, 297}, "A3": {297, 420}}

// ErrOption marks an unusable option.
var ErrOption = errors.New("export: bad option")

// Options describe one snapshot.
type Options struct {
	Format    Format
	Paper     string // "A4" or "A3"; empty with WidthPx/HeightPx for a pixel size
	Landscape bool
	WidthPx   int // pixel size (PNG), used when Paper is empty
	HeightPx  int
	DPI       float64 // 150 or 300 typical

	// Extent is the ground the map must show; it is fitted into the map
	// frame (keeping its centre), so the frame may show more on one axis.
	Extent orb.Bound

	Title, Subtitle string
	Date            time.Time
	Sources         string // data sources line
	Attribution     string // tile attribution; empty when no basemap
	Scene           *render.Scene
	// Tables adds a second PDF page with the site list and the
	// per-subdistrict figures for the scene's year.
	Tables bool
	// Coverage is the subdistrict analysis of the scene's year, the one
	// the screen and the CSV show; when any subdistrict has a boundary the
	// tables page prints it (counted by polygon). Nil, or without
	// boundaries, the page counts by each site's subdistrict attribute.
	Coverage *coverage.Result
	// Creator names the app and its version in the PDF metadata (Creator
	// and Producer); empty gives "Liwan School Plan Map".
	Creator string
}

// pageMM returns the page size in millimetres.
func (o *Options) pageMM() (w, h float64, err error) {
	if !(o.DPI >= 36 && o.DPI <= 1200) { // NaN too
		return 0, 0, fmt.Errorf("%w: dpi %g (36–1200)", ErrOption, o.DPI)
	}
	if o.Paper == "" {
		if o.WidthPx < 200 || o.HeightPx < 200 || o.WidthPx > 20000 || o.HeightPx > 20000 {
			return 0, 0, fmt.Errorf("%w: pixel size %dx%d (200–20000 each)", ErrOption, o.WidthPx, o.HeightPx)
		}
		return float64(o.WidthPx) / o.DPI * 25.4, float64(o.HeightPx) / o.DPI * 25.4, nil
	}
	p, ok := papers[strings.ToUpper(o.Paper)]
	if !ok {
		return 0, 0, fmt.Errorf("%w: paper %q (A4 or A3)", ErrOption, o.Paper)
	}
	if o.Landscape {
		return p[1], p[0], nil
	}
	return p[0], p[1], nil
}

// date is the date the page shows: Date, or today.
func (o *Options) date() time.Time {
	if o.Date.IsZero() {
		return time.Now()
	}
	return o.Date
}

// px converts millimetres to pixels at the options' dpi.
func (o *Options) px(mm float64) float64 { return mm / 25.4 * o.DPI }
