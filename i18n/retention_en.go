package i18n

// retentionEN holds the retention messages in English. Terms: the EDPB's
// "erasure" (Article 17), "restriction of processing" (Article 18) and
// "legal claims" (Article 17(3)(e)); the Danish and Norwegian archive
// terms are rendered as "discard" (kassation, kassasjon) and "transfer to
// the public archive" (aflevering, avlevering).
var retentionEN = []entry{
	{key: "retention.scheme.kle", msg: "KLE"},
	{key: "retention.scheme.noark", msg: "Noark 5"},
	{key: "retention.scheme.custom", msg: "own rule"},

	{key: "retention.disposition.keep", msg: "continued retention"},
	{key: "retention.disposition.delete", msg: "deletion"},
	{key: "retention.disposition.transfer", msg: "preservation and transfer to the public archive"},
	{key: "retention.disposition.review", msg: "re-assessment"},

	{key: "retention.trigger.closed", msg: "the closing of the case"},
	{key: "retention.trigger.last-activity", msg: "the last activity"},
	{key: "retention.trigger.employment-ended", msg: "the end of the employment"},
	{key: "retention.trigger.financial-year-end", msg: "the end of the financial year"},
	{key: "retention.trigger.coming-of-age", msg: "the child's coming of age"},

	{key: "retention.outcome.erase", msg: "erasure"},
	{key: "retention.outcome.refuse", msg: "refusal"},

	{key: "retention.bevaring.k", msg: "K – may be discarded"},
	{key: "retention.bevaring.k5", msg: "K5 – may be discarded 5 years after the case is closed"},
	{key: "retention.bevaring.k10", msg: "K10 – may be discarded 10 years after the case is closed"},
	{key: "retention.bevaring.b", msg: "B – preserved for posterity"},
	{key: "retention.bevaring.tom", msg: "tom – withdrawn topic without a retention code"},

	{key: "retention.kassasjonsvedtak.bevares", msg: "Bevares (preserve)"},
	{key: "retention.kassasjonsvedtak.kasseres", msg: "Kasseres (discard)"},
	{key: "retention.kassasjonsvedtak.vurderes-senere", msg: "Vurderes senere (re-assess later)"},

	{key: "retention.not-started", msg: "The retention period runs from %[1]s, which has not been recorded yet. The case is kept for now."},
	{key: "retention.keep-until", msg: "Keep the case until the end of %[1]s: %[2]s from %[3]s (%[4]s). Then: %[5]s."},
	{key: "retention.keep-until-date", msg: "Keep the case until the end of %[1]s, the kassasjonsdato set on it. Then: %[2]s."},
	{key: "retention.delete-due", msg: "The retention period ended on %[1]s. The case is now to be deleted."},
	{key: "retention.transfer", msg: "The case is to be preserved for posterity and transferred to the public archive. It must not be deleted."},
	{key: "retention.review-due", msg: "The case was due for re-assessment on %[1]s. Decide whether it is to be preserved or discarded."},
	{key: "retention.keep-permanent", msg: "The rule keeps the case with no end date."},
	{key: "retention.no-rule", msg: "No retention rule covers the case. It may not be discarded until a rule allows it. Decide which rule applies."},
	{key: "retention.kle-withdrawn", msg: "The KLE topic has the code “tom” (withdrawn before 2007 without a retention code). Decide whether the case is to be preserved or discarded."},
	{key: "retention.no-period", msg: "The rule allows the case to be discarded but sets no period. Assess whether there is still a legal or administrative need for it."},
	{key: "retention.hold", msg: "The retention period ended on %[1]s, but the case must be kept for a legal claim and may not be deleted until that is settled."},
	{key: "retention.precedent", msg: "The case is a precedent case and is never discarded."},
	{key: "retention.archive-minimum", msg: "The deletion period of %[1]s would end on %[2]s, but the case may be discarded only after %[3]s."},
	{key: "retention.year-end", msg: "The period for discarding is counted from the end of the year in which the case was closed: %[1]s."},
	{key: "retention.erasure-due", msg: "No duty to keep the case stands in the way of erasure. Erase it unless another exception in Article 17(3) applies."},
	{key: "retention.erasure-refused", msg: "The request for erasure is refused because the case must be kept under the archives legislation."},
	{key: "retention.erasure-refused-hold", msg: "The request for erasure is refused because the data are necessary for the establishment, exercise or defence of legal claims."},
	{key: "retention.restriction", msg: "Restriction of processing is offered to the data subject instead."},

	{key: "retention.report.title", msg: "Retention decisions at %[1]s"},
	{key: "retention.report.summary", one: "%[1]d case: %[2]d kept, %[3]d to be deleted, %[4]d to be transferred to the archive, %[5]d to be re-assessed.", msg: "%[1]d cases: %[2]d kept, %[3]d to be deleted, %[4]d to be transferred to the archive, %[5]d to be re-assessed."},
	{key: "retention.report.record", msg: "Case %[1]s, %[2]s: %[3]s"},
	{key: "retention.report.record-no-class", msg: "Case %[1]s"},
	{key: "retention.erasure.title", msg: "Request for erasure of case %[1]s, %[2]s"},
}
