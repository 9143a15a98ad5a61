package rights_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
)

func recCalendar(t testing.TB, j compliance.Jurisdiction, extended bool) *compliance.Calendar {
	t.Helper()
	c, err := compliance.NewCalendar(j, compliance.CalendarOptions{DanishExtended: extended})
	require.NoError(t, err)
	return c
}

func recYMD(t testing.TB, s string) compliance.Date {
	t.Helper()
	d, err := compliance.ParseDate(s)
	require.NoError(t, err)
	return d
}

// recRequest returns an open access request received at 10:00 local time
// on day.
func recRequest(t testing.TB, cal *compliance.Calendar, day string) rights.Request {
	d := recYMD(t, day)
	return rights.Request{
		ID:       rights.RequestID{UUID: recUUID(1)},
		Kind:     rights.Access,
		Received: time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, cal.Location()),
		Channel:  rights.ChannelDigitalPost,
		Status:   rights.Received,
	}
}

// The deadline rows: one month (Art 12(3); also the extension notice and
// the Art 12(4) refusal) and three months (the extended period, counted
// from receipt), counted by Reg 1182/71 Art 3(2)(c) and 3(4)
// (https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:31971R1182 )
// with the DK strict, DK extended and NO holidays.
func TestRequestDeadlineRows(t *testing.T) {
	rows := []struct {
		received, dkStrict, dkExt, no, dk3, no3 string
		tests                                   string
	}{
		{"2025-01-31", "2025-02-28", "2025-02-28", "2025-02-28", "2025-04-30", "2025-04-30", "month-end clamp"},
		{"2025-03-17", "2025-04-22", "2025-04-22", "2025-04-22", "2025-06-17", "2025-06-17", "Easter block (Thu-Mon)"},
		{"2025-04-01", "2025-05-01", "2025-05-01", "2025-05-02", "2025-07-01", "2025-07-01", "1 May is NO-only"},
		{"2023-04-05", "2023-05-08", "2023-05-08", "2023-05-05", "", "", "store bededag still a DK holiday in 2023"},
		{"2025-11-24", "2025-12-24", "2025-12-29", "2025-12-24", "2026-02-24", "2026-02-24", "24 Dec policy"},
	}
	cals := map[string]*compliance.Calendar{
		"DK strict": recCalendar(t, compliance.DK, false),
		"DK ext":    recCalendar(t, compliance.DK, true),
		"NO":        recCalendar(t, compliance.NO, false),
	}
	for _, row := range rows {
		for name, one := range map[string]string{"DK strict": row.dkStrict, "DK ext": row.dkExt, "NO": row.no} {
			t.Run(fmt.Sprintf("%s received %s %s (%s)", name, row.received, "one month", row.tests), func(t *testing.T) {
				cal := cals[name]
				r := recRequest(t, cal, row.received)
				d, err := r.Deadlines(cal, 0)
				require.NoError(t, err)
				assert.Equal(t, recYMD(t, one), d.FirstMonth.LastDay, "Art 12(3) one month")
				assert.Equal(t, d.FirstMonth, d.Answer)
				assert.False(t, d.Extended)
			})
		}
		for name, three := range map[string]string{"DK strict": row.dk3, "NO": row.no3} {
			if three == "" {
				continue
			}
			t.Run(fmt.Sprintf("%s received %s three months (%s)", name, row.received, row.tests), func(t *testing.T) {
				cal := cals[name]
				r := recRequest(t, cal, row.received)
				r.Extension = rights.Extension{Notified: r.Received.Add(24 * time.Hour), Reason: rights.ExtensionComplexity, Months: 2}
				d, err := r.Deadlines(cal, rights.FromReceipt)
				require.NoError(t, err)
				assert.True(t, d.Extended)
				assert.Equal(t, recYMD(t, three), d.Answer.LastDay, "Art 12(3) extended by two further months, from receipt")
				assert.Equal(t, recYMD(t, three).AddDays(1).In(cal.Location()), d.Answer.End)
			})
		}
	}
}

// The two methods of A12-3-ext-calc (unsettled; FromReceipt is the
// default). Derived here: from receipt on Monday 17 March 2025 the first
// month ends on 22 April (after Easter); two further months end on 17 June
// counted from receipt, or on 22 June, a Sunday, so 23 June, counted from
// the rolled first deadline.
func TestRequestExtensionMethods(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	r := recRequest(t, cal, "2025-03-17")
	r.Extension = rights.Extension{Notified: r.Received.Add(72 * time.Hour), Reason: rights.ExtensionNumberOfRequests, Months: 2}
	for _, tt := range []struct {
		m    rights.ExtensionMethod
		want string
	}{
		{0, "2025-06-17"},
		{rights.FromReceipt, "2025-06-17"},
		{rights.FromFirstDeadline, "2025-06-23"},
	} {
		d, err := r.Deadlines(cal, tt.m)
		require.NoError(t, err)
		assert.Equal(t, recYMD(t, tt.want), d.Answer.LastDay, "method %v", tt.m)
	}
	r.Extension.Months = 1
	d, err := r.Deadlines(cal, rights.FromReceipt)
	require.NoError(t, err)
	assert.Equal(t, recYMD(t, "2025-05-19"), d.Answer.LastDay, "one further month: 17 May is a Saturday")
}

// Art 12(3): the extension must be notified within one month of receipt.
// Notified on the first month's last day it counts; notified the day
// after, it does not extend the period, and Assess says so.
func TestRequestExtensionNotice(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	r := recRequest(t, cal, "2025-03-17")
	r.Extension = rights.Extension{Notified: time.Date(2025, 4, 22, 23, 59, 0, 0, cal.Location()), Reason: rights.ExtensionComplexity, Months: 2}
	d, err := r.Deadlines(cal, 0)
	require.NoError(t, err)
	assert.True(t, d.Extended)
	assert.False(t, d.LateExtension)

	r.Extension.Notified = time.Date(2025, 4, 23, 0, 0, 0, 0, cal.Location())
	d, err = r.Deadlines(cal, 0)
	require.NoError(t, err)
	assert.False(t, d.Extended)
	assert.True(t, d.LateExtension)
	assert.Equal(t, d.FirstMonth, d.Answer)

	fs, err := rights.Assess(r, cal, time.Date(2025, 4, 24, 9, 0, 0, 0, cal.Location()), 0)
	require.NoError(t, err)
	assert.Equal(t, []compliance.Code{rights.CodeExtensionLate, rights.CodeRequestOverdue, rights.CodeIdentityUnverified}, recCodes(fs))
	assert.Equal(t, []compliance.Ref{compliance.GDPR(12, 3, "")}, fs[0].Refs.Slice())
	assert.Equal(t, []compliance.Arg{compliance.DateArg(recYMD(t, "2025-04-22"))}, fs[0].Args)
}

// Assess for answered, refused and erasure requests (Art 12(3),
// 12(4), 12(6), 17(3)).
func TestAssessRequest(t *testing.T) {
	cal := recCalendar(t, compliance.NO, false)
	base := recRequest(t, cal, "2025-04-01") // one month: Friday 2 May 2025 (1 May is a Norwegian holiday)
	for _, tt := range []struct {
		name string
		edit func(*rights.Request)
		at   string
		want []compliance.Code
	}{
		{"open, in time, verified", func(r *rights.Request) {
			r.Verification = rights.Verification{Method: rights.VerifiedEID, At: r.Received}
		}, "2025-05-02T23:00:00+02:00", nil},
		{"Art 12(3): open after the deadline", func(r *rights.Request) {
			r.Verification = rights.Verification{Method: rights.VerifiedEID, At: r.Received}
		}, "2025-05-03T00:00:00+02:00", []compliance.Code{rights.CodeRequestOverdue}},
		{"Art 12(6): identity not confirmed", func(*rights.Request) {}, "2025-04-02T10:00:00+02:00",
			[]compliance.Code{rights.CodeIdentityUnverified}},
		{"Art 12(3): answered on the last day", func(r *rights.Request) {
			r.Status, r.Closed = rights.Answered, time.Date(2025, 5, 2, 15, 0, 0, 0, cal.Location())
		}, "2025-06-01T10:00:00+02:00", nil},
		{"Art 12(3): answered late", func(r *rights.Request) {
			r.Status, r.Closed = rights.Answered, time.Date(2025, 5, 5, 9, 0, 0, 0, cal.Location())
		}, "2025-06-01T10:00:00+02:00", []compliance.Code{rights.CodeRequestAnsweredLate}},
		{"Art 12(4): refusal told late, even with an extension", func(r *rights.Request) {
			r.Extension = rights.Extension{Notified: r.Received, Reason: rights.ExtensionComplexity, Months: 2}
			r.Status, r.Refusal, r.Closed = rights.Refused, rights.RefusalExcessive, time.Date(2025, 5, 20, 9, 0, 0, 0, cal.Location())
		}, "2025-06-01T10:00:00+02:00", []compliance.Code{rights.CodeRequestRefusedLate}},
		{"Art 17(3)(b), (d): erasure awaiting the retention rules", func(r *rights.Request) {
			r.Kind = rights.Erasure
			r.Erasure.Status = rights.ErasurePending
			r.Verification = rights.Verification{Method: rights.VerifiedKnown, At: r.Received}
		}, "2025-04-02T10:00:00+02:00", []compliance.Code{rights.CodeErasurePending}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			tt.edit(&r)
			require.NoError(t, r.Validate())
			at, err := time.Parse(time.RFC3339, tt.at)
			require.NoError(t, err)
			fs, err := rights.Assess(r, cal, at, 0)
			require.NoError(t, err)
			assert.Equal(t, tt.want, recCodes(fs))
			for _, f := range fs {
				assert.NoError(t, f.Validate())
			}
		})
	}
}

// DueOf orders what is overdue before what is due next, by deadline
// then ID, and leaves closed requests out.
func TestDueRequests(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	mk := func(n int, day string, status rights.Status) rights.Request {
		r := recRequest(t, cal, day)
		r.ID = rights.RequestID{UUID: recUUID(n)}
		r.Status = status
		if status == rights.Answered {
			r.Closed = r.Received.Add(time.Hour)
		}
		return r
	}
	extended := mk(4, "2025-03-01", rights.InProgress)
	extended.Extension = rights.Extension{Notified: extended.Received, Reason: rights.ExtensionComplexity, Months: 2}
	reqs := []rights.Request{
		mk(1, "2025-05-10", rights.Received),
		mk(2, "2025-04-01", rights.InProgress), // due 1 May: overdue on 5 May
		mk(3, "2025-04-01", rights.Answered),
		extended,                             // due 2 June (1 June is a Sunday)
		mk(5, "2025-04-01", rights.Received), // same deadline as 2, larger ID
	}
	at := time.Date(2025, 5, 5, 12, 0, 0, 0, cal.Location())
	due, err := rights.DueOf(cal, slices.Values(reqs), at, 0)
	require.NoError(t, err)
	var ids []int
	for _, d := range due {
		ids = append(ids, int(d.Request.UUID[15]))
	}
	assert.Equal(t, []int{2, 5, 4, 1}, ids)
	assert.True(t, due[0].Overdue)
	assert.True(t, due[1].Overdue)
	assert.False(t, due[2].Overdue)
	assert.True(t, due[2].Extended)
	assert.Equal(t, recYMD(t, "2025-06-02"), due[2].Deadline.LastDay)
	assert.Equal(t, rights.CodeRequestOverdue, due[0].Message().Key)
	assert.Equal(t, rights.CodeRequestDueExtended, due[2].Message().Key)
	assert.Equal(t, rights.CodeRequestDue, due[3].Message().Key)
}

func TestRequestValidate(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	ok := recRequest(t, cal, "2025-03-17")
	require.NoError(t, ok.Validate())
	for _, tt := range []struct {
		name   string
		edit   func(*rights.Request)
		fields []string
	}{
		{"empty", func(r *rights.Request) { *r = rights.Request{} }, []string{"kind", "received", "channel", "status"}},
		{"unknown codes", func(r *rights.Request) { r.Kind, r.Channel, r.Status = 99, 99, 99 }, []string{"kind", "channel", "status"}},
		{"closed without instant", func(r *rights.Request) { r.Status = rights.Answered }, []string{"closed"}},
		{"open with closed instant", func(r *rights.Request) { r.Closed = r.Received }, []string{"closed"}},
		{"closed before received", func(r *rights.Request) {
			r.Status, r.Closed = rights.Withdrawn, r.Received.Add(-time.Hour)
		}, []string{"closed"}},
		{"refused without ground", func(r *rights.Request) { r.Status, r.Closed = rights.Refused, r.Received }, []string{"refusal"}},
		{"ground without refusal", func(r *rights.Request) { r.Refusal = rights.RefusalExcessive }, []string{"refusal"}},
		{"erasure exception for access", func(r *rights.Request) {
			r.Status, r.Closed, r.Refusal = rights.Refused, r.Received, rights.RefusalErasureException
		}, []string{"refusal"}},
		{"extension incomplete", func(r *rights.Request) { r.Extension = rights.Extension{Months: 3} },
			[]string{"extension.notified", "extension.reason", "extension.months"}},
		{"extension notified before receipt", func(r *rights.Request) {
			r.Extension = rights.Extension{Notified: r.Received.Add(-time.Hour), Reason: rights.ExtensionComplexity, Months: 1}
		}, []string{"extension.notified"}},
		{"verification half", func(r *rights.Request) { r.Verification.Method = rights.VerifiedEID }, []string{"verification.at"}},
		{"verification at without method", func(r *rights.Request) { r.Verification.At = r.Received }, []string{"verification.method"}},
		{"erasure review on access", func(r *rights.Request) { r.Erasure.Status = rights.ErasurePending }, []string{"erasure"}},
		{"erasure without review", func(r *rights.Request) { r.Kind = rights.Erasure }, []string{"erasure.status"}},
		{"erasure refused without ground", func(r *rights.Request) {
			r.Kind, r.Erasure.Status = rights.Erasure, rights.ErasureRefused
		}, []string{"erasure.ground"}},
		{"erasure ground while pending", func(r *rights.Request) {
			r.Kind, r.Erasure = rights.Erasure, rights.ErasureReview{Status: rights.ErasurePending, Ground: rights.ErasureArchiving, Restricted: true}
		}, []string{"erasure.ground", "erasure.restricted"}},
		{"activities", func(r *rights.Request) {
			id := record.ActivityID{UUID: recUUID(3)}
			r.Activities = []record.ActivityID{id, {}, id}
		}, []string{"activities[1]", "activities[2]"}},
		{"reference with a line break", func(r *rights.Request) { r.Subject.Reference = "a\nb" }, []string{"subject.reference"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ok
			tt.edit(&r)
			err := r.Validate()
			require.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "request", ve.Entity)
			var got []string
			for _, f := range ve.Fields {
				got = append(got, f.Field)
			}
			assert.Equal(t, tt.fields, got)
		})
	}
}

// A request's identifier never reaches a log or an error; its storage form
// round-trips through JSON.
func TestRequestPersonalData(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	r := recRequest(t, cal, "2025-03-17")
	id, err := ident.ParseNational(compliance.DK, "010150-5006")
	require.NoError(t, err)
	r.Subject = rights.Subject{NationalID: id, Reference: "sag 17"}
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("x", "request", r)
	assert.NotContains(t, b.String(), "0101505006")
	assert.NotContains(t, b.String(), "sag 17")
	assert.Contains(t, b.String(), `"kind":"access"`)

	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"nationalId":"dk:0101505006"`)
	back, err := rights.DecodeRequest(data)
	require.NoError(t, err)
	assert.Equal(t, r.Subject, back.Subject)
	assert.True(t, r.Received.Equal(back.Received))

	bad := strings.Replace(string(data), "dk:0101505006", "dk:3201505006", 1)
	_, err = rights.DecodeRequest([]byte(bad))
	require.ErrorIs(t, err, compliance.ErrInvalid)
	assert.Contains(t, err.Error(), "subject.nationalId: date")
	assert.NotContains(t, err.Error(), "3201505006")
}

func TestRequestKindRefs(t *testing.T) {
	var arts []string
	for k := range rights.AllKinds() {
		arts = append(arts, k.Ref().Article)
	}
	assert.Equal(t, []string{"15", "16", "17", "18", "20", "21", "22"}, arts)
	assert.Equal(t, []compliance.Ref{compliance.GDPR(17, 3, "b"), compliance.GDPR(17, 3, "d"), compliance.GDPR(17, 3, "e")},
		[]compliance.Ref{rights.ErasureLegalObligation.Ref(), rights.ErasureArchiving.Ref(), rights.ErasureLegalClaims.Ref()})
}
