package retention_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestErasure runs the oracle of deadlines-law-retention.md 3.3:
// eraseRequest(record with disposal = Bevares, not past deposit) → refuse
// (Art 17(3)(b)/(d)) and offer restriction, as the Personvernnemnda held in
// PVN-2018-13 and the Højesteret in BS-49623/2023-HJR; otherwise erasure is
// due.
func TestErasure(t *testing.T) {
	b, d, e := compliance.GDPR(17, 3, "b"), compliance.GDPR(17, 3, "d"), compliance.GDPR(17, 3, "e")
	pvn := compliance.Ref{Instrument: compliance.Court, Doc: "Personvernnemnda PVN-2018-13"}
	hr := compliance.Ref{Instrument: compliance.Court, Doc: "Højesteret BS-49623/2023-HJR"}
	tests := []struct {
		name    string
		policy  retention.Policy
		rec     retention.Record
		at      string
		outcome retention.Outcome
		code    compliance.Code
		refs    []compliance.Ref // must be among the refs
		absent  []compliance.Ref // must not be
	}{
		{"PVN-2018-13: a 1990 complaint file kept under «Bevares» is not erased; restriction offered",
			retention.Policy{}, retention.Record{ID: "N2", Jurisdiction: compliance.NO, Class: "010", Closed: day("1990-06-01")},
			"2019-03-18", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b, d, pvn}, nil},
		{"PVN-2018-13 under the arkivlova of 2025", retention.Policy{},
			retention.Record{ID: "N2", Jurisdiction: compliance.NO, Class: "010", Closed: day("1990-06-01")},
			"2026-03-18", retention.Refuse, retention.CodeErasureRefused,
			[]compliance.Ref{b, d, compliance.Section(compliance.NOArchivesAct, "", "5", 0, "")}, nil},
		{"Højesteret 2024: a KLE B case is not erased", retention.Policy{},
			retention.Record{ID: "S3", Jurisdiction: compliance.DK, Class: "00.01.00", Closed: day("2020-01-01")},
			"2024-04-18", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b, d, hr}, nil},
		{"a B case still open is not erased either", retention.Policy{},
			retention.Record{ID: "S3", Jurisdiction: compliance.DK, Class: "00.01.00"},
			"2024-04-18", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b, d}, nil},
		{"Højesteret 2024: no kassation rule, no erasure", retention.Policy{},
			retention.Record{ID: "S10", Jurisdiction: compliance.DK, Class: "99.99.99", Closed: day("2020-01-01")},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b, hr}, []compliance.Ref{d}},
		{"KLE K5 before the period ends: guidance only, erasure due (default)", retention.Policy{},
			retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2024-01-01")},
			"2025-01-01", retention.Erase, retention.CodeErasureDue, []compliance.Ref{compliance.GDPR(17, 1, "")}, nil},
		{"KLE K5 before the period ends with Policy.KLEDuty: refused under Art 17(3)(b)", retention.Policy{KLEDuty: true},
			retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2024-01-01")},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b}, []compliance.Ref{d}},
		{"KLE K5 after the period: erasure due", retention.Policy{KLEDuty: true},
			retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2010-01-01")},
			"2025-01-01", retention.Erase, retention.CodeErasureDue, nil, nil},
		{"Noark «Kasseres» before the kassasjonsdato: kassasjon not yet authorised", retention.Policy{},
			retention.Record{ID: "N4", Jurisdiction: compliance.NO, Class: "233", Closed: day("2024-01-01")},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b}, []compliance.Ref{d}},
		{"Noark «Kasseres» after the kassasjonsdato: erasure due", retention.Policy{},
			retention.Record{ID: "N4", Jurisdiction: compliance.NO, Class: "233", Closed: day("2010-01-01")},
			"2025-01-01", retention.Erase, retention.CodeErasureDue, nil, nil},
		{"Noark «Vurderes senere» past its date: not erased before re-assessment", retention.Policy{},
			retention.Record{ID: "N3", Jurisdiction: compliance.NO, Class: "F30", Closed: day("2010-01-01")},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b}, nil},
		{"presedenssak: never discarded, so not erased", retention.Policy{},
			retention.Record{ID: "N5", Jurisdiction: compliance.NO, Class: "233", Closed: day("2000-01-01"), Precedent: true},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b, d}, nil},
		{"bogføringsloven: accounting material within five years is not erased", retention.Policy{},
			retention.Record{ID: "R2", Jurisdiction: compliance.DK, Rule: id(20), FinancialYearEnd: day("2022-12-31")},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefused, []compliance.Ref{b}, []compliance.Ref{d}},
		{"legal hold: refused under Art 17(3)(e)", retention.Policy{},
			retention.Record{ID: "S11", Jurisdiction: compliance.DK, Class: "81.00.00", Closed: day("2015-01-01"), Hold: true},
			"2025-01-01", retention.Refuse, retention.CodeErasureRefusedHold, []compliance.Ref{e}, []compliance.Ref{b}},
		{"KLE K with a deletion period, no hold: erasure due", retention.Policy{},
			retention.Record{ID: "S11", Jurisdiction: compliance.DK, Class: "81.00.00", Closed: day("2024-01-01")},
			"2025-01-01", retention.Erase, retention.CodeErasureDue, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := compile(t, tt.policy)
			x, err := s.Erasure(tt.rec, noon(tt.rec.Jurisdiction, tt.at))
			require.NoError(t, err)
			assert.Equal(t, tt.outcome, x.Outcome)
			assert.Equal(t, tt.code, x.Code)
			assert.Equal(t, tt.outcome == retention.Refuse, x.Restriction, "restriction is offered exactly when erasure is refused")
			for _, r := range tt.refs {
				assert.Contains(t, x.Refs.Slice(), r)
			}
			for _, r := range tt.absent {
				assert.NotContains(t, x.Refs.Slice(), r)
			}
			if x.Restriction {
				assert.Contains(t, x.RestrictionRefs.Slice(), compliance.GDPR(18, 0, ""))
			}
			fs := x.Findings()
			require.NotEmpty(t, fs)
			assert.Equal(t, tt.code, fs[0].Code)
			for _, f := range fs {
				assert.NoError(t, f.Validate(), "finding %s", f.Code)
			}
		})
	}
}

func TestErasureInvalid(t *testing.T) {
	s := compile(t, retention.Policy{})
	_, err := s.Erasure(retention.Record{ID: "x"}, noon(compliance.DK, "2025-01-01"))
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = s.Erasure(retention.Record{ID: "x", Jurisdiction: compliance.DK, Class: "bad"}, noon(compliance.DK, "2025-01-01"))
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}
