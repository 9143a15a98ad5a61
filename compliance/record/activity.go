package record

import (
	"iter"
	"log/slog"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/enum"
)

// activityMark is the marker type of [ActivityID].
type activityMark struct{}

// ActivityID identifies an [Activity] in a controller's register.
type ActivityID = compliance.ID[activityMark]

// Activity is one record of processing activities (Art 30 GDPR) as a
// kommune's register ("fortegnelse over behandlingsaktiviteter",
// "protokoll over behandlingsaktiviteter") holds it.
//
// With [RoleController] it is the controller's record of Art 30(1): the
// controller and its data protection officer (point (a)), the purposes
// (b), the categories of data subjects and of personal data (c), the
// recipients (d), the transfers to third countries and their safeguards
// (e), the time limits for erasure (f) and the security measures of Art
// 32(1) (g). It also holds what Danish and Norwegian kommuner record in
// practice: the lawful basis of each purpose (Art 6(1)) with the national
// supplementary basis (Art 6(3)), the Art 9(2) condition with the national
// rule, the Art 10 basis, the condition for processing CPR numbers or
// fødselsnumre, the processors and the DPIA by their IDs, KLE or Noark
// classification codes, the owning system and department, status and
// review dates.
//
// With [RoleProcessor] it is the processor's record of Art 30(2): kommuner
// process for each other (shared services, IT-fællesskaber, interkommunale
// selskaper), and a kommune that does keeps this record of the processing
// it carries out on behalf of each controller ([Activity.OnBehalfOf]).
//
// An Activity holds no data about citizens: only categories, names of
// organisations and the contact details of the controller and its data
// protection officer. Values are validated by [Activity.Validate]; the
// completeness of the Art 30 content is checked by [Activity.Missing] and
// the principles by [Assess].
type Activity struct {
	// ID identifies the record; [Register] assigns it.
	ID ActivityID `json:"id"`
	// Version is the optimistic-concurrency version the store keeps.
	Version uint64 `json:"version"`
	// Role says whether this is the record of a controller (Art 30(1)) or
	// of a processor (Art 30(2)).
	Role Role `json:"role"`
	// Name is the activity's name in the register: "Elevadministration",
	// "Sagsbehandling i jobcentret".
	Name string `json:"name"`
	// Description describes the processing in the kommune's own words.
	Description string `json:"description,omitempty"`
	// Controller is the organisation that keeps the record: the controller
	// (Art 30(1)(a)), or with RoleProcessor the processor (Art 30(2)(a)).
	Controller Party `json:"controller"`
	// JointControllers are the joint controllers, if any (Art 26 and
	// 30(1)(a)).
	JointControllers []Party `json:"jointControllers,omitempty"`
	// DPO is the contact of the data protection officer (Art 30(1)(a) and
	// 30(2)(a)). Public authorities must designate one (Art 37(1)(a)).
	DPO ContactDetails `json:"dpo,omitzero"`
	// OnBehalfOf lists, for RoleProcessor, each controller on whose behalf
	// the processing is carried out and the categories of processing for
	// it (Art 30(2)(a) and (b)). It is empty for RoleController.
	OnBehalfOf []ProcessingFor `json:"onBehalfOf,omitempty"`
	// Purposes are the purposes of the processing, each with its lawful
	// basis and the data categories processed for it (Art 30(1)(b)).
	Purposes []Purpose `json:"purposes,omitempty"`
	// Subjects are the categories of data subjects (Art 30(1)(c)).
	Subjects compliance.SubjectCategories `json:"subjects"`
	// Data are the categories of personal data (Art 30(1)(c)). Every
	// purpose's data must be among them.
	Data compliance.DataCategories `json:"data"`
	// SubjectCount is the approximate number of data subjects, 0 when not
	// recorded. With [Policy.LargeScaleSubjects] it decides whether the
	// processing is on a large scale (Art 35(3)(b)).
	SubjectCount int `json:"subjectCount,omitempty"`
	// LargeScale records the controller's own assessment that the
	// processing is on a large scale (Art 35(3)(b), Recital 91).
	LargeScale bool `json:"largeScale,omitempty"`
	// Recipients are the recipients, or categories of recipients, to whom
	// the data are or will be disclosed (Art 30(1)(d)). Processors are
	// listed in Processors.
	Recipients []Recipient `json:"recipients,omitempty"`
	// NoRecipients records that the data are disclosed to no one, so that
	// an empty Recipients is an answer rather than an omission.
	NoRecipients bool `json:"noRecipients,omitempty"`
	// Transfers are the transfers to third countries or international
	// organisations with their safeguards (Art 30(1)(e) and 30(2)(c)).
	Transfers []Transfer `json:"transfers,omitempty"`
	// Erasure is the envisaged time limit for erasure (Art 30(1)(f)).
	Erasure Erasure `json:"erasure,omitzero"`
	// Security describes the technical and organisational security
	// measures (Art 30(1)(g), 30(2)(d) and 32(1)).
	Security Security `json:"security,omitzero"`
	// Special is the Art 9(2) condition and the national rule under which
	// special categories of personal data are processed.
	Special SpecialBasis `json:"special,omitzero"`
	// Criminal is the Art 10 basis for personal data relating to criminal
	// convictions and offences.
	Criminal CriminalBasis `json:"criminal,omitzero"`
	// NationalID is the condition under which CPR numbers (DK
	// databeskyttelsesloven § 11) or fødselsnumre (NO personopplysningsloven
	// § 12) are processed.
	NationalID NationalIDBasis `json:"nationalId,omitzero"`
	// Processors are the processors involved, by their ID in package
	// processor's registry and with the name as the register records it.
	Processors []ProcessorUse `json:"processors,omitempty"`
	// DPIA is the data protection impact assessment and the recorded
	// outcome of its screening (Art 35).
	DPIA DPIARecord `json:"dpia,omitzero"`
	// Classification holds the KLE (DK) or Noark (NO) classification codes
	// of the cases the activity concerns.
	Classification []Classification `json:"classification,omitempty"`
	// Owner is the system and the department that own the activity.
	Owner Owner `json:"owner,omitzero"`
	// Status says whether the record is a draft or approved.
	Status Status `json:"status"`
	// ReviewedOn is the day the record was last reviewed.
	ReviewedOn compliance.Date `json:"reviewedOn,omitzero"`
	// NextReview is the day the next review is due, when the kommune has
	// set one.
	NextReview compliance.Date `json:"nextReview,omitzero"`
	// Created is when the record was created; [Register] stamps it.
	Created time.Time `json:"created,omitzero"`
	// Updated is when the record was last changed; [Register] stamps it.
	Updated time.Time `json:"updated,omitzero"`
}

// Party is an organisation named in a record: the controller, a joint
// controller, or a controller on whose behalf a processor acts.
type Party struct {
	// Name is the organisation's name: "Aarhus Kommune".
	Name string `json:"name"`
	// CVR is the Danish CVR number, for a Danish party.
	CVR ident.CVR `json:"cvr,omitzero"`
	// OrgNr is the Norwegian organisasjonsnummer, for a Norwegian party.
	OrgNr ident.OrgNr `json:"orgnr,omitzero"`
	// Jurisdiction is the country whose law applies to the party. It is
	// required for the controller of a record: it selects the national
	// rules [Assess] applies.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction,omitzero"`
	// PublicAuthority reports whether the party is a public authority or
	// body. A kommune is one. It matters for Art 6(1) second subparagraph,
	// Art 37(1)(a), Recital 43 and the national rules on CPR numbers and
	// criminal-offence data.
	PublicAuthority bool `json:"publicAuthority,omitempty"`
	// Contact is how to reach the party (Art 30(1)(a)).
	Contact ContactDetails `json:"contact,omitzero"`
}

// ContactDetails are a postal address, an e-mail address and a telephone
// number, and for a data protection officer optionally a name. These are the
// contact details Art 30(1)(a) asks for; they are not logged.
type ContactDetails struct {
	// Name is a person's or a function's name, for a data protection
	// officer ("Databeskyttelsesrådgiveren"); usually empty for an
	// organisation.
	Name string `json:"name,omitempty"`
	// Email is an e-mail address.
	Email string `json:"email,omitempty"`
	// Phone is a telephone number.
	Phone string `json:"phone,omitempty"`
	// Address is a postal address; it may span lines.
	Address string `json:"address,omitempty"`
}

// IsZero reports whether c holds no contact detail at all.
func (c ContactDetails) IsZero() bool { return c == ContactDetails{} }

// reachable reports whether c holds a way to reach someone: an e-mail
// address, a telephone number or a postal address.
func (c ContactDetails) reachable() bool { return c.Email != "" || c.Phone != "" || c.Address != "" }

// ProcessingFor is one controller on whose behalf a processor acts, with the
// categories of processing it carries out for that controller (Art 30(2)(a)
// and (b)).
type ProcessingFor struct {
	// Controller is the controller on whose behalf the processing is
	// carried out, with its contact details.
	Controller Party `json:"controller"`
	// Processing are the categories of processing carried out for it:
	// "hosting of the ESDH system", "payroll".
	Processing []string `json:"processing,omitempty"`
}

// Purpose is one purpose of the processing (Art 30(1)(b)) with its lawful
// basis and the data categories processed for it.
type Purpose struct {
	// Name states the purpose: "Administration af elevers skolegang".
	Name string `json:"name"`
	// Basis is the lawful basis (Art 6(1)); zero when not yet recorded.
	Basis compliance.LegalBasis `json:"basis,omitzero"`
	// NationalBasis is the provision of Union or national law that lays
	// down the basis for a legal obligation (Art 6(1)(c)) or a public task
	// (Art 6(1)(e)), as Art 6(3) requires: a section of serviceloven,
	// folkeskoleloven, opplæringslova, sosialtjenesteloven.
	NationalBasis compliance.Ref `json:"nationalBasis,omitzero"`
	// NationalBasisText names the provision in the kommune's own words,
	// for what a Ref cannot say ("lov om en aktiv beskæftigelsesindsats
	// kapitel 6").
	NationalBasisText string `json:"nationalBasisText,omitempty"`
	// Data are the categories of personal data processed for the purpose;
	// each must be among the activity's Data.
	Data compliance.DataCategories `json:"data"`
	// InformationService reports that the purpose is an information
	// society service offered directly to children (Art 8(1)).
	InformationService bool `json:"informationService,omitempty"`
	// ConsentAge is, for such a service relying on consent, the age from
	// which the service accepts a child's own consent; below it the holder
	// of parental responsibility consents. 0 when not recorded.
	ConsentAge int `json:"consentAge,omitempty"`
}

// Recipient is a recipient, or a category of recipients, of the data
// (Art 30(1)(d)).
type Recipient struct {
	// Name names the recipient or the category: "Udbetaling Danmark",
	// "external job-training providers".
	Name string `json:"name"`
	// Kind is the kind of recipient; zero when not recorded.
	Kind RecipientKind `json:"kind,omitzero"`
	// Country is where the recipient is established; zero when not
	// recorded. A country outside the EEA needs a [Transfer].
	Country compliance.Country `json:"country,omitzero"`
	// Data are the categories disclosed to the recipient; each must be
	// among the activity's Data. Empty means not recorded.
	Data compliance.DataCategories `json:"data"`
	// Disclosure is the ground under which criminal-offence data are
	// disclosed to the recipient (DK databeskyttelsesloven § 8, stk. 2 for
	// public authorities, stk. 4 for others); zero when not recorded.
	Disclosure DisclosureGround `json:"disclosure,omitzero"`
}

// Transfer is a transfer of personal data to a third country or an
// international organisation (Art 30(1)(e) and 30(2)(c)).
type Transfer struct {
	// Country is the third country; it must be outside the EEA.
	Country compliance.Country `json:"country"`
	// Recipient names the recipient in the third country.
	Recipient string `json:"recipient"`
	// Safeguard is the transfer tool of Chapter V; zero when not recorded.
	Safeguard Safeguard `json:"safeguard,omitzero"`
	// Documentation describes the suitable safeguards, which Art 30(1)(e)
	// asks for in the case of transfers under Art 49(1) second
	// subparagraph.
	Documentation string `json:"documentation,omitempty"`
}

// Erasure is the envisaged time limit for erasure of the categories of data
// (Art 30(1)(f)): a period counted from an event, a retention rule of
// package retention, or both.
type Erasure struct {
	// Period is the time limit; zero when the record refers to a rule.
	Period compliance.Period `json:"period,omitzero"`
	// From is the event the period is counted from; required with Period.
	From ErasureStart `json:"from,omitzero"`
	// Rule is the retention rule (package retention) that governs the
	// data, for example a KLE or Noark disposal rule.
	Rule compliance.RetentionRuleID `json:"rule,omitzero"`
	// Text describes the time limit in the kommune's own words.
	Text string `json:"text,omitempty"`
}

// Security describes the technical and organisational security measures
// (Art 30(1)(g) and 32(1)).
type Security struct {
	// Measures are the measures taken, as a list of codes.
	Measures []Measure `json:"measures,omitempty"`
	// Description describes them in the kommune's own words.
	Description string `json:"description,omitempty"`
}

// Has reports whether m is among the measures.
func (s Security) Has(m Measure) bool { return slices.Contains(s.Measures, m) }

// SpecialBasis is the basis for processing special categories of personal
// data: one or more conditions of Art 9(2) and the national rule that
// applies them (DK databeskyttelsesloven § 7; NO personopplysningsloven).
type SpecialBasis struct {
	// Conditions are the conditions of Art 9(2) relied on.
	Conditions []compliance.SpecialCondition `json:"conditions,omitempty"`
	// NationalRule is the provision of national law that the condition
	// rests on, such as databeskyttelsesloven § 7, stk. 4.
	NationalRule compliance.Ref `json:"nationalRule,omitzero"`
	// NationalRuleText names it in the kommune's own words.
	NationalRuleText string `json:"nationalRuleText,omitempty"`
}

// CriminalBasis is the basis for processing personal data relating to
// criminal convictions and offences (Art 10): the provision of national law
// that authorises it, for a Danish public authority databeskyttelsesloven
// § 8, stk. 1.
type CriminalBasis struct {
	// Rule is the provision.
	Rule compliance.Ref `json:"rule,omitzero"`
	// RuleText names it in the kommune's own words.
	RuleText string `json:"ruleText,omitempty"`
}

// NationalIDBasis is the condition under which national identity numbers
// are processed: CPR numbers (DK databeskyttelsesloven § 11) or
// fødselsnumre (NO personopplysningsloven § 12).
type NationalIDBasis struct {
	// Conditions are the conditions relied on.
	Conditions []IDCondition `json:"conditions,omitempty"`
	// Published reports that the numbers are published (made available to
	// the public), which databeskyttelsesloven § 11, stk. 3 allows only
	// with consent.
	Published bool `json:"published,omitempty"`
	// PublicationConsent reports that the data subjects have consented to
	// the publication (Art 7; databeskyttelsesloven § 11, stk. 3).
	PublicationConsent bool `json:"publicationConsent,omitempty"`
}

// Has reports whether c is among the conditions.
func (n NationalIDBasis) Has(c IDCondition) bool { return slices.Contains(n.Conditions, c) }

// ProcessorUse is a processor involved in the activity: its ID in package
// processor's registry and its name as the register records it.
type ProcessorUse struct {
	// ID is the processor in package processor's registry.
	ID compliance.ProcessorID `json:"id,omitzero"`
	// Name is the processor's name as the register records it.
	Name string `json:"name,omitempty"`
}

// DPIARecord is the data protection impact assessment of the activity
// (package dpia, by ID) and the outcome of its screening as recorded.
type DPIARecord struct {
	// ID is the DPIA; zero when none has been made.
	ID compliance.DPIAID `json:"id,omitzero"`
	// Screening is the recorded outcome of the screening; zero when the
	// activity has not been screened.
	Screening Screening `json:"screening,omitzero"`
	// ScreenedOn is the day of the screening.
	ScreenedOn compliance.Date `json:"screenedOn,omitzero"`
}

// Classification is a classification code of the cases an activity
// concerns: a KLE number in Denmark or a Noark class in Norway. Package
// retention owns their full parsing; [Activity.Validate] checks the form
// lightly.
type Classification struct {
	// Scheme is [compliance.KLE] or [compliance.Noark].
	Scheme compliance.Scheme `json:"scheme"`
	// Code is the topic number or class: "81.00.00", "00.01.00 G01".
	Code string `json:"code"`
}

// Owner is the system and the organisational unit that own an activity.
type Owner struct {
	// System is the IT system that supports the activity.
	System string `json:"system,omitempty"`
	// Department is the organisational unit responsible for it.
	Department string `json:"department,omitempty"`
}

// Role says whose record an [Activity] is. The zero value is invalid.
type Role uint8

// Roles.
const (
	// RoleController: the record of a controller, Art 30(1).
	RoleController Role = iota + 1
	// RoleProcessor: the record of a processor, Art 30(2).
	RoleProcessor
)

var roles = enum.New[Role]("role", "compliance.activity.role", compliance.UnknownCode, "controller", "processor")

// ParseRole returns the Role with the given code.
func ParseRole(s string) (Role, error) { return roles.Parse(s) }

// AllRoles yields every Role.
func AllRoles() iter.Seq[Role] { return roles.All() }

// String returns the stable code.
func (r Role) String() string { return roles.String(r) }

// Key returns the i18n message key.
func (r Role) Key() string { return roles.Key(r) }

// Valid reports whether r is a known Role.
func (r Role) Valid() bool { return roles.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return roles.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Role) UnmarshalText(b []byte) error { return roles.UnmarshalText(r, b) }

// Status is the status of a record of processing. The zero value is
// invalid.
type Status uint8

// Statuses.
const (
	// Draft: the record is being written.
	Draft Status = iota + 1
	// Approved: the record has been approved by the kommune.
	Approved
)

var activityStatuses = enum.New[Status]("activity-status", "compliance.activity.status", compliance.UnknownCode,
	"draft", "approved")

// ParseStatus returns the Status with the given code.
func ParseStatus(s string) (Status, error) { return activityStatuses.Parse(s) }

// AllStatuses yields every Status.
func AllStatuses() iter.Seq[Status] { return activityStatuses.All() }

// String returns the stable code.
func (s Status) String() string { return activityStatuses.String(s) }

// Key returns the i18n message key.
func (s Status) Key() string { return activityStatuses.Key(s) }

// Valid reports whether s is a known Status.
func (s Status) Valid() bool { return activityStatuses.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return activityStatuses.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error {
	return activityStatuses.UnmarshalText(s, b)
}

// RecipientKind is the kind of a [Recipient]. The zero value is invalid
// (not recorded).
type RecipientKind uint8

// Recipient kinds.
const (
	// RecipientPublicAuthority: a public authority or body (another kommune, a
	// state agency, Udbetaling Danmark, NAV).
	RecipientPublicAuthority RecipientKind = iota + 1
	// RecipientPrivate: a company, an association or another private
	// party, such as an external supplier of services.
	RecipientPrivate
	// RecipientInternationalOrganisation: an international organisation (Art 4(26)).
	RecipientInternationalOrganisation
)

var recipientKinds = enum.New[RecipientKind]("recipient-kind", "compliance.activity.recipient-kind", compliance.UnknownCode,
	"public-authority", "private", "international-organisation")

// ParseRecipientKind returns the RecipientKind with the given code.
func ParseRecipientKind(s string) (RecipientKind, error) { return recipientKinds.Parse(s) }

// AllRecipientKinds yields every RecipientKind.
func AllRecipientKinds() iter.Seq[RecipientKind] { return recipientKinds.All() }

// String returns the stable code.
func (k RecipientKind) String() string { return recipientKinds.String(k) }

// Key returns the i18n message key.
func (k RecipientKind) Key() string { return recipientKinds.Key(k) }

// Valid reports whether k is a known RecipientKind.
func (k RecipientKind) Valid() bool { return recipientKinds.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k RecipientKind) MarshalText() ([]byte, error) { return recipientKinds.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RecipientKind) UnmarshalText(b []byte) error { return recipientKinds.UnmarshalText(k, b) }

// DisclosureGround is a ground on which personal data about criminal
// offences may be disclosed under the Danish databeskyttelsesloven § 8,
// stk. 2 (public administration) and stk. 4 (others). The zero value is
// invalid (no ground recorded).
type DisclosureGround uint8

// Disclosure grounds, numbered as § 8, stk. 2 numbers them.
const (
	// DisclosureExplicitConsent: the data subject has given explicit consent
	// (§ 8, stk. 2, nr. 1; stk. 4).
	DisclosureExplicitConsent DisclosureGround = iota + 1
	// DisclosureOverridingInterests: disclosure safeguards private or
	// public interests that clearly outweigh the interest in secrecy,
	// including the data subject's own (§ 8, stk. 2, nr. 2; stk. 4).
	DisclosureOverridingInterests
	// DisclosureAuthorityTask: disclosure is necessary for an authority's
	// activity or required for a decision the authority must make (§ 8,
	// stk. 2, nr. 3).
	DisclosureAuthorityTask
	// DisclosurePublicSectorTask: disclosure is necessary for a person's or
	// company's performance of tasks for the public sector (§ 8, stk. 2,
	// nr. 4).
	DisclosurePublicSectorTask
)

var disclosureGrounds = enum.New[DisclosureGround]("disclosure-ground", "compliance.activity.disclosure", compliance.UnknownCode,
	"explicit-consent", "overriding-interests", "authority-task", "public-sector-task")

// ParseDisclosureGround returns the DisclosureGround with the given code.
func ParseDisclosureGround(s string) (DisclosureGround, error) { return disclosureGrounds.Parse(s) }

// AllDisclosureGrounds yields every DisclosureGround.
func AllDisclosureGrounds() iter.Seq[DisclosureGround] { return disclosureGrounds.All() }

// String returns the stable code.
func (g DisclosureGround) String() string { return disclosureGrounds.String(g) }

// Key returns the i18n message key.
func (g DisclosureGround) Key() string { return disclosureGrounds.Key(g) }

// Valid reports whether g is a known DisclosureGround.
func (g DisclosureGround) Valid() bool { return disclosureGrounds.Valid(g) }

// MarshalText implements [encoding.TextMarshaler].
func (g DisclosureGround) MarshalText() ([]byte, error) { return disclosureGrounds.MarshalText(g) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *DisclosureGround) UnmarshalText(b []byte) error {
	return disclosureGrounds.UnmarshalText(g, b)
}

// Ref returns the provision of databeskyttelsesloven § 8 that states the
// ground for a public authority (stk. 2) or another controller (stk. 4).
func (g DisclosureGround) Ref(public bool) compliance.Ref {
	if !g.Valid() {
		return compliance.Ref{}
	}
	if !public {
		return compliance.Section(compliance.DKDataProtectionAct, "", "8", 4, "")
	}
	return compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, string(rune('0'+g)))
}

// Safeguard is the Chapter V tool a [Transfer] relies on. The zero value is
// invalid (not recorded).
type Safeguard uint8

// Safeguards.
const (
	// SafeguardAdequacyDecision: an adequacy decision (Art 45).
	SafeguardAdequacyDecision Safeguard = iota + 1
	// SafeguardStandardClauses: standard data protection clauses adopted by the
	// Commission (Art 46(2)(c); Decision (EU) 2021/914).
	SafeguardStandardClauses
	// SafeguardBindingCorporateRules: binding corporate rules (Art 46(2)(b) and 47).
	SafeguardBindingCorporateRules
	// SafeguardAdHocClauses: contractual clauses authorised by the
	// supervisory authority (Art 46(3)(a)).
	SafeguardAdHocClauses
	// SafeguardDerogation: a derogation for a specific situation (Art 49).
	SafeguardDerogation
)

var safeguards = enum.New[Safeguard]("safeguard", "compliance.activity.safeguard", compliance.UnknownCode,
	"adequacy-decision", "standard-clauses", "binding-corporate-rules", "ad-hoc-clauses", "derogation")

// ParseSafeguard returns the Safeguard with the given code.
func ParseSafeguard(s string) (Safeguard, error) { return safeguards.Parse(s) }

// AllSafeguards yields every Safeguard.
func AllSafeguards() iter.Seq[Safeguard] { return safeguards.All() }

// String returns the stable code.
func (s Safeguard) String() string { return safeguards.String(s) }

// Key returns the i18n message key.
func (s Safeguard) Key() string { return safeguards.Key(s) }

// Valid reports whether s is a known Safeguard.
func (s Safeguard) Valid() bool { return safeguards.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Safeguard) MarshalText() ([]byte, error) { return safeguards.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Safeguard) UnmarshalText(b []byte) error { return safeguards.UnmarshalText(s, b) }

// Ref returns the provision of Chapter V that provides the tool.
func (s Safeguard) Ref() compliance.Ref {
	switch s {
	case SafeguardAdequacyDecision:
		return compliance.GDPR(45, 1, "")
	case SafeguardStandardClauses:
		return compliance.GDPR(46, 2, "c")
	case SafeguardBindingCorporateRules:
		return compliance.GDPR(47, 0, "")
	case SafeguardAdHocClauses:
		return compliance.GDPR(46, 3, "a")
	case SafeguardDerogation:
		return compliance.GDPR(49, 1, "")
	}
	return compliance.Ref{}
}

// ErasureStart is the event a time limit for erasure is counted from. The
// zero value is invalid (not recorded).
type ErasureStart uint8

// Erasure starts.
const (
	// FromCaseClosed: the closing of the case. Danish archive practice
	// counts the age of a case for kassation from its closing, and KLE's
	// K5 and K10 run from case closure.
	FromCaseClosed ErasureStart = iota + 1
	// FromCollection: the collection of the data.
	FromCollection
	// FromRelationshipEnded: the end of the relationship with the data
	// subject (employment, enrolment, a benefit).
	FromRelationshipEnded
	// FromPurposeFulfilled: the fulfilment of the purpose.
	FromPurposeFulfilled
)

var erasureStarts = enum.New[ErasureStart]("erasure-start", "compliance.activity.erasure-start", compliance.UnknownCode,
	"case-closed", "collection", "relationship-ended", "purpose-fulfilled")

// ParseErasureStart returns the ErasureStart with the given code.
func ParseErasureStart(s string) (ErasureStart, error) { return erasureStarts.Parse(s) }

// AllErasureStarts yields every ErasureStart.
func AllErasureStarts() iter.Seq[ErasureStart] { return erasureStarts.All() }

// String returns the stable code.
func (e ErasureStart) String() string { return erasureStarts.String(e) }

// Key returns the i18n message key.
func (e ErasureStart) Key() string { return erasureStarts.Key(e) }

// Valid reports whether e is a known ErasureStart.
func (e ErasureStart) Valid() bool { return erasureStarts.Valid(e) }

// MarshalText implements [encoding.TextMarshaler].
func (e ErasureStart) MarshalText() ([]byte, error) { return erasureStarts.MarshalText(e) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *ErasureStart) UnmarshalText(b []byte) error { return erasureStarts.UnmarshalText(e, b) }

// Measure is a technical or organisational security measure (Art 32(1)).
// The zero value is invalid.
type Measure uint8

// Measures.
const (
	// EncryptionInTransit: personal data are encrypted when transmitted
	// over the internet, e-mail included (Art 32(1)(a)).
	EncryptionInTransit Measure = iota + 1
	// EncryptionAtRest: stored data and devices are encrypted (Art
	// 32(1)(a)).
	EncryptionAtRest
	// Pseudonymisation (Art 32(1)(a)).
	Pseudonymisation
	// AccessControl: access is limited to those who need it (Art 32(1)(b)).
	AccessControl
	// Logging: access and use are logged.
	Logging
	// Backup: data can be restored in a timely manner (Art 32(1)(c)).
	Backup
	// MultiFactor: multi-factor authentication.
	MultiFactor
	// Training: staff are instructed and trained in data protection.
	Training
	// Testing: the measures are regularly tested, assessed and evaluated
	// (Art 32(1)(d)).
	Testing
)

var measures = enum.New[Measure]("measure", "compliance.activity.measure", compliance.UnknownCode,
	"encryption-in-transit", "encryption-at-rest", "pseudonymisation", "access-control",
	"logging", "backup", "multi-factor-authentication", "training", "testing")

// ParseMeasure returns the Measure with the given code.
func ParseMeasure(s string) (Measure, error) { return measures.Parse(s) }

// AllMeasures yields every Measure.
func AllMeasures() iter.Seq[Measure] { return measures.All() }

// String returns the stable code.
func (m Measure) String() string { return measures.String(m) }

// Key returns the i18n message key.
func (m Measure) Key() string { return measures.Key(m) }

// Valid reports whether m is a known Measure.
func (m Measure) Valid() bool { return measures.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m Measure) MarshalText() ([]byte, error) { return measures.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Measure) UnmarshalText(b []byte) error { return measures.UnmarshalText(m, b) }

// IDCondition is a condition under which national identity numbers may be
// processed: the Danish databeskyttelsesloven § 11 for CPR numbers, the
// Norwegian personopplysningsloven § 12 for fødselsnumre. The zero value is
// invalid.
type IDCondition uint8

// ID conditions.
const (
	// IDIdentification: to identify the person unambiguously. DK § 11,
	// stk. 1 allows it to public authorities; NO § 12 allows fødselsnummer
	// where there is a legitimate need for secure identification and the
	// method is necessary to achieve it.
	IDIdentification IDCondition = iota + 1
	// IDFileNumber: as a file (journal) number; DK § 11, stk. 1, public
	// authorities only.
	IDFileNumber
	// IDRequiredByLaw: processing follows from law; DK § 11, stk. 2, nr. 1.
	IDRequiredByLaw
	// IDConsent: the data subject has consented under Art 7; DK § 11,
	// stk. 2, nr. 2.
	IDConsent
	// IDResearchStatistics: solely for scientific or statistical purposes;
	// DK § 11, stk. 2, nr. 3.
	IDResearchStatistics
	// IDDisclosureIdentification: disclosure that is a natural part of
	// normal business and decisive for unambiguous identification, or
	// demanded by a public authority; DK § 11, stk. 2, nr. 3.
	IDDisclosureIdentification
	// IDSpecialConditions: the conditions of § 7 are met; DK § 11, stk. 2,
	// nr. 4.
	IDSpecialConditions
)

var idConditions = enum.New[IDCondition]("id-condition", "compliance.activity.id-condition", compliance.UnknownCode,
	"identification", "file-number", "required-by-law", "consent", "research-statistics",
	"disclosure-identification", "special-conditions")

// ParseIDCondition returns the IDCondition with the given code.
func ParseIDCondition(s string) (IDCondition, error) { return idConditions.Parse(s) }

// AllIDConditions yields every IDCondition.
func AllIDConditions() iter.Seq[IDCondition] { return idConditions.All() }

// String returns the stable code.
func (c IDCondition) String() string { return idConditions.String(c) }

// Key returns the i18n message key.
func (c IDCondition) Key() string { return idConditions.Key(c) }

// Valid reports whether c is a known IDCondition.
func (c IDCondition) Valid() bool { return idConditions.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c IDCondition) MarshalText() ([]byte, error) { return idConditions.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *IDCondition) UnmarshalText(b []byte) error { return idConditions.UnmarshalText(c, b) }

// Screening is the recorded outcome of a DPIA screening (Art 35(1) and (3);
// WP248 rev.01). Package dpia performs screenings; this package records the
// outcome. The zero value is invalid (not screened).
type Screening uint8

// Screening outcomes.
const (
	// DPIARequired: the screening found that a DPIA is required.
	DPIARequired Screening = iota + 1
	// DPIANotRequired: the screening found that no DPIA is required.
	DPIANotRequired
)

var screenings = enum.New[Screening]("screening", "compliance.activity.screening", compliance.UnknownCode,
	"required", "not-required")

// ParseScreening returns the Screening with the given code.
func ParseScreening(s string) (Screening, error) { return screenings.Parse(s) }

// AllScreenings yields every Screening.
func AllScreenings() iter.Seq[Screening] { return screenings.All() }

// String returns the stable code.
func (s Screening) String() string { return screenings.String(s) }

// Key returns the i18n message key.
func (s Screening) Key() string { return screenings.Key(s) }

// Valid reports whether s is a known Screening.
func (s Screening) Valid() bool { return screenings.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Screening) MarshalText() ([]byte, error) { return screenings.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Screening) UnmarshalText(b []byte) error { return screenings.UnmarshalText(s, b) }

// Clone returns a deep copy of a: no slice of the copy shares memory with a.
func (a Activity) Clone() Activity {
	a.JointControllers = slices.Clone(a.JointControllers)
	a.OnBehalfOf = slices.Clone(a.OnBehalfOf)
	for i := range a.OnBehalfOf {
		a.OnBehalfOf[i].Processing = slices.Clone(a.OnBehalfOf[i].Processing)
	}
	a.Purposes = slices.Clone(a.Purposes)
	a.Recipients = slices.Clone(a.Recipients)
	a.Transfers = slices.Clone(a.Transfers)
	a.Security.Measures = slices.Clone(a.Security.Measures)
	a.Special.Conditions = slices.Clone(a.Special.Conditions)
	a.NationalID.Conditions = slices.Clone(a.NationalID.Conditions)
	a.Processors = slices.Clone(a.Processors)
	a.Classification = slices.Clone(a.Classification)
	return a
}

// LogValue implements [slog.LogValuer]: the ID, version, role, status and
// the codes of the data categories, never names, contact details or free
// text.
func (a Activity) LogValue() slog.Value {
	data := make([]string, 0, a.Data.Len())
	for c := range a.Data.All() {
		data = append(data, c.String())
	}
	return slog.GroupValue(
		slog.String("id", a.ID.String()),
		slog.Uint64("version", a.Version),
		slog.String("role", a.Role.String()),
		slog.String("status", a.Status.String()),
		slog.Int("purposes", len(a.Purposes)),
		slog.Any("data", data),
	)
}

// publicAuthority reports whether the record's controller is a public
// authority.
func (a *Activity) publicAuthority() bool { return a.Controller.PublicAuthority }

// purposeData returns the union of the purposes' data categories.
func (a *Activity) purposeData() compliance.DataCategories {
	var s compliance.DataCategories
	for i := range a.Purposes {
		s |= a.Purposes[i].Data
	}
	return s
}

// hasClass reports whether any of the activity's data are of class c.
func (a *Activity) hasClass(c compliance.Class) bool {
	switch c {
	case compliance.Special:
		return a.Data&specialData != 0
	case compliance.Criminal:
		return a.Data.Has(compliance.CriminalOffences)
	case compliance.Confidential:
		return a.Data&confidentialData != 0
	}
	return false
}

// The category sets of each protection class.
var (
	confidentialData = compliance.CategoriesOf(compliance.NationalID, compliance.Financial, compliance.SocialIssues, compliance.Family)
	specialData      = compliance.CategoriesOf(compliance.EthnicOrigin, compliance.PoliticalOpinion, compliance.Religion, compliance.TradeUnion, compliance.Genetic, compliance.Biometric, compliance.Health, compliance.SexLife)
)
