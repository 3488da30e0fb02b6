package window

import (
	"errors"

	"nianbao/app/window/connect"
	"nianbao/data/store/postgres"
	"nianbao/data/syserr"
)

// connectServer is 文件 → 数据库 → 连接共享数据库…: the form, filled with the shared
// database chosen last on this PC.
func (u *ui) connectServer() {
	c, ok := connect.Saved(u.app.Preferences())
	if !ok {
		c = connect.Choice{Port: 5432, TLS: connect.TLSVerify}
	}
	connect.Show(u.win, c, u.connectTo)
}

// connectTo connects to the shared database c (off the UI goroutine: a
// server may take seconds to answer or not answer); then it is the window's
// database, and the next starts' on this PC, its password kept in the
// system's credential store when asked to. A failure says what failed and
// how to go on.
func (u *ui) connectTo(c connect.Choice, password string, remember bool) {
	u.SetStatus("正在连接共享数据库 " + c.Key() + "…")
	where := c.URL(password)
	go func() {
		st, err := openStore(&where)
		u.post(func() {
			if err != nil {
				u.SetStatusError("未能连接共享数据库 " + c.Key())
				connect.Failed(u.win, c, err, func() { connect.Show(u.win, c, u.connectTo) }, u.useLocal)
				return
			}
			connect.Keep(u.app.Preferences(), c)
			note := u.keepPassword(c, password, remember)
			u.switchTo(st, where)
			if note != "" {
				u.ShowMessage("密码没有保存", note)
			}
		})
	}()
}

// keepPassword keeps (or forgets) the password of c in the system's
// credential store, and says when there is none to keep it in.
func (u *ui) keepPassword(c connect.Choice, password string, remember bool) string {
	if !remember {
		u.secrets.Delete(c.Key()) // none kept is as good
		return ""
	}
	if err := u.secrets.Set(c.Key(), password); err != nil {
		return "本机没有可用的系统凭据存储（Linux 上的 Secret Service 或 Windows 凭据管理器），密码没有保存在本机：" +
			"下次启动时会询问密码。\n\n（系统的说明：" + syserr.Text(err) + "）"
	}
	return ""
}

// errLocalAlready is 使用本机数据库 while it is in use.
var errLocalAlready = errors.New("已经在使用本机数据库")

// useLocal is 文件 → 数据库 → 使用本机数据库: this PC's database, now and at the next starts.
func (u *ui) useLocal() {
	connect.Local(u.app.Preferences())
	if !postgres.IsURL(u.dbPath) {
		u.SetStatus(errLocalAlready.Error())
		return
	}
	where := ""
	go func() {
		st, err := openStore(&where)
		u.post(func() {
			if err != nil {
				u.ShowError("无法打开本机数据库", err)
				return
			}
			u.switchTo(st, where)
		})
	}()
}

// leave saves the open report and closes the store, before the window is
// made anew on another database; when the save fails nothing is closed.
func (u *ui) leave() error {
	if err := u.saver.Close(); err != nil {
		return err
	}
	if u.combine != nil {
		u.combine.Stop()
	}
	u.intake.Reader().Close()
	u.stopWatch() // the report open here is let go before its store closes
	return u.st.Close()
}
