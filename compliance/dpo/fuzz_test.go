package dpo_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
