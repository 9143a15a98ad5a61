package processor

import (
	"slices"
	"strconv"

	"github.com/tillid/tillid/compliance"
)

// Agreement is a data processing agreement (databehandleraftale,
// databehandleravtale): the contract or other legal act that binds the
// processor to the kommune (Art 28(3) GDPR), in writing (Art 28(9)).
//
// Its content is recorded as a checklist of the elements Art 28(3) requires
// ([Clauses]), its scope as the categories, subjects, purposes and
// operations it covers, its instruction on transfers (Art 28(3)(a)), the
// contractual hours for the processor's notice of a breach (Art 33(2) sets
// none) and the authorisation of sub-processors (Art 28(2)).
type Agreement struct {
	// ID identifies the agreement within the record; Registry.Put assigns
	// one when zero.
	ID AgreementID `json:"id"`
	// Reference is the kommune's own reference (journal or contract number).
	Reference string `json:"reference,omitempty"`
	// Template is the text the agreement is built on.
	Template Template `json:"template"`
	// Signed is the date the agreement was signed by both parties; zero
	// while it is a draft. It is the short form of Concluded for a signed
	// agreement, kept so that records written before Concluded existed
	// read the same: a record with only Signed was concluded as [Signed]
	// on that day ([Agreement.HowConcluded]). When both are set, Concluded
	// must say Signed on the same day.
	Signed compliance.Date `json:"signed,omitzero"`
	// Concluded records how the agreement was concluded — signed, the
	// processor's standard terms accepted, a framework agreement joined,
	// or orally — with its date and evidence. An agreement that is not
	// concluded in writing (Art 28(9)) does not govern.
	Concluded Concluded `json:"concluded,omitzero"`
	// From is the first day the agreement is in force.
	From compliance.Date `json:"from"`
	// To is the last day the agreement is in force; zero while it runs
	// until terminated.
	To compliance.Date `json:"to,omitzero"`
	// Clauses are the elements of Art 28(3) and 28(9) the agreement
	// contains. For the Danish standard clauses and the Commission's
	// 2021/915 and 2021/914 clauses, the clause elements ((a) to (h), the
	// second subparagraph and the written form) are part of the adopted text
	// and are implied; the first-sentence elements are the parties' own
	// annex and must be recorded.
	Clauses Clauses `json:"clauses,omitzero"`
	// Data are the categories of personal data the agreement covers.
	Data compliance.DataCategories `json:"data,omitzero"`
	// Subjects are the categories of data subjects it covers.
	Subjects compliance.SubjectCategories `json:"subjects,omitzero"`
	// Purposes are the purposes it covers, as the kommune's own codes (the
	// ID of a processing activity, a KLE number): a [Request] must name one
	// of them, matched without regard to case and surrounding or repeated
	// white space ([NormalizePurpose]). They are codes, never text about a
	// person: a denial names them.
	Purposes []string `json:"purposes,omitempty"`
	// Operations are the processing operations it covers; empty means the
	// agreement does not restrict them.
	Operations Operations `json:"operations,omitzero"`
	// Transfers is the instruction on transfers to third countries.
	Transfers TransferRule `json:"transfers,omitzero"`
	// TransferCountries are the countries transfers may go to under
	// TransfersListed.
	TransferCountries []compliance.Country `json:"transferCountries,omitempty"`
	// BreachNoticeHours is the number of hours the agreement gives the
	// processor to notify the kommune of a personal data breach; 0 when it
	// sets none. The GDPR sets no hour count for processors (Art 33(2):
	// without undue delay); real agreements say 24, 48 or 72 hours.
	BreachNoticeHours int `json:"breachNoticeHours,omitempty"`
	// SubProcessing is the authorisation of sub-processors.
	SubProcessing Authorisation `json:"subProcessing,omitzero"`
}

// Authorisation is the controller's prior written authorisation to engage
// sub-processors (Art 28(2) GDPR; Clause 7.7 of the 2021/915 clauses;
// clause 7 of Datatilsynet DK's standard clauses). A general authorisation
// needs the processor's duty to notify intended additions and replacements
// and the controller's right to object.
type Authorisation struct {
	// Kind is specific or general authorisation, or none.
	Kind AuthorisationKind `json:"kind,omitzero"`
	// Notice records the processor's duty to notify intended changes
	// (general authorisation).
	Notice bool `json:"notice,omitempty"`
	// NoticePeriod is the agreed period of notice before a change, during
	// which the kommune may object. The GDPR and the standard clauses fix no
	// length ("[SPECIFY TIME PERIOD]"); the parties do.
	NoticePeriod compliance.Period `json:"noticePeriod,omitzero"`
	// Objection records the kommune's right to object to changes.
	Objection bool `json:"objection,omitempty"`
}

// implied returns the clause elements that the agreement's template contains
// by construction: the Danish standard clauses (adopted under Art 28(8)) and
// the Commission's clauses (adopted under Art 28(7), and the transfer
// clauses by their Art 1(2)) state points (a) to (h), the second
// subparagraph, and are written. Datatilsynet DK does not re-examine clauses
// adopted as standard clauses (6 October 2021). The first-sentence elements
// live in the annexes the parties fill in, and are never implied.
func (a Agreement) implied() Clauses {
	switch a.Template {
	case TemplateDKStandard, TemplateEU2021915, TemplateEU2021914:
		return AllClauseSet().Minus(ClausesOf(SubjectMatter, Duration, Nature, Purpose, DataTypes, SubjectCategories, ControllerRights))
	}
	return 0
}

// MissingClauses returns the elements of Art 28(3) and 28(9) the agreement
// neither records nor implies through its template.
func (a Agreement) MissingClauses() Clauses {
	return AllClauseSet().Minus(a.Clauses | a.implied())
}

// Validate reports every problem with the agreement: an ID, a known
// template, a valid start, an end not before the start, known categories
// and operations, distinct non-empty purposes, countries only for a listed
// instruction, hours from 0 to 8760, and a well-formed authorisation.
func (a Agreement) Validate() error {
	var v compliance.Validation
	v.Require("id", !a.ID.IsZero())
	checkName(&v, "reference", a.Reference, false)
	v.Require("template", a.Template.Valid())
	checkDate(&v, "signed", a.Signed)
	a.Concluded.validate(&v, "concluded")
	if !a.Signed.IsZero() && !a.Concluded.IsZero() && (a.Concluded.Form != Signed || a.Concluded.Date != a.Signed) {
		v.Add("concluded", compliance.ReasonInconsistent)
	}
	checkDate(&v, "from", a.From)
	v.Require("from", !a.From.IsZero())
	checkDate(&v, "to", a.To)
	if !a.To.IsZero() && !a.From.IsZero() && a.To.Before(a.From) {
		v.Add("to", compliance.ReasonRange)
	}
	if a.Clauses&^AllClauseSet() != 0 {
		v.Add("clauses", compliance.ReasonUnknown)
	}
	if a.Operations&^allOperationSet != 0 {
		v.Add("operations", compliance.ReasonUnknown)
	}
	if a.Data&^allDataSet != 0 {
		v.Add("data", compliance.ReasonUnknown)
	}
	if a.Subjects&^allSubjectSet != 0 {
		v.Add("subjects", compliance.ReasonUnknown)
	}
	checkList(&v, "purposes", len(a.Purposes))
	seenP := make(map[string]bool, len(a.Purposes))
	for i, p := range a.Purposes {
		path := "purposes[" + strconv.Itoa(i) + "]"
		checkName(&v, path, p, true)
		if n := NormalizePurpose(p); seenP[n] {
			v.Add(path, compliance.ReasonDuplicate)
		} else {
			seenP[n] = true
		}
	}
	if a.Transfers != 0 && !a.Transfers.Valid() {
		v.Add("transfers", compliance.ReasonUnknown)
	}
	if len(a.TransferCountries) > 0 && a.Transfers != TransfersListed {
		v.Add("transferCountries", compliance.ReasonInconsistent)
	}
	checkList(&v, "transferCountries", len(a.TransferCountries))
	for i, c := range a.TransferCountries {
		path := "transferCountries[" + strconv.Itoa(i) + "]"
		checkCountry(&v, path, c, true)
		if slices.Index(a.TransferCountries, c) < i {
			v.Add(path, compliance.ReasonDuplicate)
		}
	}
	if a.BreachNoticeHours < 0 || a.BreachNoticeHours > 8760 {
		v.Add("breachNoticeHours", compliance.ReasonRange)
	}
	s := a.SubProcessing
	if s.Kind != 0 && !s.Kind.Valid() {
		v.Add("subProcessing.kind", compliance.ReasonUnknown)
	}
	if !s.NoticePeriod.IsZero() {
		v.Check("subProcessing.noticePeriod", s.NoticePeriod.Validate())
	}
	if s.Kind != AuthorisationGeneral && (s.Notice || s.Objection || !s.NoticePeriod.IsZero()) {
		v.Add("subProcessing.kind", compliance.ReasonInconsistent)
	}
	return v.Err("agreement")
}

// Clone returns a deep copy of a.
func (a Agreement) Clone() Agreement {
	a.Purposes = slices.Clone(a.Purposes)
	a.TransferCountries = slices.Clone(a.TransferCountries)
	return a
}
