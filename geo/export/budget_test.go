package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// slowLoader delivers every other tile at once and waits for the rest
// until its context ends, as Store.Load does against a server that
// stalls on every other tile.
type slowLoader struct{ delivered, asked int }

func (s *slowLoader) Load(ctx context.Context, tiles []maptile.Tile, progress func(int, int)) (tile.Set, int, error) {
	set := tile.Set{}
	for i, t := range tiles {
		if i%2 == 0 {
			set[t] = image.NewRGBA(image.Rect(0, 0, 256, 256))
		}
	}
	s.delivered, s.asked = len(set), len(tiles)
	<-ctx.Done()
	return set, len(tiles) - len(set), ctx.Err()
}

// TestTileBudget: the basemap stage ends at the export's tile budget; the
// page is drawn with the tiles that arrived and its footnote says how
// many are missing and why, in both languages. A cancel is still a
// cancel.
func TestTileBudget(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			i18n.SetLanguage(lang)
			defer i18n.SetLanguage("zh")
			e := testExporter(t)
			sl := &slowLoader{}
			e.Tiles, e.TileBudget = sl, 300*time.Millisecond
			o := testOptions(t, PDF)
			start := time.Now()
			pages := pdfText(t, e, o)
			took := time.Since(start)
			missing := sl.asked - sl.delivered
			want := squeeze(strings.Trim(i18n.T("export.tiles_late", missing, sl.asked, 1), "（）() "))
			text := squeeze(pages[0])
			t.Logf("%v; %d of %d tiles delivered; footnote wants %q", took.Round(time.Millisecond), sl.delivered, sl.asked, want)
			if missing == 0 || !strings.Contains(text, want) {
				t.Errorf("page text lacks %q:\n%s", want, text)
			}
			if took > 30*time.Second {
				t.Errorf("export took %v with a 0.3 s tile budget", took)
			}
		})
	}
	t.Run("cancel", func(t *testing.T) {
		e := testExporter(t)
		e.Tiles, e.TileBudget = &slowLoader{}, time.Minute
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		err := e.Write(ctx, &bytes.Buffer{}, testOptions(t, PNG), nil)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("a cancel during the tiles gave %v", err)
		}
	})
}

// TestTileBudgetNothingArrived: with no tile in time the page says the
// server sent none within the budget, not "basemap: none".
func TestTileBudgetNothingArrived(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	e := testExporter(t)
	e.Tiles, e.TileBudget = &emptyLoader{}, 200*time.Millisecond
	o := testOptions(t, PDF)
	text := squeeze(strings.Join(pdfText(t, e, o), " "))
	want := squeeze(i18n.T("export.tiles_late_none", 1))
	if !strings.Contains(text, want) {
		t.Errorf("page text lacks %q:\n%s", want, text)
	}
}

// squeeze drops all white space: pdftotext breaks wrapped notes anywhere.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

type emptyLoader struct{}

func (emptyLoader) Load(ctx context.Context, tiles []maptile.Tile, _ func(int, int)) (tile.Set, int, error) {
	<-ctx.Done()
	return tile.Set{}, len(tiles), ctx.Err()
}
