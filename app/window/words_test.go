package window

import (
	"strings"
	"testing"
)

// Plain words (issue 19 point 11): what the window says names things as a
// clerk knows them, without codes, paths or English.

func TestAboutSaysNoUnknownCommit(t *testing.T) {
	h := newHarness(t, nil)
	h.u.about()
	h.loop.run()
	msg := h.overlayText()
	if !strings.Contains(msg, "年报（Nianbao）") {
		t.Fatalf("关于 says %q", msg)
	}
	// A test binary is built without a commit, as a build outside git is.
	if strings.Contains(msg, "unknown") || strings.Contains(msg, "提交") {
		t.Errorf("关于 names a commit it does not have: %q", msg)
	}
}
