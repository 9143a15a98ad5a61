package main

import (
	"io"
	"testing"
	"time"

	"github.com/tillid/tillid/examples/internal/exampletest"
)

// TestHelpAndJSON: -h prints the usage and reports flag.ErrHelp (main exits 0),
// and -json writes valid JSON, at a fixed instant.
func TestHelpAndJSON(t *testing.T) {
	now := time.Date(2025, time.March, 17, 9, 0, 0, 0, time.UTC)
	exampletest.HelpAndJSON(t, func(args []string, out io.Writer) error { return run(args, out, now) })
}
