// Package atomicfile writes files so that readers and a crash see the old
// file or the new one, never a part. Floor: ground (standard library only).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrNotRegular is returned for a path that names something other than a
// regular file (a folder, a device node, a FIFO): it is never replaced.
var ErrNotRegular = errors.New("atomicfile: not a regular file")

// ErrFolder comes with ErrNotRegular when the path is a folder, so the
// message can say so rather than name a temporary file.
var ErrFolder = errors.New("atomicfile: is a folder")

// staleAfter is how old a temporary file of the same name must be to count
// as left by a crash rather than by a save under way.
var staleAfter = time.Minute

// Seams for tests.
var (
	createTemp = os.CreateTemp
	syncDir    = fsyncDir
)

// WriteFile writes a file through a temporary file in the same folder,
// synced and then renamed over path, and syncs the folder: readers (and a
// crash) see the old file or the new one, never a part. When write fails
// (a full disk, a cancelled export) the temporary file is removed and path
// is untouched. The folder must exist.
//
// A symbolic link is followed: its target is written and the link stays.
// A path naming a folder, device or FIFO is refused with ErrNotRegular.
// An existing file keeps its permission bits (new files get 0644).
// Temporary files of the same name older than a minute, left by a crash,
// are removed. Errors creating the file name the folder, not the
// temporary file.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	target, mode, err := resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	removeStale(dir, filepath.Base(target))
	f, err := createTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return &os.PathError{Op: "create", Path: dir, Err: unwrapPath(err)}
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = finish(f, target, mode); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return syncDir(dir)
}

// finish sets the mode, syncs, closes and renames the temporary file.
func finish(f *os.File, target string, mode fs.FileMode) error {
	if err := f.Chmod(mode); err != nil { // CreateTemp makes it owner-only
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), target)
}

// Target is the file a write to path replaces, for writers that make their
// own temporary file (SQLite): symbolic links are followed, and a folder,
// device or FIFO is refused with ErrNotRegular (a folder also with
// ErrFolder), so a rename never replaces one. mode is the permission the
// new file keeps (0644 for a new file).
func Target(path string) (target string, mode fs.FileMode, err error) { return resolve(path) }

// resolve follows symbolic links to the file to replace and returns it with
// the mode the new file gets.
func resolve(path string) (string, fs.FileMode, error) {
	target := path
	for range 40 {
		st, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, 0o644, nil
		case err != nil:
			return "", 0, err
		case st.Mode().IsRegular():
			return target, st.Mode().Perm(), nil
		case st.IsDir():
			return "", 0, fmt.Errorf("%w: %w: %s", ErrNotRegular, ErrFolder, path)
		case st.Mode()&fs.ModeSymlink == 0:
			return "", 0, fmt.Errorf("%w: %s (%v)", ErrNotRegular, path, st.Mode().Type())
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", 0, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", 0, fmt.Errorf("atomicfile: %s: too many links", path)
}

// removeStale removes ".base.tmp-*" files older than staleAfter from dir.
func removeStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+escapeGlob(base)+".tmp-*"))
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

func escapeGlob(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fsyncDir makes a rename in dir durable.
func fsyncDir(dir string) error {
	if runtime.GOOS == "windows" { // folders cannot be opened for syncing there
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// WriteBytes is WriteFile for data already in memory.
func WriteBytes(path string, b []byte) error {
	return WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
