package dpia_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
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

// TestFindingsDoNotAlias (issue 14 item 6): a caller that changes the
// references or arguments of a screening's or a check's findings does not
// change any later result. The findings used to share package-level
// reference arrays (WP248's criteria, Art 35 and 36) with every kommune's
// later findings.
func TestFindingsDoNotAlias(t *testing.T) {
	run := func() ([]compliance.Finding, []compliance.Finding, []compliance.Finding) {
		s, err := dpia.Screen(schoolInput(), nil)
		require.NoError(t, err)
		r := check(t, welfare(), march2025, nil)
		changed := welfare().Description
		changed.Purposes = append(changed.Purposes, "Ny analyse")
		rv, err := dpia.Review(welfare(), changed, march2025, calendar(t, compliance.NO), nil)
		require.NoError(t, err)
		return s.Findings, r.Findings, rv.Findings
	}
	snapshot := func(fs ...[]compliance.Finding) string {
		b, err := json.Marshal(fs)
		require.NoError(t, err)
		return string(b)
	}
	a, b, c := run()
	want := snapshot(a, b, c)
	scribble(a)
	scribble(b)
	scribble(c)
	require.NotEqual(t, want, snapshot(a, b, c), "the test changed nothing")
	a, b, c = run()
	assert.Equal(t, want, snapshot(a, b, c), "a later result saw a caller's changes")
}
