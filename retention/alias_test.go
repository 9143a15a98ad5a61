package retention_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
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
				a.Keys[k] = "scribbled"
			}
			a.Date.Year = 1999
			if a.Ref != nil {
				a.Ref.Article = "99"
			}
		}
	}
}

// TestResultsDoNotAlias (issue 14 item 6): a caller that changes the
// arguments of a decision's findings or of an erasure answer does not
// change any later decision. The references are the schedule's tables and
// package-level lists (the GDPR Art 5(1)(e) and arkivloven refs every
// kommune's decisions cite), shared: they are immutable, and changing the
// copies Refs.Slice gives changes neither them nor a later decision.
func TestResultsDoNotAlias(t *testing.T) {
	s := compile(t, retention.Policy{KLEFromYearEnd: true, RollToWorkingDay: true})
	at := noon(compliance.DK, "2027-01-01")
	recs := []retention.Record{
		{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Facet: "G01", Closed: day("2020-01-01")},
		{ID: "S3", Jurisdiction: compliance.DK, Class: "99.99.99", Closed: day("2025-03-15")},
		{ID: "N1", Jurisdiction: compliance.NO, Class: "233", Closed: day("2020-01-01")},
		{ID: "N2", Jurisdiction: compliance.NO, Class: "233", Closed: day("2020-01-01"), Precedent: true},
		{ID: "H1", Jurisdiction: compliance.NO, Class: "233", Closed: day("2000-01-01"), Hold: true},
	}
	type result struct {
		Refs     compliance.Refs
		Findings []compliance.Finding
		Erasure  []compliance.Finding
	}
	run := func() []result {
		var out []result
		for _, r := range recs {
			d, err := s.Decide(r, at)
			require.NoError(t, err, r.ID)
			x, err := s.Erasure(r, at)
			require.NoError(t, err, r.ID)
			out = append(out, result{Refs: d.Refs, Findings: d.Findings(), Erasure: x.Findings()})
		}
		for d, err := range s.Sweep(records(recs, len(recs)), at, nil) {
			require.NoError(t, err)
			out = append(out, result{Refs: d.Refs, Findings: d.Findings()})
		}
		return out
	}
	snapshot := func(rs []result) string {
		b, err := json.Marshal(rs)
		require.NoError(t, err)
		return string(b)
	}
	first := run()
	want := snapshot(first)
	refsOf := func(rs []result) []compliance.Refs {
		var out []compliance.Refs
		for _, r := range rs {
			out = append(out, r.Refs)
			for _, f := range slices.Concat(r.Findings, r.Erasure) {
				out = append(out, f.Refs)
			}
		}
		return out
	}
	wantRefs := fmt.Sprint(refsOf(first))
	for _, r := range first {
		refs := r.Refs.Slice()
		for i := range refs {
			refs[i].Article = "99"
		}
		scribble(r.Findings)
		scribble(r.Erasure)
	}
	require.NotEqual(t, want, snapshot(first), "the test changed nothing")
	assert.Equal(t, wantRefs, fmt.Sprint(refsOf(first)), "changing a copy of the refs changed them")
	assert.Equal(t, want, snapshot(run()), "a later decision saw a caller's changes")
}
