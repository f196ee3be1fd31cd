// Command pesubsystem copies a Windows executable with its PE subsystem
// set to console or GUI, as Microsoft's `editbin /SUBSYSTEM:CONSOLE` does.
// The release makes schoolmap-cli.exe this way from the packaged
// schoolmap.exe: the same program, icon and version resource, but cmd and
// PowerShell wait for it, show its output and get its exit code.
//
// Usage: go run ./scripts/pesubsystem IN.exe OUT.exe console|gui
//
// Floor: tools (standard library only).
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Subsystem values of the PE optional header.
const (
	subsystemGUI     = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI
	subsystemConsole = 3 // IMAGE_SUBSYSTEM_WINDOWS_CUI
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pesubsystem IN.exe OUT.exe console|gui")
		os.Exit(2)
	}
	want := map[string]uint16{"console": subsystemConsole, "gui": subsystemGUI}[os.Args[3]]
	b, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = setSubsystem(b, want)
	}
	if err == nil {
		err = os.WriteFile(os.Args[2], b, 0o755)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pesubsystem:", err)
		os.Exit(1)
	}
}

// subsystemOffset is where the optional header's Subsystem field lies:
// after the PE signature (4 bytes) and the COFF header (20), at offset 68
// of the optional header in both PE32 and PE32+.
func subsystemOffset(b []byte) (int, error) {
	if len(b) < 0x40 || b[0] != 'M' || b[1] != 'Z' {
		return 0, errors.New("not an MZ executable")
	}
	off := int(binary.LittleEndian.Uint32(b[0x3c:]))
	if off+4+20+70 > len(b) || !bytes.Equal(b[off:off+4], []byte("PE\x00\x00")) {
		return 0, errors.New("no PE header")
	}
	return off + 4 + 20 + 68, nil
}

// setSubsystem rewrites the Subsystem field of the PE image b in place and
// checks the result with debug/pe.
func setSubsystem(b []byte, sub uint16) error {
	if sub == 0 {
		return errors.New("subsystem must be console or gui")
	}
	at, err := subsystemOffset(b)
	if err != nil {
		return err
	}
	binary.LittleEndian.PutUint16(b[at:], sub)
	return checkSubsystem(b, sub)
}

func checkSubsystem(b []byte, sub uint16) error {
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		return err
	}
	var got uint16
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		got = h.Subsystem
	case *pe.OptionalHeader32:
		got = h.Subsystem
	}
	if got != sub {
		return fmt.Errorf("subsystem is %d after the edit, want %d", got, sub)
	}
	return nil
}
