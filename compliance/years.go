package compliance

import "time"

// FirstYear and LastYear are the years a [Calendar] counts: the Gregorian
// calendar began in October 1582, and [Date] ends in 9999. A date or an
// instant outside them is valid as a date but no time limit, holiday or
// working day can be computed for it, so every Validate of tillid rejects
// it at the door (with [CheckDate] and [CheckInstant]) instead of storing a
// record that no later deadline computation can handle — a year 202 typed
// for 2025 would otherwise make every overview of the controller fail.
const (
	FirstYear = 1583
	LastYear  = 9999
)

// instantMin and instantMax bound the instants [CheckInstant] accepts: a
// day inside the calendar's years at both ends, so that the instant's date
// is within them in every time zone (offsets reach 14 hours).
var (
	instantMin = time.Date(FirstYear, time.January, 2, 0, 0, 0, 0, time.UTC)
	instantMax = time.Date(LastYear, time.December, 31, 0, 0, 0, 0, time.UTC)
)

// CheckDate returns nil for the zero Date (unset; use [Validation.Require]
// for a required date) and for a real date in the years [FirstYear] to
// [LastYear]. It returns a [*FieldError] with [ReasonDate] for a date that
// does not exist and [ReasonRange] for one outside the calendar's years;
// its Field is empty until a [Validation] places it.
//
//	v.Check("received", compliance.CheckDate(r.Received))
func CheckDate(d Date) error {
	switch {
	case d.IsZero():
		return nil
	case !d.Valid():
		return &FieldError{Reason: ReasonDate}
	case d.Year < FirstYear || d.Year > LastYear:
		return &FieldError{Reason: ReasonRange}
	}
	return nil
}

// CheckInstant returns nil for the zero time (unset; use
// [Validation.Require] for a required instant) and for an instant whose date
// lies in the calendar's years in every time zone: from 2 January
// [FirstYear] to 30 December [LastYear], UTC. Any other instant gives a
// [*FieldError] with [ReasonRange].
//
//	v.Check("aware", compliance.CheckInstant(b.Aware))
func CheckInstant(t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if t.Before(instantMin) || !t.Before(instantMax) {
		return &FieldError{Reason: ReasonRange}
	}
	return nil
}
