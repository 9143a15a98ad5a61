package compliance

import (
	"iter"
	"strings"
)

// Country is a country or territory by its ISO 3166-1 alpha-2 code, upper
// case: "DK", "NO", "US". It says where a processor is established, where
// data are hosted or accessed from, and where a recipient is (Art 30(1)(e),
// Chapter V GDPR). It is a comparable value that never allocates. The zero
// value is unset.
type Country [2]byte

// isoCodes holds the 249 officially assigned ISO 3166-1 alpha-2 codes, in
// order, plus XK (Kosovo), a user-assigned code that the EU institutions use.
const isoCodes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
	"UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"

// EU member states (EU 27; the United Kingdom left on 31 January 2020),
// and the territories that are part of a member state and of the EU: Åland
// (Finland) and the outermost regions with their own ISO codes (French
// Guiana, Guadeloupe, Martinique, Réunion, Mayotte, Saint-Martin); the
// Canary Islands, the Azores and Madeira have no code of their own.
// Source: TFEU Art 349 and 355
// (https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016E355 ).
const euCodes = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE " +
	"AX GF GP MQ RE YT MF"

// The EEA EFTA states: Iceland, Liechtenstein and Norway.
const eeaEFTACodes = "IS LI NO"

var (
	countryISO  = codeSet(isoCodes)
	countryEU   = codeSet(euCodes)
	countryEFTA = codeSet(eeaEFTACodes)
)

// codeSet indexes two-letter codes in a 26×26 bit table.
func codeSet(codes string) (s [26 * 26]bool) {
	for c := range strings.FieldsSeq(codes) {
		s[int(c[0]-'A')*26+int(c[1]-'A')] = true
	}
	return s
}

func (c Country) index() int {
	if c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return -1
	}
	return int(c[0]-'A')*26 + int(c[1]-'A')
}

// ParseCountry reads an ISO 3166-1 alpha-2 code in either case. Two codes the
// EU uses in place of ISO's are normalised: "EL" (Greece) becomes "GR" and
// "UK" (the United Kingdom) becomes "GB". Anything that is not an assigned
// code is rejected, naming the field "country".
func ParseCountry(s string) (Country, error) {
	if len(s) != 2 {
		return Country{}, &FieldError{Field: "country", Reason: ReasonLength}
	}
	c := Country{upper(s[0]), upper(s[1])}
	switch c {
	case Country{'E', 'L'}:
		c = Country{'G', 'R'}
	case Country{'U', 'K'}:
		c = Country{'G', 'B'}
	}
	if !c.Valid() {
		return Country{}, &FieldError{Field: "country", Reason: ReasonUnknown}
	}
	return c, nil
}

func upper(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

// MustCountry is ParseCountry for constants in code and tests; it panics on
// an invalid code.
func MustCountry(s string) Country {
	c, err := ParseCountry(s)
	if err != nil {
		panic(err)
	}
	return c
}

// AllCountries yields every assigned code in alphabetical order.
func AllCountries() iter.Seq[Country] {
	return func(yield func(Country) bool) {
		for c := range strings.FieldsSeq(isoCodes) {
			if !yield(Country{c[0], c[1]}) {
				return
			}
		}
	}
}

// IsZero reports whether c is unset.
func (c Country) IsZero() bool { return c == Country{} }

// Valid reports whether c is an assigned code.
func (c Country) Valid() bool {
	i := c.index()
	return i >= 0 && countryISO[i]
}

// String returns the code, or "" when c is unset.
func (c Country) String() string {
	if c.IsZero() {
		return ""
	}
	return string(c[:])
}

// MarshalText returns the code; the unset Country marshals as empty text.
func (c Country) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	if !c.Valid() {
		return nil, &FieldError{Field: "country", Reason: ReasonUnknown}
	}
	return []byte{c[0], c[1]}, nil
}

// UnmarshalText reads a code as ParseCountry does; empty text gives the
// unset Country.
func (c *Country) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Country{}
		return nil
	}
	x, err := ParseCountry(string(b))
	if err != nil {
		return err
	}
	*c = x
	return nil
}

// EU reports whether c is an EU member state or a territory of one that is
// part of the EU (Åland and the outermost regions with their own codes).
// Overseas countries and territories (Greenland, French Polynesia, Aruba, …)
// are not.
func (c Country) EU() bool {
	i := c.index()
	return i >= 0 && countryEU[i]
}

// EEA reports whether c is in the European Economic Area: the EU plus
// Iceland, Liechtenstein and Norway. Switzerland is not (EFTA but not EEA);
// Greenland and the Faroe Islands are not (reference §3.11); nor is the
// United Kingdom since 2020. Svalbard and Jan Mayen (SJ) and Gibraltar (GI)
// report false and [Country.EEAUnsettled] true.
func (c Country) EEA() bool {
	i := c.index()
	return i >= 0 && (countryEU[i] || countryEFTA[i])
}

// EEAUnsettled reports whether the sources tillid relies on do not settle
// whether EEA rules cover c: Svalbard and Jan Mayen (SJ) and Gibraltar (GI),
// whose coverage by the EEA Agreement (Art 126,
// https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:21994A0103(01) )
// tillid has not verified. Rules should ask for a human assessment instead
// of deciding either way.
func (c Country) EEAUnsettled() bool {
	return c == Country{'S', 'J'} || c == Country{'G', 'I'}
}
