package network

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"
)

// block is what one PrimitiveBlock holds for us: the nodes inside the
// extent and the walkable ways' node references.
type block struct {
	nodeIDs   []int64
	nodeXY    []orb.Point
	nodesSeen int
	ways      [][]int64
	waysSeen  int
	refs      int // kept ways' node references
	tooLong   int // ways over MaxWayNodes, skipped
}

// Limits of the work one file may ask for. OSM allows 2,000 nodes per way
// (API 0.6); a block holds at most 8,000 ways, most of a few dozen nodes.
const (
	MaxWayNodes   = 2000
	maxBlockRefs  = 4 << 20 // kept references per block: 32 MB
	maxBlockNodes = 1 << 20 // nodes per block (osmium writes 8,000)
	maxWayTags    = 10000   // tags of one way (real ways have a few dozen)
)

// Errors of blocks over the limits.
var (
	errBlockNodes = fmt.Errorf("%w: over %d nodes in one block", ErrTooMuchWork, maxBlockNodes)
	errWayTags    = fmt.Errorf("%w: a way of over %d tags", ErrTooMuchWork, maxWayTags)
)

// blockCtx carries a PrimitiveBlock's string table and coordinate coding.
type blockCtx struct {
	strings    [][]byte
	gran       int64
	latOff     int64
	lonOff     int64
	ext        orb.Bound
	keepAll    bool
	withNodes  bool
	out        *block
	uScratch   []uint64
	uScratchV  []uint64
	refScratch []int64
	ids        []int64
	lats       []int64
	lons       []int64
}

func decodeBlob(blob []byte, ext orb.Bound, withNodes bool) (*block, error) {
	data, err := inflate(blob)
	if err != nil {
		return nil, err
	}
	bc := &blockCtx{gran: 100, ext: ext, keepAll: ext.IsZero(), withNodes: withNodes, out: &block{}}
	var groups [][]byte
	p := pb{b: data}
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		switch {
		case f == 1 && w == 2:
			bc.readStrings(p.bytes())
		case f == 2 && w == 2:
			groups = append(groups, p.bytes())
		case f == 17 && w == 0:
			bc.gran = int64(p.uvarint())
		case f == 19 && w == 0:
			bc.latOff = int64(p.uvarint())
		case f == 20 && w == 0:
			bc.lonOff = int64(p.uvarint())
		default:
			p.skip(w)
		}
	}
	if p.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, errBlock)
	}
	for _, g := range groups {
		if err := bc.group(g); errors.Is(err, ErrTooMuchWork) {
			return nil, err
		} else if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrFormat, errBlock)
		}
	}
	return bc.out, nil
}

func (bc *blockCtx) readStrings(b []byte) {
	p := pb{b: b}
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		if f == 1 && w == 2 {
			bc.strings = append(bc.strings, p.bytes())
		} else {
			p.skip(w)
		}
	}
}

func (bc *blockCtx) group(b []byte) error {
	p := pb{b: b}
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		var err error
		switch {
		case f == 1 && w == 2 && bc.withNodes:
			err = bc.node(p.bytes())
		case f == 2 && w == 2 && bc.withNodes:
			err = bc.dense(p.bytes())
		case f == 3 && w == 2:
			err = bc.way(p.bytes())
		default:
			p.skip(w)
		}
		if err != nil {
			return err
		}
	}
	return p.err
}

// keep records a node when it lies in the extent.
func (bc *blockCtx) keep(id, lat, lon int64) {
	bc.out.nodesSeen++
	pt := orb.Point{1e-9 * float64(bc.lonOff+bc.gran*lon), 1e-9 * float64(bc.latOff+bc.gran*lat)}
	if bc.keepAll || bc.ext.Contains(pt) {
		bc.out.nodeIDs = append(bc.out.nodeIDs, id)
		bc.out.nodeXY = append(bc.out.nodeXY, pt)
	}
}

func (bc *blockCtx) node(b []byte) error {
	if bc.out.nodesSeen >= maxBlockNodes {
		return errBlockNodes
	}
	p := pb{b: b}
	var id, lat, lon int64
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		switch {
		case f == 1 && w == 0:
			id = p.svarint()
		case f == 8 && w == 0:
			lat = p.svarint()
		case f == 9 && w == 0:
			lon = p.svarint()
		default:
			p.skip(w)
		}
	}
	if p.err != nil {
		return p.err
	}
	bc.keep(id, lat, lon)
	return nil
}

func (bc *blockCtx) dense(b []byte) error {
	p := pb{b: b}
	ids, lats, lons := bc.ids[:0], bc.lats[:0], bc.lons[:0]
	defer func() { bc.ids, bc.lats, bc.lons = ids, lats, lons }()
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		if (f == 1 || f == 8 || f == 9) && (w == 2 && packedCount(&p) > maxBlockNodes || len(ids)+len(lats)+len(lons) > 3*maxBlockNodes) {
			return errBlockNodes // checked before decoding: 3 slices of 8 MB at most
		}
		switch f {
		case 1:
			ids = p.packedS(w, ids, true)
		case 8:
			lats = p.packedS(w, lats, true)
		case 9:
			lons = p.packedS(w, lons, true)
		default:
			p.skip(w)
		}
	}
	if p.err != nil || len(lats) != len(ids) || len(lons) != len(ids) {
		return errProto
	}
	for i, id := range ids {
		bc.keep(id, lats[i], lons[i])
	}
	return nil
}

func (bc *blockCtx) way(b []byte) error {
	bc.out.waysSeen++
	p := pb{b: b}
	keys, vals, refs := bc.uScratch[:0], bc.uScratchV[:0], bc.refScratch[:0]
	long := false
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		if (f == 2 || f == 3) && (w == 2 && packedCount(&p) > maxWayTags || len(keys)+len(vals) > 2*maxWayTags) {
			return errWayTags
		}
		switch f {
		case 2:
			keys = p.packedU(w, keys)
		case 3:
			vals = p.packedU(w, vals)
		case 8:
			if long || w == 2 && len(refs)+packedCount(&p) > MaxWayNodes || w == 0 && len(refs) >= MaxWayNodes {
				p.skip(w) // counted below, never decoded
				long = true
				continue
			}
			refs = p.packedS(w, refs, true)
		default:
			p.skip(w)
		}
	}
	bc.uScratch, bc.uScratchV, bc.refScratch = keys, vals, refs
	if p.err != nil || len(keys) != len(vals) {
		return errProto
	}
	tag := func(k string) string {
		for i, ki := range keys {
			if ki < uint64(len(bc.strings)) && string(bc.strings[ki]) == k && vals[i] < uint64(len(bc.strings)) {
				return string(bc.strings[vals[i]])
			}
		}
		return ""
	}
	switch {
	case long || len(refs) > MaxWayNodes:
		bc.out.tooLong++
	case len(refs) >= 2 && Walkable(tag):
		bc.out.refs += len(refs)
		if bc.out.refs > maxBlockRefs {
			return fmt.Errorf("%w: over %d node references in one block", ErrTooMuchWork, maxBlockRefs)
		}
		bc.out.ways = append(bc.out.ways, append([]int64(nil), refs...))
	}
	return nil
}
