package compliancetest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/compliancetest"
)

// TestMemStore runs the conformance suite against the MemStore.
func TestMemStore(t *testing.T) {
	compliancetest.Run(t, func(*testing.T) (compliance.ActivityStore, compliance.RequestStore) {
		m := compliancetest.NewMemStore()
		return m.Activities(), m.Requests()
	})
}
