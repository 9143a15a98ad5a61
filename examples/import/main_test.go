package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/internal/golden"
)

func noEnv(string) string { return "" }

// The dry-run report of the built-in fake KITOS in Danish (the default)
// and bokmål, and the apply-then-replan run, which finds every record
// unchanged: a re-import is idempotent.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"da", nil},
		{"nb", []string{"-lang", "nb"}},
		{"apply", []string{"-apply", "-lang", "en"}},
		{"cvr", []string{"-cvr", "29189919", "-org", "00000000-0000-0000-0000-000000000000"}},
		{"art30_nb", []string{"-art30", "testdata/protokoll.csv", "-lang", "nb"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, noEnv, &out))
			golden.Check(t, tt.name+".golden", out.Bytes())
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-lang", "sv"}, noEnv, &out))
	assert.Error(t, run([]string{"-org", "kommunen"}, noEnv, &out))
	assert.Error(t, run([]string{"-since", "i går"}, noEnv, &out))
	assert.Error(t, run([]string{"-mapping", "does-not-exist.json"}, noEnv, &out))
	assert.Error(t, run([]string{"-kitos", "ftp://kitos"}, noEnv, &out))
	assert.Error(t, run([]string{"-cvr", "41234563"}, noEnv, &out), "a company is not a kommune")
	assert.Error(t, run([]string{"-art30", "testdata/protokoll.csv", "-template", "x"}, noEnv, &out))
	assert.Error(t, run([]string{"-art30", "main.go"}, noEnv, &out), "not a protokoll")
}
