package record_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// scribble changes every argument of fs in place, as a careless caller
// might, and every reference of the copies Refs.Slice gives (Refs are
// immutable: there is no other way to change them).
func scribble(fs []compliance.Finding) {
	for i := range fs {
		refs := fs[i].Refs.Slice()
		for j := range refs {
			refs[j].Article = "99"
		}
		for j := range fs[i].Args {
			a := &fs[i].Args[j]
			for k := range a.Keys {
				a.Keys[k] = "scribbled.key"
			}
			if a.Ref != nil {
				a.Ref.Article = "99"
			}
		}
	}
}

// TestFindingsDoNotAlias (issue 14 item 6): the findings of Assess and
// Missing used to share package-level reference arrays (Art 30(1), Art 6,
// Art 9), so a caller that changed one changed every later assessment of
// every kommune.
func TestFindingsDoNotAlias(t *testing.T) {
	run := func() [][]compliance.Finding {
		incomplete := recSchool()
		incomplete.Purposes = nil
		incomplete.Recipients = nil
		return [][]compliance.Finding{
			record.Assess(recSchool(), recAt, nil),
			record.Assess(recJobcenter(), recAt, nil),
			record.AppendAssessment(nil, &incomplete, recAt, nil),
			incomplete.Missing(),
		}
	}
	snapshot := func(fss [][]compliance.Finding) string {
		b, err := json.Marshal(fss)
		require.NoError(t, err)
		return string(b)
	}
	first := run()
	want := snapshot(first)
	for _, fs := range first {
		require.NotEmpty(t, fs)
		scribble(fs)
	}
	require.NotEqual(t, want, snapshot(first), "the test changed nothing")
	assert.Equal(t, want, snapshot(run()), "a later assessment saw a caller's changes")
}
