package vector

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// dbfField is a dBase column.
type dbfField struct {
	name   string
	typ    byte
	length int
}

// dbfTable is a parsed .dbf: its fields, records (nil for deleted ones),
// per-record problems, the encoding used and why.
type dbfTable struct {
	fields   []dbfField
	records  []map[string]string
	problems []string
	enc      string
	basis    string
	notes    []string
}

// maxDBFMemory bounds what the records of one .dbf may take once read
// (a map per record: about 80 bytes per field plus the text).
const maxDBFMemory = 1 << 30

// dbfHeader reads the fixed header and the field descriptors.
func dbfHeader(path string, b []byte) (n, headerLen, recLen int, raw [][]byte, err error) {
	fail := func() error {
		return &FileError{Path: path, Where: i18n.T("words.vector.header"), Err: newFault(ErrFormat, "gap.vector.dbf_damaged")}
	}
	if len(b) < 32 {
		return 0, 0, 0, nil, fail()
	}
	n = int(binary.LittleEndian.Uint32(b[4:]))
	headerLen = int(binary.LittleEndian.Uint16(b[8:]))
	recLen = int(binary.LittleEndian.Uint16(b[10:]))
	if headerLen < 33 || headerLen > len(b) || recLen < 1 {
		return 0, 0, 0, nil, fail()
	}
	for off := 32; off+32 <= headerLen && b[off] != 0x0D; off += 32 {
		raw = append(raw, b[off:off+32])
	}
	return n, headerLen, recLen, raw, nil
}

// parseDBF reads a dBase III table (the attribute part of a shapefile).
// The encoding is decided once for the whole file (see chooseDBFEncoding).
func parseDBF(path string, b []byte, enc, cpg string) (*dbfTable, error) {
	n, headerLen, recLen, raw, err := dbfHeader(path, b)
	if err != nil {
		return nil, err
	}
	t := &dbfTable{}
	avail := (len(b) - headerLen) / recLen
	if n > avail {
		t.notes = append(t.notes, i18n.T("words.vector.dbf_short", n, avail, avail))
		n = avail
	}
	if n > MaxFeatures {
		return nil, &FileError{Path: path, Where: i18n.T("words.vector.header"), Err: newFault(ErrTooLarge, "gap.vector.too_many", n, MaxFeatures)}
	}
	var dec encoding.Encoding
	if t.enc, t.basis, dec, err = chooseDBFEncoding(enc, b[29], cpg, dbfText(b, headerLen, recLen, n, raw)); err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if err := t.readFields(path, raw, dec, recLen); err != nil {
		return nil, err
	}
	if need := int64(n) * int64(64+recLen+80*len(t.fields)); need > maxDBFMemory {
		return nil, &FileError{Path: path, Where: i18n.T("words.vector.header"), Err: newFault(ErrTooLarge, "gap.vector.dbf_memory", n, len(t.fields), need>>20, maxDBFMemory>>20)}
	}
	for i := 0; i < n; i++ {
		t.readRecord(b[headerLen+i*recLen:headerLen+(i+1)*recLen], dec)
	}
	return t, nil
}

// dbfText gathers the bytes of field names and character values, for the
// whole-file encoding test. A name's UTF-8 character cut at 10 bytes (as
// GDAL cuts 常住人口数) is left out: its bytes are not UTF-8, yet they say
// nothing against it.
func dbfText(b []byte, headerLen, recLen, n int, raw [][]byte) []byte {
	var buf bytes.Buffer
	for _, r := range raw {
		buf.Write(trimCutUTF8(bytes.TrimRight(bytes.SplitN(r[:11], []byte{0}, 2)[0], " ")))
		buf.WriteByte(' ')
	}
	for i := 0; i < n && buf.Len() < 4<<20; i++ {
		buf.Write(bytes.TrimRight(b[headerLen+i*recLen+1:headerLen+(i+1)*recLen], "\x00 "))
		buf.WriteByte(' ')
	}
	return buf.Bytes()
}

// trimCutUTF8 drops the last character of b when it is the start of a
// UTF-8 sequence that ends too soon.
func trimCutUTF8(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if c := b[i]; c < 0x80 || c >= 0xC0 {
			if c >= 0xC0 && !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// chooseDBFEncoding decides in order: the caller's choice, the .cpg file,
// the language driver byte, then the whole-file test.
func chooseDBFEncoding(forced string, ldid byte, cpg string, text []byte) (string, string, encoding.Encoding, error) {
	from := func(name, basis string) (string, string, encoding.Encoding, error) {
		canon, dec, err := textEncoding(name)
		return canon, basis, dec, err
	}
	switch {
	case forced != "" && !strings.EqualFold(forced, "auto"):
		return from(forced, i18n.T("words.vector.enc_chosen"))
	case strings.TrimSpace(cpg) != "":
		if canon, dec, err := textEncoding(cpg); err == nil {
			return canon, i18n.T("words.vector.enc_cpg", Clip(strings.TrimSpace(cpg), 20)), dec, nil
		}
	}
	if cp, ok := ldidCodePages[ldid]; ok {
		return from(strconv.Itoa(cp), i18n.T("words.vector.enc_ldid", ldid, cp))
	}
	name, basis := guessEncoding(text)
	return from(name, basis)
}

// readFields decodes field names, dropping a character GDAL cut at 10
// bytes and making the names unique.
func (t *dbfTable) readFields(path string, raw [][]byte, dec encoding.Encoding, recLen int) error {
	seen := map[string]bool{}
	width := 1
	for i, r := range raw {
		f := dbfField{typ: r[11], length: int(r[16])}
		if f.typ == 'C' {
			f.length += int(r[17]) << 8 // long character fields
		}
		name := fieldName(bytes.TrimRight(bytes.SplitN(r[:11], []byte{0}, 2)[0], " "), dec)
		if name == "" {
			name = fmt.Sprintf("field_%d", i+1)
		}
		for base, k := name, 2; seen[name]; k++ {
			name = fmt.Sprintf("%s_%d", base, k)
		}
		seen[name], f.name = true, name
		t.fields = append(t.fields, f)
		width += f.length
	}
	if width > recLen {
		return &FileError{Path: path, Where: i18n.T("words.vector.header"), Err: newFault(ErrFormat, "gap.vector.dbf_damaged")}
	}
	return nil
}

// fieldName decodes a name, dropping up to three trailing bytes of a
// character cut in half.
func fieldName(b []byte, dec encoding.Encoding) string {
	for cut := 0; cut <= 3 && cut <= len(b); cut++ {
		if s, ok := decodeWith(b[:len(b)-cut], dec); ok {
			return s
		}
	}
	s, _ := decodeWith(b, dec)
	return strings.ToValidUTF8(s, "")
}

func (t *dbfTable) readRecord(rec []byte, dec encoding.Encoding) {
	if rec[0] == '*' {
		t.records, t.problems = append(t.records, nil), append(t.problems, "") // deleted: keeps shape/record alignment
		return
	}
	m := make(map[string]string, len(t.fields))
	var problem []string
	off := 1
	for _, f := range t.fields {
		raw := bytes.TrimRight(rec[off:off+f.length], "\x00 ")
		off += f.length
		text, ok := decodeWith(raw, dec)
		if !ok {
			problem = append(problem, i18n.T("words.vector.bad_text", f.name, t.enc))
		}
		m[f.name] = strings.TrimSpace(text)
	}
	t.records = append(t.records, m)
	t.problems = append(t.problems, strings.Join(problem, "; "))
}

func (t *dbfTable) names() []string {
	out := make([]string, len(t.fields))
	for i, f := range t.fields {
		out[i] = f.name
	}
	return out
}
