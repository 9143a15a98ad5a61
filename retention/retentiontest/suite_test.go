package retentiontest_test

import (
	"testing"

	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// TestMemStore runs the conformance suite against the MemStore, so that the
// reference implementation and the suite prove each other.
func TestMemStore(t *testing.T) {
	retentiontest.Run(t, func(*testing.T) retention.Store { return retentiontest.NewMemStore() })
}

// TestFixtureValid checks that the suite's rules are valid rules.
func TestFixtureValid(t *testing.T) {
	for i := range 16 {
		if err := retentiontest.FixtureRule(i).Validate(); err != nil {
			t.Errorf("FixtureRule(%d): %v", i, err)
		}
	}
}
