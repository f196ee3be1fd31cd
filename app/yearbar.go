package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// The year control's range, and the plan period it marks.
const (
	FirstYear     = 2021
	LastYear      = 2030
	PlanLastYear  = data.PlanLastYear
	playStepDelay = 900 * time.Millisecond
)

// yearBar is the year slider with its play button and the plan period
// marked beneath it, and the summary strip of the year.
type yearBar struct {
	sh      *shell
	slider  *widget.Slider
	label   *widget.Label
	play    *widget.Button
	playing chan struct{} // closed to stop playback; nil when stopped
	summary *widget.Label
}

func newYearBar(sh *shell) *yearBar {
	year := sh.st.scene.Year
	b := &yearBar{sh: sh, slider: widget.NewSlider(FirstYear, LastYear), label: widget.NewLabel(yearText(year)),
		summary: widget.NewLabel("")}
	b.summary.Wrapping = fyne.TextWrapWord // the whole text, never a bare "…"
	b.slider.Step = 1
	b.slider.SetValue(float64(year))
	b.slider.OnChanged = func(v float64) {
		y := int(v)
		if y == b.sh.st.scene.Year {
			return
		}
		b.label.SetText(yearText(y))
		b.sh.st.update(func(sc *render.Scene) { sc.Year = y })
	}
	b.slider.OnChangeEnded = func(v float64) { b.chosen(int(v)) }
	b.play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), func() { b.togglePlay() })
	return b
}

// prefYear is the preference keeping the year the planner last chose.
const prefYear = "year.chosen"

// chosen remembers a year the planner picked, for the next start.
func (b *yearBar) chosen(y int) { b.sh.prefs.SetInt(prefYear, y) }

// stepChosen steps the year by hand (keys) and remembers it.
func (b *yearBar) stepChosen(d int) {
	b.step(d)
	b.chosen(b.sh.st.scene.Year)
}

// follow keeps the summary, and the slider when a project sets the year,
// in step with the scene.
func (b *yearBar) follow() {
	b.sh.st.listen(sceneChanged, func() {
		sc := b.sh.st.scene
		b.summary.SetText(data.Summarize(sc.Sites, sc.Norms, sc.Year).Text())
		if int(b.slider.Value) != sc.Year {
			b.slider.SetValue(float64(sc.Year))
			b.label.SetText(yearText(sc.Year))
		}
	})
}

// step moves the year by d (within the control's range).
func (b *yearBar) step(d int) { b.slider.SetValue(float64(b.sh.st.scene.Year + d)) }

func yearText(y int) string {
	if y <= PlanLastYear {
		return fmt.Sprintf(i18n.T("ui.yearbar.in_the_plan_period"), y)
	}
	return fmt.Sprintf(i18n.T("ui.yearbar.text"), y)
}

// widget is the bar: play, slider, and beneath it a tick per year with
// the plan period 2021–2025 as a band. The summary is placed by the
// window (summaryWidget), where it has room to wrap.
func (b *yearBar) widget() fyne.CanvasObject {
	marks := []fyne.CanvasObject{canvas.NewRectangle(color.NRGBA{0, 114, 178, 70})}
	for y := FirstYear; y <= LastYear; y++ {
		t := canvas.NewText(fmt.Sprint(y), theme.Color(theme.ColorNameForeground))
		t.TextSize = 10
		marks = append(marks, t)
	}
	ticks := container.New(yearTicks{}, marks...)
	bar := container.NewBorder(nil, nil, b.play, b.label, container.NewVBox(b.slider, ticks))
	return bar
}

// summaryWidget is the summary strip of the year, wrapped at words.
func (b *yearBar) summaryWidget() fyne.CanvasObject { return b.summary }

// yearTicks lays year labels under the slider's stops and the plan-period
// band under 2021–2025. The slider's track is inset by its thumb's radius
// plus inner padding at both ends (Fyne's Slider.endOffset).
type yearTicks struct{}

var _ fyne.Layout = yearTicks{}

func (yearTicks) inset() float32 {
	return (theme.Size(theme.SizeNameInlineIcon)-4)/2 + theme.Size(theme.SizeNameInnerPadding) - 1.5
}

func (yearTicks) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(200, objs[1].MinSize().Height)
}

// tickText labels a year's stop: "2021", or "'21" when the stops are too
// close for four digits (a narrow window), so labels never run together.
func tickText(y int, step float32) string {
	if step < 30 {
		return fmt.Sprintf("'%02d", y%100)
	}
	return fmt.Sprint(y)
}

func (l yearTicks) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := l.inset()
	step := (size.Width - 2*pad) / float32(LastYear-FirstYear)
	at := func(y int) float32 { return pad + step*float32(y-FirstYear) }
	for i, o := range objs[1:] {
		if t, ok := o.(*canvas.Text); ok {
			t.Text = tickText(FirstYear+i, step)
		}
		w := o.MinSize().Width
		o.Move(fyne.NewPos(at(FirstYear+i)-w/2, 0))
		o.Resize(o.MinSize())
	}
	objs[0].Move(fyne.NewPos(at(FirstYear)-step/2, 0))
	objs[0].Resize(fyne.NewSize(step*float32(PlanLastYear-FirstYear+1), size.Height))
}

// togglePlay steps the year forward once per playStepDelay through the
// plan period (from 2021 when at or past its end) and stops at 2025, from
// a goroutine; each step is applied on the UI goroutine and
// drawn off it.
func (b *yearBar) togglePlay() {
	if b.playing != nil {
		close(b.playing)
		b.playing = nil
		b.play.SetIcon(theme.MediaPlayIcon())
		return
	}
	if b.sh.st.scene.Year >= PlanLastYear {
		b.slider.SetValue(FirstYear)
	}
	stop := make(chan struct{})
	b.playing = stop
	b.play.SetIcon(theme.MediaPauseIcon())
	go b.playLoop(stop)
}

func (b *yearBar) playLoop(stop chan struct{}) {
	t := time.NewTicker(playStepDelay)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		fyne.Do(func() {
			if b.playing == stop {
				b.playTick()
			}
		})
	}
}

// playTick is one step of playback: the next year, stopping at the end of
// the plan period (2026–2030 stay reachable by hand).
func (b *yearBar) playTick() {
	b.step(1)
	if b.sh.st.scene.Year >= PlanLastYear {
		b.togglePlay()
	}
}
