package processor

import (
	"time"

	"github.com/tillid/tillid/compliance"
)

// RuleSet names the version of this package's rules and of its adequacy
// table. Every [Decision] records it, so that a decision stored as evidence
// says which rules made it.
const RuleSet = "tillid-processor/1 adequacy/" + adequacyTableDate

// Request asks whether personal data may be shared with a processor: which
// processor, which categories of data about which categories of data
// subjects, for which purpose, and optionally with which operations.
type Request struct {
	// Processor is the processor the data would go to.
	Processor compliance.ProcessorID `json:"processor"`
	// Data are the categories of personal data to share; required.
	Data compliance.DataCategories `json:"data"`
	// Subjects are the categories of data subjects the data are about;
	// required.
	Subjects compliance.SubjectCategories `json:"subjects"`
	// Purpose is the purpose of the share, as one of the kommune's purpose
	// codes that agreements list ([Agreement.Purposes]); required.
	Purpose string `json:"purpose"`
	// Operations are the operations the processor would perform; empty
	// means they are not checked.
	Operations Operations `json:"operations,omitzero"`
}

// Validate reports every problem with the request's form: a processor,
// known and non-empty categories, a purpose. [Snapshot.Check] does not need
// a valid request — it denies an incomplete one — but a host decoding
// requests from another system can reject them early.
func (r Request) Validate() error {
	var v compliance.Validation
	v.Require("processor", !r.Processor.IsZero())
	v.Require("data", r.Data != 0)
	if r.Data&^allDataSet != 0 {
		v.Add("data", compliance.ReasonUnknown)
	}
	v.Require("subjects", r.Subjects != 0)
	if r.Subjects&^allSubjectSet != 0 {
		v.Add("subjects", compliance.ReasonUnknown)
	}
	checkName(&v, "purpose", r.Purpose, true)
	if r.Operations&^allOperationSet != 0 {
		v.Add("operations", compliance.ReasonUnknown)
	}
	return v.Err("request")
}

// Decision is the answer to a [Request] at an instant: allow, allow with
// warnings, or deny, with the findings behind it. It is a value the host
// stores as evidence of its accountability (Art 5(2) GDPR): it names the
// rule set, the policy version, the instant, the request, and the version
// of the processor record it used — which fixes the agreement, the
// sub-processor list and the audit evidence — and the IDs of the agreement
// and audit that governed.
//
// The findings of a decision may share memory with the [Snapshot] that made
// it: treat them as read-only.
type Decision struct {
	// ID identifies the decision once it is kept as evidence
	// ([Registry.Record]); zero as [Snapshot.Check] returns it.
	ID DecisionID `json:"id,omitzero"`
	// Outcome is the answer.
	Outcome Outcome `json:"outcome"`
	// Processor is the processor asked about.
	Processor compliance.ProcessorID `json:"processor"`
	// Name is the processor's name in the record used.
	Name string `json:"name,omitempty"`
	// ProcessorVersion is the Version of the processor record used; 0 when
	// the processor is not in the registry.
	ProcessorVersion uint64 `json:"processorVersion"`
	// Agreement is the agreement in force that governed, if any.
	Agreement AgreementID `json:"agreement,omitzero"`
	// Audit is the latest audit evidence at the instant, if any.
	Audit AuditID `json:"audit,omitzero"`
	// At is the instant the request was evaluated at.
	At time.Time `json:"at"`
	// RuleSet is [RuleSet].
	RuleSet string `json:"ruleSet"`
	// Policy is the [Policy.Version] in force.
	Policy string `json:"policy,omitempty"`
	// Request is the request.
	Request Request `json:"request"`
	// Findings are the reasons, in the order the rules ran: the processor,
	// its agreement, its sub-processors, its audits, and every destination
	// of the data.
	Findings []compliance.Finding `json:"findings,omitempty"`
}

// Allowed reports whether the data may be shared: the outcome is Allow or
// AllowWithWarnings.
func (d Decision) Allowed() bool { return d.Outcome == Allow || d.Outcome == AllowWithWarnings }

// Document returns the decision as a document for a caseworker or a DPO:
// the outcome, what was asked, the evidence it rests on, and each finding
// with its references.
func (d Decision) Document() compliance.Document {
	name := d.Name
	if name == "" {
		name = d.Processor.String()
	}
	doc := compliance.Document{Title: compliance.Msg(CodeDecisionTitle, compliance.Name(d.Outcome), compliance.Text(name))}
	doc.Field(compliance.Msg(CodeDecisionData), compliance.Msg(compliance.CodeText, compliance.Names(d.Request.Data.All())))
	doc.Field(compliance.Msg(CodeDecisionSubjects), compliance.Msg(compliance.CodeText, compliance.Names(d.Request.Subjects.All())))
	doc.Field(compliance.Msg(CodeDecisionPurpose), compliance.Msg(compliance.CodeText, compliance.Text(d.Request.Purpose)))
	doc.Field(compliance.Msg(CodeDecisionAt), compliance.Msg(compliance.CodeText, compliance.TimeArg(d.At)))
	doc.Field(compliance.Msg(CodeDecisionEvidence), compliance.Msg(CodeDecisionEvidenceValue,
		compliance.Text(d.RuleSet), compliance.Text(d.Processor.String()), compliance.Int(int(d.ProcessorVersion))))
	doc.Heading(CodeDecisionReasons)
	if len(d.Findings) == 0 {
		doc.Paragraph(CodeDecisionNoFindings)
	}
	for _, f := range d.Findings {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: f.Message(), Refs: f.Refs})
	}
	return doc
}
