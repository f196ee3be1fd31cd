package tile

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
)

// ErrCorrupt marks a cache file that cannot be read back; it is removed.
var ErrCorrupt = errors.New("tile: corrupt cache entry")

const diskMagic = "LWT1"

// DiskCache keeps tiles with their Meta under Dir/{z}/{x}/{y}.tile. Each
// entry is one file (magic, meta length, meta JSON, image bytes) written to
// a temporary file and renamed into place, so a crash or a full disk never
// leaves a half-written tile that looks valid.
type DiskCache struct {
	Dir string
}

func (c *DiskCache) path(t maptile.Tile) string {
	return filepath.Join(c.Dir, strconv.Itoa(int(t.Z)), strconv.FormatUint(uint64(t.X), 10),
		strconv.FormatUint(uint64(t.Y), 10)+".tile")
}

// maxEntry caps a cache file read back: a tile (1 MiB at most, as
// fetched) and its meta. A larger file, or anything but a regular file
// (a FIFO, a link to a device), is corrupt.
const maxEntry = 1<<20 + 64<<10

// Get returns the cached bytes and meta; os.ErrNotExist when absent.
// A corrupt entry is removed and reported as ErrCorrupt.
func (c *DiskCache) Get(t maptile.Tile) ([]byte, Meta, error) {
	b, err := readEntry(c.path(t))
	if err == nil {
		var img []byte
		var m Meta
		if img, m, err = decodeEntry(b); err == nil {
			return img, m, nil
		}
	}
	if errors.Is(err, ErrCorrupt) {
		os.Remove(c.path(t))
	}
	return nil, Meta{}, err
}

// readEntry reads a regular file of at most maxEntry bytes.
func readEntry(path string) ([]byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxEntry {
		return nil, ErrCorrupt
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxEntry+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxEntry {
		return nil, ErrCorrupt
	}
	return b, nil
}

// decodeEntry splits a cache entry (magic, meta length, meta JSON, image
// bytes) into the image bytes and the meta.
func decodeEntry(b []byte) ([]byte, Meta, error) {
	if len(b) < 8 || string(b[:4]) != diskMagic {
		return nil, Meta{}, ErrCorrupt
	}
	n := uint64(binary.BigEndian.Uint32(b[4:8]))
	if 8+n > uint64(len(b)) {
		return nil, Meta{}, ErrCorrupt
	}
	var m Meta
	if err := json.Unmarshal(b[8:8+n], &m); err != nil {
		return nil, Meta{}, ErrCorrupt
	}
	return b[8+n:], m, nil
}

// Put stores a tile atomically (temporary file in the same folder, sync,
// rename).
func (c *DiskCache) Put(t maptile.Tile, img []byte, m Meta) error {
	mb, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(diskMagic)
	binary.Write(&buf, binary.BigEndian, uint32(len(mb)))
	buf.Write(mb)
	buf.Write(img)
	if err := os.MkdirAll(filepath.Dir(c.path(t)), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteBytes(c.path(t), buf.Bytes())
}
