//go:build windows

package syserr

import "syscall"

// Windows error codes (winerror.h) that a user can meet with files.
const (
	errorFileNotFound        = 2
	errorPathNotFound        = 3
	errorTooManyOpenFiles    = 4
	errorAccessDenied        = 5
	errorWriteProtect        = 19
	errorNotReady            = 21
	errorCRC                 = 23
	errorSharingViolation    = 32
	errorLockViolation       = 33
	errorHandleDiskFull      = 39
	errorFileExists          = 80
	errorInvalidName         = 123
	errorDiskFull            = 112
	errorAlreadyExists       = 183
	errorFilenameExcedRange  = 206
	errorIODevice            = 1117
	errorDiskQuotaExceeded   = 1295
	errorCantResolveFilename = 1921
)

func errnoMessage(e syscall.Errno) string {
	switch e {
	case errorDiskFull, errorHandleDiskFull, errorDiskQuotaExceeded:
		return msgDiskFull
	case errorWriteProtect:
		return msgReadOnly
	case errorAccessDenied:
		return "没有权限（请检查文件和文件夹的权限，或换一个位置；文件也可能正被其他程序打开）"
	case errorFileNotFound, errorPathNotFound:
		return msgNotExist
	case errorSharingViolation:
		return "文件正被其他程序使用（例如在 WPS 或 PDF 阅读器中打开），请关闭后重试"
	case errorLockViolation:
		return msgLocked
	case errorFileExists, errorAlreadyExists:
		return msgExists
	case errorInvalidName:
		return "文件名中有 Windows 不允许的字符"
	case errorFilenameExcedRange:
		return msgTooLong
	case errorNotReady:
		return "设备未就绪（如 U 盘已拔出）"
	case errorCRC, errorIODevice:
		return msgIO
	case errorTooManyOpenFiles:
		return msgTooManyFiles
	case errorCantResolveFilename:
		return msgLoop
	}
	return ""
}
