package golden

import (
	"image"
	"image/color"
	"testing"
)

func TestDiffering(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 10, 10))
	b := image.NewRGBA(image.Rect(0, 0, 10, 10))
	tests := []struct {
		name string
		set  color.RGBA
		want int
	}{
		{"identical", color.RGBA{}, 0},
		{"within tolerance", color.RGBA{R: Tolerance, A: Tolerance}, 0},
		{"beyond tolerance", color.RGBA{G: Tolerance + 1, A: 255}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.SetRGBA(3, 4, tt.set)
			if got := Differing(a, b); got != tt.want {
				t.Errorf("Differing = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAssertCatchesADifference(t *testing.T) {
	t.Chdir(t.TempDir())
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	WritePNG(t, "testdata/x.png", img)
	img.SetRGBA(1, 1, color.RGBA{R: 255, A: 255}) // 1 of 1600 pixels: beyond 1‰
	img.SetRGBA(2, 2, color.RGBA{R: 255, A: 255})
	ft := &fakeT{TB: t}
	Assert(ft, "x", img)
	if !ft.failed {
		t.Error("Assert passed an image that differs from its golden")
	}
	if _, err := ReadPNG("testdata/failed/x.png"); err != nil {
		t.Errorf("no failed image written: %v", err)
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}
