package processor

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Form is how a data processing agreement was concluded. Art 28(9) GDPR
// asks for writing, including electronic form, not for signatures: a
// processor's standard terms accepted by the kommune, and a framework
// agreement concluded on the kommune's behalf that it joined, are
// agreements in writing as much as a document both parties signed. Their
// content is judged the same way ([Agreement.MissingClauses]). The zero
// value is invalid.
type Form uint8

// Form values.

// Signed: signed by both parties, on paper or electronically.
const Signed Form = 1

// AcceptedTerms: the processor's standard terms (a data processing
// addendum online), accepted by the kommune. The EDPB: that the
// processor drafted the terms is not in itself a problem, but the
// controller must evaluate them, and changes must be notified to it
// and approved, not merely published (Guidelines 07/2020, v1.0 para
// 107). Datatilsynet DK: a standard service on a standardised
// agreement is not in itself disqualifying (cloud Q&A, 2022).
const AcceptedTerms Form = 2

// Framework: a framework agreement concluded on the kommune's behalf
// (by KOMBIT or KL in Denmark, KS in Norway, a purchasing body) that
// the kommune joined, for instance by a tilslutningsaftale.
const Framework Form = 3

// Oral: agreed orally only. Not in writing, so not an agreement under
// Art 28(9): it never governs.
const Oral Form = 4

var forms = enum.New[Form]("form", "processor.form", compliance.UnknownCode,
	"signed", "accepted-terms", "framework", "oral")

// ParseForm returns the Form with the given code.
func ParseForm(s string) (Form, error) { return forms.Parse(s) }

// AllForms yields every Form in numeric order.
func AllForms() iter.Seq[Form] { return forms.All() }

// String returns the stable code.
func (f Form) String() string { return forms.String(f) }

// Key returns the i18n message key.
func (f Form) Key() string { return forms.Key(f) }

// Valid reports whether f is a known Form.
func (f Form) Valid() bool { return forms.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f Form) MarshalText() ([]byte, error) { return forms.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Form) UnmarshalText(b []byte) error { return forms.UnmarshalText(f, b) }

// Written reports whether the form is writing in the sense of Art 28(9),
// including electronic form: every form but Oral.
func (f Form) Written() bool { return f.Valid() && f != Oral }

// Body is an organisation that concludes framework agreements on the
// kommuner's behalf. The zero value is unset.
type Body uint8

// Body values.

// KOMBIT is the Danish kommuner's IT company (KOMBIT A/S): a kommune
// joins a KOMBIT solution by a tilslutningsaftale with a data
// processing agreement.
const KOMBIT Body = 1

// KL is Kommunernes Landsforening, the association of Danish kommuner.
const KL Body = 2

// KS is Kommunesektorens organisasjon, the association of Norwegian
// kommuner.
const KS Body = 3

// OtherBody is another purchasing body (SKI, a joint municipal
// purchasing office); the evidence names it.
const OtherBody Body = 4

var bodies = enum.New[Body]("body", "processor.body", compliance.UnknownCode,
	"kombit", "kl", "ks", "other")

// ParseBody returns the Body with the given code.
func ParseBody(s string) (Body, error) { return bodies.Parse(s) }

// AllBodies yields every Body in numeric order.
func AllBodies() iter.Seq[Body] { return bodies.All() }

// String returns the stable code.
func (b Body) String() string { return bodies.String(b) }

// Key returns the i18n message key.
func (b Body) Key() string { return bodies.Key(b) }

// Valid reports whether b is a known Body.
func (b Body) Valid() bool { return bodies.Valid(b) }

// MarshalText implements [encoding.TextMarshaler].
func (b Body) MarshalText() ([]byte, error) { return bodies.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Body) UnmarshalText(t []byte) error { return bodies.UnmarshalText(b, t) }

// Concluded records how and when an agreement was concluded, and the
// evidence of it (Art 5(2): the kommune must be able to show the agreement
// exists).
type Concluded struct {
	// Form is how the agreement was concluded.
	Form Form `json:"form"`
	// Date is the day it was concluded: the later of the two signatures,
	// the kommune's acceptance of the terms, or its accession to the
	// framework agreement. The agreement governs from this day (and not
	// before its From).
	Date compliance.Date `json:"date,omitzero"`
	// By is the body that concluded a framework agreement on the kommune's
	// behalf; required for Framework, and only for it.
	By Body `json:"by,omitzero"`
	// Evidence is the kommune's reference to the evidence: the signed
	// document's journal number, the record of the acceptance (the terms'
	// version, the account, the time), the accession agreement. Required
	// for AcceptedTerms and Framework, whose proof is not a signature on
	// the agreement itself.
	Evidence string `json:"evidence,omitempty"`
	// Electronic records that the agreement was concluded in electronic
	// form (Art 28(9)); not for Oral.
	Electronic bool `json:"electronic,omitempty"`
}

// IsZero reports whether nothing is recorded.
func (c Concluded) IsZero() bool { return c == Concluded{} }

func (c Concluded) validate(v *compliance.Validation, path string) {
	if c.IsZero() {
		return
	}
	v.Require(path+".form", c.Form.Valid())
	checkDate(v, path+".date", c.Date)
	if c.Form.Written() {
		v.Require(path+".date", !c.Date.IsZero())
	}
	switch {
	case c.By != 0 && !c.By.Valid():
		v.Add(path+".by", compliance.ReasonUnknown)
	case c.Form == Framework:
		v.Require(path+".by", c.By.Valid())
	case c.By != 0:
		v.Add(path+".by", compliance.ReasonInconsistent)
	}
	checkName(v, path+".evidence", c.Evidence, c.Form == AcceptedTerms || c.Form == Framework)
	if c.Form == Oral && c.Electronic {
		v.Add(path+".electronic", compliance.ReasonInconsistent)
	}
}

// HowConcluded returns how the agreement was concluded: Concluded when it
// is recorded, and otherwise — for records made before Concluded existed —
// Signed on the day of Signed when that is set; the zero Concluded for a
// draft.
func (a Agreement) HowConcluded() Concluded {
	if !a.Concluded.IsZero() {
		return a.Concluded
	}
	if !a.Signed.IsZero() {
		return Concluded{Form: Signed, Date: a.Signed}
	}
	return Concluded{}
}
