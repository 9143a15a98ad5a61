package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/internal/golden"
)

// Art 32(4) and 39(1)(b): the expired basic course of a social caseworker
// with access to special-category data is the finding; the new starter is
// within the kommune's 30-day grace period.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"da", nil},
		{"nb", []string{"-lang", "nb"}},
		{"nn", []string{"-lang", "nn"}},
		{"en", []string{"-lang", "en"}},
		{"json", []string{"-json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out))
			golden.Check(t, tt.name+".golden", out.Bytes())
			if tt.name != "json" {
				assert.NotRegexp(t, `training\.[a-z]`, out.String(), "a message key leaked")
				assert.NotContains(t, out.String(), "hr-1", "the report names no employee")
			}
		})
	}
}

func TestFlags(t *testing.T) {
	var out bytes.Buffer
	assert.NoError(t, run([]string{"-h"}, &out), "-h prints usage and succeeds")
	assert.True(t, strings.Contains(out.String(), "-lang"))
	assert.Error(t, run([]string{"-on", "tomorrow"}, &out))
	assert.Error(t, run([]string{"-lang", "!!"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
