package vector

import (
	"os"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// TestMain runs the readers' tests in English: they check the wording of
// notes, encoding reasons and record names ("line 2", "the .cpg file
// says"). The Chinese wording of the same keys is checked in
// TestImportNotesInChinese.
func TestMain(m *testing.M) {
	i18n.SetLanguage("en")
	os.Exit(m.Run())
}
