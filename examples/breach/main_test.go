package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

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
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), out.String())
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-lang", "sv"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
