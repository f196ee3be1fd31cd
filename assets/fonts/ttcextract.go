//go:build ignore

// ttcextract writes the first face of a TrueType Collection as a standalone
// .ttf. It regenerates assets/fonts/wqy-microhei.ttf from Debian's
// fonts-wqy-microhei package:
//
//	go run assets/fonts/ttcextract.go /usr/share/fonts/truetype/wqy/wqy-microhei.ttc assets/fonts/wqy-microhei.ttf
//
// A TTC holds several table directories sharing table data; the first face is
// rebuilt as an sfnt whose tables are copied and re-offset (4-byte aligned).
package main

import (
	"encoding/binary"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: ttcextract IN.ttc OUT.ttf")
		os.Exit(2)
	}
	in, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	out, err := firstFace(in)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[2], out, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ttcextract:", err)
	os.Exit(1)
}

func firstFace(b []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(b) < 16 || string(b[:4]) != "ttcf" {
		return nil, fmt.Errorf("not a TrueType collection")
	}
	dir := int(be.Uint32(b[12:16]))
	if dir+12 > len(b) {
		return nil, fmt.Errorf("face offset %d out of range", dir)
	}
	n := int(be.Uint16(b[dir+4:]))
	head := 12 + 16*n
	out := make([]byte, head, len(b))
	copy(out, b[dir:dir+12])
	for i := 0; i < n; i++ {
		rec := b[dir+12+16*i : dir+12+16*(i+1)]
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off+length > len(b) {
			return nil, fmt.Errorf("table %q out of range", rec[:4])
		}
		newRec := out[12+16*i : 12+16*(i+1)]
		copy(newRec, rec[:8])
		be.PutUint32(newRec[8:], uint32(len(out)))
		be.PutUint32(newRec[12:], uint32(length))
		out = append(out, b[off:off+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
