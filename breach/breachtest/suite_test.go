package breachtest_test

import (
	"testing"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
)

// TestMemStore runs the conformance suite against the reference store, so
// that the two prove each other.
func TestMemStore(t *testing.T) {
	breachtest.Run(t, func(*testing.T) breach.Store { return breachtest.NewMemStore() })
}
