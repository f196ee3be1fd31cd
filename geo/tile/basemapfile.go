package tile

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"io/fs"
	"net/http"
	"os"
)

// colorBG is the renderer's background (render.Background), drawn where a
// basemap has no tiles by design.
var colorBG = color.RGBA{238, 238, 234, 255}

// ErrNoKey is returned when 天地图 is chosen without a key.
var ErrNoKey = errors.New("tile: tianditu needs a key")

// openFile opens an offline basemap: MBTiles, PMTiles or a tile folder,
// served through the same Store as online tiles (no disk cache: the file
// is the cache).
func openFile(sp Spec, o BasemapOptions) (*Basemap, error) {
	if _, err := os.Stat(sp.Value); errors.Is(err, fs.ErrNotExist) {
		return nil, &FileError{sp.Value, ErrNotFound} // not "corrupt": the path is wrong
	}
	src, info, c, err := openReader(sp)
	if err != nil {
		return nil, err
	}
	info.URLTemplate = fileURL
	info.Datum = sp.Datum
	if info.Attribution == "" {
		info.Attribution = fileLabel(sp.Value)
	}
	var warnings []error
	if m, ok := src.(*MBTiles); ok {
		warnings = m.Warnings
	}
	if info.MinZoom < 0 || info.MaxZoom < info.MinZoom || info.MaxZoom > MaxFileZoom {
		declared := fmt.Sprintf("minzoom=%d, maxzoom=%d", info.MinZoom, info.MaxZoom)
		info.MinZoom, info.MaxZoom = 0, 19
		warnings = append(warnings, &FileError{sp.Value, &ZoomError{Declared: declared, Lo: 0, Hi: 19, Err: ErrZoomMeta}})
	}
	b := newBasemap(info)
	b.warnings = warnings
	if c != nil {
		b.files = append(b.files, c)
	}
	f := NewFetcher(info, UserAgent)
	f.Client = &http.Client{Transport: FileTransport{Src: src}}
	f.PerHost = 4
	f.MaxBytes = MaxFileTile
	b.layers = []*Store{NewStore(info, StoreOptions{Fetcher: f, OnReady: o.OnReady})}
	return b, nil
}

func openReader(sp Spec) (TileSource, Source, io.Closer, error) {
	switch sp.Kind {
	case KindMBTiles:
		m, err := OpenMBTiles(sp.Value)
		if err != nil {
			return nil, Source{}, nil, err
		}
		return m, m.Info, m, nil
	case KindPMTiles:
		p, err := OpenPMTiles(sp.Value)
		if err != nil {
			return nil, Source{}, nil, err
		}
		return p, p.Info, p, nil
	}
	f, err := OpenFolder(sp.Value)
	if err != nil {
		return nil, Source{}, nil, err
	}
	return f, f.Info, nil, nil
}
