package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// SubdistrictKey is the form a subdistrict name is matched in: spaces
// (half- and full-width) removed, a leading 广东省/广州市/荔湾区 and a
// trailing 街道, 街 or 镇 dropped, so "多宝街", "多宝街道", "荔湾区 多宝"
// and "多宝" are one key. A name that is only a suffix keeps it.
func SubdistrictKey(name string) string {
	k := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' {
			return -1
		}
		return r
	}, name)
	for _, p := range []string{"广东省", "广州市", "荔湾区"} {
		k = strings.TrimPrefix(k, p)
	}
	for _, s := range []string{"街道办事处", "街道办", "街道", "街", "镇"} {
		if t := strings.TrimSuffix(k, s); t != k && t != "" {
			return t
		}
	}
	return k
}

// SubdistrictCode is the form a code is matched in: spaces and tabs
// removed (the leading tab a spreadsheet export keeps), a ".0" a
// spreadsheet adds to numbers dropped, and a 9-digit township code
// (440103001) widened to the 12-digit statistical code (440103001000).
func SubdistrictCode(code string) string {
	c := strings.TrimSuffix(strings.Join(strings.Fields(code), ""), ".0")
	if len(c) == 9 && strings.Trim(c, "0123456789") == "" {
		c += "000"
	}
	return c
}

// SubdistrictMatcher finds a subdistrict row by code first, then by name
// (SubdistrictKey on both sides). Every path that matches a planner's
// file to the subdistricts goes through it: boundary import, population
// table, project load and the command line.
type SubdistrictMatcher struct {
	byCode, byName map[string]int
	keys           []string // SubdistrictKey of each row, for suggestions
	names          []string
}

// NewSubdistrictMatcher indexes subs; the first row holding a code or key
// wins.
func NewSubdistrictMatcher(subs []Subdistrict) *SubdistrictMatcher {
	m := &SubdistrictMatcher{byCode: map[string]int{}, byName: map[string]int{}}
	for i, s := range subs {
		m.Add(s, i)
	}
	return m
}

// Add indexes s as row i (an imported extra appended to the list).
func (m *SubdistrictMatcher) Add(s Subdistrict, i int) {
	if c := SubdistrictCode(s.Code); c != "" {
		if _, ok := m.byCode[c]; !ok {
			m.byCode[c] = i
		}
	}
	if k := SubdistrictKey(s.Name); k != "" {
		if _, ok := m.byName[k]; !ok {
			m.byName[k] = i
		}
	}
	m.keys = append(m.keys, SubdistrictKey(s.Name))
	m.names = append(m.names, s.Name)
}

// Find returns the row with the code, else the row with the name, or -1.
func (m *SubdistrictMatcher) Find(code, name string) int {
	if i, ok := m.byCode[SubdistrictCode(code)]; ok {
		return i
	}
	if i, ok := m.byName[SubdistrictKey(name)]; ok {
		return i
	}
	return -1
}

// Nearest suggests the row name closest to an unmatched name: one that
// the name contains or that contains it, else the one fewest characters
// apart, when at most half the characters differ; "" when none is close.
func (m *SubdistrictMatcher) Nearest(name string) string {
	k := SubdistrictKey(name)
	if k == "" {
		return ""
	}
	best, bestD := "", utf8.RuneCountInString(k)/2+1
	for i, o := range m.keys {
		if o == "" {
			continue
		}
		if strings.Contains(k, o) || strings.Contains(o, k) {
			return m.names[i]
		}
		if d := runeDistance(k, o); d < bestD {
			best, bestD = m.names[i], d
		}
	}
	return best
}

// runeDistance is the edit distance between a and b in characters.
func runeDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			sub := prev[j-1]
			if x[i-1] != y[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(y)]
}

// Unmatched is a name in a planner's file that matches no subdistrict,
// with the nearest official name as a suggestion ("" when none is close).
type Unmatched struct {
	Name, Code string
	Nearest    string
}

// UnmatchedOfficial suggests, for a name matching none of Liwan's 22, the
// nearest official name.
func UnmatchedOfficial(code, name string) Unmatched {
	return Unmatched{Name: name, Code: code, Nearest: NewSubdistrictMatcher(LiwanSubdistricts()).Nearest(name)}
}

// String is the name, with the nearest official name when one is close:
// "多宝路（最接近的官方名称：多宝？）".
func (u Unmatched) String() string {
	if u.Nearest == "" {
		return u.Name
	}
	return i18n.T("robust.subdistricts.nearest", u.Name, u.Nearest)
}

// UnmatchedText says a key of a population table matched nothing, and
// which official name is nearest.
func UnmatchedText(u Unmatched) string {
	msg := i18n.T("robust.subdistricts.unmatched", u.Name)
	if u.Nearest != "" {
		msg = i18n.T("robust.subdistricts.nearest", msg, u.Nearest)
	}
	return msg
}

// UnmatchedNames lists unmatched names with their suggestions, "、"
// between.
func UnmatchedNames(us []Unmatched) string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.String()
	}
	return strings.Join(out, "、")
}
