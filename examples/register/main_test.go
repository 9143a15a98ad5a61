package main

import (
	"bytes"
	"testing"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default output (Danish, then Norwegian bokmål) and each language on
// its own. The findings are those of record.Assess on 2 June 2025:
// for the school platform Recital 43, the Danish child-consent age of 15
// in force since 1 January 2024 (databeskyttelsesloven § 6), the national
// rule for Art 9(2)(g), encryption in transit, the DPIA the screening
// requires, the unregistered processor and the overdue review; for the
// jobcenter Art 6(1) second subparagraph, § 8, stk. 2 on disclosing
// criminal-offence data, encryption in transit, Art 35(3)(b) and the
// draft status; nothing for the personnel activity.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"da_nb", nil},
		{"nn", []string{"-lang", "nn"}},
		{"en", []string{"-lang", "en"}},
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
	assert.Error(t, run([]string{"-at", "tomorrow"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
