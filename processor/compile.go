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
// over time, audit due dates — is computed once, so that [Snapshot.Check]
// is a map lookup, bit operations and comparisons of instants. The
// snapshot holds facts, not findings: a finding is built from the facts
// and shared templates when a decision raises it (the usual ones; the
// rare ones are compiled), and an ID's text when a decision names it, so
// that a processor with 16 sub-processors takes about 2 KB (issue 19;
// BenchmarkHeap). A Snapshot is safe for concurrent use.
type Snapshot struct {
	policy Policy
	loc    *time.Location
	cal    *compliance.Calendar
	// complete reports whether the snapshot holds every processor of the
	// store (made by Compile or Load); a Registry's snapshot before its
	// first Load holds only what it wrote or refreshed.
	complete bool
	t        table
	// decs[i] holds what the findings about decision i of decisions()
	// share, read-only.
	decs []decShared
}

// decShared is what the findings about one adequacy decision share.
type decShared struct {
	// refs are the references of the findings that the decision does not
	// cover a place ([0]: the decision and Art 45(1); [1]: and, in Norway,
	// its incorporation into the EEA Agreement).
	refs [2]compliance.Refs
	// dpf are the templates of the findings that a recipient is not
	// certified under the decision ([0]) or its certification has lapsed
	// ([1]), built per decision (collector.dpf).
	dpf [2]compliance.Finding
}

// compiled is one processor, compiled. The fields an allowed Check reads
// come first, so that it reads as few cache lines as it can.
type compiled struct {
	id      compliance.ProcessorID
	version uint64
	name    string
	// static are findings that hold at every instant for every request.
	static     []int32
	agreements []cAgreement // by From
	subs       []cSub
	// inst holds the instants of the sub-processors' facts (cSub's
	// instants index it), each distinct instant once; inst4 holds them
	// while they fit: the usual processor's sub-processors share four
	// instants or fewer (never, approved, audited, due), which Check then
	// reads from the compiled value itself, not from another allocation.
	inst   []int64
	inst4  [4]int64
	audits []cAudit // by Issued
	dests  []cDest
	// The usual record has one agreement and one audit: they live in the
	// compiled value itself (the slices above point here while they fit),
	// so that Check reads one allocation instead of three.
	agreement1 [1]cAgreement
	audit1     [1]cAudit
	// labels holds the sub-processors' names, one after the other
	// (cSub.label indexes it).
	labels string
	keys   []Key // look-up keys other than the ID
	// tbl holds every precomputed finding; the other fields index it.
	tbl []compliance.Finding
}

type cAgreement struct {
	id               AgreementID
	from, to, signed int64
	fromDate, toDate cdate
	oral             bool // concluded orally only: never governs
	static           span
	data             compliance.DataCategories
	subjects         compliance.SubjectCategories
	ops              Operations
	purposes         string // collapsed, NUL-separated: one string to scan
	purposeList      string // purposes, comma-separated, for the denial
	rule             TransferRule
	auth             AuthorisationKind
	// x holds what few agreements have (nil when this one has neither).
	x *agreementExtra
}

// agreementExtra is the part of an agreement few have.
type agreementExtra struct {
	countries []compliance.Country
	// subs, parallel to compiled.subs, holds each sub-processor's approval
	// under a general authorisation with notices; nil when no
	// sub-processor was notified under it, and each is then approved from
	// cSub.approved.
	subs []subState
}

// countries returns the countries the agreement allows transfers to.
func (a *cAgreement) countries() []compliance.Country {
	if a.x == nil {
		return nil
	}
	return a.x.countries
}

// subs returns the sub-processors' approvals under the agreement, or nil.
func (a *cAgreement) subs() []subState {
	if a.x == nil {
		return nil
	}
	return a.x.subs
}

// span is a run of at most seven consecutive findings of a processor's
// table: the first's index times 8 plus their number.
type span int32

// spanFrom returns the span of the findings added to b's table since it
// held first.
func (b *builder) spanFrom(first int) span {
	return span(first<<3 | (len(b.c.tbl) - first))
}

// subState is a sub-processor's approval under one agreement.
type subState struct {
	approved             int64 // approved from
	windowFrom, windowTo int64 // the objection window
	window               int32
}

// cSub is a sub-processor: its facts only, in 36 bytes. Its findings are
// built when a decision raises them, with its ID as their Subject (issue
// 19); those that hold at every instant are the static findings st>>2 up
// to st>>2+st&3 of the processor's table (at most two). Its name is
// compiled.labels[labelOff:labelOff+labelLen]; its instants are indexes
// into compiled.inst (read them with compiled.at).
type cSub struct {
	id       SubProcessorID
	labelOff uint32
	labelLen uint16 // a name is at most maxName bytes
	missing  IdentityFields
	st       int32
	removed  uint16
	objected uint16
	approved uint16 // approved from, when no agreement says otherwise
	// evidence and evidence+1 bound the sub-processor's own audit
	// evidence (from, due).
	evidence uint16
}

// at returns instant i of p's pool.
func (p *compiled) at(i uint16) int64 { return p.inst[i] }

// label returns the name of sub-processor sp of p.
func (p *compiled) label(sp *cSub) string {
	return p.labels[sp.labelOff : sp.labelOff+uint32(sp.labelLen)]
}

type cAudit struct {
	id         AuditID
	issued     int64
	due        int64
	dueDate    cdate
	static     span
	deviations []cDeviation
	carveOut   bool
}

type cDeviation struct {
	due int64
	f   int32
}

type cDest struct {
	sub          int32 // index into subs, -1 for the processor's own
	label        string
	country      compliance.Country
	org          InternationalOrganisation
	access       Access
	segs         []seg  // adequacy over time
	subject      string // entity:place:access, the Subject of its findings
	dpfDue       cdate  // the recipient's DPF re-certification date
	fallbackInfo int32
	tool         Tool
	toolFrom     int64
	toolUntil    int64
	toolExpired  int32
	derogation   int32
	module       int32
	tiaFrom      int64
	subChanged   int64
	subChangedF  int32
	tiaExpires   int64
	tiaExpiredF  int32
	conclusion   Conclusion
	effective    bool
	contradicted int32   // the TIA's conclusion against the recorded facts
	uc           UseCase // the use case, for noMeasureT (0: none that applies)
}

// cdate is a compliance.Date in 8 bytes instead of 24.
type cdate struct {
	y    int32
	m, d uint8
}

// packDate returns d as a cdate; every date a record can hold (Validate)
// fits.
func packDate(d compliance.Date) cdate {
	return cdate{y: int32(d.Year), m: uint8(d.Month), d: uint8(d.Day)}
}

// date returns the compliance.Date of c.
func (c cdate) date() compliance.Date {
	return compliance.Date{Year: int(c.y), Month: time.Month(c.m), Day: int(c.d)}
}

// seg is a stretch of time, ending before until, in which a destination is
// (ok) or is not covered by an adequacy decision; why and reason say why
// not: a finding the decision builds from the destination's facts (why is
// not whyTable; dec names the adequacy decision of decisions()), or
// finding reason of the processor's table.
type seg struct {
	until  int64
	ok     bool
	why    uint8
	dec    uint16
	reason int32
}

// The kinds of seg.why.
const (
	whyTable        = iota // finding seg.reason of the table
	whyNoBasis             // no decision, no tool: noBasisT
	whyNotCertified        // not certified under decision dec
	whyLapsed              // certification under decision dec lapsed on cDest.dpfDue
)

// Compile validates the policy and every processor and returns their
// snapshot. It fails with a [*compliance.ValidationError] for an invalid
// policy, and with an error that names the processor's index and wraps its
// validation error for an invalid processor; it fails too when the
// jurisdiction's time zone cannot be loaded. More than [MaxProcessors]
// processors is an error naming "processors" with
// [compliance.ReasonLength], before any is checked.
func Compile(policy Policy, processors []Processor) (*Snapshot, error) {
	if len(processors) > MaxProcessors {
		return nil, &compliance.FieldError{Field: "processors", Reason: compliance.ReasonLength}
	}
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
	s := &Snapshot{policy: base.policy, loc: base.loc, cal: cal, complete: true, decs: base.decs}
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
	s := &Snapshot{policy: policy, loc: loc}
	for _, a := range s.decisions() {
		refs := [2]compliance.Refs{compliance.RefsOf(a.Ref, refArt45_1), compliance.RefsOf(a.Ref, refArt45_1, refNOPOL1)}
		s.decs = append(s.decs, decShared{refs: refs, dpf: [2]compliance.Finding{
			{Code: CodeDPFNotCertified, Severity: compliance.Violation, Principle: compliance.Lawfulness, Refs: refs[0],
				Args: []compliance.Arg{compliance.Text("")}},
			{Code: CodeDPFLapsed, Severity: compliance.Violation, Principle: compliance.Lawfulness, Refs: refs[0],
				Args: []compliance.Arg{compliance.Text(""), compliance.DateArg(compliance.Date{})}},
		}})
	}
	return s, nil
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
	// instIdx finds an instant in c.inst once the pool has grown past a
	// few entries (nil before).
	instIdx map[int64]uint16
}

// instPair returns the index of instants v, w, adjacent in the
// processor's pool, adding them when they are not there.
func (b *builder) instPair(v, w int64) uint16 {
	in := b.c.inst
	for i := 0; i+1 < len(in) && i < 16; i++ {
		if in[i] == v && in[i+1] == w {
			return uint16(i)
		}
	}
	i := b.inst(v)
	switch {
	case int(i)+1 < len(b.c.inst) && b.c.inst[i+1] == w:
		return i
	case int(i) == len(b.c.inst)-1: // v is new, at the end: w goes after it
		b.c.inst = append(b.c.inst, w)
		return i
	}
	// v again, as a new entry, and w after it. Neither goes into instIdx:
	// a value entered twice costs only its room.
	b.c.inst = append(b.c.inst, v, w)
	return uint16(len(b.c.inst) - 2)
}

// inst returns the index of instant v in the processor's pool, adding it
// when it is not there. A processor has at most maxList sub-processors of
// five instants each, so the index fits in 16 bits.
func (b *builder) inst(v int64) uint16 {
	if b.instIdx != nil {
		if i, ok := b.instIdx[v]; ok {
			return i
		}
	} else if i := slices.Index(b.c.inst, v); i >= 0 {
		return uint16(i)
	}
	b.c.inst = append(b.c.inst, v)
	i := uint16(len(b.c.inst) - 1)
	switch {
	case b.instIdx != nil:
		b.instIdx[v] = i
	case len(b.c.inst) > 16:
		b.instIdx = make(map[int64]uint16, 2*len(b.c.inst))
		for k, x := range b.c.inst {
			b.instIdx[x] = uint16(k)
		}
	}
	return i
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
	c := &compiled{id: p.ID, version: p.Version, name: p.Name, keys: keysOf(p)}
	b := &builder{s: s, cal: cal, p: p, c: c}
	b.interval = p.Supervision.Interval
	if b.interval.IsZero() {
		b.interval = s.policy.Intervals.For(p.Supervision.Risk)
	}
	name := compliance.Text(p.Name)
	// The sub-processors' names, in one string.
	var lb strings.Builder
	for _, sp := range p.SubProcessors {
		lb.WriteString(sp.label())
	}
	c.labels = lb.String()
	c.inst = c.inst4[:0]
	c.subs = make([]cSub, 0, len(p.SubProcessors))
	var off uint32
	for _, sp := range p.SubProcessors {
		n := uint32(len(sp.label()))
		c.subs = append(c.subs, cSub{id: sp.ID, labelOff: off, labelLen: uint16(n)})
		off += n
	}

	// Processor-level findings that hold at every instant.
	if p.OwnPurposes {
		c.static = append(c.static, b.add(compliance.Finding{Code: CodeOwnPurposes, Severity: compliance.Violation,
			Principle: compliance.PurposeLimitation, Refs: refsOwnPurposes, Args: []compliance.Arg{name}, Subject: p.ID.String()}))
	}
	if p.ExposureAssessed.IsZero() {
		b.exposure(p.Name, p.ID.String(), p.Country, p.Parent, p.InAdequacyScope)
		for i, sp := range p.SubProcessors {
			b.exposure(c.label(&c.subs[i]), sp.ID.String(), sp.Country, sp.Parent, sp.InAdequacyScope)
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
	for i, sp := range p.SubProcessors {
		b.sub(&c.subs[i], sp)
	}
	c.inst = slices.Clip(c.inst)

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
			b.dest(l, int32(i), c.label(&c.subs[i]), sp.ID.String(), sp.DPF, sp.InAdequacyScope)
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

// sub compiles the facts of sub-processor sp into cs, which holds its ID
// and name.
func (b *builder) sub(cs *cSub, sp SubProcessor) {
	label := compliance.Text(b.c.label(cs))
	subject := sp.ID.String()
	cs.missing = sp.Missing()
	st0, stN := int32(len(b.c.tbl)), int32(0)
	cs.removed, cs.objected, cs.approved = b.inst(b.startOr(sp.Removed)), b.inst(b.startOr(sp.Objected)), b.inst(b.startOr(sp.Approved))
	if m := cs.missing; m != 0 {
		stN++
		b.add(compliance.Finding{Code: CodeSubUnidentified, Severity: compliance.Violation,
			Principle: compliance.Accountability, Refs: refsIdentity, Args: []compliance.Arg{label, compliance.Names(m.All())}, Subject: subject})
	}
	if !sp.FlowDown {
		stN++
		b.add(compliance.Finding{Code: CodeSubFlowDown, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsFlowDown, Args: []compliance.Arg{label}, Subject: subject})
	}
	cs.st = st0<<2 | stN
	due := int64(never)
	if !sp.Audited.IsZero() {
		due, _ = b.due(sp.Audited, b.interval)
	}
	cs.evidence = b.instPair(b.startOr(sp.Audited), due)
}

func (b *builder) agreement(a Agreement) cAgreement {
	p := b.p
	subject := a.ID.String()
	ca := cAgreement{
		id: a.ID, from: b.start(a.From), to: never, fromDate: packDate(a.From), toDate: packDate(a.To), signed: never,
		data: a.Data, subjects: a.Subjects, ops: a.Operations,
		rule: a.Transfers, auth: a.SubProcessing.Kind,
	}
	if len(a.TransferCountries) > 0 {
		ca.x = &agreementExtra{countries: slices.Clone(a.TransferCountries)}
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
	collapsed := collapsedPurposes(a.Purposes)
	ca.purposes = strings.Join(collapsed, "\x00")
	ca.purposeList = strings.Join(collapsed, ", ")

	// The findings that hold while the agreement governs, one run of the
	// table.
	first := len(b.c.tbl)
	if m := a.MissingClauses(); m != 0 {
		refs := make([]compliance.Ref, 0, 4)
		for c := range m.All() {
			if r := c.Ref(); !slices.Contains(refs, r) {
				refs = append(refs, r)
			}
		}
		b.add(compliance.Finding{Code: CodeContentMissing, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: compliance.RefsOf(refs...), Args: []compliance.Arg{compliance.Names(m.All())}, Subject: subject})
	}
	if !a.Transfers.Valid() {
		b.add(compliance.Finding{Code: CodeTransferInstructionsMissing, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsInstructions, Subject: subject})
	}
	switch {
	case a.BreachNoticeHours == 0:
		b.add(compliance.Finding{Code: CodeBreachNoticeUnset, Severity: compliance.Info,
			Refs: refsBreachNotice, Subject: subject})
	case a.BreachNoticeHours > 72:
		b.add(compliance.Finding{Code: CodeBreachNoticeLate, Severity: compliance.Warning,
			Refs: refsBreachNoticeLate, Args: []compliance.Arg{compliance.Int(a.BreachNoticeHours)}, Subject: subject})
	}
	auth := a.SubProcessing
	switch {
	case len(p.SubProcessors) > 0 && (auth.Kind == 0 || auth.Kind == AuthorisationNone):
		b.add(compliance.Finding{Code: CodeSubProcessingNotAuthorised, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsSubApproval, Args: []compliance.Arg{compliance.Int(len(p.SubProcessors))}, Subject: subject})
	case auth.Kind == AuthorisationGeneral && (!auth.Notice || !auth.Objection):
		b.add(compliance.Finding{Code: CodeGeneralAuthorisationIncomplete, Severity: compliance.Violation,
			Principle: compliance.Lawfulness, Refs: refsSubApproval, Subject: subject})
	}
	ca.static = b.spanFrom(first)

	// Each sub-processor's approval under this agreement (Art 28(2)).
	notified := auth.Kind == AuthorisationGeneral && slices.ContainsFunc(p.SubProcessors, func(sp SubProcessor) bool { return !sp.Notified.IsZero() })
	if !notified {
		return ca
	}
	if ca.x == nil {
		ca.x = new(agreementExtra)
	}
	ca.x.subs = make([]subState, len(p.SubProcessors))
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
		ca.x.subs[i] = st
	}
	return ca
}

func (b *builder) audit(a Audit) cAudit {
	subject := a.ID.String()
	cu := cAudit{id: a.ID, issued: b.start(a.Issued), carveOut: a.CarveOut}
	due, last := b.due(a.Issued, b.interval)
	cu.due, cu.dueDate = due, packDate(last)
	// The findings about the evidence itself, one run of the table.
	first := len(b.c.tbl)
	switch a.Opinion {
	case Adverse, Disclaimer:
		b.add(compliance.Finding{Code: CodeAuditAdverse, Severity: compliance.Violation,
			Principle: compliance.Accountability, Refs: refsAdverse, Args: []compliance.Arg{compliance.Name(a.Opinion)}, Subject: subject})
	case Qualified:
		b.add(compliance.Finding{Code: CodeAuditQualified, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Args: []compliance.Arg{compliance.Int(len(a.Deviations))}, Subject: subject})
	}
	if !a.ScopeConfirmed {
		b.add(compliance.Finding{Code: CodeAuditScope, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Subject: subject})
	}
	if a.Reviewed.IsZero() {
		b.add(compliance.Finding{Code: CodeAuditUnreviewed, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsQualified, Subject: subject})
	}
	if a.Type.PointInTime() {
		b.add(compliance.Finding{Code: CodeAuditPointInTime, Severity: compliance.Info,
			Principle: compliance.Accountability, Refs: refsSupervision, Subject: subject})
	}
	cu.static = b.spanFrom(first)
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
		tiaFrom: never, subChanged: never, subChangedF: noFinding, tiaExpires: never, tiaExpiredF: noFinding,
		contradicted: noFinding, subject: subject}
	d.dpfDue = packDate(dpf.Due)
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
				Principle: compliance.Lawfulness, Refs: compliance.RefsOf(refArt49_3, sg.Derogation.Ref()),
				Args: []compliance.Arg{compliance.Name(sg.Derogation), place}, Subject: subject})
		} else {
			d.derogation = b.add(compliance.Finding{Code: CodeDerogationOccasional, Severity: compliance.Warning,
				Principle: compliance.Lawfulness, Refs: compliance.RefsOf(sg.Derogation.Ref(), refGuidelines0218),
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
			Principle: compliance.Lawfulness, Refs: compliance.RefsOf(refs...),
			Args:    []compliance.Arg{compliance.DateArg(tia.Date), compliance.Name(tia.Conclusion), place, compliance.Name(l.Access), ucArg},
			Subject: subject})
	}
	// Without an effective measure, the findings that say so are built
	// per decision (noMeasureT), with the references of the use case.
	if uc.Valid() && int(uc) < len(noMeasureT) {
		d.uc = uc
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
	var dRefs [][2]compliance.Refs // parallel to ds
	var dIdx []int                 // parallel to ds: the index in decisions()
	for i, a := range b.s.decisions() {
		if a.matches(l.Country, l.Organisation) {
			ds = append(ds, a)
			dRefs = append(dRefs, b.s.decs[i].refs)
			dIdx = append(dIdx, i)
		}
	}
	place := compliance.CountryArg(l.Country)
	if l.Organisation != 0 {
		place = compliance.Name(l.Organisation)
	}
	// The finding that there is no basis at all is built per decision
	// (noBasisT).
	if len(ds) == 0 {
		return []seg{{until: never, why: whyNoBasis, reason: noFinding}}
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
		dec  int // for a DPF finding, the decision's index in decisions()
	}
	status := func(t int64) (bool, why) {
		var best why
		consider := func(w why) {
			if w.kind > best.kind {
				best = w
			}
		}
		for k, a := range ds {
			if t < b.start(a.Adopted) || (!a.Until.IsZero() && t >= b.after(a.Until)) {
				continue
			}
			off := slices.IndexFunc(offs, func(s Switch) bool { return b.start(s.From) <= t })
			if off >= 0 {
				consider(why{reasonOff, compliance.Finding{Code: CodeAdequacyOff, Severity: compliance.Violation,
					Principle: compliance.Lawfulness, Refs: dRefs[k][0],
					Args: []compliance.Arg{place, compliance.DateArg(offs[off].From)}, Subject: subject}, 0})
				continue
			}
			if b.s.policy.Jurisdiction == compliance.NO && a.EEAPending &&
				!slices.ContainsFunc(incs, func(s Switch) bool { return b.start(s.From) <= t }) {
				consider(why{reasonNotIncorporated, compliance.Finding{Code: CodeAdequacyNotIncorporated, Severity: compliance.Violation,
					Principle: compliance.Lawfulness, Refs: dRefs[k][1],
					Args: []compliance.Arg{place, compliance.RefArg(a.Ref)}, Subject: subject}, 0})
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
					Principle: compliance.Lawfulness, Refs: dRefs[k][0],
					Args: []compliance.Arg{text, place, compliance.RefArg(a.Ref)}, Subject: subject}, 0})
			case DPFScope:
				switch {
				case !dpf.Since.IsZero() && t >= b.start(dpf.Since) && t < b.after(dpf.Due):
					return true, why{}
				case !dpf.Since.IsZero() && t >= b.after(dpf.Due):
					consider(why{reasonOutOfScope, compliance.Finding{Code: CodeDPFLapsed, Severity: compliance.Violation,
						Principle: compliance.Lawfulness, Refs: dRefs[k][0],
						Args: []compliance.Arg{text, compliance.DateArg(dpf.Due)}, Subject: subject}, dIdx[k]})
				default:
					consider(why{reasonOutOfScope, compliance.Finding{Code: CodeDPFNotCertified, Severity: compliance.Violation,
						Principle: compliance.Lawfulness, Refs: dRefs[k][0],
						Args: []compliance.Arg{text}, Subject: subject}, dIdx[k]})
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
			// The findings of the usual reasons are built per decision from
			// the destination's facts; the others are compiled.
			switch {
			case w.kind == reasonNone:
				s.why = whyNoBasis
			case w.f.Code == CodeDPFNotCertified && w.dec <= math.MaxUint16:
				s.why, s.dec = whyNotCertified, uint16(w.dec)
			case w.f.Code == CodeDPFLapsed && w.dec <= math.MaxUint16:
				s.why, s.dec = whyLapsed, uint16(w.dec)
			default:
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
