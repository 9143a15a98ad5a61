package ident

import "github.com/tillid/tillid/compliance"

// OrgNr is a Norwegian organisasjonsnummer, the identifier that
// Brønnøysundregistrene give a legal entity (including a kommune) in
// Enhetsregisteret: nine digits whose last is a modulus-11 check digit. It is
// a public business identifier, not personal data: String gives the full
// number.
//
// A valid number does not prove that the entity exists; look it up in
// Enhetsregisteret when that matters. The zero value is the unset number.
type OrgNr struct {
	n uint32
}

// ParseOrgNr reads an organisasjonsnummer: nine digits weighted 3, 2, 7, 6,
// 5, 4, 3, 2, 1 to a sum divisible by 11 (Brønnøysundregistrene; python-stdnum's
// stdnum.no.orgnr), whose first digit is 8 or 9: Brønnøysundregistrene say
// organisation numbers start with 8 or 9
// (http://www.brreg.no/samordning/organisasjonsnummeret.html). Like
// python-stdnum it accepts spaces anywhere, and, for the VAT form of the
// number (stdnum.no.mva), a "NO" prefix and an "MVA" suffix in either case:
// "NO 988 077 917 MVA" gives 988077917.
//
// Errors are [*compliance.FieldError]s with Field "orgnr": [compliance.ReasonFormat] for a
// character other than a digit or space; [compliance.ReasonLength] unless nine digits
// remain; [compliance.ReasonChecksum] for a wrong check digit; [compliance.ReasonUnallocated] for a
// number with a valid check digit whose first digit is not 8 or 9, such as
// Brønnøysundregistrene's own worked example 123456785, which is not a real
// organisation number. They match [compliance.ErrInvalid].
func ParseOrgNr(s string) (OrgNr, error) {
	var buf [compactMax]byte
	b, ok := compactBusinessID(&buf, s, " ", "NO", "MVA")
	switch {
	case !ok:
		return OrgNr{}, orgNrErr(compliance.ReasonLength)
	case !allDigits(b):
		return OrgNr{}, orgNrErr(compliance.ReasonFormat)
	case len(b) != 9:
		return OrgNr{}, orgNrErr(compliance.ReasonLength)
	}
	n, sum := uint32(0), uint32(0)
	for i, w := range [9]uint32{3, 2, 7, 6, 5, 4, 3, 2, 1} {
		v := uint32(b[i] - '0')
		n = n*10 + v
		sum += w * v
	}
	switch {
	case sum%11 != 0:
		return OrgNr{}, orgNrErr(compliance.ReasonChecksum)
	case b[0] != '8' && b[0] != '9':
		return OrgNr{}, orgNrErr(compliance.ReasonUnallocated)
	}
	return OrgNr{n}, nil
}

// orgNrErr returns the error for a rejected organisasjonsnummer.
func orgNrErr(r compliance.Reason) error { return &compliance.FieldError{Field: "orgnr", Reason: r} }

// IsZero reports whether o is the zero (unset) OrgNr.
func (o OrgNr) IsZero() bool { return o.n == 0 }

// String returns the nine digits, or "" for the zero OrgNr.
func (o OrgNr) String() string {
	if o.IsZero() {
		return ""
	}
	return string(appendPadded(nil, o.n, 9))
}

// MarshalText returns the nine digits; the zero OrgNr marshals as empty text.
func (o OrgNr) MarshalText() ([]byte, error) {
	if o.IsZero() {
		return []byte{}, nil
	}
	return appendPadded(make([]byte, 0, 9), o.n, 9), nil
}

// UnmarshalText reads a number as [ParseOrgNr] does; empty text gives the
// zero OrgNr.
func (o *OrgNr) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*o = OrgNr{}
		return nil
	}
	x, err := ParseOrgNr(string(b))
	if err != nil {
		return err
	}
	*o = x
	return nil
}
