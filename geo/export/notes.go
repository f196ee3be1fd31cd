package export

import (
	"strings"
	"unicode/utf8"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// pageNotes are the footer lines of the map page, in order: basemap
// attribution, data sources, the dashed-circle note (only when halos are
// drawn), the plan-status rule, the norms behind seats and radii, and on
// a map-only page the projects that are not on the map.
func pageNotes(o Options, tiles bool) []string {
	sc := o.Scene
	var out []string
	switch {
	case sc.On(render.Basemap) && !tiles:
		out = append(out, i18n.T("basemap.none"))
	case o.Attribution != "" && sc.On(render.Basemap):
		out = append(out, i18n.T("render.page.basemap", o.Attribution))
	}
	if o.Sources != "" {
		out = append(out, o.Sources)
	}
	if halosDrawn(o) {
		out = append(out, i18n.T("render.page.halo_note"))
	}
	if sc.Year != 0 && sc.On(render.Sites) {
		out = append(out, i18n.T("render.page.status_rule"))
	}
	out = append(out, normsNote(sc.Norms))
	if n := unlocated(sc); n > 0 && !o.Tables {
		out = append(out, i18n.T("render.page.unlocated", n))
	}
	return out
}

// halosDrawn reports whether a precision halo shows inside the extent.
func halosDrawn(o Options) bool {
	sc := o.Scene
	if !sc.On(render.Halos) {
		return false
	}
	for i := range sc.Sites {
		if s := &sc.Sites[i]; s.Located && s.Approximate() && o.Extent.Contains(s.Location) {
			return true
		}
	}
	return false
}

func unlocated(sc *render.Scene) int {
	n := 0
	for i := range sc.Sites {
		if !sc.Sites[i].Located {
			n++
		}
	}
	return n
}

// normsNote cites the current norms: pupils per class and walking radii,
// and where each comes from ("custom" when a value has no source).
func normsNote(n data.Norms) string {
	v := func(m map[data.Level]data.Norm, l data.Level) float64 { return m[l].Value }
	var srcs []string
	seen := map[string]bool{}
	for _, m := range []map[data.Level]data.Norm{n.PerClass, n.RadiusM} {
		for _, l := range []data.Level{data.Kindergarten, data.Primary, data.Junior} {
			s, _, _ := strings.Cut(m[l].Source, ":")
			if s == "" {
				s = i18n.T("render.page.norm_custom")
			}
			if !seen[s] {
				seen[s] = true
				srcs = append(srcs, s)
			}
		}
	}
	return i18n.T("render.page.norms",
		v(n.PerClass, data.Kindergarten), v(n.PerClass, data.Primary), v(n.PerClass, data.Junior),
		v(n.RadiusM, data.Kindergarten), v(n.RadiusM, data.Primary), v(n.RadiusM, data.Junior),
		strings.Join(srcs, "; "))
}

// wrap breaks s into lines at most width millimetres wide, at spaces or
// after a 、 where it can and between any two characters where it must
// (CJK has no spaces).
func wrap(p Page, s string, pt, width float64) []string {
	var lines []string
	for s != "" {
		if p.TextWidth(s, pt) <= width {
			return append(lines, s)
		}
		cut := fitPrefix(p, s, pt, width)
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
			cut = sp + 1
		} else if sep := strings.LastIndex(s[:cut], "、"); sep > cut/2 {
			cut = sep + len("、") // between two names of a list
		}
		cut = beforeClosingMark(s, cut)
		lines = append(lines, strings.TrimRight(s[:cut], " "))
		s = strings.TrimLeft(s[cut:], " ")
	}
	return lines
}

// closingMarks never start a line (they close the text before them).
const closingMarks = "。，；：、）》」』”！？.,;:)"

// beforeClosingMark moves a line break at byte cut of s back by one
// character while it would start the next line with a closing mark, so
// the mark stays with the character it follows (never to 0).
func beforeClosingMark(s string, cut int) int {
	for cut < len(s) {
		next, _ := utf8.DecodeRuneInString(s[cut:])
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		if !strings.ContainsRune(closingMarks, next) || size >= cut {
			return cut
		}
		cut -= size
	}
	return cut
}

// fitPrefix is the byte length of the longest prefix of s that fits
// (at least one character).
func fitPrefix(p Page, s string, pt, width float64) int {
	lo, hi := 0, len(s) // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		for mid > lo && !utf8.RuneStart(s[mid]) {
			mid--
		}
		if mid == lo {
			break
		}
		if p.TextWidth(s[:mid], pt) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		_, n := utf8.DecodeRuneInString(s)
		return n
	}
	return lo
}
