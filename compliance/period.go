package compliance

import (
	"iter"
	"strconv"

	"github.com/tillid/tillid/internal/enum"
)

// Unit is the unit a legal [Period] is expressed in. Reg 1182/71 Art 3
// counts periods in hours, days, weeks, months and years, and in working
// days where an act says so (Art 3(3)). The zero value is invalid.
type Unit uint8

// Units.

const UnitHours Unit = 1       // elapsed hours; never extended over weekends or holidays
const UnitDays Unit = 2        // calendar days
const UnitWeeks Unit = 3       // weeks, ending on the same weekday
const UnitMonths Unit = 4      // months, ending on the same date (or the month's last day)
const UnitYears Unit = 5       // years, ending on the same date (28 February for 29 February)
const UnitWorkingDays Unit = 6 // working days (Reg 1182/71 Art 2(2))

var units = enum.New[Unit]("unit", "compliance.unit", UnknownCode,
	"hours", "days", "weeks", "months", "years", "working-days")

// ParseUnit returns the Unit with the given code.
func ParseUnit(s string) (Unit, error) { return units.Parse(s) }

// AllUnits yields every Unit.
func AllUnits() iter.Seq[Unit] { return units.All() }

// String returns the stable code, for example "working-days".
func (u Unit) String() string { return units.String(u) }

// Key returns the i18n message key, for example "compliance.unit.months".
// The message is a count: it takes the number of units as its argument
// and renders it with the unit in singular or plural ("1 month",
// "3 months").
func (u Unit) Key() string { return units.Key(u) }

// Valid reports whether u is a known Unit.
func (u Unit) Valid() bool { return units.Valid(u) }

// MarshalText implements [encoding.TextMarshaler].
func (u Unit) MarshalText() ([]byte, error) { return units.MarshalText(u) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *Unit) UnmarshalText(b []byte) error { return units.UnmarshalText(u, b) }

// designator returns the ISO 8601 designator of u, and whether it belongs in
// the time part (after "T").
func (u Unit) designator() (string, bool) {
	switch u {
	case UnitHours:
		return "H", true
	case UnitDays:
		return "D", false
	case UnitWeeks:
		return "W", false
	case UnitMonths:
		return "M", false
	case UnitYears:
		return "Y", false
	case UnitWorkingDays:
		return "WD", false
	}
	return "", false
}

// MaxPeriod is the largest number of units a [Period] may have. It is far
// above any time limit in law and keeps arithmetic away from overflow and
// the end of the calendar.
const MaxPeriod = 10000

// Period is a legal time limit: a whole, positive number of one [Unit], as
// the law states it. "One month" (Art 12(3) GDPR) is Months(1), "72 hours"
// (Art 33(1)) is Hours(72). A period mixing units ("1 year and 6 months")
// is not a Period: the law does not state time limits that way and 1182/71
// gives no order for adding the parts.
//
// A Period is a value, comparable with ==. It means nothing until a
// [Calendar] counts it from an event ([Calendar.Deadline]), because where a
// period ends depends on the jurisdiction's time zone and holidays. The zero
// value is the unset Period, which is invalid.
//
// The text form ([Period.String]) is an ISO 8601 duration with one
// component: PT72H, P3D, P2W, P1M, P5Y. Working days, which ISO 8601 does
// not have, are written with the designator WD: P10WD.
type Period struct {
	// N is the number of units, 1 to MaxPeriod.
	N int
	// Unit is the unit.
	Unit Unit
}

// Hours returns a period of n hours.
func Hours(n int) Period { return Period{n, UnitHours} }

// Days returns a period of n calendar days.
func Days(n int) Period { return Period{n, UnitDays} }

// Weeks returns a period of n weeks.
func Weeks(n int) Period { return Period{n, UnitWeeks} }

// Months returns a period of n months.
func Months(n int) Period { return Period{n, UnitMonths} }

// Years returns a period of n years.
func Years(n int) Period { return Period{n, UnitYears} }

// WorkingDays returns a period of n working days.
func WorkingDays(n int) Period { return Period{n, UnitWorkingDays} }

// IsZero reports whether p is the zero (unset) Period.
func (p Period) IsZero() bool { return p == Period{} }

// Validate reports whether p is a valid Period. It returns a [*FieldError]
// whose path is relative to the period itself, so that a caller's
// [Validation.Check]("reviewInterval", err) reports "reviewInterval" or
// "reviewInterval.unit": [ReasonRequired] with an empty path for the zero
// Period, [ReasonUnknown] for an unknown "unit", [ReasonRange] for "n"
// outside 1 to [MaxPeriod].
func (p Period) Validate() error {
	switch {
	case p.IsZero():
		return &FieldError{Reason: ReasonRequired}
	case !p.Unit.Valid():
		return &FieldError{Field: "unit", Reason: ReasonUnknown, Vocabulary: units.Name(), Accepted: units.Codes()}
	case p.N < 1 || p.N > MaxPeriod:
		return &FieldError{Field: "n", Reason: ReasonRange}
	}
	return nil
}

// String returns the ISO 8601 form of p: "PT72H", "P1M", "P10WD". The
// zero Period gives "", and any other invalid Period a form that
// [ParsePeriod] rejects.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	des, inTime := p.Unit.designator()
	if des == "" {
		des = "?"
	}
	b := make([]byte, 0, 12)
	b = append(b, 'P')
	if inTime {
		b = append(b, 'T')
	}
	b = strconv.AppendInt(b, int64(p.N), 10)
	b = append(b, des...)
	return string(b)
}

// ParsePeriod reads the ISO 8601 form written by [Period.String]: "P",
// then "T" for hours, then the number of units in decimal without sign or
// leading zeros, then one designator (H, D, W, M, Y, or the extension WD
// for working days). Anything else is rejected with a [*FieldError] for
// the field "period": combined durations ("P1Y2M"), fractions ("P1.5D"),
// signs, lower case, spaces and minutes or seconds give [ReasonFormat]; a
// number of units outside 1 to [MaxPeriod] gives [ReasonRange].
func ParsePeriod(s string) (Period, error) {
	bad := func(r Reason) (Period, error) { return Period{}, &FieldError{Field: "period", Reason: r} }
	if len(s) < 3 || s[0] != 'P' {
		return bad(ReasonFormat)
	}
	rest, inTime := s[1:], false
	if rest[0] == 'T' {
		rest, inTime = rest[1:], true
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	num, des := rest[:i], rest[i:]
	if num == "" || num[0] == '0' && len(num) > 1 {
		return bad(ReasonFormat)
	}
	var u Unit
	switch des {
	case "H":
		u = UnitHours
	case "D":
		u = UnitDays
	case "W":
		u = UnitWeeks
	case "M":
		u = UnitMonths
	case "Y":
		u = UnitYears
	case "WD":
		u = UnitWorkingDays
	default:
		return bad(ReasonFormat)
	}
	if inTime != (u == UnitHours) {
		return bad(ReasonFormat)
	}
	if len(num) > len(strconv.Itoa(MaxPeriod)) {
		return bad(ReasonRange)
	}
	n, _ := strconv.Atoi(num) // only digits, at most five of them
	p := Period{n, u}
	if n < 1 || n > MaxPeriod {
		return bad(ReasonRange)
	}
	return p, nil
}

// MarshalText returns the ISO 8601 form. The zero Period marshals as empty
// text, so that an unset optional field round-trips; any other invalid
// Period is an error.
func (p Period) MarshalText() ([]byte, error) {
	if p.IsZero() {
		return []byte{}, nil
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads the ISO 8601 form; empty text gives the zero Period.
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	x, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = x
	return nil
}
