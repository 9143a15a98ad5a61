package dpo_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
)

func TestDecode(t *testing.T) {
	e, err := dpo.DecodeEntry([]byte(`{"task":"advice","on":"2026-03-01","topic":"kameraer","involvement":"late","outcome":"pending"}`))
	require.NoError(t, err)
	assert.Equal(t, dpo.Late, e.Involvement)
	c, err := dpo.DecodeConditions([]byte(`{"year":2026,"assessed":"2026-11-01","status":{"resources":"not-met","published":"met"}}`))
	require.NoError(t, err)
	assert.Equal(t, dpo.NotMet, c.Status[dpo.Resources])

	for _, doc := range []string{
		`{"task":"advice","on":"2026-03-01","topic":"x","Topic":"y"}`,
		`{"task":"advice","on":"2026-03-01","topic":"x","topic":"y"}`,
		`{"task":"advise","on":"2026-03-01","topic":"x"}`,
		`{"task":"advice","on":"0202-03-01","topic":"x"}`,
	} {
		_, err := dpo.DecodeEntry([]byte(doc))
		assert.Error(t, err, doc)
	}
	_, err = dpo.DecodeConditions([]byte(`{"year":2026,"assessed":"2026-11-01","status":{"0707614285":"met"}}`))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "0707614285")
}

// FuzzDecode feeds both decoders the same input: none may panic, and no
// error may repeat a planted identifier.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"task":"dpia-advice","on":"2026-03-01","topic":"x","dpia":"00000000-0000-7000-8000-000000000001"}`))
	f.Add([]byte(`{"year":2026,"assessed":"2026-11-01","status":{"resources":"met"}}`))
	f.Add([]byte(`{"topic":"0707614285"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err1 := dpo.DecodeEntry(data)
		_, err2 := dpo.DecodeConditions(data)
		for _, err := range []error{err1, err2} {
			if err != nil && strings.Contains(err.Error(), "0707614285") {
				t.Fatalf("error repeats the input: %v", err)
			}
		}
	})
}

// TestConditionsJSONRoundTrip: the Art 37/38 assessment keeps its map keyed
// by the condition codes through encoding and the decoder, keys in code
// order, and a clone does not share the map.
func TestConditionsJSONRoundTrip(t *testing.T) {
	c := dpo.Conditions{Year: 2026, Assessed: compliance.MakeDate(2026, 11, 1), Status: map[dpo.Condition]dpo.Status{
		dpo.Resources:    dpo.NotMet, // Art 38(2)
		dpo.Published:    dpo.Met,    // Art 37(7)
		dpo.ReportsToTop: dpo.Met,    // Art 38(3)
	}}
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"status":{"published":"met","reports-to-top":"met","resources":"not-met"}`)
	got, err := dpo.DecodeConditions(b)
	require.NoError(t, err)
	assert.Equal(t, c, got)

	cl := got.Clone()
	cl.Status[dpo.Resources] = dpo.Met
	assert.Equal(t, dpo.NotMet, got.Status[dpo.Resources], "Clone shares the map")

	for name, doc := range map[string]string{
		"unknown condition": `{"year":2026,"assessed":"2026-11-01","status":{"budget":"met"}}`,
		"unknown status":    `{"year":2026,"assessed":"2026-11-01","status":{"resources":"maybe"}}`,
		"status not a map":  `{"year":2026,"assessed":"2026-11-01","status":["resources"]}`,
		"year before GDPR":  `{"year":2017,"assessed":"2017-11-01","status":{}}`,
	} {
		_, err := dpo.DecodeConditions([]byte(doc))
		assert.ErrorIs(t, err, compliance.ErrInvalid, name)
	}
	// The zero Status (not assessed) set in code is rejected by Validate.
	bad := c.Clone()
	bad.Status[dpo.Expertise] = 0
	assert.ErrorIs(t, bad.Validate(), compliance.ErrInvalid)
}
