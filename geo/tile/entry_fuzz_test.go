package tile

import (
	"bytes"
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// FuzzDecodeEntry: any bytes decode to an entry or ErrCorrupt, never a
// panic; a decoded entry encodes back to bytes that decode the same.
func FuzzDecodeEntry(f *testing.F) {
	dir := f.TempDir()
	c := &DiskCache{Dir: dir}
	c.Put(liwan, pngTile(f, 256, color.White), Meta{ETag: `"x"`, Fetched: time.Unix(1e9, 0).UTC(), Expires: time.Unix(2e9, 0).UTC()})
	good, _ := os.ReadFile(c.path(liwan))
	f.Add(good)
	f.Add([]byte("LWT1\xff\xff\xff\xff{}"))
	f.Add([]byte("LWT1\x00\x00\x00\x02{}"))
	f.Add([]byte("LWT1\x00\x00\x00\x04null"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		img, m, err := decodeEntry(b)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v is not ErrCorrupt", err)
			}
			return
		}
		c2 := &DiskCache{Dir: t.TempDir()}
		if err := c2.Put(liwan, img, m); err != nil {
			t.Fatal(err)
		}
		img2, m2, err := c2.Get(liwan)
		if err != nil || !bytes.Equal(img, img2) || !m.Expires.Equal(m2.Expires) || m.ETag != m2.ETag {
			t.Fatalf("round trip: %v", err)
		}
	})
}

// TestDiskCacheHostileFiles: a FIFO, a link to an endless device and an
// oversized file in the cache are corrupt entries, read in bounded time.
func TestDiskCacheHostileFiles(t *testing.T) {
	dir := t.TempDir()
	c := &DiskCache{Dir: dir}
	p := c.path(liwan)
	os.MkdirAll(filepath.Dir(p), 0o755)
	tests := []struct {
		name string
		make func() error
	}{
		{"fifo", func() error { return syscall.Mkfifo(p, 0o644) }},
		{"link to /dev/zero", func() error { return os.Symlink("/dev/zero", p) }},
		{"oversized", func() error { return os.WriteFile(p, make([]byte, maxEntry+1), 0o644) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(p)
			if err := tt.make(); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() { _, _, err := c.Get(liwan); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, ErrCorrupt) {
					t.Errorf("err = %v, want ErrCorrupt", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Get blocked")
			}
		})
	}
}
