package retention

import (
	"fmt"
	"github.com/tillid/tillid/internal/redact"
	"log/slog"

	"github.com/tillid/tillid/compliance"
)

// Decision is what a [Schedule] decides about one record at one instant:
// its disposition now, the disposition its rule prescribes when the
// retention period runs out, the due date, and the conclusion with the
// references it rests on.
//
// The conclusion is Code (the message key of the main finding) with
// Severity and Refs; [Decision.Findings] builds the full findings, with
// their arguments, on demand. A Decision's Refs are the schedule's own
// tables, shared and never copied: [compliance.Refs] is immutable, so no
// caller can change what another caller's decisions cite.
type Decision struct {
	// Record is the record's ID.
	Record string `json:"record"`
	// Jurisdiction is the record's jurisdiction.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Scheme and Class are the record's classification.
	Scheme Scheme `json:"scheme,omitzero"`
	Class  string `json:"class,omitempty"`
	// Rule is the rule applied; zero when no rule covers the record or
	// when a Noark record carries its own kassasjonsvedtak.
	Rule compliance.RetentionRuleID `json:"rule,omitzero"`
	// Disposition is what is to be done with the record at the instant of
	// the decision.
	Disposition Disposition `json:"disposition"`
	// Final is what the rule prescribes when the retention period runs
	// out; zero when no rule covers the record.
	Final Disposition `json:"final,omitzero"`
	// Due is the last day of the retention period (for Noark, the
	// kassasjonsdato). The final disposition is due once the day has
	// passed: from the next day, in the jurisdiction's time zone, because
	// a period ends with the end of its last day (Reg 1182/71 Art 3(2)(b)
	// and (c)) and Noark 5 lets a unit be discarded when "dagens dato har
	// passert bevaringsdatoen" (requirement 6.1.19). Zero when no period
	// applies.
	Due compliance.Date `json:"due,omitzero"`
	// Trigger is the event the period is counted from, and Event its date
	// (31 December of the closing year with [Policy.KLEFromYearEnd]).
	Trigger Trigger         `json:"trigger,omitzero"`
	Event   compliance.Date `json:"event,omitzero"`
	// Period is the period that gave Due; zero when Due was set by hand
	// (Noark kassasjonsdato) or no period applies.
	Period compliance.Period `json:"period,omitzero"`
	// Code is the main finding's code; Severity its severity.
	Code     compliance.Code     `json:"code"`
	Severity compliance.Severity `json:"severity"`
	// Refs are the provisions the conclusion rests on.
	Refs compliance.Refs `json:"refs"`
	// Held reports that a legal hold ([Record.Hold]) blocks a deletion
	// that is otherwise due.
	Held bool `json:"held,omitempty"`
	// Precedent reports that the record is a precedent case and so is
	// never discarded.
	Precedent bool `json:"precedent,omitempty"`
	// YearEnd reports that a K5 or K10 period was counted from the end of
	// the closing year ([Policy.KLEFromYearEnd]).
	YearEnd bool `json:"yearEnd,omitempty"`
	// Deletion and DeletionEnds are set when a KLE deletion period would
	// end before K5 or K10 allow kassation: the deletion period and its
	// last day. Due is then the later kassation date.
	Deletion     compliance.Period `json:"deletion,omitzero"`
	DeletionEnds compliance.Date   `json:"deletionEnds,omitzero"`
}

// Findings returns the decision's findings: the main one (Code) with its
// arguments, then an explanation of the year-end count or of the KLE
// deletion period that ends before kassation is allowed, where they apply.
// Every finding carries the record's ID as its Subject. It allocates; call
// it for the decisions you report.
func (d Decision) Findings() []compliance.Finding {
	if d.Code == "" {
		return nil
	}
	main := compliance.Finding{
		Code:      d.Code,
		Severity:  d.Severity,
		Principle: compliance.StorageLimitation,
		Refs:      d.Refs,
		Subject:   d.Record,
	}
	switch d.Code {
	case CodeNotStarted:
		main.Args = []compliance.Arg{compliance.Name(d.Trigger)}
	case CodeKeepUntil:
		if d.Period.IsZero() {
			main.Code = CodeKeepUntilDate
			main.Args = []compliance.Arg{compliance.DateArg(d.Due), compliance.Name(d.Final)}
		} else {
			main.Args = []compliance.Arg{compliance.DateArg(d.Due), compliance.PeriodArg(d.Period),
				compliance.Name(d.Trigger), compliance.DateArg(d.Event), compliance.Name(d.Final)}
		}
	case CodeDeleteDue, CodeReviewDue, CodeHold:
		main.Args = []compliance.Arg{compliance.DateArg(d.Due)}
	}
	out := []compliance.Finding{main}
	if d.YearEnd {
		out = append(out, compliance.Finding{
			Code: CodeYearEnd, Severity: compliance.Info, Principle: compliance.StorageLimitation,
			Refs: d.Refs, Args: []compliance.Arg{compliance.DateArg(d.Event)}, Subject: d.Record,
		})
	}
	if !d.Deletion.IsZero() {
		out = append(out, compliance.Finding{
			Code: CodeArchiveMinimum, Severity: compliance.Info, Principle: compliance.StorageLimitation,
			Refs: d.Refs, Subject: d.Record,
			Args: []compliance.Arg{compliance.PeriodArg(d.Deletion), compliance.DateArg(d.DeletionEnds), compliance.DateArg(d.Due)},
		})
	}
	compliance.Detach(out)
	return out
}

// LogValue implements [slog.LogValuer]: the record ID, rule, dispositions,
// code and due date.
func (d Decision) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("record", d.Record),
		slog.String("rule", d.Rule.String()),
		slog.String("disposition", d.Disposition.String()),
		slog.String("final", d.Final.String()),
		slog.String("code", string(d.Code)),
		slog.String("due", d.Due.String()),
	)
}

// Format implements [fmt.Formatter]: every verb prints the summary of
// [Decision.LogValue], never the names, contact details, free text or
// identifiers the value holds (fmt would print every field).
func (d Decision) Format(f fmt.State, verb rune) { redact.Format(f, verb, "retention.Decision", d) }

// Summary counts the decisions of a sweep. The zero value is ready to use.
type Summary struct {
	// Records is the number of records decided (Invalid not included).
	Records int `json:"records"`
	// Keep, Delete, Transfer and Review count the decisions by
	// disposition at the instant of the sweep.
	Keep     int `json:"keep"`
	Delete   int `json:"delete"`
	Transfer int `json:"transfer"`
	Review   int `json:"review"`
	// Held counts deletions blocked by a legal hold (included in Keep).
	Held int `json:"held"`
	// Precedent counts precedent cases kept (included in Keep).
	Precedent int `json:"precedent"`
	// NoRule counts records no rule covers (included in Review).
	NoRule int `json:"noRule"`
	// Invalid counts records rejected as invalid.
	Invalid int `json:"invalid"`
}

// Count returns the number of decisions with disposition d.
func (s Summary) Count(d Disposition) int {
	switch d {
	case Keep:
		return s.Keep
	case Delete:
		return s.Delete
	case Transfer:
		return s.Transfer
	case Review:
		return s.Review
	}
	return 0
}

// Add counts one decision.
func (s *Summary) Add(d Decision) {
	s.Records++
	switch d.Disposition {
	case Keep:
		s.Keep++
	case Delete:
		s.Delete++
	case Transfer:
		s.Transfer++
	case Review:
		s.Review++
	}
	if d.Held {
		s.Held++
	}
	if d.Precedent {
		s.Precedent++
	}
	if d.Code == CodeNoRule {
		s.NoRule++
	}
}
