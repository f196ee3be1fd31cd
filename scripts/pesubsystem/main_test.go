package main

import (
	"encoding/binary"
	"testing"
)

// minimalPE is an MZ stub pointing at a PE header with an empty PE32+
// optional header: enough for debug/pe and for the subsystem field.
func minimalPE(sub uint16) []byte {
	b := make([]byte, 0x80+4+20+240)
	b[0], b[1] = 'M', 'Z'
	binary.LittleEndian.PutUint32(b[0x3c:], 0x80)
	copy(b[0x80:], "PE\x00\x00")
	coff := b[0x84:]
	binary.LittleEndian.PutUint16(coff[0:], 0x8664) // AMD64
	binary.LittleEndian.PutUint16(coff[16:], 240)   // optional header size
	opt := b[0x84+20:]
	binary.LittleEndian.PutUint16(opt[0:], 0x20b) // PE32+
	binary.LittleEndian.PutUint16(opt[68:], sub)
	binary.LittleEndian.PutUint32(opt[108:], 16) // data directories
	return b
}

func TestSetSubsystem(t *testing.T) {
	b := minimalPE(subsystemGUI)
	if err := checkSubsystem(b, subsystemGUI); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	if err := setSubsystem(b, subsystemConsole); err != nil {
		t.Fatal(err)
	}
	if err := checkSubsystem(b, subsystemConsole); err != nil {
		t.Error(err)
	}
	if err := setSubsystem([]byte("MZ not a pe file at all, far too short"), subsystemConsole); err == nil {
		t.Error("accepted a file without a PE header")
	}
	if err := setSubsystem(b, 0); err == nil {
		t.Error("accepted subsystem 0")
	}
}
