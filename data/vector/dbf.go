package vector

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// dbfField is a dBase column.
type dbfField struct {
	name   string
	typ    byte
	length int
}

// parseDBF reads a dBase III table (the attribute part of a shapefile).
// Text is decoded with enc, or with the .cpg / language driver hint when
// enc is "" or "auto".
func parseDBF(path string, b []byte, enc, cpg string) (fields []string, records []map[string]string, used string, err error) {
	fail := func(where string, f string, a ...any) error {
		return &FileError{Path: path, Where: where, Err: fmt.Errorf("%w: "+f, append([]any{ErrFormat}, a...)...)}
	}
	if len(b) < 32 {
		return nil, nil, "", fail("header", "dbf too short")
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	headerLen := int(binary.LittleEndian.Uint16(b[8:]))
	recLen := int(binary.LittleEndian.Uint16(b[10:]))
	if headerLen < 33 || headerLen > len(b) || recLen < 1 {
		return nil, nil, "", fail("header", "dbf header length %d, record length %d", headerLen, recLen)
	}
	if enc == "" || strings.EqualFold(enc, "auto") {
		enc = dbfEncoding(b[29], cpg)
	}
	var fs []dbfField
	width := 1
	for off := 32; off+32 <= headerLen && b[off] != 0x0D; off += 32 {
		name := strings.TrimRight(string(b[off:off+11]), "\x00 ")
		f := dbfField{typ: b[off+11], length: int(b[off+16])}
		if f.typ == 'C' {
			f.length += int(b[off+17]) << 8 // long character fields
		}
		if name, _, err = decodeText([]byte(name), enc); err != nil {
			return nil, nil, "", fail("header", "field name: %v", err)
		}
		f.name = name
		fs = append(fs, f)
		width += f.length
	}
	if width > recLen {
		return nil, nil, "", fail("header", "fields need %d bytes but records have %d", width, recLen)
	}
	if headerLen+n*recLen > len(b) {
		n = (len(b) - headerLen) / recLen // truncated file: read what is there
	}
	for _, f := range fs {
		fields = append(fields, f.name)
	}
	for i := 0; i < n; i++ {
		rec := b[headerLen+i*recLen : headerLen+(i+1)*recLen]
		if rec[0] == '*' {
			records = append(records, nil) // deleted: keeps shape/record alignment
			continue
		}
		m := map[string]string{}
		off := 1
		for _, f := range fs {
			raw := rec[off : off+f.length]
			off += f.length
			text, u, err := decodeText([]byte(strings.TrimRight(string(raw), "\x00 ")), enc)
			if err != nil {
				return nil, nil, "", fail(fmt.Sprintf("record %d", i+1), "field %s: %v", f.name, err)
			}
			used = u
			m[f.name] = strings.TrimSpace(text)
		}
		records = append(records, m)
	}
	if used == "" {
		used = enc
	}
	return fields, records, used, nil
}

// dbfEncoding picks the text encoding from the .cpg file or the language
// driver byte; "auto" (UTF-8 when valid, else GBK) when neither says.
func dbfEncoding(ldid byte, cpg string) string {
	c := strings.ToUpper(strings.TrimSpace(cpg))
	switch {
	case strings.Contains(c, "UTF"):
		return "UTF-8"
	case strings.Contains(c, "GBK"), strings.Contains(c, "936"), strings.Contains(c, "GB2312"), strings.Contains(c, "GB18030"):
		return "GBK"
	case ldid == 0x4D || ldid == 0x7A:
		return "GBK"
	}
	return "auto"
}
