package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteThroughSymlink: the link stays a link and its target gets the
// new bytes.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "plan.gpkg")
	os.Mkdir(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("old"), 0o644)
	link := filepath.Join(dir, "plan.gpkg")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a regular file (%v)", err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target holds %q, want new", b)
	}
	// A dangling link is written at its target.
	dangling := filepath.Join(dir, "later.png")
	os.Symlink(filepath.Join(dir, "real", "later.png"), dangling)
	if err := WriteBytes(dangling, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&os.ModeSymlink == 0 {
		t.Error("a dangling link was replaced")
	}
}

// TestRefuseSpecialFiles: a device node or FIFO is never replaced.
func TestRefuseSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
	link := filepath.Join(dir, "null.png")
	os.Symlink("/dev/null", link)
	for _, p := range []string{fifo, link, dir} {
		err := WriteBytes(p, []byte("x"))
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err = %v, want ErrNotRegular", p, err)
		}
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	if st, _ := os.Stat("/dev/null"); st.Mode()&os.ModeDevice == 0 {
		t.Error("/dev/null is no longer a device")
	}
}

// TestKeepMode: an existing file keeps its permission bits.
func TestKeepMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.gpkg")
	os.WriteFile(path, []byte("old"), 0o600)
	os.Chmod(path, 0o600)
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
}

// TestStaleTemporaries: temporary files a crash left for this file are
// removed at its next save; other files' and fresh ones are kept.
func TestStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.png")
	old := time.Now().Add(-2 * staleAfter)
	stale := []string{".a.png.tmp-123", ".a.png.tmp-456"}
	keep := []string{".b.png.tmp-123", "a.png.tmp-1", ".a.png.tmpx"}
	for _, n := range append(stale, keep...) {
		os.WriteFile(filepath.Join(dir, n), []byte("part"), 0o600)
		os.Chtimes(filepath.Join(dir, n), old, old)
	}
	fresh := filepath.Join(dir, ".a.png.tmp-789") // another save under way
	os.WriteFile(fresh, nil, 0o600)
	if err := WriteBytes(path, []byte("png")); err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(dir, n)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale %s kept", n)
		}
	}
	for _, n := range append(keep, filepath.Base(fresh)) {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s removed: %v", n, err)
		}
	}
}

// TestReadOnlyFolderNamesFolder: the error names the folder chosen, not
// the temporary file.
func TestReadOnlyFolderNamesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o555)
	if os.Geteuid() == 0 { // root writes anywhere: the file system refuses instead
		defer func(f func(string, string) (*os.File, error)) { createTemp = f }(createTemp)
		createTemp = func(dir, pattern string) (*os.File, error) {
			return nil, &os.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EACCES}
		}
	}
	err := WriteBytes(filepath.Join(dir, "a.png"), []byte("x"))
	var pe *os.PathError
	if !errors.As(err, &pe) || pe.Path != dir || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err = %v, want a PathError naming %s", err, dir)
	}
	if !errors.Is(err, os.ErrPermission) {
		t.Errorf("err = %v, want permission", err)
	}
}

// TestSyncsFolder: the rename is made durable by syncing the folder.
func TestSyncsFolder(t *testing.T) {
	dir := t.TempDir()
	var synced []string
	defer func(f func(string) error) { syncDir = f }(syncDir)
	syncDir = func(d string) error { synced = append(synced, d); return nil }
	if err := WriteBytes(filepath.Join(dir, "a.csv"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if len(synced) != 1 || synced[0] != dir {
		t.Errorf("synced %v, want [%s]", synced, dir)
	}
}

// TestTargetRefuses: Target, for writers with their own temporary file,
// refuses what WriteFile refuses, and says when the path is a folder.
func TestTargetRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.gpkg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "null.gpkg")
	os.Symlink("/dev/null", link)
	for _, p := range []string{fifo, link} {
		if _, _, err := Target(p); !errors.Is(err, ErrNotRegular) || errors.Is(err, ErrFolder) {
			t.Errorf("%s: %v, want ErrNotRegular only", p, err)
		}
	}
	if _, _, err := Target(dir); !errors.Is(err, ErrNotRegular) || !errors.Is(err, ErrFolder) {
		t.Errorf("folder: %v, want ErrNotRegular and ErrFolder", err)
	}
	real := filepath.Join(dir, "real.gpkg")
	os.WriteFile(real, nil, 0o600)
	os.Symlink(real, filepath.Join(dir, "link.gpkg"))
	if got, mode, err := Target(filepath.Join(dir, "link.gpkg")); err != nil || got != real || mode != 0o600 {
		t.Errorf("link: %s %v %v, want %s 0600", got, mode, err, real)
	}
}
