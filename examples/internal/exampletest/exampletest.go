// Package exampletest holds the test every runnable example of tillid
// shares: its flags behave as a command-line tool's should.
package exampletest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

// HelpAndJSON checks an example's run function: -h prints the usage, which
// lists -json, and reports flag.ErrHelp (so main exits 0); -json writes one
// or more JSON values and nothing else.
func HelpAndJSON(t *testing.T, run func(args []string, out io.Writer) error) {
	t.Helper()
	var out bytes.Buffer
	if err := run([]string{"-h"}, &out); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(out.String(), "-json") {
		t.Errorf("-h: the usage does not list -json:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"-json"}, &out); err != nil {
		t.Fatalf("-json: %v", err)
	}
	dec := json.NewDecoder(&out)
	n := 0
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("-json: value %d: %v", n, err)
		}
		n++
	}
	if n == 0 {
		t.Error("-json wrote nothing")
	}
}
