package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// refFlags collect repeated --reference FILE[:layer][,style] values.
type refFlags []string

func (r *refFlags) String() string { return strings.Join(*r, " ") }

// Set adds one --reference value.
func (r *refFlags) Set(v string) error {
	*r = append(*r, v)
	return nil
}

// splitRef reads FILE[:layer][,key=value,...]. A colon is a layer
// separator only after the file's extension (so C:\ paths work).
func splitRef(v string) (path, layer, style string) {
	path, style, _ = strings.Cut(v, ",")
	ext := filepath.Ext(path)
	if i := strings.LastIndex(path, ":"); i > 0 && strings.Contains(ext, ":") {
		path, layer = path[:i], path[i+1:]
	}
	return path, layer, style
}

// loadReferences reads the --reference layers, in order (the first at the
// bottom), after those of the project.
func loadReferences(vals refFlags, saved []*data.ReferenceLayer) ([]*render.Reference, error) {
	var out []*render.Reference
	for _, l := range saved {
		out = append(out, render.NewReference(l))
	}
	for _, v := range vals {
		path, layer, style := splitRef(v)
		st, err := data.ParseRefStyle(style)
		if err != nil {
			return nil, &wordedError{msg: fmt.Sprintf("--reference %s: %v", v, err), err: errBadArg}
		}
		l, err := data.LoadReference(path, layer)
		if err != nil {
			return nil, refError(path, err)
		}
		l.Style = st
		out = append(out, render.NewReference(l))
	}
	return out, nil
}

// refError words a reference layer that cannot be used: a missing or
// unreadable file as for every flag, the rest by refMessage.
func refError(path string, err error) error {
	var we *wordedError
	if e := explainRead("--reference", path, err); errors.As(e, &we) {
		return e
	}
	return errors.New(refMessage(path, err))
}

func refMessage(path string, err error) string {
	switch {
	case errors.Is(err, data.ErrNoGeometry):
		return i18n.T("basemap.ref_no_geometry", path)
	case errors.Is(err, data.ErrRefCRS):
		return i18n.T("basemap.ref_crs", path)
	}
	var se *data.RefSizeError
	if errors.As(err, &se) && se.Coords > 0 {
		return i18n.T("limits.ref_coords", path, se.Coords, vector.MaxGeoJSONWeight)
	} else if errors.As(err, &se) {
		return i18n.T("limits.ref_too_large", path, data.MaxReferenceBytes>>20)
	}
	return i18n.T("basemap.ref_bad", path, err)
}
