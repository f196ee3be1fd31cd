package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// PrefLanguage is the preference holding the interface language ("zh" or
// "en"). It is read at start (main, before any window), so a change in
// Settings applies after a restart.
const PrefLanguage = "ui.language"

// showShortcuts lists the keyboard shortcuts from the action table that
// binds them, so the list cannot disagree with the keys.
func (u *UI) showShortcuts() {
	sc := Shortcuts()
	t := widget.NewTable(func() (int, int) { return len(sc), 2 },
		func() fyne.CanvasObject { return widget.NewLabel("Ctrl+Shift+PageDown") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col == 0 {
				o.(*widget.Label).SetText(sc[id.Row].Keys)
			} else {
				o.(*widget.Label).SetText(sc[id.Row].Label)
			}
		})
	t.SetColumnWidth(0, 200)
	t.SetColumnWidth(1, 380)
	u.helpDialog(i18n.T("ui.help.shortcuts"), t, fyne.NewSize(640, 560))
}

// showGuide shows the embedded user guide in the current language.
func (u *UI) showGuide() {
	rt := helpText(i18n.Doc("guide"))
	u.helpDialog(i18n.T("ui.help.guide"), container.NewVScroll(rt), fyne.NewSize(760, 640))
}

// about shows the version, build date, data sources and licences.
func (u *UI) about() {
	rt := helpText(aboutText(u.dlg.version, u.dlg.built))
	u.helpDialog(i18n.T("ui.help.about"), container.NewVScroll(rt), fyne.NewSize(720, 560))
}

// aboutText is the About document; the build date clause is left out
// when the date is unknown (a plain go build without VCS information).
func aboutText(version, built string) string {
	clause := ""
	if built != "" {
		clause = i18n.T("words.about.built", built)
	}
	return i18n.Doc("about", version, clause)
}

func (u *UI) helpDialog(title string, content fyne.CanvasObject, size fyne.Size) {
	d := dialog.NewCustom(title, i18n.T("ui.close"), content, u.Window)
	d.Resize(size)
	showDialog(u.Window, d)
}

// languageChoice is the Settings row choosing the interface language; the
// choice is saved and applies after a restart (the texts of open windows
// and menus are built once).
func languageChoice(p fyne.Preferences, win fyne.Window) fyne.CanvasObject {
	names := []string{"中文", "English"}
	codes := map[string]string{"中文": "zh", "English": "en"}
	sel := widget.NewSelect(names, nil)
	if i18n.Language() == "en" {
		sel.SetSelected("English")
	} else {
		sel.SetSelected("中文")
	}
	sel.OnChanged = func(s string) {
		if codes[s] == i18n.Language() && codes[s] == p.StringWithFallback(PrefLanguage, "zh") {
			return
		}
		p.SetString(PrefLanguage, codes[s])
		showInformation(i18n.In(codes[s], "ui.language.title"), i18n.In(codes[s], "ui.language.restart"), win)
	}
	return container.NewBorder(nil, nil, widget.NewLabel(i18n.T("ui.language.label")), nil, sel)
}

// levelText, statusText… name the domain values in the current language
// (data's Label methods give the Chinese names used in data files).
func levelText(l data.Level) string { return i18n.T("table.level." + l.String()) }

func statusName(s data.Status) string { return i18n.T("table.status." + s.String()) }

func confidenceText(c data.Confidence) string { return i18n.T("table.confidence." + c.String()) }

// helpText is a help document as word-wrapped rich text whose paragraphs
// are each one plain text segment. Fyne 2.7.1's word wrap breaks a segment
// that starts where the line before left less than a character of room
// into one character per line (lineBounds never widens its measure again),
// which a paragraph of several segments (soft line breaks, bold, code)
// runs into at some widths; bold and code inside a paragraph are shown
// plain for that reason. Headings, lists and code blocks keep their style.
func helpText(md string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(joinSoftBreaks(md))
	rt.Segments = plainParagraphs(rt.Segments)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// plainParagraphs joins the inline segments of each paragraph, and of
// each list item, into one.
func plainParagraphs(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			out = append(out, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: run.String()})
			run.Reset()
		}
	}
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.TextSegment:
			switch {
			case x.Style.Inline:
				run.WriteString(x.Text)
				continue
			case x.Text == "" && run.Len() > 0: // the end of a paragraph
				out = append(out, &widget.TextSegment{Style: x.Style, Text: run.String()})
				run.Reset()
				continue
			}
		case *widget.ListSegment:
			for _, it := range x.Items {
				if p, ok := it.(*widget.ParagraphSegment); ok {
					p.Texts = plainParagraphs(p.Texts)
				}
			}
		}
		flush()
		out = append(out, s)
	}
	flush()
	return out
}

// joinSoftBreaks joins the lines of each Markdown paragraph into one (see
// helpText): Chinese lines without a space between them, others with
// one. Headings, list items, quotes, tables and code blocks keep their
// lines.
func joinSoftBreaks(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	code := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		fence := strings.HasPrefix(t, "```")
		n := len(out)
		if fence || code || n == 0 || t == "" || blockStart(t) || !joinsNext(out[n-1]) {
			out = append(out, l)
			code = code != fence
			continue
		}
		prev := strings.TrimRight(out[n-1], " ")
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(t)
		sep := " "
		if last > unicode.MaxASCII || first > unicode.MaxASCII {
			sep = ""
		}
		out[n-1] = prev + sep + t
	}
	return strings.Join(out, "\n")
}

// joinsNext reports whether the next line may continue line l: l is text
// of a paragraph or list item, not blank, a heading or a rule.
func joinsNext(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "|") && !strings.HasPrefix(t, "```") && t != "---"
}

// blockStart reports whether a trimmed Markdown line starts a block of its
// own: a heading, a list item, a quote, a table row or a rule.
func blockStart(t string) bool {
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "|") ||
		strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") || t == "---" {
		return true
	}
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	return i > 0 && (strings.HasPrefix(t[i:], ". ") || strings.HasPrefix(t[i:], ") "))
}
