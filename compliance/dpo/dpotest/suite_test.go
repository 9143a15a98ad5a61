package dpotest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/dpo/dpotest"
)

func TestMemStore(t *testing.T) {
	dpotest.Run(t, func(*testing.T) dpo.Store { return dpotest.NewMemStore() })
}

func TestMemConditionsStore(t *testing.T) {
	dpotest.RunConditions(t, func(*testing.T) dpo.ConditionsStore { return dpotest.NewMemConditionsStore() })
}
