package export

import (
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// encodePNG writes img as PNG with a pHYs chunk giving its resolution, so
// print and layout programs size it right. Speed is preferred over the last
// few per cent of size (an A3 at 300 dpi has 17 million pixels).
func encodePNG(w io.Writer, img image.Image, dpi float64) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(&physWriter{w: w, ppm: uint32(dpi/0.0254 + 0.5)}, img)
}

// physWriter passes a PNG stream through, inserting a pHYs chunk right
// after the IHDR chunk (8-byte signature + 25-byte IHDR).
type physWriter struct {
	w    io.Writer
	ppm  uint32
	seen int
	done bool
}

const ihdrEnd = 8 + 25

func (p *physWriter) Write(b []byte) (int, error) {
	if p.done {
		return p.w.Write(b)
	}
	n := 0
	if head := ihdrEnd - p.seen; head > 0 {
		k := min(head, len(b))
		m, err := p.w.Write(b[:k])
		n += m
		p.seen += m
		if err != nil {
			return n, err
		}
		b = b[k:]
	}
	if p.seen == ihdrEnd {
		if _, err := p.w.Write(physChunk(p.ppm)); err != nil {
			return n, err
		}
		p.done = true
		m, err := p.w.Write(b)
		return n + m, err
	}
	return n, nil
}

func physChunk(ppm uint32) []byte {
	c := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(c[0:], 9)
	copy(c[4:], "pHYs")
	binary.BigEndian.PutUint32(c[8:], ppm)
	binary.BigEndian.PutUint32(c[12:], ppm)
	c[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(c[17:], crc32.ChecksumIEEE(c[4:17]))
	return c
}
