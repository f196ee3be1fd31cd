package vector

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// MaxFileBytes caps what the readers load; a planner's tables and
// boundaries are far smaller.
const MaxFileBytes = 256 << 20

// ReadCSV reads a table with a header row; every row becomes a feature
// without geometry (see Points). Delimiter , ; or tab is detected from the
// header.
func ReadCSV(path, encoding string) (*Set, error) {
	b, err := readCapped(path)
	if err != nil {
		return nil, err
	}
	text, enc, err := decodeText(b, encoding)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	set, err := parseCSV(path, text, enc)
	if err == nil {
		set.EncodingBasis = i18n.T("words.vector.enc_chosen")
		if encoding == "" || strings.EqualFold(encoding, "auto") {
			_, set.EncodingBasis = guessEncoding(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
		}
	}
	return set, err
}

func readCapped(path string) ([]byte, error) { return readLimited(path, MaxFileBytes) }

// readLimited reads a regular file (a FIFO, a device or a link to
// /dev/zero is refused before it is opened) through a reader that stops
// at max bytes, whatever stat said.
func readLimited(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, statFault(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, &FileError{Path: path, Err: newFault(ErrNotFile, "gap.vector.not_file")}
	}
	if st.Size() > max {
		return nil, &FileError{Path: path, Err: newFault(ErrTooLarge, "gap.vector.too_large", st.Size()>>20, max>>20)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &FileError{Path: path, Err: newFault(ErrTooLarge, "gap.vector.too_large", max>>20, max>>20)}
	}
	return b, nil
}

func parseCSV(path, text, enc string) (*Set, error) {
	first, _, _ := strings.Cut(text, "\n")
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = ','
	for _, d := range []rune{'\t', ';'} {
		if strings.Count(first, string(d)) > strings.Count(first, string(r.Comma)) {
			r.Comma = d
		}
	}
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, &FileError{Path: path, Where: i18n.T("words.vector.line", 1), Err: newFault(ErrFormat, "gap.vector.no_header")}
	}
	set := &Set{Path: path, Encoding: enc}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" || seen[h] {
			return nil, &FileError{Path: path, Where: i18n.T("words.vector.line", 1), Err: newFault(ErrFormat, "gap.vector.column_name", i+1, Quote(h))}
		}
		seen[h] = true
		set.Fields = append(set.Fields, h)
	}
	for {
		line, _ := r.FieldPos(0)
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err // one line number in the message, not two
			}
			return nil, &FileError{Path: path, Where: i18n.T("words.vector.line", line), Err: csvFault(err)}
		}
		line, _ = r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		f := Feature{Props: map[string]string{}, Where: i18n.T("words.vector.line", line)}
		for i, h := range set.Fields {
			if i < len(rec) {
				f.Props[h] = strings.TrimSpace(rec[i])
			}
		}
		if len(rec) > len(set.Fields) {
			f.Problem = i18n.T("words.vector.too_many_values", len(rec), len(set.Fields))
		}
		set.Features = append(set.Features, f)
	}
	return set, nil
}
