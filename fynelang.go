package main

import (
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/liwan-edu/schoolmap/assets"
)

// fyneLocales are the locales Fyne v2.7.1 ships translations for (its
// lang/translations/base.*.json). Fyne chooses among them from the
// operating system's locale list, falling back to en, and offers no
// setter.
var fyneLocales = []string{"cs", "de", "el", "en", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// followLanguage makes Fyne's own texts (dialog buttons, file dialog,
// menus it adds, calendar) speak l ("zh" or "en") whatever the OS locale:
// it registers the texts of l (assets/i18n/fyne/l.json, Fyne's keys) for
// every locale Fyne may pick, overriding Fyne's built-in ones. Call it
// before building any window, and again when the language changes (texts
// already on screen keep their language until rebuilt).
func followLanguage(l string) error {
	b, err := fs.ReadFile(assets.I18N, "i18n/fyne/"+l+".json")
	if err != nil {
		return err
	}
	for _, loc := range fyneLocales {
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(loc)); err != nil {
			return err
		}
	}
	return nil
}
