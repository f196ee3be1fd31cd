package data

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// ExplainWriteError turns an error from writing path (a file the user
// chose) into a sentence for them, in the current language: what went
// wrong, naming the file or the folder they chose (never a temporary
// file), and what to do. Errors it does not know are returned as they are.
func ExplainWriteError(path string, err error) string {
	dir := filepath.Dir(path)
	switch {
	case isDiskFull(err):
		return i18n.T("robust.write.full", dir)
	case errors.Is(err, syscall.EROFS):
		return i18n.T("robust.write.readonly", dir)
	case errors.Is(err, fs.ErrPermission):
		return i18n.T("robust.write.permission", dir)
	case errors.Is(err, atomicfile.ErrFolder):
		return i18n.T("limits.write.folder", path)
	case errors.Is(err, atomicfile.ErrNotRegular):
		return i18n.T("robust.write.notregular", path)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return i18n.T("robust.write.nofolder", path)
	}
	return err.Error()
}

// isDiskFull is ENOSPC or SQLite's "database or disk is full" (code 13),
// which the GeoPackage writer reports as text.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) ||
		strings.Contains(err.Error(), "database or disk is full") || strings.Contains(err.Error(), "SQLITE_FULL")
}
