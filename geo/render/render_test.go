package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
)

// synthTiles serves deterministic tiles: a checker of two greys with a
// darker border, so tile placement is visible in golden images.
type synthTiles struct{ cache map[maptile.Tile]*image.RGBA }

func (s *synthTiles) Get(t maptile.Tile) (*image.RGBA, bool) {
	if s.cache == nil {
		s.cache = map[maptile.Tile]*image.RGBA{}
	}
	if img, ok := s.cache[t]; ok {
		return img, true
	}
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	base := uint8(236)
	if (t.X+t.Y)%2 == 0 {
		base = 226
	}
	for y := 0; y < 256; y++ {
		for x := 0; x < 256; x++ {
			c := color.RGBA{base, base, base - 6, 255}
			if x == 0 || y == 0 {
				c = color.RGBA{180, 190, 200, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	s.cache[t] = img
	return img, true
}

func testScene(t testing.TB) *Scene {
	t.Helper()
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	return NewScene(sites, 2023)
}

func testFonts(t testing.TB) *Fonts {
	t.Helper()
	f, err := NewFonts(assets.FontTTF)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func sitesBound(sc *Scene) orb.Bound {
	var b orb.Bound
	first := true
	for _, s := range sc.Sites {
		if !s.Located {
			continue
		}
		if first {
			b, first = s.Location.Bound(), false
		}
		b = b.Extend(s.Location)
	}
	return b
}
