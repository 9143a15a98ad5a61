package retention

import (
	"log/slog"

	"github.com/tillid/tillid/compliance"
)

// Record is what a [Schedule] decides about: a case (sag, saksmappe) or
// another unit of a kommune's records, described by its classification and
// the dates its retention periods are counted from. It is a plain value
// with no pointers or slices, so that a sweep over millions of records
// copies it cheaply and never allocates for it.
//
// The rule that governs a record is the rule named by Rule, or else the rule
// for its Class (and, for KLE, Facet) in its Scheme; a KLE record falls back
// from its emne to the emne's gruppe and hovedgruppe. Only the dates the
// rule's trigger needs are read.
//
// ID is the host's reference to the record — a case number, a Noark
// systemID — and appears in decisions, findings and logs; it must not be
// personal data (a case number is not; a case title may be). A Record holds
// no other text.
type Record struct {
	// ID is the host's reference to the record; required.
	ID string `json:"id"`
	// Jurisdiction is the record's jurisdiction: DK or NO.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Scheme is the scheme Class is written in; zero means KLE for DK and
	// Noark for NO.
	Scheme Scheme `json:"scheme,omitzero"`
	// Rule names the rule that governs the record, overriding the lookup by
	// Class; zero to look the rule up.
	Rule compliance.RetentionRuleID `json:"rule,omitzero"`
	// Class is the record's classification code: a KLE emne ("25.02.00"),
	// a Noark class code or a custom key.
	Class string `json:"class,omitempty"`
	// Facet is the KLE handlingsfacet ("G01"); KLE records only.
	Facet string `json:"facet,omitempty"`

	// Closed is the day the case was closed (afsluttet, avsluttet); zero
	// while it is open.
	Closed compliance.Date `json:"closed,omitzero"`
	// LastActivity is the day of the last activity on the record.
	LastActivity compliance.Date `json:"lastActivity,omitzero"`
	// EmploymentEnded is the day the employment the record concerns ended.
	EmploymentEnded compliance.Date `json:"employmentEnded,omitzero"`
	// FinancialYearEnd is the last day of the financial year the record
	// belongs to.
	FinancialYearEnd compliance.Date `json:"financialYearEnd,omitzero"`
	// ComingOfAge is the day the child the record concerns comes of age.
	ComingOfAge compliance.Date `json:"comingOfAge,omitzero"`

	// Kassasjonsvedtak, Bevaringstid and Kassasjonsdato are Noark 5's
	// M450, M451 and M452 when they are set on the unit itself rather than
	// inherited from its class; zero means inherited from the rule.
	// Kassasjonsdato, the date set by hand, overrides the date computed
	// from the bevaringstid. Noark records only.
	Kassasjonsvedtak Kassasjonsvedtak `json:"kassasjonsvedtak,omitzero"`
	Bevaringstid     int              `json:"bevaringstid,omitempty"`
	Kassasjonsdato   compliance.Date  `json:"kassasjonsdato,omitzero"`
	// Precedent marks a precedent case (presedenssak), which Noark 5 never
	// lets be discarded; Norwegian records only.
	Precedent bool `json:"precedent,omitempty"`
	// Hold marks a legal hold: the record is needed for legal claims
	// (Art 17(3)(e) GDPR), and deletion is blocked until it is lifted.
	Hold bool `json:"hold,omitempty"`
}

// scheme returns the record's scheme, defaulting by jurisdiction.
func (r *Record) scheme() Scheme {
	if r.Scheme != 0 {
		return r.Scheme
	}
	switch r.Jurisdiction {
	case compliance.DK:
		return KLE
	case compliance.NO:
		return Noark
	}
	return 0
}

// event returns the date of trigger t.
func (r *Record) event(t Trigger) compliance.Date {
	switch t {
	case Closed:
		return r.Closed
	case LastActivity:
		return r.LastActivity
	case EmploymentEnded:
		return r.EmploymentEnded
	case FinancialYearEnd:
		return r.FinancialYearEnd
	case ComingOfAge:
		return r.ComingOfAge
	}
	return compliance.Date{}
}

// noarkFields reports whether any Noark-only field is set.
func (r *Record) noarkFields() bool {
	return r.Kassasjonsvedtak != 0 || r.Bevaringstid != 0 || !r.Kassasjonsdato.IsZero()
}

// ok is the allocation-free check of the hot path; Validate explains a
// failure.
func (r *Record) ok() bool {
	s := r.scheme()
	return validID(r.ID) && r.Jurisdiction.Valid() && (r.Scheme == 0 || r.Scheme.Valid()) &&
		(r.Class == "" || ValidNoarkClass(r.Class)) &&
		(r.Facet == "" || s == KLE) &&
		okDate(r.Closed) && okDate(r.LastActivity) && okDate(r.EmploymentEnded) &&
		okDate(r.FinancialYearEnd) && okDate(r.ComingOfAge) && okDate(r.Kassasjonsdato) &&
		(r.Kassasjonsvedtak == 0 || r.Kassasjonsvedtak.Valid()) &&
		r.Bevaringstid >= 0 && r.Bevaringstid <= MaxBevaringstid &&
		(s == Noark || !r.noarkFields()) &&
		(!r.Precedent || r.Jurisdiction == compliance.NO)
}

// okDate reports whether d is unset or a real date in the years the
// calendar counts ([compliance.CheckDate]), without allocating.
func okDate(d compliance.Date) bool {
	return d.IsZero() || d.Valid() && d.Year >= compliance.FirstYear && d.Year <= compliance.LastYear
}

// validID reports whether s can be a record ID: the same form as a class
// code.
func validID(s string) bool { return ValidNoarkClass(s) }

// Validate reports every problem with the record at once, as a
// [*compliance.ValidationError] naming the fields by their JSON names; it
// never repeats a value. The Class is checked against the scheme's form when
// the record is decided, because the scheme may come from the rule.
func (r Record) Validate() error {
	if r.ok() {
		return nil
	}
	var v compliance.Validation
	v.Require("id", r.ID != "")
	if r.ID != "" && !validID(r.ID) {
		v.Add("id", compliance.ReasonFormat)
	}
	v.Require("jurisdiction", r.Jurisdiction.Valid())
	if r.Scheme != 0 && !r.Scheme.Valid() {
		v.Add("scheme", compliance.ReasonUnknown)
	}
	if r.Class != "" && !ValidNoarkClass(r.Class) {
		v.Add("class", compliance.ReasonFormat)
	}
	s := r.scheme()
	if r.Facet != "" && s != KLE {
		v.Add("facet", compliance.ReasonInconsistent)
	}
	for _, d := range [...]struct {
		field string
		date  compliance.Date
	}{
		{"closed", r.Closed}, {"lastActivity", r.LastActivity}, {"employmentEnded", r.EmploymentEnded},
		{"financialYearEnd", r.FinancialYearEnd}, {"comingOfAge", r.ComingOfAge}, {"kassasjonsdato", r.Kassasjonsdato},
	} {
		v.Check(d.field, compliance.CheckDate(d.date))
	}
	if r.Kassasjonsvedtak != 0 && !r.Kassasjonsvedtak.Valid() {
		v.Add("kassasjonsvedtak", compliance.ReasonUnknown)
	}
	if r.Bevaringstid < 0 || r.Bevaringstid > MaxBevaringstid {
		v.Add("bevaringstid", compliance.ReasonRange)
	}
	if s != Noark && s.Valid() {
		if r.Kassasjonsvedtak != 0 {
			v.Add("kassasjonsvedtak", compliance.ReasonInconsistent)
		}
		if r.Bevaringstid != 0 {
			v.Add("bevaringstid", compliance.ReasonInconsistent)
		}
		if !r.Kassasjonsdato.IsZero() {
			v.Add("kassasjonsdato", compliance.ReasonInconsistent)
		}
	}
	if r.Precedent && r.Jurisdiction != compliance.NO {
		v.Add("precedent", compliance.ReasonInconsistent)
	}
	return v.Err("record")
}

// LogValue implements [slog.LogValuer]: the ID, jurisdiction, scheme, class
// (as [LogClass] shows it) and flags, never dates.
func (r Record) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", r.ID),
		slog.String("jurisdiction", r.Jurisdiction.String()),
		slog.String("scheme", r.scheme().String()),
		slog.String("class", LogClass(r.scheme(), r.Class)),
		slog.Bool("hold", r.Hold),
		slog.Bool("precedent", r.Precedent),
	)
}
