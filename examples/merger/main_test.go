package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/internal/golden"
)

// Art 28(3) and (9): the agreements in force on 1 January 2020 name the old
// kommuner; Art 35(11): Rygge's DPIA is to be reviewed; Art 5(1)(e): class
// A20 is kept 5 years in Rygge and 10 in Moss.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"nb", nil},
		{"nn", []string{"-lang", "nn"}},
		{"da_succession", []string{"-lang", "da", "-succession"}},
		{"en", []string{"-lang", "en"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out))
			golden.Check(t, tt.name+".golden", out.Bytes())
			assert.NotRegexp(t, `merger\.[a-z]`, out.String(), "a message key leaked")
		})
	}
	var out bytes.Buffer
	require.NoError(t, run([]string{"-json"}, &out))
	assert.Contains(t, out.String(), `"renewals"`)
}

func TestFlags(t *testing.T) {
	var out bytes.Buffer
	assert.NoError(t, run([]string{"-h"}, &out))
	assert.True(t, strings.Contains(out.String(), "-succession"))
	assert.Error(t, run([]string{"-lang", "!!"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
