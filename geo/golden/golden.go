// Package golden compares rendered images with golden PNG files, for the
// tests of every package that draws. Floor: ground (standard library only).
package golden

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// Tolerance is how far a (premultiplied) channel may differ (anti-aliasing may differ in
// the last bits across CPUs) and PerMille how many pixels in a thousand
// may differ by more before an image fails.
const (
	Tolerance = 8
	PerMille  = 1
)

// Assert compares img with testdata/NAME.png. A difference fails the test
// and writes the image to testdata/failed/NAME.png; UPDATE_GOLDEN=1
// rewrites the golden file instead (and fails the test when it cannot).
func Assert(t testing.TB, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		WritePNG(t, path, img)
		return
	}
	want, err := ReadPNG(path)
	if err != nil {
		t.Fatalf("golden %s: %v (UPDATE_GOLDEN=1 to create)", path, err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	if bad := Differing(img, want); bad > img.Bounds().Dx()*img.Bounds().Dy()*PerMille/1000 {
		failed := filepath.Join("testdata", "failed", name+".png")
		WritePNG(t, failed, img)
		t.Errorf("%s: %d pixels differ from the golden image; see %s", name, bad, failed)
	}
}

// Differing counts the pixels whose colour channels differ by more than
// Tolerance. Both images must have the same bounds.
func Differing(a, b image.Image) int {
	bad := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := color.RGBAModel.Convert(a.At(x, y)).(color.RGBA)
			q := color.RGBAModel.Convert(b.At(x, y)).(color.RGBA)
			if far(p.R, q.R) || far(p.G, q.G) || far(p.B, q.B) || far(p.A, q.A) {
				bad++
			}
		}
	}
	return bad
}

func far(a, b uint8) bool {
	return int(a)-int(b) > Tolerance || int(b)-int(a) > Tolerance
}

// ReadPNG decodes a PNG file.
func ReadPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// WritePNG encodes img to path, creating the folder; any error fails t.
func WritePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		t.Fatalf("write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
}

// ReadDPI returns the resolution in a PNG's pHYs chunk, or 0 (for tests of PNG writers).
func ReadDPI(b []byte) float64 {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if string(b[i+4:i+8]) == "pHYs" && n == 9 && i+8+9 <= len(b) && b[i+16] == 1 {
			return float64(binary.BigEndian.Uint32(b[i+8:])) * 0.0254
		}
		i += 12 + n
	}
	return 0
}
