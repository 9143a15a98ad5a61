package processor

import (
	"math/bits"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
)

// Findings that do not depend on a processor's record: templates that
// every decision copies (materialize), never hands out.
var (
	unknownFinding = compliance.Finding{Code: CodeUnknown, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsUnknown}
	notLoadedFinding = compliance.Finding{Code: CodeNotLoaded, Severity: compliance.Violation,
		Principle: compliance.Accountability, Refs: refsNotLoaded}
	incompleteFinding = compliance.Finding{Code: CodeRequestIncomplete, Severity: compliance.Violation,
		Principle: compliance.PurposeLimitation, Refs: refsPurpose}
	// Templates whose Text arguments and Subject are filled in per
	// decision (collector.lazy): the purpose asked for and those covered;
	// a sub-processor's name and ID. A snapshot keeps no copy of them per
	// sub-processor.
	purposeOutside = compliance.Finding{Code: CodePurposeOutside, Severity: compliance.Violation,
		Principle: compliance.PurposeLimitation, Refs: refsPurpose, Args: []compliance.Arg{compliance.Text(""), compliance.Text("")}}
	subNotApproved = compliance.Finding{Code: CodeSubNotApproved, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsSubApproval, Args: []compliance.Arg{compliance.Text("")}}
	subObjected = compliance.Finding{Code: CodeSubObjected, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsSubApproval, Args: []compliance.Arg{compliance.Text("")}}
	subNoEvidence = compliance.Finding{Code: CodeSubNoEvidence, Severity: compliance.Warning,
		Principle: compliance.Accountability, Refs: refsSubEvidence, Args: []compliance.Arg{compliance.Text("")}}
	noAgreementT = compliance.Finding{Code: CodeNoAgreement, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsNoAgreement, Args: []compliance.Arg{compliance.Text("")}}
	agreementPendingT = compliance.Finding{Code: CodeAgreementPending, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsNoAgreement, Args: []compliance.Arg{compliance.Text(""), compliance.DateArg(compliance.Date{})}}
	agreementExpiredT = compliance.Finding{Code: CodeAgreementExpired, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsNoAgreement, Args: []compliance.Arg{compliance.Text(""), compliance.DateArg(compliance.Date{})}}
	agreementUnsignedT = compliance.Finding{Code: CodeAgreementUnsigned, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsUnsigned, Args: []compliance.Arg{compliance.Text("")}}
	agreementOralT = compliance.Finding{Code: CodeAgreementOral, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsUnsigned, Args: []compliance.Arg{compliance.Text("")}}
	noAuditT = compliance.Finding{Code: CodeNoAudit, Severity: compliance.Warning,
		Principle: compliance.Accountability, Refs: refsSupervision}
	// Destination templates, for a country ([0]) and an international
	// organisation ([1]) as the place.
	notInstructedT = placeTemplates(compliance.Finding{Code: CodeTransferNotInstructed, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsNotInstructed}, true)
	tiaMissingT = placeTemplates(compliance.Finding{Code: CodeTIAMissing, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsTIA}, true)
	tiaNegativeT = placeTemplates(compliance.Finding{Code: CodeTIANegative, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsTIA}, false)
	// noBasisT[v][a] states that a destination with access a has no basis
	// for the transfer, with the references of variant v (noBasisVariant).
	noBasisT = func() (ts [3][8][2]compliance.Finding) {
		for v, refs := range [3]compliance.Refs{refsNoBasis, refsNoBasisAccess, refsNoBasisSub} {
			for a := range 8 {
				// compliance.Name(Access(a)), spelt out so that the table
				// of accesses is initialised first.
				access := compliance.Arg{Kind: compliance.ArgName, Keys: []string{Access(a).Key()}}
				ts[v][a] = [2]compliance.Finding{
					{Code: CodeTransferNoBasis, Severity: compliance.Violation, Principle: compliance.Lawfulness, Refs: refs,
						Args: []compliance.Arg{compliance.Text(""), access, compliance.CountryArg(compliance.Country{})}},
					{Code: CodeOrganisationNoBasis, Severity: compliance.Violation, Principle: compliance.Lawfulness, Refs: refs,
						Args: []compliance.Arg{compliance.Text(""), access, {Kind: compliance.ArgName, Keys: []string{""}}}},
				}
			}
		}
		return ts
	}()
	// noMeasureT[u][k][a] states that no measure is effective for a
	// destination with access a (k = 0), or that sensitive data go there
	// all the same (k = 1), with the references of use case u of EDPB
	// Recommendations 01/2020, Annex 2 (u = 0: none applies).
	noMeasureT = func() (ts [8][2][8][2]compliance.Finding) {
		for u := range 8 {
			refs := refsNoMeasure
			if uc := UseCase(u); uc.Valid() {
				refs = compliance.RefsOf(uc.Ref(), refArt46_1)
			}
			for k, code := range [2]compliance.Code{CodeNoEffectiveMeasure, CodeSensitiveNoMeasure} {
				for a := range 8 {
					access := compliance.Arg{Kind: compliance.ArgName, Keys: []string{Access(a).Key()}}
					ts[u][k][a] = [2]compliance.Finding{
						{Code: code, Severity: compliance.Violation, Principle: compliance.IntegrityConfidentiality, Refs: refs,
							Args: []compliance.Arg{compliance.CountryArg(compliance.Country{}), access}},
						{Code: code, Severity: compliance.Violation, Principle: compliance.IntegrityConfidentiality, Refs: refs,
							Args: []compliance.Arg{{Kind: compliance.ArgName, Keys: []string{""}}, access}},
					}
				}
			}
		}
		return ts
	}()
	auditOverdueT = compliance.Finding{Code: CodeAuditOverdue, Severity: compliance.Warning,
		Principle: compliance.Accountability, Refs: refsSupervision, Args: []compliance.Arg{compliance.DateArg(compliance.Date{})}}
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

// placeTemplates returns f with the arguments (the entity's name when
// withText, then the place) for a country and for an international
// organisation.
func placeTemplates(f compliance.Finding, withText bool) [2]compliance.Finding {
	var out [2]compliance.Finding
	for i, place := range []compliance.Arg{compliance.CountryArg(compliance.Country{}), {Kind: compliance.ArgName, Keys: []string{""}}} {
		g := f
		if withText {
			g.Args = []compliance.Arg{compliance.Text(""), place}
		} else {
			g.Args = []compliance.Arg{place}
		}
		out[i] = g
	}
	return out
}

// dest adds template t of destination d: the entity's label, the place
// (a country or an organisation) and the subject filled in.
func (c *collector) dest(t *[2]compliance.Finding, d *cDest) {
	if d.org != 0 {
		c.push(centry{f: &t[1], lazy: true, t1: d.label, k1: d.org.Key(), subject: d.subject})
		return
	}
	c.push(centry{f: &t[0], lazy: true, t1: d.label, country: d.country, subject: d.subject})
}

// noBasisVariant returns the variant of noBasisT for destination d: access
// from a third country for support is the transfer of Datatilsynet DK's
// first Chromebook decision (1); a sub-processor's place outside the EU
// that of its 2026 reprimand (2).
func noBasisVariant(d *cDest) int {
	switch {
	case d.access == Support || d.access == RemoteAccess:
		return 1
	case d.sub >= 0:
		return 2
	}
	return 0
}

// reason adds the finding of segment sg of destination d: why the place is
// not covered by an adequacy decision.
func (c *collector) reason(s *Snapshot, p *compiled, d *cDest, sg *seg) {
	switch sg.why {
	case whyNoBasis:
		c.dest(&noBasisT[noBasisVariant(d)][d.access&7], d)
	case whyNotCertified:
		c.lazy(&s.decs[sg.dec].dpf[0], d.label, "", d.subject)
	case whyLapsed:
		c.push(centry{f: &s.decs[sg.dec].dpf[1], lazy: true, t1: d.label, d: d.dpfDue.date(), subject: d.subject})
	default:
		c.from(p, sg.reason)
	}
}

// collector gathers the findings of one check without allocating: the
// templates the snapshot or the package holds (on the stack for up to
// len(buf) of them), with the texts of those filled in per decision.
type collector struct {
	n     int
	worst compliance.Severity
	buf   [8]centry
	more  []centry
}

// centry is one gathered finding: a template, and for a lazy one the texts
// of its first Text arguments and its Subject.
type centry struct {
	f       *compliance.Finding
	lazy    bool
	t1, t2  string
	d       compliance.Date
	country compliance.Country
	k1      string // the key of the first Name argument, when set
	subject string
	// id, when set, is the ID (in the snapshot) whose canonical form is
	// the Subject, built per decision.
	id *uuid.UUID
}

func (c *collector) push(e centry) {
	c.worst = max(c.worst, e.f.Severity)
	if c.n < len(c.buf) {
		c.buf[c.n] = e
		c.n++
		return
	}
	c.more = append(c.more, e)
}

func (c *collector) add(f *compliance.Finding) { c.push(centry{f: f}) }

// lazy adds template f with its Text arguments t1 (and t2) and subject.
func (c *collector) lazy(f *compliance.Finding, t1, t2, subject string) {
	c.push(centry{f: f, lazy: true, t1: t1, t2: t2, subject: subject})
}

// lazyID adds template f with its Text argument t1 and, as its Subject,
// the canonical form of id: the snapshot keeps no ID text, the decision
// builds it (issue 19).
func (c *collector) lazyID(f *compliance.Finding, t1 string, id *uuid.UUID) {
	c.push(centry{f: f, lazy: true, t1: t1, id: id})
}

// lazyDateID adds template f with its Text argument t1, its Date argument d
// and, as its Subject, the canonical form of id.
func (c *collector) lazyDateID(f *compliance.Finding, t1 string, d compliance.Date, id *uuid.UUID) {
	c.push(centry{f: f, lazy: true, t1: t1, d: d, id: id})
}

// from adds finding i of p's table.
func (c *collector) from(p *compiled, i int32) {
	if i != noFinding {
		c.add(&p.tbl[i])
	}
}

// span adds the findings of run r of p's table.
func (c *collector) span(p *compiled, r span) {
	for i, n := int(r>>3), int(r&7); n > 0; i, n = i+1, n-1 {
		c.add(&p.tbl[i])
	}
}

func (c *collector) at(k int) *centry {
	if k < c.n {
		return &c.buf[k]
	}
	return &c.more[k-c.n]
}

// A decision's findings are copied, with their arguments, the message keys
// and the references the arguments hold, into one block — one allocation —
// of the smallest size class that holds them; beyond the largest, each
// kind gets its own slice. The findings' Refs are not copied: they are the
// package's immutable tables, shared.
type blockXS struct {
	fs   [1]compliance.Finding
	args [1]compliance.Arg
	keys [1]string
}

type blockS struct {
	fs   [1]compliance.Finding
	refs [1]compliance.Ref
	args [2]compliance.Arg
	keys [2]string
}

type blockM struct {
	fs   [4]compliance.Finding
	refs [4]compliance.Ref
	args [8]compliance.Arg
	keys [8]string
}

// findings returns fresh copies of the gathered findings: nil when there
// are none, else one allocation while they fit a block, up to four beyond.
// No argument of the result aliases the snapshot, a package variable or
// another decision: a caller may change a decision freely (issue 14, item
// 6). The findings' Refs are shared; [compliance.Refs] is immutable.
func (c *collector) findings() []compliance.Finding {
	total := c.n + len(c.more)
	if total == 0 {
		return nil
	}
	nr, na, nk, nid := 0, 0, 0, 0
	for k := range total {
		e := c.at(k)
		if e.id != nil {
			nid++
		}
		f := e.f
		na += len(f.Args)
		for _, a := range f.Args {
			nk += len(a.Keys)
			if a.Ref != nil {
				nr++
			}
		}
	}
	var out []compliance.Finding
	var refs []compliance.Ref
	var args []compliance.Arg
	var keys []string
	switch {
	case total <= 1 && nr == 0 && na <= 1 && nk <= 1:
		b := new(blockXS)
		out, args, keys = b.fs[:total:total], b.args[:0:na], b.keys[:0:nk]
	case total <= 1 && nr <= 1 && na <= 2 && nk <= 2:
		b := new(blockS)
		out, refs, args, keys = b.fs[:total:total], b.refs[:0:nr], b.args[:0:na], b.keys[:0:nk]
	case total <= 4 && nr <= 4 && na <= 8 && nk <= 8:
		b := new(blockM)
		out, refs, args, keys = b.fs[:total:total], b.refs[:0:nr], b.args[:0:na], b.keys[:0:nk]
	default:
		out = make([]compliance.Finding, total)
		refs, args, keys = make([]compliance.Ref, 0, nr), make([]compliance.Arg, 0, na), make([]string, 0, nk)
	}
	// The subjects named by ID share one string: one more allocation, and
	// only when a finding names an agreement, audit or sub-processor.
	var ids string
	if nid > 0 {
		var sb strings.Builder
		sb.Grow(nid * uuidLen)
		var buf [uuidLen]byte
		for k := range total {
			if e := c.at(k); e.id != nil {
				sb.Write(appendUUID(buf[:0], *e.id))
			}
		}
		ids = sb.String()
	}
	for k := range total {
		e := c.at(k)
		if e.id != nil {
			e.subject, ids = ids[:uuidLen], ids[uuidLen:]
		}
		f := e.f
		o := &out[k]
		*o = *f
		a0 := len(args)
		for _, a := range f.Args {
			k0 := len(keys)
			keys = append(keys, a.Keys...)
			if a.Keys != nil {
				a.Keys = keys[k0:len(keys):len(keys)]
			}
			if a.Ref != nil {
				refs = append(refs, *a.Ref)
				a.Ref = &refs[len(refs)-1]
			}
			args = append(args, a)
		}
		if e.lazy {
			texts := 0
			for i := a0; i < len(args); i++ {
				switch args[i].Kind {
				case compliance.ArgText:
					args[i].Text = e.t1
					if texts++; texts == 2 {
						args[i].Text = e.t2
					}
				case compliance.ArgDate:
					args[i].Date = e.d
				case compliance.ArgCountry:
					args[i].Country = e.country
				case compliance.ArgName:
					if e.k1 != "" && len(args[i].Keys) == 1 && args[i].Keys[0] == "" {
						args[i].Keys[0], e.k1 = e.k1, ""
					}
				}
			}
			o.Subject = e.subject
		}
		if len(args) > a0 {
			o.Args = args[a0:len(args):len(args)]
		}
	}
	return out
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
	var c collector
	if s == nil {
		c.add(&notLoadedFinding)
		d.Findings = c.findings()
		return d
	}
	d.Policy = s.policy.Version
	p := s.t.get(req.Processor)
	if p == nil {
		if !s.complete {
			c.add(&notLoadedFinding)
		} else {
			c.add(&unknownFinding)
		}
		d.Findings = c.findings()
		return d
	}
	d.Name, d.ProcessorVersion = p.name, p.version
	if req.Data == 0 || req.Subjects == 0 || req.Purpose == "" {
		c.add(&incompleteFinding)
		d.Findings = c.findings()
		return d
	}
	ag, au := p.eval(&c, s, &req, at.Unix())
	if ag != nil {
		d.Agreement = ag.id
	}
	if au != nil {
		d.Audit = au.id
	}
	d.Findings = c.findings()
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

	ag := p.agreementAt(c, t)
	if ag != nil {
		c.span(p, ag.static)
		if req != nil {
			for x := req.Data &^ ag.data; x != 0; x &= x - 1 {
				k := bits.TrailingZeros64(uint64(x))
				c.add(&dataNotCovered[k])
			}
			for x := req.Subjects &^ ag.subjects; x != 0; x &= x - 1 {
				k := bits.TrailingZeros64(uint64(x))
				c.add(&subjectsNotCovered[k])
			}
			if !coversPurpose(ag.purposes, req.Purpose) {
				c.lazy(&purposeOutside, clip(req.Purpose, maxName), ag.purposeList, "purpose")
			}
			if ag.ops != 0 {
				for x := req.Operations &^ ag.ops; x != 0; x &= x - 1 {
					k := bits.TrailingZeros64(uint64(x))
					c.add(&operationNotCovered[k])
				}
			}
		}
	}

	for i := range p.subs {
		sp := &p.subs[i]
		if t >= p.at(sp.removed) {
			continue
		}
		for f := sp.st >> 2; f < sp.st>>2+sp.st&3; f++ {
			c.add(&p.tbl[f])
		}
		if ag == nil || (ag.auth != AuthorisationSpecific && ag.auth != AuthorisationGeneral) {
			continue // no agreement, or one that authorises none: already reported
		}
		st := subState{approved: p.at(sp.approved), windowFrom: never, windowTo: never, window: noFinding}
		if subs := ag.subs(); subs != nil {
			st = subs[i]
		}
		switch {
		case t >= p.at(sp.objected):
			c.lazyID(&subObjected, p.label(sp), &sp.id.UUID)
		case t >= st.approved:
		case t >= st.windowFrom && t < st.windowTo:
			c.from(p, st.window)
		default:
			c.lazyID(&subNotApproved, p.label(sp), &sp.id.UUID)
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
		c.lazyID(&noAuditT, "", &p.id.UUID)
	} else {
		c.span(p, au.static)
		if t >= au.due {
			c.lazyDateID(&auditOverdueT, "", au.dueDate.date(), &au.id.UUID)
		}
		for _, dv := range au.deviations {
			if t >= dv.due {
				c.from(p, dv.f)
			}
		}
		if au.carveOut {
			for i := range p.subs {
				sp := &p.subs[i]
				if t < p.at(sp.removed) && (t < p.at(sp.evidence) || t >= p.at(sp.evidence+1)) {
					c.lazyID(&subNoEvidence, p.label(sp), &sp.id.UUID)
				}
			}
		}
	}

	sensitive := req != nil && req.Data&sensitiveData != 0 && !s.policy.AllowSensitiveWithoutMeasure
	for i := range p.dests {
		d := &p.dests[i]
		if d.sub >= 0 && t >= p.at(p.subs[d.sub].removed) {
			continue
		}
		p.evalDest(c, s, d, ag, t, sensitive)
	}
	return ag, au
}

// agreementAt returns the agreement in force at t — concluded in writing,
// started and not ended; the latest to start when several are — or, when
// there is none, adds the finding that says why: an agreement in force
// but not concluded (or only orally), one not yet in force, one that has
// ended, or none at all.
func (p *compiled) agreementAt(c *collector, t int64) *cAgreement {
	var cur, unsigned, pending, expired *cAgreement
	var pendingFrom, expiredTo int64 = never, 0
	for i := range p.agreements {
		a := &p.agreements[i]
		switch {
		case a.from <= t && t < a.to && a.signed <= t:
			cur = a // agreements are sorted by from: the last match started latest
		case a.from <= t && t < a.to:
			unsigned = a
		case t < a.from && a.from < pendingFrom:
			pending, pendingFrom = a, a.from
		case t >= a.to && a.to > expiredTo && a.to != never:
			expired, expiredTo = a, a.to
		}
	}
	switch {
	case cur != nil:
		return cur
	case unsigned != nil && unsigned.oral:
		c.lazyID(&agreementOralT, p.name, &unsigned.id.UUID)
	case unsigned != nil:
		c.lazyID(&agreementUnsignedT, p.name, &unsigned.id.UUID)
	case pending != nil:
		c.lazyDateID(&agreementPendingT, p.name, pending.fromDate.date(), &pending.id.UUID)
	case expired != nil:
		c.lazyDateID(&agreementExpiredT, p.name, expired.toDate.date(), &expired.id.UUID)
	default:
		c.lazyID(&noAgreementT, p.name, &p.id.UUID)
	}
	return nil
}

// evalDest checks one destination outside the EEA at t.
func (p *compiled) evalDest(c *collector, s *Snapshot, d *cDest, ag *cAgreement, t int64, sensitive bool) {
	ok, sg := true, (*seg)(nil)
	for k := range d.segs {
		if t < d.segs[k].until {
			ok, sg = d.segs[k].ok, &d.segs[k]
			break
		}
	}
	if ag != nil {
		switch ag.rule {
		case TransfersNone:
			c.dest(&notInstructedT, d)
		case AdequateOnly:
			if !ok {
				c.dest(&notInstructedT, d)
			}
		case TransfersListed:
			if d.country.IsZero() || !containsCountry(ag.countries(), d.country) {
				c.dest(&notInstructedT, d)
			}
		}
	}
	if ok {
		c.from(p, d.fallbackInfo)
		return
	}
	if d.tool == 0 || t < d.toolFrom {
		c.reason(s, p, d, sg)
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
		c.dest(&tiaMissingT, d)
		if sensitive && !d.effective {
			c.dest(&noMeasureT[d.uc][1][d.access&7], d)
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
	case d.contradicted != noFinding:
		c.from(p, d.contradicted)
	case d.conclusion == NotEquivalent:
		c.dest(&tiaNegativeT, d)
	case d.conclusion == MeasuresNeeded && !d.effective:
		c.dest(&noMeasureT[d.uc][0][d.access&7], d)
	case sensitive && !d.effective:
		c.dest(&noMeasureT[d.uc][1][d.access&7], d)
	}
}

// coversPurpose reports whether purpose matches one of ps, the agreement's
// collapsed purposes separated by NUL (which Validate keeps out of them).
func coversPurpose(ps string, purpose string) bool {
	for rest := ps; ; {
		p, tail, more := strings.Cut(rest, "\x00")
		if p == purpose {
			return true
		}
		if !more {
			break
		}
		rest = tail
	}
	for rest := ps; ; {
		p, tail, more := strings.Cut(rest, "\x00")
		if samePurpose(p, purpose) {
			return true
		}
		if !more {
			return false
		}
		rest = tail
	}
}

func containsCountry(cs []compliance.Country, c compliance.Country) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// clip returns s cut to at most n bytes at a rune boundary, without
// allocating: a finding never carries more of a request than a field may
// hold.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// uuidLen is the length of an ID's canonical form.
const uuidLen = 36

// appendUUID appends u in its canonical form (xxxxxxxx-xxxx-xxxx-xxxx-
// xxxxxxxxxxxx, lower-case hex, as [uuid.UUID.String] writes it) to dst.
func appendUUID(dst []byte, u uuid.UUID) []byte {
	const hex = "0123456789abcdef"
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hex[b>>4], hex[b&0x0f])
	}
	return dst
}
