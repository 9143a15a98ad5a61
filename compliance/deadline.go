package compliance

import (
	"time"
)

// Deadline is the end of a [Period] counted from an event by
// [Calendar.Deadline], with the facts a caseworker or a DPO needs to check
// it: the last day before and after rolling over weekends and holidays,
// and the provisions of Reg 1182/71 that were applied ([Deadline.Refs]).
//
// All instants are in the calendar's time zone. Compare them with
// [time.Time.Equal], not ==, and use [Deadline.Passed] to test an act
// against the deadline.
type Deadline struct {
	// Event is the instant the period is counted from (receipt of a
	// request, awareness of a breach), in the calendar's time zone.
	Event time.Time `json:"event"`
	// Period is the period that was counted.
	Period Period `json:"period"`
	// Start is the first instant of the period: midnight at the start of
	// the day after the event's day for periods not in hours (Art 3(1),
	// second subparagraph, and 3(2)(b) and (c)); for hours, the event
	// itself, or the start of the next full hour with
	// [HourCountNextHour] (Art 3(1), first subparagraph, and 3(2)(a)).
	Start time.Time `json:"start"`
	// End is the instant the period expires; an act at End or later is
	// late. For periods not in hours it is midnight at the end of LastDay
	// (the expiry of the last hour of the last day, Art 3(2)(b) and (c)),
	// that is 00:00 of the following day. For hours it is Start plus N
	// hours of elapsed time.
	End time.Time `json:"end"`
	// LastDay is the last day of the period: the day that ends at End, or
	// for hours the local date of the last instant before End (the date of
	// End, except when End is exactly midnight).
	LastDay Date `json:"lastDay"`
	// Unrolled is the last day before Art 3(4) and 3(5) were applied: the
	// day n days, the same weekday n weeks, or the same date n months or
	// years after the event's day (the last day of the month when that
	// date does not exist). For hours and working days it equals LastDay.
	Unrolled Date `json:"unrolled"`
	// Rolled reports whether Unrolled was a Saturday, a Sunday or a
	// holiday, so that the period was extended to the end of the next
	// working day (Art 3(4)).
	Rolled bool `json:"rolled,omitzero"`
	// Extended reports whether the period was extended to its second
	// working day by Art 3(5) ([CalendarOptions.TwoWorkingDays]).
	Extended bool `json:"extended,omitzero"`
}

// IsZero reports whether d is the zero Deadline.
func (d Deadline) IsZero() bool { return d.End.IsZero() }

// Passed reports whether the period has expired at instant at: whether at
// is End or later. An act done before End is in time.
func (d Deadline) Passed(at time.Time) bool { return !at.Before(d.End) }

// Remaining returns the time left from at until End, which is negative
// once the deadline has passed.
func (d Deadline) Remaining(at time.Time) time.Duration { return d.End.Sub(at) }

// Provisions of Regulation (EEC, Euratom) No 1182/71.
var (
	refArt2Para2     = Ref{Instrument: TimeLimitsRegulation, Article: "2", Paragraph: 2}
	refArt3Hours     = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 1, Subparagraph: 1}
	refArt3Days      = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 1, Subparagraph: 2}
	refArt3EndHours  = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 2, Point: "a"}
	refArt3EndDays   = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 2, Point: "b"}
	refArt3EndMonths = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 2, Point: "c"}
	refArt3Include   = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 3}
	refArt3Roll      = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 4}
	refArt3TwoDays   = Ref{Instrument: TimeLimitsRegulation, Article: "3", Paragraph: 5}
)

// Refs returns the provisions of Reg 1182/71 that determined d, in the
// order of the regulation:
//
//   - hours: Art 3(1) first subparagraph (the event's hour is not counted)
//     and 3(2)(a) (end of the last hour);
//   - days and working days: Art 3(1) second subparagraph (the event's day
//     is not counted), 3(2)(b) (end of the last day) and 3(3) (weekends
//     and holidays are included, unless the period is in working days),
//     and Art 2(2) (the definition of working days) for working days;
//   - weeks, months and years: Art 3(1) second subparagraph, 3(2)(c) (the
//     same weekday or date, or the last day of the month) and 3(3);
//   - Art 3(4) when the period was rolled to the next working day, and
//     Art 3(5) when it was extended to include two working days.
//
// The zero Deadline has no Refs.
func (d Deadline) Refs() Refs {
	if d.IsZero() {
		return Refs{}
	}
	refs := make([]Ref, 0, 6)
	switch d.Period.Unit {
	case UnitHours:
		return made(append(refs, refArt3Hours, refArt3EndHours))
	case UnitWorkingDays:
		refs = append(refs, refArt2Para2, refArt3Days, refArt3EndDays, refArt3Include)
	case UnitDays:
		refs = append(refs, refArt3Days, refArt3EndDays, refArt3Include)
	default:
		refs = append(refs, refArt3Days, refArt3EndMonths, refArt3Include)
	}
	if d.Rolled {
		refs = append(refs, refArt3Roll)
	}
	if d.Extended {
		refs = append(refs, refArt3TwoDays)
	}
	return made(refs)
}

// Deadline returns the end of period p counted from event, by the rules of
// Reg 1182/71 Art 3 and the calendar's holidays.
//
// The event is read in the calendar's time zone: an event at 23:30 UTC on
// a winter evening happened on the next day in Copenhagen, and its day is
// that day. Periods count forward from the event; the regulation's rules
// for periods counted backwards are not implemented.
//
// Periods in days, weeks, months and years do not count the event's day
// (Art 3(1), second subparagraph). Days end at the end of the n-th day
// after it (Art 3(2)(b)); weeks, months and years end at the end of the
// day with the same weekday or the same date as the event's day, and a
// month without that date ends on its last day (Art 3(2)(c)): 31 January
// plus one month is 28 February (29 in a leap year), and 29 February plus
// one year is 28 February. Saturdays, Sundays and holidays inside the
// period count (Art 3(3)), but when the last day is one of them the period
// ends at the end of the next working day (Art 3(4)). Periods in working
// days end at the end of the n-th working day after the event's day.
// [Deadline.End] is then midnight at the end of the last day, in the
// calendar's zone.
//
// Periods in hours are elapsed time and are never extended over weekends
// or holidays. With [HourCountElapsed] they end N hours after the event;
// with [HourCountNextHour] N hours after the start of the hour that
// follows the event's hour. Because the hours are elapsed time, 72 hours
// from 12:00 on the Friday before the spring change to daylight saving
// time end at 13:00 wall-clock time on the Monday (14:00 with
// HourCountNextHour), and 72 hours from 12:00 across the autumn change end
// at 11:00.
//
// Sources: the wording of Art 3(1), 3(2)(c) and the first sentence of
// 3(4) was checked against copies of the regulation's text (CELEX
// 31971R1182); 3(2)(a), 3(2)(b) and 3(3) are applied as the regulation is
// commonly summarised, their wording was not retrieved. The GDPR does not
// cite 1182/71: that its Art 12(3) and 33(1) periods are counted by it is a
// widely held assumption (for example https://blog.eprivacy.eu/?p=1491 ).
// Norway implements 1182/71 through the EEA Agreement (FOR-1992-12-04-910),
// but no source was found on whether it governs GDPR deadlines there.
//
// Deadline returns a [*FieldError] for a zero event ("event",
// [ReasonRequired]), an invalid period (see [Period.Validate]), and an
// event before 1583 or a last day after 9999 ([ReasonRange]). It does not
// allocate unless it returns an error.
func (c *Calendar) Deadline(event time.Time, p Period) (Deadline, error) {
	if event.IsZero() {
		return Deadline{}, &FieldError{Field: "event", Reason: ReasonRequired}
	}
	if err := p.Validate(); err != nil {
		return Deadline{}, err.(*FieldError).In("period")
	}
	ev := event.In(c.loc)
	day := DateOf(ev)
	if !inRange(day) {
		return Deadline{}, &FieldError{Field: "event", Reason: ReasonRange}
	}
	d := Deadline{Event: ev, Period: p}

	if p.Unit == UnitHours {
		d.Start = ev
		if c.opts.HourCount == HourCountNextHour {
			// The start of the event's local clock hour, computed on the
			// absolute time line so that the repeated hour of the autumn
			// change is handled, then the next hour.
			into := time.Duration(ev.Minute())*time.Minute +
				time.Duration(ev.Second())*time.Second +
				time.Duration(ev.Nanosecond())
			d.Start = ev.Add(-into + time.Hour)
		}
		d.End = d.Start.Add(time.Duration(p.N) * time.Hour)
		d.LastDay = DateOf(d.End.Add(-time.Nanosecond))
		if !inRange(d.LastDay) {
			return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
		}
		d.Unrolled = d.LastDay
		return d, nil
	}

	z := dayNumber(day)
	var last int // day number of the unrolled last day
	switch p.Unit {
	case UnitDays:
		last = z + p.N
	case UnitWeeks:
		last = z + 7*p.N
	case UnitMonths:
		m := int(day.Month) - 1 + p.N
		y := day.Year + m/12
		if y > maxYear {
			return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
		}
		last = dayNumber(clampDay(y, time.Month(m%12+1), day.Day))
	case UnitYears:
		y := day.Year + p.N
		if y > maxYear {
			return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
		}
		last = dayNumber(clampDay(y, day.Month, day.Day))
	case UnitWorkingDays:
		w := c.AddWorkingDays(day, p.N)
		if w.IsZero() {
			return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
		}
		last = dayNumber(w)
	}
	if last > lastDay {
		return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
	}
	d.Unrolled = dateOfDay(last)
	rolled := c.nextWorking(last) // Art 3(4)
	if rolled > lastDay {
		return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
	}
	d.LastDay, d.Rolled = d.Unrolled, rolled != last
	if d.Rolled {
		d.LastDay = dateOfDay(rolled)
	}
	if c.opts.TwoWorkingDays && p.Unit != UnitWorkingDays && (p.Unit != UnitDays || p.N >= 2) {
		// Art 3(5): the days after the event's day up to LastDay must
		// include two working days.
		second := c.AddWorkingDays(day, 2)
		if second.IsZero() {
			return Deadline{}, &FieldError{Field: "period", Reason: ReasonRange}
		}
		if second.After(d.LastDay) {
			d.LastDay, d.Extended = second, true
		}
	}
	d.Start = time.Date(day.Year, day.Month, day.Day+1, 0, 0, 0, 0, c.loc)
	d.End = time.Date(d.LastDay.Year, d.LastDay.Month, d.LastDay.Day+1, 0, 0, 0, 0, c.loc)
	return d, nil
}

// clampDay returns y-m-day, or the last day of month m when the month is
// shorter (Art 3(2)(c), second sentence).
func clampDay(y int, m time.Month, day int) Date {
	if n := DaysIn(y, m); day > n {
		day = n
	}
	return Date{y, m, day}
}
