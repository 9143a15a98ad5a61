package noticetest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/notice/noticetest"
)

func TestMemStore(t *testing.T) {
	noticetest.Run(t, func(*testing.T) notice.Store { return noticetest.NewMemStore() })
}
