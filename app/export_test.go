package app

import (
	"bytes"
	"context"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/geo/export"
)

func validForm(dir string) exportForm {
	return exportForm{Format: "PNG", Page: pageForm{Size: "A4", Landscape: true}, DPI: "60", Date: "2026-11-26",
		Folder: dir, File: "plan"}
}

func TestExportFormValidation(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		mod  func(f *exportForm)
		err  string
	}{
		{"valid", func(f *exportForm) {}, ""},
		{"bad dpi", func(f *exportForm) { f.DPI = "lots" }, "分辨率"},
		{"NaN dpi", func(f *exportForm) { f.DPI = "NaN" }, "分辨率"},
		{"infinite dpi", func(f *exportForm) { f.DPI = "Inf" }, "分辨率"},
		{"bad pixels", func(f *exportForm) { f.Page = pageForm{Size: i18n.T(pixelSize), WidthPx: "100", HeightPx: "x"} }, "像素尺寸"},
		{"bad date", func(f *exportForm) { f.Date = "26/11/2026" }, "日期"},
		{"no file name", func(f *exportForm) { f.File = " " }, "文件名"},
		{"path in file name", func(f *exportForm) { f.File = "../x" }, "文件名"},
		{"missing folder", func(f *exportForm) { f.Folder = filepath.Join(dir, "nope") }, "不存在"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validForm(dir)
			tt.mod(&f)
			o, path, err := f.options(u.dlg.export)
			if tt.err == "" {
				if err != nil || path != filepath.Join(dir, "plan.png") || o.Title != defaultTitle(2023) {
					t.Errorf("valid form: %v %q %q", err, path, o.Title)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("err %v, want one about %q", err, tt.err)
			}
		})
	}
}

func TestExportFromApp(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	f := validForm(dir)
	o, path, err := f.options(u.dlg.export)
	if err != nil {
		t.Fatal(err)
	}
	// What you see is what you get: the extent is the current view.
	if got, want := o.Extent, viewBound(u.Map.View()); got != want {
		t.Errorf("extent %v, view %v", got, want)
	}
	var stages []string
	if err := u.dlg.export.exportTo(context.Background(), path, o, func(p export.Progress) { stages = append(stages, p.Stage) }); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() != 702 {
		t.Errorf("exported PNG %v, %v", err, img)
	}
	if len(stages) == 0 {
		t.Error("no progress reported")
	}
	// A cancelled export writes nothing and says so.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p2 := filepath.Join(dir, "cancelled.png")
	err = u.dlg.export.exportTo(ctx, p2, o, nil)
	if _, statErr := os.Stat(p2); err == nil || statErr == nil {
		t.Errorf("cancelled export: err %v, file exists %v", err, statErr == nil)
	}
	if msg := explainExportError(p2, err); !strings.Contains(msg, "取消") {
		t.Errorf("message %q", msg)
	}
}
