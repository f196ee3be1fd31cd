package network

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// FileError names the street file a problem was found in.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return filepath.Base(e.Path) + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Limits of the OSM PBF format (wiki.openstreetmap.org/wiki/PBF_Format).
const (
	maxHeader = 64 << 10
	maxBlob   = 32 << 20
)

// PBFStats counts what a read saw and kept.
type PBFStats struct {
	Blocks, Nodes, NodesKept, Ways, WaysKept, Lines int
	WaysTooLong                                     int  // over MaxWayNodes nodes: skipped
	Sorted                                          bool // nodes came before ways (one pass sufficed)
}

// workPerByte bounds the nodes and references a file may make the reader
// keep: 64 per byte of file (real extracts hold under one), plus
// workFloor for tiny files.
const (
	workPerByte = 64
	workFloor   = 1 << 20
)

// ReadPBF reads the walkable ways of an OpenStreetMap .osm.pbf file that
// lie within ext (WGS-84; an empty bound keeps everything), cut where they
// leave it. Blocks are decompressed and decoded on all cores; only nodes
// inside ext are kept, so memory is bounded by the extent, not the file.
// Files with nodes before ways (as osmium and Geofabrik write them) take
// one pass, others two. progress, when set, gets bytes read and the file
// size.
//
// Limits: a path that is not a regular file is refused at once; ways of
// more than MaxWayNodes nodes are skipped and counted (WaysTooLong); a
// file asking for more kept nodes and references than workPerByte times
// its size, or a block of more than a million nodes, is refused with
// ErrTooMuchWork. ctx cancels between blocks (ErrCanceled).
func ReadPBF(ctx context.Context, path string, ext orb.Bound, progress func(done, total int64)) ([]orb.LineString, PBFStats, error) {
	open := func() (io.ReadCloser, int64, error) {
		f, err := regularfile.Open(path)
		if err != nil {
			return nil, 0, err
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, 0, err
		}
		return f, st.Size(), nil
	}
	return readPBF(ctx, path, open, ext, progress)
}

// readPBF reads from whatever open gives (the file, or bytes in tests).
func readPBF(ctx context.Context, path string, open opener, ext orb.Bound, progress func(done, total int64)) ([]orb.LineString, PBFStats, error) {
	m := &merger2{nodes: map[int64]orb.Point{}, ext: ext, seen: make([]uint64, seenWords)}
	if f, size, err := open(); err == nil {
		f.Close()
		m.budget = workFloor + workPerByte*size
	}
	err := m.pass(ctx, open, true, progress)
	if err == nil && m.unsorted {
		m.lines, m.stats.Lines, m.stats.WaysKept, m.stats.Ways, m.stats.WaysTooLong = nil, 0, 0, 0, 0
		m.work = int64(len(m.nodes))
		err = m.pass(ctx, open, false, progress)
	}
	if err != nil {
		return nil, m.stats, &FileError{Path: path, Err: err}
	}
	m.stats.Sorted = !m.unsorted
	if len(m.lines) == 0 {
		return nil, m.stats, &FileError{Path: path, Err: ErrNoLines}
	}
	return m.lines, m.stats, nil
}

// seenWords sizes the id filter: 2^26 bits (8 MB).
const seenWords = 1 << 20

// idHash spreads node ids over the filter's bits.
func idHash(id int64) uint64 { return (uint64(id) * 0x9E3779B97F4A7C15) >> 38 }

// opener opens the input afresh for each pass and says its size.
type opener func() (io.ReadCloser, int64, error)

// merger2 gathers decoded blocks in file order.
type merger2 struct {
	ext      orb.Bound
	nodes    map[int64]orb.Point
	seen     []uint64 // bit per id hash: most refs outside the extent skip the map
	lines    []orb.LineString
	sawWays  bool
	unsorted bool
	stats    PBFStats
	work     int64 // nodes and references kept so far
	budget   int64
}

type decoded struct {
	b   *block
	err error
}

// pass reads the file once; withNodes false decodes ways only.
func (m *merger2) pass(ctx context.Context, open opener, withNodes bool, progress func(done, total int64)) error {
	f, size, err := open()
	if err != nil {
		return err
	}
	defer f.Close()
	br := &blobReader{r: bufio.NewReaderSize(f, 1<<20), size: size}
	if err := br.header(); err != nil {
		return err
	}
	order := make(chan chan decoded, 2*runtime.GOMAXPROCS(0))
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		readErr <- br.feed(ctx, order, m.ext, withNodes, func() {
			if progress != nil {
				progress(br.off, size)
			}
		})
	}()
	var first error
	for c := range order {
		d := <-c
		if d.err != nil && first == nil {
			first = d.err
		}
		if first == nil {
			first = m.add(d.b, withNodes)
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return first
}

// add merges one block: nodes into the map, ways cut into lines. It
// fails when the file's work exceeds its budget.
func (m *merger2) add(b *block, withNodes bool) error {
	m.stats.Blocks++
	m.stats.WaysTooLong += b.tooLong
	m.work += int64(len(b.nodeIDs) + b.refs)
	if m.work > m.budget {
		return fmt.Errorf("%w: over %d nodes and references from a file of %d KB", ErrTooMuchWork, m.budget, (m.budget-workFloor)/workPerByte>>10)
	}
	if withNodes {
		m.stats.Nodes += b.nodesSeen
		if b.nodesSeen > 0 && m.sawWays {
			m.unsorted = true
		}
		for i, id := range b.nodeIDs {
			m.nodes[id] = b.nodeXY[i]
			h := idHash(id)
			m.seen[h>>6] |= 1 << (h & 63)
		}
		m.stats.NodesKept = len(m.nodes)
	}
	m.stats.Ways += b.waysSeen
	m.sawWays = m.sawWays || b.waysSeen > 0
	for _, refs := range b.ways {
		n := len(m.lines)
		m.lines = m.cut(refs, m.lines)
		if len(m.lines) > n {
			m.stats.WaysKept++
		}
	}
	m.stats.Lines = len(m.lines)
	return nil
}

// cut appends the runs of the way's nodes that are known (inside the
// extent) as lines of two or more points.
func (m *merger2) cut(refs []int64, out []orb.LineString) []orb.LineString {
	var cur orb.LineString
	for _, id := range refs {
		var p orb.Point
		ok := false
		if h := idHash(id); m.seen[h>>6]&(1<<(h&63)) != 0 {
			p, ok = m.nodes[id]
		}
		if ok {
			cur = append(cur, p)
			continue
		}
		if len(cur) >= 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	if len(cur) >= 2 {
		out = append(out, cur)
	}
	return out
}

// blobReader reads the length-prefixed blobs of a PBF file.
type blobReader struct {
	r    *bufio.Reader
	off  int64
	size int64 // of the input: a blob claiming more than is left is truncated
}

// next returns the type and Blob message of the next blob; io.EOF at a
// clean end.
func (br *blobReader) next() (string, []byte, error) {
	var n [4]byte
	if k, err := io.ReadFull(br.r, n[:]); err != nil {
		if err == io.EOF && k == 0 {
			return "", nil, io.EOF
		}
		return "", nil, ErrTruncated
	}
	hl := binary.BigEndian.Uint32(n[:])
	if hl == 0 || hl > maxHeader {
		return "", nil, fmt.Errorf("%w: not an OSM PBF file (blob header of %d bytes at offset %d)", ErrFormat, hl, br.off)
	}
	hdr := make([]byte, hl)
	if _, err := io.ReadFull(br.r, hdr); err != nil {
		return "", nil, ErrTruncated
	}
	typ, size, err := parseBlobHeader(hdr)
	if err != nil {
		return "", nil, fmt.Errorf("%w: bad blob header at offset %d", ErrFormat, br.off)
	}
	if br.off+4+int64(hl)+int64(size) > br.size {
		return "", nil, ErrTruncated
	}
	blob := make([]byte, size)
	if _, err := io.ReadFull(br.r, blob); err != nil {
		return "", nil, ErrTruncated
	}
	br.off += 4 + int64(hl) + int64(size)
	return typ, blob, nil
}

func parseBlobHeader(b []byte) (typ string, size int, err error) {
	p := pb{b: b}
	size = -1
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		switch {
		case f == 1 && w == 2:
			typ = string(p.bytes())
		case f == 3 && w == 0:
			size = int(p.uvarint())
		default:
			p.skip(w)
		}
	}
	if p.err != nil || typ == "" || size < 0 || size > maxBlob {
		return "", 0, errProto
	}
	return typ, size, nil
}

// header reads the OSMHeader blob and checks its required features.
func (br *blobReader) header() error {
	typ, blob, err := br.next()
	if err == io.EOF {
		return fmt.Errorf("%w: empty file", ErrFormat)
	}
	if err != nil {
		return err
	}
	if typ != "OSMHeader" {
		return fmt.Errorf("%w: not an OSM PBF file (first blob is %q, not OSMHeader)", ErrFormat, typ)
	}
	data, err := inflate(blob)
	if err != nil {
		return err
	}
	p := pb{b: data}
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		if f != 4 || w != 2 {
			p.skip(w)
			continue
		}
		if feat := string(p.bytes()); feat != "OsmSchema-V0.6" && feat != "DenseNodes" {
			return fmt.Errorf("%w: unsupported required feature %q", ErrFormat, feat)
		}
	}
	if p.err != nil {
		return fmt.Errorf("%w: bad header block", ErrFormat)
	}
	return nil
}

// feed reads the data blobs and hands each to a decoding goroutine,
// queueing their results in file order.
func (br *blobReader) feed(ctx context.Context, order chan<- chan decoded, ext orb.Bound, withNodes bool, tick func()) error {
	for {
		if ctx.Err() != nil {
			return ErrCanceled
		}
		typ, blob, err := br.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		tick()
		if typ != "OSMData" {
			continue
		}
		c := make(chan decoded, 1)
		order <- c
		go func() {
			b, err := decodeBlob(blob, ext, withNodes)
			c <- decoded{b, err}
		}()
	}
}

// inflate returns a Blob's data, decompressing zlib.
func inflate(blob []byte) ([]byte, error) {
	p := pb{b: blob}
	var raw, z []byte
	size := -1
	for f, w, ok := p.next(); ok; f, w, ok = p.next() {
		switch {
		case f == 1 && w == 2:
			raw = p.bytes()
		case f == 2 && w == 0:
			size = int(p.uvarint())
		case f == 3 && w == 2:
			z = p.bytes()
		case f >= 4 && f <= 7:
			return nil, fmt.Errorf("%w: compression other than zlib (field %d); re-encode with osmium cat", ErrFormat, f)
		default:
			p.skip(w)
		}
	}
	if p.err != nil {
		return nil, fmt.Errorf("%w: bad blob", ErrFormat)
	}
	if raw != nil {
		return raw, nil
	}
	if size < 0 || size > maxBlob {
		return nil, fmt.Errorf("%w: blob size %d", ErrFormat, size)
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("%w: bad zlib data: %v", ErrFormat, err)
	}
	if size > 1032*len(z)+64 { // beyond deflate's largest ratio: a lying size
		return nil, fmt.Errorf("%w: blob claims %d bytes from %d compressed", ErrFormat, size, len(z))
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("%w: bad zlib data: %v", ErrFormat, err)
	}
	return out, nil
}

// errBlock is returned for a block that does not decode.
var errBlock = errors.New("bad data block")
