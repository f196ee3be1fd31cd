package tile

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
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

// Get returns the cached bytes and meta; os.ErrNotExist when absent.
func (c *DiskCache) Get(t maptile.Tile) ([]byte, Meta, error) {
	b, err := os.ReadFile(c.path(t))
	if err != nil {
		return nil, Meta{}, err
	}
	if len(b) < 8 || string(b[:4]) != diskMagic {
		os.Remove(c.path(t))
		return nil, Meta{}, ErrCorrupt
	}
	n := int(binary.BigEndian.Uint32(b[4:8]))
	if 8+n > len(b) {
		os.Remove(c.path(t))
		return nil, Meta{}, ErrCorrupt
	}
	var m Meta
	if err := json.Unmarshal(b[8:8+n], &m); err != nil {
		os.Remove(c.path(t))
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
