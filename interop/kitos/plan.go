package kitos

import (
	"context"

	"github.com/google/uuid"
	"slices"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
)

// System is the name of KITOS in reports and derived identities.
const System = "kitos"

// Issue codes of the KITOS import, in addition to interop's.
const (
	CodeNotConcluded     compliance.Code = "interop.kitos.agreement-not-concluded"
	CodeNoDate           compliance.Code = "interop.kitos.agreement-date-missing"
	CodeCountryUnknown   compliance.Code = "interop.kitos.country-unknown"
	CodeForeignID        compliance.Code = "interop.kitos.foreign-id"
	CodeAuditType        compliance.Code = "interop.kitos.audit-type-unknown"
	CodeAuditOpinion     compliance.Code = "interop.kitos.audit-needs-opinion"
	CodeSafeguard        compliance.Code = "interop.kitos.safeguard-not-recorded"
	CodeNoBasis          compliance.Code = "interop.kitos.no-transfer-basis"
	CodeInterval         compliance.Code = "interop.kitos.interval-not-mapped"
	CodeIntervalConflict compliance.Code = "interop.kitos.interval-conflict"
	CodeLocation         compliance.Code = "interop.kitos.location-not-recorded"
	CodeUsageMissing     compliance.Code = "interop.kitos.usage-missing"
	CodePurposeTooLong   compliance.Code = "interop.kitos.purpose-too-long"
	CodeDeleted          compliance.Code = "interop.kitos.registration-deleted"
)

// Codes yields the issue codes of the KITOS import, for the i18n test.
func Codes() []compliance.Code {
	return []compliance.Code{CodeNotConcluded, CodeNoDate, CodeCountryUnknown, CodeForeignID, CodeAuditType,
		CodeAuditOpinion, CodeSafeguard, CodeNoBasis, CodeInterval, CodeIntervalConflict, CodeLocation,
		CodeUsageMissing, CodePurposeTooLong, CodeDeleted}
}

// Lister is what planning reads of the processor store: every record of
// the kommune. processor.Store implements it for a controller through
// [StoreLister].
type Lister interface {
	List(ctx context.Context) ([]processor.Processor, error)
}

// StoreLister lists the records of controller c in s. Its List reads at
// most [processor.MaxProcessors] records, the bound of the registry they
// are loaded into, and fails with an error naming "processors" with
// [compliance.ReasonLength] at the first record over it.
func StoreLister(s processor.Store, c compliance.ControllerID) Lister {
	return storeLister{s, c, processor.MaxProcessors}
}

type storeLister struct {
	s       processor.Store
	c       compliance.ControllerID
	maxRead int // the records List reads at most
}

func (l storeLister) List(ctx context.Context) ([]processor.Processor, error) {
	var ps []processor.Processor
	for p, err := range l.s.List(ctx, l.c, processor.Filter{}) {
		if err != nil {
			return nil, err
		}
		if len(ps) == l.maxRead {
			return nil, &compliance.FieldError{Field: "processors", Reason: compliance.ReasonLength}
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// Plan maps src into the processor records of kommune c and returns the
// batch that would write them, with its report. It reads the kommune's
// current records through l and writes nothing; the batch's Apply writes.
//
// The mapping, one processor per KITOS data processor:
//
//   - the processor's ID is derived from the KITOS organisation's UUID
//     ([interop.Derive]), so a re-import updates the same record; its name
//     and CVR number come from KITOS (a CVR that is not a valid Danish CVR
//     number, a foreign company's, is reported and not stored, and the
//     country must then come from Mapping.Organizations);
//   - each registration naming the processor gives one agreement (its ID
//     derived from the registration's UUID), only when
//     general.isAgreementConcluded is "Yes" and
//     general.agreementConcludedAt is set: signed and in force from that
//     date. Its data categories and purposes are those of the system
//     usages the registration links to (gdpr.specificPersonalData,
//     sensitivePersonData, registeredDataCategories and purpose); its
//     transfer instruction is "none" for transferToInsecureThirdCountries
//     "No", and the listed countries for "Yes";
//   - sub-processors of every registration, one per KITOS organisation
//     (name, and Denmark as country for a valid Danish CVR number); the
//     kommune's own entries on a sub-processor (address, contact,
//     approval) are kept;
//   - oversight.oversightInterval as the supervision interval ([Interval];
//     the shortest when registrations differ), and each oversight date as
//     an audit of the type the registration's oversight options map to;
//   - a registration in src.Deleted removes the agreement made from it.
//
// With an incremental source (registrations changed since the last
// import), a processor's supervision interval is that of its changed
// registrations, and its agreements from unchanged registrations stay as
// they are.
//
// Agreements, audits and sub-processors that the kommune added itself, and
// every field KITOS does not hold (contacts, locations, DPF, parent), are
// left as they are. Plan fails only when the store cannot be read (or,
// through [StoreLister], holds more than [processor.MaxProcessors]
// records) or ctx ends; everything about the data is in the report.
func Plan(ctx context.Context, l Lister, c compliance.ControllerID, src Source, m Mapping) (*interop.Batch, error) {
	if c.IsZero() {
		return nil, &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	existing, err := l.List(ctx)
	if err != nil {
		return nil, err
	}
	byKey := index(existing)
	p := &planner{c: c, m: m.compile(), b: interop.NewBatch(System), usages: map[string]*SystemUsage{}}
	for i := range src.SystemUsages {
		p.usages[strings.ToLower(src.SystemUsages[i].UUID)] = &src.SystemUsages[i]
	}

	// Group the registrations by data processor, in UUID order.
	groups := map[string][]*Registration{}
	orgs := map[string]Organization{}
	for i := range src.Registrations {
		r := &src.Registrations[i]
		for _, o := range r.General.DataProcessors {
			k := strings.ToLower(o.UUID)
			groups[k] = append(groups[k], r)
			orgs[k] = o
		}
		if len(r.General.DataProcessors) == 0 && r.General.IsAgreementConcluded == "Yes" {
			p.issue(interop.CodeMissingValue, r.UUID, "general.dataProcessors", "", false)
		}
	}
	deleted := map[compliance.ID[processor.Agreement]]string{}
	for _, d := range src.Deleted {
		if d.EntityType == "DataProcessingRegistration" {
			deleted[p.agreementID(d.EntityUUID)] = d.EntityUUID
		}
	}
	planned := map[compliance.ProcessorID]bool{}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		old := byKey.find(k, orgs[k].CVR)
		id := p.processor(orgs[k], groups[k], old, deleted)
		planned[id] = true
	}
	// Records the source no longer names that hold an agreement made from
	// a deleted registration.
	for i := range existing {
		e := &existing[i]
		if planned[e.ID] || !slices.ContainsFunc(e.Agreements, func(a processor.Agreement) bool { _, ok := deleted[a.ID]; return ok }) {
			continue
		}
		want := e.Clone()
		want.Agreements = p.dropDeleted(want.Agreements, deleted)
		key := "id:" + e.ID.String()
		if i := slices.IndexFunc(e.ExternalIDs, func(x processor.ExternalID) bool { return x.Scheme == processor.KITOS }); i >= 0 {
			key = e.ExternalIDs[i].String()
		}
		p.b.Plan(key, e, want)
	}
	return p.b, nil
}

func (p *planner) dropDeleted(as []processor.Agreement, deleted map[processor.AgreementID]string) []processor.Agreement {
	return slices.DeleteFunc(as, func(a processor.Agreement) bool {
		reg, ok := deleted[a.ID]
		if ok {
			p.b.Report().Add(CodeDeleted, interop.Source{System: System, Entity: "data-processing-registration", ID: reg}, "", false)
		}
		return ok
	})
}

type planner struct {
	c      compliance.ControllerID
	m      *compiled
	b      *interop.Batch
	usages map[string]*SystemUsage
}

func (p *planner) issue(code compliance.Code, regUUID, field, value string, blocking bool) {
	p.b.Report().Add(code, interop.Source{System: System, Entity: "data-processing-registration", ID: regUUID, Field: field}, value, blocking)
}

// agreementID is the ID of the agreement made from registration reg: the
// registration's own UUID. IDs of agreements, audits and sub-processors
// need only be unique within their processor's record, so KITOS's UUIDs
// serve, and [Export] can give them back to KITOS.
func (p *planner) agreementID(reg string) processor.AgreementID {
	u, err := uuid.Parse(reg)
	if err != nil {
		return compliance.IDFrom[processor.Agreement](interop.Derive(p.c, System, "registration", reg))
	}
	return compliance.IDFrom[processor.Agreement](u)
}

func (p *planner) processor(o Organization, regs []*Registration, old *processor.Processor, deleted map[processor.AgreementID]string) compliance.ProcessorID {
	ext := processor.NormalizeExternalID(processor.ExternalID{Scheme: processor.KITOS, ID: o.UUID})
	key := ext.String()
	var want processor.Processor
	if old != nil {
		want = old.Clone()
	} else {
		want.ID = compliance.ProcessorID{UUID: interop.Derive(p.c, System, "organization", ext.ID)}
	}
	if i := slices.IndexFunc(want.ExternalIDs, func(e processor.ExternalID) bool { return e.Scheme == processor.KITOS }); i >= 0 {
		want.ExternalIDs[i] = ext
	} else {
		want.ExternalIDs = append(want.ExternalIDs, ext)
	}
	want.Name = clipName(o.Name)
	p.identity(&want, o)
	if want.Country.IsZero() {
		src := interop.Source{System: System, Entity: "organization", ID: o.UUID, Field: "cvr"}
		p.b.Report().Add(CodeCountryUnknown, src, "", true)
		p.b.Skip(key, want.Name)
		return want.ID
	}
	// Agreements: drop those of deleted registrations and those re-made
	// from the source.
	remake := map[processor.AgreementID]bool{}
	for _, r := range regs {
		remake[p.agreementID(r.UUID)] = true
	}
	want.Agreements = slices.DeleteFunc(p.dropDeleted(want.Agreements, deleted), func(a processor.Agreement) bool { return remake[a.ID] })
	var interval compliance.Period
	for _, r := range regs {
		if _, gone := deleted[p.agreementID(r.UUID)]; gone {
			continue
		}
		if a, ok := p.agreement(r); ok {
			want.Agreements = append(want.Agreements, a)
		}
		p.subProcessors(&want, o, r)
		p.audits(&want, r)
		if iv, ok := Interval(r.Oversight.OversightInterval); ok {
			if !interval.IsZero() && iv != interval {
				p.issue(CodeIntervalConflict, r.UUID, "oversight.oversightInterval", r.Oversight.OversightInterval, false)
			}
			if interval.IsZero() || shorter(iv, interval) {
				interval = iv
			}
		} else if r.Oversight.OversightInterval == "Other" || (r.Oversight.OversightInterval != "" && r.Oversight.OversightInterval != "Undecided") {
			p.issue(CodeInterval, r.UUID, "oversight.oversightInterval", r.Oversight.OversightInterval, false)
		}
	}
	if !interval.IsZero() {
		want.Supervision.Interval = interval
	}
	slices.SortStableFunc(want.Agreements, func(a, b processor.Agreement) int { return a.ID.Compare(b.ID) })
	slices.SortStableFunc(want.Audits, func(a, b processor.Audit) int { return a.ID.Compare(b.ID) })
	slices.SortStableFunc(want.SubProcessors, func(a, b processor.SubProcessor) int { return a.ID.Compare(b.ID) })
	p.b.Plan(key, old, want)
	return want.ID
}

// records indexes the kommune's records by their KITOS identity and by
// CVR number.
type records struct {
	kitos map[string]*processor.Processor
	cvr   map[string][]*processor.Processor
}

func index(ps []processor.Processor) records {
	r := records{kitos: map[string]*processor.Processor{}, cvr: map[string][]*processor.Processor{}}
	for i := range ps {
		p := &ps[i]
		for _, e := range p.ExternalIDs {
			if e.Scheme == processor.KITOS {
				r.kitos[processor.KeyExternal(e).String()] = p
			}
		}
		if !p.CVR.IsZero() {
			r.cvr[p.CVR.String()] = append(r.cvr[p.CVR.String()], p)
		}
	}
	return r
}

// find returns the record of KITOS organisation org: the record with its
// KITOS identity (processor.KeyExternal, as Registry.Lookup finds it), or
// else the one record with its CVR number and no KITOS identity yet (a
// processor the kommune registered by hand, which the import then adopts).
// Two records with that CVR number and none with the KITOS identity: a new
// record, not a guess between them.
func (r records) find(org, cvr string) *processor.Processor {
	k := processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: org}).String()
	if p, ok := r.kitos[k]; ok {
		return p
	}
	n, err := ident.ParseCVR(strings.TrimSpace(cvr))
	if err != nil {
		return nil
	}
	var match *processor.Processor
	for _, p := range r.cvr[n.String()] {
		if slices.ContainsFunc(p.ExternalIDs, func(e processor.ExternalID) bool { return e.Scheme == processor.KITOS }) {
			continue
		}
		if match != nil {
			return nil
		}
		match = p
	}
	return match
}

// shorter reports whether a is a shorter interval than b (both months or
// years).
func shorter(a, b compliance.Period) bool { return months(a) < months(b) }

func months(p compliance.Period) int {
	if p.Unit == compliance.UnitYears {
		return 12 * p.N
	}
	return p.N
}

// identity sets the CVR number (or organisasjonsnummer) and country.
func (p *planner) identity(want *processor.Processor, o Organization) {
	src := interop.Source{System: System, Entity: "organization", ID: o.UUID, Field: "cvr"}
	mapped, isMapped := p.m.orgs[strings.ToLower(o.UUID)]
	if isMapped {
		want.Country = mapped
	}
	cvr := strings.TrimSpace(o.CVR)
	if cvr == "" {
		return
	}
	dk := compliance.MustCountry("DK")
	if n, err := ident.ParseCVR(cvr); err == nil {
		// A valid CVR number is the Danish register's: Denmark, unless
		// the mapping places the organisation elsewhere.
		if !isMapped || mapped == dk {
			want.CVR, want.OrgNr, want.Country = n, ident.OrgNr{}, dk
		}
		return
	}
	if n, err := ident.ParseOrgNr(cvr); err == nil && want.Country == compliance.MustCountry("NO") {
		want.OrgNr, want.CVR = n, ident.CVR{}
		return
	}
	p.b.Report().Add(CodeForeignID, src, cvr, false)
}

// agreement maps a registration to the processor's agreement, or reports
// why there is none.
func (p *planner) agreement(r *Registration) (processor.Agreement, bool) {
	g := r.General
	switch g.IsAgreementConcluded {
	case "Yes":
	default:
		p.issue(CodeNotConcluded, r.UUID, "general.isAgreementConcluded", g.IsAgreementConcluded, false)
		return processor.Agreement{}, false
	}
	if g.AgreementConcludedAt.IsZero() {
		p.issue(CodeNoDate, r.UUID, "general.agreementConcludedAt", "", false)
		return processor.Agreement{}, false
	}
	d := g.AgreementConcludedAt.Date()
	a := processor.Agreement{
		ID:        p.agreementID(r.UUID),
		Reference: clipName(r.Name),
		Template:  p.m.Template,
		Signed:    d,
		From:      d,
	}
	for i, u := range r.SystemUsages {
		su, ok := p.usages[strings.ToLower(u.UUID)]
		if !ok {
			p.issue(CodeUsageMissing, r.UUID, idx("systemUsages", i), "", false)
			continue
		}
		p.usage(&a, su)
	}
	switch g.TransferToInsecureThirdCountries {
	case "No":
		a.Transfers = processor.TransfersNone
	case "Yes":
		for i, c := range g.InsecureCountriesSubjectToDataTransfer {
			cc, ok := p.m.country(c.Name)
			if !ok {
				p.issue(interop.CodeUnmapped, r.UUID, idx("general.insecureCountriesSubjectToDataTransfer", i), c.Name, false)
				continue
			}
			if !slices.Contains(a.TransferCountries, cc) {
				a.TransferCountries = append(a.TransferCountries, cc)
			}
		}
		if len(a.TransferCountries) > 0 {
			a.Transfers = processor.TransfersListed
		}
		p.basis(r.UUID, "general.basisForTransfer", g.BasisForTransfer)
	}
	return a, true
}

// basis reports what the basis for transfer says and tillid cannot record
// from KITOS: a transfer tool needs the date it was signed (and for the
// clauses their module), which KITOS does not hold.
func (p *planner) basis(reg, field string, b *Identity) {
	if b == nil || strings.TrimSpace(b.Name) == "" {
		p.issue(CodeNoBasis, reg, field, "", false)
		return
	}
	code, ok := p.m.bases[interop.Norm(b.Name)]
	switch {
	case !ok:
		p.issue(interop.CodeUnmapped, reg, field, b.Name, false)
	case code == "none" || code == "eea":
		p.issue(CodeNoBasis, reg, field, b.Name, false)
	default:
		p.issue(CodeSafeguard, reg, field, b.Name, false)
	}
}

// usage adds a system usage's data categories and purpose to a.
func (p *planner) usage(a *processor.Agreement, u *SystemUsage) {
	src := func(f string) interop.Source {
		return interop.Source{System: System, Entity: "it-system-usage", ID: u.UUID, Field: f}
	}
	for i, s := range u.GDPR.SpecificPersonalData {
		if c, ok := specific(s); ok {
			a.Data = a.Data.With(c)
		} else {
			p.b.Report().Add(interop.CodeUnmapped, src(idx("gdpr.specificPersonalData", i)), s, false)
		}
	}
	for i, s := range u.GDPR.SensitivePersonData {
		if c, ok := p.m.category(s.Name); ok {
			a.Data = a.Data.With(c)
		} else {
			p.b.Report().Add(interop.CodeUnmapped, src(idx("gdpr.sensitivePersonData", i)), s.Name, false)
		}
	}
	for i, s := range u.GDPR.RegisteredDataCategories {
		if c, ok := p.m.category(s.Name); ok {
			a.Data = a.Data.With(c)
		} else {
			p.b.Report().Add(interop.CodeUnmapped, src(idx("gdpr.registeredDataCategories", i)), s.Name, false)
		}
	}
	if purpose := strings.Join(strings.Fields(u.GDPR.Purpose), " "); purpose != "" {
		switch {
		case len(purpose) > 200:
			p.b.Report().Add(CodePurposeTooLong, src("gdpr.purpose"), "", false)
		case !slices.Contains(a.Purposes, purpose):
			a.Purposes = append(a.Purposes, purpose)
		}
	}
}

// subProcessors merges a registration's sub-processors into want.
func (p *planner) subProcessors(want *processor.Processor, o Organization, r *Registration) {
	for i, s := range r.General.SubDataProcessors {
		so := s.DataProcessorOrganization
		u, err := uuid.Parse(so.UUID)
		if err != nil {
			u = interop.Derive(p.c, System, "sub-processor", so.UUID)
		}
		id := compliance.IDFrom[processor.SubProcessor](u)
		j := slices.IndexFunc(want.SubProcessors, func(x processor.SubProcessor) bool { return x.ID == id })
		if j < 0 {
			want.SubProcessors = append(want.SubProcessors, processor.SubProcessor{ID: id})
			j = len(want.SubProcessors) - 1
		}
		sp := &want.SubProcessors[j]
		sp.Name = clipName(so.Name)
		if c, ok := p.m.orgs[strings.ToLower(so.UUID)]; ok {
			sp.Country = c
		} else if _, err := ident.ParseCVR(strings.TrimSpace(so.CVR)); err == nil {
			sp.Country = compliance.MustCountry("DK")
		}
		field := idx("general.subDataProcessors", i)
		if s.TransferToInsecureThirdCountry != "Yes" || s.InsecureThirdCountrySubjectToDataProcessing == nil {
			continue
		}
		cc, ok := p.m.country(s.InsecureThirdCountrySubjectToDataProcessing.Name)
		if !ok {
			p.issue(interop.CodeUnmapped, r.UUID, field+".insecureThirdCountrySubjectToDataProcessing", s.InsecureThirdCountrySubjectToDataProcessing.Name, false)
			continue
		}
		p.basis(r.UUID, field+".basisForTransfer", s.BasisForTransfer)
		if p.m.TransferAccess == 0 {
			p.issue(CodeLocation, r.UUID, field+".insecureThirdCountrySubjectToDataProcessing", cc.String(), false)
			continue
		}
		loc := processor.Location{Country: cc, Access: p.m.TransferAccess}
		if !slices.ContainsFunc(sp.Locations, func(l processor.Location) bool { return l.Country == cc }) {
			sp.Locations = append(sp.Locations, loc)
		}
	}
}

// audits turns a registration's oversight dates into audits of the type
// its oversight options map to, when they map to exactly one type that
// needs no auditor's opinion (KITOS records none).
func (p *planner) audits(want *processor.Processor, r *Registration) {
	if len(r.Oversight.OversightDates) == 0 {
		return
	}
	var types []processor.AuditType
	for i, o := range r.Oversight.OversightOptions {
		t, ok := p.m.audit[interop.Norm(o.Name)]
		if !ok {
			p.issue(interop.CodeUnmapped, r.UUID, idx("oversight.oversightOptions", i), o.Name, false)
			continue
		}
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	if len(types) != 1 {
		p.issue(CodeAuditType, r.UUID, "oversight.oversightOptions", "", false)
		return
	}
	t := types[0]
	if t.HasOpinion() || t.OverPeriod() {
		p.issue(CodeAuditOpinion, r.UUID, "oversight.oversightOptions", t.String(), false)
		return
	}
	for _, d := range r.Oversight.OversightDates {
		var id processor.AuditID
		if u, err := uuid.Parse(d.UUID); err == nil {
			id = compliance.IDFrom[processor.Audit](u)
		} else {
			id = compliance.IDFrom[processor.Audit](interop.Derive(p.c, System, "oversight", strings.ToLower(r.UUID), d.CompletedAt.Date().String()))
		}
		a := processor.Audit{ID: id, Type: t, Issued: d.CompletedAt.Date()}
		if j := slices.IndexFunc(want.Audits, func(x processor.Audit) bool { return x.ID == id }); j >= 0 {
			// Keep what the kommune added (review, deviations, reference).
			old := want.Audits[j]
			old.Type, old.Issued = a.Type, a.Issued
			want.Audits[j] = old
		} else {
			want.Audits = append(want.Audits, a)
		}
	}
}

func clipName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 200 {
		return s
	}
	n := 0
	for i := range s {
		if i > 200 {
			break
		}
		n = i
	}
	return s[:n]
}
