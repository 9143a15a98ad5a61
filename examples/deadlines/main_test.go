package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases are the rows of deadlines-law-retention.md 1.5.1 and 1.5.2: a
// request received on 2025-03-17 (one month rolls over Easter to 22 April)
// and awareness of a breach on Skærtorsdag 2025-04-17 10:37 (72 hours end on
// Easter Sunday, not moved).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"dk_da", []string{"-j", "dk", "-at", "2025-03-17T09:00:00+01:00"}},
		{"no_nb", []string{"-j", "no", "-at", "2025-04-17T10:37:00+02:00"}},
		{"no_nn", []string{"-j", "no", "-lang", "nn", "-at", "2025-04-17T10:37:00+02:00", "-strict-hours"}},
		{"dk_en_extended", []string{"-j", "dk", "-lang", "en", "-extended", "-at", "2025-11-24T10:00:00+01:00"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out, time.Time{}))
			golden.Check(t, tt.name+".golden", out.Bytes())
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-j", "se"}, &out, time.Now()))
	assert.Error(t, run([]string{"-at", "tomorrow"}, &out, time.Now()))
	assert.NoError(t, run(nil, &out, time.Now()), "defaults: DK, now")
}
