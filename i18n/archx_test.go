package i18n_test

import (
	"testing"

	"github.com/tillid/tillid/compliance"
)

// TestArchxNames walks the vocabulary compliance took over from records
// and retention.
func TestArchxNames(t *testing.T) {
	checkNames(t, "scheme", compliance.AllSchemes())
}
