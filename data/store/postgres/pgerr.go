package postgres

import (
	"context"
	"crypto/x509"
	"errors"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"nianbao/data/syserr"
)

// PostgreSQL's and pgx's errors are said in Chinese here, beside the only
// package that connects to a server, and given to syserr when the store is
// linked (as data/store/sqlite does with SQLite's).
func init() { syserr.Register(pgErrors{}) }

// pgErrors is the syserr.Translator of pgx's errors.
type pgErrors struct{}

// Speaks reports whether e's own text is pgx's or the server's English.
func (pgErrors) Speaks(e error) bool {
	switch e.(type) {
	case *pgconn.PgError, *pgconn.ConnectError, *pgconn.ParseConfigError, *net.OpError, *net.DNSError,
		x509.UnknownAuthorityError, x509.HostnameError, x509.CertificateInvalidError:
		return true
	}
	// pgx's "conn closed", of an unexported type or its own sentinel.
	return errors.Is(e, pgconn.ErrConnClosed) && e.Error() == pgconn.ErrConnClosed.Error()
}

// Message says in Chinese what failed and how to go on, or "".
func (pgErrors) Message(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return serverMessage(pe)
	}
	if m := certificateMessage(err); m != "" {
		return m
	}
	if strings.Contains(err.Error(), "server refused TLS connection") {
		return "数据库服务器不支持加密连接（TLS）：请管理员为服务器配置证书，或在确认网络可信时改用 sslmode=disable"
	}
	if strings.Contains(err.Error(), "server does not support SSL") {
		return "数据库服务器不支持加密连接（TLS）：请管理员为服务器配置证书"
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "找不到数据库服务器（主机名“" + dns.Name + "”无法解析）：请检查主机名的拼写和网络设置"
	}
	switch {
	case errors.Is(err, pgconn.ErrConnClosed):
		return "与数据库服务器的连接断开了（服务器停止、重启或网络中断），请稍后重试"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "数据库服务器拒绝连接：该主机的这个端口上没有运行 PostgreSQL（服务器未启动、端口不对，或防火墙拒绝），请检查主机和端口，或请管理员启动服务器"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "无法到达数据库服务器：网络不通，请检查网线、无线网络或 VPN，或请管理员检查网络"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "与数据库服务器的连接断开了（服务器重启或网络中断），请稍后重试"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return "连接数据库服务器超时：服务器没有回应（网络不通、防火墙阻止，或服务器太忙），请检查网络后重试"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "连接数据库服务器超时：服务器没有回应（网络不通、防火墙阻止，或服务器太忙），请检查网络后重试"
	}
	return ""
}

// certificateMessage explains a failed verification of the server's certificate.
func certificateMessage(err error) string {
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &ua):
		return "数据库服务器的证书不是由可信的机构签发的：请向管理员要来服务器的根证书，在地址中用 sslrootcert=文件 指定；不要为此关掉证书验证"
	case errors.As(err, &he):
		return "数据库服务器的证书与所连接的主机名不符（证书上的名称是 " + strings.Join(he.Certificate.DNSNames, "、") +
			"）：请按证书上的名称连接，或请管理员换发证书"
	case errors.As(err, &ci):
		if ci.Reason == x509.Expired {
			return "数据库服务器的证书已过期或尚未生效（也请检查本机的日期和时间）：请管理员换发证书"
		}
		return "数据库服务器的证书无效：请管理员检查服务器的证书"
	}
	return ""
}

// serverMessage says an error the server reported, by its SQLSTATE.
func serverMessage(pe *pgconn.PgError) string {
	switch pe.Code {
	case "28P01":
		return "用户名或密码不对：请检查后重新输入；忘记密码时请政务公开办重新发放（nianbao server add-unit）"
	case "28000":
		return "数据库服务器不允许这个用户从本机登录（服务器的 pg_hba.conf 中没有相应的规则）：请联系管理员"
	case "3D000":
		return "数据库服务器上没有这个数据库：请检查地址中的数据库名，或请管理员先建立数据库"
	case "53300":
		return "数据库服务器的连接数已满：请稍后重试，或请管理员调大 max_connections"
	case "57P01", "57P02", "57P03":
		return "数据库服务器正在关闭或启动，暂时不能连接：请稍后重试"
	case "42501":
		return "这个登录没有权限做这件事：单位的登录只能查看和修改本单位的报告，政务公开办的登录只能修改本机关的报告和名单"
	case "25006":
		return "数据库服务器只能读取（备用服务器或设置为只读），不能保存"
	case "53100":
		return "数据库服务器的磁盘已满，不能保存：请联系管理员"
	case "40P01", "40001":
		return "与另一处的保存同时进行而未能完成，请重试"
	case "0A000":
		return "数据库服务器不支持年报需要的功能（版本太旧或不是 PostgreSQL）：请管理员升级服务器"
	}
	return ""
}
