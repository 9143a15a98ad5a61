package retention_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestDecideOracles runs the oracle rows of deadlines-law-retention.md 5.1
// (KLE) and 5.2 (Noark) and the ombudsman's closing-date rule.
func TestDecideOracles(t *testing.T) {
	dk, no := compliance.DK, compliance.NO
	type want struct {
		disp  retention.Disposition
		final retention.Disposition
		due   string
		code  compliance.Code
	}
	tests := []struct {
		name   string
		policy retention.Policy
		rec    retention.Record
		at     string
		want   want
	}{
		// 5.1: K5, closed 2025-03-15: earliest kassation 5 years after
		// closure, 2030-03-15 (counted from the date by default).
		{"5.1 K5 closed 2025-03-15: kept through 2030-03-15", retention.Policy{},
			retention.Record{ID: "S1", Jurisdiction: dk, Class: "25.02.00", Closed: day("2025-03-15")}, "2030-03-15",
			want{retention.Keep, retention.Delete, "2030-03-15", retention.CodeKeepUntil}},
		{"5.1 K5 closed 2025-03-15: kassation due on 2030-03-16", retention.Policy{},
			retention.Record{ID: "S1", Jurisdiction: dk, Class: "25.02.00", Closed: day("2025-03-15")}, "2030-03-16",
			want{retention.Delete, retention.Delete, "2030-03-15", retention.CodeDeleteDue}},
		{"5.1 K5 counted from the end of the closing year [U option]", retention.Policy{KLEFromYearEnd: true},
			retention.Record{ID: "S1", Jurisdiction: dk, Class: "25.02.00", Closed: day("2025-03-15")}, "2030-03-16",
			want{retention.Keep, retention.Delete, "2030-12-31", retention.CodeKeepUntil}},
		{"5.1 K10 with P1825D: the later K10 date governs", retention.Policy{},
			retention.Record{ID: "S2", Jurisdiction: dk, Class: "02.00.01", Closed: day("2025-03-15")}, "2031-01-01",
			want{retention.Keep, retention.Delete, "2035-03-15", retention.CodeKeepUntil}},
		// 5.1: "B" never auto-deletes; deposit with the archive.
		{"5.1 B: never deleted, transferred", retention.Policy{},
			retention.Record{ID: "S3", Jurisdiction: dk, Class: "00.01.00", Closed: day("1990-01-10")}, "2125-01-01",
			want{retention.Transfer, retention.Transfer, "", retention.CodeTransfer}},
		// 5.1: P1825D is 1825 days after closure, not five calendar years:
		// the leap day of 2028 makes it end on 2030-03-14.
		{"5.1 P1825D closed 2025-03-15: due 2030-03-14 (1825 days, leap day 2028)", retention.Policy{},
			retention.Record{ID: "S4", Jurisdiction: dk, Class: "81.00.00", Closed: day("2025-03-15")}, "2030-03-15",
			want{retention.Delete, retention.Delete, "2030-03-14", retention.CodeDeleteDue}},
		// Ombudsman: the age of a case counts from its closing, not its
		// creation: an open case is not counted, however old.
		{"5.1 ombudsman: an open case is kept however old", retention.Policy{},
			retention.Record{ID: "S5", Jurisdiction: dk, Class: "81.00.00", LastActivity: day("2001-01-01")}, "2030-01-01",
			want{retention.Keep, retention.Delete, "", retention.CodeNotStarted}},
		{"KLE emne without a rule falls back to its hovedgruppe (K, no period: review)", retention.Policy{},
			retention.Record{ID: "S6", Jurisdiction: dk, Class: "02.05.03", Closed: day("2020-01-01")}, "2025-01-01",
			want{retention.Review, retention.Delete, "", retention.CodeNoPeriod}},
		{"KLE facet rule K01 on 25.02.00 takes precedence (B)", retention.Policy{},
			retention.Record{ID: "S7", Jurisdiction: dk, Class: "25.02.00", Facet: "K01", Closed: day("2020-01-01")}, "2025-01-01",
			want{retention.Transfer, retention.Transfer, "", retention.CodeTransfer}},
		{"KLE other facet uses the emne rule (K5)", retention.Policy{},
			retention.Record{ID: "S8", Jurisdiction: dk, Class: "25.02.00", Facet: "G01", Closed: day("2020-01-01")}, "2025-01-02",
			want{retention.Delete, retention.Delete, "2025-01-01", retention.CodeDeleteDue}},
		{"KLE tom: withdrawn emne, review", retention.Policy{},
			retention.Record{ID: "S9", Jurisdiction: dk, Class: "27.00.00", Closed: day("2020-01-01")}, "2025-01-01",
			want{retention.Review, retention.Review, "", retention.CodeKLEWithdrawn}},
		{"DK no rule: review, not discarded (Højesteret 2024)", retention.Policy{},
			retention.Record{ID: "S10", Jurisdiction: dk, Class: "99.99.99", Closed: day("2000-01-01")}, "2025-01-01",
			want{retention.Review, 0, "", retention.CodeNoRule}},

		// 5.2: M450 = Kasseres, kassasjonsdato 2030-03-15.
		{"5.2 Kasseres, kassasjonsdato 2030-03-15, today 2030-03-16: eligible", retention.Policy{},
			retention.Record{ID: "N1", Jurisdiction: no, Class: "233", Kassasjonsdato: day("2030-03-15")}, "2030-03-16",
			want{retention.Delete, retention.Delete, "2030-03-15", retention.CodeDeleteDue}},
		{"5.2 Kasseres, today 2030-03-14: not yet", retention.Policy{},
			retention.Record{ID: "N1", Jurisdiction: no, Class: "233", Kassasjonsdato: day("2030-03-15")}, "2030-03-14",
			want{retention.Keep, retention.Delete, "2030-03-15", retention.CodeKeepUntil}},
		{"5.2 Kasseres, today is the kassasjonsdato: not yet passed (Noark 5 6.1.19)", retention.Policy{},
			retention.Record{ID: "N1", Jurisdiction: no, Class: "233", Kassasjonsdato: day("2030-03-15")}, "2030-03-15",
			want{retention.Keep, retention.Delete, "2030-03-15", retention.CodeKeepUntil}},
		{"5.2 Bevares: never eligible; deposit", retention.Policy{},
			retention.Record{ID: "N2", Jurisdiction: no, Class: "010", Closed: day("2000-05-05")}, "2099-01-01",
			want{retention.Transfer, retention.Transfer, "", retention.CodeTransfer}},
		{"5.2 Vurderes senere, date passed: re-assess, do not delete", retention.Policy{},
			retention.Record{ID: "N3", Jurisdiction: no, Class: "F30", Closed: day("2010-06-30")}, "2025-01-01",
			want{retention.Review, retention.Review, "2020-06-30", retention.CodeReviewDue}},
		{"5.2 mappe closed 2025-03-15, bevaringstid 5: kassasjonsdato 2030-03-15", retention.Policy{},
			retention.Record{ID: "N4", Jurisdiction: no, Class: "233", Closed: day("2025-03-15")}, "2030-03-16",
			want{retention.Delete, retention.Delete, "2030-03-15", retention.CodeDeleteDue}},
		{"5.2 presedenssak, Kasseres: never deleted", retention.Policy{},
			retention.Record{ID: "N5", Jurisdiction: no, Class: "233", Closed: day("2000-01-01"), Precedent: true}, "2030-03-16",
			want{retention.Keep, retention.Delete, "", retention.CodePrecedent}},
		{"5.2 Kasseres without bevaringstid or kassasjonsdato: review", retention.Policy{},
			retention.Record{ID: "N6", Jurisdiction: no, Class: "000", Closed: day("2000-01-01")}, "2030-03-16",
			want{retention.Review, retention.Delete, "", retention.CodeNoPeriod}},
		{"5.2 M450 set on the mappe overrides the class (Bevares)", retention.Policy{},
			retention.Record{ID: "N7", Jurisdiction: no, Class: "233", Closed: day("2000-01-01"), Kassasjonsvedtak: retention.Bevares}, "2030-03-16",
			want{retention.Transfer, retention.Transfer, "", retention.CodeTransfer}},
		{"5.2 M451 set on the mappe overrides the class (10 years)", retention.Policy{},
			retention.Record{ID: "N8", Jurisdiction: no, Class: "233", Closed: day("2025-03-15"), Bevaringstid: 10}, "2030-03-16",
			want{retention.Keep, retention.Delete, "2035-03-15", retention.CodeKeepUntil}},
		{"5.2 M450 and M452 on a mappe of a class without a rule", retention.Policy{},
			retention.Record{ID: "N9", Jurisdiction: no, Class: "999", Kassasjonsvedtak: retention.Kasseres, Kassasjonsdato: day("2024-12-31")}, "2025-01-01",
			want{retention.Delete, retention.Delete, "2024-12-31", retention.CodeDeleteDue}},
		{"NO no rule: review (arkivlova: no kassasjon without authority)", retention.Policy{},
			retention.Record{ID: "N10", Jurisdiction: no, Class: "999", Closed: day("2000-01-01")}, "2025-01-01",
			want{retention.Review, 0, "", retention.CodeNoRule}},

		// Legal hold and custom rules.
		{"legal hold blocks deletion (Art 17(3)(e))", retention.Policy{},
			retention.Record{ID: "S11", Jurisdiction: dk, Class: "81.00.00", Closed: day("2015-01-01"), Hold: true}, "2025-01-01",
			want{retention.Keep, retention.Delete, "2019-12-31", retention.CodeHold}},
		{"legal hold does not stop a transfer", retention.Policy{},
			retention.Record{ID: "S12", Jurisdiction: dk, Class: "00.01.00", Closed: day("2015-01-01"), Hold: true}, "2025-01-01",
			want{retention.Transfer, retention.Transfer, "", retention.CodeTransfer}},
		{"bogføringsloven § 10: five years from the end of the financial year 2019", retention.Policy{},
			retention.Record{ID: "R1", Jurisdiction: dk, Scheme: retention.Custom, Class: "regnskab", FinancialYearEnd: day("2019-12-31")}, "2025-01-01",
			want{retention.Delete, retention.Delete, "2024-12-31", retention.CodeDeleteDue}},
		{"bogføringsloven § 10: the financial year 2020 is kept through 2025", retention.Policy{},
			retention.Record{ID: "R2", Jurisdiction: dk, Rule: id(20), FinancialYearEnd: day("2020-12-31")}, "2025-01-01",
			want{retention.Keep, retention.Delete, "2025-12-31", retention.CodeKeepUntil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := compile(t, tt.policy)
			d, err := s.Decide(tt.rec, noon(tt.rec.Jurisdiction, tt.at))
			require.NoError(t, err)
			assert.Equal(t, tt.want.disp, d.Disposition, "disposition")
			assert.Equal(t, tt.want.final, d.Final, "final")
			assert.Equal(t, tt.want.code, d.Code, "code")
			if tt.want.due == "" {
				assert.True(t, d.Due.IsZero(), "due = %s, want none", d.Due)
			} else {
				assert.Equal(t, day(tt.want.due), d.Due, "due")
			}
			assert.Equal(t, tt.rec.ID, d.Record)
			require.NotEmpty(t, d.Refs, "every decision cites its sources")
			for _, f := range d.Findings() {
				assert.NoError(t, f.Validate(), "finding %s", f.Code)
				assert.Equal(t, tt.rec.ID, f.Subject)
			}
		})
	}
}

// TestRollToWorkingDay: K5 from a case closed on 2021-03-14 ends on
// Saturday 2026-03-14: kept as is by default, rolled to Monday 2026-03-16
// with Policy.RollToWorkingDay (Reg 1182/71 Art 3(4); the sources do not
// settle whether it applies to retention).
func TestRollToWorkingDay(t *testing.T) {
	rec := retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2021-03-14")}
	for _, tt := range []struct {
		roll bool
		due  string
	}{{false, "2026-03-14"}, {true, "2026-03-16"}} {
		s := compile(t, retention.Policy{RollToWorkingDay: tt.roll})
		d, err := s.Decide(rec, noon(compliance.DK, "2026-03-15"))
		require.NoError(t, err)
		assert.Equal(t, day(tt.due), d.Due, "roll=%v", tt.roll)
	}
}

// TestDeletionBeforeKassation: a KLE deletion period ending before K5 or
// K10 allow kassation is reported with the later date.
func TestDeletionBeforeKassation(t *testing.T) {
	s := compile(t, retention.Policy{})
	d, err := s.Decide(retention.Record{ID: "S2", Jurisdiction: compliance.DK, Class: "02.00.01", Closed: day("2025-03-15")},
		noon(compliance.DK, "2026-01-01"))
	require.NoError(t, err)
	assert.Equal(t, compliance.Days(1825), d.Deletion)
	assert.Equal(t, day("2030-03-14"), d.DeletionEnds)
	assert.Equal(t, day("2035-03-15"), d.Due)
	fs := d.Findings()
	require.Len(t, fs, 2)
	assert.Equal(t, retention.CodeArchiveMinimum, fs[1].Code)
}

// TestYearEndFinding: with KLEFromYearEnd the decision says so.
func TestYearEndFinding(t *testing.T) {
	s := compile(t, retention.Policy{KLEFromYearEnd: true})
	d, err := s.Decide(retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2025-03-15")},
		noon(compliance.DK, "2026-01-01"))
	require.NoError(t, err)
	assert.True(t, d.YearEnd)
	assert.Equal(t, day("2025-12-31"), d.Event)
	fs := d.Findings()
	require.Len(t, fs, 2)
	assert.Equal(t, retention.CodeYearEnd, fs[1].Code)
}

// TestNorwegianArchivesActByInstant: a Norwegian decision cites the
// arkivlova of 1992 (§ 9) before 1 January 2026 and that of 2025 (§ 13)
// from then (deadlines-law-retention.md 3.3).
func TestNorwegianArchivesActByInstant(t *testing.T) {
	s := compile(t, retention.Policy{})
	rec := retention.Record{ID: "N4", Jurisdiction: compliance.NO, Class: "233", Closed: day("2015-03-15")}
	old := compliance.Section(compliance.NOArchivesAct, "arkivlova 1992", "9", 0, "")
	current := compliance.Section(compliance.NOArchivesAct, "", "13", 0, "")
	d, err := s.Decide(rec, noon(compliance.NO, "2025-12-31"))
	require.NoError(t, err)
	assert.Contains(t, d.Refs.Slice(), old)
	assert.NotContains(t, d.Refs.Slice(), current)
	d, err = s.Decide(rec, noon(compliance.NO, "2026-01-01"))
	require.NoError(t, err)
	assert.Contains(t, d.Refs.Slice(), current)
	assert.NotContains(t, d.Refs.Slice(), old)
}

// TestDecideRefs: KLE decisions cite arkivloven § 10, stk. 2; custom rules
// their own refs.
func TestDecideRefs(t *testing.T) {
	s := compile(t, retention.Policy{})
	at := noon(compliance.DK, "2025-01-01")
	d, err := s.Decide(retention.Record{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2010-01-01")}, at)
	require.NoError(t, err)
	assert.Contains(t, d.Refs.Slice(), compliance.Section(compliance.DKArchivesAct, "", "10", 2, ""))
	assert.Contains(t, d.Refs.Slice(), compliance.GDPR(5, 1, "e"))
	d, err = s.Decide(retention.Record{ID: "R1", Jurisdiction: compliance.DK, Rule: id(20), FinancialYearEnd: day("2010-12-31")}, at)
	require.NoError(t, err)
	assert.Equal(t, []compliance.Ref{compliance.Section(compliance.DKAct, "bogføringsloven", "10", 0, "")}, d.Refs.Slice())
}

// TestCustomTriggers: each trigger reads its own date.
func TestCustomTriggers(t *testing.T) {
	ref := compliance.RefsOf(compliance.GDPR(5, 1, "e"))
	rules := []retention.Rule{
		{ID: id(1), Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "job", Disposition: retention.Delete,
			Trigger: retention.EmploymentEnded, Period: compliance.Years(5), Refs: ref},
		{ID: id(2), Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "log", Disposition: retention.Delete,
			Trigger: retention.LastActivity, Period: compliance.Months(6), Refs: ref},
		{ID: id(3), Jurisdiction: compliance.NO, Scheme: retention.Custom, Class: "child", Disposition: retention.Review,
			Trigger: retention.ComingOfAge, Period: compliance.Years(1), Refs: ref},
		{ID: id(4), Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "minutes", Disposition: retention.Keep, Refs: ref},
		{ID: id(5), Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "plans", Disposition: retention.Transfer,
			Period: compliance.Years(2), Refs: ref},
	}
	s, err := retention.Compile(rules, retention.Policy{})
	require.NoError(t, err)
	at := noon(compliance.DK, "2025-06-01")
	for _, tt := range []struct {
		rec  retention.Record
		disp retention.Disposition
		due  string
		code compliance.Code
	}{
		{retention.Record{ID: "a", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "job",
			EmploymentEnded: day("2020-05-31"), Closed: day("2024-01-01")}, retention.Delete, "2025-05-31", retention.CodeDeleteDue},
		{retention.Record{ID: "b", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "log",
			LastActivity: day("2024-12-01")}, retention.Keep, "2025-06-01", retention.CodeKeepUntil},
		{retention.Record{ID: "c", Jurisdiction: compliance.NO, Scheme: retention.Custom, Class: "child",
			ComingOfAge: day("2023-02-01")}, retention.Review, "2024-02-01", retention.CodeReviewDue},
		{retention.Record{ID: "d", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "minutes"},
			retention.Keep, "", retention.CodeKeepPermanent},
		{retention.Record{ID: "e", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "plans",
			Closed: day("2024-01-01")}, retention.Keep, "2026-01-01", retention.CodeKeepUntil},
		{retention.Record{ID: "f", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "plans",
			Closed: day("2020-01-01")}, retention.Transfer, "2022-01-01", retention.CodeTransfer},
		{retention.Record{ID: "g", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "job"},
			retention.Keep, "", retention.CodeNotStarted},
	} {
		t.Run(tt.rec.ID, func(t *testing.T) {
			d, err := s.Decide(tt.rec, at)
			require.NoError(t, err)
			assert.Equal(t, tt.disp, d.Disposition)
			assert.Equal(t, tt.code, d.Code)
			if tt.due != "" {
				assert.Equal(t, day(tt.due), d.Due)
			}
			for _, f := range d.Findings() {
				assert.NoError(t, f.Validate())
			}
		})
	}
}

// TestDecideInvalid: bad records are rejected with errors that match
// ErrInvalid, name the field and never repeat the value.
func TestDecideInvalid(t *testing.T) {
	s := compile(t, retention.Policy{})
	at := noon(compliance.DK, "2025-01-01")
	secret := "Jens Hansen 010203-1234"
	for _, tt := range []struct {
		name  string
		rec   retention.Record
		field string
	}{
		{"no ID", retention.Record{Jurisdiction: compliance.DK}, "id"},
		{"ID with a newline", retention.Record{ID: secret + "\n", Jurisdiction: compliance.DK}, "id"},
		{"no jurisdiction", retention.Record{ID: "x"}, "jurisdiction"},
		{"impossible date", retention.Record{ID: "x", Jurisdiction: compliance.DK, Closed: compliance.Date{Year: 2025, Month: 2, Day: 30}}, "closed"},
		{"bad KLE number", retention.Record{ID: "x", Jurisdiction: compliance.DK, Class: secret}, "class"},
		{"bad facet", retention.Record{ID: "x", Jurisdiction: compliance.DK, Class: "25.02.00", Facet: "B01"}, "facet"},
		{"facet on a Noark record", retention.Record{ID: "x", Jurisdiction: compliance.NO, Class: "233", Facet: "G01"}, "facet"},
		{"Noark metadata on a KLE record", retention.Record{ID: "x", Jurisdiction: compliance.DK, Kassasjonsvedtak: retention.Kasseres}, "kassasjonsvedtak"},
		{"precedent in Denmark", retention.Record{ID: "x", Jurisdiction: compliance.DK, Precedent: true}, "precedent"},
		{"rule of another jurisdiction", retention.Record{ID: "x", Jurisdiction: compliance.NO, Rule: id(1)}, "rule"},
		{"KLE in Norway", retention.Record{ID: "x", Jurisdiction: compliance.NO, Scheme: retention.KLE, Class: "25.02.00"}, "scheme"},
		{"due date after 9999", retention.Record{ID: "x", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("9998-01-01")}, "closed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := s.Decide(tt.rec, at)
			require.Error(t, err)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%T", err)
			assert.True(t, ve.Has(tt.field), "%v", err)
			assert.NotContains(t, err.Error(), "Jens")
			assert.NotContains(t, err.Error(), "010203")
			assert.Equal(t, tt.rec.ID, d.Record)
			assert.False(t, strings.Contains(err.Error(), secret))
		})
	}
}

// TestDecideAllocations: deciding a record allocates nothing: the decision
// cites the schedule's reference tables, which are immutable
// ([compliance.Refs]), so nothing a caller receives can change the schedule
// (issue 14 item 6).
func TestDecideAllocations(t *testing.T) {
	s := compile(t, retention.Policy{KLEFromYearEnd: true, RollToWorkingDay: true})
	at := noon(compliance.DK, "2027-01-01")
	recs := []retention.Record{
		{ID: "S1", Jurisdiction: compliance.DK, Class: "25.02.00", Facet: "G01", Closed: day("2020-01-01")},
		{ID: "S2", Jurisdiction: compliance.DK, Class: "02.00.01", Closed: day("2025-03-15")},
		{ID: "S3", Jurisdiction: compliance.DK, Class: "99.99.99", Closed: day("2025-03-15")},
		{ID: "N1", Jurisdiction: compliance.NO, Class: "233", Closed: day("2020-01-01")},
		{ID: "N2", Jurisdiction: compliance.NO, Class: "233", Closed: day("2020-01-01"), Precedent: true},
		{ID: "R1", Jurisdiction: compliance.DK, Rule: id(20), FinancialYearEnd: day("2020-12-31")},
	}
	for _, r := range recs {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := s.Decide(r, at); err != nil {
				t.Fatal(err)
			}
		})
		assert.Zero(t, allocs, "record %s", r.ID)
	}
}
