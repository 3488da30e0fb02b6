//go:build windows

package printing

import (
	"fmt"
	"runtime"
	"syscall"
	"unsafe"
)

var (
	shell32              = syscall.NewLazyDLL("shell32.dll")
	ole32                = syscall.NewLazyDLL("ole32.dll")
	winspool             = syscall.NewLazyDLL("winspool.drv")
	procShellExecuteW    = shell32.NewProc("ShellExecuteW")
	procCoInitializeEx   = ole32.NewProc("CoInitializeEx")
	procCoUninitialize   = ole32.NewProc("CoUninitialize")
	procEnumPrintersW    = winspool.NewProc("EnumPrintersW")
	procGetDefaultPrintW = winspool.NewProc("GetDefaultPrinterW")
)

// shellExecute is ShellExecuteW: the path goes to Windows as UTF-16, so no
// character is lost to the legacy code page.
func shellExecute(verb, file, params string) error {
	v, err := utf16z(verb)
	if err != nil {
		return err
	}
	f, err := utf16z(file)
	if err != nil {
		return err
	}
	var p *uint16
	if params != "" {
		pp, err := utf16z(params)
		if err != nil {
			return err
		}
		p = &pp[0]
	}
	// Shell handlers may use COM: call on one thread with COM initialised.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const coinitApartmentThreaded, coinitDisableOLE1DDE = 0x2, 0x4
	if r, _, _ := procCoInitializeEx.Call(0, coinitApartmentThreaded|coinitDisableOLE1DDE); r == 0 || r == 1 {
		defer procCoUninitialize.Call()
	}
	const swShowNormal = 1
	r, _, _ := procShellExecuteW.Call(0, uintptr(unsafe.Pointer(&v[0])), uintptr(unsafe.Pointer(&f[0])),
		uintptr(unsafe.Pointer(p)), 0, swShowNormal)
	if r <= 32 {
		return shellError(r)
	}
	return nil
}

// printerInfo4 is PRINTER_INFO_4W.
type printerInfo4 struct {
	name, server *uint16
	attributes   uint32
}

// windowsPrinters lists the local and connected printers of the spooler.
func windowsPrinters() ([]Printer, error) {
	const enumLocal, enumConnections = 0x2, 0x4
	var needed, returned uint32
	procEnumPrintersW.Call(enumLocal|enumConnections, 0, 4, 0, 0,
		uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&returned)))
	if needed == 0 {
		return nil, ErrNoPrinter
	}
	buf := make([]byte, needed)
	r, _, e := procEnumPrintersW.Call(enumLocal|enumConnections, 0, 4, uintptr(unsafe.Pointer(&buf[0])),
		uintptr(needed), uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&returned)))
	if r == 0 {
		return nil, noPrinter{fmt.Sprintf("无法查询打印机：%v", e)}
	}
	if returned == 0 {
		return nil, ErrNoPrinter
	}
	infos := unsafe.Slice((*printerInfo4)(unsafe.Pointer(&buf[0])), returned)
	def := defaultPrinter()
	ps := make([]Printer, 0, returned)
	for _, in := range infos {
		name := utf16PtrString(in.name)
		ps = append(ps, Printer{Name: name, Default: name == def})
	}
	runtime.KeepAlive(buf)
	return ps, nil
}

func defaultPrinter() string {
	var n uint32
	procGetDefaultPrintW.Call(0, uintptr(unsafe.Pointer(&n)))
	if n == 0 {
		return ""
	}
	buf := make([]uint16, n)
	if r, _, _ := procGetDefaultPrintW.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n))); r == 0 {
		return ""
	}
	return syscall.UTF16ToString(buf)
}

// utf16PtrString reads a NUL-terminated UTF-16 string that Windows wrote.
func utf16PtrString(p *uint16) string {
	if p == nil {
		return ""
	}
	n := 0
	for ptr := unsafe.Pointer(p); *(*uint16)(ptr) != 0; n++ {
		ptr = unsafe.Add(ptr, 2)
	}
	return syscall.UTF16ToString(unsafe.Slice(p, n))
}
