package ident

import (
	"fmt"
	"iter"
	"log/slog"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// FNRKind is the kind of a Norwegian national identity number: a fødselsnummer
// (birth number), a D-nummer given to foreign persons (the day raised by 40)
// or an H-nummer, an internal help number (the month raised by 40). The zero
// value is invalid.
type FNRKind uint8

// FNR kinds.
const (
	BirthNumber FNRKind = iota + 1 // fødselsnummer
	DNumber                        // D-nummer: day + 40
	HNumber                        // H-nummer: month + 40
)

var fnrKinds = enum.New[FNRKind]("fnr-kind", "compliance.fnr-kind", compliance.UnknownCode,
	"birth-number", "d-number", "h-number")

// ParseFNRKind returns the FNRKind with the given code.
func ParseFNRKind(s string) (FNRKind, error) { return fnrKinds.Parse(s) }

// AllFNRKinds yields every FNRKind.
func AllFNRKinds() iter.Seq[FNRKind] { return fnrKinds.All() }

// String returns the stable code.
func (k FNRKind) String() string { return fnrKinds.String(k) }

// Key returns the i18n message key.
func (k FNRKind) Key() string { return fnrKinds.Key(k) }

// Valid reports whether k is a known FNRKind.
func (k FNRKind) Valid() bool { return fnrKinds.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k FNRKind) MarshalText() ([]byte, error) { return fnrKinds.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *FNRKind) UnmarshalText(b []byte) error { return fnrKinds.UnmarshalText(k, b) }

// FNR is a Norwegian national identity number: a fødselsnummer, a D-nummer or
// an H-nummer ([FNRKind]). It has eleven digits DDMMYY III K1 K2: the birth
// date, a three-digit individnummer that gives the century (and, before 2032,
// the sex) and two control digits
// (https://www.skatteetaten.no/nn/Person/Folkeregister/Fodsel-og-namneval/Barn-fodde-i-Noreg/Fodselsnummer/ ;
// http://fnrinfo.no/Info/Oppbygging.aspx).
//
// An FNR is comparable and holds no pointers; the zero value is the unset
// number. It is personal data and redacts itself: String, GoString, Format
// (every fmt verb) and LogValue give "***********" (eleven asterisks), and
// parser errors never contain the input. Only MarshalText gives the number,
// as the eleven digits, for storage. See the redaction notes in
// identifier.go.
//
// Parsing cannot tell whether a number has been issued: that takes a look-up
// in Folkeregisteret.
type FNR struct {
	// x is the eleven-digit number sealed with the process's secret key
	// (see seal.go).
	// Everything else (kind, birth date, series) is derived from the digits,
	// which decode unambiguously under every FNRRules. 0 is the zero value.
	x uint64
}

// fnrRedacted is the redacted form of every non-zero FNR.
const fnrRedacted = "***********"

// FNRRules selects the optional rules of [ParseFNRWith]. The zero value is
// the rules in force for numbers issued today, which [ParseFNR] applies.
type FNRRules struct {
	// Accept2032 also accepts the numbers that Folkeregisteret issues from
	// 1 January 2032. For them the first control digit K1 may leave a
	// remainder of 0, 1, 2 or 3 after the modulus-11 calculation instead of
	// only 0; K2 is calculated as before. The individnummer no longer gives
	// the century, and the number no longer gives the sex
	// (https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/ ;
	// https://www.skatteetaten.no/en/deling/opplysninger/folkeregisteropplysninger/pid/).
	//
	// With Accept2032 a number whose K1 leaves remainder 1, 2 or 3, or that
	// today's series reject (an individnummer outside the series allocated
	// before 2032, or 29 February in a year 1900 that may be 2000), is read
	// as a 2032-series number ([FNR.Series2032]) instead of being rejected;
	// its birth date and sex must be read from Folkeregisteret. Its day and
	// month must still exist in some year ending in its YY. Hosts must
	// turn it on before 1 January 2032; tillid cannot do so by the clock
	// because its rules never read one. K2 is unchanged, so every
	// single-digit typing error is still caught.
	Accept2032 bool
	// AcceptSynthetic also accepts synthetic test numbers whose month is
	// raised by 80 (months 81–92), as Skatteetaten's test data (Tenor)
	// uses them; for example Skatteetaten's published test person
	// 23906398699 (https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/om-tjenestene/,
	// news of 2023-09-21). No official description of the rule was found,
	// so it is an opt-in for test environments only, off by default: never
	// turn it on in production. See [FNR.Synthetic].
	AcceptSynthetic bool
}

// ParseFNR reads a Norwegian fødselsnummer, D-nummer or H-nummer under the
// rules for numbers issued today (the zero [FNRRules]); see [ParseFNRWith].
func ParseFNR(s string) (FNR, error) { return ParseFNRWith(s, FNRRules{}) }

// ParseFNRWith reads a Norwegian fødselsnummer, D-nummer or H-nummer: exactly
// eleven digits, nothing else.
//
//   - Both control digits must hold: K1 with the weights 3, 7, 6, 1, 8, 9, 4,
//     5, 2 over digits 1–9 and K2 with 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 over
//     digits 1–10; each is 11 minus the weighted sum modulo 11 (0 for
//     remainder 0, never 10) (http://www.fnrinfo.no/Teknisk/KontrollsifferBeregning.aspx).
//     Rules.Accept2032 widens K1 as described at [FNRRules].
//   - A first digit 4–7 (day 41–71) is a D-nummer, a third digit 4 or 5
//     (month 41–52) an H-nummer; both at once are rejected. The older form of
//     H-nummer with first digit 8 or 9, which fnrinfo.no describes as
//     discontinued, is not accepted.
//   - The century comes from the individnummer III (Skatteetaten):
//     000–499 are born 1900–1999; 500–749 with YY 54–99 are 1854–1899;
//     500–999 with YY 00–39 are 2000–2039; 900–999 with YY 40–99 are
//     1940–1999. 500–749 with YY 40–53 and 750–899 with YY 40–99 are never
//     allocated.
//   - The birth date must be a real date.
//
// Errors are [*compliance.FieldError]s with Field "fnr": [compliance.ReasonLength] unless there are
// eleven characters, [compliance.ReasonFormat] for a non-digit, [compliance.ReasonChecksum] for a
// control digit that does not match, [compliance.ReasonDate] for an impossible date
// (including day and month both raised), [compliance.ReasonUnallocated] for an
// individnummer from a series that is never allocated for that year. They
// match [compliance.ErrInvalid] and never contain the input. Parsing valid input does
// not allocate.
func ParseFNRWith(s string, rules FNRRules) (FNR, error) {
	if len(s) != 11 {
		return FNR{}, fnrErr(compliance.ReasonLength)
	}
	var d [11]uint64
	var n uint64
	for i := range 11 {
		c := s[i]
		if !isDigit(c) {
			return FNR{}, fnrErr(compliance.ReasonFormat)
		}
		d[i] = uint64(c - '0')
		n = n*10 + d[i]
	}
	if _, r := fnrRead(&d, rules); r != 0 {
		return FNR{}, fnrErr(r)
	}
	return FNR{x: seals.seal(n)}, nil
}

// fnrErr returns the error for a rejected FNR.
func fnrErr(r compliance.Reason) error { return &compliance.FieldError{Field: "fnr", Reason: r} }

// fnrInfo is what the digits of a number say.
type fnrInfo struct {
	kind       FNRKind
	birth      compliance.Date // the zero Date for a 2032-series number
	series2032 bool
	synthetic  bool
}

// fnrRead checks the digits d under rules and decodes them; the Reason is 0
// when they are accepted.
func fnrRead(d *[11]uint64, rules FNRRules) (fnrInfo, compliance.Reason) {
	var info fnrInfo
	k1 := 3*d[0] + 7*d[1] + 6*d[2] + 1*d[3] + 8*d[4] + 9*d[5] + 4*d[6] + 5*d[7] + 2*d[8] + d[9]
	k2 := 5*d[0] + 4*d[1] + 3*d[2] + 2*d[3] + 7*d[4] + 6*d[5] + 5*d[6] + 4*d[7] + 3*d[8] + 2*d[9] + d[10]
	if k2%11 != 0 {
		return info, compliance.ReasonChecksum
	}
	switch r1 := k1 % 11; {
	case r1 == 0:
	case r1 <= 3 && rules.Accept2032:
		info.series2032 = true
	default:
		return info, compliance.ReasonChecksum
	}

	day := int(d[0]*10 + d[1])
	month := int(d[2]*10 + d[3])
	yy := int(d[4]*10 + d[5])
	info.kind = BirthNumber
	if month > 80 && rules.AcceptSynthetic {
		month -= 80
		info.synthetic = true
	}
	if day > 40 {
		day -= 40
		info.kind = DNumber
	}
	if month > 40 {
		if info.kind == DNumber {
			return info, compliance.ReasonDate
		}
		month -= 40
		info.kind = HNumber
	}
	if day < 1 || day > 31 || month < 1 || month > 12 {
		return info, compliance.ReasonDate
	}

	if !info.series2032 {
		year, ok := fnrYear(int(d[6]*100+d[7]*10+d[8]), yy)
		switch {
		case !ok && !rules.Accept2032:
			return info, compliance.ReasonUnallocated
		case ok && (compliance.Date{Year: year, Month: time.Month(month), Day: day}).Valid():
			info.birth = compliance.Date{Year: year, Month: time.Month(month), Day: day}
			return info, 0
		case ok && !rules.Accept2032:
			return info, compliance.ReasonDate
		}
		// Under Accept2032 a number that today's series reject may still
		// be a 2032-series number: an individnummer outside the old
		// series, or 29 February 1900 that is 29 February 2000.
		info.series2032 = true
	}
	// The century is unknown: accept any day that exists in some year
	// ending in yy (29 February when yy is a multiple of 4).
	if day > compliance.DaysIn(2000+yy, time.Month(month)) {
		return info, compliance.ReasonDate
	}
	return info, 0
}

// fnrYear returns the birth year from the individnummer ind and the two-digit
// year yy, and false for a series that is never allocated.
func fnrYear(ind, yy int) (int, bool) {
	switch {
	case ind < 500:
		return 1900 + yy, true
	case yy < 40: // 500–999
		return 2000 + yy, true
	case ind >= 900:
		return 1900 + yy, true
	case ind < 750 && yy >= 54:
		return 1800 + yy, true
	}
	return 0, false
}

// digits returns the eleven digits of f.
func (f FNR) digits() [11]uint64 {
	n := seals.open(f.x)
	var d [11]uint64
	for i := 10; i >= 0; i-- {
		d[i] = n % 10
		n /= 10
	}
	return d
}

// info decodes f; the zero FNR gives the zero fnrInfo.
func (f FNR) info() fnrInfo {
	if f.IsZero() {
		return fnrInfo{}
	}
	// The digits decode the same way under every rule set that accepts
	// them, so the union of the rule sets decodes any stored number.
	d := f.digits()
	info, _ := fnrRead(&d, FNRRules{Accept2032: true, AcceptSynthetic: true})
	return info
}

// IsZero reports whether f is the zero (unset) FNR.
func (f FNR) IsZero() bool { return f.x == 0 }

// Kind returns whether f is a fødselsnummer, D-nummer or H-nummer; 0 for the
// zero FNR.
func (f FNR) Kind() FNRKind { return f.info().kind }

// BirthDate returns the birth date the number encodes, with the day lowered
// by 40 for a D-nummer, the month lowered by 40 for an H-nummer (and by 80
// for a synthetic number) and the century from the individnummer. It returns
// the zero Date for the zero FNR and for a 2032-series number
// ([FNR.Series2032]), whose individnummer does not give the century.
//
// The date is evidence, not fact: when no D-nummer was free for a person's
// real birth date, one may have been given with the registration date
// instead (https://www.udi.no/ord-og-begreper/d-nummer/d-nummer-stemmer-ikke-med-fodselsdato/),
// and Skatteetaten tells systems to read the birth date of numbers issued
// from 2032 from Folkeregisteret.
func (f FNR) BirthDate() compliance.Date { return f.info().birth }

// Sex returns the sex the ninth digit encodes (odd for men, even for women)
// and true. That reading holds only for numbers issued before 1 January 2032:
// numbers issued from then on are gender-neutral and the sex must be read from
// Folkeregisteret. Sex returns false for the zero FNR and for a number that
// can only belong to the 2032 series ([FNR.Series2032]). A number that passes
// today's rules may still have been issued in 2032 or later; the number
// cannot tell, so a caller that handles such numbers must not rely on Sex.
func (f FNR) Sex() (Sex, bool) {
	if f.IsZero() || f.Series2032() {
		return 0, false
	}
	d := f.digits()
	return sexOfDigit(d[8]), true
}

// Series2032 reports whether f can only be a number issued from 1 January
// 2032 (accepted under [FNRRules].Accept2032): its K1 leaves remainder 1, 2 or
// 3, or today's series reject it. A false result does not prove that the
// number was issued before 2032: Skatteetaten's own example 30108299920,
// issued in 2032, also passes today's rules.
func (f FNR) Series2032() bool { return f.info().series2032 }

// Synthetic reports whether f is a synthetic test number (month raised by 80),
// accepted only under [FNRRules].AcceptSynthetic.
func (f FNR) Synthetic() bool { return f.info().synthetic }

// String returns the redacted form "***********", or "" for the zero FNR. It
// never contains a digit of the number.
func (f FNR) String() string {
	if f.IsZero() {
		return ""
	}
	return fnrRedacted
}

// GoString returns the redacted form for %#v: compliance.FNR{***********}.
func (f FNR) GoString() string {
	if f.IsZero() {
		return "compliance.FNR{}"
	}
	return "compliance.FNR{" + fnrRedacted + "}"
}

// Format implements [fmt.Formatter] so that every verb (%v, %+v, %s, %q, %x,
// %d, …) prints the redacted form and %#v prints [FNR.GoString].
func (f FNR) Format(s fmt.State, verb rune) { formatRedacted(s, verb, f.String(), f.GoString()) }

// LogValue implements [slog.LogValuer]: it logs the redacted form.
func (f FNR) LogValue() slog.Value { return slog.StringValue(f.String()) }

// appendDigits appends the eleven digits.
func (f FNR) appendDigits(b []byte) []byte {
	for _, v := range f.digits() {
		b = append(b, byte('0'+v))
	}
	return b
}

// MarshalJSON writes the redacted form as a JSON string, as
// [NationalIdentifier.MarshalJSON] does; MarshalText is the storage form.
func (f FNR) MarshalJSON() ([]byte, error) { return redactedJSON(f.String()), nil }

// MarshalText returns the full number as eleven digits, the storage form; the
// zero FNR marshals as empty text. It is the only method that reveals the
// number: store and transmit it as the personal data it is.
func (f FNR) MarshalText() ([]byte, error) {
	if f.IsZero() {
		return []byte{}, nil
	}
	return f.appendDigits(make([]byte, 0, 11)), nil
}

// UnmarshalText reads a stored number; empty text gives the zero FNR. It
// applies today's rules and also accepts the 2032 series
// (FNRRules{Accept2032: true}), so that every number parsed with or without
// Accept2032 reads back, as Skatteetaten asks systems to read both
// calculations side by side. Synthetic numbers do not read back: parse them
// with [ParseFNRWith].
func (f *FNR) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*f = FNR{}
		return nil
	}
	x, err := ParseFNRWith(string(b), FNRRules{Accept2032: true})
	if err != nil {
		return err
	}
	*f = x
	return nil
}
