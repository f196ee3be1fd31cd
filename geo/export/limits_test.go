package export

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"testing"
)

// TestPagePixelLimit: pages over MaxPixels (20000×20000 pixels, A3 at
// 1200 dpi) are refused before anything is drawn, with the highest
// resolution that fits; the largest page that fits is computed, not
// refused.
func TestPagePixelLimit(t *testing.T) {
	e := testExporter(t)
	for _, c := range []struct {
		name string
		mod  func(*Options)
	}{
		{"20000×20000 px", func(o *Options) { o.Paper, o.WidthPx, o.HeightPx = "", 20000, 20000 }},
		{"A3 at 1200 dpi", func(o *Options) { o.Paper, o.DPI = "A3", 1200 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := testOptions(t, PNG)
			c.mod(&o)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var buf bytes.Buffer
			err := e.Write(context.Background(), &buf, o, nil)
			runtime.ReadMemStats(&after)
			var se *SizeError
			if !errors.As(err, &se) || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want a SizeError", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 50<<20 {
				t.Errorf("allocated %d MB before refusing", grew>>20)
			}
			fit := o
			if o.Paper == "" {
				fit.WidthPx, fit.HeightPx = se.FitW, se.FitH
			} else {
				fit.DPI = float64(se.MaxDPI)
			}
			wMM, hMM, err := fit.pageMM()
			if err != nil || fit.checkPixels(wMM, hMM) != nil || wMM*hMM == 0 {
				t.Errorf("the suggested fit (%+v) is refused: %v", se, err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes", buf.Len())
			}
		})
	}
}
