package regularfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestRefuseSpecial: a FIFO (without a writer), a link to /dev/zero and a
// folder are refused at once, by Open, Check and ReadFile alike.
func TestRefuseSpecial(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.mbtiles")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.png")
	os.Symlink("/dev/zero", zero)
	for _, p := range []string{fifo, zero, dir} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			if _, err := Open(p); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Open(%s) = %v, want ErrNotRegular", p, err)
			}
			if err := Check(p); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Check(%s) = %v, want ErrNotRegular", p, err)
			}
			if _, err := ReadFile(p, 1<<20); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(%s) = %v, want ErrNotRegular", p, err)
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: blocked", p)
		}
	}
}

// TestReadFileLimit: a file of limit bytes is read; one byte more, or a
// huge sparse file, is refused without being read.
func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tile.png")
	want := bytes.Repeat([]byte{7}, 1000)
	os.WriteFile(p, want, 0o644)
	link := filepath.Join(dir, "link.png")
	os.Symlink(p, link)
	for _, path := range []string{p, link} {
		if b, err := ReadFile(path, 1000); err != nil || !bytes.Equal(b, want) {
			t.Errorf("ReadFile(%s, 1000) = %d bytes, %v", path, len(b), err)
		}
	}
	if _, err := ReadFile(p, 999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile(999) = %v, want ErrTooLarge", err)
	}
	huge := filepath.Join(dir, "huge.png")
	os.WriteFile(huge, nil, 0o644)
	if err := os.Truncate(huge, 3<<30); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(huge, 4<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("3 GB file: %v, want ErrTooLarge", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none.png"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want not-exist", err)
	}
}
