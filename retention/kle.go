package retention

import (
	"iter"
	"slices"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
	"github.com/tillid/tillid/internal/kle"
)

// KLENumber is a number of KL's Emnesystematik (KLE): a hovedgruppe "NN", a
// gruppe "NN.NN" or an emne "NN.NN.NN", as the KLE-XML schema 2.0 patterns
// HovedgruppeNr "[0-9][0-9]", GruppeNr "[0-9][0-9][.][0-9][0-9]" and EmneNr
// "[0-9][0-9][.][0-9][0-9][.][0-9][0-9]" define them (KLE-Emneplan-version-2-0.xsd,
// dated 2011-02-15, as published in OpenESDH/openesdh-core). "00.01.00" is
// the emne "Kommunens styrelse i almindelighed" in the gruppe "00.01" of
// hovedgruppe "00"; a final ".00" marks "… i almindelighed".
//
// KLENumber is a comparable value; the zero value is no number.
type KLENumber struct {
	n     uint32 // hovedgruppe*10000 + gruppe*100 + emne
	depth uint8  // 1 hovedgruppe, 2 gruppe, 3 emne
}

// Depths of a [KLENumber].
const (
	DepthHovedgruppe = 1 // "NN"
	DepthGruppe      = 2 // "NN.NN"
	DepthEmne        = 3 // "NN.NN.NN"
)

// ParseKLE reads a KLE hovedgruppe, gruppe or emne number. Anything but two
// digits, optionally followed by one or two groups of a full stop and two
// digits, is rejected with a [*compliance.FieldError] for the field "kle"
// ([compliance.ReasonFormat]); the error never repeats the input.
func ParseKLE(s string) (KLENumber, error) {
	k, ok := parseKLE(s)
	if !ok {
		return KLENumber{}, &compliance.FieldError{Field: "kle", Reason: compliance.ReasonFormat}
	}
	return k, nil
}

// parseKLE is ParseKLE without the error value, for the hot path.
func parseKLE(s string) (KLENumber, bool) {
	n, depth, ok := kle.Number(s)
	if !ok {
		return KLENumber{}, false
	}
	return KLENumber{n: n, depth: depth}, true
}

// MustKLE is ParseKLE for constants and tests; it panics on a bad number.
func MustKLE(s string) KLENumber {
	k, err := ParseKLE(s)
	if err != nil {
		panic("retention: MustKLE: " + err.Error())
	}
	return k
}

// IsZero reports whether k is the zero KLENumber.
func (k KLENumber) IsZero() bool { return k.depth == 0 }

// Depth returns [DepthHovedgruppe], [DepthGruppe] or [DepthEmne], or 0 for
// the zero KLENumber.
func (k KLENumber) Depth() int { return int(k.depth) }

// Hovedgruppe returns the hovedgruppe k belongs to ("25" for "25.02.00").
func (k KLENumber) Hovedgruppe() KLENumber {
	if k.depth == 0 {
		return KLENumber{}
	}
	return KLENumber{n: k.n / 10000 * 10000, depth: DepthHovedgruppe}
}

// Gruppe returns the gruppe k belongs to ("25.02" for "25.02.00"), or the
// zero KLENumber when k is a hovedgruppe.
func (k KLENumber) Gruppe() KLENumber {
	if k.depth < DepthGruppe {
		return KLENumber{}
	}
	return KLENumber{n: k.n / 100 * 100, depth: DepthGruppe}
}

// parent returns the number one level up, or the zero KLENumber for a
// hovedgruppe.
func (k KLENumber) parent() KLENumber {
	switch k.depth {
	case DepthEmne:
		return k.Gruppe()
	case DepthGruppe:
		return k.Hovedgruppe()
	}
	return KLENumber{}
}

// String returns the number in KLE's form: "25", "25.02" or "25.02.00".
func (k KLENumber) String() string {
	if k.depth == 0 {
		return ""
	}
	var b [8]byte
	n := k.n
	parts := [3]uint32{n / 10000, n / 100 % 100, n % 100}
	j := 0
	for i := 0; i < int(k.depth); i++ {
		if i > 0 {
			b[j] = '.'
			j++
		}
		b[j], b[j+1] = byte('0'+parts[i]/10), byte('0'+parts[i]%10)
		j += 2
	}
	return string(b[:j])
}

// MarshalText returns the KLE form; the zero KLENumber marshals as empty
// text.
func (k KLENumber) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads the KLE form; empty text gives the zero KLENumber.
func (k *KLENumber) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = KLENumber{}
		return nil
	}
	x, err := ParseKLE(string(b))
	if err != nil {
		return err
	}
	*k = x
	return nil
}

// facetLetters are the seven categories of KLE's handlingsfacetter, in the
// order of the schema's HandlingsfacetNr pattern
// "A[0-9][0-9]|P[0-9][0-9]|S[0-9][0-9]|Ø[0-9][0-9]|G[0-9][0-9]|K[0-9][0-9]|I[0-9][0-9]"
// (KLE-Handlingsfacetter-version-2-0.xsd). B is not a category.
var facetLetters = kle.Letters

// Facet is a KLE handlingsfacet: a category letter (A, P, S, Ø, G, K or I)
// followed by two digits, such as "A00" ("Organisering mv. i
// almindelighed") or "G01" ("Generelle sager"). The titles of the
// categories other than A ("Organisering mv.") are not confirmed by the
// sources this package was built from, so Facet carries no names.
//
// Facet is a comparable value; the zero value is no facet.
type Facet struct {
	cat uint8 // 1 + index into facetLetters
	n   uint8 // 0..99
}

// ParseFacet reads a KLE handlingsfacet number. Anything else — another
// letter (B01), a lower-case letter, one digit (A0) or three — is rejected
// with a [*compliance.FieldError] for the field "facet"
// ([compliance.ReasonFormat]); the error never repeats the input.
func ParseFacet(s string) (Facet, error) {
	f, ok := parseFacet(s)
	if !ok {
		return Facet{}, &compliance.FieldError{Field: "facet", Reason: compliance.ReasonFormat}
	}
	return f, nil
}

func parseFacet(s string) (Facet, bool) {
	cat, n, ok := kle.Facet(s)
	if !ok {
		return Facet{}, false
	}
	return Facet{cat: cat, n: n}, true
}

// MustFacet is ParseFacet for constants and tests; it panics on a bad
// facet.
func MustFacet(s string) Facet {
	f, err := ParseFacet(s)
	if err != nil {
		panic("retention: MustFacet: " + err.Error())
	}
	return f
}

// IsZero reports whether f is the zero Facet.
func (f Facet) IsZero() bool { return f.cat == 0 }

// Category returns the category letter: "A", "P", "S", "Ø", "G", "K" or
// "I", or "" for the zero Facet.
func (f Facet) Category() string {
	if f.cat == 0 || int(f.cat) > len(facetLetters) {
		return ""
	}
	return facetLetters[f.cat-1]
}

// String returns the facet number: "G01".
func (f Facet) String() string {
	c := f.Category()
	if c == "" {
		return ""
	}
	return c + string([]byte{'0' + f.n/10, '0' + f.n%10})
}

// MarshalText returns the facet number; the zero Facet marshals as empty
// text.
func (f Facet) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText reads a facet number; empty text gives the zero Facet.
func (f *Facet) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*f = Facet{}
		return nil
	}
	x, err := ParseFacet(string(b))
	if err != nil {
		return err
	}
	*f = x
	return nil
}

// Bevaring is KLE's BevaringJaevnfoerArkivloven: what the municipal rules on
// keeping and discarding records (bevarings- og kassationsbestemmelser,
// issued by Statens Arkiver, now Rigsarkivet) say about the cases of a KLE
// emne. The KLE-XML schema 2.0 allows exactly "K", "K5", "K10", "B" and
// "tom" and explains them: K for kassation, K5 for kassation five years
// after the case was closed, K10 for ten years, B for keeping for posterity;
// "tom" marks emner withdrawn before 2007 without a code. The schema adds
// that the periods are guidance only ("Fristerne er alene vejledende") and
// that cases are to be kept as long as there is a legal or administrative
// need for them.
//
// The stable codes are lower case ("k5"); [ParseKLEBevaring] and
// [Bevaring.KLE] read and write KLE's own spelling. The zero value is
// invalid.
type Bevaring uint8

// Bevaring codes.

// BevaringK is "K": the cases may be discarded (kassation).
const BevaringK Bevaring = 1

// BevaringK5 is "K5": kassation five years after the case was closed.
const BevaringK5 Bevaring = 2

// BevaringK10 is "K10": kassation ten years after the case was closed.
const BevaringK10 Bevaring = 3

// BevaringB is "B": the cases are kept for posterity (bevaring) and
// transferred to the public archive.
const BevaringB Bevaring = 4

// BevaringTom is "tom": an emne withdrawn before 2007 without a code.
const BevaringTom Bevaring = 5

var bevarings = enum.New[Bevaring]("bevaring", "retention.bevaring", compliance.UnknownCode,
	"k", "k5", "k10", "b", "tom")

// ParseBevaring returns the Bevaring with the given stable code ("k5").
func ParseBevaring(s string) (Bevaring, error) { return bevarings.Parse(s) }

// AllBevarings yields every Bevaring.
func AllBevarings() iter.Seq[Bevaring] { return bevarings.All() }

// String returns the stable code.
func (b Bevaring) String() string { return bevarings.String(b) }

// Key returns the i18n message key.
func (b Bevaring) Key() string { return bevarings.Key(b) }

// Valid reports whether b is a known Bevaring.
func (b Bevaring) Valid() bool { return bevarings.Valid(b) }

// MarshalText implements [encoding.TextMarshaler].
func (b Bevaring) MarshalText() ([]byte, error) { return bevarings.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Bevaring) UnmarshalText(t []byte) error { return bevarings.UnmarshalText(b, t) }

var kleBevaring = [...]string{"", "K", "K5", "K10", "B", "tom"}

// KLE returns the code as KLE writes it: "K", "K5", "K10", "B" or "tom";
// "" for an invalid value.
func (b Bevaring) KLE() string {
	if !b.Valid() {
		return ""
	}
	return kleBevaring[b]
}

// ParseKLEBevaring reads the BevaringJaevnfoerArkivloven element as KLE
// writes it: exactly "K", "K5", "K10", "B" or "tom" (the schema's pattern;
// case matters). Anything else gives a [*compliance.FieldError] naming the
// accepted set.
func ParseKLEBevaring(s string) (Bevaring, error) {
	for i := 1; i < len(kleBevaring); i++ {
		if s == kleBevaring[i] {
			return Bevaring(i), nil
		}
	}
	return 0, &compliance.FieldError{Field: "bevaring", Reason: compliance.ReasonUnknown,
		Vocabulary: "kle-bevaring", Accepted: slices.Clone(kleBevaring[1:])}
}

// kassationYears returns the number of years after closure from which K5
// and K10 allow kassation, or 0.
func (b Bevaring) kassationYears() int {
	switch b {
	case BevaringK5:
		return 5
	case BevaringK10:
		return 10
	}
	return 0
}

// ParseKLEDuration reads KLE's SletningJaevnfoerPersondataloven, an
// xs:duration counted from the closing of the case, into a Period. KLE
// writes five years as "P1825D" (the schema's own example); one component
// in years, months or days is accepted ("P1825D", "P5Y", "P6M"). Combined
// durations ("P1Y6M"), time parts, fractions and signs are rejected with a
// [*compliance.FieldError] for the field "deletion", because a legal period
// is a whole number of one unit (see [compliance.Period]).
//
// A period of days is kept in days: 1825 days is not five calendar years,
// since a leap day falls in most five-year spans (closed 2025-03-15, 1825
// days end on 2030-03-14, five years on 2030-03-15).
func ParseKLEDuration(s string) (compliance.Period, error) {
	p, err := compliance.ParsePeriod(s)
	if err != nil {
		var fe *compliance.FieldError
		reason := compliance.ReasonFormat
		if asFieldError(err, &fe) {
			reason = fe.Reason
		}
		return compliance.Period{}, &compliance.FieldError{Field: "deletion", Reason: reason}
	}
	switch p.Unit {
	case compliance.UnitDays, compliance.UnitMonths, compliance.UnitYears:
		return p, nil
	}
	return compliance.Period{}, &compliance.FieldError{Field: "deletion", Reason: compliance.ReasonFormat}
}
