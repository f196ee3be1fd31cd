package render

import "github.com/liwan-edu/schoolmap/geo/golden"

// assertGolden compares an image with testdata/NAME.png (see package golden).
var assertGolden = golden.Assert
