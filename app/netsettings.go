package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Preference keys of the network settings (remembered between runs; a
// project's own settings win when it opens).
const (
	prefNetCatchments = "network.catchments"
	prefNetLateral    = "network.lateral_m"
	prefNetSpeed      = "network.walk_speed_kmh"
	prefNetCell       = "network.access_cell_m"
)

// loadNetPrefs reads the remembered network settings (defaults when none).
func loadNetPrefs(p fyne.Preferences) data.NetworkSettings {
	d := data.DefaultNetworkSettings()
	return data.NetworkSettings{Catchments: p.StringWithFallback(prefNetCatchments, d.Catchments),
		LateralM: p.FloatWithFallback(prefNetLateral, d.LateralM), SpeedKmh: p.FloatWithFallback(prefNetSpeed, d.SpeedKmh),
		CellM: p.FloatWithFallback(prefNetCell, d.CellM)}.Clean()
}

func saveNetPrefs(p fyne.Preferences, n data.NetworkSettings) {
	p.SetString(prefNetCatchments, n.Catchments)
	p.SetFloat(prefNetLateral, n.LateralM)
	p.SetFloat(prefNetSpeed, n.SpeedKmh)
	p.SetFloat(prefNetCell, n.CellM)
}

// changeNetSettings applies a planner's change: the map follows, the
// preferences remember it and the project counts as changed.
func (sh *shell) changeNetSettings(change func(n *data.NetworkSettings)) {
	n := sh.st.net.cfg
	change(&n)
	if n = n.Clean(); n == sh.st.net.cfg {
		return
	}
	sh.st.setNetSettings(n)
	saveNetPrefs(sh.prefs, n)
	sh.st.markDirty()
}

// netChoice is a select of values with a unit; the default is marked.
// It follows the settings (networkChanged) and sets them when changed.
func netChoice(sh *shell, values []float64, unit string, get func(data.NetworkSettings) float64, set func(*data.NetworkSettings, float64)) *widget.Select {
	def := get(data.DefaultNetworkSettings())
	text := func(v float64) string {
		t := fmt.Sprintf("%g %s", v, unit)
		if v == def {
			t += i18n.T("network.ui.default")
		}
		return t
	}
	s := widget.NewSelect(nil, nil)
	sync := func() {
		cur, opts, seen := get(sh.st.net.cfg), []string{}, false
		for _, v := range values {
			opts, seen = append(opts, text(v)), seen || v == cur
		}
		if !seen {
			opts = append(opts, text(cur))
		}
		s.SetOptions(opts)
		s.SetSelected(text(cur))
	}
	sync()
	s.OnChanged = func(v string) {
		var f float64
		fmt.Sscanf(v, "%g", &f)
		sh.changeNetSettings(func(n *data.NetworkSettings) { set(n, f) })
	}
	sh.st.listen(networkChanged, sync)
	return s
}
