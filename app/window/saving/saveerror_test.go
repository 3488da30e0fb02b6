package saving

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"nianbao/data/report"
	"nianbao/data/store"
)

// A failed save says in Chinese what happened and keeps its cause.
func TestSaveErrorKeepsCause(t *testing.T) {
	r := report.New("中卫市民政局", 2023)
	err := error(&saveError{r: r, err: fmt.Errorf("保存：%w", store.ErrConflict)})
	if !errors.Is(err, store.ErrConflict) {
		t.Error("errors.Is(err, store.ErrConflict) = false")
	}
	if !strings.Contains(err.Error(), "中卫市民政局2023年度") {
		t.Errorf("message %q does not name the report", err.Error())
	}
	other := errors.New("磁盘已满")
	if err := error(&saveError{r: r, err: other}); !errors.Is(err, other) || err.Error() != "磁盘已满" {
		t.Errorf("other cause: %v", err)
	}
}
