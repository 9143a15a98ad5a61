package processortest_test

import (
	"testing"

	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// The reference implementation passes the conformance suite.
func TestMemStore(t *testing.T) {
	processortest.Run(t, func(*testing.T) processor.Store { return processortest.NewMemStore() })
}

// The fixture's records are valid, so hosts can use them as sample data.
func TestRecordsAreValid(t *testing.T) {
	for i := range 8 {
		if err := processortest.Record(i).Validate(); err != nil {
			t.Errorf("Record(%d): %v", i, err)
		}
	}
}

// The reference decision store passes the decision suite.
func TestMemDecisionStore(t *testing.T) {
	processortest.RunDecisions(t, func(*testing.T) processor.DecisionStore { return processortest.NewMemDecisionStore() })
}

// The decision fixture is valid evidence.
func TestDecisionsAreValid(t *testing.T) {
	for i := range 4 {
		if err := processortest.Decision(i).Validate(); err != nil {
			t.Errorf("Decision(%d): %v", i, err)
		}
	}
}
