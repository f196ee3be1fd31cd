package export

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
)

// encodePNG writes an RGBA page as PNG with a pHYs chunk giving its
// resolution, so print and layout programs size it right. An A3 at 300
// dpi has 17 million pixels, so speed comes first: the rows are "Up"
// filtered (one subtraction a byte, which suits maps' flat areas) and
// deflated at the fastest level in bands on every core, the bands'
// streams joined by sync flushes into one zlib stream. An opaque page is
// stored as RGB (a quarter less to compress).
func encodePNG(w io.Writer, img *image.RGBA, dpi float64) error {
	opaque := img.Opaque()
	bands := pngBands(img, opaque)
	if _, err := w.Write(pngHead(img.Bounds(), opaque, dpi)); err != nil {
		return err
	}
	var sum uint32 = 1
	for i, band := range bands {
		data := band.z
		if i == 0 {
			data = append([]byte{0x78, 0x01}, data...) // zlib header: deflate, fastest
		}
		sum = adler32Combine(sum, band.adler, band.n)
		if i == len(bands)-1 {
			data = binary.BigEndian.AppendUint32(data, sum)
		}
		if err := writeChunkTo(w, "IDAT", data); err != nil {
			return err
		}
	}
	return writeChunkTo(w, "IEND", nil)
}

// pngHead is the PNG signature, IHDR (8-bit RGB or RGBA) and pHYs.
func pngHead(b image.Rectangle, opaque bool, dpi float64) []byte {
	var head bytes.Buffer
	head.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(b.Dy()))
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	if opaque {
		ihdr[9] = 2 // RGB
	}
	writeChunk(&head, "IHDR", ihdr)
	phys := make([]byte, 9)
	ppm := uint32(dpi/0.0254 + 0.5)
	binary.BigEndian.PutUint32(phys[0:], ppm)
	binary.BigEndian.PutUint32(phys[4:], ppm)
	phys[8] = 1 // unit: metre
	writeChunk(&head, "pHYs", phys)
	return head.Bytes()
}

// band is a run of rows, filtered and deflated: z is the raw deflate
// data, adler the Adler-32 of the n filtered bytes it holds.
type band struct {
	z     []byte
	adler uint32
	n     int
}

// pngBands filters and compresses the rows in bands, in parallel.
func pngBands(img *image.RGBA, opaque bool) []band {
	b := img.Bounds()
	n := max(1, min(runtime.GOMAXPROCS(0)*4, b.Dy()/64))
	bands := make([]band, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range bands {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			y0, y1 := b.Min.Y+b.Dy()*i/n, b.Min.Y+b.Dy()*(i+1)/n
			bands[i] = compressRows(img, y0, y1, opaque, i == n-1)
		}(i)
	}
	wg.Wait()
	return bands
}

// compressRows filters rows y0..y1 with the Up filter and deflates them;
// the last band closes the stream, the others end on a byte boundary.
func compressRows(img *image.RGBA, y0, y1 int, opaque, last bool) band {
	b := img.Bounds()
	bpp := 4
	if opaque {
		bpp = 3
	}
	width := b.Dx() * bpp
	cur, prev := make([]byte, 1+width), make([]byte, 1+width)
	if y0 > b.Min.Y {
		pixelRow(img, y0-1, prev[1:], opaque)
	}
	var out bytes.Buffer
	out.Grow((y1 - y0) * width / 4)
	fw, _ := flate.NewWriter(&out, flate.BestSpeed)
	h := adler32.New()
	row := make([]byte, 1+width) // the compressor copies what it is given
	row[0] = 2                   // filter: Up
	for y := y0; y < y1; y++ {
		pixelRow(img, y, cur[1:], opaque)
		for x := 1; x <= width; x++ {
			row[x] = cur[x] - prev[x]
		}
		fw.Write(row)
		h.Write(row)
		cur, prev = prev, cur
	}
	if last {
		fw.Close()
	} else {
		fw.Flush()
	}
	return band{z: out.Bytes(), adler: h.Sum32(), n: (y1 - y0) * (1 + width)}
}

// pixelRow copies row y as RGB (opaque) or RGBA bytes. Opaque pixels are
// the same premultiplied or not; otherwise colours are unpremultiplied.
func pixelRow(img *image.RGBA, y int, dst []byte, opaque bool) {
	src := img.Pix[img.PixOffset(img.Bounds().Min.X, y):]
	if opaque {
		for i, j := 0, 0; j < len(dst); i, j = i+4, j+3 {
			dst[j], dst[j+1], dst[j+2] = src[i], src[i+1], src[i+2]
		}
		return
	}
	for i := 0; i < len(dst); i += 4 {
		a := uint32(src[i+3])
		if a == 0 || a == 255 {
			copy(dst[i:i+4], src[i:i+4])
			if a == 0 {
				dst[i], dst[i+1], dst[i+2] = 0, 0, 0
			}
			continue
		}
		for c := 0; c < 3; c++ {
			dst[i+c] = uint8((uint32(src[i+c])*255 + a/2) / a)
		}
		dst[i+3] = uint8(a)
	}
}

// adler32Combine is the Adler-32 of A followed by B (n bytes) from their
// sums, as zlib's adler32_combine.
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	rem := uint64(n % mod)
	s1a, s2a := uint64(a&0xffff), uint64(a>>16)
	s1b, s2b := uint64(b&0xffff), uint64(b>>16)
	s1 := (s1a + s1b + mod - 1) % mod
	s2 := (s2a + s2b + rem*s1a + 2*mod - rem) % mod
	return uint32(s2<<16 | s1)
}

func writeChunk(buf *bytes.Buffer, kind string, data []byte) {
	writeChunkTo(buf, kind, data)
}

// writeChunkTo writes one PNG chunk: length, type, data, CRC.
func writeChunkTo(w io.Writer, kind string, data []byte) error {
	head := make([]byte, 8)
	binary.BigEndian.PutUint32(head, uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	for _, b := range [][]byte{head, data, binary.BigEndian.AppendUint32(nil, crc.Sum32())} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
