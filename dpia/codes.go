package dpia

import "github.com/tillid/tillid/compliance"

// Finding and message codes of the screening ([Screen]). Each is also the
// i18n key of its message; the comment gives the English message and its
// arguments.
const (
	// CodeCriterion: "Criterion met: %[1]s." (criterion), for a criterion
	// stated in the input.
	CodeCriterion compliance.Code = "dpia.criterion-met"
	// CodeCriterionCategories: "Criterion met: %[1]s, because the
	// processing includes %[2]s." (criterion, data categories).
	CodeCriterionCategories compliance.Code = "dpia.criterion-categories"
	// CodeCriterionSubjects: "Criterion met: %[1]s, because the data
	// subjects include %[2]s." (criterion, subject categories).
	CodeCriterionSubjects compliance.Code = "dpia.criterion-subjects"
	// CodeCriterionPublicArea: "Criterion met: %[1]s, because a publicly
	// accessible area is monitored." (criterion).
	CodeCriterionPublicArea compliance.Code = "dpia.criterion-public-area"
	// CodeLargeScalePolicy: the processing is on a large scale under the
	// kommune's own threshold for %[1]s (scale factor).
	CodeLargeScalePolicy compliance.Code = "dpia.large-scale-policy"
	// CodeNotLargeScalePolicy: the processing is below every threshold the
	// kommune has set for large scale.
	CodeNotLargeScalePolicy compliance.Code = "dpia.not-large-scale-policy"
	// CodeLargeScaleUnknown: whether the processing is on a large scale is
	// not established, with WP248's factors to assess.
	CodeLargeScaleUnknown compliance.Code = "dpia.large-scale-unknown"
	// CodeLargeScaleOpen: the result depends on whether the processing is
	// on a large scale (warning).
	CodeLargeScaleOpen compliance.Code = "dpia.large-scale-open"
	// CodeLargeScaleMoot: whether the processing is on a large scale is not
	// established, but every answer leads to a DPIA (info; issue 19: the
	// outcome shared by every answer is said, and the open question named).
	CodeLargeScaleMoot compliance.Code = "dpia.large-scale-moot"
	// CodeIfLargeScale: "Applies if the processing is on a large scale:
	// %[1]s." (situation or list item).
	CodeIfLargeScale compliance.Code = "dpia.if-large-scale"
	// CodeProfessional: Recital 91's individual physician, health
	// professional or lawyer is not processing on a large scale.
	CodeProfessional compliance.Code = "dpia.individual-professional"
	// CodeSituation: "%[1]s: a DPIA is required." (situation).
	CodeSituation compliance.Code = "dpia.situation-applies"
	// CodeListItem: "The processing is on Datatilsynet's list of processing
	// that requires a DPIA: %[1]s." (list item).
	CodeListItem compliance.Code = "dpia.list-item-applies"
	// CodeListItemNoOther: "%[1]s requires a DPIA only together with
	// another criterion, and none is met." (list item).
	CodeListItemNoOther compliance.Code = "dpia.list-item-no-other"
	// CodeListItemDraft: "%[1]s was on Datatilsynet's draft list; whether
	// it is on the final list is not confirmed." (list item).
	CodeListItemDraft compliance.Code = "dpia.list-item-draft"
	// CodeCustomItem: "The processing is on Datatilsynet's list: %[1]s."
	// (the host's text for a [CustomItem]).
	CodeCustomItem compliance.Code = "dpia.custom-item-applies"
	// CodeCustomItemNoOther: "%[1]s requires a DPIA only together with
	// another criterion, and none is met." (the host's text).
	CodeCustomItemNoOther compliance.Code = "dpia.custom-item-no-other"
	// CodeCriteriaMet: "%[1]d criteria are met: in most cases a DPIA is
	// then required." (count, 2 or more).
	CodeCriteriaMet compliance.Code = "dpia.criteria-met"
	// CodeOneCriterion: one criterion is met; sometimes one is enough.
	CodeOneCriterion compliance.Code = "dpia.one-criterion"
	// CodeNoCriteria: no criterion is met.
	CodeNoCriteria compliance.Code = "dpia.no-criteria"
	// CodeRebutted: "%[1]d criteria are met, but the kommune has concluded
	// that the processing is not likely to result in a high risk." (count).
	CodeRebutted compliance.Code = "dpia.presumption-rebutted"
	// CodeReasonsMissing: criteria are met and no DPIA will be made, but
	// the reasons are not recorded (warning).
	CodeReasonsMissing compliance.Code = "dpia.reasons-missing"
	// CodeDPOViewsMissing: the DPO's views on not making a DPIA are not
	// recorded (warning).
	CodeDPOViewsMissing compliance.Code = "dpia.dpo-views-missing"
	// CodeExempt: "No DPIA is required: %[1]s." (exemption).
	CodeExempt compliance.Code = "dpia.exempt"
	// CodeExemptSimilar: "No DPIA is required: the DPIA %[1]s covers very
	// similar processing." (DPIA ID).
	CodeExemptSimilar compliance.Code = "dpia.exempt-similar"
)

// Finding and message codes of the assessment check ([Check]).
const (
	// CodeMissing: "Missing: %[1]s." (element).
	CodeMissing compliance.Code = "dpia.missing"
	// CodeTopicMissing: "Necessity and proportionality: %[1]s is not
	// addressed." (topic).
	CodeTopicMissing compliance.Code = "dpia.topic-missing"
	// CodeRiskMissing: "The risk register has no assessment of %[1]s."
	// (risk kind).
	CodeRiskMissing compliance.Code = "dpia.risk-missing"
	// CodeRiskUnrated: "%[1]s: the likelihood and severity are not rated
	// both before and after the measures." (risk kind).
	CodeRiskUnrated compliance.Code = "dpia.risk-unrated"
	// CodeRiskLevel: "%[1]s: the risk is %[2]s before the measures and %[3]s
	// after them." (risk kind, level, level).
	CodeRiskLevel compliance.Code = "dpia.risk-level"
	// CodeResidualAbove: "%[1]s: the risk is rated higher after the measures
	// than before them." (risk kind).
	CodeResidualAbove compliance.Code = "dpia.residual-above-inherent"
	// CodeResidualNoMeasures: "%[1]s: the risk is reduced, but no measure
	// is linked to it." (risk kind).
	CodeResidualNoMeasures compliance.Code = "dpia.residual-without-measures"
	// CodeMeasurePending: "%[1]s: the reduced risk rests on the measure
	// %[2]s, which is %[3]s." (risk kind, measure key, status).
	CodeMeasurePending compliance.Code = "dpia.measure-pending"
	// CodeIrreversible: "%[1]s: the consequences remain of maximum
	// severity after the measures." (risk kind).
	CodeIrreversible compliance.Code = "dpia.residual-irreversible"
	// CodeConsultRequired: "The risk remains high after the measures (%[1]s):
	// Datatilsynet must be consulted before the processing starts."
	// (risk kinds).
	CodeConsultRequired compliance.Code = "dpia.consultation-required"
	// CodeApprovedWithoutConsult: the DPIA was approved with high
	// residual risk and no prior consultation is recorded (violation).
	CodeApprovedWithoutConsult compliance.Code = "dpia.approved-without-consultation"
	// CodeConsultDue: "Datatilsynet received the request on %[1]s; its
	// written advice is due by the end of %[2]s." (received, last day).
	CodeConsultDue compliance.Code = "dpia.consultation-due"
	// CodeConsultExtended: "Datatilsynet has extended the period by six
	// weeks; its advice is due by the end of %[1]s." (last day).
	CodeConsultExtended compliance.Code = "dpia.consultation-extended"
	// CodeConsultSuspended: "The period was suspended for %[1]d days while
	// Datatilsynet awaited information it had requested." (days).
	CodeConsultSuspended compliance.Code = "dpia.consultation-suspended"
	// CodeExtensionNoticeLate: "Datatilsynet gave notice of the extension on
	// %[1]s, after the end of %[2]s, one month after receipt." (date, date).
	CodeExtensionNoticeLate compliance.Code = "dpia.extension-notice-late"
	// CodeConsultLapsed: "The period for Datatilsynet's advice ended on %[1]s
	// and no advice is recorded." (last day).
	CodeConsultLapsed compliance.Code = "dpia.consultation-lapsed"
	// CodeConsultAnswered: "Datatilsynet answered on %[1]s." (date).
	CodeConsultAnswered compliance.Code = "dpia.consultation-answered"
	// CodeDPOAdvice: "The data protection officer advised on %[1]s: %[2]s."
	// (date, conclusion).
	CodeDPOAdvice compliance.Code = "dpia.dpo-advice"
	// CodeDPOOverruled: "The decision departs from the data protection
	// officer's advice (%[1]s); record the reasons." (conclusion).
	CodeDPOOverruled compliance.Code = "dpia.dpo-overruled"
	// CodeViewsReasonMissing: the views of data subjects were not sought
	// and the reasons are not recorded.
	CodeViewsReasonMissing compliance.Code = "dpia.views-reason-missing"
	// CodeViewsDiffer: the decision differs from the data subjects' views
	// and the reasons for going ahead are not recorded.
	CodeViewsDiffer compliance.Code = "dpia.views-differ"
	// CodeIncompleteApproved: "The DPIA was approved on %[1]s although it
	// lacks content required by Art 35." (date) (violation).
	CodeIncompleteApproved compliance.Code = "dpia.incomplete-approved"
	// CodeReview: "Review the DPIA: %[1]s." (trigger).
	CodeReview compliance.Code = "dpia.review"
	// CodeReviewPeriodic: "The kommune's own review interval of %[1]s from
	// %[2]s ended on %[3]s; the law lays down no interval." (period, date,
	// date).
	CodeReviewPeriodic compliance.Code = "dpia.review-periodic"
	// CodeReviewNext: "Next periodic review under the kommune's own
	// interval: by the end of %[1]s." (date).
	CodeReviewNext compliance.Code = "dpia.review-next"
	// CodeEdition: "Edition %[1]d, signed off on %[2]s: %[3]s." (number,
	// date, decision).
	CodeEdition compliance.Code = "dpia.edition"
)

// Message codes of the documents ([Screening.Document] and
// [Assessment.Document]).
const (
	// CodeDocScreening: "DPIA screening: %[1]s" (the processing's title).
	CodeDocScreening compliance.Code = "dpia.doc.screening"
	// CodeDocOutcome: the label "Result".
	CodeDocOutcome compliance.Code = "dpia.doc.outcome"
	// CodeDocJurisdiction: the label "Supervisory authority's list".
	CodeDocJurisdiction compliance.Code = "dpia.doc.jurisdiction"
	// CodeDocGrounds: the heading "Grounds".
	CodeDocGrounds compliance.Code = "dpia.doc.grounds"
	// CodeDocRecord: the heading "To be recorded".
	CodeDocRecord compliance.Code = "dpia.doc.record"
	// CodeDocAssessment: "DPIA: %[1]s" (the assessment's title).
	CodeDocAssessment compliance.Code = "dpia.doc.assessment"
	// CodeDocEditions: the heading "Editions".
	CodeDocEditions compliance.Code = "dpia.doc.editions"
	// CodeDocCheck: the heading "Check".
	CodeDocCheck compliance.Code = "dpia.doc.check"
	// CodeDocDecision: the label "Decision".
	CodeDocDecision compliance.Code = "dpia.doc.decision"
	// CodeDocDraft: "Draft, not signed off".
	CodeDocDraft compliance.Code = "dpia.doc.draft"
)

// Codes returns every finding and message code of package dpia.
func Codes() []compliance.Code {
	return []compliance.Code{
		CodeCriterion, CodeCriterionCategories, CodeCriterionSubjects, CodeCriterionPublicArea,
		CodeLargeScalePolicy, CodeNotLargeScalePolicy, CodeLargeScaleUnknown, CodeLargeScaleOpen, CodeLargeScaleMoot, CodeIfLargeScale,
		CodeProfessional, CodeSituation, CodeListItem, CodeListItemNoOther, CodeListItemDraft,
		CodeCustomItem, CodeCustomItemNoOther, CodeCriteriaMet, CodeOneCriterion, CodeNoCriteria,
		CodeRebutted, CodeReasonsMissing, CodeDPOViewsMissing, CodeExempt, CodeExemptSimilar,

		CodeMissing, CodeTopicMissing, CodeRiskMissing, CodeRiskUnrated, CodeRiskLevel,
		CodeResidualAbove, CodeResidualNoMeasures, CodeMeasurePending, CodeIrreversible,
		CodeConsultRequired, CodeApprovedWithoutConsult, CodeConsultDue, CodeConsultExtended,
		CodeConsultSuspended, CodeExtensionNoticeLate, CodeConsultLapsed, CodeConsultAnswered,
		CodeDPOAdvice, CodeDPOOverruled, CodeViewsReasonMissing, CodeViewsDiffer,
		CodeIncompleteApproved, CodeReview, CodeReviewPeriodic, CodeReviewNext, CodeEdition,

		CodeDocScreening, CodeDocOutcome, CodeDocJurisdiction, CodeDocGrounds, CodeDocRecord,
		CodeDocAssessment, CodeDocEditions, CodeDocCheck, CodeDocDecision, CodeDocDraft,
	}
}
