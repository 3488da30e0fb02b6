//go:build !windows

package syserr

import "syscall"

func errnoMessage(e syscall.Errno) string {
	switch e {
	case syscall.ENOSPC, syscall.EDQUOT:
		return "磁盘空间已满（或超出配额），请清理磁盘后重试"
	case syscall.EROFS:
		return "磁盘或文件夹是只读的，不能写入"
	case syscall.EACCES, syscall.EPERM:
		return "没有权限（请检查文件和文件夹的权限，或换一个位置）"
	case syscall.ENOENT:
		return "文件或文件夹不存在"
	case syscall.ENOTDIR:
		return "路径中有一段不是文件夹"
	case syscall.EISDIR:
		return "这是文件夹，不是文件"
	case syscall.EEXIST:
		return "文件已存在"
	case syscall.ELOOP:
		return "符号链接过多（可能互相指向，形成循环）"
	case syscall.ENAMETOOLONG:
		return "文件名或路径太长"
	case syscall.EIO:
		return "磁盘读写出错（硬件或网络存储故障），请检查磁盘"
	case syscall.EBUSY, syscall.ETXTBSY:
		return "文件正被其他程序使用"
	case syscall.EAGAIN:
		return "文件被其他程序锁定，请稍后重试"
	case syscall.EXDEV:
		return "不能跨磁盘移动文件"
	case syscall.ENXIO, syscall.ENODEV:
		return "设备不存在或未就绪"
	case syscall.EMFILE, syscall.ENFILE:
		return "打开的文件过多，请关闭一些程序后重试"
	}
	return ""
}
