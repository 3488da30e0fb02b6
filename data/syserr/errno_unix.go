//go:build !windows

package syserr

import "syscall"

func errnoMessage(e syscall.Errno) string {
	switch e {
	case syscall.ENOSPC, syscall.EDQUOT:
		return msgDiskFull
	case syscall.EROFS:
		return msgReadOnly
	case syscall.EACCES, syscall.EPERM:
		return msgNoPermission
	case syscall.ENOENT:
		return msgNotExist
	case syscall.ENOTDIR:
		return "路径中有一段不是文件夹"
	case syscall.EISDIR:
		return "这是文件夹，不是文件"
	case syscall.EEXIST:
		return msgExists
	case syscall.ELOOP:
		return msgLoop
	case syscall.ENAMETOOLONG:
		return msgTooLong
	case syscall.EIO:
		return msgIO
	case syscall.EBUSY, syscall.ETXTBSY:
		return "文件正被其他程序使用"
	case syscall.EAGAIN:
		return msgLocked
	case syscall.EXDEV:
		return "不能跨磁盘移动文件"
	case syscall.ENXIO, syscall.ENODEV:
		return "设备不存在或未就绪"
	case syscall.EMFILE, syscall.ENFILE:
		return msgTooManyFiles
	}
	return ""
}
