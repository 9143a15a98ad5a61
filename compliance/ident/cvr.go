package ident

import "github.com/tillid/tillid/compliance"

// CVR is a Danish CVR number (Det Centrale Virksomhedsregister), the
// identifier of a business, an authority or a kommune as a legal entity: eight
// digits whose last is a modulus-11 check digit. It carries no information
// (https://erhvervsstyrelsen.dk/modulus_11). It is a public business
// identifier, not personal data: String gives the full number.
//
// A valid check digit does not prove that the number identifies the entity a
// caller means, or any entity now: CVR numbers of closed firms can be reused
// for some firm types (Danmarks Statistik). Look the number up in the CVR
// register when that matters.
//
// P-numbers (produktionsenhedsnumre) are a separate series, and some were
// issued with wrong weights (Erhvervsstyrelsen): do not parse a P-number
// as a CVR.
//
// The zero value is the unset number.
type CVR struct {
	n uint32
}

// ParseCVR reads a CVR number: eight digits, the first not 0, weighted 2, 7,
// 6, 5, 4, 3, 2, 1 to a sum divisible by 11 (Erhvervsstyrelsen's "Modulus 11
// kontrol"; python-stdnum's stdnum.dk.cvr). Like python-stdnum it accepts the
// separators space, '-', '.', ',', '/' and ':' anywhere, and a "DK" prefix (the
// form of a Danish VAT number) in either case: "DK 13 74 81 36" gives
// 13748136.
//
// Errors are [*compliance.FieldError]s with Field "cvr": [compliance.ReasonFormat] for a character
// other than a digit or separator, or a leading 0; [compliance.ReasonLength] unless eight
// digits remain; [compliance.ReasonChecksum] for a wrong check digit. They match
// [compliance.ErrInvalid].
func ParseCVR(s string) (CVR, error) {
	var buf [compactMax]byte
	b, ok := compactBusinessID(&buf, s, " -.,/:", "DK", "")
	switch {
	case !ok:
		return CVR{}, cvrErr(compliance.ReasonLength)
	case !allDigits(b):
		return CVR{}, cvrErr(compliance.ReasonFormat)
	case len(b) != 8:
		return CVR{}, cvrErr(compliance.ReasonLength)
	case b[0] == '0':
		return CVR{}, cvrErr(compliance.ReasonFormat)
	}
	n, sum := uint32(0), uint32(0)
	for i, w := range [8]uint32{2, 7, 6, 5, 4, 3, 2, 1} {
		v := uint32(b[i] - '0')
		n = n*10 + v
		sum += w * v
	}
	if sum%11 != 0 {
		return CVR{}, cvrErr(compliance.ReasonChecksum)
	}
	return CVR{n}, nil
}

// cvrErr returns the error for a rejected CVR number.
func cvrErr(r compliance.Reason) error { return &compliance.FieldError{Field: "cvr", Reason: r} }

// IsZero reports whether c is the zero (unset) CVR.
func (c CVR) IsZero() bool { return c.n == 0 }

// String returns the eight digits, or "" for the zero CVR.
func (c CVR) String() string {
	if c.IsZero() {
		return ""
	}
	return string(appendPadded(nil, c.n, 8))
}

// MarshalText returns the eight digits; the zero CVR marshals as empty text.
func (c CVR) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	return appendPadded(make([]byte, 0, 8), c.n, 8), nil
}

// UnmarshalText reads a number as [ParseCVR] does; empty text gives the zero
// CVR.
func (c *CVR) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = CVR{}
		return nil
	}
	x, err := ParseCVR(string(b))
	if err != nil {
		return err
	}
	*c = x
	return nil
}

// compactMax bounds the characters a business identifier may have once its
// separators are removed; longer input is rejected for its length.
const compactMax = 24

// compactBusinessID copies s without the separators seps into buf, then
// removes prefix and suffix when present (ASCII, in either case). It returns
// false when more than len(buf) characters remain.
func compactBusinessID(buf *[compactMax]byte, s, seps, prefix, suffix string) ([]byte, bool) {
	n := 0
outer:
	for i := 0; i < len(s); i++ {
		c := s[i]
		for j := 0; j < len(seps); j++ {
			if c == seps[j] {
				continue outer
			}
		}
		if n == len(buf) {
			return nil, false
		}
		buf[n] = c
		n++
	}
	b := buf[:n]
	if hasFoldPrefix(b, prefix) {
		b = b[len(prefix):]
	}
	if len(suffix) > 0 && len(b) >= len(suffix) && hasFoldPrefix(b[len(b)-len(suffix):], suffix) {
		b = b[:len(b)-len(suffix)]
	}
	return b, true
}

// hasFoldPrefix reports whether b starts with the upper-case ASCII prefix p,
// in either case.
func hasFoldPrefix(b []byte, p string) bool {
	if len(p) == 0 || len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := b[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// allDigits reports whether b is ASCII digits only.
func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// appendPadded appends n as width decimal digits.
func appendPadded(b []byte, n uint32, width int) []byte {
	var d [10]byte
	for i := width - 1; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[:width]...)
}
