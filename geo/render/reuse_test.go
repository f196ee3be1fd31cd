package render

import (
	"image"
	"testing"
)

// TestOverlayReuseLeavesNoResidue: the overlay buffer is reused between
// rasterisations; drawing A, then B, then A again must give A exactly.
func TestOverlayReuseLeavesNoResidue(t *testing.T) {
	a := testScene(t)
	b := testScene(t)
	b.Layers[Catchments].On = false
	b.Year, b.Version = 2021, 2
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
	draw := func(sc *Scene) *image.RGBA {
		dst := image.NewRGBA(image.Rect(0, 0, guanggang.Width, guanggang.Height))
		r.Render(dst, guanggang, sc, false)
		return dst
	}
	first := draw(a)
	draw(b)
	a.Version = 3
	again := draw(a)
	if !sameImage(first, again) {
		n := 0
		for i := range first.Pix {
			if first.Pix[i] != again.Pix[i] {
				n++
			}
		}
		t.Errorf("%d bytes differ after redrawing the same scene", n)
	}
}
