package window

import (
	"strings"
	"testing"

	"nianbao/data/register"
	"nianbao/data/store"
	"nianbao/data/workdays"
)

// 文件 → 依申请公开台账 shows the agency's register with its count of what is
// due, and leads back to the report list.
func TestRegisterRoomOpens(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	reg := h.u.st.(store.Register)
	app := register.Application{Number: "1", Received: workdays.Date(h.u.Now()), Type: register.TypeNaturalPerson}
	if _, err := reg.PutApplications("某县财政局", []register.Application{app}); err != nil {
		t.Fatal(err)
	}
	if err := h.u.st.SetSetting("register_agency", "某县财政局"); err != nil {
		t.Fatal(err)
	}
	h.u.showRegister()
	h.idle()
	shown := strings.Join(texts(h.win.Content()), "\n")
	for _, want := range []string{"共 1 件；0 件申请 3 个工作日内到期，0 件已超期", "年报列表", "填写第三部分…"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the 台账 view lacks %q:\n%s", want, shown)
		}
	}
}
