package processor

import (
	"iter"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/enum"
)

// IdentityScheme names a system outside tillid that identifies processors,
// so that an integration can find a processor by the identity it knows. The
// zero value is invalid.
type IdentityScheme uint8

// IdentityScheme values.

// KITOS is the Danish municipal IT-system and contract catalogue run by
// OS2 (kitos.dk); its identities are UUIDs.
const KITOS IdentityScheme = 1

// OS2compliance is the OS2 compliance tool (os2compliance) in which
// kommuner keep their processor agreements and supervision.
const OS2compliance IdentityScheme = 2

// Local is the kommune's own contract or supplier system: the host
// decides the form of the identity.
const Local IdentityScheme = 3

var identitySchemes = enum.New[IdentityScheme]("scheme", "processor.scheme", compliance.UnknownCode,
	"kitos", "os2compliance", "local")

// ParseIdentityScheme returns the IdentityScheme with the given code.
func ParseIdentityScheme(s string) (IdentityScheme, error) { return identitySchemes.Parse(s) }

// AllIdentitySchemes yields every IdentityScheme in numeric order.
func AllIdentitySchemes() iter.Seq[IdentityScheme] { return identitySchemes.All() }

// String returns the stable code.
func (s IdentityScheme) String() string { return identitySchemes.String(s) }

// Key returns the i18n message key.
func (s IdentityScheme) Key() string { return identitySchemes.Key(s) }

// Valid reports whether s is a known IdentityScheme.
func (s IdentityScheme) Valid() bool { return identitySchemes.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s IdentityScheme) MarshalText() ([]byte, error) { return identitySchemes.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *IdentityScheme) UnmarshalText(b []byte) error { return identitySchemes.UnmarshalText(s, b) }

// maxExternalID bounds an external identity's length.
const maxExternalID = 100

// ExternalID is a processor's identity in another system: its KITOS UUID,
// its ID in OS2compliance or in the kommune's own contract system. It is
// not personal data (it names a legal person's record).
type ExternalID struct {
	// Scheme is the system that issued the identity.
	Scheme IdentityScheme `json:"scheme"`
	// ID is the identity within the scheme: non-empty, at most 100 bytes,
	// without control characters; a KITOS identity is a UUID, kept in its
	// canonical lower-case form.
	ID string `json:"id"`
}

// Validate reports every problem with the identity: a known scheme and a
// well-formed ID.
func (e ExternalID) Validate() error {
	var v compliance.Validation
	v.Require("scheme", e.Scheme.Valid())
	switch {
	case strings.TrimSpace(e.ID) == "":
		v.Add("id", compliance.ReasonRequired)
	case len(e.ID) > maxExternalID:
		v.Add("id", compliance.ReasonTooLong)
	case strings.ContainsFunc(e.ID, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x2028 || r == 0x2029 }):
		v.Add("id", compliance.ReasonFormat)
	case e.Scheme == KITOS && !isCanonicalUUID(e.ID):
		v.Add("id", compliance.ReasonFormat)
	}
	return v.Err("externalID")
}

// isCanonicalUUID reports whether s is a UUID in its canonical lower-case,
// hyphenated form (uuid.Parse also accepts braces, URNs and upper case; a
// look-up must see one spelling).
func isCanonicalUUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && len(s) == 36 && u.String() == s
}

// String returns "scheme:id".
func (e ExternalID) String() string { return e.Scheme.String() + ":" + e.ID }

// NormalizeExternalID returns e with a KITOS UUID in its canonical
// lower-case form, so that an integration that receives "{9F…}" or upper
// case from another system finds the record. Other schemes are returned
// unchanged: their form belongs to the issuing system.
func NormalizeExternalID(e ExternalID) ExternalID {
	if e.Scheme == KITOS {
		if u, err := uuid.Parse(strings.TrimSpace(e.ID)); err == nil {
			e.ID = u.String()
		}
	}
	return e
}

func checkExternalIDs(v *compliance.Validation, path string, es []ExternalID) {
	checkList(v, path, len(es))
	seen := make(map[IdentityScheme]bool, len(es))
	for i, e := range es {
		p := path + "[" + strconv.Itoa(i) + "]"
		v.Check(p, e.Validate())
		if e.Scheme.Valid() && seen[e.Scheme] {
			v.Add(p+".scheme", compliance.ReasonDuplicate)
		}
		seen[e.Scheme] = true
	}
}

// Key names one processor for [Snapshot.Lookup] by one of its identities:
// tillid's own ID, its CVR number, its organisasjonsnummer, or an identity
// in another system. Make one with [KeyID], [KeyCVR], [KeyOrgNr] or
// [KeyExternal], or read one with [ParseKey]; the zero Key finds nothing.
// Keys are comparable values, usable as map keys. They name legal persons'
// records, never people.
type Key struct {
	kind keyKind
	id   compliance.ProcessorID // keyID
	s    string                 // the CVR or orgnr digits, or "scheme:id"
}

type keyKind uint8

const (
	keyNone keyKind = iota
	keyID
	keyCVR
	keyOrgNr
	keyExternal
)

// KeyID returns the key of the processor with tillid's ID id.
func KeyID(id compliance.ProcessorID) Key { return Key{kind: keyID, id: id} }

// KeyCVR returns the key of the processor with Danish CVR number c.
func KeyCVR(c ident.CVR) Key {
	if c.IsZero() {
		return Key{}
	}
	return Key{kind: keyCVR, s: c.String()}
}

// KeyOrgNr returns the key of the processor with Norwegian
// organisasjonsnummer o.
func KeyOrgNr(o ident.OrgNr) Key {
	if o.IsZero() {
		return Key{}
	}
	return Key{kind: keyOrgNr, s: o.String()}
}

// KeyExternal returns the key of the processor with external identity e
// (normalised as [NormalizeExternalID] does).
func KeyExternal(e ExternalID) Key {
	e = NormalizeExternalID(e)
	if !e.Scheme.Valid() || e.ID == "" {
		return Key{}
	}
	return Key{kind: keyExternal, s: e.String()}
}

// IsZero reports whether k is the zero Key.
func (k Key) IsZero() bool { return k.kind == keyNone }

// String returns the key as "id:…", "cvr:…", "orgnr:…" or "scheme:id" (as
// [ParseKey] reads it); "" for the zero Key.
func (k Key) String() string {
	switch k.kind {
	case keyID:
		return "id:" + k.id.String()
	case keyCVR:
		return "cvr:" + k.s
	case keyOrgNr:
		return "orgnr:" + k.s
	case keyExternal:
		return k.s
	}
	return ""
}

// ParseKey reads a key in the form [Key.String] writes: "id:<uuid>",
// "cvr:<8 digits>", "orgnr:<9 digits>" or "<scheme>:<id>" with a scheme
// code of [IdentityScheme] ("kitos:<uuid>"). Its errors never contain the
// input.
func ParseKey(s string) (Key, error) {
	bad := &compliance.FieldError{Field: "key", Reason: compliance.ReasonFormat}
	if len(s) > maxExternalID+20 {
		return Key{}, &compliance.FieldError{Field: "key", Reason: compliance.ReasonTooLong}
	}
	kind, val, ok := strings.Cut(s, ":")
	if !ok || val == "" {
		return Key{}, bad
	}
	switch kind {
	case "id":
		u, err := uuid.Parse(val)
		if err != nil {
			return Key{}, bad
		}
		return KeyID(compliance.ProcessorID{UUID: u}), nil
	case "cvr":
		c, err := ident.ParseCVR(val)
		if err != nil {
			return Key{}, bad
		}
		return KeyCVR(c), nil
	case "orgnr":
		o, err := ident.ParseOrgNr(val)
		if err != nil {
			return Key{}, bad
		}
		return KeyOrgNr(o), nil
	}
	sc, err := ParseIdentityScheme(kind)
	if err != nil {
		return Key{}, &compliance.FieldError{Field: "key", Reason: compliance.ReasonUnknown,
			Accepted: append([]string{"id", "cvr", "orgnr"}, identitySchemes.Codes()...)}
	}
	e := NormalizeExternalID(ExternalID{Scheme: sc, ID: val})
	if err := e.Validate(); err != nil {
		return Key{}, bad
	}
	return KeyExternal(e), nil
}

// keysOf returns the look-up keys of p other than its ID.
func keysOf(p *Processor) []Key {
	var ks []Key
	if !p.CVR.IsZero() {
		ks = append(ks, KeyCVR(p.CVR))
	}
	if !p.OrgNr.IsZero() {
		ks = append(ks, KeyOrgNr(p.OrgNr))
	}
	for _, e := range p.ExternalIDs {
		if k := KeyExternal(e); !k.IsZero() {
			ks = append(ks, k)
		}
	}
	return ks
}
