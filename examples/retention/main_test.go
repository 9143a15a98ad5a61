package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases follow deadlines-law-retention.md 5.1 (KLE: K5 counted from
// closure, B kept for posterity, P1825D as 1825 days) and 5.2 (Noark:
// «Kasseres» after the kassasjonsdato, «Bevares», «Vurderes senere»,
// presedenssak), and the erasure oracle of 3.3 (refused under Art 17(3)(b)
// and (d), restriction offered: PVN-2018-13, Højesteret BS-49623/2023-HJR).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"dk_da", []string{"-j", "dk", "-at", "2026-01-05T12:00:00+01:00"}},
		{"dk_en_year_end", []string{"-j", "dk", "-lang", "en", "-year-end", "-at", "2026-01-05T12:00:00+01:00"}},
		{"no_nb", []string{"-j", "no", "-at", "2026-01-05T12:00:00+01:00"}},
		{"no_nn_2025", []string{"-j", "no", "-lang", "nn", "-at", "2025-06-02T12:00:00+02:00"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(tt.args, &out, time.Time{}))
			golden.Check(t, tt.name+".golden", out.Bytes())
			assert.False(t, strings.Contains(out.String(), "retention."), "a message key leaked")
		})
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-j", "se"}, &out, time.Now()))
	assert.Error(t, run([]string{"-at", "tomorrow"}, &out, time.Now()))
	assert.Error(t, run([]string{"-nope"}, &out, time.Now()))
	assert.NoError(t, run(nil, &out, time.Now()), "defaults: DK, now")
}
