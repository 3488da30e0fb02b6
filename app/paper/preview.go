package paper

import "nianbao/app/paper/fonts"

// Faces are the renderer's faces, indexed as its layouts' Text.Face, for
// drawing the pages in the window's preview (package raster).
func (rd *Renderer) Faces() []*fonts.Face { return rd.set.Faces }
