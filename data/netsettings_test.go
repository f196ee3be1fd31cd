package data

import (
	"path/filepath"
	"testing"
)

func TestNetworkSettingsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "net.gpkg")
	in := editedProject(t)
	want := NetworkSettings{Catchments: "network", LateralM: 75, SpeedKmh: 3.5, CellM: 50}
	in.Network = want
	if err := SaveProject(path, in); err != nil {
		t.Fatal(err)
	}
	out, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if out.Network != want {
		t.Fatalf("network settings back %+v, want %+v", out.Network, want)
	}
}

func TestNetworkSettingsDefaults(t *testing.T) {
	d := DefaultNetworkSettings()
	if d != (NetworkSettings{Catchments: "circle", LateralM: 50, SpeedKmh: 4, CellM: 25}) {
		t.Fatalf("defaults %+v", d)
	}
	var p Project
	p.readNetwork("") // a project saved before the settings existed
	if p.Network != d {
		t.Fatalf("missing settings read as %+v, want defaults", p.Network)
	}
	p.readNetwork(`{"catchments":"bogus","lateral_m":5000,"walk_speed_kmh":3,"access_cell_m":0}`)
	if want := (NetworkSettings{Catchments: "circle", LateralM: 50, SpeedKmh: 3, CellM: 25}); p.Network != want {
		t.Fatalf("bad values read as %+v, want %+v", p.Network, want)
	}
}
