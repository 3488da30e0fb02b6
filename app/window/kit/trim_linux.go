//go:build linux && cgo

package kit

/*
#include <malloc.h>
*/
import "C"

// trimC hands back to the system the free memory of the C allocator
// (glibc's malloc_trim): the graphics driver's copies of images and text
// drawn and since let go, which glibc otherwise keeps for the next
// allocation. Measured at the end of a working day: about 12 MB (issue 19
// point 13). The desktops the program runs on (统信UOS, 银河麒麟, Debian)
// use glibc.
func trimC() { C.malloc_trim(0) }
