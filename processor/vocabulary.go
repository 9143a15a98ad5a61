package processor

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// This file holds the package's vocabularies. Every one is an enum in the
// style of CONTRIBUTING.md: a uint8 whose zero value is invalid or unset,
// with stable lower-case codes (its JSON and database form, pinned by a
// test) and i18n keys "processor.<vocabulary>.<code>".

// Template is the text a data processing agreement (databehandleraftale,
// databehandleravtale) is built on. The zero value is unset.
type Template uint8

// Template values.

const TemplateDKStandard Template = 1 // Danish Datatilsynet's standard contractual clauses, adopted under Art 28(8) (10 Dec 2019, revised 4 Mar 2024)
const TemplateEU2021915 Template = 2  // the Commission's standard contractual clauses for Art 28, Implementing Decision (EU) 2021/915
const TemplateEU2021914 Template = 3  // the transfer clauses of Implementing Decision (EU) 2021/914, Module 2 or 3, which also cover Art 28(3) and (4) (their Art 1(2))
const TemplateNOSSAD Template = 4     // the Norwegian state standard agreement SSA-D (DFØ / anskaffelser.no)
const TemplateKOMBIT Template = 5     // KOMBIT's agreement for its joint municipal solutions
const TemplateKL Template = 6         // KL's template for agreements between kommuner and IT suppliers (v1.0 2017, v2.0 2018)
const TemplateCustom Template = 7     // the supplier's or the kommune's own text

var templates = enum.New[Template]("template", "processor.template", compliance.UnknownCode,
	"dk-standard", "eu-2021-915", "eu-2021-914", "no-ssa-d", "kombit", "kl", "custom")

// ParseTemplate returns the Template with the given code.
func ParseTemplate(s string) (Template, error) { return templates.Parse(s) }

// AllTemplates yields every Template in numeric order.
func AllTemplates() iter.Seq[Template] { return templates.All() }

// String returns the stable code.
func (t Template) String() string { return templates.String(t) }

// Key returns the i18n message key.
func (t Template) Key() string { return templates.Key(t) }

// Valid reports whether t is a known Template.
func (t Template) Valid() bool { return templates.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Template) MarshalText() ([]byte, error) { return templates.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Template) UnmarshalText(b []byte) error { return templates.UnmarshalText(t, b) }

// Clause is an element that Art 28(3) GDPR requires a data processing agreement
// to contain, keyed on the article's own text (reference §1.1 and §1.2: the
// first sentence's items, points (a) to (h) of the first subparagraph, and
// the second subparagraph), plus the written form of Art 28(9). The zero
// value is invalid.
type Clause uint8

// Clause values.

const SubjectMatter Clause = 1           // Art 28(3) first sentence: the subject-matter of the processing
const Duration Clause = 2                // Art 28(3) first sentence: the duration of the processing
const Nature Clause = 3                  // Art 28(3) first sentence: the nature of the processing
const Purpose Clause = 4                 // Art 28(3) first sentence: the purpose of the processing
const DataTypes Clause = 5               // Art 28(3) first sentence: the type of personal data
const SubjectCategories Clause = 6       // Art 28(3) first sentence: the categories of data subjects
const ControllerRights Clause = 7        // Art 28(3) first sentence: the obligations and rights of the controller
const Instructions Clause = 8            // Art 28(3)(a): processing only on documented instructions, including on transfers
const Confidentiality Clause = 9         // Art 28(3)(b): persons authorised to process are bound by confidentiality
const Security Clause = 10               // Art 28(3)(c): the measures required by Art 32
const SubProcessorTerms Clause = 11      // Art 28(3)(d): the conditions of Art 28(2) and (4) for engaging another processor
const DataSubjectRights Clause = 12      // Art 28(3)(e): assistance with data subjects' rights (Chapter III)
const Assistance Clause = 13             // Art 28(3)(f): assistance with Art 32 to 36
const Deletion Clause = 14               // Art 28(3)(g): deletion or return at the end, at the controller's choice
const AuditRights Clause = 15            // Art 28(3)(h): information and audits, including inspections
const InfringingInstructions Clause = 16 // Art 28(3) second subparagraph: immediate notice of an infringing instruction
const InWriting Clause = 17              // Art 28(9): the agreement is in writing, including in electronic form

var clauses = enum.New[Clause]("clause", "processor.clause", compliance.UnknownCode,
	"subject-matter", "duration", "nature", "purpose", "data-types", "subject-categories", "controller-rights", "instructions", "confidentiality", "security", "sub-processors", "data-subject-rights", "assistance", "deletion", "audits", "infringing-instructions", "in-writing")

// ParseClause returns the Clause with the given code.
func ParseClause(s string) (Clause, error) { return clauses.Parse(s) }

// AllClauses yields every Clause in numeric order.
func AllClauses() iter.Seq[Clause] { return clauses.All() }

// String returns the stable code.
func (c Clause) String() string { return clauses.String(c) }

// Key returns the i18n message key.
func (c Clause) Key() string { return clauses.Key(c) }

// Valid reports whether c is a known Clause.
func (c Clause) Valid() bool { return clauses.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Clause) MarshalText() ([]byte, error) { return clauses.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Clause) UnmarshalText(b []byte) error { return clauses.UnmarshalText(c, b) }

// AuthorisationKind is the controller's prior written authorisation of
// sub-processors under Art 28(2) GDPR. The zero value is unset.
type AuthorisationKind uint8

// AuthorisationKind values.

const AuthorisationNone AuthorisationKind = 1     // the agreement authorises no sub-processors
const AuthorisationSpecific AuthorisationKind = 2 // prior specific written authorisation of each sub-processor
const AuthorisationGeneral AuthorisationKind = 3  // general written authorisation, with notice of intended changes and a right to object

var authorisationKinds = enum.New[AuthorisationKind]("authorisation", "processor.authorisation", compliance.UnknownCode,
	"none", "specific", "general")

// ParseAuthorisationKind returns the AuthorisationKind with the given code.
func ParseAuthorisationKind(s string) (AuthorisationKind, error) { return authorisationKinds.Parse(s) }

// AllAuthorisationKinds yields every AuthorisationKind in numeric order.
func AllAuthorisationKinds() iter.Seq[AuthorisationKind] { return authorisationKinds.All() }

// String returns the stable code.
func (a AuthorisationKind) String() string { return authorisationKinds.String(a) }

// Key returns the i18n message key.
func (a AuthorisationKind) Key() string { return authorisationKinds.Key(a) }

// Valid reports whether a is a known AuthorisationKind.
func (a AuthorisationKind) Valid() bool { return authorisationKinds.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a AuthorisationKind) MarshalText() ([]byte, error) { return authorisationKinds.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *AuthorisationKind) UnmarshalText(b []byte) error {
	return authorisationKinds.UnmarshalText(a, b)
}

// TransferRule is the agreement's documented instruction on transfers to third
// countries and international organisations (Art 28(3)(a) GDPR). The zero
// value is unset: the agreement records no instruction.
type TransferRule uint8

// TransferRule values.

const TransfersNone TransferRule = 1   // no transfer to a third country or an international organisation
const AdequateOnly TransferRule = 2    // transfers only where an adequacy decision applies (KOMBIT's ban on "usikre tredjelande")
const TransfersListed TransferRule = 3 // transfers only to the countries the agreement lists

var transferRules = enum.New[TransferRule]("transfer-rule", "processor.transfer-rule", compliance.UnknownCode,
	"none", "adequate-only", "listed")

// ParseTransferRule returns the TransferRule with the given code.
func ParseTransferRule(s string) (TransferRule, error) { return transferRules.Parse(s) }

// AllTransferRules yields every TransferRule in numeric order.
func AllTransferRules() iter.Seq[TransferRule] { return transferRules.All() }

// String returns the stable code.
func (t TransferRule) String() string { return transferRules.String(t) }

// Key returns the i18n message key.
func (t TransferRule) Key() string { return transferRules.Key(t) }

// Valid reports whether t is a known TransferRule.
func (t TransferRule) Valid() bool { return transferRules.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t TransferRule) MarshalText() ([]byte, error) { return transferRules.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *TransferRule) UnmarshalText(b []byte) error { return transferRules.UnmarshalText(t, b) }

// Operation is a processing operation as Art 4(2) GDPR lists them; an
// agreement's scope names the operations the processor may perform. The
// zero value is invalid.
type Operation uint8

// Operation values.

// Collection is the Operation with the code "collection".
const Collection Operation = 1

// Recording is the Operation with the code "recording".
const Recording Operation = 2

// Organisation is the Operation with the code "organisation".
const Organisation Operation = 3

// Structuring is the Operation with the code "structuring".
const Structuring Operation = 4

// Storage is the Operation with the code "storage".
const Storage Operation = 5

const Adaptation Operation = 6 // adaptation or alteration

// Retrieval is the Operation with the code "retrieval".
const Retrieval Operation = 7

// Consultation is the Operation with the code "consultation".
const Consultation Operation = 8

// Use is the Operation with the code "use".
const Use Operation = 9

const Disclosure Operation = 10 // disclosure by transmission, dissemination or otherwise making available
const Alignment Operation = 11  // alignment or combination

// Restriction is the Operation with the code "restriction".
const Restriction Operation = 12

const Erasure Operation = 13 // erasure or destruction

var operations = enum.New[Operation]("operation", "processor.operation", compliance.UnknownCode,
	"collection", "recording", "organisation", "structuring", "storage", "adaptation", "retrieval", "consultation", "use", "disclosure", "alignment", "restriction", "erasure")

// ParseOperation returns the Operation with the given code.
func ParseOperation(s string) (Operation, error) { return operations.Parse(s) }

// AllOperations yields every Operation in numeric order.
func AllOperations() iter.Seq[Operation] { return operations.All() }

// String returns the stable code.
func (o Operation) String() string { return operations.String(o) }

// Key returns the i18n message key.
func (o Operation) Key() string { return operations.Key(o) }

// Valid reports whether o is a known Operation.
func (o Operation) Valid() bool { return operations.Valid(o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Operation) MarshalText() ([]byte, error) { return operations.MarshalText(o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Operation) UnmarshalText(b []byte) error { return operations.UnmarshalText(o, b) }

// Access is what happens to the data at a [Location]: where they are hosted or
// stored, and where they can be reached from. Access from a third country is
// a transfer (EDPB Guidelines 05/2021, and Danish Datatilsynet's Chromebook
// decision of 14 July 2022 on "support situations"). The zero value is
// invalid.
type Access uint8

// Access values.

const Hosting Access = 1      // the data are hosted and processed there (a data centre)
const Backup Access = 2       // copies are stored there (backup, archive, disaster recovery)
const Support Access = 3      // support staff there can access the data
const RemoteAccess Access = 4 // operations or maintenance staff there can access the data remotely
const Transit Access = 5      // the data only pass through, encrypted in transit

var accesses = enum.New[Access]("access", "processor.access", compliance.UnknownCode,
	"hosting", "backup", "support", "remote-access", "transit")

// ParseAccess returns the Access with the given code.
func ParseAccess(s string) (Access, error) { return accesses.Parse(s) }

// AllAccesses yields every Access in numeric order.
func AllAccesses() iter.Seq[Access] { return accesses.All() }

// String returns the stable code.
func (a Access) String() string { return accesses.String(a) }

// Key returns the i18n message key.
func (a Access) Key() string { return accesses.Key(a) }

// Valid reports whether a is a known Access.
func (a Access) Valid() bool { return accesses.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Access) MarshalText() ([]byte, error) { return accesses.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Access) UnmarshalText(b []byte) error { return accesses.UnmarshalText(a, b) }

// Measure is a supplementary measure for a transfer, named after the use cases
// of Annex 2 of EDPB Recommendations 01/2020 (v2.0, 18 June 2021). Only
// technical measures can be effective against public authorities' access;
// contractual and organisational measures alone generally cannot (reference
// §3.7). The zero value is invalid.
type Measure uint8

// Measure values.

const KeyEncryption Measure = 1      // strong encryption before transfer, keys held only by the kommune or a trusted entity in the EEA or an adequate country (use case 1)
const Pseudonymisation Measure = 2   // pseudonymisation, the additional information held in the EEA or an adequate country (use case 2)
const TransitEncryption Measure = 3  // transport encryption, decrypted only outside the third country (use case 3)
const ProtectedRecipient Measure = 4 // a recipient protected by its own law, e.g. professional secrecy (use case 4)
const SplitProcessing Measure = 5    // processing split between parties so that none can reconstruct the data (use case 5)
const Contractual Measure = 6        // contractual measures (transparency, notice of access requests)
const Organisational Measure = 7     // organisational measures (policies, access logs)

var measures = enum.New[Measure]("measure", "processor.measure", compliance.UnknownCode,
	"key-encryption", "pseudonymisation", "transit-encryption", "protected-recipient", "split-processing", "contractual", "organisational")

// ParseMeasure returns the Measure with the given code.
func ParseMeasure(s string) (Measure, error) { return measures.Parse(s) }

// AllMeasures yields every Measure in numeric order.
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

// Tool is the transfer tool of Chapter V GDPR that a transfer relies on where
// no adequacy decision applies. The zero value is unset: no tool.
type Tool uint8

// Tool values.

const SCC Tool = 1                       // standard contractual clauses of Implementing Decision (EU) 2021/914 (Art 46(2)(c))
const SCC2010 Tool = 2                   // the repealed clauses of Decision 2010/87/EU, adequate only until 27 December 2022
const BCR Tool = 3                       // binding corporate rules (Art 46(2)(b), 47)
const AdHocClauses Tool = 4              // contractual clauses authorised by the supervisory authority (Art 46(3)(a))
const PublicAuthorityInstrument Tool = 5 // a legally binding instrument between public authorities (Art 46(2)(a))
const CodeOfConduct Tool = 6             // an approved code of conduct with binding commitments (Art 46(2)(e))
const Certification Tool = 7             // an approved certification with binding commitments (Art 46(2)(f))
const DerogationTool Tool = 8            // a derogation for specific situations (Art 49)

var tools = enum.New[Tool]("tool", "processor.tool", compliance.UnknownCode,
	"scc", "scc-2010", "bcr", "ad-hoc-clauses", "public-authority-instrument", "code-of-conduct", "certification", "derogation")

// ParseTool returns the Tool with the given code.
func ParseTool(s string) (Tool, error) { return tools.Parse(s) }

// AllTools yields every Tool in numeric order.
func AllTools() iter.Seq[Tool] { return tools.All() }

// String returns the stable code.
func (t Tool) String() string { return tools.String(t) }

// Key returns the i18n message key.
func (t Tool) Key() string { return tools.Key(t) }

// Valid reports whether t is a known Tool.
func (t Tool) Valid() bool { return tools.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Tool) MarshalText() ([]byte, error) { return tools.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Tool) UnmarshalText(b []byte) error { return tools.UnmarshalText(t, b) }

// Module is a module of the standard contractual clauses of Implementing
// Decision (EU) 2021/914. A kommune's transfer to its processor needs Module
// 2 (controller to processor); its processor's transfer to a sub-processor
// needs Module 3 (processor to processor). The zero value is unset.
type Module uint8

// Module values.

const ModuleC2C Module = 1 // Module 1: controller to controller
const ModuleC2P Module = 2 // Module 2: controller to processor
const ModuleP2P Module = 3 // Module 3: processor to processor
const ModuleP2C Module = 4 // Module 4: processor to controller

var modules = enum.New[Module]("module", "processor.module", compliance.UnknownCode,
	"c2c", "c2p", "p2p", "p2c")

// ParseModule returns the Module with the given code.
func ParseModule(s string) (Module, error) { return modules.Parse(s) }

// AllModules yields every Module in numeric order.
func AllModules() iter.Seq[Module] { return modules.All() }

// String returns the stable code.
func (m Module) String() string { return modules.String(m) }

// Key returns the i18n message key.
func (m Module) Key() string { return modules.Key(m) }

// Valid reports whether m is a known Module.
func (m Module) Valid() bool { return modules.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m Module) MarshalText() ([]byte, error) { return modules.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Module) UnmarshalText(b []byte) error { return modules.UnmarshalText(m, b) }

// Derogation is a derogation for specific situations of Art 49(1) GDPR.
// Points (a), (b) and (c) and the second subparagraph do not apply to
// public authorities in the exercise of their public powers (Art 49(3)).
// The zero value is unset.
type Derogation uint8

// Derogation values.

const ExplicitConsent Derogation = 1     // Art 49(1)(a)
const ContractWithSubject Derogation = 2 // Art 49(1)(b)
const ContractInInterest Derogation = 3  // Art 49(1)(c)
const PublicInterest Derogation = 4      // Art 49(1)(d)
const LegalClaims Derogation = 5         // Art 49(1)(e)
const VitalInterests Derogation = 6      // Art 49(1)(f)
const PublicRegister Derogation = 7      // Art 49(1)(g)
const CompellingInterests Derogation = 8 // Art 49(1), second subparagraph

var derogations = enum.New[Derogation]("derogation", "processor.derogation", compliance.UnknownCode,
	"explicit-consent", "contract", "contract-in-interest", "public-interest", "legal-claims", "vital-interests", "public-register", "compelling-interests")

// ParseDerogation returns the Derogation with the given code.
func ParseDerogation(s string) (Derogation, error) { return derogations.Parse(s) }

// AllDerogations yields every Derogation in numeric order.
func AllDerogations() iter.Seq[Derogation] { return derogations.All() }

// String returns the stable code.
func (d Derogation) String() string { return derogations.String(d) }

// Key returns the i18n message key.
func (d Derogation) Key() string { return derogations.Key(d) }

// Valid reports whether d is a known Derogation.
func (d Derogation) Valid() bool { return derogations.Valid(d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Derogation) MarshalText() ([]byte, error) { return derogations.MarshalText(d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Derogation) UnmarshalText(b []byte) error { return derogations.UnmarshalText(d, b) }

// Conclusion is the outcome of a transfer impact assessment (the assessment
// of the third country's law and practice that C-311/18 requires and Clause
// 14 of the 2021/914 clauses describes). The zero value is unset.
type Conclusion uint8

// Conclusion values.

const Equivalent Conclusion = 1     // the transfer tool ensures essentially equivalent protection without supplementary measures
const MeasuresNeeded Conclusion = 2 // supplementary measures are needed for essentially equivalent protection
const NotEquivalent Conclusion = 3  // essentially equivalent protection cannot be ensured: the transfer must stop

var conclusions = enum.New[Conclusion]("conclusion", "processor.conclusion", compliance.UnknownCode,
	"equivalent", "measures-needed", "not-equivalent")

// ParseConclusion returns the Conclusion with the given code.
func ParseConclusion(s string) (Conclusion, error) { return conclusions.Parse(s) }

// AllConclusions yields every Conclusion in numeric order.
func AllConclusions() iter.Seq[Conclusion] { return conclusions.All() }

// String returns the stable code.
func (c Conclusion) String() string { return conclusions.String(c) }

// Key returns the i18n message key.
func (c Conclusion) Key() string { return conclusions.Key(c) }

// Valid reports whether c is a known Conclusion.
func (c Conclusion) Valid() bool { return conclusions.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Conclusion) MarshalText() ([]byte, error) { return conclusions.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Conclusion) UnmarshalText(b []byte) error { return conclusions.UnmarshalText(c, b) }

// AuditType is the kind of evidence a supervision of a processor rests on
// (tilsyn med databehandlere, oppfølging av databehandlere). The zero value
// is invalid.
type AuditType uint8

// AuditType values.

const ISAE3000Type1 AuditType = 1  // ISAE 3000 (GDPR) statement, type 1: design and implementation at a date
const ISAE3000Type2 AuditType = 2  // ISAE 3000 (GDPR) statement, type 2: also operating effectiveness over a period
const ISAE3402Type1 AuditType = 3  // ISAE 3402 assurance report on a service organisation's controls, type 1
const ISAE3402Type2 AuditType = 4  // ISAE 3402 assurance report, type 2
const SOC2Type1 AuditType = 5      // AICPA SOC 2 report, type I
const SOC2Type2 AuditType = 6      // AICPA SOC 2 report, type II
const ISRS4400 AuditType = 7       // ISRS 4400 agreed-upon procedures (factual findings, no opinion)
const SelfAssessment AuditType = 8 // the processor's own written statement or self-assessment
const Questionnaire AuditType = 9  // the kommune's questionnaire answered by the processor
const Inspection AuditType = 10    // a physical inspection by the kommune or an auditor it mandates
const DBS AuditType = 11           // the report of the joint municipal Data Processor Secretariat (Det Fælleskommunale Databehandlersekretariat, DBS)

var auditTypes = enum.New[AuditType]("audit-type", "processor.audit-type", compliance.UnknownCode,
	"isae-3000-type-1", "isae-3000-type-2", "isae-3402-type-1", "isae-3402-type-2", "soc-2-type-1", "soc-2-type-2", "isrs-4400", "self-assessment", "questionnaire", "inspection", "dbs")

// ParseAuditType returns the AuditType with the given code.
func ParseAuditType(s string) (AuditType, error) { return auditTypes.Parse(s) }

// AllAuditTypes yields every AuditType in numeric order.
func AllAuditTypes() iter.Seq[AuditType] { return auditTypes.All() }

// String returns the stable code.
func (a AuditType) String() string { return auditTypes.String(a) }

// Key returns the i18n message key.
func (a AuditType) Key() string { return auditTypes.Key(a) }

// Valid reports whether a is a known AuditType.
func (a AuditType) Valid() bool { return auditTypes.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a AuditType) MarshalText() ([]byte, error) { return auditTypes.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *AuditType) UnmarshalText(b []byte) error { return auditTypes.UnmarshalText(a, b) }

// Assurance is the level of assurance of an auditor's statement: an ISAE 3000
// GDPR statement with reasonable ("høj grad af sikkerhed") or limited
// ("begrænset sikkerhed") assurance (FSR and Datatilsynet, 2019 and 19
// November 2020). The zero value is unset.
type Assurance uint8

// Assurance values.

// Reasonable is the Assurance with the code "reasonable".
const Reasonable Assurance = 1

// Limited is the Assurance with the code "limited".
const Limited Assurance = 2

var assurances = enum.New[Assurance]("assurance", "processor.assurance", compliance.UnknownCode,
	"reasonable", "limited")

// ParseAssurance returns the Assurance with the given code.
func ParseAssurance(s string) (Assurance, error) { return assurances.Parse(s) }

// AllAssurances yields every Assurance in numeric order.
func AllAssurances() iter.Seq[Assurance] { return assurances.All() }

// String returns the stable code.
func (a Assurance) String() string { return assurances.String(a) }

// Key returns the i18n message key.
func (a Assurance) Key() string { return assurances.Key(a) }

// Valid reports whether a is a known Assurance.
func (a Assurance) Valid() bool { return assurances.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Assurance) MarshalText() ([]byte, error) { return assurances.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Assurance) UnmarshalText(b []byte) error { return assurances.UnmarshalText(a, b) }

// Opinion is the auditor's conclusion in an assurance statement. The zero
// value is unset.
type Opinion uint8

// Opinion values.

const Unqualified Opinion = 1 // a conclusion without reservation
const Qualified Opinion = 2   // a modified conclusion with reservations (forbehold)
const Adverse Opinion = 3     // an adverse conclusion: the controls are not suitably designed or effective
const Disclaimer Opinion = 4  // no conclusion could be given

var opinions = enum.New[Opinion]("opinion", "processor.opinion", compliance.UnknownCode,
	"unqualified", "qualified", "adverse", "disclaimer")

// ParseOpinion returns the Opinion with the given code.
func ParseOpinion(s string) (Opinion, error) { return opinions.Parse(s) }

// AllOpinions yields every Opinion in numeric order.
func AllOpinions() iter.Seq[Opinion] { return opinions.All() }

// String returns the stable code.
func (o Opinion) String() string { return opinions.String(o) }

// Key returns the i18n message key.
func (o Opinion) Key() string { return opinions.Key(o) }

// Valid reports whether o is a known Opinion.
func (o Opinion) Valid() bool { return opinions.Valid(o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Opinion) MarshalText() ([]byte, error) { return opinions.MarshalText(o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Opinion) UnmarshalText(b []byte) error { return opinions.UnmarshalText(o, b) }

// FollowUp is the state of the follow-up on a deviation an audit found. The
// zero value is invalid.
type FollowUp uint8

// FollowUp values.

const Open FollowUp = 1     // no follow-up yet
const Planned FollowUp = 2  // the processor has planned a correction
const Resolved FollowUp = 3 // corrected and verified
const Accepted FollowUp = 4 // the kommune has accepted the remaining risk

var followUps = enum.New[FollowUp]("follow-up", "processor.follow-up", compliance.UnknownCode,
	"open", "planned", "resolved", "accepted")

// ParseFollowUp returns the FollowUp with the given code.
func ParseFollowUp(s string) (FollowUp, error) { return followUps.Parse(s) }

// AllFollowUps yields every FollowUp in numeric order.
func AllFollowUps() iter.Seq[FollowUp] { return followUps.All() }

// String returns the stable code.
func (f FollowUp) String() string { return followUps.String(f) }

// Key returns the i18n message key.
func (f FollowUp) Key() string { return followUps.Key(f) }

// Valid reports whether f is a known FollowUp.
func (f FollowUp) Valid() bool { return followUps.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f FollowUp) MarshalText() ([]byte, error) { return followUps.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *FollowUp) UnmarshalText(b []byte) error { return followUps.UnmarshalText(f, b) }

// RiskLevel is the kommune's assessment of the risk to the data subjects of the
// processing a processor performs; the supervision of the processor must be
// risk-based (Datatilsynet DK, guidance of 29 October 2021). The zero value
// is unset.
type RiskLevel uint8

// RiskLevel values.

// LowRisk is the RiskLevel with the code "low".
const LowRisk RiskLevel = 1

// MediumRisk is the RiskLevel with the code "medium".
const MediumRisk RiskLevel = 2

// HighRisk is the RiskLevel with the code "high".
const HighRisk RiskLevel = 3

var riskLevels = enum.New[RiskLevel]("risk-level", "processor.risk-level", compliance.UnknownCode,
	"low", "medium", "high")

// ParseRiskLevel returns the RiskLevel with the given code.
func ParseRiskLevel(s string) (RiskLevel, error) { return riskLevels.Parse(s) }

// AllRiskLevels yields every RiskLevel in numeric order.
func AllRiskLevels() iter.Seq[RiskLevel] { return riskLevels.All() }

// String returns the stable code.
func (r RiskLevel) String() string { return riskLevels.String(r) }

// Key returns the i18n message key.
func (r RiskLevel) Key() string { return riskLevels.Key(r) }

// Valid reports whether r is a known RiskLevel.
func (r RiskLevel) Valid() bool { return riskLevels.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r RiskLevel) MarshalText() ([]byte, error) { return riskLevels.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *RiskLevel) UnmarshalText(b []byte) error { return riskLevels.UnmarshalText(r, b) }

// Outcome is the answer of [Snapshot.Check]. The zero value is invalid.
type Outcome uint8

// Outcome values.

const Allow Outcome = 1             // the data may be shared; nothing needs attention
const AllowWithWarnings Outcome = 2 // the data may be shared, but findings need an assessment or an action
const Deny Outcome = 3              // the data must not be shared: a rule is violated

var outcomes = enum.New[Outcome]("outcome", "processor.outcome", compliance.UnknownCode,
	"allow", "allow-with-warnings", "deny")

// ParseOutcome returns the Outcome with the given code.
func ParseOutcome(s string) (Outcome, error) { return outcomes.Parse(s) }

// AllOutcomes yields every Outcome in numeric order.
func AllOutcomes() iter.Seq[Outcome] { return outcomes.All() }

// String returns the stable code.
func (o Outcome) String() string { return outcomes.String(o) }

// Key returns the i18n message key.
func (o Outcome) Key() string { return outcomes.Key(o) }

// Valid reports whether o is a known Outcome.
func (o Outcome) Valid() bool { return outcomes.Valid(o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.MarshalText(o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Outcome) UnmarshalText(b []byte) error { return outcomes.UnmarshalText(o, b) }

// Scope is the reach of an adequacy decision (reference §3.4: the library
// must not hold a country-level boolean alone). The zero value is invalid.
type Scope uint8

// Scope values.

const FullScope Scope = 1    // every recipient in the country
const DPFScope Scope = 2     // only organisations on the EU-US Data Privacy Framework List
const LimitedScope Scope = 3 // only recipients within the decision's scope limit, which the record must confirm

var scopes = enum.New[Scope]("scope", "processor.scope", compliance.UnknownCode,
	"full", "dpf", "limited")

// ParseScope returns the Scope with the given code.
func ParseScope(s string) (Scope, error) { return scopes.Parse(s) }

// AllScopes yields every Scope in numeric order.
func AllScopes() iter.Seq[Scope] { return scopes.All() }

// String returns the stable code.
func (s Scope) String() string { return scopes.String(s) }

// Key returns the i18n message key.
func (s Scope) Key() string { return scopes.Key(s) }

// Valid reports whether s is a known Scope.
func (s Scope) Valid() bool { return scopes.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Scope) MarshalText() ([]byte, error) { return scopes.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Scope) UnmarshalText(b []byte) error { return scopes.UnmarshalText(s, b) }

// Organisation is an international organisation that can receive data (Art
// 4(26) GDPR). The zero value is unset.
type InternationalOrganisation uint8

// InternationalOrganisation values.

const EPO InternationalOrganisation = 1 // the European Patent Organisation

var internationalOrganisations = enum.New[InternationalOrganisation]("organisation", "processor.organisation", compliance.UnknownCode,
	"epo")

// ParseInternationalOrganisation returns the InternationalOrganisation with the given code.
func ParseInternationalOrganisation(s string) (InternationalOrganisation, error) {
	return internationalOrganisations.Parse(s)
}

// AllInternationalOrganisations yields every InternationalOrganisation in numeric order.
func AllInternationalOrganisations() iter.Seq[InternationalOrganisation] {
	return internationalOrganisations.All()
}

// String returns the stable code.
func (i InternationalOrganisation) String() string { return internationalOrganisations.String(i) }

// Key returns the i18n message key.
func (i InternationalOrganisation) Key() string { return internationalOrganisations.Key(i) }

// Valid reports whether i is a known InternationalOrganisation.
func (i InternationalOrganisation) Valid() bool { return internationalOrganisations.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i InternationalOrganisation) MarshalText() ([]byte, error) {
	return internationalOrganisations.MarshalText(i)
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *InternationalOrganisation) UnmarshalText(b []byte) error {
	return internationalOrganisations.UnmarshalText(i, b)
}

// UseCase is one of the seven use cases of Annex 2 of EDPB Recommendations
// 01/2020: five where an effective supplementary measure exists, two where
// the EDPB cannot envisage one. The zero value is invalid.
type UseCase uint8

// UseCase values.

const EncryptedStorage UseCase = 1 // use case 1: storage that needs no access to data in the clear
const Pseudonymised UseCase = 2    // use case 2: transfer of pseudonymised data
const EncryptedTransit UseCase = 3 // use case 3: encrypted data merely transiting a third country
const Protected UseCase = 4        // use case 4: a protected recipient
const Split UseCase = 5            // use case 5: split or multi-party processing
const CloudClearText UseCase = 6   // use case 6: a cloud or other processor that needs the data in the clear
const RemoteClearText UseCase = 7  // use case 7: remote access to data in the clear for business purposes

var useCases = enum.New[UseCase]("use-case", "processor.use-case", compliance.UnknownCode,
	"encrypted-storage", "pseudonymised", "encrypted-transit", "protected-recipient", "split-processing", "cloud-clear-text", "remote-clear-text")

// ParseUseCase returns the UseCase with the given code.
func ParseUseCase(s string) (UseCase, error) { return useCases.Parse(s) }

// AllUseCases yields every UseCase in numeric order.
func AllUseCases() iter.Seq[UseCase] { return useCases.All() }

// String returns the stable code.
func (u UseCase) String() string { return useCases.String(u) }

// Key returns the i18n message key.
func (u UseCase) Key() string { return useCases.Key(u) }

// Valid reports whether u is a known UseCase.
func (u UseCase) Valid() bool { return useCases.Valid(u) }

// MarshalText implements [encoding.TextMarshaler].
func (u UseCase) MarshalText() ([]byte, error) { return useCases.MarshalText(u) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *UseCase) UnmarshalText(b []byte) error { return useCases.UnmarshalText(u, b) }

// IdentityField is an element of a sub-processor's identity that the controller
// should have at all times, regardless of risk (EDPB Opinion 22/2024: name,
// address and contact person), plus its country and the service it
// performs. The zero value is invalid.
type IdentityField uint8

// IdentityField values.

// IdentityName is the IdentityField with the code "name".
const IdentityName IdentityField = 1

// IdentityAddress is the IdentityField with the code "address".
const IdentityAddress IdentityField = 2

// IdentityContact is the IdentityField with the code "contact".
const IdentityContact IdentityField = 3

// IdentityCountry is the IdentityField with the code "country".
const IdentityCountry IdentityField = 4

// IdentityService is the IdentityField with the code "service".
const IdentityService IdentityField = 5

var identityFields = enum.New[IdentityField]("identity", "processor.identity", compliance.UnknownCode,
	"name", "address", "contact", "country", "service")

// ParseIdentityField returns the IdentityField with the given code.
func ParseIdentityField(s string) (IdentityField, error) { return identityFields.Parse(s) }

// AllIdentityFields yields every IdentityField in numeric order.
func AllIdentityFields() iter.Seq[IdentityField] { return identityFields.All() }

// String returns the stable code.
func (i IdentityField) String() string { return identityFields.String(i) }

// Key returns the i18n message key.
func (i IdentityField) Key() string { return identityFields.Key(i) }

// Valid reports whether i is a known IdentityField.
func (i IdentityField) Valid() bool { return identityFields.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i IdentityField) MarshalText() ([]byte, error) { return identityFields.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *IdentityField) UnmarshalText(b []byte) error { return identityFields.UnmarshalText(i, b) }
