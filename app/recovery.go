package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// AutosaveEvery is how often unsaved work is copied to the recovery file
// (besides shortly after each edit).
const AutosaveEvery = 3 * time.Minute

// startAutosave copies unsaved work to the recovery file every period
// until stopAutosave.
func (f *projectFile) startAutosave(every time.Duration) {
	if f.recoveryPath == "" || f.stop != nil {
		return
	}
	stop := make(chan struct{})
	f.stop = stop
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(f.writeRecovery)
			}
		}
	}()
}

// stopAutosave ends the periodic and the pending autosave (the window
// closed).
func (f *projectFile) stopAutosave() {
	if f.stop != nil {
		close(f.stop)
		f.stop = nil
	}
	if f.autosave != nil {
		f.autosave.Stop()
	}
}

// scheduleAutosave copies the work to the recovery file a moment after an
// edit (edits in quick succession are one batch).
func (f *projectFile) scheduleAutosave() {
	if f.recoveryPath == "" {
		return
	}
	if f.autosave != nil {
		f.autosave.Stop()
	}
	f.autosave = time.AfterFunc(2*time.Second, func() { fyne.Do(f.writeRecovery) })
}

func (f *projectFile) writeRecovery() {
	if !f.sh.st.Dirty() || f.recoveryPath == "" {
		return
	}
	p := f.project()
	path := f.recoveryPath
	go func() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			if err := data.SaveProject(path, p); err != nil {
				fyne.Do(func() { f.sh.status.SetText(i18n.T("ui.recovery.autosave_failed") + err.Error()) })
			}
		}
	}()
}

func (f *projectFile) removeRecovery() {
	if f.recoveryPath != "" {
		os.Remove(f.recoveryPath)
	}
}

// offerRecovery asks, at start, whether to restore work left unsaved by a
// crash.
func (f *projectFile) offerRecovery() {
	st, err := os.Stat(f.recoveryPath)
	if f.recoveryPath == "" || err != nil {
		return
	}
	msg := fmt.Sprintf(i18n.T("ui.recovery.unsaved_work_from_was_kept"),
		st.ModTime().Format("2006-01-02 15:04"), st.ModTime().Format("2006-01-02 15:04"))
	escaped := false // Esc leaves the question for the next start
	d := dialog.NewConfirm(i18n.T("ui.recovery.recover_work"), msg, func(ok bool) {
		switch {
		case escaped:
		case ok:
			f.openPath(f.recoveryPath, true)
		default:
			f.removeRecovery()
		}
	}, f.sh.win)
	onEsc(f.sh.win.Canvas(), d, func() { escaped = true; d.Hide() })
	d.Show()
}

// DefaultRecoveryPath is where autosave copies unsaved work.
func DefaultRecoveryPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "liwan-schoolmap", "recovery.gpkg")
}
