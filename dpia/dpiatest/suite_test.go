package dpiatest_test

import (
	"testing"

	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
)

// TestMemStore runs the conformance suite against the MemStore, so the
// reference store and the suite prove each other.
func TestMemStore(t *testing.T) {
	dpiatest.Run(t, func(*testing.T) dpia.Store { return dpiatest.NewMemStore() })
}

// TestFixtureValid checks that the suite's records are valid assessments:
// a host store may validate what it stores.
func TestFixtureValid(t *testing.T) {
	for i := range 8 {
		if err := dpiatest.Record(i).Validate(); err != nil {
			t.Errorf("record %d: %v", i, err)
		}
	}
}
