package breach

import "github.com/tillid/tillid/compliance"

// Finding codes. Each is also the message key of the finding in package
// i18n; the comment gives the English text and the arguments.
const (
	// CodeDocument: document the breach in the register, whatever the risk
	// (Art 33(5)). Info.
	CodeDocument compliance.Code = "breach.document"
	// CodeNotABreach: the incident is not a personal data breach; it stays
	// in the register. Info.
	CodeNotABreach compliance.Code = "breach.not-a-breach"
	// CodeUnclassified: the incident is not yet classified and is treated as
	// a breach until it is. Warning.
	CodeUnclassified compliance.Code = "breach.unclassified"
	// CodeAwarenessMissing: the instant of awareness is not recorded; the
	// assessment must be made promptly. Warning.
	CodeAwarenessMissing compliance.Code = "breach.awareness-missing"
	// CodeSeverity: "severity by ENISA's method: %[1]s (%[2]s)" (score,
	// band); the parts of the score are in [Assessment.Severity]. Info.
	CodeSeverity compliance.Code = "breach.severity"
	// CodeIdentifiabilityAssumed: ease of identification not assessed;
	// maximum (1) used. Warning.
	CodeIdentifiabilityAssumed compliance.Code = "breach.identifiability-assumed"
	// CodeDataUnknown: no data categories recorded, so severity cannot be
	// computed and the breach is taken to result in a risk. Warning.
	CodeDataUnknown compliance.Code = "breach.data-unknown"
	// CodeEncrypted: the data were encrypted with an uncompromised key, so
	// the loss of confidentiality carries no risk. Info.
	CodeEncrypted compliance.Code = "breach.encrypted"
	// CodeTrustedRecipient: the only recipient is bound by confidentiality
	// and confirmed deletion, and no special categories were sent. Info.
	CodeTrustedRecipient compliance.Code = "breach.trusted-recipient"
	// CodeRestored: the data were restored from backup and nobody was
	// affected. Info.
	CodeRestored compliance.Code = "breach.restored"
	// CodeSpecialCategories: "%[1]s" (names of the special categories and
	// criminal offence data exposed) — the breach exposes them. Info.
	CodeSpecialCategories compliance.Code = "breach.special-categories"
	// CodeConfidentialData: "%[1]s" (names of confidential categories
	// exposed). Info.
	CodeConfidentialData compliance.Code = "breach.confidential-data"
	// CodeChildren: the breach concerns children. Info.
	CodeChildren compliance.Code = "breach.children"
	// CodeVulnerable: "%[1]s" (names of vulnerable subject categories). Info.
	CodeVulnerable compliance.Code = "breach.vulnerable"
	// CodeServiceImpact: services the data subjects depend on were delayed
	// or missed. Info.
	CodeServiceImpact compliance.Code = "breach.service-impact"
	// CodePublicAuthority: "%[1]s" (names of the confidential categories)
	// — a public authority exposed confidential data about citizens who
	// cannot opt out. Info.
	CodePublicAuthority compliance.Code = "breach.public-authority"
	// CodeIdentityTheft: identifiers that open the door to identity theft
	// or fraud were exposed. Info.
	CodeIdentityTheft compliance.Code = "breach.identity-theft"
	// CodeIdentityTheftWide: such identifiers reached unknown recipients,
	// the public, or "%[1]d" people or more (people affected). Info.
	CodeIdentityTheftWide compliance.Code = "breach.identity-theft-wide"
	// CodeManyPeople: "%[1]d people affected; the policy's threshold is
	// %[2]d" (people, threshold). Info.
	CodeManyPeople compliance.Code = "breach.many-people"
	// CodeMassExposure: "%[1]d people's identifying data lost to unknown
	// recipients; the policy's threshold is %[2]d" (people, threshold).
	// Info.
	CodeMassExposure compliance.Code = "breach.mass-exposure"
	// CodeProtectedAddress: a protected name and address was disclosed.
	// Info.
	CodeProtectedAddress compliance.Code = "breach.protected-address"
	// CodeInsider: deliberate exfiltration by an insider. Info.
	CodeInsider compliance.Code = "breach.insider"
	// CodeOutage: "data unavailable for %[1]s; the policy's threshold is
	// %[2]s" (duration, threshold). Info.
	CodeOutage compliance.Code = "breach.outage"
	// CodeDataLost: the data are lost for good (no backup). Info.
	CodeDataLost compliance.Code = "breach.data-lost"
	// CodeConsequencesCertain: consequences certain or almost certain.
	// Info.
	CodeConsequencesCertain compliance.Code = "breach.consequences-certain"
	// CodeConsequencesVerySerious: possible consequences very serious,
	// however unlikely. Info.
	CodeConsequencesVerySerious compliance.Code = "breach.consequences-very-serious"
	// CodeConsequencesSerious: possible consequences serious. Info.
	CodeConsequencesSerious compliance.Code = "breach.consequences-serious"
	// CodeIrreversible: the consequences cannot be undone. Info.
	CodeIrreversible compliance.Code = "breach.irreversible"
	// CodeFactMissing: "%[1]s" (name of the fact) — a fact needed to show
	// that the breach is unlikely to result in a risk is not recorded, so
	// it is taken to result in one. Warning.
	CodeFactMissing compliance.Code = "breach.fact-missing"
	// CodeRisk: "Assessed risk: %[1]s" (risk name). Info.
	CodeRisk compliance.Code = "breach.risk"

	// CodeNotifyAuthority: notify Datatilsynet (Art 33(1)). Warning.
	CodeNotifyAuthority compliance.Code = "breach.notify-authority"
	// CodeNotificationNotRequired: unlikely to result in a risk; no
	// notification, but documented. Info.
	CodeNotificationNotRequired compliance.Code = "breach.notification-not-required"
	// CodeAuthorityDue: "by %[1]s (%[2]s left)" (deadline, remaining).
	// Warning.
	CodeAuthorityDue compliance.Code = "breach.authority-due"
	// CodeAuthorityOverdue: "the deadline %[1]s has passed" (deadline).
	// Violation.
	CodeAuthorityOverdue compliance.Code = "breach.authority-overdue"
	// CodeAuthorityOnTime: "notified %[1]s, deadline %[2]s" (notified,
	// deadline). Info.
	CodeAuthorityOnTime compliance.Code = "breach.authority-on-time"
	// CodeAuthorityLate: "notified %[1]s, %[3]s after the deadline %[2]s;
	// reasons recorded" (notified, deadline, delay). Warning.
	CodeAuthorityLate compliance.Code = "breach.authority-late"
	// CodeDelayReasonsMissing: "notified %[1]s, %[3]s after the deadline
	// %[2]s, without reasons" (notified, deadline, delay). Violation.
	CodeDelayReasonsMissing compliance.Code = "breach.delay-reasons-missing"
	// CodeFollowUpPending: "the notification of %[1]s was incomplete"
	// (instant of the last notification). Warning.
	CodeFollowUpPending compliance.Code = "breach.follow-up-pending"
	// CodeFollowUpOverdue: "promised by %[1]s" (promised instant). Warning.
	CodeFollowUpOverdue compliance.Code = "breach.follow-up-overdue"
	// CodeProcessorLate: "the processor took %[1]s; the agreement allows
	// %[2]s" (elapsed, agreed period). Warning.
	CodeProcessorLate compliance.Code = "breach.processor-late"
	// CodeProcessorDelay: "the processor took %[1]s; no agreed limit"
	// (elapsed). Info.
	CodeProcessorDelay compliance.Code = "breach.processor-delay"
	// CodeProcessorNoticeStartsClock: "the processor told the kommune at
	// %[1]s; the 72 hours run from then" (processor's notice). Warning.
	CodeProcessorNoticeStartsClock compliance.Code = "breach.processor-notice-starts-clock"

	// CodeCommunicateSubjects: tell the data subjects without undue delay
	// (Art 34(1)). Warning.
	CodeCommunicateSubjects compliance.Code = "breach.communicate-subjects"
	// CodeCommunicatePublic: make a public communication (Art 34(3)(c)).
	// Warning.
	CodeCommunicatePublic compliance.Code = "breach.communicate-public"
	// CodeSubjectsCommunicated: "told %[1]s by %[2]s" (instant, channel).
	// Info.
	CodeSubjectsCommunicated compliance.Code = "breach.subjects-communicated"
	// CodeSubjectsNotRequired: no likely high risk; no communication. Info.
	CodeSubjectsNotRequired compliance.Code = "breach.subjects-not-required"
	// CodeExemptUnintelligible: Art 34(3)(a). Info.
	CodeExemptUnintelligible compliance.Code = "breach.exempt-unintelligible"
	// CodeExemptAverted: Art 34(3)(b). Info.
	CodeExemptAverted compliance.Code = "breach.exempt-averted"
	// CodeWithheld: "%[1]s" (the ground) — national law restricts Art 34
	// (DK databeskyttelsesloven § 22); the data subjects are not told.
	// Info.
	CodeWithheld compliance.Code = "breach.withheld"
	// CodeWithholdingNotApplied: "%[1]s" (the ground) — a withholding was
	// recorded but no provision of the jurisdiction applies it in the
	// policy; the data subjects are still to be told. Warning.
	CodeWithholdingNotApplied compliance.Code = "breach.withholding-not-applied"
)

// findingCodes lists every finding code.
var findingCodes = []compliance.Code{
	CodeDocument, CodeNotABreach, CodeUnclassified, CodeAwarenessMissing, CodeSeverity,
	CodeIdentifiabilityAssumed, CodeDataUnknown, CodeEncrypted, CodeTrustedRecipient,
	CodeRestored, CodeSpecialCategories, CodeConfidentialData, CodeChildren, CodeVulnerable,
	CodeServiceImpact, CodeRisk, CodeNotifyAuthority, CodeNotificationNotRequired,
	CodeAuthorityDue, CodeAuthorityOverdue, CodeAuthorityOnTime, CodeAuthorityLate,
	CodeDelayReasonsMissing, CodeFollowUpPending, CodeFollowUpOverdue, CodeProcessorLate,
	CodeProcessorDelay, CodeProcessorNoticeStartsClock, CodeCommunicateSubjects,
	CodeCommunicatePublic, CodeSubjectsCommunicated, CodeSubjectsNotRequired,
	CodeExemptUnintelligible, CodeExemptAverted,
	CodePublicAuthority, CodeIdentityTheft, CodeIdentityTheftWide, CodeManyPeople,
	CodeProtectedAddress, CodeInsider, CodeOutage, CodeDataLost, CodeConsequencesCertain,
	CodeConsequencesVerySerious, CodeConsequencesSerious, CodeIrreversible, CodeFactMissing,
	CodeWithheld, CodeWithholdingNotApplied, CodeMassExposure,
}

// Codes returns every message code package breach emits: the finding codes
// and the codes of the documents it builds ([AuthorityNotice],
// [SubjectsLetter]). The vocabulary keys are not included; they come from
// the All… functions.
func Codes() []compliance.Code {
	out := make([]compliance.Code, 0, len(findingCodes)+len(documentCodes)+len(documentxCodes))
	out = append(out, findingCodes...)
	out = append(out, documentCodes...)
	return append(out, documentxCodes...)
}
