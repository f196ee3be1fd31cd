package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"testing"
)

// TestEncodePNGRoundTrip: the parallel encoder's output decodes (with the
// standard decoder) to the very pixels encoded, for opaque and translucent
// images of awkward sizes.
func TestEncodePNGRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, tc := range []struct {
		name   string
		w, h   int
		opaque bool
	}{
		{"one row", 37, 1, true}, {"odd opaque", 301, 257, true}, {"tall opaque", 64, 2000, true},
		{"translucent", 129, 300, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, tc.w, tc.h))
			for y := 0; y < tc.h; y++ {
				for x := 0; x < tc.w; x++ {
					c := color.NRGBA{uint8(x * 7), uint8(y * 3), uint8(rng.Intn(256)), 255}
					if !tc.opaque {
						c.A = uint8(rng.Intn(256))
					}
					img.Set(x, y, c)
				}
			}
			var buf bytes.Buffer
			if err := encodePNG(&buf, img, 300); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != img.Bounds() {
				t.Fatalf("size %v, want %v", got.Bounds(), img.Bounds())
			}
			for y := 0; y < tc.h; y++ {
				for x := 0; x < tc.w; x++ {
					a := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
					b := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
					// Premultiplied colours round-trip within 1 when translucent.
					if a.A != b.A || a.A != 0 && (diff(a.R, b.R) > 1 || diff(a.G, b.G) > 1 || diff(a.B, b.B) > 1) || tc.opaque && a != b {
						t.Fatalf("pixel %d,%d: %v, want %v", x, y, b, a)
					}
				}
			}
		})
	}
}

func TestAdler32Combine(t *testing.T) {
	a, b := []byte("荔湾 school plan"), bytes.Repeat([]byte{0xff, 1, 2}, 70000)
	want := adler(append(append([]byte{}, a...), b...))
	if got := adler32Combine(adler(a), adler(b), len(b)); got != want {
		t.Errorf("combined %08x, want %08x", got, want)
	}
}

func adler(b []byte) uint32 {
	s1, s2 := uint32(1), uint32(0)
	for _, c := range b {
		s1 = (s1 + uint32(c)) % 65521
		s2 = (s2 + s1) % 65521
	}
	return s2<<16 | s1
}

func diff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
