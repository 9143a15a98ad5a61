package retention

import (
	"errors"
	"iter"
	"unicode/utf8"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Kassasjonsvedtak is the Noark 5 disposal decision, metadata element M450
// kassasjonsvedtak: what happens to a unit when its bevaringstid (M451) has
// run out. Noark 5 v5 makes three values mandatory, «Bevares», «Kasseres» and
// «Vurderes senere», with the codes B, K and G in the service interface's
// code list (arkivverket/noark5-standard, metadata catalogue;
// arkivverket/noark5-tjenestegrensesnitt-standard,
// uml-codelist-kassasjonsvedtak.puml). "Gjennomgås" is not a Noark 5 value:
// G is the code of «Vurderes senere». Some systems write V for «Vurderes
// senere»; [ParseNoarkVedtak] accepts it, and [Kassasjonsvedtak.Noark] always
// writes G.
//
// The stable codes are "bevares", "kasseres" and "vurderes-senere". The zero
// value is invalid; on a [Record] it means "inherited from the rule".
type Kassasjonsvedtak uint8

// Kassasjonsvedtak values.

// Bevares: the unit is kept for posterity and deposited with an
// arkivdepot; it is never discarded.
const Bevares Kassasjonsvedtak = 1

// Kasseres: the unit may be discarded once today's date has passed its
// kassasjonsdato (M452).
const Kasseres Kassasjonsvedtak = 2

// VurderesSenere: the unit is to be re-assessed at its kassasjonsdato;
// meant mainly for documentation of rights where the need is uncertain.
const VurderesSenere Kassasjonsvedtak = 3

var vedtaks = enum.New[Kassasjonsvedtak]("kassasjonsvedtak", "retention.kassasjonsvedtak", compliance.UnknownCode,
	"bevares", "kasseres", "vurderes-senere")

// ParseKassasjonsvedtak returns the Kassasjonsvedtak with the given stable
// code ("kasseres").
func ParseKassasjonsvedtak(s string) (Kassasjonsvedtak, error) { return vedtaks.Parse(s) }

// AllKassasjonsvedtak yields every Kassasjonsvedtak.
func AllKassasjonsvedtak() iter.Seq[Kassasjonsvedtak] { return vedtaks.All() }

// String returns the stable code.
func (k Kassasjonsvedtak) String() string { return vedtaks.String(k) }

// Key returns the i18n message key.
func (k Kassasjonsvedtak) Key() string { return vedtaks.Key(k) }

// Valid reports whether k is a known Kassasjonsvedtak.
func (k Kassasjonsvedtak) Valid() bool { return vedtaks.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k Kassasjonsvedtak) MarshalText() ([]byte, error) { return vedtaks.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kassasjonsvedtak) UnmarshalText(b []byte) error { return vedtaks.UnmarshalText(k, b) }

var (
	noarkCodes = [...]string{"", "B", "K", "G"}
	noarkNames = [...]string{"", "Bevares", "Kasseres", "Vurderes senere"}
)

// Noark returns the Noark 5 code: "B", "K" or "G" ("" for an invalid
// value).
func (k Kassasjonsvedtak) Noark() string {
	if !k.Valid() {
		return ""
	}
	return noarkCodes[k]
}

// NoarkName returns the value as Noark 5 writes it in M450: "Bevares",
// "Kasseres" or "Vurderes senere" ("" for an invalid value).
func (k Kassasjonsvedtak) NoarkName() string {
	if !k.Valid() {
		return ""
	}
	return noarkNames[k]
}

// ParseNoarkVedtak reads a kassasjonsvedtak as Noark 5 systems exchange it:
// the codes "B", "K", "G" and "V" (a variant of G seen in some systems), or
// the values "Bevares", "Kasseres" and "Vurderes senere". Case matters.
// "Gjennomgås", which is not a Noark 5 value, and anything else give a
// [*compliance.FieldError] naming the accepted set; the error never repeats
// the input.
func ParseNoarkVedtak(s string) (Kassasjonsvedtak, error) {
	if s == "V" {
		return VurderesSenere, nil
	}
	for i := 1; i < len(noarkCodes); i++ {
		if s == noarkCodes[i] || s == noarkNames[i] {
			return Kassasjonsvedtak(i), nil
		}
	}
	return 0, &compliance.FieldError{Field: "kassasjonsvedtak", Reason: compliance.ReasonUnknown,
		Vocabulary: "noark-kassasjonsvedtak",
		Accepted:   []string{"B", "K", "G", "V", "Bevares", "Kasseres", "Vurderes senere"}}
}

// MaxClass is the longest classification code, in bytes, a [Rule] or a
// [Record] may carry.
const MaxClass = 100

// ValidNoarkClass reports whether s can be a Noark class code (klasseID) or
// the key of a custom rule: 1 to [MaxClass] bytes of valid UTF-8, without
// control characters and without leading or trailing spaces. Noark 5 leaves
// the codes to each body's classification system (arkivnøkkel), so nothing
// more is checked.
func ValidNoarkClass(s string) bool {
	if s == "" || len(s) > MaxClass || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return true
	}
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}

// MaxBevaringstid is the largest bevaringstid (M451), in years, this
// package accepts; it is [compliance.MaxPeriod].
const MaxBevaringstid = compliance.MaxPeriod

// asFieldError is errors.As for *compliance.FieldError.
func asFieldError(err error, fe **compliance.FieldError) bool { return errors.As(err, fe) }
