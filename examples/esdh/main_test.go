package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample kommune's requests at the fixed instant 4 May 2026, 10:00:
// a compliant ESDH supplier (allowed); a jobcenter supplier without an
// agreement (denied, Art 28(3)); a US-owned cloud with support from the US
// for health data (denied: EDPB Recommendations 01/2020 use case 7, and the
// CLOUD Act exposure of EDPB Guidelines 05/2021); an unapproved
// sub-processor in India (denied, Art 28(2), 44, EDPB Opinion 22/2024); a
// payroll supplier whose supervision is overdue (allowed with warnings); and
// criminal-offence data outside the ESDH agreement (denied, Art 28(3)).
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
		})
	}
}

func TestOutcomes(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-json"}, &out))
	var got struct {
		Decisions []struct {
			Outcome  string `json:"outcome"`
			Findings []struct {
				Code string `json:"code"`
			} `json:"findings"`
		} `json:"decisions"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	var outcomes []string
	for _, d := range got.Decisions {
		outcomes = append(outcomes, d.Outcome)
	}
	assert.Equal(t, []string{"allow", "deny", "deny", "deny", "allow-with-warnings", "deny"}, outcomes)
	assert.NotContains(t, out.String(), "Mette Hansen", "contact persons are never part of a decision")
}

func TestFlags(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-at", "tomorrow"}, &out))
	assert.Error(t, run([]string{"-data", filepath.Join(t.TempDir(), "missing.json")}, &out))

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"kommune": "x", "unknown": true}`), 0o644))
	assert.Error(t, run([]string{"-data", bad}, &out))

	// The same sample, read from a file and evaluated a year later: the
	// agreement of the payroll supplier has ended by then.
	file := filepath.Join(t.TempDir(), "sample.json")
	require.NoError(t, os.WriteFile(file, sample, 0o644))
	out.Reset()
	require.NoError(t, run([]string{"-data", file, "-at", "2027-05-04T10:00:00+02:00", "-lang", "en"}, &out))
	assert.True(t, strings.Contains(out.String(), "The data processing agreement with Løn & Personale A/S ended on 30 June 2026."))
}
