package main

import (
	"testing"

	"github.com/tillid/tillid/examples/internal/exampletest"
)

// TestHelpAndJSON: -h prints the usage and reports flag.ErrHelp (main exits 0),
// and -json writes valid JSON.
func TestHelpAndJSON(t *testing.T) { exampletest.HelpAndJSON(t, run) }
