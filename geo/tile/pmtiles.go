package tile

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// PMTiles reads a raster PMTiles v3 archive in place: the 127-byte header
// and the root directory at open, leaf directories on demand (a bounded
// cache), tiles with ReadAt. Memory does not grow with the file.
//
// The reader is ours rather than protomaps/go-pmtiles: that module brings
// cloud-storage clients (gocloud, AWS, GCS, Azure) into the binary for
// what is ~200 lines of reading a documented format.
type PMTiles struct {
	f    *os.File
	path string
	size uint64
	h    pmHeader
	root []pmEntry
	Info Source

	mu    sync.Mutex
	leafs map[uint64][]pmEntry // by offset; cleared when it grows past leafCap
}

var _ TileSource = (*PMTiles)(nil)

const (
	pmHeaderLen = 127
	leafCap     = 64
	maxDirBytes = 16 << 20 // a directory decompressed; real ones are KBs
)

// pmHeader is the part of the v3 header the reader uses.
type pmHeader struct {
	rootOff, rootLen, leafOff, dataOff uint64
	internalComp, tileComp, tileType   byte
	minZoom, maxZoom                   byte
	bounds                             orb.Bound
}

type pmEntry struct {
	id, offset uint64
	length     uint32
	run        uint32
}

// OpenPMTiles opens path and reads its header and root directory.
func OpenPMTiles(path string) (*PMTiles, error) {
	f, err := regularfile.Open(path)
	if err != nil {
		return nil, &FileError{path, err}
	}
	p := &PMTiles{f: f, path: path, leafs: map[uint64][]pmEntry{}}
	if err := p.init(); err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

func (p *PMTiles) bad(format string, a ...any) error {
	return &FileError{p.path, fmt.Errorf("%w: %s", ErrBadFile, fmt.Sprintf(format, a...))}
}

func (p *PMTiles) init() error {
	if st, err := p.f.Stat(); err == nil {
		p.size = uint64(st.Size())
	}
	var b [pmHeaderLen]byte
	if _, err := p.f.ReadAt(b[:], 0); err != nil {
		return p.bad("header: %v", err)
	}
	if string(b[:7]) != "PMTiles" || b[7] != 3 {
		return p.bad("not a PMTiles v3 archive")
	}
	p.h = parsePMHeader(b[:])
	switch p.h.tileType {
	case 1:
		return &FileError{p.path, ErrVectorTiles}
	case 2, 3, 4:
	default:
		return p.bad("unknown tile type %d", p.h.tileType)
	}
	if p.h.tileComp != 0 && p.h.tileComp != 1 && p.h.tileComp != 2 {
		return p.bad("tile compression %d is not supported", p.h.tileComp)
	}
	root, err := p.readDir(p.h.rootOff, p.h.rootLen)
	if err != nil {
		return err
	}
	p.root = root
	p.Info = Source{Name: "pmtiles", TileSize: 256, MinZoom: int(p.h.minZoom), MaxZoom: int(p.h.maxZoom),
		Bounds: p.h.bounds}
	return nil
}

func parsePMHeader(b []byte) pmHeader {
	u := func(i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }
	e7 := func(i int) float64 { return float64(int32(binary.LittleEndian.Uint32(b[i:]))) / 1e7 }
	return pmHeader{rootOff: u(8), rootLen: u(16), leafOff: u(40), dataOff: u(56),
		internalComp: b[97], tileComp: b[98], tileType: b[99], minZoom: b[100], maxZoom: b[101],
		bounds: orb.Bound{Min: orb.Point{e7(102), e7(106)}, Max: orb.Point{e7(110), e7(114)}}}
}

// readDir reads and decodes the directory at [off, off+n).
func (p *PMTiles) readDir(off, n uint64) ([]pmEntry, error) {
	if n == 0 || n > maxDirBytes || off > p.size || n > p.size-off {
		return nil, p.bad("directory of %d bytes at %d", n, off)
	}
	raw := make([]byte, n)
	if _, err := p.f.ReadAt(raw, int64(off)); err != nil {
		return nil, p.bad("directory at %d: %v", off, err)
	}
	data, err := decompress(raw, p.h.internalComp, maxDirBytes)
	if err != nil {
		return nil, p.bad("directory: %v", err)
	}
	d, err := decodeDir(data)
	if err != nil {
		return nil, p.bad("directory: %v", err)
	}
	return d, nil
}

// decompress returns b uncompressed, cut at limit bytes (a gzip bomb then
// fails to decode rather than filling memory).
func decompress(b []byte, comp byte, limit int64) ([]byte, error) {
	switch comp {
	case 0, 1:
		return b, nil
	case 2:
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(io.LimitReader(r, limit))
	}
	return nil, fmt.Errorf("compression %d is not supported", comp)
}

// decodeDir reads a directory: the entry count, then the columns tile id
// (delta), run length, length and offset (0 = right after the previous
// entry, else offset+1), all unsigned varints.
func decodeDir(b []byte) ([]pmEntry, error) {
	r := bytes.NewReader(b)
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(len(b))/4 { // an entry takes at least 4 bytes
		return nil, errors.New("bad entry count")
	}
	es := make([]pmEntry, n)
	id := uint64(0)
	for i := range es {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		id += v
		es[i].id = id
	}
	for _, set := range []func(e *pmEntry, v uint64){
		func(e *pmEntry, v uint64) { e.run = uint32(v) },
		func(e *pmEntry, v uint64) { e.length = uint32(v) },
	} {
		for i := range es {
			v, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			set(&es[i], v)
		}
	}
	for i := range es {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if v == 0 && i > 0 {
			es[i].offset = es[i-1].offset + uint64(es[i-1].length)
		} else {
			es[i].offset = v - 1
		}
	}
	return es, nil
}

// find returns the entry covering id: the last entry with entry.id <= id,
// if its run reaches id (run 0 is a leaf directory).
func find(es []pmEntry, id uint64) (pmEntry, bool) {
	lo, hi := 0, len(es)
	for lo < hi {
		m := (lo + hi) / 2
		if es[m].id <= id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return pmEntry{}, false
	}
	e := es[lo-1]
	if e.run == 0 || id < e.id+uint64(e.run) {
		return e, true
	}
	return pmEntry{}, false
}

// Tile reads t, following at most three levels of leaf directories.
func (p *PMTiles) Tile(ctx context.Context, t maptile.Tile) ([]byte, error) {
	id := HilbertID(t)
	dir := p.root
	for depth := 0; depth < 4; depth++ {
		e, ok := find(dir, id)
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrNoTile, Name(t))
		}
		if e.run > 0 {
			return p.readTile(e)
		}
		var err error
		if dir, err = p.leaf(e); err != nil {
			return nil, err
		}
	}
	return nil, p.bad("directories nested too deep")
}

func (p *PMTiles) readTile(e pmEntry) ([]byte, error) {
	if e.length > MaxFileTile || p.h.dataOff+e.offset+uint64(e.length) > p.size {
		return nil, p.bad("tile of %d bytes at %d", e.length, e.offset)
	}
	b := make([]byte, e.length)
	if _, err := p.f.ReadAt(b, int64(p.h.dataOff+e.offset)); err != nil {
		return nil, p.bad("tile at %d: %v", e.offset, err)
	}
	return decompress(b, p.h.tileComp, MaxFileTile)
}

func (p *PMTiles) leaf(e pmEntry) ([]pmEntry, error) {
	p.mu.Lock()
	d, ok := p.leafs[e.offset]
	p.mu.Unlock()
	if ok {
		return d, nil
	}
	d, err := p.readDir(p.h.leafOff+e.offset, uint64(e.length))
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	if len(p.leafs) >= leafCap {
		p.leafs = map[uint64][]pmEntry{}
	}
	p.leafs[e.offset] = d
	p.mu.Unlock()
	return d, nil
}

// Close closes the file.
func (p *PMTiles) Close() error { return p.f.Close() }

// HilbertID is the PMTiles tile id: the tiles of all lower zooms, plus
// the tile's position on the Hilbert curve of its zoom.
func HilbertID(t maptile.Tile) uint64 {
	var acc uint64
	for z := 0; z < int(t.Z); z++ {
		acc += uint64(1) << (2 * z)
	}
	n := uint64(1) << t.Z
	x, y := uint64(t.X), uint64(t.Y)
	var d uint64
	for s := n / 2; s > 0; s /= 2 {
		var rx, ry uint64
		if x&s > 0 {
			rx = 1
		}
		if y&s > 0 {
			ry = 1
		}
		d += s * s * ((3 * rx) ^ ry)
		if ry == 0 {
			if rx == 1 {
				x, y = n-1-x, n-1-y
			}
			x, y = y, x
		}
	}
	return acc + d
}
