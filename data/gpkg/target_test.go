package gpkg

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
)

// TestWriteNeverReplacesSpecialFiles: a FIFO, a link to a device or a
// folder named as the GeoPackage is refused and left as it was (the
// temporary file was renamed over them before); a link to a regular file
// stays a link and its target is written.
func TestWriteNeverReplacesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.gpkg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	null := filepath.Join(dir, "null.gpkg")
	os.Symlink("/dev/null", null)
	folder := filepath.Join(dir, "folder.gpkg")
	os.Mkdir(folder, 0o755)
	for _, c := range []struct {
		path string
		mode os.FileMode
	}{{fifo, os.ModeNamedPipe}, {null, os.ModeSymlink}, {folder, os.ModeDir}} {
		if err := Write(c.path, sampleLayers()); !errors.Is(err, atomicfile.ErrNotRegular) {
			t.Errorf("%s: %v, want ErrNotRegular", c.path, err)
		}
		if st, err := os.Lstat(c.path); err != nil || st.Mode().Type() != c.mode {
			t.Errorf("%s replaced (%v)", c.path, err)
		}
	}
	real := filepath.Join(dir, "real.gpkg")
	link := filepath.Join(dir, "link.gpkg")
	os.Symlink(real, link)
	if err := Write(link, sampleLayers()); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if _, err := Read(real); err != nil {
		t.Errorf("target: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(left) > 0 {
		t.Errorf("left %v", left)
	}
}
