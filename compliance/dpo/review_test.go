package dpo_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/dpo/dpotest"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/internal/golden"
	"golang.org/x/text/language"
)

var (
	dpia1 = compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	dpia2 = compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 2}}
	kA    = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	kB    = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xb}}
)

func day(m time.Month, d int) compliance.Date { return compliance.MakeDate(2026, m, d) }

func codes(fs []compliance.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

func allMet() dpo.Conditions {
	c := dpo.Conditions{Year: 2026, Assessed: day(11, 1), Status: map[dpo.Condition]dpo.Status{}}
	for k := range dpo.AllConditions() {
		c.Status[k] = dpo.Met
	}
	return c
}

func TestReview(t *testing.T) {
	entries := []dpo.Entry{
		{Task: dpo.Advice, On: day(2, 1), Topic: "ny skoleplatform", Involvement: dpo.Timely, Outcome: dpo.Followed},
		// Art 38(1) "in a timely manner"; WP243 rev.01 3.1: late involvement.
		{Task: dpo.Advice, On: day(3, 1), Topic: "kameraovervågning", Involvement: dpo.Late, Outcome: dpo.NotFollowed},
		// WP243 rev.01 3.1 and 4.2: reasons documented, so no finding for this one.
		{Task: dpo.DPIAAdvice, On: day(4, 1), Topic: "velfærdsteknologi", DPIA: dpia1, Involvement: dpo.Timely,
			Outcome: dpo.PartlyFollowed, Reasons: "Ledelsen valgte en anden leverandør af budgetmæssige grunde."},
		{Task: dpo.CitizenInquiry, On: day(5, 1), Topic: "aktindsigt i egen sag"},
		{Task: dpo.Awareness, On: day(6, 1), Topic: "e-læring for nye medarbejdere"},
		{Task: dpo.Awareness, On: compliance.MakeDate(2025, 6, 1), Topic: "last year's, ignored"},
	}
	cond := allMet()
	cond.Status[dpo.Resources] = dpo.NotMet
	delete(cond.Status, dpo.NoConflict)
	delete(cond.Status, dpo.Communicated)

	y := dpo.Review(2026, entries, cond, []compliance.DPIAID{dpia1, dpia2, dpia2})
	assert.Equal(t, map[dpo.Task]int{dpo.Advice: 2, dpo.DPIAAdvice: 1, dpo.CitizenInquiry: 1, dpo.Awareness: 1}, y.Tasks)
	assert.Equal(t, dpo.AdviceTally{Timely: 2, Late: 1, Followed: 1, Partly: 1, NotFollowed: 1}, y.Advice)
	assert.Equal(t, []string{
		"dpo.condition-not-met",            // Art 38(2) resources
		"dpo.conditions-not-assessed",      // Art 37(7) communicated, Art 38(6) no conflict
		"dpo.late-involvement",             // Art 38(1)
		"dpo.not-followed-without-reasons", // WP243 rev.01 3.1
		"dpo.dpia-without-advice",          // Art 35(2): dpia2 has no advice, counted once
		"dpo.no-management-report",         // Art 38(3)
	}, codes(y.Findings))
	assert.Equal(t, []compliance.Ref{compliance.GDPR(38, 2, "")}, y.Findings[0].Refs.Slice())
	assert.Equal(t, compliance.Violation, y.Findings[0].Severity)
	assert.Equal(t, []string{"dpo.condition.communicated", "dpo.condition.no-conflict"}, y.Findings[1].Args[0].Keys)
	assert.Equal(t, int64(1), y.Findings[3].Args[0].Int)
	assert.Equal(t, int64(1), y.Findings[4].Args[0].Int)
	assert.Contains(t, y.Findings[3].Refs.Slice(), compliance.Guidance(compliance.WP29, "WP243 rev.01", "3.1"))

	// Topics never reach findings or the report.
	doc := y.Report()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%+v", doc)
	for _, e := range entries {
		assert.NotContains(t, buf.String(), e.Topic)
	}
}

func TestReviewAllGood(t *testing.T) {
	entries := []dpo.Entry{
		{Task: dpo.ManagementReport, On: day(12, 1), Topic: "årsrapport"},
		{Task: dpo.DPIAAdvice, On: day(4, 1), Topic: "velfærdsteknologi", DPIA: dpia1, Involvement: dpo.Timely, Outcome: dpo.Followed},
	}
	y := dpo.Review(2026, entries, allMet(), []compliance.DPIAID{dpia1})
	assert.Empty(t, y.Findings)
}

func TestEntryValidate(t *testing.T) {
	base := dpo.Entry{Task: dpo.Advice, On: day(1, 5), Topic: "x"}
	tests := []struct {
		name  string
		edit  func(*dpo.Entry)
		field string
	}{
		{"CPR number in topic", func(e *dpo.Entry) { e.Topic = "borger 070761-4285" }, "topic"},
		{"fødselsnummer in topic", func(e *dpo.Entry) { e.Topic = "sak om 01010750160" }, "topic"},
		{"dpia advice without dpia", func(e *dpo.Entry) { e.Task = dpo.DPIAAdvice }, "dpia"},
		{"outcome on an inquiry", func(e *dpo.Entry) { e.Task, e.Outcome = dpo.CitizenInquiry, dpo.Followed }, "outcome"},
		{"year the calendar cannot count", func(e *dpo.Entry) { e.On = compliance.MakeDate(202, 1, 1) }, "on"},
		{"control character in reasons", func(e *dpo.Entry) { e.Reasons = "a\x07b" }, "reasons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := base
			tt.edit(&e)
			err := e.Validate()
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.True(t, ve.Has(tt.field), "%v", err)
			assert.NotContains(t, err.Error(), "4285")
			assert.NotContains(t, err.Error(), "50160")
		})
	}
}

func TestEntryHidesTopic(t *testing.T) {
	e := dpo.Entry{Task: dpo.CitizenInquiry, On: day(1, 5), Topic: "Jens Hansens klage", Reasons: "Jens"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d"} {
		assert.NotContains(t, fmt.Sprintf(verb, e), "Jens", verb)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "entry", e)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "entry", e)
	assert.NotContains(t, buf.String(), "Jens")
}

func newRegister(t *testing.T) *dpo.Register {
	r, err := dpo.NewRegister(dpotest.NewMemStore(), dpotest.NewMemConditionsStore(), &dpo.Options{
		Options: compliance.Options{Now: func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }, NewID: compliance.Sequence()}})
	require.NoError(t, err)
	return r
}

func TestRegister(t *testing.T) {
	ctx := context.Background()
	r := newRegister(t)
	e, err := r.Log(ctx, kA, dpo.Entry{Task: dpo.Advice, On: day(3, 1), Topic: "kameraer", Involvement: dpo.Timely, Outcome: dpo.Pending})
	require.NoError(t, err)
	e.Outcome, e.Reasons = dpo.NotFollowed, "Budget."
	e2, err := r.Update(ctx, kA, e)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), e2.Version)
	_, err = r.Update(ctx, kA, e)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	_, err = r.Update(ctx, kB, e2)
	assert.ErrorIs(t, err, compliance.ErrNotFound, "another kommune's entry")

	// Two concurrent first assessments of one year: exactly one succeeds.
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.Assess(ctx, kA, allMet()); err == nil {
				mu.Lock()
				ok++
				mu.Unlock()
			} else if !errors.Is(err, compliance.ErrConflict) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, ok)

	y, err := r.Review(ctx, kA, 2026, nil)
	require.NoError(t, err)
	assert.Equal(t, 1, y.Tasks[dpo.Advice])
	assert.Equal(t, dpo.Met, y.Conditions.Status[dpo.Resources])
	yb, err := r.Review(ctx, kB, 2026, nil)
	require.NoError(t, err)
	assert.Empty(t, yb.Tasks, "kommune B sees none of A's log")

	var zero dpo.Register
	_, err = zero.Log(ctx, kA, e)
	assert.ErrorIs(t, err, dpo.ErrNotConfigured)
	_, err = r.Log(ctx, compliance.ControllerID{}, e)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = dpo.NewRegister(nil, nil, nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

// TestRegisterConcurrentUpdate: racing records of an outcome on one entry
// version — exactly one is acknowledged and later reads see it (Art 38(1)
// advice log; bounded: 8 goroutines).
func TestRegisterConcurrentUpdate(t *testing.T) {
	ctx := context.Background()
	r := newRegister(t)
	e, err := r.Log(ctx, kA, dpo.Entry{Task: dpo.Advice, On: day(3, 1), Topic: "kameraer", Involvement: dpo.Timely, Outcome: dpo.Pending})
	require.NoError(t, err)
	outcomes := []dpo.Outcome{dpo.Followed, dpo.PartlyFollowed, dpo.NotFollowed, dpo.Pending}
	var wg sync.WaitGroup
	won := make(chan dpo.Entry, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := e
			m.Outcome, m.Reasons = outcomes[i%len(outcomes)], "Begrundelse."
			got, err := r.Update(ctx, kA, m)
			switch {
			case err == nil:
				won <- got
			case !errors.Is(err, compliance.ErrConflict):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	close(won)
	require.Len(t, won, 1)
	w := <-won
	var stored []dpo.Entry
	for x, err := range r.Entries(ctx, kA, dpo.Filter{}) {
		require.NoError(t, err)
		stored = append(stored, x)
	}
	require.Len(t, stored, 1)
	assert.Equal(t, uint64(2), stored[0].Version)
	assert.Equal(t, w.Outcome, stored[0].Outcome)
}

// TestReportGolden: the DPO's yearly report to management (Art 38(3)) as
// rendered in the four languages, from the TestReview year.
func TestReportGolden(t *testing.T) {
	entries := []dpo.Entry{
		{Task: dpo.Advice, On: day(2, 1), Topic: "ny skoleplatform", Involvement: dpo.Timely, Outcome: dpo.Followed},
		{Task: dpo.Advice, On: day(3, 1), Topic: "kameraovervågning", Involvement: dpo.Late, Outcome: dpo.NotFollowed},
		{Task: dpo.DPIAAdvice, On: day(4, 1), Topic: "velfærdsteknologi", DPIA: dpia1, Involvement: dpo.Timely, Outcome: dpo.Pending},
		{Task: dpo.CitizenInquiry, On: day(5, 1), Topic: "aktindsigt i egen sag"},
	}
	cond := allMet()
	cond.Status[dpo.Resources] = dpo.NotMet
	delete(cond.Status, dpo.Communicated)
	doc := dpo.Review(2026, entries, cond, []compliance.DPIAID{dpia1, dpia2}).Report()
	for _, l := range []string{"da", "nb", "nn", "en"} {
		md := i18n.NewPrinter(language.MustParse(l)).Markdown(doc)
		golden.Check(t, "report_"+l+".md", []byte(md))
		assert.NotContains(t, md, "dpo.", "an untranslated key in "+l)
		for _, e := range entries {
			assert.NotContains(t, md, e.Topic)
		}
	}
}

// TestReviewBlankReasons: reasons of only spaces document nothing (WP243
// rev.01 section 3.1), even in entries that did not pass Validate.
func TestReviewBlankReasons(t *testing.T) {
	y := dpo.Review(2026, []dpo.Entry{{Task: dpo.Advice, On: day(2, 1), Topic: "x", Involvement: dpo.Timely,
		Outcome: dpo.NotFollowed, Reasons: " \n "}}, allMet(), nil)
	assert.Contains(t, codes(y.Findings), string(dpo.CodeNoReasons))
}

// TestRegisterReviewBound: Review reads at most MaxEntries entries of the
// year and names the field past it; other years do not count.
func TestRegisterReviewBound(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		thisYear  int
		otherYear int
		wantErr   bool
	}{
		{"none", 0, 0, false},
		{"just at the bound", dpo.MaxEntries, 0, false},
		{"at the bound, more in another year", dpo.MaxEntries, 5, false},
		{"one past the bound", dpo.MaxEntries + 1, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := dpotest.NewMemStore()
			put := func(i int, on compliance.Date) {
				e := dpo.Entry{ID: dpo.EntryID{UUID: [16]byte{6: 0x70, 8: 0x80, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}},
					Task: dpo.Awareness, On: on, Topic: "kursus"}
				require.NoError(t, s.Put(ctx, kA, e))
			}
			for i := range tt.thisYear {
				put(i+1, day(3, 1))
			}
			for i := range tt.otherYear {
				put(tt.thisYear+i+1, compliance.MakeDate(2025, 3, 1))
			}
			r, err := dpo.NewRegister(s, dpotest.NewMemConditionsStore(), nil)
			require.NoError(t, err)

			y, err := r.Review(ctx, kA, 2026, nil)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, tt.thisYear, y.Tasks[dpo.Awareness])
				return
			}
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "entries", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
		})
	}
}
