package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"
)

// TestHelpAndJSON: -h prints the usage and reports flag.ErrHelp (main exits 0),
// and -json writes valid JSON.
func TestHelpAndJSON(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-h"}, &out, time.Date(2025, time.March, 17, 9, 0, 0, 0, time.UTC)); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(out.String(), "-json") {
		t.Errorf("-h: the usage does not list -json:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"-json"}, &out, time.Date(2025, time.March, 17, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("-json: %v", err)
	}
	dec := json.NewDecoder(&out)
	n := 0
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("-json: object %d: %v", n, err)
		}
		n++
	}
	if n == 0 {
		t.Error("-json wrote nothing")
	}
}
