package processor

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
)

// never is an instant that never comes; instants are Unix seconds.
const never = math.MaxInt64

// noFinding marks an absent finding index.
const noFinding = -1

var (
	countryDK = compliance.MustCountry("DK")
	countryNO = compliance.MustCountry("NO")
	countryUS = compliance.MustCountry("US")
)

// Snapshot is an immutable, compiled view of a kommune's processors under a
// [Policy], made by [Compile] or [Registry.Load]. Everything that depends
// neither on a request nor on the instant — the category sets each
// agreement covers, validity windows, the lawfulness of every destination
// over time, audit due dates, and the findings with their arguments — is
// computed once, so that [Snapshot.Check] is a map lookup, bit operations
// and comparisons of instants. A Snapshot is safe for concurrent use.
type Snapshot struct {
	policy Policy
	loc    *time.Location
	cal    *compliance.Calendar
	// complete reports whether the snapshot holds every processor of the
	// store (made by Compile or Load); a Registry's snapshot before its
	// first Load holds only what it wrote or refreshed.
	complete bool
	t        table
}

// compiled is one processor, compiled.
type compiled struct {
	id      compliance.ProcessorID
	version uint64
	name    string
	keys    []Key  // look-up keys other than the ID
	subject string // the ID as a string, the Subject of its findings
	// tbl holds every precomputed finding; the other fields index it.
	tbl []compliance.Finding
	// static are findings that hold at every instant for every request.
	static     []int32
	agreements []cAgreement // by From
	subs       []cSub
	audits     []cAudit // by Issued
	dests      []cDest
	// The usual record has one agreement and one audit: they live in the
	// compiled value itself (the slices above point here while they fit),
	// so that Check reads one allocation instead of three.
	agreement1 [1]cAgreement
	audit1     [1]cAudit
}

type cAgreement struct {
	id               AgreementID
	from, to, signed int64
	fromDate, toDate compliance.Date
	subject          string // the ID as a string
	oral             bool   // concluded orally only: never governs
	static           []int32
	data             compliance.DataCategories
	subjects         compliance.SubjectCategories
	ops              Operations
	purposes         []string
	purposeList      string // purposes, comma-separated, for the denial
	rule             TransferRule
	countries        []compliance.Country
	auth             AuthorisationKind
	subs             []subState // parallel to compiled.subs
}

// subState is a sub-processor's approval under one agreement.
type subState struct {
	approved             int64 // approved from
	windowFrom, windowTo int64 // the objection window
	window               int32
}

type cSub struct {
	id           SubProcessorID
	label        string
	missing      IdentityFields
	removed      int64
	objected     int64
	static       []int32
	subject      string // the ID as a string, the Subject of its findings
	evidenceFrom int64
	evidenceDue  int64
}

type cAudit struct {
	id         AuditID
	issued     int64
	due        int64
	dueDate    compliance.Date
	subject    string // the ID as a string
	static     []int32
	deviations []cDeviation
	carveOut   bool
}

type cDeviation struct {
	due int64
	f   int32
}

type cDest struct {
	sub     int32 // index into subs, -1 for the processor's own
	label   string
	country compliance.Country
	org     InternationalOrganisation
	access  Access
	segs    []seg // adequacy over time
	// notInstructed is the finding when the agreement's instruction does
	// not allow the destination.
	notInstructed int32
	fallbackInfo  int32
	tool          Tool
	toolFrom      int64
	toolUntil     int64
	toolExpired   int32
	derogation    int32
	module        int32
	tiaFrom       int64
	tiaMissing    int32
	subChanged    int64
	subChangedF   int32
	tiaExpires    int64
	tiaExpiredF   int32
	conclusion    Conclusion
	tiaNegative   int32
	effective     bool
	contradicted  int32 // the TIA's conclusion against the recorded facts
	noMeasure     int32
	sensitive     int32
}

// seg is a stretch of time, ending before until, in which a destination is
// (ok) or is not covered by an adequacy decision; reason says why not.
type seg struct {
	until  int64
	ok     bool
	reason int32
}

// Compile validates the policy and every processor and returns their
// snapshot. It fails with a [*compliance.ValidationError] for an invalid
// policy, and with an error that names the processor's index and wraps its
// validation error for an invalid processor; it fails too when the
// jurisdiction's time zone cannot be loaded.
func Compile(policy Policy, processors []Processor) (*Snapshot, error) {
	base, err := newSnapshot(policy)
	if err != nil {
		return nil, err
	}
	cal, err := compliance.NewCalendar(policy.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, err
	}
	return base.compileAll(cal, processors)
}

// compileAll returns a snapshot with base's policy holding processors.
func (base *Snapshot) compileAll(cal *compliance.Calendar, processors []Processor) (*Snapshot, error) {
	s := &Snapshot{policy: base.policy, loc: base.loc, cal: cal, complete: true}
	for i := range processors {
		p := &processors[i]
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("processor: processors[%d]: %w", i, err)
		}
		if s.t.get(p.ID) != nil {
			return nil, &compliance.FieldError{Field: "processors[" + strconv.Itoa(i) + "].id", Reason: compliance.ReasonDuplicate}
		}
		s.t.set(s.compile(cal, p), false)
	}
	return s, nil
}

func newSnapshot(policy Policy) (*Snapshot, error) {
	if err := policy.Validate(); err != nil {
		return nil, err
	}
	loc, err := policy.Jurisdiction.Location()
	if err != nil {
		return nil, err
	}
	policy.Off = slices.Clone(policy.Off)
	policy.Incorporated = slices.Clone(policy.Incorporated)
	policy.Extra = slices.Clone(policy.Extra)
	return &Snapshot{policy: policy, loc: loc}, nil
}

// with returns a copy of s in which processor c (already compiled)
// replaces any record with its ID. It copies the snapshot's header and the
// shards c touches, never the whole index.
func (s *Snapshot) with(c *compiled) *Snapshot {
	n := *s
	n.t.set(c, true)
	return &n
}

// Policy returns the snapshot's policy.
func (s *Snapshot) Policy() Policy { return s.policy }

// Len returns the number of processors in the snapshot.
func (s *Snapshot) Len() int {
	if s == nil {
		return 0
	}
	return s.t.n
}

// Complete reports whether the snapshot holds every processor of the
// store: true for one made by [Compile] or [Registry.Load], false for a
// Registry's snapshot before its first Load (which holds only the records
// the Registry wrote or refreshed since).
func (s *Snapshot) Complete() bool { return s != nil && s.complete }

// Lookup returns the ID of the processor that k names: by its ID, CVR
// number, organisasjonsnummer or external identity. It reports false when
// no processor holds k, and when several do (two records with one CVR
// number: the key does not name one processor; [Snapshot.LookupAll] lists
// them). It costs one map look-up and allocates nothing.
func (s *Snapshot) Lookup(k Key) (compliance.ProcessorID, bool) {
	if s == nil {
		return compliance.ProcessorID{}, false
	}
	return s.t.lookup(k)
}

// LookupAll returns the IDs of every processor that holds k, in ID order,
// in a new slice.
func (s *Snapshot) LookupAll(k Key) []compliance.ProcessorID {
	if s == nil {
		return nil
	}
	if k.kind == keyID {
		if id, ok := s.t.lookup(k); ok {
			return []compliance.ProcessorID{id}
		}
		return nil
	}
	ids := slices.Clone(s.t.keys[keyShard(k)][k])
	slices.SortFunc(ids, func(a, b compliance.ProcessorID) int { return a.Compare(b) })
	return ids
}

// builder compiles one processor.
type builder struct {
	s   *Snapshot
	cal *compliance.Calendar
	p   *Processor
	c   *compiled
	// interval is the supervision interval (zero when none is set).
	interval compliance.Period
}

func (b *builder) add(f compliance.Finding) int32 {
	b.c.tbl = append(b.c.tbl, f)
	return int32(len(b.c.tbl) - 1)
}

// start returns the first instant of day d in the jurisdiction's zone.
func (b *builder) start(d compliance.Date) int64 { return d.In(b.s.loc).Unix() }

// after returns the first instant after day d.
func (b *builder) after(d compliance.Date) int64 { return d.AddDays(1).In(b.s.loc).Unix() }

// startOr returns start(d), or never for the zero date.
func (b *builder) startOr(d compliance.Date) int64 {
	if d.IsZero() {
		return never
	}
	return b.start(d)
}

// due returns the end of interval counted from day d (the instant after its
// last day) and the last day; never when there is no interval.
func (b *builder) due(d compliance.Date, interval compliance.Period) (int64, compliance.Date) {
	if interval.IsZero() || d.IsZero() {
		return never, compliance.Date{}
	}
	dl, err := b.cal.Deadline(d.In(b.s.loc).Add(12*time.Hour), interval)
	if err != nil {
		return never, compliance.Date{}
	}
	return dl.End.Unix(), dl.LastDay
}

func (s *Snapshot) compile(cal *compliance.Calendar, p *Processor) *compiled {
	c := &compiled{id: p.ID, version: p.Version, name: p.Name, keys: keysOf(p), subject: p.ID.String()}
	b := &builder{s: s, cal: cal, p: p, c: c}
	b.interval = p.Supervision.Interval
	if b.interval.IsZero() {
		b.interval = s.policy.Intervals.For(p.Supervision.Risk)
	}
	name := compliance.Text(p.Name)

	// Processor-level findings that hold at every instant.
	if p.OwnPurposes {
		c.static = append(c.static, b.add(compliance.Finding{Code: CodeOwnPurposes, Severity: compliance.Violation,
			Principle: compliance.PurposeLimitation, Refs: refsOwnPurposes, Args: []compliance.Arg{name}, Subject: p.ID.String()}))
	}
	if p.ExposureAssessed.IsZero() {
		b.exposure(p.Name, p.ID.String(), p.Country, p.Parent, p.InAdequacyScope)
		for _, sp := range p.SubProcessors {
			b.exposure(sp.label(), sp.ID.String(), sp.Country, sp.Parent, sp.InAdequacyScope)
		}
	}
	if b.interval.IsZero() {
		c.static = append(c.static, b.add(compliance.Finding{Code: CodeSupervisionUnplanned, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsSupervision, Subject: p.ID.String()}))
	}
	if sp := p.Supervision; sp.Points > 0 && sp.Concept > 0 {
		if least, ok := MinConcept(sp.Points); ok && sp.Concept < least {
			c.static = append(c.static, b.add(compliance.Finding{Code: CodeConceptBelowModel, Severity: compliance.Warning,
				Principle: compliance.Accountability, Refs: refsConcept,
				Args: []compliance.Arg{compliance.Int(sp.Points), compliance.Int(least), compliance.Int(sp.Concept)}, Subject: p.ID.String()}))
		}
	}

	// Agreements, by From.
	as := slices.Clone(p.Agreements)
	slices.SortStableFunc(as, func(x, y Agreement) int { return x.From.Compare(y.From) })
	c.agreements = c.agreement1[:0]
	for _, a := range as {
		c.agreements = append(c.agreements, b.agreement(a))
	}
	// Sub-processors.
	for _, sp := range p.SubProcessors {
		c.subs = append(c.subs, b.sub(sp))
	}

	// Audits, by Issued.
	us := slices.Clone(p.Audits)
	slices.SortStableFunc(us, func(x, y Audit) int { return x.Issued.Compare(y.Issued) })
	c.audits = c.audit1[:0]
	for _, a := range us {
		c.audits = append(c.audits, b.audit(a))
	}
	// Destinations: the processor's own places, then each sub-processor's.
	for _, l := range p.Locations {
		b.dest(l, -1, p.Name, p.ID.String(), p.DPF, p.InAdequacyScope)
	}
	for i, sp := range p.SubProcessors {
		for _, l := range sp.Locations {
			b.dest(l, int32(i), sp.label(), sp.ID.String(), sp.DPF, sp.InAdequacyScope)
		}
	}
	c.tbl = slices.Clip(c.tbl)
	return c
}

// exposure adds the finding that an entity established in, or owned from,
// a third country can be compelled by that country's law to disclose data
// it holds in the EEA, where that is so: the United States always (the
// CLOUD Act reaches data in a provider's "possession, custody, or control"
// wherever they are; FISA section 702 compels electronic communication
// service providers), and any other country outside the EEA whose adequacy
// decision does not cover the entity — a decision of full scope, or, for the
// entity's own country, a limited one whose scope the record confirms. This
// is no Chapter V transfer (EDPB Guidelines 05/2021), but the risk must be
// assessed under Art 32 and the controller's general duties (reference
// §3.2, §3.8).
func (b *builder) exposure(label, subject string, country compliance.Country, parent Parent, inScope bool) {
	if country == countryUS || parent.Country == countryUS {
		b.c.static = append(b.c.static, b.add(compliance.Finding{Code: CodeUSLawExposure, Severity: compliance.Warning,
			Principle: compliance.IntegrityConfidentiality, Refs: refsUSExposure, Args: []compliance.Arg{compliance.Text(label)}, Subject: subject}))
		return
	}
	for i, x := range [2]compliance.Country{country, parent.Country} {
		if x.IsZero() || x.EEA() || x.EEAUnsettled() || b.s.adequate(x, i == 0 && inScope) {
			continue
		}
		b.c.static = append(b.c.static, b.add(compliance.Finding{Code: CodeForeignLawExposure, Severity: compliance.Warning,
			Principle: compliance.IntegrityConfidentiality, Refs: refsForeignExposure,
			Args: []compliance.Arg{compliance.Text(label), compliance.CountryArg(x)}, Subject: subject}))
		return
	}
}

// adequate reports whether x has an adequacy decision of full scope, or of
// limited scope when inScope, that the policy does not switch off. Dates
// are not considered: the exposure finding is a standing one.
func (s *Snapshot) adequate(x compliance.Country, inScope bool) bool {
	for _, off := range s.policy.Off {
		if off.matches(x, 0) {
			return false
		}
	}
	for _, a := range s.decisions() {
		if a.matches(x, 0) && (a.Scope == FullScope || (a.Scope == LimitedScope && inScope)) {
			return true
		}
	}
	return false
}

// decisions returns the table plus the policy's extra decisions.
func (s *Snapshot) decisions() []Adequacy {
	if len(s.policy.Extra) == 0 {
		return adequacies
	}
	return append(slices.Clip(adequacies), s.policy.Extra...)
}

func (b *builder) sub(sp SubProcessor) cSub {
	label := compliance.Text(sp.label())
	subject := sp.ID.String()
	cs := cSub{id: sp.ID, label: sp.label(), subject: subject, missing: sp.Missing(), removed: b.startOr(sp.Removed), objected: b.startOr(sp.Objected)}
	if m := cs.missing; m != 0 {
		cs.static = append(cs.static, b.add(compliance.Finding{Code: CodeSubUnidentified, Severity: compliance.Violation,
			Principle: compliance.Accountability, Refs: refsIdentity, Args: []compliance.Arg{label, compliance.Names(m.All())}, Subject: subject}))
	}
	if !sp.FlowDown {
		cs.static = append(cs.static, b.add(compliance.Finding{Code: CodeSubFlowDown, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsFlowDown, Args: []compliance.Arg{label}, Subject: subject}))
	}
	cs.evidenceFrom = b.startOr(sp.Audited)
	cs.evidenceDue = never
	if !sp.Audited.IsZero() {
		cs.evidenceDue, _ = b.due(sp.Audited, b.interval)
	}
	return cs
}

func (b *builder) agreement(a Agreement) cAgreement {
	p := b.p
	subject := a.ID.String()
	ca := cAgreement{
		id: a.ID, from: b.start(a.From), to: never, fromDate: a.From, toDate: a.To, signed: never, subject: subject,
		data: a.Data, subjects: a.Subjects, ops: a.Operations,
		purposes: collapsedPurposes(a.Purposes), rule: a.Transfers, countries: slices.Clone(a.TransferCountries),
		auth: a.SubProcessing.Kind,
	}
	if !a.To.IsZero() {
		ca.to = b.after(a.To)
	}
	// The agreement governs from the day it was concluded in writing,
	// whatever the form (Art 28(9)); an oral one never does.
	how := a.HowConcluded()
	if how.Form.Written() {
		ca.signed = b.startOr(how.Date)
	}
	ca.oral = how.Form == Oral
	ca.purposeList = strings.Join(ca.purposes, ", ")

	if m := a.MissingClauses(); m != 0 {
		refs := make([]compliance.Ref, 0, 4)
		for c := range m.All() {
			if r := c.Ref(); !slices.Contains(refs, r) {
				refs = append(refs, r)
			}
		}
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeContentMissing, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refs, Args: []compliance.Arg{compliance.Names(m.All())}, Subject: subject}))
	}
	if !a.Transfers.Valid() {
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeTransferInstructionsMissing, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsInstructions, Subject: subject}))
	}
	switch {
	case a.BreachNoticeHours == 0:
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeBreachNoticeUnset, Severity: compliance.Info,
			Refs: refsBreachNotice, Subject: subject}))
	case a.BreachNoticeHours > 72:
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeBreachNoticeLate, Severity: compliance.Warning,
			Refs: refsBreachNoticeLate, Args: []compliance.Arg{compliance.Int(a.BreachNoticeHours)}, Subject: subject}))
	}
	auth := a.SubProcessing
	switch {
	case len(p.SubProcessors) > 0 && (auth.Kind == 0 || auth.Kind == AuthorisationNone):
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeSubProcessingNotAuthorised, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsSubApproval, Args: []compliance.Arg{compliance.Int(len(p.SubProcessors))}, Subject: subject}))
	case auth.Kind == AuthorisationGeneral && (!auth.Notice || !auth.Objection):
		ca.static = append(ca.static, b.add(compliance.Finding{Code: CodeGeneralAuthorisationIncomplete, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsSubApproval, Subject: subject}))
	}

	// Each sub-processor's approval under this agreement (Art 28(2)).
	ca.subs = make([]subState, len(p.SubProcessors))
	for i, sp := range p.SubProcessors {
		st := subState{approved: b.startOr(sp.Approved), windowFrom: never, windowTo: never, window: noFinding}
		if auth.Kind == AuthorisationGeneral && !sp.Notified.IsZero() {
			st.windowFrom = b.start(sp.Notified)
			st.windowTo = st.windowFrom
			last := sp.Notified
			if !auth.NoticePeriod.IsZero() {
				if end, lastDay := b.due(sp.Notified, auth.NoticePeriod); end != never {
					st.windowTo, last = end, lastDay
				}
			}
			st.approved = min(st.approved, st.windowTo)
			if st.windowTo > st.windowFrom {
				st.window = b.add(compliance.Finding{Code: CodeSubObjectionPeriod, Severity: compliance.Warning,
					Principle: compliance.Lawfulness, Refs: refsSubApproval,
					Args: []compliance.Arg{compliance.Text(sp.label()), compliance.DateArg(last)}, Subject: sp.ID.String()})
			}
		}
		ca.subs[i] = st
	}
	return ca
}

func (b *builder) audit(a Audit) cAudit {
	subject := a.ID.String()
	cu := cAudit{id: a.ID, issued: b.start(a.Issued), carveOut: a.CarveOut}
	due, last := b.due(a.Issued, b.interval)
	cu.due, cu.dueDate = due, last
	cu.subject = subject
	switch a.Opinion {
	case Adverse, Disclaimer:
		cu.static = append(cu.static, b.add(compliance.Finding{Code: CodeAuditAdverse, Severity: compliance.Violation,
			Principle: compliance.Accountability, Refs: refsAdverse, Args: []compliance.Arg{compliance.Name(a.Opinion)}, Subject: subject}))
	case Qualified:
		cu.static = append(cu.static, b.add(compliance.Finding{Code: CodeAuditQualified, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Args: []compliance.Arg{compliance.Int(len(a.Deviations))}, Subject: subject}))
	}
	if !a.ScopeConfirmed {
		cu.static = append(cu.static, b.add(compliance.Finding{Code: CodeAuditScope, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Subject: subject}))
	}
	if a.Reviewed.IsZero() {
		cu.static = append(cu.static, b.add(compliance.Finding{Code: CodeAuditUnreviewed, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Subject: subject}))
	}
	if a.Type.PointInTime() {
		cu.static = append(cu.static, b.add(compliance.Finding{Code: CodeAuditPointInTime, Severity: compliance.Info,
			Principle: compliance.Accountability, Refs: refsSupervision, Subject: subject}))
	}
	for i, d := range a.Deviations {
		if !d.open() || d.Due.IsZero() {
			continue
		}
		// The deviation is named by its number, never by its text: a
		// finding carries no free text (issue 14, item 5).
		control := "#" + strconv.Itoa(i+1)
		cu.deviations = append(cu.deviations, cDeviation{due: b.after(d.Due), f: b.add(compliance.Finding{
			Code: CodeDeviationOverdue, Severity: compliance.Warning, Principle: compliance.Accountability, Refs: refsQualified,
			Args: []compliance.Arg{compliance.Text(control), compliance.DateArg(d.Due)}, Subject: subject})})
	}
	return cu
}

// dest compiles one location of the processor (sub = -1) or of
// sub-processor sub.
func (b *builder) dest(l Location, sub int32, label, entity string, dpf DPF, inScope bool) {
	subject := entity + ":" + destCode(l) + ":" + l.Access.String()
	if l.Country.EEAUnsettled() {
		b.c.static = append(b.c.static, b.add(compliance.Finding{Code: CodeEEAUnsettled, Severity: compliance.Warning,
			Refs: refsEEAUnsettled, Args: []compliance.Arg{compliance.CountryArg(l.Country)}, Subject: subject}))
		return
	}
	if !l.thirdCountry() {
		return
	}
	text := compliance.Text(label)
	place := compliance.CountryArg(l.Country)
	if l.Organisation != 0 {
		place = compliance.Name(l.Organisation)
	}
	d := cDest{sub: sub, label: label, country: l.Country, org: l.Organisation, access: l.Access,
		fallbackInfo: noFinding, toolFrom: never, toolUntil: never, toolExpired: noFinding, derogation: noFinding, module: noFinding,
		tiaFrom: never, tiaMissing: noFinding, subChanged: never, subChangedF: noFinding, tiaExpires: never, tiaExpiredF: noFinding,
		tiaNegative: noFinding, noMeasure: noFinding, sensitive: noFinding, contradicted: noFinding}
	d.notInstructed = b.add(compliance.Finding{Code: CodeTransferNotInstructed, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsNotInstructed, Args: []compliance.Arg{text, place}, Subject: subject})
	d.segs = b.timeline(l, sub, text, subject, dpf, inScope)

	sg := l.Safeguard
	d.tool = sg.Tool
	if d.tool == 0 && !dpf.Since.IsZero() && l.Country == countryUS {
		d.fallbackInfo = b.add(compliance.Finding{Code: CodeDPFNoFallback, Severity: compliance.Info,
			Refs: refsDPFFallback, Args: []compliance.Arg{text}, Subject: subject})
	}
	if d.tool == 0 {
		b.c.dests = append(b.c.dests, d)
		return
	}
	d.toolFrom = b.startOr(sg.Signed)
	if d.tool == DerogationTool {
		d.toolFrom = math.MinInt64
		if sg.Derogation.BarredForPublicAuthorities() && !b.s.policy.NotPublicPowers {
			d.derogation = b.add(compliance.Finding{Code: CodeDerogationBarred, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: []compliance.Ref{refArt49_3, sg.Derogation.Ref()},
				Args: []compliance.Arg{compliance.Name(sg.Derogation), place}, Subject: subject})
		} else {
			d.derogation = b.add(compliance.Finding{Code: CodeDerogationOccasional, Severity: compliance.Warning,
				Principle: compliance.Lawfulness, Refs: []compliance.Ref{sg.Derogation.Ref(), refGuidelines0218},
				Args: []compliance.Arg{compliance.Name(sg.Derogation), place}, Subject: subject})
		}
		b.c.dests = append(b.c.dests, d)
		return
	}
	if d.tool == SCC2010 {
		// The 2010/87 clauses were repealed from 27 September 2021; contracts
		// concluded before then were deemed adequate until 27 December 2022
		// (Implementing Decision (EU) 2021/914).
		d.toolUntil = b.after(day(2022, time.December, 27))
		if !sg.Signed.Before(day(2021, time.September, 27)) {
			d.toolUntil = d.toolFrom
		}
		d.toolExpired = b.add(compliance.Finding{Code: CodeSCC2010Expired, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsSCC2010, Args: []compliance.Arg{place}, Subject: subject})
	}
	if d.tool == SCC {
		want := ModuleC2P
		if sub >= 0 {
			want = ModuleP2P
		}
		if (sub < 0 || b.p.Country.EEA()) && sg.Module != want {
			d.module = b.add(compliance.Finding{Code: CodeSCCModule, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: refsSCCModule,
				Args: []compliance.Arg{compliance.Name(sg.Module), compliance.Name(want), place}, Subject: subject})
		}
	}
	// Schrems II: an Art 46 tool needs an assessment of the destination's
	// law and practice, and, where it finds them wanting, supplementary
	// measures that work.
	d.tiaMissing = b.add(compliance.Finding{Code: CodeTIAMissing, Severity: compliance.Violation,
		Principle: compliance.Lawfulness, Refs: refsTIA, Args: []compliance.Arg{text, place}, Subject: subject})
	if tia := sg.TIA; !tia.Date.IsZero() {
		d.tiaFrom = b.start(tia.Date)
		d.conclusion = tia.Conclusion
		// A change of sub-processor after the assessment re-triggers it: for
		// the processor's own places any sub-processor's change (onward
		// transfers are part of the assessment), for a sub-processor's places
		// that sub-processor's.
		for i, sp := range b.p.SubProcessors {
			if (sub < 0 || int32(i) == sub) && sp.Changed.After(tia.Date) {
				d.subChanged = min(d.subChanged, b.start(sp.Changed))
			}
		}
		if d.subChanged != never {
			d.subChangedF = b.add(compliance.Finding{Code: CodeTIASubChanged, Severity: compliance.Warning,
				Principle: compliance.Lawfulness, Refs: refsTIA, Args: []compliance.Arg{place, compliance.DateArg(tia.Date)}, Subject: subject})
		}
		if iv := b.s.policy.TIAInterval; !iv.IsZero() {
			d.tiaExpires, _ = b.due(tia.Date, iv)
			d.tiaExpiredF = b.add(compliance.Finding{Code: CodeTIAExpired, Severity: compliance.Warning,
				Principle: compliance.Lawfulness, Refs: refsTIAInterval, Args: []compliance.Arg{place, compliance.DateArg(tia.Date)}, Subject: subject})
		}
		d.tiaNegative = b.add(compliance.Finding{Code: CodeTIANegative, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsTIA, Args: []compliance.Arg{place}, Subject: subject})
	}
	uc := l.UseCase()
	d.effective = uc.Effective()
	// Facts over assertions: where the record says that the recipient can
	// reach the data in the clear (no effective measure: use cases 6 and
	// 7) and is subject to surveillance law beyond what is necessary, no
	// assessment can conclude that the transfer is protected (EDPB
	// Recommendations 01/2020, Annex 2, use cases 6 and 7; Datatilsynet DK,
	// Chromebook decision of 14 July 2022 and its cloud guidance).
	if tia := sg.TIA; !d.effective && l.Surveillance && !tia.Date.IsZero() &&
		(tia.Conclusion == Equivalent || tia.Conclusion == MeasuresNeeded) {
		code := CodeTIAContradicted
		if l.ProviderKeys && l.Measures.Has(KeyEncryption) {
			code = CodeTIAContradictedKeys
		}
		refs := []compliance.Ref{refRecommendations0120, refArt46_1, refSchremsII, refDKCloud}
		if uc.Valid() {
			refs[0] = uc.Ref()
		}
		if l.Access == Support || l.Access == RemoteAccess {
			refs = append(refs, refChromebook2022)
		}
		ucArg := compliance.Name(uc)
		if !uc.Valid() {
			ucArg = compliance.Name(CloudClearText)
		}
		d.contradicted = b.add(compliance.Finding{Code: code, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refs,
			Args:    []compliance.Arg{compliance.DateArg(tia.Date), compliance.Name(tia.Conclusion), place, compliance.Name(l.Access), ucArg},
			Subject: subject})
	}
	if !d.effective {
		refs := []compliance.Ref{refRecommendations0120, refArt46_1}
		if uc.Valid() {
			refs = []compliance.Ref{uc.Ref(), refArt46_1}
		}
		d.noMeasure = b.add(compliance.Finding{Code: CodeNoEffectiveMeasure, Severity: compliance.Violation,
			Principle: compliance.IntegrityConfidentiality, Refs: refs, Args: []compliance.Arg{place, compliance.Name(l.Access)}, Subject: subject})
		if !b.s.policy.AllowSensitiveWithoutMeasure {
			d.sensitive = b.add(compliance.Finding{Code: CodeSensitiveNoMeasure, Severity: compliance.Violation,
				Principle: compliance.IntegrityConfidentiality, Refs: refs, Args: []compliance.Arg{place, compliance.Name(l.Access)}, Subject: subject})
		}
	}
	b.c.dests = append(b.c.dests, d)
}

func destCode(l Location) string {
	if l.Organisation != 0 {
		return l.Organisation.String()
	}
	return l.Country.String()
}

// reason kinds of the adequacy timeline, in increasing order of how much
// they tell.
const (
	reasonNone = iota
	reasonNoDecision
	reasonOutOfScope
	reasonNotIncorporated
	reasonOff
)

// timeline computes when an adequacy decision covers a destination with
// recipient facts dpf and inScope: a list of segments, each with the reason
// it is not covered.
func (b *builder) timeline(l Location, sub int32, text compliance.Arg, subject string, dpf DPF, inScope bool) []seg {
	var ds []Adequacy
	for _, a := range b.s.decisions() {
		if a.matches(l.Country, l.Organisation) {
			ds = append(ds, a)
		}
	}
	place := compliance.CountryArg(l.Country)
	if l.Organisation != 0 {
		place = compliance.Name(l.Organisation)
	}
	// Access from a third country for support is the transfer of
	// Datatilsynet DK's first Chromebook decision; a sub-processor's place
	// outside the EU that of its 2026 reprimand.
	refs := refsNoBasis
	switch {
	case l.Access == Support || l.Access == RemoteAccess:
		refs = []compliance.Ref{refArt44, refArt46_1, refChromebook2022}
	case sub >= 0:
		refs = []compliance.Ref{refArt44, refArt46_1, refChromebook2026}
	}
	noBasis := func() int32 {
		if l.Organisation != 0 {
			return b.add(compliance.Finding{Code: CodeOrganisationNoBasis, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: refs,
				Args: []compliance.Arg{text, compliance.Name(l.Access), compliance.Name(l.Organisation)}, Subject: subject})
		}
		return b.add(compliance.Finding{Code: CodeTransferNoBasis, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refs,
			Args: []compliance.Arg{text, compliance.Name(l.Access), place}, Subject: subject})
	}
	if len(ds) == 0 {
		return []seg{{until: never, reason: noBasis()}}
	}
	var offs, incs []Switch
	for _, s := range b.s.policy.Off {
		if s.matches(l.Country, l.Organisation) {
			offs = append(offs, s)
		}
	}
	for _, s := range b.s.policy.Incorporated {
		if s.matches(l.Country, l.Organisation) {
			incs = append(incs, s)
		}
	}
	// The instants at which the answer can change.
	bounds := []int64{math.MinInt64}
	for _, a := range ds {
		bounds = append(bounds, b.start(a.Adopted))
		if !a.Until.IsZero() {
			bounds = append(bounds, b.after(a.Until))
		}
	}
	for _, s := range offs {
		bounds = append(bounds, b.start(s.From))
	}
	for _, s := range incs {
		bounds = append(bounds, b.start(s.From))
	}
	if !dpf.Since.IsZero() {
		bounds = append(bounds, b.start(dpf.Since), b.after(dpf.Due))
	}
	sort.Slice(bounds, func(i, j int) bool { return bounds[i] < bounds[j] })
	bounds = slices.Compact(bounds)

	// status evaluates coverage at t: ok, or the most telling reason with
	// the finding that states it.
	type why struct {
		kind int
		f    compliance.Finding
	}
	status := func(t int64) (bool, why) {
		var best why
		consider := func(w why) {
			if w.kind > best.kind {
				best = w
			}
		}
		for _, a := range ds {
			if t < b.start(a.Adopted) || (!a.Until.IsZero() && t >= b.after(a.Until)) {
				continue
			}
			off := slices.IndexFunc(offs, func(s Switch) bool { return b.start(s.From) <= t })
			if off >= 0 {
				consider(why{reasonOff, compliance.Finding{Code: CodeAdequacyOff, Severity: compliance.Violation,
					Principle: compliance.Lawfulness, Refs: []compliance.Ref{a.Ref, refArt45_1},
					Args: []compliance.Arg{place, compliance.DateArg(offs[off].From)}, Subject: subject}})
				continue
			}
			if b.s.policy.Jurisdiction == compliance.NO && a.EEAPending &&
				!slices.ContainsFunc(incs, func(s Switch) bool { return b.start(s.From) <= t }) {
				consider(why{reasonNotIncorporated, compliance.Finding{Code: CodeAdequacyNotIncorporated, Severity: compliance.Violation,
					Principle: compliance.Lawfulness, Refs: []compliance.Ref{a.Ref, refArt45_1, refNOPOL1},
					Args: []compliance.Arg{place, compliance.RefArg(a.Ref)}, Subject: subject}})
				continue
			}
			switch a.Scope {
			case FullScope:
				return true, why{}
			case LimitedScope:
				if inScope {
					return true, why{}
				}
				consider(why{reasonOutOfScope, compliance.Finding{Code: CodeAdequacyOutOfScope, Severity: compliance.Violation,
					Principle: compliance.Lawfulness, Refs: []compliance.Ref{a.Ref, refArt45_1},
					Args: []compliance.Arg{text, place, compliance.RefArg(a.Ref)}, Subject: subject}})
			case DPFScope:
				switch {
				case !dpf.Since.IsZero() && t >= b.start(dpf.Since) && t < b.after(dpf.Due):
					return true, why{}
				case !dpf.Since.IsZero() && t >= b.after(dpf.Due):
					consider(why{reasonOutOfScope, compliance.Finding{Code: CodeDPFLapsed, Severity: compliance.Violation,
						Principle: compliance.Lawfulness, Refs: []compliance.Ref{a.Ref, refArt45_1},
						Args: []compliance.Arg{text, compliance.DateArg(dpf.Due)}, Subject: subject}})
				default:
					consider(why{reasonOutOfScope, compliance.Finding{Code: CodeDPFNotCertified, Severity: compliance.Violation,
						Principle: compliance.Lawfulness, Refs: []compliance.Ref{a.Ref, refArt45_1},
						Args: []compliance.Arg{text}, Subject: subject}})
				}
			}
		}
		return false, best
	}

	var segs []seg
	var prev *why
	var prevOK bool
	for i, t := range bounds {
		ok, w := status(t)
		until := int64(never)
		if i+1 < len(bounds) {
			until = bounds[i+1]
		}
		if len(segs) > 0 && ok == prevOK && (ok || (prev.kind == w.kind && prev.f.Code == w.f.Code && sameArgs(prev.f.Args, w.f.Args))) {
			segs[len(segs)-1].until = until
			continue
		}
		s := seg{until: until, ok: ok, reason: noFinding}
		if !ok {
			if w.kind == reasonNone {
				s.reason = noBasis()
			} else {
				s.reason = b.add(w.f)
			}
		}
		segs = append(segs, s)
		prev, prevOK = &w, ok
	}
	return segs
}

// sameArgs reports whether two argument lists render the same.
func sameArgs(a, b []compliance.Arg) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Text != y.Text || x.Date != y.Date || x.Ref != y.Ref || x.Country != y.Country || !slices.Equal(x.Keys, y.Keys) {
			return false
		}
	}
	return true
}

// collapsedPurposes returns ps with white space collapsed, for samePurpose.
func collapsedPurposes(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = collapseSpace(p)
	}
	return out
}
