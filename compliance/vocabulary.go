package compliance

import (
	"iter"

	"github.com/tillid/tillid/internal/enum"
)

// Principle is a principle relating to processing of personal data
// (Art 5 GDPR). Findings are grouped by the principle they concern. The zero
// value is invalid.
type Principle uint8

// Principles, in the order of Art 5.

const Lawfulness Principle = 1               // Art 5(1)(a): lawfulness, fairness and transparency
const PurposeLimitation Principle = 2        // Art 5(1)(b)
const DataMinimisation Principle = 3         // Art 5(1)(c)
const Accuracy Principle = 4                 // Art 5(1)(d)
const StorageLimitation Principle = 5        // Art 5(1)(e)
const IntegrityConfidentiality Principle = 6 // Art 5(1)(f): integrity and confidentiality
const Accountability Principle = 7           // Art 5(2)

var principles = enum.New[Principle]("principle", "compliance.principle", UnknownCode,
	"lawfulness", "purpose-limitation", "data-minimisation", "accuracy",
	"storage-limitation", "integrity-confidentiality", "accountability")

// ParsePrinciple returns the Principle with the given code.
func ParsePrinciple(s string) (Principle, error) { return principles.Parse(s) }

// AllPrinciples yields every Principle in the order of Art 5.
func AllPrinciples() iter.Seq[Principle] { return principles.All() }

// String returns the stable code.
func (p Principle) String() string { return principles.String(p) }

// Key returns the i18n message key.
func (p Principle) Key() string { return principles.Key(p) }

// Valid reports whether p is a known Principle.
func (p Principle) Valid() bool { return principles.Valid(p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Principle) MarshalText() ([]byte, error) { return principles.MarshalText(p) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *Principle) UnmarshalText(b []byte) error { return principles.UnmarshalText(p, b) }

// Ref returns the provision that states the principle.
func (p Principle) Ref() Ref {
	if p == Accountability {
		return GDPR(5, 2, "")
	}
	if !p.Valid() {
		return Ref{}
	}
	return GDPR(5, 1, string(rune('a'+p-Lawfulness)))
}

// LegalBasis is a lawful basis for processing (Art 6(1) GDPR). The zero value
// is invalid.
type LegalBasis uint8

// Legal bases, in the order of Art 6(1).

const Consent LegalBasis = 1             // Art 6(1)(a)
const Contract LegalBasis = 2            // Art 6(1)(b)
const LegalObligation LegalBasis = 3     // Art 6(1)(c)
const VitalInterests LegalBasis = 4      // Art 6(1)(d)
const PublicTask LegalBasis = 5          // Art 6(1)(e): public interest or official authority
const LegitimateInterests LegalBasis = 6 // Art 6(1)(f)

var legalBases = enum.New[LegalBasis]("legal-basis", "compliance.legal-basis", UnknownCode,
	"consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests")

// ParseLegalBasis returns the LegalBasis with the given code.
func ParseLegalBasis(s string) (LegalBasis, error) { return legalBases.Parse(s) }

// AllLegalBases yields every LegalBasis in the order of Art 6(1).
func AllLegalBases() iter.Seq[LegalBasis] { return legalBases.All() }

// String returns the stable code.
func (b LegalBasis) String() string { return legalBases.String(b) }

// Key returns the i18n message key.
func (b LegalBasis) Key() string { return legalBases.Key(b) }

// Valid reports whether b is a known LegalBasis.
func (b LegalBasis) Valid() bool { return legalBases.Valid(b) }

// MarshalText implements [encoding.TextMarshaler].
func (b LegalBasis) MarshalText() ([]byte, error) { return legalBases.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *LegalBasis) UnmarshalText(t []byte) error { return legalBases.UnmarshalText(b, t) }

// Ref returns the point of Art 6(1) that states the basis.
func (b LegalBasis) Ref() Ref {
	if !b.Valid() {
		return Ref{}
	}
	return GDPR(6, 1, string(rune('a'+b-Consent)))
}

// NeedsNationalBasis reports whether Art 6(3) requires the basis to be laid
// down by Union or Member State law: legal obligation (c) and public task
// (e).
func (b LegalBasis) NeedsNationalBasis() bool { return b == LegalObligation || b == PublicTask }

// SpecialCondition is a condition of Art 9(2) GDPR that lifts the ban on
// processing special categories of personal data. The zero value is invalid.
type SpecialCondition uint8

// Special conditions, in the order of Art 9(2).

const ExplicitConsent SpecialCondition = 1           // Art 9(2)(a)
const EmploymentSocialSecurity SpecialCondition = 2  // Art 9(2)(b): employment, social security and social protection law
const VitalInterestsIncapable SpecialCondition = 3   // Art 9(2)(c): vital interests where the subject cannot consent
const NonProfitBody SpecialCondition = 4             // Art 9(2)(d): foundation, association or other not-for-profit body
const MadePublic SpecialCondition = 5                // Art 9(2)(e): manifestly made public by the data subject
const LegalClaims SpecialCondition = 6               // Art 9(2)(f): legal claims or courts acting in their judicial capacity
const SubstantialPublicInterest SpecialCondition = 7 // Art 9(2)(g)
const HealthSocialCare SpecialCondition = 8          // Art 9(2)(h): preventive or occupational medicine, health or social care
const PublicHealth SpecialCondition = 9              // Art 9(2)(i)
const ArchivingResearch SpecialCondition = 10        // Art 9(2)(j): archiving in the public interest, research, statistics

var specialConditions = enum.New[SpecialCondition]("special-condition", "compliance.special-condition", UnknownCode,
	"explicit-consent", "employment-social-security", "vital-interests", "non-profit-body",
	"made-public", "legal-claims", "substantial-public-interest", "health-social-care",
	"public-health", "archiving-research")

// ParseSpecialCondition returns the SpecialCondition with the given code.
func ParseSpecialCondition(s string) (SpecialCondition, error) { return specialConditions.Parse(s) }

// AllSpecialConditions yields every SpecialCondition in the order of Art 9(2).
func AllSpecialConditions() iter.Seq[SpecialCondition] { return specialConditions.All() }

// String returns the stable code.
func (c SpecialCondition) String() string { return specialConditions.String(c) }

// Key returns the i18n message key.
func (c SpecialCondition) Key() string { return specialConditions.Key(c) }

// Valid reports whether c is a known SpecialCondition.
func (c SpecialCondition) Valid() bool { return specialConditions.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c SpecialCondition) MarshalText() ([]byte, error) { return specialConditions.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *SpecialCondition) UnmarshalText(b []byte) error {
	return specialConditions.UnmarshalText(c, b)
}

// Ref returns the point of Art 9(2) that states the condition.
func (c SpecialCondition) Ref() Ref {
	if !c.Valid() {
		return Ref{}
	}
	return GDPR(9, 2, string(rune('a'+c-ExplicitConsent)))
}

// Severity grades a [Finding]. Severities are ordered: Info < Warning <
// Violation. The zero value is invalid.
type Severity uint8

// Severities.

// Info records a fact or a reminder; nothing needs to change.
const Info Severity = 1

// Warning asks for an assessment or an action: a deadline is near, a
// fact is missing, a risk must be weighed.
const Warning Severity = 2

// Violation reports a breach of a rule: the processing, share or
// omission is unlawful as recorded.
const Violation Severity = 3

var severities = enum.New[Severity]("severity", "compliance.severity", UnknownCode,
	"info", "warning", "violation")

// ParseSeverity returns the Severity with the given code.
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// AllSeverities yields every Severity in increasing order.
func AllSeverities() iter.Seq[Severity] { return severities.All() }

// String returns the stable code.
func (s Severity) String() string { return severities.String(s) }

// Key returns the i18n message key.
func (s Severity) Key() string { return severities.Key(s) }

// Valid reports whether s is a known Severity.
func (s Severity) Valid() bool { return severities.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) { return severities.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error { return severities.UnmarshalText(s, b) }
