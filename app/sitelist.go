package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// matches reports whether a site matches a search query: any
// whitespace-separated term found in the name, short name, plot code,
// subdistrict, id or number (case-insensitive).
func matches(s *data.Site, query string) bool {
	hay := strings.ToLower(strings.Join([]string{s.Name, s.ShortName, s.PlotCode, s.Subdistrict,
		s.SubdistrictNote, s.ID, strconv.Itoa(s.No), s.Level.Label(), levelText(s.Level)}, " "))
	for _, term := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, term) {
			return false
		}
	}
	return true
}

// SiteList is the searchable list of all sites.
type SiteList struct {
	Search *widget.Entry
	List   *widget.List
	Count  *widget.Label
	sites  func() []data.Site
	shown  []int // indices into sites()
	// highlighted is the site selected anywhere (map or list); syncing is
	// set while the list follows it, so that is not taken as a pick.
	highlighted string
	syncing     bool
	selRow      int // the selected row, -1 for none
	// OnSelect is called with a site ID when the user picks an entry.
	OnSelect func(id string)
}

// NewSiteList builds the list over the current sites.
func NewSiteList(sites func() []data.Site) *SiteList {
	l := &SiteList{sites: sites, Search: widget.NewEntry(), Count: widget.NewLabel("")}
	l.Search.SetPlaceHolder(i18n.T("ui.sitelist.search_name_plot_code_subdistrict"))
	l.List = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			lab := widget.NewLabel("")
			lab.Truncation = fyne.TextTruncateEllipsis
			return lab
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.shown) {
				o.(*widget.Label).SetText(l.rowText(l.shown[i]))
			}
		})
	l.selRow = -1
	l.List.OnUnselected = func(widget.ListItemID) { l.selRow = -1 }
	l.List.OnSelected = func(i widget.ListItemID) {
		l.selRow = i
		if i < len(l.shown) && l.OnSelect != nil && !l.syncing {
			l.OnSelect(l.sites()[l.shown[i]].ID)
		}
	}
	l.Search.OnChanged = func(string) { l.Refilter() }
	l.Refilter()
	return l
}

func (l *SiteList) rowText(i int) string {
	s := &l.sites()[i]
	t := fmt.Sprintf("%d. %s · %s", s.No, s.ShortName, levelText(s.Level))
	if !s.Located {
		t += i18n.T("ui.sitelist.unlocated")
	} else if s.Approximate() {
		t += " · ≈"
	}
	return t
}

// Refilter applies the search text again (after edits or typing).
func (l *SiteList) Refilter() {
	l.shown = l.shown[:0]
	sites := l.sites()
	for i := range sites {
		if matches(&sites[i], l.Search.Text) {
			l.shown = append(l.shown, i)
		}
	}
	l.Count.SetText(fmt.Sprintf(i18n.T("ui.sitelist.sites"), len(l.shown), len(sites)))
	l.List.Refresh()
	l.Highlight(l.highlighted)
}

// Highlight selects the row of site id ("" or a site filtered out: none)
// and scrolls to it, without calling OnSelect.
func (l *SiteList) Highlight(id string) {
	l.highlighted = id
	l.syncing = true
	defer func() { l.syncing = false }()
	sites := l.sites()
	for row, i := range l.shown {
		if i < len(sites) && sites[i].ID == id {
			l.List.Select(row)
			l.List.ScrollTo(row)
			return
		}
	}
	l.List.UnselectAll()
}

// selected is the site whose row is highlighted, or "".
func (l *SiteList) selected() string {
	sites := l.sites()
	for row, i := range l.shown {
		if i < len(sites) && sites[i].ID == l.highlighted && row == l.selRow {
			return l.highlighted
		}
	}
	return ""
}

// Widget is the list with its search box.
func (l *SiteList) Widget() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(l.Search, l.Count), nil, nil, nil, l.List)
}
