package main

import (
	"bytes"
	"testing"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default run prints the three screenings in bokmål and nynorsk for a
// Norwegian kommune (items 8 and 12, 10, and 4 of Datatilsynet's list
// 18/03670/MLS) and in Danish for a Danish kommune (WP248's two-criteria
// presumption for the school and the kindergarten; the Danish list's
// innovative-technology item for the sensor).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"default", nil},
		{"nn", []string{"-lang", "nn"}},
		{"en_dk", []string{"-lang", "en", "-j", "dk"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out))
			golden.Check(t, tt.name+".golden", out.Bytes())
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-lang", "sv"}, &out))
	assert.Error(t, run([]string{"-j", "se"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
