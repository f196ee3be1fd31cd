package export

import (
	"errors"
	"math"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// MaxPixels is the largest page an export draws, 100 million pixels
// (10000×10000, A3 at 600 dpi is 70 million). A page costs about 5
// bytes a pixel while drawn and encoded, so this keeps an export under
// 600 MB; larger ones are refused before any pixel is allocated.
var MaxPixels = 100_000_000

// ScalePixelLimit lowers MaxPixels to what avail bytes of memory hold at 6
// bytes a pixel (never under 1 million); main calls it once at start.
func ScalePixelLimit(avail int64) {
	MaxPixels = max(1_000_000, min(MaxPixels, int(avail/6)))
}

// ErrTooLarge marks a page over MaxPixels.
var ErrTooLarge = errors.New("export: page too large")

// SizeError is a page over MaxPixels: its size in pixels and what would
// fit, the highest resolution of a paper page (MaxDPI) or a pixel size
// of the same shape (FitW×FitH).
type SizeError struct {
	W, H       int
	MaxDPI     int // paper pages
	FitW, FitH int // pixel sizes
}

func (e *SizeError) Error() string {
	mp := float64(e.W) * float64(e.H) / 1e6
	if e.MaxDPI > 0 {
		return i18n.T("limits.export.pixels", e.W, e.H, mp, MaxPixels/1_000_000, e.MaxDPI)
	}
	return i18n.T("limits.export.pixel_size", e.W, e.H, mp, MaxPixels/1_000_000, e.FitW, e.FitH)
}

func (e *SizeError) Unwrap() error { return ErrTooLarge }

// checkPixels refuses a page of wMM×hMM at o.DPI over MaxPixels.
func (o *Options) checkPixels(wMM, hMM float64) error {
	w, h := math.Round(o.px(wMM)), math.Round(o.px(hMM))
	if w*h <= float64(MaxPixels) {
		return nil
	}
	k := math.Sqrt(float64(MaxPixels) / (w * h))
	if o.Paper == "" {
		return &SizeError{W: int(w), H: int(h), FitW: int(w * k), FitH: int(h * k)}
	}
	return &SizeError{W: int(w), H: int(h), MaxDPI: int(o.DPI * k)}
}
