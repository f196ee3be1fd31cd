package app

import (
	"image"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/render"
)

func shot(u *UI) *image.RGBA {
	img := u.Map.Image().(*image.RGBA)
	out := image.NewRGBA(img.Bounds())
	copy(out.Pix, img.Pix)
	return out
}

// legendText returns the legend's lines as shown: headings, and the label
// beside each swatch.
func legendText(u *UI) []string {
	var out []string
	for _, o := range u.layers.legend.box.Objects {
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o.Text)
		case *fyne.Container:
			out = append(out, o.Objects[0].(*widget.Label).Text)
		}
	}
	return out
}

func differs(a, b *image.RGBA) bool { return !slices.Equal(a.Pix, b.Pix) }

func TestToggleLayerChangesMapAndLegend(t *testing.T) {
	u := newTestUI(t)
	before, legend := shot(u), strings.Join(legendText(u), "\n")
	if !strings.Contains(legend, "步行服务半径") {
		t.Fatalf("legend lacks catchments:\n%s", legend)
	}
	u.layers.checks[render.Catchments].SetChecked(false)
	if !differs(before, shot(u)) {
		t.Error("turning catchments off did not change the map")
	}
	if after := strings.Join(legendText(u), "\n"); strings.Contains(after, "步行服务半径") {
		t.Errorf("legend still lists hidden catchments:\n%s", after)
	}
	u.layers.checks[render.Catchments].SetChecked(true)
	if differs(before, shot(u)) {
		t.Error("turning catchments back on did not restore the map")
	}
	for _, l := range legendText(u) {
		if strings.Contains(l, "OpenStreetMap") || strings.Contains(l, "底图") {
			t.Errorf("legend lists the basemap: %q", l)
		}
	}
}

func TestYearChangesStylesAndSummary(t *testing.T) {
	u := newTestUI(t)
	u.years.slider.SetValue(2021)
	f2021, s2021 := shot(u), u.years.summary.Text
	u.years.slider.SetValue(2025)
	f2025, s2025 := shot(u), u.years.summary.Text
	if !differs(f2021, f2025) {
		t.Error("2021 and 2025 frames are identical")
	}
	if s2021 == s2025 || !strings.Contains(s2021, "2021年") || !strings.Contains(s2025, "2025年") {
		t.Errorf("summary does not follow the year:\n%s\n%s", s2021, s2025)
	}
	d21 := data.Summarize(u.sh.st.scene.Sites, u.sh.st.scene.Norms, 2021).Delivered
	d25 := data.Summarize(u.sh.st.scene.Sites, u.sh.st.scene.Norms, 2025).Delivered
	if !(d21 < d25) || !strings.Contains(s2025, strconv.Itoa(d25)) {
		t.Errorf("delivered seats 2021 %d, 2025 %d; summary %q", d21, d25, s2025)
	}
	// A marker drawn solid in 2025 is hollow (planned) in 2021: LW-06
	// starts in 2022.
	pos, _ := u.Map.ScreenPos("LW-06")
	centre := func(img *image.RGBA) [4]uint8 {
		i := img.PixOffset(int(pos.X), int(pos.Y))
		return [4]uint8(img.Pix[i : i+4])
	}
	if centre(f2021) == centre(f2025) {
		t.Errorf("LW-06 centre pixel the same in 2021 and 2025: %v", centre(f2021))
	}
}

func TestNormEditRedrawsAndPersists(t *testing.T) {
	u := newTestUI(t)
	before := shot(u)
	n := u.sh.st.scene.Norms.Clone()
	n.RadiusM[data.Kindergarten] = data.Norm{Value: 800, Source: n.RadiusM[data.Kindergarten].Source}
	u.dlg.settings.setNorms(n)
	if !differs(before, shot(u)) {
		t.Error("a larger kindergarten radius did not change the map")
	}
	if !slices.ContainsFunc(legendText(u), func(s string) bool { return strings.Contains(s, "幼儿园 800 m") }) {
		t.Errorf("legend does not show the edited radius: %v", legendText(u))
	}
	if got := loadNorms(u.sh.prefs).RadiusM[data.Kindergarten].Value; got != 800 {
		t.Errorf("norm not kept in preferences: %v", got)
	}
	u.dlg.settings.setNorms(data.DefaultNorms())
	if differs(before, shot(u)) {
		t.Error("restoring defaults did not restore the map")
	}
}

func TestDetailsTimeline(t *testing.T) {
	u := newTestUI(t)
	u.sh.st.selectSite("LW-02")
	text := u.details.view.Text()
	if !strings.Contains(text, "2022年建成") || !strings.Contains(text, "羊城晚报") {
		t.Errorf("actual progress of LW-02 missing:\n%s", text)
	}
	if got := len(u.details.view.timeline.Objects); got != 1 {
		t.Fatalf("timeline objects %d", got)
	}
}
