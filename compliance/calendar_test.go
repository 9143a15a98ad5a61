package compliance_test

import (
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // tests run on hosts without a zone database; the library never imports it

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

// mustCalendar returns a calendar or stops the test.
func mustCalendar(t testing.TB, j compliance.Jurisdiction, opts compliance.CalendarOptions) *compliance.Calendar {
	t.Helper()
	c, err := compliance.NewCalendar(j, opts)
	require.NoError(t, err)
	return c
}

// ymd parses YYYY-MM-DD or stops the test.
func ymd(t testing.TB, s string) compliance.Date {
	t.Helper()
	d, err := compliance.ParseDate(s)
	require.NoError(t, err, s)
	return d
}

// holidayRow is one row of the holiday tables in deadlines-law-retention.md
// §2.3: the holiday and its dates in 2024, 2025, 2026 and 2027.
type holidayRow struct {
	h     compliance.Holiday
	dates [4]string
}

// §2.3, Denmark (helligdage), rows "Nytårsdag" to "2. juledag".
var dkStrict2024to2027 = []holidayRow{
	{compliance.NewYearsDay, [4]string{"2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01"}},
	{compliance.MaundyThursday, [4]string{"2024-03-28", "2025-04-17", "2026-04-02", "2027-03-25"}},
	{compliance.GoodFriday, [4]string{"2024-03-29", "2025-04-18", "2026-04-03", "2027-03-26"}},
	{compliance.EasterSunday, [4]string{"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28"}},
	{compliance.EasterMonday, [4]string{"2024-04-01", "2025-04-21", "2026-04-06", "2027-03-29"}},
	{compliance.AscensionDay, [4]string{"2024-05-09", "2025-05-29", "2026-05-14", "2027-05-06"}},
	{compliance.WhitSunday, [4]string{"2024-05-19", "2025-06-08", "2026-05-24", "2027-05-16"}},
	{compliance.WhitMonday, [4]string{"2024-05-20", "2025-06-09", "2026-05-25", "2027-05-17"}},
	{compliance.ChristmasDay, [4]string{"2024-12-25", "2025-12-25", "2026-12-25", "2027-12-25"}},
	{compliance.SecondChristmasDay, [4]string{"2024-12-26", "2025-12-26", "2026-12-26", "2027-12-26"}},
}

// §2.3, Denmark, rows "opt: Grundlovsdag", "opt: Juleaftensdag",
// "opt: Nytårsaftensdag".
var dkExtra2024to2027 = []holidayRow{
	{compliance.ConstitutionDay, [4]string{"2024-06-05", "2025-06-05", "2026-06-05", "2027-06-05"}},
	{compliance.ChristmasEve, [4]string{"2024-12-24", "2025-12-24", "2026-12-24", "2027-12-24"}},
	{compliance.NewYearsEve, [4]string{"2024-12-31", "2025-12-31", "2026-12-31", "2027-12-31"}},
}

// §2.3, Norway, every row.
var no2024to2027 = []holidayRow{
	{compliance.NewYearsDay, [4]string{"2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01"}},
	{compliance.MaundyThursday, [4]string{"2024-03-28", "2025-04-17", "2026-04-02", "2027-03-25"}},
	{compliance.GoodFriday, [4]string{"2024-03-29", "2025-04-18", "2026-04-03", "2027-03-26"}},
	{compliance.EasterSunday, [4]string{"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28"}},
	{compliance.EasterMonday, [4]string{"2024-04-01", "2025-04-21", "2026-04-06", "2027-03-29"}},
	{compliance.LabourDay, [4]string{"2024-05-01", "2025-05-01", "2026-05-01", "2027-05-01"}},
	{compliance.NationalDay, [4]string{"2024-05-17", "2025-05-17", "2026-05-17", "2027-05-17"}},
	{compliance.AscensionDay, [4]string{"2024-05-09", "2025-05-29", "2026-05-14", "2027-05-06"}},
	{compliance.WhitSunday, [4]string{"2024-05-19", "2025-06-08", "2026-05-24", "2027-05-16"}},
	{compliance.WhitMonday, [4]string{"2024-05-20", "2025-06-09", "2026-05-25", "2027-05-17"}},
	{compliance.ChristmasDay, [4]string{"2024-12-25", "2025-12-25", "2026-12-25", "2027-12-25"}},
	{compliance.SecondChristmasDay, [4]string{"2024-12-26", "2025-12-26", "2026-12-26", "2027-12-26"}},
}

type holidayPair struct {
	d compliance.Date
	h compliance.Holiday
}

// checkHolidayTable checks that c's holidays in 2024–2027 are exactly rows:
// every row's date is a holiday and a non-working day, Holidays yields
// exactly the rows' pairs in date order, and no other day of the year is a
// holiday.
func checkHolidayTable(t *testing.T, c *compliance.Calendar, rows []holidayRow) {
	t.Helper()
	for i, year := range []int{2024, 2025, 2026, 2027} {
		want := map[holidayPair]bool{}
		days := map[compliance.Date]bool{}
		for _, r := range rows {
			d := ymd(t, r.dates[i])
			want[holidayPair{d, r.h}] = true
			days[d] = true
			got, ok := c.Holiday(d)
			if assert.True(t, ok, "%v %v: Holiday(%v)", c.Jurisdiction(), r.h, d) {
				// Where two holidays share a day, the church holiday wins.
				if got != r.h {
					assert.True(t, want[holidayPair{d, got}] || got < r.h, "%v: Holiday(%v) = %v, want %v", c.Jurisdiction(), d, got, r.h)
				}
			}
			assert.False(t, c.IsWorkingDay(d), "%v: IsWorkingDay(%v)", c.Jurisdiction(), d)
		}
		var got []holidayPair
		var prev compliance.Date
		for d, h := range c.Holidays(year) {
			got = append(got, holidayPair{d, h})
			assert.False(t, d.Before(prev), "%v %d: %v yielded after %v", c.Jurisdiction(), year, d, prev)
			prev = d
		}
		assert.Len(t, got, len(rows), "%v %d: number of holidays", c.Jurisdiction(), year)
		for _, p := range got {
			assert.True(t, want[p], "%v %d: unexpected holiday %v on %v", c.Jurisdiction(), year, p.h, p.d)
		}
		// No other day of the year is a holiday.
		n := 0
		for d := (compliance.Date{Year: year, Month: time.January, Day: 1}); d.Year == year; d = d.AddDays(1) {
			if _, ok := c.Holiday(d); ok {
				n++
				assert.True(t, days[d], "%v: %v is a holiday but not in the table", c.Jurisdiction(), d)
			}
		}
		assert.Equal(t, len(days), n, "%v %d: number of holiday days", c.Jurisdiction(), year)
	}
}

func TestCalendarHolidayTables(t *testing.T) {
	t.Parallel()
	t.Run("§2.3 DK strict 2024–2027: helligdage only", func(t *testing.T) {
		t.Parallel()
		checkHolidayTable(t, mustCalendar(t, compliance.DK, compliance.CalendarOptions{}), dkStrict2024to2027)
	})
	t.Run("§2.3 DK extended 2024–2027: helligdage + grundlovsdag, 24 and 31 December", func(t *testing.T) {
		t.Parallel()
		rows := append(append([]holidayRow(nil), dkStrict2024to2027...), dkExtra2024to2027...)
		checkHolidayTable(t, mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true}), rows)
	})
	t.Run("§2.3 NO 2024–2027: helligdagsloven § 2 + 1 and 17 May", func(t *testing.T) {
		t.Parallel()
		checkHolidayTable(t, mustCalendar(t, compliance.NO, compliance.CalendarOptions{}), no2024to2027)
	})
}

func TestCalendarHolidayOverlap(t *testing.T) {
	t.Parallel()
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	// §2.3 NO table: 2027-05-17 is both "Andre pinsedag" and "17. mai".
	d := ymd(t, "2027-05-17")
	h, ok := no.Holiday(d)
	assert.True(t, ok)
	assert.Equal(t, compliance.WhitMonday, h, "the church holiday is reported first")
	var got []compliance.Holiday
	for x, h := range no.Holidays(2027) {
		if x == d {
			got = append(got, h)
		}
	}
	assert.Equal(t, []compliance.Holiday{compliance.WhitMonday, compliance.NationalDay}, got)
	// Ascension Day fell on 1 May in 2008 (Easter 2008-03-23 + 39).
	h, ok = no.Holiday(ymd(t, "2008-05-01"))
	assert.True(t, ok)
	assert.Equal(t, compliance.AscensionDay, h)
}

func TestCalendarGreatPrayerDay(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	// §2.3: 2023 store bededag 05-05 is a holiday; from 2024 (L 13, in force
	// 1 January 2024) the day it would have fallen on is an ordinary working
	// day: 2024-04-26, 2025-05-16, 2026-05-01, 2027-04-23.
	h, ok := dk.Holiday(ymd(t, "2023-05-05"))
	assert.True(t, ok, "2023-05-05 is store bededag")
	assert.Equal(t, compliance.GreatPrayerDay, h)
	assert.False(t, dk.IsWorkingDay(ymd(t, "2023-05-05")))
	for _, s := range []string{"2024-04-26", "2025-05-16", "2026-05-01", "2027-04-23"} {
		_, ok := dk.Holiday(ymd(t, s))
		assert.False(t, ok, "%s is no longer store bededag", s)
		assert.True(t, dk.IsWorkingDay(ymd(t, s)), s)
	}
	_, ok = no.Holiday(ymd(t, "2023-05-05"))
	assert.False(t, ok, "store bededag is Danish only")

	// §2.3: the full 2023 DK list.
	want := []string{"2023-01-01", "2023-04-06", "2023-04-07", "2023-04-09", "2023-04-10",
		"2023-05-05", "2023-05-18", "2023-05-28", "2023-05-29", "2023-12-25", "2023-12-26"}
	var got []string
	for d := range dk.Holidays(2023) {
		got = append(got, d.String())
	}
	assert.Equal(t, want, got)
}

func TestCalendarEasterRegression(t *testing.T) {
	t.Parallel()
	// §2.3 spot checks against published tables: NO 2019/2020
	// (halsa.kommune.no): skjærtorsdag 18.4./9.4., Kristi himmelfart
	// 30.5./21.5., 2. pinsedag 10.6./1.6.; DK 2023 (jyllands-posten.dk):
	// Kr. himmelfart 18 May, pinse 28/29 May.
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	tests := []struct {
		name string
		c    *compliance.Calendar
		d    string
		want compliance.Holiday
	}{
		{"NO 2019 skjærtorsdag", no, "2019-04-18", compliance.MaundyThursday},
		{"NO 2020 skjærtorsdag", no, "2020-04-09", compliance.MaundyThursday},
		{"NO 2019 Kristi himmelfartsdag", no, "2019-05-30", compliance.AscensionDay},
		{"NO 2020 Kristi himmelfartsdag", no, "2020-05-21", compliance.AscensionDay},
		{"NO 2019 andre pinsedag", no, "2019-06-10", compliance.WhitMonday},
		{"NO 2020 andre pinsedag", no, "2020-06-01", compliance.WhitMonday},
		{"DK 2023 Kristi himmelfartsdag", dk, "2023-05-18", compliance.AscensionDay},
		{"DK 2023 pinsedag", dk, "2023-05-28", compliance.WhitSunday},
		{"DK 2023 2. pinsedag", dk, "2023-05-29", compliance.WhitMonday},
	}
	for _, tt := range tests {
		h, ok := tt.c.Holiday(ymd(t, tt.d))
		assert.True(t, ok, tt.name)
		assert.Equal(t, tt.want, h, tt.name)
	}
}

func TestCalendarWorkingDays(t *testing.T) {
	t.Parallel()
	dk := mustCalendar(t, compliance.DK, compliance.CalendarOptions{})
	dkx := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true})
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})

	t.Run("IsWorkingDay: Art 2(2), not Saturday, Sunday or holiday", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name string
			c    *compliance.Calendar
			d    string
			want bool
		}{
			{"Monday", dk, "2025-03-17", true},
			{"Saturday", dk, "2025-03-22", false},
			{"Sunday", no, "2025-03-23", false},
			{"§1.5.1: 1 May is a working day in DK", dk, "2025-05-01", true},
			{"§1.5.1: 1 May is a høgtidsdag in NO", no, "2025-05-01", false},
			{"§1.5.1: 24 Dec is a working day in DK strict", dk, "2025-12-24", true},
			{"§1.5.1: 24 Dec is not in DK extended", dkx, "2025-12-24", false},
			{"24 Dec is a working day in NO (not a helligdag)", no, "2025-12-24", true},
			{"grundlovsdag, DK strict", dk, "2025-06-05", true},
			{"grundlovsdag, DK extended", dkx, "2025-06-05", false},
			{"invalid date", dk, "", false},
		}
		for _, tt := range tests {
			var d compliance.Date
			if tt.d != "" {
				d = ymd(t, tt.d)
			}
			assert.Equal(t, tt.want, tt.c.IsWorkingDay(d), tt.name)
		}
		assert.False(t, dk.IsWorkingDay(compliance.Date{Year: 2025, Month: 2, Day: 29}), "invalid date")
		assert.False(t, dk.IsWorkingDay(compliance.Date{Year: 1500, Month: 3, Day: 1}), "before 1583")
		_, ok := dk.Holiday(compliance.Date{Year: 1500, Month: 1, Day: 1})
		assert.False(t, ok, "before 1583")
	})

	t.Run("NextWorkingDay", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name    string
			c       *compliance.Calendar
			d, want string
		}{
			{"a working day is its own next working day", dk, "2025-04-16", "2025-04-16"},
			{"§1.5.1: over the Easter block Thu–Mon", dk, "2025-04-17", "2025-04-22"},
			{"§1.5.1: 2023 store bededag + weekend", dk, "2023-05-05", "2023-05-08"},
			{"§1.5.1: 24 Dec DK extended → 29 Dec", dkx, "2025-12-24", "2025-12-29"},
			{"NO: 17 May 2025 is a Saturday", no, "2025-05-17", "2025-05-19"},
			{"NO 2024: 17 May Fri, Whitsun weekend → Tue 21 May", no, "2024-05-17", "2024-05-21"},
		}
		for _, tt := range tests {
			assert.Equal(t, ymd(t, tt.want), tt.c.NextWorkingDay(ymd(t, tt.d)), tt.name)
		}
		assert.True(t, dk.NextWorkingDay(compliance.Date{}).IsZero())
		assert.Equal(t, ymd(t, "9999-12-31"), dk.NextWorkingDay(ymd(t, "9999-12-31")), "a Friday")
		assert.True(t, dkx.NextWorkingDay(ymd(t, "9999-12-31")).IsZero(), "nytårsaftensdag 9999: no working day follows within 9999")
	})

	t.Run("AddWorkingDays", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name string
			c    *compliance.Calendar
			d    string
			n    int
			want string
		}{
			{"zero: unchanged", dk, "2025-04-19", 0, "2025-04-19"},
			{"one from Friday is Monday", dk, "2025-03-21", 1, "2025-03-24"},
			{"DK over Easter 2025: Wed + 1 → Tue after Easter Monday", dk, "2025-04-16", 1, "2025-04-22"},
			{"DK over Easter 2025: Mon before + 5", dk, "2025-04-14", 5, "2025-04-24"},
			{"NO over 17 May and Whitsun 2024: Thu + 1 → Tue 21 May", no, "2024-05-16", 1, "2024-05-21"},
			{"DK 2024: 17 May is a working day, Thu + 1 → Fri", dk, "2024-05-16", 1, "2024-05-17"},
			{"NO 10 working days over 1 May 2025", no, "2025-04-28", 10, "2025-05-13"},
			{"negative: back over Easter 2025", dk, "2025-04-22", -1, "2025-04-16"},
			{"negative: from a Monday back to Friday", no, "2025-03-24", -1, "2025-03-21"},
		}
		for _, tt := range tests {
			assert.Equal(t, ymd(t, tt.want), tt.c.AddWorkingDays(ymd(t, tt.d), tt.n), tt.name)
		}
		assert.True(t, dk.AddWorkingDays(compliance.Date{}, 1).IsZero(), "invalid date")
		assert.True(t, dk.AddWorkingDays(ymd(t, "9999-12-20"), 100).IsZero(), "past 9999")
		assert.True(t, dk.AddWorkingDays(ymd(t, "2025-01-01"), 1<<40).IsZero(), "absurd n")
	})
}

func TestNewCalendar(t *testing.T) {
	t.Parallel()
	c, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, c.Jurisdiction())
	assert.Equal(t, "Europe/Oslo", c.Location().String())
	assert.Equal(t, compliance.HourCountElapsed, c.Options().HourCount, "zero HourCount means elapsed")

	c, err = compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{DanishExtended: true, HourCount: compliance.HourCountNextHour})
	require.NoError(t, err)
	assert.Equal(t, "Europe/Copenhagen", c.Location().String())
	assert.True(t, c.Options().DanishExtended)

	tests := []struct {
		name  string
		j     compliance.Jurisdiction
		opts  compliance.CalendarOptions
		field string
	}{
		{"zero jurisdiction", 0, compliance.CalendarOptions{}, "jurisdiction"},
		{"unknown jurisdiction", 9, compliance.CalendarOptions{}, "jurisdiction"},
		{"unknown hour count", compliance.DK, compliance.CalendarOptions{HourCount: 7}, "hourCount"},
		{"Danish extended set on a Norwegian calendar", compliance.NO, compliance.CalendarOptions{DanishExtended: true}, "danishExtended"},
	}
	for _, tt := range tests {
		c, err := compliance.NewCalendar(tt.j, tt.opts)
		assert.Nil(t, c, tt.name)
		assert.ErrorIs(t, err, compliance.ErrInvalid, tt.name)
		var ve *compliance.ValidationError
		if assert.ErrorAs(t, err, &ve, tt.name) {
			assert.True(t, ve.Has(tt.field), "%s: %v", tt.name, err)
		}
	}
}

func TestHourCountCodes(t *testing.T) {
	t.Parallel()
	var got []string
	for h := range compliance.AllHourCounts() {
		got = append(got, h.String())
		p, err := compliance.ParseHourCount(h.String())
		require.NoError(t, err)
		assert.Equal(t, h, p)
		assert.Equal(t, "compliance.hour-count."+h.String(), h.Key())
	}
	assert.Equal(t, []string{"elapsed", "next-hour"}, got)
	_, err := compliance.ParseHourCount("strict")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestCalendarHolidaysIterator(t *testing.T) {
	t.Parallel()
	no := mustCalendar(t, compliance.NO, compliance.CalendarOptions{})
	n := 0
	for range no.Holidays(2026) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n, "stops when the loop breaks")
	for range no.Holidays(1582) {
		t.Error("no holidays before 1583")
	}
	for range no.Holidays(10000) {
		t.Error("no holidays after 9999")
	}
}

func TestCalendarConcurrent(t *testing.T) {
	t.Parallel()
	// A Calendar is shared by every goroutine of a host; run with -race.
	c := mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true})
	event := time.Date(2025, time.March, 17, 10, 0, 0, 0, c.Location())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 200 {
				d, err := c.Deadline(event.AddDate(0, 0, i*7+k), compliance.Months(1))
				if err != nil || !c.IsWorkingDay(d.LastDay) {
					t.Errorf("Deadline: %v, %v", d.LastDay, err)
					return
				}
				for range c.Holidays(2000 + k) {
				}
			}
		}()
	}
	wg.Wait()
}

func TestCalendarHolidaysAgreesWithHoliday(t *testing.T) {
	t.Parallel()
	// Holidays (the rules by year) and Holiday (the rules by day) are two
	// implementations; they must agree on every day of 1900–2200 and of a
	// few far years, for every calendar.
	cals := []*compliance.Calendar{
		mustCalendar(t, compliance.DK, compliance.CalendarOptions{}),
		mustCalendar(t, compliance.DK, compliance.CalendarOptions{DanishExtended: true}),
		mustCalendar(t, compliance.NO, compliance.CalendarOptions{}),
	}
	years := []int{1583, 1584, 1700, 1818, 1943, 2038, 2285, 9999}
	for y := 1900; y <= 2200; y++ {
		years = append(years, y)
	}
	for _, c := range cals {
		for _, y := range years {
			first := map[compliance.Date]compliance.Holiday{}
			for d, h := range c.Holidays(y) {
				if _, dup := first[d]; !dup {
					first[d] = h
				}
			}
			n := 0
			for d := (compliance.Date{Year: y, Month: time.January, Day: 1}); d.Year == y; d = d.AddDays(1) {
				h, ok := c.Holiday(d)
				if ok {
					n++
				}
				if want, in := first[d]; in != ok || want != h {
					t.Fatalf("%v %v: Holiday = %v, %v; Holidays has %v, %v", c.Jurisdiction(), d, h, ok, want, in)
				}
				wd := d.Weekday()
				if want := !ok && wd != time.Saturday && wd != time.Sunday; c.IsWorkingDay(d) != want {
					t.Fatalf("%v %v: IsWorkingDay = %v", c.Jurisdiction(), d, !want)
				}
			}
			require.Equal(t, len(first), n, "%v %d", c.Jurisdiction(), y)
		}
	}
}
