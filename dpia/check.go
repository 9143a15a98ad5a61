package dpia

import (
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Report is the result of [Check]: what the assessment lacks, its risk
// levels, whether Datatilsynet must be consulted and by when it answers,
// and when the next review is due.
type Report struct {
	// At is the instant the check was made at.
	At time.Time `json:"at"`
	// Complete reports whether the content the GDPR requires is present:
	// the systematic description, the necessity assessment, a rated entry
	// for each of the three risks and the measures (Art 35(7)(a) to (d)),
	// and the DPO's advice (Art 35(2)). WP248 Annex 2's further items give
	// warnings but do not make a DPIA incomplete.
	Complete bool `json:"complete"`
	// Residual is the highest residual risk level; zero when no risk is
	// rated.
	Residual RiskLevel `json:"residual,omitzero"`
	// Consult reports whether prior consultation is required (Art 36(1)):
	// a residual risk is high.
	Consult bool `json:"consult"`
	// AdviceDue is the last day of Datatilsynet's period under Art 36(2),
	// when a consultation is recorded.
	AdviceDue compliance.Date `json:"adviceDue,omitzero"`
	// NextReview is the last day of the kommune's own review interval
	// from the last edition, when the policy sets one.
	NextReview compliance.Date `json:"nextReview,omitzero"`
	// Triggers are the reasons to review the DPIA now: the pending
	// revision's, a passed review interval, and (from [Review]) changes of
	// the processing.
	Triggers []Trigger `json:"triggers,omitempty"`
	// Findings explain all of it, each with its references.
	Findings []compliance.Finding `json:"findings"`
}

// Art 36(2) periods.
var (
	// consultPeriod is "a period of up to eight weeks of receipt of the
	// request for consultation".
	consultPeriod = compliance.Weeks(8)
	// consultExtended is that period "extended by six weeks": the
	// extension is counted as one period of 8 + 6 weeks from receipt. The
	// GDPR and Reg 1182/71 do not say whether an extension runs from the
	// end of the first period as rolled over a holiday (Art 3(4)) or from
	// receipt; counting from receipt gives the earlier date, by at most the
	// days of that roll-over.
	consultExtended = compliance.Weeks(14)
	// extensionNotice is "within one month of receipt of the request",
	// the limit for informing the controller of an extension.
	extensionNotice = compliance.Months(1)
)

// AdviceDeadline returns the end of Datatilsynet's period for written
// advice on a prior consultation received on c.Received (Art 36(2)): eight
// weeks from receipt, or fourteen when Datatilsynet has extended it by six
// weeks, counted by Reg 1182/71 on cal's calendar. It also returns the
// number of days the period was suspended.
//
// Art 36(2) lets the periods be "suspended until the supervisory authority
// has obtained information it has requested". The GDPR does not say how a
// suspension is counted; AdviceDeadline reads it as stopping the clock:
// each [Suspension] moves the last day of the period (before any roll-over
// to a working day) by the days from its From to its To, and the result is
// then moved to the next working day if it is not one (Reg 1182/71 Art
// 3(4)).
//
// It returns a [*compliance.FieldError] when c.Received is zero or the
// period falls outside the calendar's years.
func AdviceDeadline(c Consultation, cal *compliance.Calendar) (compliance.Deadline, int, error) {
	if c.Received.IsZero() || !c.Received.Valid() {
		return compliance.Deadline{}, 0, &compliance.FieldError{Field: "consultation.received", Reason: compliance.ReasonRequired}
	}
	p := consultPeriod
	if c.Extended {
		p = consultExtended
	}
	d, err := cal.Deadline(c.Received.In(cal.Location()), p)
	if err != nil {
		return compliance.Deadline{}, 0, err
	}
	days := 0
	for _, s := range c.Suspensions {
		if s.From.Valid() && s.To.Valid() && !s.To.Before(s.From) {
			days += s.From.DaysUntil(s.To)
		}
	}
	if days == 0 {
		return d, 0, nil
	}
	d.Unrolled = d.Unrolled.AddDays(days)
	d.LastDay = cal.NextWorkingDay(d.Unrolled)
	if d.LastDay.IsZero() {
		return compliance.Deadline{}, 0, &compliance.FieldError{Field: "period", Reason: compliance.ReasonRange}
	}
	d.Rolled = d.LastDay != d.Unrolled
	d.End = d.LastDay.AddDays(1).In(cal.Location())
	return d, days, nil
}

// approved reports whether the decision lets the processing go ahead.
func approved(d Decision) bool { return d == Approved || d == Conditional }

// Check reviews assessment a at instant at, under the kommune's policy p
// (nil means the zero [Policy]), with cal the calendar of a's jurisdiction.
// It reports, each as a finding with its references:
//
//   - the content that is missing: the systematic description, the
//     necessity assessment, the risk register with each of the three risks
//     rated before and after the measures, the measures (Art 35(7)), the
//     DPO's advice (Art 35(2)), the data subjects' views or the reasons for
//     not seeking them (Art 35(9)), and WP248 Annex 2's further items;
//   - each risk's level before and after the measures, residual risks that
//     rest on measures not yet in place, and residual consequences of
//     maximum severity (WP248 III.E);
//   - prior consultation (Art 36(1)) when a residual risk is high, and the
//     end of Datatilsynet's period to answer (Art 36(2), see
//     [AdviceDeadline]);
//   - a decision that departs from the DPO's advice without reasons, and an
//     approval of an incomplete DPIA or with a high residual risk and no
//     consultation;
//   - the pending revision's triggers and, when the policy sets a review
//     interval, whether the review is due (Art 35(11)).
//
// Check returns an error for an invalid assessment or policy, a nil
// calendar, or a calendar of another jurisdiction.
func Check(a Assessment, at time.Time, cal *compliance.Calendar, p *Policy) (Report, error) {
	if err := p.Validate(); err != nil {
		return Report{}, err
	}
	if err := a.Validate(); err != nil {
		return Report{}, err
	}
	if cal == nil {
		return Report{}, &compliance.FieldError{Field: "calendar", Reason: compliance.ReasonRequired}
	}
	if cal.Jurisdiction() != a.Jurisdiction {
		return Report{}, &compliance.FieldError{Field: "calendar", Reason: compliance.ReasonInconsistent}
	}
	if p == nil {
		p = &Policy{}
	}
	c := checker{a: &a, p: p, cal: cal, at: at, r: Report{At: at, Complete: true}}
	c.r.Findings = make([]compliance.Finding, 0, 16)
	c.description()
	c.necessity()
	c.risks()
	c.dpo()
	c.views()
	c.consultation()
	c.signOff()
	if err := c.review(); err != nil {
		return Report{}, err
	}
	compliance.Detach(c.r.Findings)
	return c.r, nil
}

// Review is [Check] followed by a comparison of the processing as it is
// now (current) with the DPIA's description ([Description.Changes]): each
// difference is a trigger for review under Art 35(11).
func Review(a Assessment, current Description, at time.Time, cal *compliance.Calendar, p *Policy) (Report, error) {
	var v compliance.Validation
	current.validate(&v, "current")
	if err := v.Err("description"); err != nil {
		return Report{}, err
	}
	r, err := Check(a, at, cal, p)
	if err != nil {
		return Report{}, err
	}
	for _, t := range a.Description.Changes(current) {
		if indexOf(r.Triggers, t) < 0 {
			r.Triggers = append(r.Triggers, t)
			r.Findings = append(r.Findings, finding(CodeReview, compliance.Warning, refsReview, t.String(), compliance.Name(t)))
		}
	}
	compliance.Detach(r.Findings)
	return r, nil
}

type checker struct {
	a   *Assessment
	p   *Policy
	cal *compliance.Calendar
	at  time.Time
	r   Report
}

func (c *checker) add(f compliance.Finding) { c.r.Findings = append(c.r.Findings, f) }

// missing reports a missing element; law marks content the GDPR itself
// requires, which makes the DPIA incomplete.
func (c *checker) missing(e Element, rs compliance.Refs, law bool) {
	if law {
		c.r.Complete = false
	}
	c.add(finding(CodeMissing, compliance.Warning, rs, e.String(), compliance.Name(e)))
}

func (c *checker) description() {
	d := &c.a.Description
	if len(d.Purposes) == 0 {
		c.missing(ElemPurposes, refsDescription, true)
	}
	if d.Categories == 0 {
		c.missing(ElemCategories, refsDescription, true)
	}
	if d.Subjects == 0 {
		c.missing(ElemSubjects, refsDescription, true)
	}
	if d.Basis == compliance.LegitimateInterests && d.LegitimateInterest == "" {
		c.missing(ElemLegitimateInterest, refsLegitimate, true)
	}
	if len(d.Recipients) == 0 {
		c.missing(ElemRecipients, refsAnnex2, false)
	}
	if d.Retention.IsZero() {
		c.missing(ElemRetention, refsAnnex2, false)
	}
	if d.Functional == "" {
		c.missing(ElemFunctional, refsAnnex2, false)
	}
	if len(d.Assets) == 0 {
		c.missing(ElemAssets, refsAnnex2, false)
	}
}

// topicRefs are the provisions behind each topic of WP248 Annex 2.
var topicRefs = [...]compliance.Refs{
	TopicPurpose:       compliance.RefsOf(compliance.GDPR(5, 1, "b"), refWP248Annex2),
	TopicLawfulness:    compliance.RefsOf(compliance.GDPR(6, 0, ""), refWP248Annex2),
	TopicMinimisation:  compliance.RefsOf(compliance.GDPR(5, 1, "c"), refWP248Annex2),
	TopicRetention:     compliance.RefsOf(compliance.GDPR(5, 1, "e"), refWP248Annex2),
	TopicInformation:   compliance.RefsOf(compliance.GDPR(12, 0, ""), compliance.GDPR(13, 0, ""), compliance.GDPR(14, 0, ""), refWP248Annex2),
	TopicAccess:        compliance.RefsOf(compliance.GDPR(15, 0, ""), compliance.GDPR(20, 0, ""), refWP248Annex2),
	TopicRectification: compliance.RefsOf(compliance.GDPR(16, 0, ""), compliance.GDPR(17, 0, ""), compliance.GDPR(19, 0, ""), refWP248Annex2),
	TopicObjection:     compliance.RefsOf(compliance.GDPR(18, 0, ""), compliance.GDPR(21, 0, ""), refWP248Annex2),
	TopicProcessors:    compliance.RefsOf(compliance.GDPR(28, 0, ""), refWP248Annex2),
	TopicTransfers:     compliance.RefsOf(compliance.GDPR(44, 0, ""), refWP248Annex2),
}

func (c *checker) necessity() {
	n := &c.a.Necessity
	if n.Summary == "" {
		c.missing(ElemNecessity, refsNecessity, true)
	}
	for t := TopicPurpose; t <= TopicTransfers; t++ {
		switch {
		case t == TopicProcessors && len(c.a.Description.Processors) == 0:
		case t == TopicTransfers && len(c.a.Description.Transfers) == 0:
		case !containsTopic(n.Topics, t):
			c.add(finding(CodeTopicMissing, compliance.Warning, topicRefs[t], t.String(), compliance.Name(t)))
		}
	}
}

func containsTopic(ns []Note, t Topic) bool {
	for _, n := range ns {
		if n.Topic == t {
			return true
		}
	}
	return false
}

func (c *checker) measure(key string) *Measure {
	for i := range c.a.Measures {
		if c.a.Measures[i].Key == key {
			return &c.a.Measures[i]
		}
	}
	return nil
}

func (c *checker) risks() {
	m := c.p.Matrix
	var high []RiskKind
	for k := IllegitimateAccess; k <= Disappearance; k++ {
		found := false
		for _, r := range c.a.Risks {
			found = found || r.Kind == k
		}
		if !found {
			c.r.Complete = false
			c.add(finding(CodeRiskMissing, compliance.Warning, refsRisks, k.String(), compliance.Name(k)))
		}
	}
	for i, r := range c.a.Risks {
		subject := index("risks", i)
		if !r.Inherent.Rated() || !r.Residual.Rated() {
			c.r.Complete = false
			c.add(finding(CodeRiskUnrated, compliance.Warning, refsRisks, subject, compliance.Name(r.Kind)))
			continue
		}
		in, res := r.Inherent.Level(m), r.Residual.Level(m)
		c.r.Residual = max(c.r.Residual, res)
		c.add(finding(CodeRiskLevel, compliance.Info, refsRisks, subject, compliance.Name(r.Kind), compliance.Name(in), compliance.Name(res)))
		above := r.Residual.Likelihood > r.Inherent.Likelihood || r.Residual.Severity > r.Inherent.Severity
		below := r.Residual.Likelihood < r.Inherent.Likelihood || r.Residual.Severity < r.Inherent.Severity
		switch {
		case above:
			c.add(finding(CodeResidualAbove, compliance.Warning, refsRisks, subject, compliance.Name(r.Kind)))
		case below && len(r.Measures) == 0:
			c.add(finding(CodeResidualNoMeasures, compliance.Warning, refsMeasures, subject, compliance.Name(r.Kind)))
		case below:
			for _, k := range r.Measures {
				if ms := c.measure(k); ms != nil && ms.Status != Implemented {
					c.add(finding(CodeMeasurePending, compliance.Warning, refsMeasures, subject,
						compliance.Name(r.Kind), compliance.Text(ms.Key), compliance.Name(ms.Status)))
				}
			}
		}
		if r.Residual.Severity == Maximum {
			c.add(finding(CodeIrreversible, compliance.Warning, refsConsult, subject, compliance.Name(r.Kind)))
		}
		if res == High && indexOf(high, r.Kind) < 0 {
			high = append(high, r.Kind)
		}
	}
	if len(c.a.Measures) == 0 {
		c.missing(ElemMeasures, refsMeasures, true)
	}
	if len(high) > 0 {
		c.r.Consult = true
		c.add(finding(CodeConsultRequired, compliance.Warning, refsConsult, "risks", compliance.Names(slices.Values(high))))
	}
}

func (c *checker) dpo() {
	adv := c.a.DPOAdvice
	if adv.IsZero() {
		c.missing(ElemDPOAdvice, refsDPO, true)
		return
	}
	c.add(finding(CodeDPOAdvice, compliance.Info, refsDPO, "dpoAdvice", compliance.DateArg(adv.Date), compliance.Name(adv.Conclusion)))
	s := c.a.SignOff
	if adv.Conclusion == DoNotProceed && approved(s.Decision) && s.Reasons == "" {
		c.add(finding(CodeDPOOverruled, compliance.Warning, refsDPO, "signOff.reasons", compliance.Name(adv.Conclusion)))
	}
}

func (c *checker) views() {
	w := c.a.Views
	switch {
	case w.Status == 0:
		c.missing(ElemViews, refsViews, false)
	case w.Status == NotSought && w.Reason == "":
		c.add(finding(CodeViewsReasonMissing, compliance.Warning, refsViews, "views.reason"))
	case w.Differs && w.Response == "":
		c.add(finding(CodeViewsDiffer, compliance.Warning, refsViews, "views.response"))
	}
}

func (c *checker) consultation() {
	k := c.a.Consultation
	if k.Received.IsZero() {
		if c.r.Consult && approved(c.a.SignOff.Decision) {
			c.add(finding(CodeApprovedWithoutConsult, compliance.Violation, refsConsult, "consultation"))
		}
		return
	}
	d, days, err := AdviceDeadline(k, c.cal)
	if err != nil {
		return // a date outside the calendar's years: nothing to report
	}
	c.r.AdviceDue = d.LastDay
	rs := compliance.RefsOf(append([]compliance.Ref{refArt36_2}, d.Refs().Slice()...)...)
	if k.Extended {
		c.add(finding(CodeConsultExtended, compliance.Info, rs, "consultation.extended", compliance.DateArg(d.LastDay)))
	} else {
		c.add(finding(CodeConsultDue, compliance.Info, rs, "consultation.received", compliance.DateArg(k.Received), compliance.DateArg(d.LastDay)))
	}
	if days > 0 {
		c.add(finding(CodeConsultSuspended, compliance.Info, refsConsultTime, "consultation.suspensions", compliance.Int(days)))
	}
	if !k.ExtensionNotice.IsZero() {
		if n, err := c.cal.Deadline(k.Received.In(c.cal.Location()), extensionNotice); err == nil && k.ExtensionNotice.After(n.LastDay) {
			c.add(finding(CodeExtensionNoticeLate, compliance.Info, refsConsultTime, "consultation.extensionNotice",
				compliance.DateArg(k.ExtensionNotice), compliance.DateArg(n.LastDay)))
		}
	}
	switch {
	case !k.Answered.IsZero():
		c.add(finding(CodeConsultAnswered, compliance.Info, refsConsultTime, "consultation.answered", compliance.DateArg(k.Answered)))
	case d.Passed(c.at):
		c.add(finding(CodeConsultLapsed, compliance.Info, refsConsultTime, "consultation", compliance.DateArg(d.LastDay)))
	}
}

func (c *checker) signOff() {
	s := c.a.SignOff
	if approved(s.Decision) && !c.r.Complete {
		c.add(finding(CodeIncompleteApproved, compliance.Violation, compliance.RefsOf(refArt35_7a, refArt35_7b, refArt35_7c, refArt35_7d, refArt35_2),
			"signOff", compliance.DateArg(s.Date)))
	}
}

func (c *checker) review() error {
	for _, t := range c.a.Pending {
		c.r.Triggers = append(c.r.Triggers, t)
		c.add(finding(CodeReview, compliance.Warning, refsReview, t.String(), compliance.Name(t)))
	}
	iv := c.p.ReviewInterval
	if iv.IsZero() || len(c.a.Editions) == 0 {
		return nil
	}
	last := c.a.Editions[len(c.a.Editions)-1].Date
	d, err := c.cal.Deadline(last.In(c.cal.Location()), iv)
	if err != nil {
		return err
	}
	c.r.NextReview = d.LastDay
	if d.Passed(c.at) {
		if indexOf(c.r.Triggers, Periodic) < 0 {
			c.r.Triggers = append(c.r.Triggers, Periodic)
		}
		c.add(finding(CodeReviewPeriodic, compliance.Warning, refsPeriodic, "editions",
			compliance.PeriodArg(iv), compliance.DateArg(last), compliance.DateArg(d.LastDay)))
	} else {
		c.add(finding(CodeReviewNext, compliance.Info, refsPeriodic, "editions", compliance.DateArg(d.LastDay)))
	}
	return nil
}

// Document returns the assessment with the report of a check as a document
// for the DPO and the decision-makers: the decision, the editions, and the
// report's findings with their references.
func (a Assessment) Document(r Report) compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeDocAssessment, compliance.Text(a.Title))}
	doc.Field(compliance.Msg(CodeDocJurisdiction), compliance.Msg(compliance.CodeText, compliance.Name(a.Jurisdiction)))
	if a.SignOff.IsZero() {
		doc.Field(compliance.Msg(CodeDocDecision), compliance.Msg(CodeDocDraft))
	} else {
		doc.Field(compliance.Msg(CodeDocDecision), compliance.Msg(compliance.CodeText, compliance.Name(a.SignOff.Decision)))
	}
	if len(a.Editions) > 0 {
		doc.Heading(CodeDocEditions)
		for _, e := range a.Editions {
			doc.Item(CodeEdition, compliance.Int(e.Number), compliance.DateArg(e.Date), compliance.Name(e.Decision))
		}
	}
	if len(r.Findings) > 0 {
		doc.Heading(CodeDocCheck)
		for _, f := range r.Findings {
			doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: f.Message(), Refs: f.Refs})
		}
	}
	return doc
}
