package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"testing"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default output (the Danish kommune in Danish, then the Norwegian
// kommune in bokmål) and nynorsk and English on their own. The findings are those of record.Assess on 2 June 2025:
// for the school platform Recital 43, the Danish child-consent age of 15
// in force since 1 January 2024 (databeskyttelsesloven § 6), the national
// rule for Art 9(2)(g), encryption in transit, the DPIA the screening
// requires, the unregistered processor and the overdue review; for the
// jobcenter Art 6(1) second subparagraph, § 8, stk. 2 on disclosing
// criminal-offence data, encryption in transit, Art 35(3)(b) and the
// draft status; nothing for the personnel activity. The Norwegian
// kommune's school platform is not told about a consent age (13 in Norway,
// personopplysningsloven § 5) and its Art 9(2)(g) finding cites no Danish
// provision; its home care lacks a time limit and a DPIA (Art 35(3)(b)).
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

// TestJSON: -json writes one report per kommune, Danish then Norwegian,
// with the findings' codes.
func TestJSON(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-json"}, &out))
	var reports []struct {
		Kommune      string `json:"kommune"`
		Jurisdiction string `json:"jurisdiction"`
		Assessments  []struct {
			Name     string `json:"name"`
			Findings []struct {
				Code string `json:"code"`
			} `json:"findings"`
		} `json:"assessments"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &reports))
	require.Len(t, reports, 2)
	assert.Equal(t, "dk", reports[0].Jurisdiction)
	assert.Equal(t, "no", reports[1].Jurisdiction)
	assert.Equal(t, "Eksempel kommune", reports[1].Kommune)
	require.Len(t, reports[1].Assessments, 3)
	assert.NotEmpty(t, reports[1].Assessments[0].Findings)
	assert.Empty(t, reports[1].Assessments[2].Findings, "the personnel activity is clean")
	golden.Check(t, "json.golden", out.Bytes())
}

// TestHelp: -h prints the usage and reports flag.ErrHelp, on which main
// exits 0.
func TestHelp(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"-h"}, &out)
	assert.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, out.String(), "-json")
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-lang", "sv"}, &out))
	assert.Error(t, run([]string{"-at", "tomorrow"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
