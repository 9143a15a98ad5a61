package breach

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// RiskFactors are the factors of risk that WP250 rev.01 (section IV.B,
// "Factors to consider when assessing risk") and EDPB Guidelines 01/2021
// name and that the other facts of a [Breach] do not already carry: the
// special characteristics of the individuals, identifiers that open the
// door to identity theft or fraud, and the caseworker's judgement of how
// likely and how severe and permanent the consequences are. Every field is
// optional; the zero value records nothing, and where the [Policy] needs a
// fact to show that a breach is unlikely to result in a risk and it is not
// recorded, the breach is taken to result in one (Recital 85: the burden is
// the controller's).
//
// The other factors are facts of the Breach itself: the type of breach
// ([Breach.Nature]); the nature, sensitivity and volume of the data
// ([Breach.Data], [Breach.RecordCount], ENISA's [Adjustment]s); ease of
// identification ([Factors.Identifiability]); the number of people
// ([Breach.SubjectCount]); children and vulnerable persons
// ([Breach.Subjects]); deliberate exfiltration by an insider
// ([Breach.Cause] Insider with [Breach.Malicious]); and how long data were
// unavailable and what depended on them ([Breach.Occurred],
// [Breach.Restored], [Breach.Impact]). The special characteristics of the
// controller — a public authority holding confidential data about citizens
// who cannot opt out — belong to the [Policy] (PrivateController).
type RiskFactors struct {
	// ProtectedAddress records that the breach disclosed, or may have
	// disclosed, where a person with name and address protection lives:
	// "navne- og adressebeskyttelse" (Danish CPR-loven § 28), "strengt
	// fortrolig adresse" or "fortrolig adresse" (Norwegian
	// folkeregisterloven § 10-4). Datatilsynet DK proposed fines for
	// Vejle Kommune (16 June 2021) and Hvidovre Kommune (22 January 2024)
	// whose dental services sent such addresses to the other parent.
	ProtectedAddress bool `json:"protectedAddress,omitzero"`
	// Credentials records that user names with passwords, or other
	// credentials that give access to accounts or services, were exposed
	// unprotected (EDPB 01/2021 cases 06 and 07; ENISA scores credentials
	// as the data they give access to).
	Credentials bool `json:"credentials,omitzero"`
	// PaymentData records that bank account or card details that can be
	// used for payment were exposed (WP250 rev.01, section IV.B: financial
	// data; ENISA: "full card data enabling payment").
	PaymentData bool `json:"paymentData,omitzero"`
	// Likelihood is the caseworker's judgement of how likely the breach is
	// to have consequences for the data subjects; unset means not judged.
	Likelihood Likelihood `json:"likelihood,omitzero"`
	// Gravity is the caseworker's judgement of how severe the possible
	// consequences are; unset means not judged.
	Gravity Gravity `json:"gravity,omitzero"`
	// Irreversible records that the consequences cannot be undone (WP250
	// rev.01, section IV.B: "permanence of consequences").
	Irreversible bool `json:"irreversible,omitzero"`
	// Withheld is the ground on which national law lets the kommune
	// refrain from communicating the breach to the data subjects (Art
	// 23 GDPR; in Denmark databeskyttelsesloven § 22); unset means none is
	// invoked.
	Withheld Withholding `json:"withheld,omitzero"`
}

// IsZero reports whether no factor is recorded.
func (f RiskFactors) IsZero() bool { return f == RiskFactors{} }

// Likelihood is how likely a breach is to have consequences for the data
// subjects. Datatilsynet DK's guidance on communicating a breach to the data
// subjects says to tell them when consequences are certain or almost
// certain ("helt sikkert eller næsten helt sikkert"). The zero value is not
// judged.
type Likelihood uint8

// Likelihoods, in increasing order.

// Remote: consequences are very unlikely.
const Remote Likelihood = 1

// Possible: consequences may follow.
const Possible Likelihood = 2

// Probable: consequences are more likely than not.
const Probable Likelihood = 3

// Certain: consequences are certain or almost certain.
const Certain Likelihood = 4

var likelihoods = enum.New[Likelihood]("likelihood", "breach.likelihood", compliance.UnknownCode,
	"remote", "possible", "probable", "certain")

// ParseLikelihood returns the Likelihood with the given code.
func ParseLikelihood(s string) (Likelihood, error) { return likelihoods.Parse(s) }

// AllLikelihoods yields every Likelihood in increasing order.
func AllLikelihoods() iter.Seq[Likelihood] { return likelihoods.All() }

// String returns the stable code.
func (l Likelihood) String() string { return likelihoods.String(l) }

// Key returns the i18n message key.
func (l Likelihood) Key() string { return likelihoods.Key(l) }

// Valid reports whether l is a known Likelihood.
func (l Likelihood) Valid() bool { return likelihoods.Valid(l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Likelihood) MarshalText() ([]byte, error) { return likelihoods.MarshalText(l) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (l *Likelihood) UnmarshalText(b []byte) error { return likelihoods.UnmarshalText(l, b) }

// Gravity is how severe the possible consequences of a breach are, in the
// terms of ENISA's severity levels (2013) and Recital 75 GDPR. Datatilsynet
// DK tells controllers to communicate a breach whose possible consequences
// are very serious, however small their probability. The zero value is not
// judged.
type Gravity uint8

// Gravities, in increasing order.

// Slight: inconveniences overcome without difficulty.
const Slight Gravity = 1

// Substantial: significant inconveniences overcome with some
// difficulty — extra costs, stress, loss of access to a service.
const Substantial Gravity = 2

// Serious: significant consequences overcome only with serious
// difficulty — misappropriated funds, loss of work, worsened health.
const Serious Gravity = 3

// VerySerious: significant or irreversible consequences — danger to a
// person's life or safety, substantial debt, long-term ill health.
const VerySerious Gravity = 4

var gravities = enum.New[Gravity]("gravity", "breach.gravity", compliance.UnknownCode,
	"slight", "substantial", "serious", "very-serious")

// ParseGravity returns the Gravity with the given code.
func ParseGravity(s string) (Gravity, error) { return gravities.Parse(s) }

// AllGravities yields every Gravity in increasing order.
func AllGravities() iter.Seq[Gravity] { return gravities.All() }

// String returns the stable code.
func (g Gravity) String() string { return gravities.String(g) }

// Key returns the i18n message key.
func (g Gravity) Key() string { return gravities.Key(g) }

// Valid reports whether g is a known Gravity.
func (g Gravity) Valid() bool { return gravities.Valid(g) }

// MarshalText implements [encoding.TextMarshaler].
func (g Gravity) MarshalText() ([]byte, error) { return gravities.MarshalText(g) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *Gravity) UnmarshalText(b []byte) error { return gravities.UnmarshalText(g, b) }

// Withholding is a ground in national law on which a controller may refrain
// from communicating a breach to the data subjects (a restriction of Art 34
// under Art 23 GDPR). The zero value is none.
//
// Denmark: databeskyttelsesloven § 22, stk. 1 (the data subject's interest
// must yield to decisive private interests, including the person's own) and
// stk. 2 (decisive public interests, such as national security, defence,
// public security, the prevention and prosecution of crime). Norway: no
// restriction of Art 34 was found in personopplysningsloven; whether one
// applies is left open, and the [Policy] does not apply a Norwegian
// withholding unless NorwegianWithholding is set.
type Withholding uint8

// Withholdings.

// PrivateInterests: decisive private interests, including the data
// subject's own (DK databeskyttelsesloven § 22, stk. 1).
const PrivateInterests Withholding = 1

// PublicInterests: decisive public interests (DK databeskyttelsesloven
// § 22, stk. 2).
const PublicInterests Withholding = 2

var withholdings = enum.New[Withholding]("withholding", "breach.withholding", compliance.UnknownCode,
	"private-interests", "public-interests")

// ParseWithholding returns the Withholding with the given code.
func ParseWithholding(s string) (Withholding, error) { return withholdings.Parse(s) }

// AllWithholdings yields every Withholding.
func AllWithholdings() iter.Seq[Withholding] { return withholdings.All() }

// String returns the stable code.
func (w Withholding) String() string { return withholdings.String(w) }

// Key returns the i18n message key.
func (w Withholding) Key() string { return withholdings.Key(w) }

// Valid reports whether w is a known Withholding.
func (w Withholding) Valid() bool { return withholdings.Valid(w) }

// MarshalText implements [encoding.TextMarshaler].
func (w Withholding) MarshalText() ([]byte, error) { return withholdings.MarshalText(w) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (w *Withholding) UnmarshalText(b []byte) error { return withholdings.UnmarshalText(w, b) }

// Fact is a fact that the rules need to show that a breach is unlikely to
// result in a risk; when one is not recorded the breach is taken to result
// in a risk, and the finding [CodeFactMissing] names it (Art 33(1) and
// Recital 85: the controller must be able to demonstrate it).
type Fact uint8

// Facts.

// FactNature: which of confidentiality, integrity and availability
// were breached.
const FactNature Fact = 1

// FactSubjectCount: how many people are affected.
const FactSubjectCount Fact = 2

// FactRecipients: who received or could reach the data.
const FactRecipients Fact = 3

// FactBackup: whether the data can be restored.
const FactBackup Fact = 4

// FactImpact: what depended on the data while they were unavailable.
const FactImpact Fact = 5

// FactRestored: when the data were restored (how long they were
// unavailable).
const FactRestored Fact = 6

var facts = enum.New[Fact]("fact", "breach.fact", compliance.UnknownCode,
	"nature", "subject-count", "recipients", "backup", "impact", "restored")

// ParseFact returns the Fact with the given code.
func ParseFact(s string) (Fact, error) { return facts.Parse(s) }

// AllFacts yields every Fact.
func AllFacts() iter.Seq[Fact] { return facts.All() }

// String returns the stable code.
func (f Fact) String() string { return facts.String(f) }

// Key returns the i18n message key.
func (f Fact) Key() string { return facts.Key(f) }

// Valid reports whether f is a known Fact.
func (f Fact) Valid() bool { return facts.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f Fact) MarshalText() ([]byte, error) { return facts.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Fact) UnmarshalText(b []byte) error { return facts.UnmarshalText(f, b) }
