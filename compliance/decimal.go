package compliance

import (
	"github.com/shopspring/decimal"
)

// MaxDecimalDigits is the number of digits [DecodeDecimal] accepts in a
// decimal's coefficient when a field sets no bound of its own: 34, the
// precision of IEEE 754 decimal128 (and of .NET's and Java's widest
// decimals), far more than any share, score or sum of money needs.
const MaxDecimalDigits = 34

// maxExponentDigits bounds the digits of an exponent part ("e-5"): with at
// most three, a decimal's exponent stays within about ±1000, so printing
// it stays short.
const maxExponentDigits = 3

// DecodeDecimal parses the JSON form of a decimal: a JSON number (0.25,
// 2.5e-1) or a quoted one ("0.25", the form shopspring/decimal writes), or
// null for the zero decimal. The coefficient may have at most maxDigits
// digits (leading zeros count) and the exponent at most three; both are
// counted before anything is parsed, because converting a long number costs
// time and memory that grow faster than its length (a 4 MB number took
// seconds and gigabytes), and a large exponent makes printing the number
// unbounded.
//
// A decoder of a type with a decimal field calls it from the type's
// UnmarshalJSON. It returns a [*FieldError] with [ReasonTooLong] for too
// many digits and [ReasonFormat] for anything else that is not a number;
// the error never contains the input. Its Field is empty until a
// [Validation] places it.
func DecodeDecimal(b []byte, maxDigits int) (decimal.Decimal, error) {
	if string(b) == "null" {
		return decimal.Decimal{}, nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	i, digits := 0, 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	start := i
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		digits++
	}
	intDigits := i - start
	if i < len(b) && b[i] == '.' {
		i++
		frac := i
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			digits++
		}
		if i == frac {
			return decimal.Decimal{}, &FieldError{Reason: ReasonFormat}
		}
	}
	if intDigits == 0 {
		return decimal.Decimal{}, &FieldError{Reason: ReasonFormat}
	}
	if digits > maxDigits {
		return decimal.Decimal{}, &FieldError{Reason: ReasonTooLong}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		exp := i
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
		switch {
		case i == exp:
			return decimal.Decimal{}, &FieldError{Reason: ReasonFormat}
		case i-exp > maxExponentDigits:
			return decimal.Decimal{}, &FieldError{Reason: ReasonTooLong}
		}
	}
	if i != len(b) {
		return decimal.Decimal{}, &FieldError{Reason: ReasonFormat}
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return decimal.Decimal{}, &FieldError{Reason: ReasonFormat}
	}
	return d, nil
}
