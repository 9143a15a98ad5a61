package processor

import "github.com/tillid/tillid/compliance"

// Finding codes. Each is also the i18n message key; the comment gives the
// message's arguments in order.
const (
	// CodeUnknown: the processor is not in the registry. No arguments.
	CodeUnknown compliance.Code = "processor.unknown"
	// CodeRequestIncomplete: the request lacks data categories, subject
	// categories or a purpose. No arguments.
	CodeRequestIncomplete compliance.Code = "processor.request-incomplete"

	// CodeNoAgreement: no data processing agreement. Text(processor).
	CodeNoAgreement compliance.Code = "processor.no-agreement"
	// CodeAgreementPending: the agreement is not yet in force.
	// Text(processor), Date(from).
	CodeAgreementPending compliance.Code = "processor.agreement-pending"
	// CodeAgreementExpired: the agreement has ended. Text(processor),
	// Date(to).
	CodeAgreementExpired compliance.Code = "processor.agreement-expired"
	// CodeAgreementUnsigned: the agreement is not signed. Text(processor).
	CodeAgreementUnsigned compliance.Code = "processor.agreement-unsigned"
	// CodeContentMissing: Art 28(3) content is missing. Names(clauses).
	CodeContentMissing compliance.Code = "processor.art28-content-missing"
	// CodeTransferInstructionsMissing: no instruction on transfers. No
	// arguments.
	CodeTransferInstructionsMissing compliance.Code = "processor.transfer-instructions-missing"
	// CodeDataNotCovered: a data category is outside the agreement.
	// Name(data category).
	CodeDataNotCovered compliance.Code = "processor.data-not-covered"
	// CodeSubjectsNotCovered: a subject category is outside the agreement.
	// Name(subject category).
	CodeSubjectsNotCovered compliance.Code = "processor.subjects-not-covered"
	// CodePurposeNotCovered: the purpose is outside the agreement. No
	// arguments. No longer raised: Check raises [CodePurposeOutside], which
	// names the purposes; the code stays for decisions stored as evidence.
	CodePurposeNotCovered compliance.Code = "processor.purpose-not-covered"
	// CodeOperationNotCovered: an operation is outside the agreement.
	// Name(operation).
	CodeOperationNotCovered compliance.Code = "processor.operation-not-covered"
	// CodeBreachNoticeUnset: the agreement sets no hours for breach notice.
	// No arguments.
	CodeBreachNoticeUnset compliance.Code = "processor.breach-notice-unset"
	// CodeBreachNoticeLate: the agreement's hours exceed the kommune's own
	// 72. Int(hours).
	CodeBreachNoticeLate compliance.Code = "processor.breach-notice-late"
	// CodeSubProcessingNotAuthorised: sub-processors without authorisation.
	// Int(sub-processors).
	CodeSubProcessingNotAuthorised compliance.Code = "processor.subprocessing-not-authorised"
	// CodeGeneralAuthorisationIncomplete: general authorisation without
	// notice or objection. No arguments.
	CodeGeneralAuthorisationIncomplete compliance.Code = "processor.general-authorisation-incomplete"
	// CodeOwnPurposes: the processor uses the data for its own purposes.
	// Text(processor).
	CodeOwnPurposes compliance.Code = "processor.own-purposes"

	// CodeSubUnidentified: a sub-processor's identity is incomplete.
	// Text(sub-processor), Names(missing fields).
	CodeSubUnidentified compliance.Code = "processor.subprocessor-unidentified"
	// CodeSubNotApproved: a sub-processor is not approved.
	// Text(sub-processor).
	CodeSubNotApproved compliance.Code = "processor.subprocessor-not-approved"
	// CodeSubObjectionPeriod: the kommune may still object.
	// Text(sub-processor), Date(last day).
	CodeSubObjectionPeriod compliance.Code = "processor.subprocessor-objection-period"
	// CodeSubObjected: the kommune objected. Text(sub-processor).
	CodeSubObjected compliance.Code = "processor.subprocessor-objected"
	// CodeSubFlowDown: no record of the Art 28(4) contract.
	// Text(sub-processor).
	CodeSubFlowDown compliance.Code = "processor.subprocessor-flow-down"
	// CodeSubNoEvidence: carve-out without separate evidence.
	// Text(sub-processor).
	CodeSubNoEvidence compliance.Code = "processor.subprocessor-no-evidence"

	// CodeNoAudit: no supervision recorded. No arguments.
	CodeNoAudit compliance.Code = "processor.no-audit"
	// CodeAuditOverdue: the next supervision is overdue. Date(due).
	CodeAuditOverdue compliance.Code = "processor.audit-overdue"
	// CodeSupervisionUnplanned: no interval for the supervision. No
	// arguments.
	CodeSupervisionUnplanned compliance.Code = "processor.supervision-unplanned"
	// CodeAuditQualified: a qualified opinion. Int(deviations).
	CodeAuditQualified compliance.Code = "processor.audit-qualified"
	// CodeAuditAdverse: an adverse opinion or a disclaimer. Name(opinion).
	CodeAuditAdverse compliance.Code = "processor.audit-adverse"
	// CodeAuditScope: the evidence's scope is not confirmed. No arguments.
	CodeAuditScope compliance.Code = "processor.audit-scope"
	// CodeAuditUnreviewed: the kommune has not reviewed the evidence. No
	// arguments.
	CodeAuditUnreviewed compliance.Code = "processor.audit-unreviewed"
	// CodeAuditPointInTime: type 1 evidence. No arguments.
	CodeAuditPointInTime compliance.Code = "processor.audit-point-in-time"
	// CodeDeviationOverdue: a deviation's follow-up is overdue.
	// Text(the deviation's number in the statement, "#2" — never its
	// text), Date(due).
	CodeDeviationOverdue compliance.Code = "processor.deviation-overdue"
	// CodeConceptBelowModel: the chosen concept is lighter than the point
	// model allows. Int(points), Int(least concept), Int(chosen concept).
	CodeConceptBelowModel compliance.Code = "processor.concept-below-model"

	// CodeEEAUnsettled: whether EEA rules cover the place is unsettled.
	// Country.
	CodeEEAUnsettled compliance.Code = "processor.eea-unsettled"
	// CodeTransferNoBasis: a transfer without adequacy or tool.
	// Text(entity), Name(access), Country.
	CodeTransferNoBasis compliance.Code = "processor.transfer-no-basis"
	// CodeOrganisationNoBasis: a transfer to an international organisation
	// without adequacy or tool. Text(entity), Name(access),
	// Name(organisation).
	CodeOrganisationNoBasis compliance.Code = "processor.organisation-no-basis"
	// CodeAdequacyOutOfScope: the recipient is outside a limited decision.
	// Text(entity), Country, Ref(decision).
	CodeAdequacyOutOfScope compliance.Code = "processor.adequacy-out-of-scope"
	// CodeDPFNotCertified: a US recipient not certified under the DPF.
	// Text(entity).
	CodeDPFNotCertified compliance.Code = "processor.dpf-not-certified"
	// CodeDPFLapsed: a US recipient's DPF certification lapsed.
	// Text(entity), Date(due).
	CodeDPFLapsed compliance.Code = "processor.dpf-lapsed"
	// CodeAdequacyNotIncorporated: a decision not yet in the EEA Agreement
	// (Norwegian controller). Country, Ref(decision).
	CodeAdequacyNotIncorporated compliance.Code = "processor.adequacy-not-incorporated"
	// CodeAdequacyOff: the policy switched the decision off. Country,
	// Date(from).
	CodeAdequacyOff compliance.Code = "processor.adequacy-off"
	// CodeDPFNoFallback: reliance on the DPF alone. Text(entity).
	CodeDPFNoFallback compliance.Code = "processor.dpf-no-fallback"
	// CodeDerogationBarred: a derogation barred for public authorities.
	// Name(derogation), Country.
	CodeDerogationBarred compliance.Code = "processor.derogation-barred"
	// CodeDerogationOccasional: a derogation used for a processor's
	// ongoing processing. Name(derogation), Country.
	CodeDerogationOccasional compliance.Code = "processor.derogation-occasional"
	// CodeSCCModule: the wrong module of the 2021/914 clauses.
	// Name(recorded), Name(required), Country.
	CodeSCCModule compliance.Code = "processor.scc-module"
	// CodeSCC2010Expired: the repealed 2010 clauses after 27 December 2022.
	// Country.
	CodeSCC2010Expired compliance.Code = "processor.scc-2010-expired"
	// CodeTIAMissing: no transfer impact assessment. Text(entity), Country.
	CodeTIAMissing compliance.Code = "processor.tia-missing"
	// CodeTIASubChanged: a sub-processor changed after the assessment.
	// Country, Date(assessment).
	CodeTIASubChanged compliance.Code = "processor.tia-subprocessor-changed"
	// CodeTIAExpired: the policy's re-assessment interval has run out.
	// Country, Date(assessment).
	CodeTIAExpired compliance.Code = "processor.tia-expired"
	// CodeTIANegative: the assessment found protection not essentially
	// equivalent. Country.
	CodeTIANegative compliance.Code = "processor.tia-negative"
	// CodeNoEffectiveMeasure: measures are needed and none is effective.
	// Country, Name(access).
	CodeNoEffectiveMeasure compliance.Code = "processor.no-effective-measure"
	// CodeSensitiveNoMeasure: sensitive data to a destination without an
	// effective measure. Country, Name(access).
	CodeSensitiveNoMeasure compliance.Code = "processor.sensitive-no-measure"
	// CodeTransferNotInstructed: the agreement's instruction does not allow
	// the destination. Text(entity), Country.
	CodeTransferNotInstructed compliance.Code = "processor.transfer-not-instructed"
	// CodeUSLawExposure: a US or US-owned entity. Text(entity).
	CodeUSLawExposure compliance.Code = "processor.us-law-exposure"
	// CodeForeignLawExposure: an entity established in or owned from a third
	// country without a full adequacy decision. Text(entity), Country.
	CodeForeignLawExposure compliance.Code = "processor.foreign-law-exposure"
)

// Message codes of the documents this package builds ([Decision.Document],
// [Overview.Document]).
const (
	// CodeDecisionTitle: Name(outcome), Text(processor).
	CodeDecisionTitle compliance.Code = "processor.decision.title"
	// CodeDecisionData is a field label. No arguments.
	CodeDecisionData compliance.Code = "processor.decision.data"
	// CodeDecisionSubjects is a field label. No arguments.
	CodeDecisionSubjects compliance.Code = "processor.decision.subjects"
	// CodeDecisionPurpose is a field label. No arguments.
	CodeDecisionPurpose compliance.Code = "processor.decision.purpose"
	// CodeDecisionAt is a field label. No arguments.
	CodeDecisionAt compliance.Code = "processor.decision.at"
	// CodeDecisionEvidence is a field label. No arguments.
	CodeDecisionEvidence compliance.Code = "processor.decision.evidence"
	// CodeDecisionEvidenceValue: Text(rule set), Text(processor ID),
	// Int(version).
	CodeDecisionEvidenceValue compliance.Code = "processor.decision.evidence-value"
	// CodeDecisionReasons is a heading. No arguments.
	CodeDecisionReasons compliance.Code = "processor.decision.reasons"
	// CodeDecisionNoFindings: nothing to report. No arguments.
	CodeDecisionNoFindings compliance.Code = "processor.decision.no-findings"

	// CodeOverviewTitle: Date.
	CodeOverviewTitle compliance.Code = "processor.overview.title"
	// CodeOverviewProcessors: Int(processors).
	CodeOverviewProcessors compliance.Code = "processor.overview.processors"
	// CodeOverviewMissing: heading, Int(count).
	CodeOverviewMissing compliance.Code = "processor.overview.missing-agreements"
	// CodeOverviewExpiring: heading, Int(count), Period(horizon).
	CodeOverviewExpiring compliance.Code = "processor.overview.expiring-agreements"
	// CodeOverviewOverdue: heading, Int(count).
	CodeOverviewOverdue compliance.Code = "processor.overview.overdue-audits"
	// CodeOverviewDue: heading, Int(count), Period(horizon).
	CodeOverviewDue compliance.Code = "processor.overview.due-audits"
	// CodeOverviewUnidentified: heading, Int(count).
	CodeOverviewUnidentified compliance.Code = "processor.overview.unidentified"
	// CodeOverviewNoBasis: heading, Int(count).
	CodeOverviewNoBasis compliance.Code = "processor.overview.no-basis"
	// CodeOverviewItem: Text(processor).
	CodeOverviewItem compliance.Code = "processor.overview.item"
	// CodeOverviewItemDate: Text(processor), Date.
	CodeOverviewItemDate compliance.Code = "processor.overview.item-date"
	// CodeOverviewItemSub: Text(processor), Text(sub-processor).
	CodeOverviewItemSub compliance.Code = "processor.overview.item-sub"
	// CodeOverviewItemTransfer: Text(processor), Text(entity), Country.
	CodeOverviewItemTransfer compliance.Code = "processor.overview.item-transfer"
	// CodeOverviewNone: an empty list. No arguments.
	CodeOverviewNone compliance.Code = "processor.overview.none"
)

// Codes returns every finding and message code of the package, in the
// order they are declared.
func Codes() []compliance.Code {
	return append([]compliance.Code{
		CodeUnknown, CodeRequestIncomplete,
		CodeNoAgreement, CodeAgreementPending, CodeAgreementExpired, CodeAgreementUnsigned,
		CodeContentMissing, CodeTransferInstructionsMissing, CodeDataNotCovered,
		CodeSubjectsNotCovered, CodePurposeNotCovered, CodeOperationNotCovered,
		CodeBreachNoticeUnset, CodeBreachNoticeLate, CodeSubProcessingNotAuthorised,
		CodeGeneralAuthorisationIncomplete, CodeOwnPurposes,
		CodeSubUnidentified, CodeSubNotApproved, CodeSubObjectionPeriod, CodeSubObjected,
		CodeSubFlowDown, CodeSubNoEvidence,
		CodeNoAudit, CodeAuditOverdue, CodeSupervisionUnplanned, CodeAuditQualified,
		CodeAuditAdverse, CodeAuditScope, CodeAuditUnreviewed, CodeAuditPointInTime,
		CodeDeviationOverdue, CodeConceptBelowModel,
		CodeEEAUnsettled, CodeTransferNoBasis, CodeOrganisationNoBasis, CodeAdequacyOutOfScope,
		CodeDPFNotCertified, CodeDPFLapsed, CodeAdequacyNotIncorporated, CodeAdequacyOff,
		CodeDPFNoFallback, CodeDerogationBarred, CodeDerogationOccasional, CodeSCCModule,
		CodeSCC2010Expired, CodeTIAMissing, CodeTIASubChanged, CodeTIAExpired, CodeTIANegative,
		CodeNoEffectiveMeasure, CodeSensitiveNoMeasure, CodeTransferNotInstructed,
		CodeUSLawExposure, CodeForeignLawExposure,
		CodeDecisionTitle, CodeDecisionData, CodeDecisionSubjects, CodeDecisionPurpose,
		CodeDecisionAt, CodeDecisionEvidence, CodeDecisionEvidenceValue, CodeDecisionReasons,
		CodeDecisionNoFindings,
		CodeOverviewTitle, CodeOverviewProcessors, CodeOverviewMissing, CodeOverviewExpiring,
		CodeOverviewOverdue, CodeOverviewDue, CodeOverviewUnidentified, CodeOverviewNoBasis,
		CodeOverviewItem, CodeOverviewItemDate, CodeOverviewItemSub, CodeOverviewItemTransfer,
		CodeOverviewNone,
	}, codesX()...)
}
