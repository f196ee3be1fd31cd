package render

import (
	"errors"
	"image"
	"image/color"
	"image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Fonts draws text with one TrueType font at any size. Faces are cached
// per size; a font.Face is not safe for concurrent use, so drawing is
// serialised.
type Fonts struct {
	mu    sync.Mutex
	font  *opentype.Font
	faces map[float64]font.Face
}

// ErrNoFont is returned when the font bytes are not a usable TrueType font.
var ErrNoFont = errors.New("render: font unusable")

// NewFonts parses a TrueType font (the bundled CJK font).
func NewFonts(ttf []byte) (*Fonts, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, errors.Join(ErrNoFont, err)
	}
	return &Fonts{font: f, faces: map[float64]font.Face{}}, nil
}

func (f *Fonts) face(size float64) font.Face {
	if fc, ok := f.faces[size]; ok {
		return fc
	}
	fc, err := opentype.NewFace(f.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		fc = nil
	}
	f.faces[size] = fc
	return fc
}

// Measure returns the advance width and line height of s in pixels.
func (f *Fonts) Measure(s string, size float64) (w, h int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fc := f.face(size)
	if fc == nil {
		return 0, 0
	}
	m := fc.Metrics()
	return font.MeasureString(fc, s).Ceil(), (m.Ascent + m.Descent).Ceil()
}

// Draw writes s with its top-left at (x, y). A non-transparent halo draws
// a 1-pixel outline around the glyphs, so labels stay legible on any
// basemap.
func (f *Fonts) Draw(dst draw.Image, s string, x, y int, size float64, col, halo color.RGBA) image.Rectangle {
	f.mu.Lock()
	defer f.mu.Unlock()
	fc := f.face(size)
	if fc == nil {
		return image.Rectangle{}
	}
	asc := fc.Metrics().Ascent.Ceil()
	d := &font.Drawer{Dst: dst, Face: fc}
	if halo.A > 0 {
		d.Src = image.NewUniform(halo)
		for _, o := range [][2]int{{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}} {
			d.Dot = fixed.P(x+o[0], y+asc+o[1])
			d.DrawString(s)
		}
	}
	d.Src = image.NewUniform(col)
	d.Dot = fixed.P(x, y+asc)
	d.DrawString(s)
	m := fc.Metrics()
	return image.Rect(x-1, y-1, x+font.MeasureString(fc, s).Ceil()+1, y+(m.Ascent+m.Descent).Ceil()+1)
}

// Ascent is the height of the font above the baseline at size, in pixels
// (as Draw places it: whole pixels).
func (f *Fonts) Ascent(size float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	fc := f.face(size)
	if fc == nil {
		return 0
	}
	return float64(fc.Metrics().Ascent.Ceil())
}
