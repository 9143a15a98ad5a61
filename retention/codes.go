package retention

import "github.com/tillid/tillid/compliance"

// Finding codes. Each is also the i18n message key; the comment gives the
// English message and its arguments.
const (
	// CodeNotStarted: "The retention period runs from %[1]s, which has not
	// been recorded: the case is kept." (trigger).
	CodeNotStarted compliance.Code = "retention.not-started"
	// CodeKeepUntil: "Keep the case until the end of %[1]s (%[2]s from
	// %[3]s); then: %[4]s." (due date, period, trigger, final disposition).
	CodeKeepUntil compliance.Code = "retention.keep-until"
	// CodeKeepUntilDate: "Keep the case until the end of %[1]s, the
	// kassasjonsdato set on it; then: %[2]s." (due date, final disposition).
	CodeKeepUntilDate compliance.Code = "retention.keep-until-date"
	// CodeDeleteDue: "The retention period ended on %[1]s: the case is to
	// be deleted." (due date).
	CodeDeleteDue compliance.Code = "retention.delete-due"
	// CodeTransfer: the case is to be preserved for posterity and
	// transferred to the public archive; it must not be deleted.
	CodeTransfer compliance.Code = "retention.transfer"
	// CodeReviewDue: "The case was due for re-assessment on %[1]s: decide
	// whether it is to be preserved or discarded." (due date).
	CodeReviewDue compliance.Code = "retention.review-due"
	// CodeKeepPermanent: the rule keeps the case with no end date.
	CodeKeepPermanent compliance.Code = "retention.keep-permanent"
	// CodeNoRule: no retention rule covers the case; it may not be
	// discarded until one does.
	CodeNoRule compliance.Code = "retention.no-rule"
	// CodeKLEWithdrawn: the KLE emne has the bevaring code "tom"
	// (withdrawn before 2007 without a code).
	CodeKLEWithdrawn compliance.Code = "retention.kle-withdrawn"
	// CodeNoPeriod: the rule allows kassation but sets no period; assess
	// whether the case is still needed.
	CodeNoPeriod compliance.Code = "retention.no-period"
	// CodeHold: "The retention period ended on %[1]s, but a legal hold
	// blocks deletion: keep the case until the hold is lifted." (due date).
	CodeHold compliance.Code = "retention.hold"
	// CodePrecedent: the case is a precedent case (presedenssak) and is
	// never discarded.
	CodePrecedent compliance.Code = "retention.precedent"
	// CodeArchiveMinimum: "The deletion period (%[1]s) would end on %[2]s,
	// but kassation is allowed only after %[3]s." (deletion period, its
	// end, kassation date).
	CodeArchiveMinimum compliance.Code = "retention.archive-minimum"
	// CodeYearEnd: "The kassation period is counted from the end of the
	// year the case was closed, %[1]s." (event date).
	CodeYearEnd compliance.Code = "retention.year-end"
	// CodeErasureDue: no duty to keep the case stands in the way of the
	// request for erasure: erase it unless another exception in Art 17(3)
	// applies.
	CodeErasureDue compliance.Code = "retention.erasure-due"
	// CodeErasureRefused: the request for erasure is refused because the
	// case must be kept under the archives legislation.
	CodeErasureRefused compliance.Code = "retention.erasure-refused"
	// CodeErasureRefusedHold: the request for erasure is refused because
	// the data are needed for legal claims (legal hold).
	CodeErasureRefusedHold compliance.Code = "retention.erasure-refused-hold"
	// CodeRestriction: restriction of processing is offered instead of
	// erasure.
	CodeRestriction compliance.Code = "retention.restriction"
)

// Codes lists every finding code of the package.
func Codes() []compliance.Code {
	return []compliance.Code{
		CodeNotStarted, CodeKeepUntil, CodeKeepUntilDate, CodeDeleteDue, CodeTransfer, CodeReviewDue,
		CodeKeepPermanent, CodeNoRule, CodeKLEWithdrawn, CodeNoPeriod, CodeHold,
		CodePrecedent, CodeArchiveMinimum, CodeYearEnd, CodeErasureDue, CodeErasureRefused,
		CodeErasureRefusedHold, CodeRestriction,
	}
}
