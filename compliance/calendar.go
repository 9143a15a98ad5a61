package compliance

import (
	"fmt"
	"iter"
	"time"

	"github.com/tillid/tillid/internal/enum"
)

// HourCount says where a period expressed in hours starts. The sources do
// not settle which reading applies to the 72 hours of Art 33(1) GDPR, so
// the choice is the host's ([CalendarOptions.HourCount]). The zero value is
// invalid; in CalendarOptions it means [HourCountElapsed].
type HourCount uint8

// Hour counts.

// HourCountElapsed counts the hours from the instant of the event:
// 72 hours after awareness at 10:37 end at 10:37 three days later. It
// is the plain reading of Art 33(1) GDPR ("not later than 72 hours
// after having become aware") used by the Danish and Norwegian
// Datatilsynet, and it ends earlier than the strict reading, so it is
// the safe default.
const HourCountElapsed HourCount = 1

// HourCountNextHour is the strict reading of Reg 1182/71 Art 3(1),
// first subparagraph: the hour during which the event happens is not
// part of the period, which starts at the beginning of the next full
// hour (Art 3(2)(a)): awareness at 10:37 starts the period at 11:00.
const HourCountNextHour HourCount = 2

var hourCounts = enum.New[HourCount]("hour-count", "compliance.hour-count", UnknownCode,
	"elapsed", "next-hour")

// ParseHourCount returns the HourCount with the code "elapsed" or
// "next-hour".
func ParseHourCount(s string) (HourCount, error) { return hourCounts.Parse(s) }

// AllHourCounts yields every HourCount.
func AllHourCounts() iter.Seq[HourCount] { return hourCounts.All() }

// String returns the stable code.
func (h HourCount) String() string { return hourCounts.String(h) }

// Key returns the i18n message key.
func (h HourCount) Key() string { return hourCounts.Key(h) }

// Valid reports whether h is a known HourCount.
func (h HourCount) Valid() bool { return hourCounts.Valid(h) }

// MarshalText implements [encoding.TextMarshaler].
func (h HourCount) MarshalText() ([]byte, error) { return hourCounts.MarshalText(h) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (h *HourCount) UnmarshalText(b []byte) error { return hourCounts.UnmarshalText(h, b) }

// CalendarOptions are the choices a [Calendar] makes where the sources do
// not settle the law. The zero value is the plain reading: Danish helligdage
// only, hours counted from the instant of the event, no Art 3(5) minimum.
type CalendarOptions struct {
	// DanishExtended makes grundlovsdag (5 June), juleaftensdag (24
	// December) and nytårsaftensdag (31 December) non-working days of a
	// Danish calendar. They are not helligdage, and Reg 1182/71 Art 2(1)
	// takes the public holidays "designated as such" by the Member State,
	// but no Danish list under Art 2 was found. The sources do not settle
	// whether these days count for GDPR deadlines. The Danish statutory
	// analogue, forældelsesloven § 27, stk. 2, extends a deadline ending on
	// any of them to the next hverdag (LBK nr. 1238 af 09/11/2015,
	// https://www.retsinformation.dk/eli/lta/2015/1238 ), and municipal
	// staff have 24 and 31 December off by agreement. The default (false)
	// gives the earlier, safer deadline. It is an error for a Norwegian
	// calendar.
	DanishExtended bool

	// HourCount says where periods in hours start; zero means
	// [HourCountElapsed].
	HourCount HourCount

	// TwoWorkingDays applies Reg 1182/71 Art 3(5), under which a period of
	// two days or more includes at least two working days. When the days
	// of a period of two or more days, weeks, months or years, after
	// rolling over a weekend or holiday (Art 3(4)), contain only one
	// working day, the period is extended to the end of the second working
	// day after the event's day.
	//
	// That paragraph 5 exists is confirmed by Art 4(1) and 5(1), which
	// apply Article 3 except its paragraphs 4 and 5 (the Regulation on
	// EUR-Lex, CELEX 31971R1182,
	// https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:31971R1182 ;
	// tillid first read this in an Italian copy on edizionieuropee.it, a
	// secondary site), and secondary sources quote its wording, but the
	// wording of 3(5) has not been checked against the EUR-Lex text, so it
	// is an option, off by default (the earlier, safer deadline). It matters only for periods of a few days. It never
	// applies to periods in hours, which run as elapsed time.
	TwoWorkingDays bool
}

// Calendar is the public-holiday calendar and time zone of one
// jurisdiction, with the rules of Regulation (EEC, Euratom) No 1182/71 for
// periods and time limits (CELEX 31971R1182,
// https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:31971R1182 ).
// It answers which days are working days and when a period that starts
// with an event ends ([Calendar.Deadline]).
//
// Working days are every day except Saturdays, Sundays and public holidays
// (Art 2(2)); the public holidays are those of the jurisdiction where the
// act is to be done (Art 2(1)), listed under [Holiday]. The rules are those
// in force today, applied to every year from 1583 to 9999, except that
// Danish store bededag counts only up to and including 2023; the calendar
// is not a historical record of holidays before their introduction.
//
// NewCalendar precomputes the holidays of 1900 to 2200 (about 14 KB), so
// that [Calendar.IsWorkingDay] and [Calendar.Deadline] are a few integer
// operations and never allocate; other years are computed from the rules.
//
// A Calendar is immutable and safe for concurrent use: create one with
// [NewCalendar] and share it. Its zero value is not usable; its methods may
// panic.
type Calendar struct {
	j    Jurisdiction
	loc  *time.Location
	opts CalendarOptions
	// closed has a bit set for every holiday from tableFirst to tableLast,
	// indexed by day number minus tableFirst. It is computed once by
	// NewCalendar and never written again, so reads need no lock; days
	// outside the table are computed from the rules.
	closed []uint64
}

// The years whose holidays NewCalendar precomputes: 301 years, about 14 KB
// per Calendar.
const (
	tableFirstYear = 1900
	tableLastYear  = 2200
)

// Day numbers of the first and last day of the precomputed table.
var (
	tableFirst = dayNumber(Date{tableFirstYear, time.January, 1})
	tableLast  = dayNumber(Date{tableLastYear, time.December, 31})
)

// NewCalendar returns the calendar of jurisdiction j. It loads the
// jurisdiction's time zone (Europe/Copenhagen or Europe/Oslo, see
// [Jurisdiction.Location]) once; on a host without a time-zone database
// that fails, and the program must import [time/tzdata] in its main
// package (the library never does).
//
// It returns a [*ValidationError] (which matches [ErrInvalid]) naming the
// field "jurisdiction" for an invalid jurisdiction, "hourCount" for an
// unknown HourCount, and "danishExtended" for DanishExtended on a Norwegian
// calendar.
func NewCalendar(j Jurisdiction, opts CalendarOptions) (*Calendar, error) {
	var v Validation
	v.Require("jurisdiction", j.Valid())
	if opts.HourCount == 0 {
		opts.HourCount = HourCountElapsed
	} else if !opts.HourCount.Valid() {
		v.Check("hourCount", UnknownCode(hourCounts.Name(), hourCounts.Codes()))
	}
	if opts.DanishExtended && j == NO {
		v.Add("danishExtended", ReasonInconsistent)
	}
	if err := v.Err("calendar"); err != nil {
		return nil, err
	}
	loc, err := j.Location()
	if err != nil {
		return nil, fmt.Errorf("compliance: calendar %s: load time zone %s: %w", j, j.TimeZone(), err)
	}
	c := &Calendar{j: j, loc: loc, opts: opts}
	c.closed = make([]uint64, (tableLast-tableFirst)/64+1)
	for y := tableFirstYear; y <= tableLastYear; y++ {
		holidayRules(j, opts.DanishExtended, y, func(d Date, _ Holiday) {
			i := dayNumber(d) - tableFirst
			c.closed[i/64] |= 1 << (i % 64)
		})
	}
	return c, nil
}

// Jurisdiction returns the calendar's jurisdiction.
func (c *Calendar) Jurisdiction() Jurisdiction { return c.j }

// Location returns the calendar's time zone, Europe/Copenhagen or
// Europe/Oslo. Days begin and end at midnight in this zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// Options returns the options the calendar was made with, with a zero
// HourCount replaced by [HourCountElapsed].
func (c *Calendar) Options() CalendarOptions { return c.opts }

// inRange reports whether d is a valid Date in the years the calendar
// covers.
func inRange(d Date) bool { return d.Valid() && d.Year >= minYear }

// Day numbers of the first and last day the calendar covers.
var (
	firstDay = dayNumber(Date{minYear, time.January, 1})
	lastDay  = dayNumber(Date{maxYear, time.December, 31})
)

// Holiday returns the holiday that falls on d, if any. When two holidays
// fall on the same day, as Whit Monday and 17 May do in Norway in 2027, it
// returns the one declared first in [Holiday], which is the church holiday.
// It returns false for an invalid Date and for years before 1583.
func (c *Calendar) Holiday(d Date) (Holiday, bool) {
	if !inRange(d) {
		return 0, false
	}
	return holidayOn(c.j, c.opts.DanishExtended, d, dayNumber(d))
}

// IsWorkingDay reports whether d is a working day: not a Saturday, a Sunday
// or a public holiday of the calendar (Reg 1182/71 Art 2(2)). It returns
// false for an invalid Date and for years before 1583.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if !inRange(d) {
		return false
	}
	return c.working(dayNumber(d))
}

// working reports whether the day with day number z, which must be within
// firstDay..lastDay, is a working day.
func (c *Calendar) working(z int) bool {
	if w := weekdayOf(z); w == time.Saturday || w == time.Sunday {
		return false
	}
	if i := z - tableFirst; i >= 0 && z <= tableLast {
		return c.closed[i/64]&(1<<(i%64)) == 0
	}
	_, hol := holidayOn(c.j, c.opts.DanishExtended, dateOfDay(z), z)
	return !hol
}

// NextWorkingDay returns d if it is a working day, and otherwise the first
// working day after it. It returns the zero Date for an invalid Date, for
// years before 1583, and when no working day follows within the year 9999.
func (c *Calendar) NextWorkingDay(d Date) Date {
	if !inRange(d) {
		return Date{}
	}
	z := c.nextWorking(dayNumber(d))
	if z > lastDay {
		return Date{}
	}
	return dateOfDay(z)
}

// nextWorking returns the day number of the first working day from z on,
// or a number after lastDay when there is none.
func (c *Calendar) nextWorking(z int) int {
	for z <= lastDay && !c.working(z) {
		z++
	}
	return z
}

// AddWorkingDays returns the date n working days after d, not counting d
// itself (Reg 1182/71 Art 3(1)): from a Friday, one working day is the
// next Monday if that is not a holiday. A negative n counts back the same
// way and zero returns d unchanged, even when d is not a working day. It
// returns the zero Date for an invalid Date, for years before 1583, and
// when the result would fall outside the years 1583 to 9999.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	if !inRange(d) {
		return Date{}
	}
	if n == 0 {
		return d
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	if n > lastDay-firstDay {
		return Date{}
	}
	z := dayNumber(d)
	for {
		z += step
		if z < firstDay || z > lastDay {
			return Date{}
		}
		if c.working(z) {
			n--
			if n == 0 {
				return dateOfDay(z)
			}
		}
	}
}

// Holidays yields the holidays the calendar observes in year, in date
// order. When two holidays fall on the same day both are yielded, the one
// declared first in [Holiday] first, so the count of pairs can exceed the
// count of days. Nothing is yielded for a year outside 1583 to 9999.
func (c *Calendar) Holidays(year int) iter.Seq2[Date, Holiday] {
	return func(yield func(Date, Holiday) bool) {
		if year < minYear || year > maxYear {
			return
		}
		type dh struct {
			d Date
			h Holiday
		}
		var list [16]dh
		n := 0
		holidayRules(c.j, c.opts.DanishExtended, year, func(d Date, h Holiday) {
			// Insertion sort by date, then by Holiday.
			i := n
			for i > 0 && (d.Before(list[i-1].d) || d == list[i-1].d && h < list[i-1].h) {
				list[i] = list[i-1]
				i--
			}
			list[i] = dh{d, h}
			n++
		})
		for _, x := range list[:n] {
			if !yield(x.d, x.h) {
				return
			}
		}
	}
}
