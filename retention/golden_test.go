package retention_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/retention"
)

// goldenFile compares got with testdata/name (see package internal/golden).
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, ""+name, got)
}

// TestWireGolden pins the JSON wire form of rules, records, decisions and
// answers to requests for erasure, which hosts persist, and checks that it
// reads back.
func TestWireGolden(t *testing.T) {
	stamp := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)
	k := kleRule(1, "25.02.00", retention.BevaringK5, "P1825D")
	k.Facet, k.Title, k.Version, k.Created, k.Updated = "G01", "Ejendomsbeskatning, generelle sager", 3, stamp, stamp
	n := noarkRule(2, "233", retention.Kasseres, 5)
	n.Title, n.Trigger, n.Version, n.Created, n.Updated = "Personalsaker", retention.EmploymentEnded, 1, stamp, stamp
	c := bookkeeping(3)
	c.Title, c.Version, c.Created, c.Updated = "Regnskabsbilag", 1, stamp, stamp
	for name, r := range map[string]retention.Rule{"rule-kle": k, "rule-noark": n, "rule-custom": c} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, r.Validate())
			b, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			goldenFile(t, "wire/"+name+".json", append(b, '\n'))
			var back retention.Rule
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, r.Refs, back.Refs)
			assert.True(t, r.Created.Equal(back.Created))
			back.Created, back.Updated = r.Created, r.Updated
			assert.Equal(t, r, back)
		})
	}

	s := compile(t, retention.Policy{})
	rec := retention.Record{ID: "2015-000233", Jurisdiction: compliance.NO, Class: "233",
		Closed: day("2015-03-15"), Bevaringstid: 10, Hold: true}
	b, err := json.MarshalIndent(rec, "", "  ")
	require.NoError(t, err)
	goldenFile(t, "wire/record.json", append(b, '\n'))
	var back retention.Record
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rec, back)

	d, err := s.Decide(rec, noon(compliance.NO, "2026-01-05"))
	require.NoError(t, err)
	b, err = json.MarshalIndent(d, "", "  ")
	require.NoError(t, err)
	goldenFile(t, "wire/decision.json", append(b, '\n'))
	var dback retention.Decision
	require.NoError(t, json.Unmarshal(b, &dback))
	assert.Equal(t, d, dback)

	x, err := s.Erasure(retention.Record{ID: "1990-000010", Jurisdiction: compliance.NO, Class: "010", Closed: day("1990-06-01")},
		noon(compliance.NO, "2019-03-18"))
	require.NoError(t, err)
	b, err = json.MarshalIndent(x, "", "  ")
	require.NoError(t, err)
	goldenFile(t, "wire/erasure.json", append(b, '\n'))
	var xback retention.Erasure
	require.NoError(t, json.Unmarshal(b, &xback))
	assert.Equal(t, x, xback)
}

// TestRenderedGolden pins the rendered report and erasure answer in every
// language: Danish KLE cases, Norwegian Noark cases.
func TestRenderedGolden(t *testing.T) {
	s := compile(t, retention.Policy{})
	cases := map[compliance.Jurisdiction][]retention.Record{
		compliance.DK: {
			{ID: "2019-000101", Jurisdiction: compliance.DK, Class: "25.02.00", Facet: "G01", Closed: day("2019-03-15")},
			{ID: "2024-000102", Jurisdiction: compliance.DK, Class: "02.00.01", Closed: day("2024-05-02")},
			{ID: "2010-000103", Jurisdiction: compliance.DK, Class: "00.01.00", Closed: day("2010-11-30")},
			{ID: "2018-000104", Jurisdiction: compliance.DK, Class: "81.00.00", Closed: day("2018-01-10"), Hold: true},
			{ID: "2025-000105", Jurisdiction: compliance.DK, Class: "81.00.00"},
			{ID: "2012-000106", Jurisdiction: compliance.DK, Class: "27.00.00", Closed: day("2012-02-01")},
			{ID: "2020-000107", Jurisdiction: compliance.DK, Rule: id(20), FinancialYearEnd: day("2020-12-31")},
		},
		compliance.NO: {
			{ID: "2015/233-1", Jurisdiction: compliance.NO, Class: "233", Closed: day("2015-03-15")},
			{ID: "2023/233-2", Jurisdiction: compliance.NO, Class: "233", Closed: day("2023-03-15")},
			{ID: "1998/010-1", Jurisdiction: compliance.NO, Class: "010", Closed: day("1998-09-01")},
			{ID: "2009/F30-1", Jurisdiction: compliance.NO, Class: "F30", Closed: day("2009-06-30")},
			{ID: "2001/233-3", Jurisdiction: compliance.NO, Class: "233", Closed: day("2001-01-01"), Precedent: true},
			{ID: "2024/999-1", Jurisdiction: compliance.NO, Class: "999", Kassasjonsvedtak: retention.Kasseres, Kassasjonsdato: day("2030-12-31")},
		},
	}
	for _, tt := range []struct {
		j    compliance.Jurisdiction
		lang string
		at   string
	}{
		{compliance.DK, "da", "2026-01-05"}, {compliance.DK, "en", "2026-01-05"},
		{compliance.NO, "nb", "2026-01-05"}, {compliance.NO, "nn", "2026-01-05"}, {compliance.NO, "en", "2025-06-02"},
	} {
		name := tt.j.String() + "_" + tt.lang + "_" + tt.at
		t.Run(name, func(t *testing.T) {
			at := noon(tt.j, tt.at)
			var sum retention.Summary
			var ds []retention.Decision
			src := func(yield func(retention.Record, error) bool) {
				for _, r := range cases[tt.j] {
					if !yield(r, nil) {
						return
					}
				}
			}
			for d, err := range s.Sweep(src, at, &sum) {
				require.NoError(t, err)
				ds = append(ds, d)
			}
			p := i18n.NewPrinter(language.MustParse(tt.lang))
			out := p.Markdown(retention.Report(at, sum, ds))
			x, err := s.Erasure(cases[tt.j][2], at)
			require.NoError(t, err)
			out += "\n" + p.Markdown(x.Document(at))
			goldenFile(t, "report_"+name+".md", []byte(out))
			assert.NotContains(t, out, "retention.", "a message key leaked into the text")
			assert.NotContains(t, out, "%!", "a formatting verb is left")
		})
	}
}
