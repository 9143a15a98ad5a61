package retention

import (
	"fmt"
	"github.com/tillid/tillid/internal/redact"
	"log/slog"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Erasure is the answer to a data subject's request for erasure (Art 17
// GDPR) of a record: erase, or refuse and offer restriction of processing
// (Art 18) instead, with the retention decision it rests on.
type Erasure struct {
	// Decision is the record's retention decision at the instant of the
	// request.
	Decision Decision `json:"decision"`
	// Outcome is Erase or Refuse.
	Outcome Outcome `json:"outcome"`
	// Code is the conclusion: CodeErasureDue, CodeErasureRefused or
	// CodeErasureRefusedHold.
	Code compliance.Code `json:"code"`
	// Refs are the provisions and decisions the conclusion rests on.
	Refs compliance.Refs `json:"refs"`
	// Restriction reports that restriction of processing is offered
	// instead of erasure; it is set whenever the request is refused.
	Restriction bool `json:"restriction,omitempty"`
	// RestrictionRefs are the references for the offer of restriction.
	RestrictionRefs compliance.Refs `json:"restrictionRefs,omitzero"`
}

// Erasure answers a request for erasure of record r made at instant at.
//
// The request is refused under Art 17(3)(b) GDPR (a legal obligation to
// keep the record, here the archives legislation) when the record has an
// archive duty: it is to be preserved for posterity (KLE B, Noark
// «Bevares», a custom Transfer rule), when Art 17(3)(d) (archiving in the
// public interest) is cited as well; it is a precedent case (Noark 5);
// no rule authorises its kassation yet (no rule, KLE "tom", a rule without a
// period, Noark «Vurderes senere»); or its rule's period is a duty to keep
// that has not run out (Noark «Kasseres» before the kassasjonsdato, a custom
// rule with Duty, and KLE K5 and K10 with [Policy.KLEDuty]). A legal hold
// refuses it under Art 17(3)(e). Restriction of processing (Art 18) is
// offered instead, as the Personvernnemnda upheld in PVN-2018-13 (a refusal
// to delete a complaint file from a Fylkesmann's archive, with "sperring"
// offered) and as the Højesteret's judgment of 18 April 2024
// (BS-49623/2023-HJR: no right to have archived records destroyed) bears
// out for Denmark.
//
// Otherwise no archive duty stands in the way: erasure is due
// (CodeErasureDue), unless another exception of Art 17(3) applies, which
// the caseworker assesses.
//
// Erasure returns the same errors as [Schedule.Decide].
func (s *Schedule) Erasure(r Record, at time.Time) (Erasure, error) {
	if !s.ok() {
		return Erasure{Decision: Decision{Record: r.ID}}, ErrNoSchedule
	}
	if !r.Jurisdiction.Valid() {
		return Erasure{Decision: Decision{Record: r.ID}}, r.Validate()
	}
	today := s.today(r.Jurisdiction, at)
	e := eraOf(r.Jurisdiction, today)
	d, c, err := s.decide(&r, today, e)
	if err != nil {
		return Erasure{Decision: d}, err
	}
	x := Erasure{Decision: d}
	preserve := d.Disposition == Transfer || d.Final == Transfer || d.Precedent
	var duty bool
	switch {
	case c == nil, preserve: // no rule authorises kassation; or preserved
		duty = true
	case d.Disposition == Delete, d.Held: // the period has run out
		duty = false
	default:
		duty = s.duty(c, d.Final)
	}
	switch {
	case duty:
		x.Outcome, x.Code = Refuse, CodeErasureRefused
		var buf [8]compliance.Ref
		refs := append(buf[:0], refLegalObligation)
		if preserve {
			refs = append(refs, refArchiving)
		}
		if d.Precedent {
			for _, r := range refsPrecedent.All() {
				refs = append(refs, r)
			}
		}
		refs = append(refs, erasureArchiveRefs(r.Jurisdiction, e)...)
		x.Refs = compliance.RefsOf(refs...)
	case r.Hold:
		x.Outcome, x.Code = Refuse, CodeErasureRefusedHold
		x.Refs = refsErasureHold
	default:
		x.Outcome, x.Code = Erase, CodeErasureDue
		x.Refs = refsErasureDue
		return x, nil
	}
	x.Restriction = true
	x.RestrictionRefs = refsRestriction[r.Jurisdiction]
	return x, nil
}

// duty reports whether rule c with final disposition final makes keeping
// the record a legal duty while its period runs (or, without a period,
// until a decision authorises kassation).
func (s *Schedule) duty(c *compiled, final Disposition) bool {
	switch c.scheme {
	case Noark:
		// Kassasjon only once the kassasjonsdato has passed (Noark 5
		// 6.1.19); «Vurderes senere» is no authority to discard.
		return final == Delete || final == Review
	case KLE:
		// "tom" carries no code, so nothing authorises kassation; K5 and
		// K10 bind only under Policy.KLEDuty.
		return final == Review || c.kassation > 0 && s.policy.KLEDuty
	}
	return c.duty
}

// Findings returns the answer's findings: the conclusion, the offer of
// restriction when the request is refused, then the retention decision's
// findings. Every finding carries the record's ID as its Subject.
func (x Erasure) Findings() []compliance.Finding {
	if x.Code == "" {
		return nil
	}
	sev := compliance.Info
	if x.Outcome == Erase {
		sev = compliance.Warning
	}
	out := []compliance.Finding{{Code: x.Code, Severity: sev, Refs: x.Refs, Subject: x.Decision.Record}}
	if x.Restriction {
		out = append(out, compliance.Finding{Code: CodeRestriction, Severity: compliance.Info,
			Refs: x.RestrictionRefs, Subject: x.Decision.Record})
	}
	out = append(out, x.Decision.Findings()...)
	compliance.Detach(out)
	return out
}

// LogValue implements [slog.LogValuer]: the record ID, outcome and code.
func (x Erasure) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("record", x.Decision.Record),
		slog.String("outcome", x.Outcome.String()),
		slog.String("code", string(x.Code)),
	)
}

// Format implements [fmt.Formatter]: every verb prints the summary of
// [Erasure.LogValue], never the names, contact details, free text or
// identifiers the value holds (fmt would print every field).
func (x Erasure) Format(f fmt.State, verb rune) { redact.Format(f, verb, "retention.Erasure", x) }
