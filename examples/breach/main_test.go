package main

import (
	"bytes"
	"testing"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGolden pins the program's output: by default each case in its
// kommune's language, and with -lang in English and nynorsk.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"default", nil},
		{"en", []string{"-lang", "en"}},
		{"nn", []string{"-lang", "nn"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out))
			assert.NotContains(t, out.String(), "breach.", "an untranslated message key")
			assert.NotContains(t, out.String(), "%!", "a message with the wrong arguments")
			golden.Check(t, tt.name+".golden", out.Bytes())
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-lang", "sv"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
