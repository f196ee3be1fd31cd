package export

import (
	"image"
	"image/color"
	"slices"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// maxListed is how many unlabelled sites the footer names; more are
// counted ("等 N 个").
const maxListed = 12

// unlabelled are the sites (indices into the scene's sites, in order)
// whose markers lie in the map frame but whose labels did not fit, as the
// page's renderer places them (g's legend kept clear). None when labels
// are off.
func (e *Exporter) unlabelled(o Options, g geometry, v render.View) []int {
	sc := o.Scene
	if !sc.On(render.Labels) || !sc.On(render.Sites) || e.Fonts == nil {
		return nil
	}
	f := (&render.Renderer{Fonts: e.Fonts, Keep: g.keep(v)}).Paint(noPaint{}, v, sc)
	labelled := map[int]bool{}
	for _, l := range f.Labels {
		labelled[l.Index] = true
	}
	var out []int
	for _, p := range f.Placed {
		x, y := p.Anchor[0]-f.Origin[0], p.Anchor[1]-f.Origin[1]
		if !labelled[p.Index] && x >= 0 && y >= 0 && x <= float64(v.Width) && y <= float64(v.Height) {
			out = append(out, p.Index)
		}
	}
	slices.Sort(out)
	return out
}

// unlabelledNote is the footer line naming the sites in idx ("未标注：…"),
// none when idx is empty.
func unlabelledNote(sc *render.Scene, idx []int) []string {
	if len(idx) == 0 {
		return nil
	}
	var names []string
	for _, i := range idx[:min(len(idx), maxListed)] {
		names = append(names, sc.Sites[i].ShortName)
	}
	list := strings.Join(names, i18n.T("render.page.name_sep"))
	if len(idx) > maxListed {
		list += i18n.T("render.page.and_more", len(idx)-maxListed)
	}
	return []string{i18n.T("render.page.unlabelled", list)}
}

// union is a and b merged, sorted, each index once.
func union(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// contains reports whether every index of b is in a.
func containsAll(a, b []int) bool {
	for _, i := range b {
		if !slices.Contains(a, i) {
			return false
		}
	}
	return true
}

// noPaint draws nothing: it lets the renderer place the labels only.
type noPaint struct{}

var _ render.Painter = noPaint{}

func (noPaint) Fill(color.RGBA, ...[][2]float64)                                  {}
func (noPaint) Stroke(color.RGBA, float64, bool, [][2]float64)                    {}
func (noPaint) Hatch(color.RGBA, color.RGBA, float64, [][2]float64)               {}
func (noPaint) Circles([]render.Circle, color.RGBA, color.RGBA, float64, float64) {}
func (noPaint) Text(float64, float64, float64, string, color.RGBA, color.RGBA)    {}
func (noPaint) Capsules([]render.PxCapsule, color.RGBA, color.RGBA, float64)      {}
func (noPaint) Pixels(int, int, func(*image.RGBA))                                {}
