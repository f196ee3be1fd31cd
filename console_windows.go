package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// The release's schoolmap.exe is linked with -H=windowsgui (no console
// window for planners who double-click it), so Windows gives it no
// standard output. When it is started with a subcommand from cmd or
// PowerShell it attaches to that console, so its messages show. cmd and
// PowerShell do not wait for a GUI-subsystem program, though, so the
// prompt returns at once and %ERRORLEVEL% is not the command's: scripts
// use schoolmap-cli.exe (the same program linked as a console program,
// shipped beside it), which prints and exits like any console tool.
func init() {
	if len(os.Args) > 1 && wantsConsole(os.Args[1:]) {
		attachParentConsole()
	}
}

var attachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

func attachParentConsole() {
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return // no parent console (double-click, or already a console program)
	}
	os.Stdout = consoleFile(os.Stdout, "CONOUT$")
	os.Stderr = consoleFile(os.Stderr, "CONOUT$")
}

// consoleFile keeps f when it is usable (a redirection to a file or pipe
// the parent set up) and opens the console device otherwise.
func consoleFile(f *os.File, name string) *os.File {
	if _, err := windows.GetFileType(windows.Handle(f.Fd())); err == nil && f.Fd() != 0 {
		return f
	}
	c, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return f
	}
	return c
}
