package tile

import (
	"errors"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// Message words a basemap problem for the user, naming the file and what
// to do; "" for errors it does not know.
func Message(err error) string {
	var fe *FileError
	path := ""
	if errors.As(err, &fe) {
		path = fe.Path
	}
	var ze *ZoomError
	var ve *ValueError
	switch {
	case errors.As(err, &ze) && errors.Is(err, ErrZoomLevels):
		return i18n.T("basemap.zoom_levels", path, ze.Lo, ze.Hi)
	case errors.As(err, &ze):
		return i18n.T("basemap.zoom_meta", path, ze.Declared, ze.Lo, ze.Hi)
	case errors.Is(err, ErrNotFound):
		return i18n.T("basemap.not_found", path)
	case errors.As(err, &ve):
		return i18n.T("basemap.unknown", ve.Value)
	case errors.Is(err, ErrKeyRefused):
		return i18n.T("basemap.key_refused")
	case errors.Is(err, ErrNoKey):
		return i18n.T("basemap.no_key")
	case errors.Is(err, ErrVectorTiles):
		return i18n.T("basemap.vector", path)
	case errors.Is(err, ErrNoTiles):
		return i18n.T("basemap.no_tiles", path)
	case errors.Is(err, regularfile.ErrNotRegular):
		return i18n.T("limits.not_regular", path)
	case errors.Is(err, regularfile.ErrTooLarge), errors.Is(err, ErrTileTooLarge):
		return i18n.T("limits.tile_too_large", path, MaxFileTile>>20)
	case errors.Is(err, ErrBadFile):
		return i18n.T("basemap.bad_file", path)
	}
	return ""
}
