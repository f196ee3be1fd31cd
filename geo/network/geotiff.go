package network

import (
	"bufio"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
)

// WriteGeoTIFF writes the raster as a single-band, uncompressed Float32
// GeoTIFF on EPSG:3857 (pixel is area) with NoData NaN and the values
// multiplied by factor (1 for metres, 60/(km/h·1000) for minutes).
func (r *Raster) WriteGeoTIFF(w io.Writer, factor float64) error {
	const nTags = 15
	keys := []uint16{1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3857}
	ifdSize := 2 + nTags*12 + 4
	extra := 8 + ifdSize
	scaleOff, tieOff := extra, extra+24
	keysOff := tieOff + 48
	dataOff := keysOff + 2*len(keys)
	bw := bufio.NewWriter(w)
	le := binary.LittleEndian
	put := func(v any) { binary.Write(bw, le, v) }
	bw.WriteString("II")
	put(uint16(42))
	put(uint32(8))
	put(uint16(nTags))
	tag := func(id, typ uint16, count, val uint32) { put(id); put(typ); put(count); put(val) }
	const short, long, double, ascii = 3, 4, 12, 2
	tag(256, long, 1, uint32(r.W))
	tag(257, long, 1, uint32(r.H))
	tag(258, short, 1, 32)
	tag(259, short, 1, 1)
	tag(262, short, 1, 1)
	tag(273, long, 1, uint32(dataOff))
	tag(277, short, 1, 1)
	tag(278, long, 1, uint32(r.H))
	tag(279, long, 1, uint32(4*r.W*r.H))
	tag(284, short, 1, 1)
	tag(339, short, 1, 3)
	tag(33550, double, 3, uint32(scaleOff))
	tag(33922, double, 6, uint32(tieOff))
	tag(34735, short, uint32(len(keys)), uint32(keysOff))
	tag(42113, ascii, 4, le.Uint32([]byte("nan\x00"))) // four bytes: stored in the entry itself
	put(uint32(0))
	put([]float64{r.Cell, r.Cell, 0})
	put([]float64{0, 0, 0, r.X0, r.Y0, 0})
	put(keys)
	buf := make([]byte, 4)
	for _, v := range r.Val {
		le.PutUint32(buf, math.Float32bits(float32(float64(v)*factor)))
		bw.Write(buf)
	}
	return bw.Flush()
}

// ClassColors are the fills of the distance classes, near to far
// (ColorBrewer YlGnBu, colour-blind safe), then the colour of cells beyond
// the last break.
var ClassColors = []color.NRGBA{
	{0x22, 0x5e, 0xa8, 0xff}, {0x41, 0xb6, 0xc4, 0xff}, {0xa1, 0xda, 0xb4, 0xff},
	{0xff, 0xff, 0xcc, 0xff}, {0xd9, 0x5f, 0x0e, 0xff},
}

// Image colours the raster by class (NaN cells transparent).
func (r *Raster) Image(breaks []float64) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, r.W, r.H))
	for j := 0; j < r.H; j++ {
		for i := 0; i < r.W; i++ {
			v := float64(r.Val[j*r.W+i])
			if math.IsNaN(v) {
				continue
			}
			img.SetNRGBA(i, j, ClassColors[min(Class(v, breaks), len(ClassColors)-1)])
		}
	}
	return img
}

// WritePNG writes the classed image.
func (r *Raster) WritePNG(w io.Writer, breaks []float64) error {
	return png.Encode(w, r.Image(breaks))
}

// WorldFile is the text of a world file (.pgw) placing the PNG on
// EPSG:3857.
func (r *Raster) WorldFile() string {
	return formatWorld(r.Cell, r.X0+r.Cell/2, r.Y0-r.Cell/2)
}
