package app

import (
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestJoinSoftBreaks(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"chinese", "# 标题\n第一句。\n第二句。\n\n下一段", "# 标题\n第一句。第二句。\n\n下一段"},
		{"english", "First line\nsecond line.", "First line second line."},
		{"list", "- 甲\n- 乙\n  续\n1. one\n2. two", "- 甲\n- 乙续\n1. one\n2. two"},
		{"code", "```\na\nb\n```\nx\ny", "```\na\nb\n```\nx y"},
		{"mixed", "读取 MBTiles\n文件", "读取 MBTiles文件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := joinSoftBreaks(tc.in); got != tc.want {
				t.Errorf("joinSoftBreaks(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// singleRuneRows is the longest run of rows of one letter each in a rich
// text laid out w wide: a paragraph wrapped one character per line (a
// last character alone on its row is fine).
func singleRuneRows(t *testing.T, rt *widget.RichText, w float32) int {
	rt.Resize(fyne.NewSize(w, rt.MinSize().Height))
	rt.Resize(fyne.NewSize(w, rt.MinSize().Height))
	run, longest := 0, 0
	for _, o := range test.TempWidgetRenderer(t, rt).Objects() {
		txt, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		if r := []rune(txt.Text); len(r) == 1 && unicode.IsLetter(r[0]) {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// The user guide wraps as text at every dialog width: no paragraph falls
// to one character a line (it did at 760 px, the dialog's width, under
// Xvfb with the app's font).
func TestGuideWrapsAsText(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newCJKTheme(assets.FontTTF))
	defer i18n.SetLanguage("zh")
	broken := 0
	for _, lang := range i18n.Languages {
		i18n.SetLanguage(lang)
		md := i18n.Doc("guide")
		for w := float32(300); w <= 800; w += 7 {
			if n := singleRuneRows(t, helpText(md), w); n >= 3 {
				t.Errorf("%s guide %.0f px wide: %d rows of one character in a row", lang, w, n)
			}
			plain := widget.NewRichTextFromMarkdown(md)
			plain.Wrapping = fyne.TextWrapWord
			if singleRuneRows(t, plain, w) >= 3 {
				broken++
			}
		}
	}
	t.Logf("Fyne's own markdown text broke at %d of %d widths", broken, 2*72)
	if broken == 0 {
		t.Error("Fyne's markdown rich text wrapped the guide well at every width: the check finds nothing")
	}
}
