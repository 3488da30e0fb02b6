package connect

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/syserr"
)

// The TLS choices as the form offers them, in order.
var tlsLabels = []struct{ mode, label string }{
	{TLSVerify, "加密，并验证服务器证书（推荐）"},
	{TLSRequire, "加密，但不验证证书"},
	{TLSOff, "不加密（仅限可信的单位内部网络）"},
}

// tlsNote explains the TLS choices to a clerk.
const tlsNote = "加密连接使网络上的其他人看不到报告内容和密码。验证服务器证书可以确认连上的确实是本单位的服务器，" +
	"而不是冒充它的计算机：服务器的证书由系统信任的机构签发时不用再填什么；由本单位自己签发时，" +
	"请向管理员要来根证书文件（如 root.crt），填在“根证书文件”中。不验证证书时仍然加密，但无法发现冒充者。"

// noteWidth is the width of the dialogs' explanations.
const noteWidth = 520

// Form is the dialog of 文件 → 数据库 → 连接共享数据库.
type Form struct {
	host, port, database, user, password, rootCert *widget.Entry
	tls                                            *widget.RadioGroup
	remember                                       *widget.Check
	dialog                                         *dialog.FormDialog
}

// Show shows the form filled with c; 连接 calls connect with what was typed
// (checked first: what is missing is said and the form stays).
func Show(w fyne.Window, c Choice, connect func(c Choice, password string, remember bool)) *Form {
	f := &Form{host: widget.NewEntry(), port: widget.NewEntry(), database: widget.NewEntry(), user: widget.NewEntry(),
		password: widget.NewPasswordEntry(), rootCert: widget.NewEntry(), remember: widget.NewCheck("记住密码（保存在系统的凭据管理中，不以明文保存）", nil)}
	f.host.SetPlaceHolder("如 192.168.1.10 或 db.example.gov.cn")
	f.host.SetText(c.Host)
	if c.Port == 0 {
		c.Port = 5432
	}
	f.port.SetText(strconv.Itoa(c.Port))
	f.database.SetText(c.Database)
	f.user.SetText(c.User)
	f.rootCert.SetText(c.RootCert)
	f.rootCert.SetPlaceHolder("服务器证书由本单位签发时填写，如 C:\\证书\\root.crt")
	f.remember.SetChecked(true)
	var labels []string
	for _, t := range tlsLabels {
		labels = append(labels, t.label)
	}
	f.tls = widget.NewRadioGroup(labels, func(string) { f.showRootCert() })
	f.tls.Required = true
	f.tls.SetSelected(tlsLabels[0].label)
	for _, t := range tlsLabels {
		if t.mode == c.TLS {
			f.tls.SetSelected(t.label)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem("服务器", f.host),
		widget.NewFormItem("端口", f.port),
		widget.NewFormItem("数据库", f.database),
		widget.NewFormItem("用户名", f.user),
		widget.NewFormItem("密码", f.password),
		widget.NewFormItem("", f.remember),
		widget.NewFormItem("连接方式", f.tls),
		widget.NewFormItem("根证书文件", f.rootCert),
		widget.NewFormItem("", container.New(kit.FixedWidth(noteWidth), kit.WrappedAt(tlsNote, noteWidth))),
	}
	f.dialog = dialog.NewForm("连接共享数据库", "连接", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		choice, err := f.Choice()
		if err != nil {
			kit.ShowMessage(w, "连接共享数据库", syserr.Text(err))
			return
		}
		connect(choice, f.password.Text, f.remember.Checked)
	}, w)
	f.showRootCert()
	f.dialog.Resize(fyne.NewSize(680, 640))
	f.dialog.Show()
	return f
}

// showRootCert offers the root certificate only where it is used.
func (f *Form) showRootCert() {
	if f.tls.Selected == tlsLabels[0].label {
		f.rootCert.Enable()
	} else {
		f.rootCert.Disable()
	}
}

// Choice is what the form holds, checked.
func (f *Form) Choice() (Choice, error) {
	c := Choice{Host: strings.TrimSpace(f.host.Text), Database: strings.TrimSpace(f.database.Text),
		User: strings.TrimSpace(f.user.Text), RootCert: strings.TrimSpace(f.rootCert.Text)}
	c.Port, _ = strconv.Atoi(strings.TrimSpace(f.port.Text))
	for _, t := range tlsLabels {
		if t.label == f.tls.Selected {
			c.TLS = t.mode
		}
	}
	if c.TLS != TLSVerify {
		c.RootCert = ""
	}
	return c, c.Check()
}

// Fill types into the form (tests, as a user would).
func (f *Form) Fill(host, port, database, user, password string, tls int) {
	f.host.SetText(host)
	f.port.SetText(port)
	f.database.SetText(database)
	f.user.SetText(user)
	f.password.SetText(password)
	f.tls.SetSelected(tlsLabels[tls].label)
}

// Submit is the 连接 button.
func (f *Form) Submit() { f.dialog.Submit() }

// AskPassword asks, at start, for the password of the shared database c
// (none is kept on this PC); local goes back to this PC's database.
func AskPassword(w fyne.Window, c Choice, connect func(password string, remember bool), local func()) {
	pw := widget.NewPasswordEntry()
	remember := widget.NewCheck("记住密码（保存在系统的凭据管理中）", nil)
	msg := kit.WrappedAt("上次使用的是共享数据库 "+c.Key()+"。本机没有保存它的密码，请输入密码后连接；"+
		"也可以改用本机数据库（之后可从“文件 → 数据库 → 连接共享数据库…”再连接）。", noteWidth)
	content := container.NewVBox(container.New(kit.FixedWidth(noteWidth), msg), widget.NewForm(widget.NewFormItem("密码", pw)), remember)
	var d *dialog.CustomDialog
	connectBtn := widget.NewButton("连接", func() { d.Hide(); connect(pw.Text, remember.Checked) })
	connectBtn.Importance = widget.HighImportance
	localBtn := widget.NewButton("使用本机数据库", func() { d.Hide(); local() })
	d = dialog.NewCustomWithoutButtons("连接共享数据库", content, w)
	d.SetButtons([]fyne.CanvasObject{localBtn, connectBtn})
	pw.OnSubmitted = func(string) { connectBtn.OnTapped() }
	d.Show()
	w.Canvas().Focus(pw)
}

// Failed says why the connection to c failed and how to go on: fill in the
// form again, or use this PC's database.
func Failed(w fyne.Window, c Choice, err error, again, local func()) {
	msg := "无法连接共享数据库 " + c.Key() + "：\n" + syserr.Text(err) +
		"\n\n可以点“重新填写”检查服务器、端口、用户名、密码和连接方式后再连接；或点“使用本机数据库”，先在本机填写。"
	var d *dialog.CustomDialog
	againBtn := widget.NewButton("重新填写", func() { d.Hide(); again() })
	againBtn.Importance = widget.HighImportance
	localBtn := widget.NewButton("使用本机数据库", func() { d.Hide(); local() })
	d = dialog.NewCustomWithoutButtons("无法连接共享数据库", kit.MessageText(msg), w)
	d.SetButtons([]fyne.CanvasObject{localBtn, againBtn})
	d.Show()
}
