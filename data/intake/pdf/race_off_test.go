//go:build !race

package pdf

const raceBuild = false
