package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestExplainWriteError(t *testing.T) {
	defer i18n.SetLanguage(i18n.Language())
	dir := filepath.Join("chosen", "folder")
	path := filepath.Join(dir, "a.png")
	tmp := &os.PathError{Op: "open", Path: filepath.Join(dir, ".a.png.tmp-123"), Err: syscall.EROFS}
	tests := []struct {
		name, lang string
		err        error
		want       []string
		not        string
	}{
		{"ENOSPC zh", "zh", fmt.Errorf("write: %w", syscall.ENOSPC), []string{"磁盘已满", dir}, "disk full"},
		{"ENOSPC en", "en", syscall.ENOSPC, []string{"disk full", dir}, "磁盘"},
		{"sqlite full", "en", errors.New("database or disk is full (13)"), []string{"disk full", dir}, "(13)"},
		{"read-only folder", "en", &os.PathError{Op: "create", Path: dir, Err: syscall.EROFS}, []string{"read-only", dir}, ".tmp-"},
		{"read-only temp path", "zh", tmp, []string{"只读", dir}, ".tmp-"},
		{"not regular", "en", fmt.Errorf("%w: x", atomicfile.ErrNotRegular), []string{"not a regular file", path}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i18n.SetLanguage(tt.lang)
			got := ExplainWriteError(path, tt.err)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			if tt.not != "" && strings.Contains(got, tt.not) {
				t.Errorf("%q holds %q", got, tt.not)
			}
		})
	}
}
