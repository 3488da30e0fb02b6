//go:build !unix

package pgtest

import (
	"errors"
	"os/exec"
)

type credential struct{ uid, gid int }

func unprivileged() (*credential, error) {
	return nil, errors.New("不支持以管理员身份运行测试用的 PostgreSQL")
}

func (c *credential) apply(*exec.Cmd) {}
