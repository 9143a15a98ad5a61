package recordtest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
)

// TestMemStore runs the conformance suite against the MemStore.
func TestMemStore(t *testing.T) {
	recordtest.Run(t, func(*testing.T) record.Store { return recordtest.NewMemStore() })
}
