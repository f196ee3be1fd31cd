package render

// attribution is the basemap credit to draw: the tile getter's own, when
// it has one (a basemap switched at run time), else Attribution.
func (r *Renderer) attribution() string {
	if a, ok := r.Tiles.(interface{ Attribution() string }); ok {
		return a.Attribution()
	}
	return r.Attribution
}
