package compliance

import (
	"iter"
	"time"

	"github.com/tillid/tillid/internal/enum"
)

// Jurisdiction is the country whose law applies to a controller: Denmark or
// Norway. It selects the national data protection act, the supervisory
// authority, the public-holiday calendar, the national identifiers and the
// time zone. The zero value is invalid.
type Jurisdiction uint8

// Jurisdictions.

const DK Jurisdiction = 1 // Denmark
const NO Jurisdiction = 2 // Norway

var jurisdictions = enum.New[Jurisdiction]("jurisdiction", "compliance.jurisdiction", UnknownCode, "dk", "no")

// ParseJurisdiction returns the Jurisdiction with the code "dk" or "no".
func ParseJurisdiction(s string) (Jurisdiction, error) { return jurisdictions.Parse(s) }

// AllJurisdictions yields DK and NO.
func AllJurisdictions() iter.Seq[Jurisdiction] { return jurisdictions.All() }

// String returns the stable code: "dk" or "no".
func (j Jurisdiction) String() string { return jurisdictions.String(j) }

// Key returns the i18n message key of the country's name.
func (j Jurisdiction) Key() string { return jurisdictions.Key(j) }

// Valid reports whether j is DK or NO.
func (j Jurisdiction) Valid() bool { return jurisdictions.Valid(j) }

// MarshalText implements [encoding.TextMarshaler].
func (j Jurisdiction) MarshalText() ([]byte, error) { return jurisdictions.MarshalText(j) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (j *Jurisdiction) UnmarshalText(b []byte) error { return jurisdictions.UnmarshalText(j, b) }

// Authority returns the name of the national supervisory authority. Both are
// called "Datatilsynet" (Art 51 GDPR; DK databeskyttelsesloven § 27; NO
// personopplysningsloven § 20); the name is the same in every language.
func (j Jurisdiction) Authority() string {
	if !j.Valid() {
		return ""
	}
	return "Datatilsynet"
}

// Law returns the national act that supplements the GDPR: the Danish
// databeskyttelsesloven (lov nr. 502 af 23/05/2018) or the Norwegian
// personopplysningsloven (LOV-2018-06-15-38).
func (j Jurisdiction) Law() Instrument {
	switch j {
	case DK:
		return DKDataProtectionAct
	case NO:
		return NOPersonalDataAct
	}
	return 0
}

// TimeZone returns the IANA name of the jurisdiction's time zone:
// "Europe/Copenhagen" or "Europe/Oslo".
func (j Jurisdiction) TimeZone() string {
	switch j {
	case DK:
		return "Europe/Copenhagen"
	case NO:
		return "Europe/Oslo"
	}
	return ""
}

// Location loads the jurisdiction's time zone. It fails when the host has no
// time-zone database: a program that runs on such a host (a scratch container,
// Windows without Go installed) imports [time/tzdata] in its main package. The
// library never imports it itself, as that package's documentation asks.
func (j Jurisdiction) Location() (*time.Location, error) {
	if !j.Valid() {
		return nil, &FieldError{Field: "jurisdiction", Reason: ReasonRequired}
	}
	return time.LoadLocation(j.TimeZone())
}
