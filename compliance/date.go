package compliance

import (
	"time"
)

// Date is a calendar date without a time of day or zone: a birth date, the
// last day of a period, the day a retention period ends. Compare Dates with
// ==, [Date.Before] and [Date.Compare]. The zero value is the unset date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's Location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// MakeDate returns the date y-m-d, normalised as [time.Date] does (so
// 2025-02-29 becomes 2025-03-01); use [ParseDate] or [Date.Valid] to reject
// impossible dates.
func MakeDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// ParseDate reads a date in the form YYYY-MM-DD and rejects impossible dates.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &FieldError{Field: "date", Reason: ReasonFormat}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &FieldError{Field: "date", Reason: ReasonFormat}
	}
	x := Date{y, time.Month(m), d}
	if !x.Valid() {
		return Date{}, &FieldError{Field: "date", Reason: ReasonDate}
	}
	return x, nil
}

// digits parses a short run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// Valid reports whether d is a real calendar date in the years 1..9999.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	y := d.Year
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	b[4], b[7] = '-', '-'
	b[5], b[6] = byte('0'+d.Month/10), byte('0'+d.Month%10)
	b[8], b[9] = byte('0'+d.Day/10), byte('0'+d.Day%10)
	return string(b[:])
}

// MarshalText returns YYYY-MM-DD; the zero Date marshals as empty text.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !d.Valid() {
		return nil, &FieldError{Field: "date", Reason: ReasonDate}
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD; empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	x, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// In returns the first instant of d (midnight) in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns d plus n days (n may be negative).
func (d Date) AddDays(n int) Date {
	if n == 0 {
		return d
	}
	return MakeDate(d.Year, d.Month, d.Day+n)
}

// DaysUntil returns the number of days from d to e: 1 from a day to the
// next, negative when e is before d.
func (d Date) DaysUntil(e Date) int {
	ta := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	tb := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Round(time.Hour).Hours() / 24)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	}
	return cmp(d.Day, e.Day)
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddPeriod returns d plus p for periods in days, weeks, months and years;
// months and years end on the same day of the month or on the last day of a
// shorter month (as Reg 1182/71 Art 3(2)(c) counts them). It is calendar
// arithmetic for intervals that are not legal time limits (a review or a
// renewal interval): it does not roll to a working day. Hours and working
// days, which need a [Calendar], give d unchanged.
func (d Date) AddPeriod(p Period) Date {
	switch p.Unit {
	case UnitDays:
		return d.AddDays(p.N)
	case UnitWeeks:
		return d.AddDays(7 * p.N)
	case UnitMonths:
		m := int(d.Month) - 1 + p.N
		return clampDay(d.Year+m/12, time.Month(m%12+1), d.Day)
	case UnitYears:
		return clampDay(d.Year+p.N, d.Month, d.Day)
	}
	return d
}
