package retention_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// scribble changes every reference and argument of fs in place, as a
// careless caller might.
func scribble(fs []compliance.Finding) {
	for i := range fs {
		for j := range fs[i].Refs {
			fs[i].Refs[j].Article = "99"
		}
		for j := range fs[i].Args {
			a := &fs[i].Args[j]
			for k := range a.Keys {
				a.Keys[k] = "scribbled"
			}
			if a.Ref != nil {
				a.Ref.Article = "99"
			}
		}
	}
}

// TestResultsDoNotAlias (issue 14 item 6): a caller that changes the
// references of a decision, of its findings or of an erasure answer does
// not change any later decision — the references used to share the
// schedule's tables and package-level arrays (the GDPR Art 5(1)(e) and
// arkivloven refs every kommune's decisions cite).
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
		Refs     []compliance.Ref
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
	for _, r := range first {
		for i := range r.Refs {
			r.Refs[i].Article = "99"
		}
		scribble(r.Findings)
		scribble(r.Erasure)
	}
	require.NotEqual(t, want, snapshot(first), "the test changed nothing")
	assert.Equal(t, want, snapshot(run()), "a later decision saw a caller's changes")
}
