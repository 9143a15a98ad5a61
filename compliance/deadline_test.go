package compliance_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

// instant parses a local wall-clock time "2006-01-02T15:04" in c's zone, or an
// RFC 3339 instant when s has an offset.
func instant(t testing.TB, c *compliance.Calendar, s string) time.Time {
	t.Helper()
	if len(s) > len("2006-01-02T15:04") {
		x, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err, s)
		return x
	}
	x, err := time.ParseInLocation("2006-01-02T15:04", s, c.Location())
	require.NoError(t, err, s)
	return x
}

// midnightAfter returns 00:00 of the day after d in c's zone.
func midnightAfter(c *compliance.Calendar, d compliance.Date) time.Time {
	return d.AddDays(1).In(c.Location())
}

// assertInstant compares instants with Equal and prints both in RFC 3339.
func assertInstant(t *testing.T, want, got time.Time, name string) bool {
	t.Helper()
	return assert.True(t, want.Equal(got), "%s:\n got %s\nwant %s", name,
		got.Format(time.RFC3339Nano), want.Format(time.RFC3339Nano))
}

func TestDeadlineTestVectors151(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	dkx := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true})
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	// deadlines-law-retention.md §1.5.1, every row and column. Receipt at
	// 10:00 local time; the time of day does not matter for month periods.
	rows := []struct {
		received, what    string
		raw1, dk, dkx, no string
		raw3, dk3, no3    string
	}{
		{"2025-01-31", "month-end clamp", "2025-02-28", "2025-02-28", "2025-02-28", "2025-02-28", "2025-04-30", "2025-04-30", "2025-04-30"},
		{"2025-03-17", "over Easter", "2025-04-17", "2025-04-22", "2025-04-22", "2025-04-22", "2025-06-17", "2025-06-17", "2025-06-17"},
		{"2025-04-01", "1 May is NO-only", "2025-05-01", "2025-05-01", "2025-05-01", "2025-05-02", "2025-07-01", "2025-07-01", "2025-07-01"},
		{"2023-04-05", "store bededag still a DK holiday in 2023", "2023-05-05", "2023-05-08", "2023-05-08", "2023-05-05", "", "", ""},
		{"2025-11-24", "24 Dec policy", "2025-12-24", "2025-12-24", "2025-12-29", "2025-12-24", "2026-02-24", "2026-02-24", "2026-02-24"},
	}
	type tc struct {
		name      string
		c         *compliance.Calendar
		received  string
		p         compliance.Period
		raw, want string
	}
	var tests []tc
	for _, r := range rows {
		tests = append(tests,
			tc{fmt.Sprintf("1.5.1: received %s, +1 month, %s → %s (DK strict)", r.received, r.what, r.dk), dk, r.received, compliance.Months(1), r.raw1, r.dk},
			tc{fmt.Sprintf("1.5.1: received %s, +1 month, %s → %s (DK ext)", r.received, r.what, r.dkx), dkx, r.received, compliance.Months(1), r.raw1, r.dkx},
			tc{fmt.Sprintf("1.5.1: received %s, +1 month, %s → %s (NO)", r.received, r.what, r.no), no, r.received, compliance.Months(1), r.raw1, r.no},
		)
		if r.raw3 != "" {
			tests = append(tests,
				tc{fmt.Sprintf("1.5.1: received %s, +3 months → %s (DK strict)", r.received, r.dk3), dk, r.received, compliance.Months(3), r.raw3, r.dk3},
				tc{fmt.Sprintf("1.5.1: received %s, +3 months → %s (NO)", r.received, r.no3), no, r.received, compliance.Months(3), r.raw3, r.no3},
			)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			event := instant(t, tt.c, tt.received+"T10:00")
			d, err := tt.c.Deadline(event, tt.p)
			require.NoError(t, err)
			want, raw := ymd(t, tt.want), ymd(t, tt.raw)
			assert.Equal(t, want, d.LastDay, "LastDay")
			assert.Equal(t, raw, d.Unrolled, "Unrolled")
			assert.Equal(t, want != raw, d.Rolled, "Rolled")
			assert.False(t, d.Extended)
			assertInstant(t, midnightAfter(tt.c, want), d.End, "End is the expiry of the last hour of the last day")
			assertInstant(t, midnightAfter(tt.c, ymd(t, tt.received)), d.Start, "Start is the day after receipt")
			assert.Equal(t, tt.c.Location(), d.End.Location())
			assert.True(t, tt.c.IsWorkingDay(d.LastDay))
		})
	}
}

func TestDeadlineTestVectors152(t *testing.T) {
	t.Parallel()
	// deadlines-law-retention.md §1.5.2, Europe/Copenhagen; the same offsets
	// apply in Europe/Oslo, so each row runs on both calendars.
	rows := []struct {
		name, aware, plain, strict string
	}{
		{"aware on skærtorsdag, ends on Easter Sunday, no roll", "2025-04-17T10:37:00+02:00", "2025-04-20T10:37:00+02:00", "2025-04-20T11:00:00+02:00"},
		{"across the DST start on 30 March: elapsed time", "2025-03-28T12:00:00+01:00", "2025-03-31T13:00:00+02:00", "2025-03-31T14:00:00+02:00"},
	}
	for _, j := range []compliance.Jurisdiction{compliance.DK, compliance.NO} {
		plain := mustCalendar(t, j, compliance.CalendarOptions{})
		strict := mustCalendar(t, j, compliance.CalendarOptions{HourCount: compliance.HourCountNextHour})
		for _, r := range rows {
			for _, x := range []struct {
				reading string
				c       *compliance.Calendar
				want    string
			}{{"plain +72 h elapsed", plain, r.plain}, {"strict 1182/71: next full hour +72 h", strict, r.strict}} {
				t.Run(fmt.Sprintf("1.5.2: aware %s, %s → %s (%s, %v)", r.aware, x.reading, x.want, r.name, j), func(t *testing.T) {
					t.Parallel()
					d, err := x.c.Deadline(instant(t, x.c, r.aware), compliance.Hours(72))
					require.NoError(t, err)
					want := instant(t, x.c, x.want)
					assertInstant(t, want, d.End, "End")
					assert.Equal(t, x.want, d.End.Format(time.RFC3339), "End in the calendar's zone")
					assert.Equal(t, compliance.DateOf(want), d.LastDay)
					assert.Equal(t, d.LastDay, d.Unrolled)
					assert.False(t, d.Rolled, "hour periods are never rolled (Art 3(4))")
				})
			}
		}
	}
}

func TestDeadline(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	dkx := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true})
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	tests := []struct {
		name    string
		c       *compliance.Calendar
		event   string
		p       compliance.Period
		raw     string
		lastDay string
	}{
		// Art 3(2)(c): same date, or the last day of a shorter month.
		{"month end: 2024-01-31 +1 month → 29 Feb in a leap year", dk, "2024-01-31T09:00", compliance.Months(1), "2024-02-29", "2024-02-29"},
		{"month end: 2024-01-30 +1 month → 29 Feb", dk, "2024-01-30T09:00", compliance.Months(1), "2024-02-29", "2024-02-29"},
		{"month end: 2025-03-31 +1 month → 30 Apr", dk, "2025-03-31T09:00", compliance.Months(1), "2025-04-30", "2025-04-30"},
		{"month end: 2023-12-31 +2 months → 2024-02-29, across the year", dk, "2023-12-31T09:00", compliance.Months(2), "2024-02-29", "2024-02-29"},
		{"month end + roll: 2025-11-30 +3 months → Sat 2026-02-28 → Mon 2 Mar", dk, "2025-11-30T09:00", compliance.Months(3), "2026-02-28", "2026-03-02"},
		{"months: 2025-05-15 +12 months = 2026-05-15", no, "2025-05-15T09:00", compliance.Months(12), "2026-05-15", "2026-05-15"},
		// Years: 29 February.
		{"years: 2024-02-29 +1 year → 2025-02-28", dk, "2024-02-29T09:00", compliance.Years(1), "2025-02-28", "2025-02-28"},
		{"years: 2024-02-29 +4 years → 2028-02-29", no, "2024-02-29T09:00", compliance.Years(4), "2028-02-29", "2028-02-29"},
		{"years: 2025-03-17 +5 years → Sun 2030-03-17 → Mon", dk, "2025-03-17T09:00", compliance.Years(5), "2030-03-17", "2030-03-18"},
		// Weeks: the same weekday.
		{"weeks: Mon 2025-03-17 +2 weeks → Mon 31 Mar", dk, "2025-03-17T09:00", compliance.Weeks(2), "2025-03-31", "2025-03-31"},
		{"weeks: Mon 2025-04-07 +2 weeks → Easter Monday → Tue 22 Apr", no, "2025-04-07T09:00", compliance.Weeks(2), "2025-04-21", "2025-04-22"},
		// Days, Art 3(2)(b).
		{"days: Mon +3 days → Thu", dk, "2025-03-17T09:00", compliance.Days(3), "2025-03-20", "2025-03-20"},
		{"days: Thu +2 days → Sat → Mon (Art 3(4))", dk, "2025-03-20T09:00", compliance.Days(2), "2025-03-22", "2025-03-24"},
		{"days: Wed before Easter +1 day → Tue after (Art 3(4))", dk, "2025-04-16T09:00", compliance.Days(1), "2025-04-17", "2025-04-22"},
		{"days: DK ext, 2025-12-23 +1 day → 24 Dec → Mon 29 Dec", dkx, "2025-12-23T09:00", compliance.Days(1), "2025-12-24", "2025-12-29"},
		{"days: NO 2024-05-16 +1 day → 17 May → Tue 21 May (Whitsun)", no, "2024-05-16T09:00", compliance.Days(1), "2024-05-17", "2024-05-21"},
		// Working days.
		{"working days: DK Wed before Easter +3 → Thu 24 Apr", dk, "2025-04-16T09:00", compliance.WorkingDays(3), "2025-04-24", "2025-04-24"},
		{"working days: NO Thu 2024-05-16 +2 over 17 May and Whitsun → Wed 22 May", no, "2024-05-16T09:00", compliance.WorkingDays(2), "2024-05-22", "2024-05-22"},
		{"working days: from a Saturday, +1 → Monday", dk, "2025-03-22T09:00", compliance.WorkingDays(1), "2025-03-24", "2025-03-24"},
		// The event's day is the day in the calendar's zone.
		{"event at 23:30 local counts from that day", dk, "2025-03-17T23:30", compliance.Days(1), "2025-03-18", "2025-03-18"},
		{"event at 00:10 local (23:10 UTC the day before) counts from the local day", dk, "2025-03-18T00:10", compliance.Days(1), "2025-03-19", "2025-03-19"},
		{"event given in UTC at 23:30Z is 00:30 the next day in Copenhagen", dk, "2025-03-17T23:30:00Z", compliance.Days(1), "2025-03-19", "2025-03-19"},
		{"summer: 2025-06-30T22:30Z is 1 July in Oslo, +1 month → Fri 1 Aug", no, "2025-06-30T22:30:00Z", compliance.Months(1), "2025-08-01", "2025-08-01"},
		{"winter: 2025-01-30T23:30Z is 31 Jan in Copenhagen, +1 month → 28 Feb", dk, "2025-01-30T23:30:00Z", compliance.Months(1), "2025-02-28", "2025-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			event := instant(t, tt.c, tt.event)
			d, err := tt.c.Deadline(event, tt.p)
			require.NoError(t, err)
			assert.Equal(t, ymd(t, tt.raw), d.Unrolled, "Unrolled")
			assert.Equal(t, ymd(t, tt.lastDay), d.LastDay, "LastDay")
			assert.Equal(t, tt.raw != tt.lastDay, d.Rolled, "Rolled")
			assertInstant(t, midnightAfter(tt.c, d.LastDay), d.End, "End")
			assertInstant(t, event, d.Event, "Event")
			assert.Equal(t, tt.c.Location(), d.Event.Location(), "the event is converted to the calendar's zone")
			assert.Equal(t, tt.p, d.Period)
		})
	}
}

func TestDeadlineHours(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	dkx := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true, TwoWorkingDays: true})
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	strict := mustCalendar(t, compliance.DK, compliance.CalendarOptions{HourCount: compliance.HourCountNextHour})
	tests := []struct {
		name               string
		c                  *compliance.Calendar
		event              string
		n                  int
		wantStart, wantEnd string
		lastDay            string
	}{
		{"style guide §2.13: breach discovered Friday 16:00 CET, deadline Monday 16:00", dk,
			"2025-01-10T16:00:00+01:00", 72, "2025-01-10T16:00:00+01:00", "2025-01-13T16:00:00+01:00", "2025-01-13"},
		{"never rolled: 24 h from 24 Dec ends on Christmas Day (DK ext)", dkx,
			"2025-12-24T09:00:00+01:00", 24, "2025-12-24T09:00:00+01:00", "2025-12-25T09:00:00+01:00", "2025-12-25"},
		{"never rolled: 72 h from Thu 15 May 2025 end on 17 May (NO, Saturday)", no,
			"2025-05-15T08:00:00+02:00", 48, "2025-05-15T08:00:00+02:00", "2025-05-17T08:00:00+02:00", "2025-05-17"},
		{"DST end 26 Oct 2025: 72 h from Fri 12:00 CEST end Mon 11:00 CET", dk,
			"2025-10-24T12:00:00+02:00", 72, "2025-10-24T12:00:00+02:00", "2025-10-27T11:00:00+01:00", "2025-10-27"},
		{"ending exactly at midnight: the last day is the day before", dk,
			"2025-03-17T00:00:00+01:00", 24, "2025-03-17T00:00:00+01:00", "2025-03-18T00:00:00+01:00", "2025-03-17"},
		{"strict: an event on the hour still loses its hour", strict,
			"2025-04-17T10:00:00+02:00", 72, "2025-04-17T11:00:00+02:00", "2025-04-20T11:00:00+02:00", "2025-04-20"},
		{"strict: event in the first 02:30 of the repeated autumn hour starts at the second 02:00", strict,
			"2025-10-26T02:30:00+02:00", 1, "2025-10-26T02:00:00+01:00", "2025-10-26T03:00:00+01:00", "2025-10-26"},
		{"strict: event in the second 02:30 starts at 03:00", strict,
			"2025-10-26T02:30:00+01:00", 1, "2025-10-26T03:00:00+01:00", "2025-10-26T04:00:00+01:00", "2025-10-26"},
		{"strict: seconds and nanoseconds are dropped too", strict,
			"2025-04-17T10:59:59.999999999+02:00", 1, "2025-04-17T11:00:00+02:00", "2025-04-17T12:00:00+02:00", "2025-04-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := tt.c.Deadline(instant(t, tt.c, tt.event), compliance.Hours(tt.n))
			require.NoError(t, err)
			assertInstant(t, instant(t, tt.c, tt.wantStart), d.Start, "Start")
			assertInstant(t, instant(t, tt.c, tt.wantEnd), d.End, "End")
			assert.Equal(t, tt.wantEnd, d.End.Format(time.RFC3339), "End on the calendar's wall clock")
			assert.Equal(t, ymd(t, tt.lastDay), d.LastDay, "LastDay")
			assert.Equal(t, d.LastDay, d.Unrolled)
			assert.False(t, d.Rolled, "hours are never rolled")
			assert.False(t, d.Extended, "Art 3(5) does not apply to hours")
			assert.Equal(t, time.Duration(tt.n)*time.Hour, d.End.Sub(d.Start), "elapsed hours")
		})
	}
}

func TestDeadlineTwoWorkingDays(t *testing.T) {
	t.Parallel()
	off := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	on := mustCalendar(t, compliance.DK, compliance.CalendarOptions{TwoWorkingDays: true})
	tests := []struct {
		name     string
		c        *compliance.Calendar
		event    string
		p        compliance.Period
		lastDay  string
		extended bool
	}{
		{"off: Wed before Easter +2 days → Fri (holiday) → Tue, one working day", off, "2025-04-16T09:00", compliance.Days(2), "2025-04-22", false},
		{"Art 3(5): Wed before Easter +2 days includes two working days → Wed 23 Apr", on, "2025-04-16T09:00", compliance.Days(2), "2025-04-23", true},
		{"Art 3(5) is for periods of two days or more: +1 day is not extended", on, "2025-04-16T09:00", compliance.Days(1), "2025-04-22", false},
		{"Art 3(5): an ordinary +2 days already has two working days", on, "2025-03-17T09:00", compliance.Days(2), "2025-03-19", false},
		{"Art 3(5): Thu +2 days → Sat → Mon: Fri and Mon are two working days", on, "2025-03-20T09:00", compliance.Days(2), "2025-03-24", false},
		{"Art 3(5): a month always has two working days", on, "2025-03-17T09:00", compliance.Months(1), "2025-04-22", false},
	}
	for _, tt := range tests {
		d, err := tt.c.Deadline(instant(t, tt.c, tt.event), tt.p)
		require.NoError(t, err, tt.name)
		assert.Equal(t, ymd(t, tt.lastDay), d.LastDay, tt.name)
		assert.Equal(t, tt.extended, d.Extended, tt.name)
		assertInstant(t, midnightAfter(tt.c, d.LastDay), d.End, tt.name)
	}
}

func TestDeadlineRefs(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{TwoWorkingDays: true})
	event := instant(t, dk, "2025-03-17T10:00")
	refs := func(p compliance.Period, event time.Time) []string {
		d, err := dk.Deadline(event, p)
		require.NoError(t, err)
		var s []string
		for _, r := range d.Refs().All() {
			require.NoError(t, r.Validate())
			s = append(s, r.String())
		}
		return s
	}
	assert.Equal(t, []string{"eu-1182-71 art 3(1) subpara 1", "eu-1182-71 art 3(2)(a)"},
		refs(compliance.Hours(72), event))
	assert.Equal(t, []string{"eu-1182-71 art 3(1) subpara 2", "eu-1182-71 art 3(2)(b)", "eu-1182-71 art 3(3)"},
		refs(compliance.Days(3), event))
	assert.Equal(t, []string{"eu-1182-71 art 3(1) subpara 2", "eu-1182-71 art 3(2)(c)", "eu-1182-71 art 3(3)", "eu-1182-71 art 3(4)"},
		refs(compliance.Months(1), event), "1.5.1: rolled over Easter")
	assert.Equal(t, []string{"eu-1182-71 art 2(2)", "eu-1182-71 art 3(1) subpara 2", "eu-1182-71 art 3(2)(b)", "eu-1182-71 art 3(3)"},
		refs(compliance.WorkingDays(5), event))
	assert.Equal(t, []string{"eu-1182-71 art 3(1) subpara 2", "eu-1182-71 art 3(2)(b)", "eu-1182-71 art 3(3)", "eu-1182-71 art 3(4)", "eu-1182-71 art 3(5)"},
		refs(compliance.Days(2), instant(t, dk, "2025-04-16T10:00")))
	assert.True(t, compliance.Deadline{}.Refs().IsZero())
}

func TestDeadlinePassed(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	d, err := dk.Deadline(instant(t, dk, "2025-03-17T10:00"), compliance.Months(1))
	require.NoError(t, err)
	// 1.5.1: the period ends with the last hour of 2025-04-22.
	assertInstant(t, instant(t, dk, "2025-04-23T00:00:00+02:00"), d.End, "End")
	for _, tt := range []struct {
		at     string
		passed bool
		left   time.Duration
	}{
		{"2025-04-22T23:59:59+02:00", false, time.Second},
		{"2025-04-22T21:59:59Z", false, time.Second},
		{"2025-04-23T00:00:00+02:00", true, 0},
		{"2025-04-24T00:00:00+02:00", true, -24 * time.Hour},
	} {
		x := instant(t, dk, tt.at)
		assert.Equal(t, tt.passed, d.Passed(x), tt.at)
		assert.Equal(t, tt.left, d.Remaining(x), tt.at)
	}
	assert.True(t, compliance.Deadline{}.IsZero())
	assert.False(t, d.IsZero())
}

func TestDeadlineErrors(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	event := instant(t, dk, "2025-03-17T10:00")
	tests := []struct {
		name   string
		event  time.Time
		p      compliance.Period
		field  string
		reason compliance.Reason
	}{
		{"zero event", time.Time{}, compliance.Months(1), "event", compliance.ReasonRequired},
		{"zero period", event, compliance.Period{}, "period", compliance.ReasonRequired},
		{"unknown unit", event, compliance.Period{N: 1, Unit: 42}, "period.unit", compliance.ReasonUnknown},
		{"zero units", event, compliance.Days(0), "period.n", compliance.ReasonRange},
		{"negative units", event, compliance.Days(-1), "period.n", compliance.ReasonRange},
		{"too many units", event, compliance.Days(compliance.MaxPeriod + 1), "period.n", compliance.ReasonRange},
		{"event before 1583", time.Date(1500, 1, 1, 12, 0, 0, 0, time.UTC), compliance.Days(1), "event", compliance.ReasonRange},
		{"years past 9999", time.Date(9999, 6, 1, 12, 0, 0, 0, time.UTC), compliance.Years(1), "period", compliance.ReasonRange},
		{"months past 9999", time.Date(9999, 12, 1, 12, 0, 0, 0, time.UTC), compliance.Months(1), "period", compliance.ReasonRange},
		{"days past 9999", time.Date(9999, 12, 30, 12, 0, 0, 0, time.UTC), compliance.Days(5), "period", compliance.ReasonRange},
		{"working days past 9999", time.Date(9999, 12, 30, 12, 0, 0, 0, time.UTC), compliance.WorkingDays(5), "period", compliance.ReasonRange},
		{"hours past 9999", time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC), compliance.Hours(24), "period", compliance.ReasonRange},
	}
	for _, tt := range tests {
		d, err := dk.Deadline(tt.event, tt.p)
		assert.True(t, d.IsZero(), tt.name)
		assert.ErrorIs(t, err, compliance.ErrInvalid, tt.name)
		var fe *compliance.FieldError
		if assert.ErrorAs(t, err, &fe, tt.name) {
			assert.Equal(t, tt.field, fe.Field, tt.name)
			assert.Equal(t, tt.reason, fe.Reason, tt.name)
		}
	}
}

func TestDeadlineAllocations(t *testing.T) {
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true, TwoWorkingDays: true})
	event := instant(t, dk, "2025-03-17T10:00")
	for _, p := range []compliance.Period{compliance.Months(1), compliance.Hours(72), compliance.WorkingDays(10), compliance.Years(5)} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := dk.Deadline(event, p); err != nil {
				t.Fatal(err)
			}
		})
		assert.Zero(t, allocs, "Deadline(%v) allocates", p)
	}
	allocs := testing.AllocsPerRun(100, func() { dk.IsWorkingDay(compliance.Date{Year: 2025, Month: 4, Day: 18}) })
	assert.Zero(t, allocs, "IsWorkingDay allocates")
}

// deadlineSink keeps benchmark results alive.
var deadlineSink compliance.Deadline

func BenchmarkDeadlineOneMonth(b *testing.B) {
	dk := mustCalendar(b, compliance.DK, compliance.CalendarOptions{})
	// 1.5.1: received 2025-03-17, +1 month over Easter → 2025-04-22.
	event := time.Date(2025, time.March, 17, 10, 0, 0, 0, dk.Location())
	want := compliance.Date{Year: 2025, Month: time.April, Day: 22}
	b.ReportAllocs()
	for b.Loop() {
		d, err := dk.Deadline(event, compliance.Months(1))
		if err != nil || d.LastDay != want {
			b.Fatalf("Deadline = %v, %v", d.LastDay, err)
		}
		deadlineSink = d
	}
}

func BenchmarkDeadlineHours(b *testing.B) {
	dk := mustCalendar(b, compliance.DK, compliance.CalendarOptions{HourCount: compliance.HourCountNextHour})
	event := time.Date(2025, time.March, 28, 12, 0, 0, 0, dk.Location())
	b.ReportAllocs()
	for b.Loop() {
		d, err := dk.Deadline(event, compliance.Hours(72))
		if err != nil {
			b.Fatal(err)
		}
		deadlineSink = d
	}
}

func BenchmarkDeadlineWorkingDays(b *testing.B) {
	no := mustCalendar(b, compliance.NO, compliance.CalendarOptions{})
	event := time.Date(2025, time.April, 28, 10, 0, 0, 0, no.Location())
	b.ReportAllocs()
	for b.Loop() {
		d, err := no.Deadline(event, compliance.WorkingDays(10))
		if err != nil {
			b.Fatal(err)
		}
		deadlineSink = d
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	no := mustCalendar(b, compliance.NO, compliance.CalendarOptions{})
	// Every day of 2025, so the movable holidays' path (March to June) is
	// measured in proportion.
	var days []compliance.Date
	for d := (compliance.Date{Year: 2025, Month: 1, Day: 1}); d.Year == 2025; d = d.AddDays(1) {
		days = append(days, d)
	}
	b.ReportAllocs()
	n, i := 0, 0
	for b.Loop() {
		if no.IsWorkingDay(days[i]) {
			n++
		}
		if i++; i == len(days) {
			i = 0
		}
	}
	if n == 0 {
		b.Fatal("no working days")
	}
}

// deadlineFuzzStart and deadlineFuzzSpan bound FuzzDeadline's events to 1900–2200.
var (
	deadlineFuzzStart = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	deadlineFuzzSpan  = time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC).Unix() - deadlineFuzzStart
)

func FuzzDeadline(f *testing.F) {
	// Seeds: sec counts from 1900-01-01T00:00Z, N is 1+n, the unit is
	// 1+unit%6; more seeds are in testdata/fuzz/FuzzDeadline.
	f.Add(int64(3951190800), 0, uint8(3), false, false, false, false)  // 1.5.1: 2025-03-17 +1 month, DK
	f.Add(int64(3952148400), 71, uint8(0), true, false, true, false)   // 1.5.2: 2025-03-28 12:00 +72 h over DST, NO strict
	f.Add(int64(3953779200), 1, uint8(1), false, true, false, true)    // 2025-04-16 +2 days, DK ext, Art 3(5)
	f.Add(int64(0), 9999, uint8(4), false, false, false, false)        // 1900-01-01 +10000 years: past 9999
	f.Add(int64(9498643199), 9999, uint8(5), true, false, false, true) // 2200-12-31 +10000 working days
	cals := map[[4]bool]*compliance.Calendar{}
	for _, no := range []bool{false, true} {
		for _, ext := range []bool{false, true} {
			for _, strict := range []bool{false, true} {
				for _, two := range []bool{false, true} {
					if no && ext {
						continue
					}
					opts := compliance.CalendarOptions{DanishExtended: ext, TwoWorkingDays: two}
					if strict {
						opts.HourCount = compliance.HourCountNextHour
					}
					j := compliance.DK
					if no {
						j = compliance.NO
					}
					cals[[4]bool{no, ext, strict, two}] = mustCalendar(f, j, opts)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, sec int64, n int, unit uint8, no, ext, strict, two bool) {
		if no {
			ext = false
		}
		c := cals[[4]bool{no, ext, strict, two}]
		if sec < 0 {
			sec = -(sec + 1)
		}
		event := time.Unix(deadlineFuzzStart+sec%deadlineFuzzSpan, sec%1e9)
		if n < 0 {
			n = -(n + 1)
		}
		p := compliance.Period{N: 1 + n%compliance.MaxPeriod, Unit: compliance.Unit(1 + unit%6)}
		d, err := c.Deadline(event, p)
		if err != nil {
			// Only a result past the year 9999 may fail.
			var fe *compliance.FieldError
			if !assert.ErrorAs(t, err, &fe) || fe.Reason != compliance.ReasonRange || fe.Field != "period" {
				t.Fatalf("Deadline(%v, %v): %v", event, p, err)
			}
			return
		}
		if !d.End.After(event) {
			t.Fatalf("Deadline(%v, %v): End %v not after the event", event, p, d.End)
		}
		if d.LastDay.Before(d.Unrolled) {
			t.Fatalf("Deadline(%v, %v): LastDay %v before Unrolled %v", event, p, d.LastDay, d.Unrolled)
		}
		if d.Start.After(d.End) {
			t.Fatalf("Deadline(%v, %v): Start %v after End %v", event, p, d.Start, d.End)
		}
		if p.Unit == compliance.UnitHours {
			elapsed := d.End.Sub(event)
			min := time.Duration(p.N) * time.Hour
			if elapsed < min || elapsed > min+time.Hour || !strict && elapsed != min || d.Rolled {
				t.Fatalf("Deadline(%v, %v): End %v, %v after the event", event, p, d.End, elapsed)
			}
			return
		}
		if !c.IsWorkingDay(d.LastDay) {
			t.Fatalf("Deadline(%v, %v): LastDay %v is not a working day", event, p, d.LastDay)
		}
		if !d.End.Equal(midnightAfter(c, d.LastDay)) {
			t.Fatalf("Deadline(%v, %v): End %v is not the end of LastDay %v", event, p, d.End, d.LastDay)
		}
		if day := compliance.DateOf(event.In(c.Location())); !d.Unrolled.After(day) {
			t.Fatalf("Deadline(%v, %v): Unrolled %v not after the event's day %v", event, p, d.Unrolled, day)
		}
	})
}
