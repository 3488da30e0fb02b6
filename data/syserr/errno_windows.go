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
		return "磁盘空间已满（或超出配额），请清理磁盘后重试"
	case errorWriteProtect:
		return "磁盘或文件夹是只读的，不能写入"
	case errorAccessDenied:
		return "没有权限（请检查文件和文件夹的权限，或换一个位置；文件也可能正被其他程序打开）"
	case errorFileNotFound, errorPathNotFound:
		return "文件或文件夹不存在"
	case errorSharingViolation:
		return "文件正被其他程序使用（例如在 WPS 或 PDF 阅读器中打开），请关闭后重试"
	case errorLockViolation:
		return "文件被其他程序锁定，请稍后重试"
	case errorFileExists, errorAlreadyExists:
		return "文件已存在"
	case errorInvalidName:
		return "文件名中有 Windows 不允许的字符"
	case errorFilenameExcedRange:
		return "文件名或路径太长"
	case errorNotReady:
		return "设备未就绪（如 U 盘已拔出）"
	case errorCRC, errorIODevice:
		return "磁盘读写出错（硬件或网络存储故障），请检查磁盘"
	case errorTooManyOpenFiles:
		return "打开的文件过多，请关闭一些程序后重试"
	case errorCantResolveFilename:
		return "符号链接过多（可能互相指向，形成循环）"
	}
	return ""
}
