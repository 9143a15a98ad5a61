package processor

import (
	"math/bits"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Findings that do not depend on a processor's record. They are shared by
// every decision that reports them: treat them as read-only.
var (
	unknownFindings = []compliance.Finding{{Code: CodeUnknown, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsUnknown}}
	incompleteFindings = []compliance.Finding{{Code: CodeRequestIncomplete, Severity: compliance.Violation,
		Principle: compliance.PurposeLimitation, Refs: refsPurpose}}
	purposeNotCovered = compliance.Finding{Code: CodePurposeNotCovered, Severity: compliance.Violation,
		Principle: compliance.PurposeLimitation, Refs: refsPurpose, Subject: "purpose"}
	// dataNotCovered[c] states that data category c is outside the
	// agreement; subjectsNotCovered and operationNotCovered likewise.
	dataNotCovered = func() (fs [64]compliance.Finding) {
		for c := range compliance.AllDataCategories() {
			fs[c] = compliance.Finding{Code: CodeDataNotCovered, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: refsRequest, Args: []compliance.Arg{compliance.Name(c)}, Subject: c.String()}
		}
		return fs
	}()
	subjectsNotCovered = func() (fs [32]compliance.Finding) {
		for c := range compliance.AllSubjectCategories() {
			fs[c] = compliance.Finding{Code: CodeSubjectsNotCovered, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: refsRequest, Args: []compliance.Arg{compliance.Name(c)}, Subject: c.String()}
		}
		return fs
	}()
	operationNotCovered = func() (fs [16]compliance.Finding) {
		for o := range AllOperations() {
			fs[o] = compliance.Finding{Code: CodeOperationNotCovered, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: refsRequest, Args: []compliance.Arg{compliance.Name(o)}, Subject: o.String()}
		}
		return fs
	}()
)

// collector gathers the findings of one check without allocating: it holds
// pointers to precomputed findings (and their index in the processor's
// table, or -1), on the stack for up to len(buf) of them.
type collector struct {
	n     int
	worst compliance.Severity
	buf   [32]*compliance.Finding
	idx   [32]int32
	more  []*compliance.Finding
}

func (c *collector) add(f *compliance.Finding, i int32) {
	c.worst = max(c.worst, f.Severity)
	if c.n < len(c.buf) {
		c.buf[c.n], c.idx[c.n] = f, i
		c.n++
		return
	}
	c.more = append(c.more, f)
}

// from adds finding i of p's table.
func (c *collector) from(p *compiled, i int32) {
	if i != noFinding {
		c.add(&p.tbl[i], i)
	}
}

// findings returns the gathered findings without allocating when it can:
// when they are a run of p's table in order, the result shares the table;
// when they are all from p's table, the result is memoised on p, so that a
// processor whose standing findings come from several parts of its record
// allocates once and then never again. Otherwise — when a request-specific
// finding is among them — one slice is allocated.
func (c *collector) findings(p *compiled) []compliance.Finding {
	if c.n == 0 {
		return nil
	}
	fromTable := c.more == nil
	for k := 0; k < c.n && fromTable; k++ {
		fromTable = c.idx[k] >= 0
	}
	if fromTable {
		first, run := c.idx[0], true
		for k := 1; k < c.n; k++ {
			if c.idx[k] != first+int32(k) {
				run = false
				break
			}
		}
		if run {
			end := first + int32(c.n)
			return p.tbl[first:end:end]
		}
		if m := p.memo.Load(); m != nil && m.n == c.n && m.idx == c.idx {
			return m.fs
		}
	}
	out := make([]compliance.Finding, c.n+len(c.more))
	for k := 0; k < c.n; k++ {
		out[k] = *c.buf[k]
	}
	for k, f := range c.more {
		out[c.n+k] = *f
	}
	if fromTable {
		p.memo.Store(&memo{n: c.n, idx: c.idx, fs: out[:len(out):len(out)]})
	}
	return out
}

// memo is the last set of findings of a processor that was not a run of its
// table: their indexes (the rest of the array zero) and the slice returned.
type memo struct {
	n   int
	idx [32]int32
	fs  []compliance.Finding
}

// Check answers whether the data of req may be shared with the processor at
// instant at. It combines every rule of the package:
//
//   - the processor is in the registry, and the request names data
//     categories, subject categories and a purpose;
//   - standing facts about the processor: it does not use the data for its
//     own purposes (Art 28(10)); exposure to US or other third-country law
//     through its or a sub-processor's establishment or parent has been
//     assessed (EDPB Guidelines 05/2021); the supervision has an interval;
//   - a signed agreement is in force at the instant (Art 28(3), 28(9)),
//     with the content of Art 28(3), an instruction on transfers (Art
//     28(3)(a)), a breach notice the kommune can act on (Art 33), and an
//     authorisation of sub-processors (Art 28(2)); and it covers the
//     request's categories, subjects, purpose and operations;
//   - every sub-processor engaged at the instant is identified (EDPB
//     Opinion 22/2024), bound by the same obligations (Art 28(4)), and
//     approved, or past the end of the objection period under a general
//     authorisation, without an objection (Art 28(2));
//   - the latest audit evidence at the instant exists, is not overdue by
//     the supervision interval, is clean (its opinion, scope, review,
//     deviations) and, where it carves sub-processors out, each has its
//     own evidence;
//   - every place outside the EEA where the processor or a sub-processor
//     hosts the data or reaches them from is allowed by the agreement's
//     instruction and is covered at the instant by an adequacy decision
//     whose scope takes in the recipient (Art 45), or by a transfer tool
//     (Art 46, 49(1)) in force, with a transfer impact assessment that is
//     current and positive, and an effective supplementary measure where
//     the assessment asks for one or the request holds sensitive data
//     (C-311/18; EDPB Recommendations 01/2020).
//
// A violation denies the share; a warning allows it with warnings. Check
// never fails: an unknown processor or an incomplete request is a denial
// with a finding. A request that raises only findings of the processor's
// record — every allowed request — allocates nothing once the processor has
// been checked at the same state before (the findings are memoised per
// processor); a request-specific finding (a category the agreement does not
// cover) costs one slice.
func (s *Snapshot) Check(req Request, at time.Time) Decision {
	d := Decision{Processor: req.Processor, At: at, RuleSet: RuleSet, Request: req, Outcome: Deny}
	if s == nil {
		d.Findings = []compliance.Finding{{Code: CodeNotLoaded, Severity: compliance.Violation,
			Principle: compliance.Accountability, Refs: []compliance.Ref{refArt28_1}}}
		return d
	}
	d.Policy = s.policy.Version
	p := s.t.get(req.Processor)
	if p == nil {
		if !s.complete {
			d.Findings = []compliance.Finding{{Code: CodeNotLoaded, Severity: compliance.Violation,
				Principle: compliance.Accountability, Refs: []compliance.Ref{refArt28_1}}}
			return d
		}
		d.Findings = unknownFindings
		return d
	}
	d.Name, d.ProcessorVersion = p.name, p.version
	if req.Data == 0 || req.Subjects == 0 || req.Purpose == "" {
		d.Findings = incompleteFindings
		return d
	}
	var c collector
	ag, au := p.eval(&c, s, &req, at.Unix())
	if ag != nil {
		d.Agreement = ag.id
	}
	if au != nil {
		d.Audit = au.id
	}
	d.Findings = c.findings(p)
	switch c.worst {
	case compliance.Violation:
		d.Outcome = Deny
	case compliance.Warning:
		d.Outcome = AllowWithWarnings
	default:
		d.Outcome = Allow
	}
	return d
}

// sensitiveData are the categories the sensitive-data rule protects:
// confidential, special and criminal-offence data.
var sensitiveData = func() compliance.DataCategories {
	var s compliance.DataCategories
	for c := range compliance.AllDataCategories() {
		if c.Sensitive() {
			s = s.With(c)
		}
	}
	return s
}()

// eval runs the rules for p at instant t (Unix seconds). req is nil when
// the caller (the overview) has no request: coverage and the sensitive-data
// rule are then skipped.
func (p *compiled) eval(c *collector, s *Snapshot, req *Request, t int64) (*cAgreement, *cAudit) {
	for _, i := range p.static {
		c.from(p, i)
	}

	ag, none := p.agreementAt(t)
	if ag == nil {
		c.from(p, none)
	} else {
		for _, i := range ag.static {
			c.from(p, i)
		}
		if req != nil {
			for x := req.Data &^ ag.data; x != 0; x &= x - 1 {
				k := bits.TrailingZeros64(uint64(x))
				c.add(&dataNotCovered[k], noFinding)
			}
			for x := req.Subjects &^ ag.subjects; x != 0; x &= x - 1 {
				k := bits.TrailingZeros64(uint64(x))
				c.add(&subjectsNotCovered[k], noFinding)
			}
			if !coversPurpose(ag.purposes, req.Purpose) {
				c.add(&purposeNotCovered, noFinding)
			}
			if ag.ops != 0 {
				for x := req.Operations &^ ag.ops; x != 0; x &= x - 1 {
					k := bits.TrailingZeros64(uint64(x))
					c.add(&operationNotCovered[k], noFinding)
				}
			}
		}
	}

	for i := range p.subs {
		sp := &p.subs[i]
		if t >= sp.removed {
			continue
		}
		for _, f := range sp.static {
			c.from(p, f)
		}
		if ag == nil || (ag.auth != SpecificAuthorisation && ag.auth != GeneralAuthorisation) {
			continue // no agreement, or one that authorises none: already reported
		}
		st := &ag.subs[i]
		switch {
		case t >= sp.objected:
			c.from(p, sp.objectedF)
		case t >= st.approved:
		case t >= st.windowFrom && t < st.windowTo:
			c.from(p, st.window)
		default:
			c.from(p, sp.notApproved)
		}
	}

	var au *cAudit
	for i := len(p.audits) - 1; i >= 0; i-- {
		if p.audits[i].issued <= t {
			au = &p.audits[i]
			break
		}
	}
	if au == nil {
		c.from(p, p.noAudit)
	} else {
		for _, i := range au.static {
			c.from(p, i)
		}
		if t >= au.due {
			c.from(p, au.overdue)
		}
		for _, dv := range au.deviations {
			if t >= dv.due {
				c.from(p, dv.f)
			}
		}
		if au.carveOut {
			for i := range p.subs {
				sp := &p.subs[i]
				if t < sp.removed && (t < sp.evidenceFrom || t >= sp.evidenceDue) {
					c.from(p, sp.noEvidence)
				}
			}
		}
	}

	sensitive := req != nil && req.Data&sensitiveData != 0 && !s.policy.AllowSensitiveWithoutMeasure
	for i := range p.dests {
		d := &p.dests[i]
		if d.sub >= 0 && t >= p.subs[d.sub].removed {
			continue
		}
		p.evalDest(c, d, ag, t, sensitive)
	}
	return ag, au
}

// agreementAt returns the agreement in force at t — signed, started and not
// ended; the latest to start when several are — or, when there is none, the
// finding that says why: an agreement in force but unsigned, one not yet in
// force, one that has ended, or none at all.
func (p *compiled) agreementAt(t int64) (*cAgreement, int32) {
	var cur *cAgreement
	unsigned, pending, expired := int32(noFinding), int32(noFinding), int32(noFinding)
	var pendingFrom, expiredTo int64 = never, 0
	for i := range p.agreements {
		a := &p.agreements[i]
		switch {
		case a.from <= t && t < a.to && a.signed <= t:
			cur = a // agreements are sorted by from: the last match started latest
		case a.from <= t && t < a.to:
			unsigned = a.unsigned
		case t < a.from && a.from < pendingFrom:
			pending, pendingFrom = a.pending, a.from
		case t >= a.to && a.to > expiredTo:
			expired, expiredTo = a.expired, a.to
		}
	}
	switch {
	case cur != nil:
		return cur, noFinding
	case unsigned != noFinding:
		return nil, unsigned
	case pending != noFinding:
		return nil, pending
	case expired != noFinding:
		return nil, expired
	}
	return nil, p.noAgreement
}

// evalDest checks one destination outside the EEA at t.
func (p *compiled) evalDest(c *collector, d *cDest, ag *cAgreement, t int64, sensitive bool) {
	ok, reason := true, int32(noFinding)
	for k := range d.segs {
		if t < d.segs[k].until {
			ok, reason = d.segs[k].ok, d.segs[k].reason
			break
		}
	}
	if ag != nil {
		switch ag.rule {
		case NoTransfers:
			c.from(p, d.notInstructed)
		case AdequateOnly:
			if !ok {
				c.from(p, d.notInstructed)
			}
		case ListedCountries:
			if d.country.IsZero() || !containsCountry(ag.countries, d.country) {
				c.from(p, d.notInstructed)
			}
		}
	}
	if ok {
		c.from(p, d.fallbackInfo)
		return
	}
	if d.tool == 0 || t < d.toolFrom {
		c.from(p, reason)
		return
	}
	if t >= d.toolUntil {
		c.from(p, d.toolExpired)
		return
	}
	if d.tool == DerogationTool {
		c.from(p, d.derogation)
		return
	}
	c.from(p, d.module)
	if t < d.tiaFrom {
		c.from(p, d.tiaMissing)
		if sensitive && !d.effective {
			c.from(p, d.sensitive)
		}
		return
	}
	if t >= d.subChanged {
		c.from(p, d.subChangedF)
	}
	if t >= d.tiaExpires {
		c.from(p, d.tiaExpiredF)
	}
	switch {
	case d.conclusion == NotEquivalent:
		c.from(p, d.tiaNegative)
	case d.conclusion == MeasuresNeeded && !d.effective:
		c.from(p, d.noMeasure)
	case sensitive && !d.effective:
		c.from(p, d.sensitive)
	}
}

func coversPurpose(ps []string, purpose string) bool {
	for _, p := range ps {
		if p == purpose {
			return true
		}
	}
	return false
}

func containsCountry(cs []compliance.Country, c compliance.Country) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}
