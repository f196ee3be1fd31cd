package vector

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Encodings lists the text encodings a planner can choose in an import
// preview; any Windows code page a .cpg names is read as well.
func Encodings() []string {
	return []string{"UTF-8", "GBK", "Big5", "Windows-1252", "Windows-1250", "Windows-1251", "Shift_JIS", "EUC-KR"}
}

// codePages maps Windows code page numbers to decoders (65001 is UTF-8).
var codePages = map[int]encoding.Encoding{
	936: simplifiedchinese.GB18030, 54936: simplifiedchinese.GB18030, 950: traditionalchinese.Big5,
	932: japanese.ShiftJIS, 949: korean.EUCKR, 437: charmap.CodePage437, 850: charmap.CodePage850,
	852: charmap.CodePage852, 866: charmap.CodePage866, 874: charmap.Windows874,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252, 1253: charmap.Windows1253,
	1254: charmap.Windows1254, 1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257,
	1258: charmap.Windows1258, 28591: charmap.ISO8859_1, 28592: charmap.ISO8859_2, 28595: charmap.ISO8859_5,
}

var cpNumber = regexp.MustCompile(`\d{3,5}`)

// textEncoding resolves a name ("UTF-8", "GBK", "ANSI 1250", "1252",
// "CP936", "ISO-8859-1") to its canonical name and decoder; a nil decoder
// means UTF-8.
func textEncoding(name string) (string, encoding.Encoding, error) {
	n := strings.ToUpper(strings.TrimSpace(name))
	n = strings.NewReplacer("-", "", "_", "", " ", "").Replace(n)
	switch {
	case strings.Contains(n, "UTF8") || n == "65001" || n == "CP65001":
		return "UTF-8", nil, nil
	case strings.Contains(n, "GBK") || strings.Contains(n, "GB2312") || strings.Contains(n, "GB18030"):
		return "GBK", simplifiedchinese.GB18030, nil
	case strings.Contains(n, "BIG5"):
		return "Big5", traditionalchinese.Big5, nil
	case strings.Contains(n, "SHIFTJIS") || n == "SJIS":
		return "Shift_JIS", japanese.ShiftJIS, nil
	case strings.Contains(n, "EUCKR"):
		return "EUC-KR", korean.EUCKR, nil
	case n == "LATIN1" || strings.Contains(n, "ISO88591"):
		return "ISO-8859-1", charmap.ISO8859_1, nil
	}
	if m := cpNumber.FindString(strings.ReplaceAll(n, "ISO8859", "2859")); m != "" {
		cp, _ := strconv.Atoi(m)
		if e, ok := codePages[cp]; ok {
			return cpName(cp), e, nil
		}
	}
	return "", nil, newFault(ErrEncoding, "gap.vector.unknown_encoding", Quote(Clip(name, 40)))
}

func cpName(cp int) string {
	switch {
	case cp == 936 || cp == 54936:
		return "GBK"
	case cp >= 1250 && cp <= 1258:
		return "Windows-" + strconv.Itoa(cp)
	}
	return "CP" + strconv.Itoa(cp)
}

// ldidCodePages maps the .dbf language driver byte to a code page (the
// IDs ESRI and GDAL write; 0 and 0x57 "ANSI" say nothing).
var ldidCodePages = map[byte]int{
	0x01: 437, 0x02: 850, 0x03: 1252, 0x64: 852, 0x65: 866, 0x26: 866, 0x13: 932, 0x7B: 932, 0x4D: 936, 0x7A: 936,
	0x4E: 949, 0x79: 949, 0x4F: 950, 0x78: 950, 0x7C: 874, 0xC8: 1250, 0xC9: 1251, 0xCA: 1254, 0xCB: 1253, 0xCC: 1257,
}

// common reports whether r is a character of Chinese planners' tables:
// ASCII, CJK ideographs and punctuation, full-width forms, general
// punctuation and the Latin-1 signs (°, ×, ·). UTF-8 that decodes to
// anything else (Armenian, Latin Extended…) is most likely GBK misread.
func common(r rune) bool {
	switch {
	case r < 0x80, r >= 0xA0 && r <= 0xFF, r >= 0x2000 && r <= 0x206F, r >= 0x2100 && r <= 0x214F,
		r >= 0x2460 && r <= 0x24FF, r >= 0x3000 && r <= 0x303F, r >= 0x3200 && r <= 0x33FF,
		r >= 0xFF00 && r <= 0xFFEF, unicode.Is(unicode.Han, r):
		return true
	}
	return false
}

func allCommon(s string) bool {
	for _, r := range s {
		if !common(r) {
			return false
		}
	}
	return true
}

// guessEncoding tests a whole file's text: GBK when any byte sequence is
// not UTF-8, or when UTF-8 gives rare scripts and GBK only common
// characters (站前's GBK bytes are valid UTF-8: "վǰ"); else UTF-8.
func guessEncoding(text []byte) (name, basis string) {
	if !utf8.Valid(text) {
		return "GBK", i18n.T("words.vector.enc_not_utf8")
	}
	if allCommon(string(text)) {
		return "UTF-8", i18n.T("words.vector.enc_utf8")
	}
	if g, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text); err == nil && allCommon(string(g)) {
		return "GBK", i18n.T("words.vector.enc_rare")
	}
	return "UTF-8", i18n.T("words.vector.enc_utf8")
}

// decodeWith decodes b strictly; a nil decoder is UTF-8.
func decodeWith(b []byte, e encoding.Encoding) (string, bool) {
	if e == nil {
		return string(b), utf8.Valid(b)
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD"), false
	}
	return string(out), !strings.ContainsRune(string(out), utf8.RuneError)
}

// Clip quotes at most n characters of file content in a message.
func Clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + fmt.Sprintf("… (%d more characters)", len(r)-n)
}

// Quote is %q of at most ~80 characters of file content, control
// characters escaped, with the length of the rest.
func Quote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	r := []rune(s)
	if len(r) <= 80 {
		return strconv.Quote(s)
	}
	q := strconv.Quote(string(r[:80]))
	if len(q) > 120 {
		q = strings.ToValidUTF8(q[:120], "") + `"`
	}
	return q + fmt.Sprintf("… (%d more characters)", len(r)-80)
}
