package processor

import (
	"strconv"

	"github.com/tillid/tillid/compliance"
)

// Audit is a piece of evidence of the kommune's supervision of a processor
// (tilsyn med databehandlere; oppfølging av databehandlere): an auditor's
// statement (revisionserklæring), the processor's self-assessment, the
// kommune's questionnaire or inspection, or the report of the joint
// municipal Data Processor Secretariat.
//
// No article says "supervise your processor": Datatilsynet DK derives the
// duty from Art 5(2), 24 and 28(1) and the processor's duty to allow audits
// in Art 28(3)(h), and asks that it be appropriate and risk-based
// (reference §2.1, §2.2).
type Audit struct {
	// ID identifies the audit within the record; Registry.Put assigns one
	// when zero.
	ID AuditID `json:"id"`
	// Type is the kind of evidence.
	Type AuditType `json:"type"`
	// Assurance is the level of assurance of an ISAE 3000 statement.
	Assurance Assurance `json:"assurance,omitzero"`
	// From is the first day of the period covered (type 2), or the date of
	// the statement's assessment (type 1).
	From compliance.Date `json:"from,omitzero"`
	// To is the last day of the period covered (type 2).
	To compliance.Date `json:"to,omitzero"`
	// Issued is the date the statement or report was issued.
	Issued compliance.Date `json:"issued"`
	// Opinion is the auditor's conclusion (assurance reports only).
	Opinion Opinion `json:"opinion,omitzero"`
	// Deviations are the deviations (afvigelser) the audit found, with their
	// follow-up.
	Deviations []Deviation `json:"deviations,omitempty"`
	// CarveOut records that the statement excludes the sub-processors'
	// activities (the partial or carve-out method, partielmetoden): each
	// sub-processor then needs its own evidence.
	CarveOut bool `json:"carveOut,omitempty"`
	// ScopeConfirmed records that the kommune has checked that the evidence
	// covers the services and systems of its agreement: statements are often
	// generic for the processor (reference §2.3).
	ScopeConfirmed bool `json:"scopeConfirmed,omitempty"`
	// Reviewed is the date the kommune read and approved the evidence. Each
	// kommune approves a DBS report itself; a statement must be read, not
	// just filed.
	Reviewed compliance.Date `json:"reviewed,omitzero"`
	// Auditor names the audit firm or the reviewer's function.
	Auditor string `json:"auditor,omitempty"`
	// Reference is the kommune's reference to the document.
	Reference string `json:"reference,omitempty"`
}

// Deviation is a deviation (afvigelse) an audit found and its follow-up.
type Deviation struct {
	// Control names the control or requirement ("A.9.2.3", "log review").
	Control string `json:"control,omitempty"`
	// Description describes the deviation.
	Description string `json:"description,omitempty"`
	// FollowUp is the state of the follow-up.
	FollowUp FollowUp `json:"followUp"`
	// Due is the date by which the follow-up is to be complete.
	Due compliance.Date `json:"due,omitzero"`
}

// open reports whether the deviation still needs follow-up.
func (d Deviation) open() bool { return d.FollowUp == Open || d.FollowUp == Planned }

// Validate reports every problem with the audit: an ID, a known type, an
// issue date, a period for type 2 evidence, an opinion for assurance reports
// and none for the rest, an assurance level only for ISAE 3000, and
// well-formed deviations.
func (a Audit) Validate() error {
	var v compliance.Validation
	v.Require("id", !a.ID.IsZero())
	v.Require("type", a.Type.Valid())
	checkDate(&v, "issued", a.Issued)
	v.Require("issued", !a.Issued.IsZero())
	checkDate(&v, "from", a.From)
	checkDate(&v, "to", a.To)
	if a.Type.OverPeriod() {
		v.Require("from", !a.From.IsZero())
		v.Require("to", !a.To.IsZero())
	}
	if !a.From.IsZero() && !a.To.IsZero() && a.To.Before(a.From) {
		v.Add("to", compliance.ReasonRange)
	}
	switch {
	case a.Opinion != 0 && !a.Opinion.Valid():
		v.Add("opinion", compliance.ReasonUnknown)
	case a.Type.HasOpinion():
		v.Require("opinion", a.Opinion.Valid())
	case a.Opinion != 0:
		v.Add("opinion", compliance.ReasonInconsistent)
	}
	switch {
	case a.Assurance != 0 && !a.Assurance.Valid():
		v.Add("assurance", compliance.ReasonUnknown)
	case a.Assurance != 0 && a.Type != ISAE3000Type1 && a.Type != ISAE3000Type2:
		v.Add("assurance", compliance.ReasonInconsistent)
	}
	checkDate(&v, "reviewed", a.Reviewed)
	checkName(&v, "auditor", a.Auditor, false)
	checkName(&v, "reference", a.Reference, false)
	checkList(&v, "deviations", len(a.Deviations))
	for i, d := range a.Deviations {
		path := "deviations[" + strconv.Itoa(i) + "]"
		checkName(&v, path+".control", d.Control, false)
		checkText(&v, path+".description", d.Description)
		v.Require(path+".followUp", d.FollowUp.Valid())
		checkDate(&v, path+".due", d.Due)
	}
	return v.Err("audit")
}

// Supervision is the kommune's plan for supervising a processor: the risk
// to the data subjects, the interval between supervisions, and, for Danish
// kommuner, the result of Datatilsynet DK's point model.
//
// Datatilsynet DK's guidance of 29 October 2021 scores four questions and
// lets the sum select among six supervision concepts (tilsynskoncepter),
// concept 1 the lightest. The points of three of the questions and the
// content of the concepts are not known to tillid (reference §2.2 and §6
// item 1), so the kommune records its own sum and chosen concept; tillid
// only checks the published mapping from sums to allowed concepts
// ([MinConcept]). Neither the GDPR nor either Datatilsynet fixes a
// frequency: the interval is the kommune's, or its [Policy]'s per risk
// level.
type Supervision struct {
	// Risk is the kommune's risk assessment for the processing.
	Risk RiskLevel `json:"risk,omitzero"`
	// Interval is the time between supervisions; zero means the
	// [Policy]'s interval for Risk.
	Interval compliance.Period `json:"interval,omitzero"`
	// Points is the sum of the point model, 1 to 10; 0 when not used.
	Points int `json:"points,omitempty"`
	// Concept is the chosen supervision concept, 1 to 6; 0 when not used.
	Concept int `json:"concept,omitempty"`
}

// Validate reports every problem with the plan.
func (s Supervision) Validate() error {
	var v compliance.Validation
	if s.Risk != 0 && !s.Risk.Valid() {
		v.Add("risk", compliance.ReasonUnknown)
	}
	if !s.Interval.IsZero() {
		v.Check("interval", s.Interval.Validate())
	}
	if s.Points < 0 || s.Points > 10 {
		v.Add("points", compliance.ReasonRange)
	}
	if s.Concept < 0 || s.Concept > 6 {
		v.Add("concept", compliance.ReasonRange)
	}
	if s.Concept != 0 && s.Points == 0 {
		v.Add("points", compliance.ReasonRequired)
	}
	return v.Err("supervision")
}

// MinConcept returns the least resource-intensive supervision concept that
// Datatilsynet DK's point model allows for a sum of points: 1–2 points allow
// concepts 1–6, 3–4 points 2–6, 5–6 points 3–6, 7–10 points 5–6. The table
// is from a secondary source (GLS-A's summary of the guidance of 29 October
// 2021, https://www.gls-a.dk/nyheder/saadan-foerer-du-tilsyn-med-din-databehandler/,
// reference §2.2, tagged V2); ok is false for a sum outside 1 to 10.
func MinConcept(points int) (concept int, ok bool) {
	switch {
	case points >= 1 && points <= 2:
		return 1, true
	case points >= 3 && points <= 4:
		return 2, true
	case points >= 5 && points <= 6:
		return 3, true
	case points >= 7 && points <= 10:
		return 5, true
	}
	return 0, false
}
