package gpkg

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// encodeGeometry makes a GeoPackage binary geometry: "GP", version 0,
// flags (little-endian, with an xy envelope), srs_id, envelope, WKB.
func encodeGeometry(g orb.Geometry, srsID int) ([]byte, error) {
	body, err := wkb.Marshal(g, binary.LittleEndian)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGeometry, err)
	}
	b := g.Bound()
	out := make([]byte, 8+32, 8+32+len(body))
	out[0], out[1], out[2] = 'G', 'P', 0
	out[3] = 0x01 | 1<<1 // little endian, envelope [minx, maxx, miny, maxy]
	binary.LittleEndian.PutUint32(out[4:], uint32(int32(srsID)))
	for i, v := range []float64{b.Min[0], b.Max[0], b.Min[1], b.Max[1]} {
		binary.LittleEndian.PutUint64(out[8+8*i:], math.Float64bits(v))
	}
	return append(out, body...), nil
}

// envelopeSizes by the flags' envelope indicator (0..4).
var envelopeSizes = [...]int{0, 32, 48, 48, 64}

// decodeGeometry reads a GeoPackage binary geometry in 2-D (Z and M are
// dropped); empty geometries are returned as nil.
func decodeGeometry(b []byte) (orb.Geometry, int, error) {
	if len(b) < 8 || b[0] != 'G' || b[1] != 'P' {
		return nil, 0, fmt.Errorf("%w: no GP header", ErrGeometry)
	}
	flags := b[3]
	var order binary.ByteOrder = binary.BigEndian
	if flags&1 == 1 {
		order = binary.LittleEndian
	}
	srs := int(int32(order.Uint32(b[4:])))
	env := int(flags>>1) & 7
	if env >= len(envelopeSizes) {
		return nil, srs, fmt.Errorf("%w: envelope code %d", ErrGeometry, env)
	}
	start := 8 + envelopeSizes[env]
	if len(b) < start {
		return nil, srs, fmt.Errorf("%w: truncated", ErrGeometry)
	}
	if flags&(1<<4) != 0 { // empty geometry
		return nil, srs, nil
	}
	g, err := decodeWKB(b[start:])
	return g, srs, err
}
