//go:build unix

package pgtest

import (
	"fmt"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// credential is an unprivileged user the server runs as when the tests run as root.
type credential struct{ uid, gid int }

// unprivileged is the user "nobody": PostgreSQL refuses to run as root.
func unprivileged() (*credential, error) {
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("以 root 运行测试，需要用户 nobody 来运行 PostgreSQL：%w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &credential{uid: uid, gid: gid}, nil
}

func (c *credential) apply(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(c.uid), Gid: uint32(c.gid)}}
	cmd.Env = append(cmd.Env, "HOME="+cmd.Dir)
}
