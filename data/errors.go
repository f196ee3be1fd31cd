package data

import (
	"errors"
	"fmt"
)

// Sentinel errors of the loader; test with errors.Is.
var (
	ErrSyntax            = errors.New("data: invalid JSON")
	ErrNotCollection     = errors.New("data: not a GeoJSON FeatureCollection")
	ErrNotFeature        = errors.New("data: member is not a GeoJSON Feature")
	ErrGeometry          = errors.New("data: geometry must be a Point or null")
	ErrCoordinates       = errors.New("data: coordinates must be [longitude, latitude]")
	ErrRange             = errors.New("data: value out of range")
	ErrMissing           = errors.New("data: required field missing")
	ErrNegative          = errors.New("data: value must not be negative")
	ErrYearOrder         = errors.New("data: start year after end year")
	ErrUnknownLevel      = errors.New("data: unknown level")
	ErrUnknownConfidence = errors.New("data: unknown confidence")
	ErrUnknownStatus     = errors.New("data: unknown construction status")
	ErrUnknownKind       = errors.New("data: unknown site kind")
	ErrDuplicateID       = errors.New("data: duplicate id")
	ErrType              = errors.New("data: wrong value type")
	ErrCRS               = errors.New("data: only WGS-84 (RFC 7946) coordinates are accepted")
)

// FeatureError locates a problem in a FeatureCollection: the feature's
// position (Index is 0-based; messages count from 1, as QGIS shows
// features), its id when known, and the field.
type FeatureError struct {
	Index int
	ID    string
	Field string
	Err   error
}

func (e *FeatureError) Error() string {
	where := fmt.Sprintf("feature %d", e.Index+1)
	if e.ID != "" {
		where += " (" + e.ID + ")"
	}
	if e.Field != "" {
		where += ", field " + e.Field
	}
	return where + ": " + e.Err.Error()
}

func (e *FeatureError) Unwrap() error { return e.Err }
