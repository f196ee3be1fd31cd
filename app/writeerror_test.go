package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportErrorNamesTheFolder: a full disk and a read-only folder are
// worded for the planner and name the folder chosen, not a temporary file.
func TestExportErrorNamesTheFolder(t *testing.T) {
	dir := filepath.Join("chosen")
	path := filepath.Join(dir, "a.png")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"ENOSPC", &os.PathError{Op: "write", Path: filepath.Join(dir, ".a.png.tmp-1"), Err: syscall.ENOSPC}, "磁盘已满"},
		{"SQLite full", errors.New("database or disk is full (13)"), "磁盘已满"},
		{"read-only", &os.PathError{Op: "create", Path: dir, Err: syscall.EROFS}, "只读"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := explainExportError(path, tt.err)
			if !strings.Contains(msg, tt.want) || !strings.Contains(msg, dir) || strings.Contains(msg, ".tmp-") || strings.Contains(msg, "(13)") {
				t.Errorf("%q", msg)
			}
		})
	}
}
