package trainingtest_test

import (
	"testing"

	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/compliance/training/trainingtest"
)

func TestMemStore(t *testing.T) {
	trainingtest.Run(t, func(*testing.T) training.Store { return trainingtest.NewMemStore() })
}

func TestMemCompletionStore(t *testing.T) {
	trainingtest.RunCompletions(t, func(*testing.T) training.CompletionStore { return trainingtest.NewMemCompletionStore() })
}
