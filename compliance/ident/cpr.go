package ident

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/tillid/tillid/compliance"
)

// CPR is a Danish personal identification number (personnummer, "CPR
// number"): ten digits DDMMYY-SSSS, the birth date followed by a four-digit
// serial number whose first digit, together with the year, gives the century
// and whose last digit gives the sex (odd for men, even for women)
// (https://www.cpr.dk/cpr-systemet/opbygning-af-cpr-nummeret/).
//
// A CPR is comparable and holds no pointers; the zero value is the unset
// number. It is personal data and redacts itself: String, GoString, Format
// (every fmt verb) and LogValue give "******-****" (six asterisks, a hyphen
// and four asterisks, the shape of DDMMYY-SSSS), and parser errors never
// contain the input. Only MarshalText gives the number, as the ten digits
// DDMMYYSSSS, for storage. See the redaction notes in identifier.go.
//
// Validity is the format and the birth date only. The modulus-11 check is
// reported by [CPR.Modulus11] and is never a reason to reject: since
// 1 October 2007 CPR numbers without modulus-11 validity have been issued
// when a birth date runs out of numbers; they are fully valid and must be
// accepted (https://www.cpr.dk/cpr-systemet/personnumre-uden-kontrolciffer-modulus-11-kontrol/).
// Parsing also cannot tell whether the number has been issued: that takes a
// look-up in the CPR register.
type CPR struct {
	// x is the ten-digit number DDMMYYSSSS sealed with the process's secret
	// key (see seal.go), so that fmt's reflection on an unexported field
	// holding a CPR shows nothing that can be turned back into the number.
	// 0 is the zero value.
	x uint64
}

// cprRedacted is the redacted form of every non-zero CPR.
const cprRedacted = "******-****"

// ParseCPR reads a CPR number written as exactly ten digits DDMMYYSSSS or as
// DDMMYY-SSSS (a hyphen after the sixth digit). Nothing else is accepted: no
// spaces, no other separators.
//
// The birth date must be a real date; the century comes from the year and the
// seventh digit (CPR-kontoret's table, as given on
// https://da.wikipedia.org/wiki/CPR-nummer):
//
//	7th digit    YY 00–36     YY 37–57     YY 58–99
//	0–3          1900–1936    1937–1957    1958–1999
//	4, 9         2000–2036    1937–1957    1958–1999
//	5–8          2000–2036    2037–2057    1858–1899
//
// Errors are [*compliance.FieldError]s with Field "cpr": [compliance.ReasonLength] for a wrong
// number of characters (ten without a hyphen, eleven with one),
// [compliance.ReasonFormat] for a misplaced hyphen or another non-digit, [compliance.ReasonDate]
// for an impossible birth date. They match [compliance.ErrInvalid] and never contain the
// input. Parsing valid input does not allocate.
func ParseCPR(s string) (CPR, error) {
	var d [10]byte
	switch len(s) {
	case 10:
		for i := range 10 {
			c := s[i]
			if !isDigit(c) {
				return CPR{}, cprShapeErr(s)
			}
			d[i] = c - '0'
		}
	case 11:
		if s[6] != '-' {
			return CPR{}, cprShapeErr(s)
		}
		for i := range 11 {
			if i == 6 {
				continue
			}
			c := s[i]
			if !isDigit(c) {
				return CPR{}, cprErr(compliance.ReasonFormat)
			}
			j := i
			if i > 6 {
				j--
			}
			d[j] = c - '0'
		}
	default:
		return CPR{}, cprErr(compliance.ReasonLength)
	}
	day := int(d[0])*10 + int(d[1])
	month := int(d[2])*10 + int(d[3])
	yy := int(d[4])*10 + int(d[5])
	year := cprYear(yy, int(d[6]))
	if !(compliance.Date{Year: year, Month: time.Month(month), Day: day}).Valid() {
		return CPR{}, cprErr(compliance.ReasonDate)
	}
	var n uint64
	for _, v := range d {
		n = n*10 + uint64(v)
	}
	return CPR{x: seals.seal(n)}, nil
}

// cprShapeErr classifies a ten- or eleven-character string that is neither
// DDMMYYSSSS nor DDMMYY-SSSS. The length is wrong when it does not fit the
// number of hyphens (ten characters with one hyphen leave nine digits, eleven
// without one are eleven digits); otherwise a hyphen is misplaced or doubled,
// or a character is not a digit, which is a format error.
func cprShapeErr(s string) error {
	hyphens := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			hyphens++
		}
	}
	if (hyphens == 0 && len(s) != 10) || (hyphens == 1 && len(s) != 11) {
		return cprErr(compliance.ReasonLength)
	}
	return cprErr(compliance.ReasonFormat)
}

// cprErr returns the error for a rejected CPR number.
func cprErr(r compliance.Reason) error { return &compliance.FieldError{Field: "cpr", Reason: r} }

// cprYear returns the birth year from the two-digit year yy and the seventh
// digit d7, by the century table of [ParseCPR].
func cprYear(yy, d7 int) int {
	switch {
	case d7 <= 3:
		return 1900 + yy
	case d7 == 4 || d7 == 9:
		if yy <= 36 {
			return 2000 + yy
		}
		return 1900 + yy
	case yy <= 57:
		return 2000 + yy
	}
	return 1800 + yy
}

// number returns the ten-digit number DDMMYYSSSS.
func (c CPR) number() uint64 { return seals.open(c.x) }

// IsZero reports whether c is the zero (unset) CPR.
func (c CPR) IsZero() bool { return c.x == 0 }

// BirthDate returns the birth date the number encodes, with the century from
// the table of [ParseCPR]; the zero Date for the zero CPR.
func (c CPR) BirthDate() compliance.Date {
	if c.IsZero() {
		return compliance.Date{}
	}
	n := c.number()
	return compliance.Date{
		Year:  cprYear(int(n/10_000%100), int(n/1000%10)),
		Month: time.Month(n / 1_000_000 % 100),
		Day:   int(n / 100_000_000),
	}
}

// Sex returns the sex the number encodes: Male for an odd last digit, Female
// for an even one; 0 for the zero CPR.
func (c CPR) Sex() Sex {
	if c.IsZero() {
		return 0
	}
	return sexOfDigit(uint64(c.number() % 10))
}

// Modulus11 reports whether the number passes the modulus-11 check: the
// digits weighted 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 sum to a multiple of 11
// (http://kode.tingeling.dk/cpr_fix/). It is information, not validity:
// numbers that fail it have been issued since 1 October 2007 and are valid
// (https://www.cpr.dk/cpr-systemet/personnumre-uden-kontrolciffer-modulus-11-kontrol/).
// The zero CPR reports false.
func (c CPR) Modulus11() bool {
	if c.IsZero() {
		return false
	}
	n := c.number()
	sum := uint64(0)
	// Weights from the last digit to the first.
	for _, w := range [10]uint64{1, 2, 3, 4, 5, 6, 7, 2, 3, 4} {
		sum += w * (n % 10)
		n /= 10
	}
	return sum%11 == 0
}

// String returns the redacted form "******-****", or "" for the zero CPR. It
// never contains a digit of the number.
func (c CPR) String() string {
	if c.IsZero() {
		return ""
	}
	return cprRedacted
}

// GoString returns the redacted form for %#v: compliance.CPR{******-****}.
func (c CPR) GoString() string {
	if c.IsZero() {
		return "compliance.CPR{}"
	}
	return "compliance.CPR{" + cprRedacted + "}"
}

// Format implements [fmt.Formatter] so that every verb (%v, %+v, %s, %q, %x,
// %d, …) prints the redacted form and %#v prints [CPR.GoString].
func (c CPR) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c.String(), c.GoString()) }

// LogValue implements [slog.LogValuer]: it logs the redacted form.
func (c CPR) LogValue() slog.Value { return slog.StringValue(c.String()) }

// appendDigits appends the ten digits DDMMYYSSSS.
func (c CPR) appendDigits(b []byte) []byte {
	n := c.number()
	var d [10]byte
	for i := 9; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[:]...)
}

// MarshalJSON writes the redacted form as a JSON string, as
// [NationalIdentifier.MarshalJSON] does; MarshalText is the storage form.
func (c CPR) MarshalJSON() ([]byte, error) { return redactedJSON(c.String()), nil }

// MarshalText returns the full number as ten digits DDMMYYSSSS, the storage
// form; the zero CPR marshals as empty text. It is the only method that
// reveals the number: store and transmit it as the personal data it is.
func (c CPR) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	return c.appendDigits(make([]byte, 0, 10)), nil
}

// UnmarshalText reads a number as [ParseCPR] does; empty text gives the zero
// CPR.
func (c *CPR) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = CPR{}
		return nil
	}
	x, err := ParseCPR(string(b))
	if err != nil {
		return err
	}
	*c = x
	return nil
}
