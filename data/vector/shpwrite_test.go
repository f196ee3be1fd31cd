package vector

import (
	"bytes"
	"encoding/binary"
	"os"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// writeShapefile writes polygons (or points) with text attributes as a
// shapefile, for fixtures: .shp, .shx-less (readers here need none), .dbf
// in GBK or UTF-8, and an optional .prj and .cpg.
func writeShapefile(base string, geoms []orb.Geometry, fields []string, recs [][]string, gbk bool, prj, cpg string) error {
	var shp bytes.Buffer
	le, be := binary.LittleEndian, binary.BigEndian
	hdr := make([]byte, 100)
	be.PutUint32(hdr, 9994)
	le.PutUint32(hdr[28:], 1000)
	typ := uint32(shpPolygon)
	if _, ok := geoms[0].(orb.Point); ok {
		typ = shpPoint
	}
	le.PutUint32(hdr[32:], typ)
	shp.Write(hdr)
	for i, g := range geoms {
		var c bytes.Buffer
		w := func(v any) { binary.Write(&c, le, v) }
		switch g := g.(type) {
		case orb.Point:
			w(uint32(shpPoint))
			w(g[0])
			w(g[1])
		case orb.MultiPolygon:
			var rings []orb.Ring
			for _, p := range g {
				for k, r := range p {
					r = append(orb.Ring(nil), r...)
					if (k == 0) != (r.Orientation() == orb.CW) {
						r.Reverse()
					}
					rings = append(rings, r)
				}
			}
			b := g.Bound()
			w(uint32(shpPolygon))
			w([4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]})
			n := 0
			for _, r := range rings {
				n += len(r)
			}
			w(uint32(len(rings)))
			w(uint32(n))
			start := 0
			for _, r := range rings {
				w(uint32(start))
				start += len(r)
			}
			for _, r := range rings {
				for _, p := range r {
					w(p[0])
					w(p[1])
				}
			}
		}
		rh := make([]byte, 8)
		be.PutUint32(rh, uint32(i+1))
		be.PutUint32(rh[4:], uint32(c.Len()/2))
		shp.Write(rh)
		shp.Write(c.Bytes())
	}
	out := shp.Bytes()
	be.PutUint32(out[24:], uint32(len(out)/2))
	if err := os.WriteFile(base+".shp", out, 0o644); err != nil {
		return err
	}
	enc := func(s string) []byte {
		if !gbk {
			return []byte(s)
		}
		b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		return b
	}
	width := make([]int, len(fields))
	for j := range fields {
		width[j] = 10
		for _, r := range recs {
			width[j] = max(width[j], len(enc(r[j])))
		}
	}
	var dbf bytes.Buffer
	h := make([]byte, 32)
	h[0] = 3
	le.PutUint32(h[4:], uint32(len(recs)))
	recLen := 1
	for _, wd := range width {
		recLen += wd
	}
	le.PutUint16(h[8:], uint16(32+32*len(fields)+1))
	le.PutUint16(h[10:], uint16(recLen))
	if gbk {
		h[29] = 0x4D
	}
	dbf.Write(h)
	for j, f := range fields {
		d := make([]byte, 32)
		copy(d, enc(f))
		d[11] = 'C'
		d[16] = byte(width[j])
		dbf.Write(d)
	}
	dbf.WriteByte(0x0D)
	for _, r := range recs {
		dbf.WriteByte(' ')
		for j, v := range r {
			b := enc(v)
			dbf.Write(b)
			dbf.Write(bytes.Repeat([]byte(" "), width[j]-len(b)))
		}
	}
	dbf.WriteByte(0x1A)
	if err := os.WriteFile(base+".dbf", dbf.Bytes(), 0o644); err != nil {
		return err
	}
	if prj != "" {
		os.WriteFile(base+".prj", []byte(prj), 0o644)
	}
	if cpg != "" {
		os.WriteFile(base+".cpg", []byte(cpg), 0o644)
	}
	return nil
}
