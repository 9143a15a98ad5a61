package processor

// Former names of constants whose Go names now match their JSON codes
// (issue 12, item 5). They keep code written against the old names
// compiling; they will be removed. Names that still differ from their
// codes do so because the code's word names a type or field of this
// package: SubProcessorTerms ("sub-processors"), AuditRights ("audits"),
// DerogationTool ("derogation"), ContractWithSubject ("contract"), and the
// use cases Protected and Split, whose codes are the names of the measures
// ProtectedRecipient and SplitProcessing.
const (
	// Deprecated: use SubjectCategories ("subject-categories").
	SubjectTypes = SubjectCategories
	// Deprecated: use DataSubjectRights ("data-subject-rights").
	RightsAssistance = DataSubjectRights
	// Deprecated: use Assistance ("assistance").
	ComplianceAssistance = Assistance
	// Deprecated: use Deletion ("deletion").
	DeleteOrReturn = Deletion
	// Deprecated: use TemplateDKStandard ("dk-standard").
	TemplateDatatilsynetDK = TemplateDKStandard
	// Deprecated: use TemplateNOSSAD ("no-ssa-d").
	TemplateSSAD = TemplateNOSSAD
	// Deprecated: use AuthorisationNone ("none").
	NoSubProcessing = AuthorisationNone
	// Deprecated: use AuthorisationSpecific ("specific").
	SpecificAuthorisation = AuthorisationSpecific
	// Deprecated: use AuthorisationGeneral ("general").
	GeneralAuthorisation = AuthorisationGeneral
	// Deprecated: use TransfersNone ("none").
	NoTransfers = TransfersNone
	// Deprecated: use TransfersListed ("listed").
	ListedCountries = TransfersListed
)
