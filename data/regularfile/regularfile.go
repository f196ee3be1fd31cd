// Package regularfile opens the files a user names as input only when they
// are regular files. A FIFO, a device or a folder given where a file is
// expected would block forever in open (a FIFO without a writer) or read
// without end (/dev/zero); here it is refused at once. Floor: ground
// (standard library only).
package regularfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Errors of the package; test with errors.Is. They come wrapped in an
// *fs.PathError naming the file.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// Open opens path for reading when it is a regular file (symbolic links
// are followed). The open never blocks: on unix it uses O_NONBLOCK, so a
// FIFO without a writer opens at once and is then refused; the check is
// made on the opened file (fstat), so a file swapped after a check by name
// is caught too. Elsewhere (Windows, where named pipes are not files of a
// folder) it is a plain open.
func Open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(path, st.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, st.Mode())
	}
	return f, nil
}

func notRegular(path string, m fs.FileMode) error {
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(m))}
}

// kind names a file type for the message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return m.Type().String()
}

// Check says whether path is a regular file that opens, for readers that
// open the file themselves (SQLite).
func Check(path string) error {
	f, err := Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// ReadFile reads path, a regular file of at most limit bytes. A larger
// file is refused with ErrTooLarge before anything is read, and a file
// that grows while being read stops at limit+1 bytes and is refused too:
// memory never exceeds limit+1.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, tooLarge(path, st.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(path, int64(len(b)), limit)
	}
	return b, nil
}

func tooLarge(path string, size, limit int64) error {
	return &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w (%d bytes, at most %d)", ErrTooLarge, size, limit)}
}
