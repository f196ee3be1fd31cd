// Command xwdcheck converts an X window dump (xwd -root) to PNG and fails
// when the picture is blank: the smoke test's proof that the app drew a
// window. It reads 24/32-bit ZPixmap dumps, which is what Xvfb produces.
//
//	go run ./scripts/xwdcheck shot.xwd shot.png
//
// Floor: tools (developer commands; nothing imports them).
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: xwdcheck IN.xwd OUT.png")
		os.Exit(2)
	}
	img, err := readXWD(os.Args[1])
	if err == nil {
		err = writePNG(os.Args[2], img)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "xwdcheck:", err)
		os.Exit(1)
	}
	colours, lit := stats(img)
	fmt.Printf("xwdcheck: %dx%d, %d distinct colours, %.1f%% non-black\n", img.Bounds().Dx(), img.Bounds().Dy(), colours, lit*100)
	if colours < 50 || lit < 0.2 {
		fmt.Fprintln(os.Stderr, "xwdcheck: the screen is blank: the app drew no window")
		os.Exit(1)
	}
}

func readXWD(path string) (*image.RGBA, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 100 {
		return nil, errors.New("not an XWD file: too short")
	}
	h := func(i int) int { return int(binary.BigEndian.Uint32(b[4*i:])) }
	headerSize, format, w, ht := h(0), h(2), h(4), h(5)
	byteOrder, bpp, bpl, ncolors := h(7), h(11), h(12), h(19)
	if h(1) != 7 || format != 2 || (bpp != 24 && bpp != 32) {
		return nil, fmt.Errorf("unsupported XWD: version %d, format %d, %d bpp", h(1), format, bpp)
	}
	off := headerSize + 12*ncolors
	if off+bpl*ht > len(b) {
		return nil, errors.New("XWD file truncated")
	}
	img := image.NewRGBA(image.Rect(0, 0, w, ht))
	step := bpp / 8
	for y := 0; y < ht; y++ {
		row := b[off+y*bpl:]
		for x := 0; x < w; x++ {
			p := row[x*step:]
			var v uint32
			if byteOrder == 0 { // LSBFirst
				v = uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16
			} else {
				v = uint32(p[step-1]) | uint32(p[step-2])<<8 | uint32(p[step-3])<<16
			}
			img.SetRGBA(x, y, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255})
		}
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func stats(img *image.RGBA) (colours int, lit float64) {
	seen := map[[3]uint8]bool{}
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		c := [3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}
		seen[c] = true
		if c != [3]uint8{} {
			n++
		}
	}
	return len(seen), float64(n) / float64(len(img.Pix)/4)
}
