package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
		newSiteRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.shown) {
				name, detail := l.rowParts(l.shown[i])
				labs := o.(*fyne.Container).Objects
				labs[0].(*widget.Label).SetText(name)
				labs[1].(*widget.Label).SetText(detail)
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

// newSiteRow is a list row of two lines: number and short name, then the
// level and location notes in small type, so the name has the column's
// whole width (at 1280×800 a one-line row cut most names).
func newSiteRow() fyne.CanvasObject {
	name, detail := widget.NewLabel(""), widget.NewLabel("")
	name.Truncation, detail.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.New(rowLayout{}, name, detail)
}

// rowLayout stacks a row's two labels with no gap between them.
type rowLayout struct{}

func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-2*theme.InnerPadding())
}

func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, a))
	objs[1].Move(fyne.NewPos(0, a-2*theme.InnerPadding()))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-a+2*theme.InnerPadding()))
}

// rowParts are a row's two lines: "N. short name", and the level with
// the location notes.
func (l *SiteList) rowParts(i int) (name, detail string) {
	s := &l.sites()[i]
	detail = levelText(s.Level)
	if !s.Located {
		detail += i18n.T("ui.sitelist.unlocated")
	} else if s.Approximate() {
		detail += " · ≈"
	}
	return fmt.Sprintf("%d. %s", s.No, s.ShortName), detail
}

// rowText is a row's text on one line.
func (l *SiteList) rowText(i int) string {
	name, detail := l.rowParts(i)
	return name + " · " + detail
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
