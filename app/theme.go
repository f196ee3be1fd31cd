package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// cjkTheme is Fyne's default theme with the bundled CJK font for every
// text style, so Chinese renders the same on every OS.
type cjkTheme struct {
	font fyne.Resource
}

var _ fyne.Theme = (*cjkTheme)(nil)

func newCJKTheme(ttf []byte) *cjkTheme {
	return &cjkTheme{font: fyne.NewStaticResource("wqy-microhei.ttf", ttf)}
}

func (t *cjkTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func (t *cjkTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

func (t *cjkTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *cjkTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
