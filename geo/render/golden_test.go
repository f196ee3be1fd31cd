package render

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// assertGolden compares img with testdata/NAME.png. Differences above a
// small tolerance (anti-aliasing may differ in the last bit across CPUs)
// fail the test and write the image to testdata/failed/. UPDATE_GOLDEN=1
// rewrites the golden file.
func assertGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		writePNG(t, path, img)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %s: %v (UPDATE_GOLDEN=1 to create)", path, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	bad := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2) > 8<<8 || absDiff(g1, g2) > 8<<8 || absDiff(b1, b2) > 8<<8 {
				bad++
			}
		}
	}
	if limit := img.Bounds().Dx() * img.Bounds().Dy() / 1000; bad > limit {
		failed := filepath.Join("testdata", "failed", name+".png")
		writePNG(t, failed, img)
		t.Errorf("%s: %d pixels differ from the golden image (limit %d); see %s", name, bad, limit, failed)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
