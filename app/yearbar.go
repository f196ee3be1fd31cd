package app

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// The year control's range, and the plan period it marks.
const (
	FirstYear     = 2021
	LastYear      = 2030
	PlanLastYear  = 2025
	playStepDelay = 900 * time.Millisecond
)

// yearBar is the year slider with its play button and the plan period
// marked beneath it.
type yearBar struct {
	slider  *widget.Slider
	label   *widget.Label
	play    *widget.Button
	playing chan struct{} // closed to stop playback; nil when stopped
}

func (u *UI) newYearBar() *yearBar {
	b := &yearBar{slider: widget.NewSlider(FirstYear, LastYear), label: widget.NewLabel("")}
	b.slider.Step = 1
	b.slider.SetValue(float64(u.scene.Year))
	b.label.SetText(yearText(u.scene.Year))
	b.slider.OnChanged = func(v float64) {
		y := int(v)
		if y == u.scene.Year {
			return
		}
		b.label.SetText(yearText(y))
		u.update(func(sc *render.Scene) { sc.Year = y })
	}
	b.play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), func() { u.togglePlay() })
	return b
}

func yearText(y int) string {
	if y <= PlanLastYear {
		return fmt.Sprintf("%d年 (规划期内)", y)
	}
	return fmt.Sprintf("%d年", y)
}

// widget is the bar: play, slider, and beneath it a tick per year with
// the plan period 2021–2025 as a band.
func (b *yearBar) widget() fyne.CanvasObject {
	marks := []fyne.CanvasObject{canvas.NewRectangle(color.NRGBA{0, 114, 178, 70})}
	for y := FirstYear; y <= LastYear; y++ {
		t := canvas.NewText(fmt.Sprint(y), theme.Color(theme.ColorNameForeground))
		t.TextSize = 10
		marks = append(marks, t)
	}
	ticks := container.New(yearTicks{}, marks...)
	return container.NewBorder(nil, nil, b.play, b.label, container.NewVBox(b.slider, ticks))
}

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

func (l yearTicks) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := l.inset()
	step := (size.Width - 2*pad) / float32(LastYear-FirstYear)
	at := func(y int) float32 { return pad + step*float32(y-FirstYear) }
	for i, o := range objs[1:] {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(at(FirstYear+i)-w/2, 0))
		o.Resize(o.MinSize())
	}
	objs[0].Move(fyne.NewPos(at(FirstYear)-step/2, 0))
	objs[0].Resize(fyne.NewSize(step*float32(PlanLastYear-FirstYear+1), size.Height))
}

// togglePlay steps the year forward once per playStepDelay until the last
// year, from a goroutine; each step is applied on the UI goroutine and
// drawn off it.
func (u *UI) togglePlay() {
	b := u.years
	if b.playing != nil {
		close(b.playing)
		b.playing = nil
		b.play.SetIcon(theme.MediaPlayIcon())
		return
	}
	if u.scene.Year >= LastYear {
		b.slider.SetValue(FirstYear)
	}
	stop := make(chan struct{})
	b.playing = stop
	b.play.SetIcon(theme.MediaPauseIcon())
	go func() {
		t := time.NewTicker(playStepDelay)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			fyne.Do(func() {
				if b.playing != stop {
					return
				}
				b.slider.SetValue(float64(u.scene.Year + 1))
				if u.scene.Year >= LastYear {
					u.togglePlay()
				}
			})
		}
	}()
}

// summaryText is the summary strip for a year: seats by status and level,
// and the plan's new seats delivered so far.
func summaryText(s data.Summary) string {
	var parts [3][]string
	levels := make([]data.Level, 0, len(s.ByLevel))
	for l := range s.ByLevel {
		levels = append(levels, l)
	}
	sort.Slice(levels, func(i, j int) bool { return levels[i] < levels[j] })
	for _, l := range levels {
		ls := s.ByLevel[l]
		for k, n := range []int{ls.InService, ls.UnderConstruction, ls.Planned} {
			if n > 0 {
				parts[k] = append(parts[k], fmt.Sprintf("%s %d", l.Label(), n))
			}
		}
	}
	join := func(p []string) string {
		if len(p) == 0 {
			return "0"
		}
		return strings.Join(p, " · ")
	}
	pct := 0.0
	if s.PlanTotal > 0 {
		pct = 100 * float64(s.Delivered) / float64(s.PlanTotal)
	}
	// Always three lines, so the map above never changes size with the text.
	text := fmt.Sprintf("%d年学位 seats · 建成 in service: %s\n在建 building: %s | 规划 planned: %s\n"+
		"规划新增学位已交付 new seats delivered: %d / %d (%.0f%%)",
		s.Year, join(parts[0]), join(parts[1]), join(parts[2]), s.Delivered, s.PlanTotal, pct)
	if len(s.Overdue) > 0 {
		text += fmt.Sprintf(" · 逾期 overdue: %s", strings.Join(s.Overdue, ", "))
	}
	if s.NoSeats > 0 {
		text += fmt.Sprintf(" · %d 所学校班数未注明 seats unknown", s.NoSeats)
	}
	return text
}
