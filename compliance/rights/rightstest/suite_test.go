package rightstest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
)

// TestMemStore runs the conformance suite against the MemStore.
func TestMemStore(t *testing.T) {
	rightstest.Run(t, func(*testing.T) rights.Store { return rightstest.NewMemStore() })
}
