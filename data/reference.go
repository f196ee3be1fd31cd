package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// BasemapChoice is the basemap a project was last shown on: a name (osm,
// tianditu-vec, tianditu-img, amap, none), a file or folder path, or a URL
// template, with the datum of files and templates. It never holds a key.
type BasemapChoice struct {
	Value string `json:"value"`
	Datum string `json:"datum,omitempty"`
}

// RefStyle is how a reference layer is drawn. Colours are "#rrggbb"; an
// empty Fill draws outlines only.
type RefStyle struct {
	Stroke     string  `json:"stroke"`
	Fill       string  `json:"fill,omitempty"`
	Width      float64 `json:"width"`   // pixels at 96 dpi
	Opacity    float64 `json:"opacity"` // 0..1, of the whole layer
	LabelField string  `json:"label,omitempty"`
}

// DefaultRefStyle is a thin grey outline.
func DefaultRefStyle() RefStyle { return RefStyle{Stroke: "#5a6b7d", Width: 1, Opacity: 1} }

// RefFeature is one feature of a reference layer, in WGS-84.
type RefFeature struct {
	Geometry orb.Geometry
	Props    map[string]string
}

// ReferenceLayer is a planner's own geography (boundary, roads, rivers,
// regulatory plots) shown under the plan; it is not edited by the app.
// Layers draw in slice order, the first at the bottom.
type ReferenceLayer struct {
	Name     string
	Source   string // the file it came from, for messages
	Visible  bool
	Style    RefStyle
	Fields   []string
	Features []RefFeature
}

// Errors of LoadReference; the wrapping message names the file.
var (
	ErrNoGeometry = errors.New("data: no geometry in the file")
	ErrRefCRS     = errors.New("data: coordinate system not supported")
	// ErrRefTooLarge is a reference file over MaxReferenceBytes.
	ErrRefTooLarge = errors.New("data: reference file too large")
)

// MaxReferenceBytes bounds a reference file (a shapefile's .shp and .dbf
// together). Reading and drawing one costs about ten times its size (200,000
// polygons in 42 MB of GeoJSON peak at 410 MB), so 64 MB stays under
// 700 MB; a larger file is refused before it is read: clip it to the
// district first (ogr2ogr -clipsrc).
var MaxReferenceBytes int64 = 64 << 20

// checkReferenceSize refuses a file over MaxReferenceBytes; a missing file
// is left to the reader, which names it.
func checkReferenceSize(path string) error {
	size := int64(0)
	names := []string{path}
	if strings.EqualFold(filepath.Ext(path), ".shp") {
		names = append(names, strings.TrimSuffix(path, filepath.Ext(path))+".dbf")
	}
	for _, n := range names {
		if st, err := os.Stat(n); err == nil {
			size += st.Size()
		}
	}
	if size > MaxReferenceBytes {
		return &RefSizeError{Path: path, Bytes: size}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".geojson", ".json":
		if n := jsonWeight(path); n > vector.MaxGeoJSONWeight { // refused before it is read
			return &RefSizeError{Path: path, Coords: n}
		}
	}
	return nil
}

// RefSizeError is a reference file over MaxReferenceBytes (Bytes set) or
// a GeoJSON over vector.MaxGeoJSONWeight (Coords set: its weight).
type RefSizeError struct {
	Path   string
	Bytes  int64
	Coords int
}

func (e *RefSizeError) Error() string {
	if e.Coords > 0 {
		return fmt.Sprintf("data: %s has a geometry weight of %d (at most %d)", e.Path, e.Coords, vector.MaxGeoJSONWeight)
	}
	return fmt.Sprintf("data: %s is %d MB (at most %d MB)", e.Path, e.Bytes>>20, MaxReferenceBytes>>20)
}

func (e *RefSizeError) Unwrap() error { return ErrRefTooLarge }

// ScaleReferenceLimits lowers MaxReferenceBytes to a tenth of avail bytes
// of memory; main calls it once at start.
func ScaleReferenceLimits(avail int64) {
	MaxReferenceBytes = max(1<<20, min(MaxReferenceBytes, avail/10))
}

// jsonWeight is the vector.Weight of a file, read in 1 MB pieces.
func jsonWeight(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	n := 0
	for {
		k, err := f.Read(buf)
		n += vector.Weight(buf[:k])
		if err != nil {
			return n
		}
	}
}

// LoadReference reads a vector file (GeoJSON, Shapefile, GeoPackage layer,
// CSV with lon/lat columns) into a WGS-84 reference layer named after it.
// A file whose system is not stated must hold longitudes and latitudes.
//
// A file over MaxReferenceBytes is refused unread (ErrRefTooLarge).
func LoadReference(path, layer string) (*ReferenceLayer, error) {
	if err := checkReferenceSize(path); err != nil {
		return nil, err
	}
	set, err := vector.Open(path, layer, "auto")
	if err != nil {
		return nil, err
	}
	csvPoints(set)
	c := set.CRS
	if c == crs.Unknown {
		if !looksGeographic(set) {
			return nil, fmt.Errorf("%w: %s does not say its system and its coordinates are not longitudes/latitudes (use EPSG:4326, 4490, 4547, 3857 or GCJ-02)", ErrRefCRS, path)
		}
		c = crs.WGS84
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if layer != "" {
		name = layer
	}
	rl := &ReferenceLayer{Name: name, Source: path, Visible: true, Style: DefaultRefStyle(), Fields: set.Fields}
	for _, f := range set.Features {
		if f.Geometry == nil {
			continue
		}
		g, err := c.Geometry(orb.Clone(f.Geometry))
		if err != nil {
			return nil, fmt.Errorf("%w: %s, %s: %v", ErrRefCRS, path, f.Where, err)
		}
		rl.Features = append(rl.Features, RefFeature{Geometry: g, Props: f.Props})
	}
	if len(rl.Features) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNoGeometry, path)
	}
	return rl, nil
}

// csvPoints gives CSV rows point geometries from lon/lat-named columns.
func csvPoints(set *vector.Set) {
	m := GuessSchoolMapping(set.Fields)
	if m.Lon == "" || m.Lat == "" {
		return
	}
	for i := range set.Features {
		f := &set.Features[i]
		lon, err1 := strconv.ParseFloat(strings.TrimSpace(f.Props[m.Lon]), 64)
		lat, err2 := strconv.ParseFloat(strings.TrimSpace(f.Props[m.Lat]), 64)
		if f.Geometry == nil && err1 == nil && err2 == nil {
			f.Geometry = orb.Point{lon, lat}
		}
	}
}

func looksGeographic(set *vector.Set) bool {
	for _, f := range set.Features {
		if f.Geometry == nil {
			continue
		}
		b := f.Geometry.Bound()
		if b.Min[0] < -180 || b.Max[0] > 180 || b.Min[1] < -90 || b.Max[1] > 90 {
			return false
		}
	}
	return true
}

// ParseRefStyle reads "stroke=#3366cc,fill=#88aaee,width=1.5,opacity=0.6,
// label=NAME" over the defaults; keys may come in any order.
func ParseRefStyle(s string) (RefStyle, error) {
	st := DefaultRefStyle()
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if strings.TrimSpace(kv) == "" {
			continue
		}
		if !ok {
			return st, fmt.Errorf("data: style %q: want key=value", kv)
		}
		if err := st.set(strings.ToLower(k), v); err != nil {
			return st, err
		}
	}
	return st, nil
}

func (st *RefStyle) set(k, v string) error {
	switch k {
	case "stroke", "fill":
		if _, err := ParseColour(v); err != nil && v != "" && v != "none" {
			return err
		}
		if v == "none" {
			v = ""
		}
		if k == "stroke" {
			st.Stroke = v
		} else {
			st.Fill = v
		}
	case "width", "opacity":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || k == "opacity" && f > 1 || f > 50 {
			return fmt.Errorf("data: style %s=%q is not a number in range", k, v)
		}
		if k == "width" {
			st.Width = f
		} else {
			st.Opacity = f
		}
	case "label":
		st.LabelField = v
	default:
		return fmt.Errorf("data: unknown style key %q (stroke, fill, width, opacity, label)", k)
	}
	return nil
}

// ParseColour reads "#rrggbb" into its components.
func ParseColour(s string) ([3]uint8, error) {
	var c [3]uint8
	if len(s) != 7 || s[0] != '#' {
		return c, fmt.Errorf("data: colour %q: want #rrggbb", s)
	}
	for i := range c {
		n, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, fmt.Errorf("data: colour %q: want #rrggbb", s)
		}
		c[i] = uint8(n)
	}
	return c, nil
}

func (p *Project) basemapJSON() string {
	if p.Basemap == (BasemapChoice{}) {
		return ""
	}
	b, _ := json.Marshal(p.Basemap)
	return string(b)
}

// readBasemap keeps the saved choice; an unreadable one is dropped (the
// map then shows the default basemap, nothing else is lost).
func (p *Project) readBasemap(v string) {
	if v != "" {
		json.Unmarshal([]byte(v), &p.Basemap)
	}
}
