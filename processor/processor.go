package processor

import (
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

// AgreementID identifies an [Agreement] within its processor's record.
type AgreementID = compliance.ID[Agreement]

// SubProcessorID identifies a [SubProcessor] within its processor's record.
type SubProcessorID = compliance.ID[SubProcessor]

// AuditID identifies an [Audit] within its processor's record.
type AuditID = compliance.ID[Audit]

// Limits on text fields.
const (
	maxName = 200  // names, references, codes
	maxText = 2000 // addresses and descriptions
	maxList = 1000 // items of any list
)

// Processor is one data processor of a kommune (Art 4(8), 28 GDPR) with
// everything [Snapshot.Check] needs to answer from one record: the
// processor's identity and ownership, its data processing agreements, its
// sub-processors, the places where data are hosted or reached from, and the
// audit evidence the kommune's supervision rests on.
//
// The record is an aggregate: one Version covers all of it, so a decision
// that names the processor's ID and Version names exactly the agreement,
// sub-processor list and audit statements it relied on (Art 5(2)). A change
// to any part is a Put of the whole record; the optimistic Version check of
// the [Store] then stops two caseworkers from overwriting each other's
// changes to, say, the sub-processor list.
//
// A Processor holds personal data in its contacts; it implements
// [slog.LogValuer] with IDs and codes only.
type Processor struct {
	// ID identifies the processor; Registry.Put assigns one when zero.
	ID compliance.ProcessorID `json:"id"`
	// Version is the store's optimistic-concurrency version (0 = new).
	Version uint64 `json:"version"`
	// Name is the legal name of the processor (a legal person).
	Name string `json:"name"`
	// CVR is the Danish CVR number; required when Country is DK.
	CVR ident.CVR `json:"cvr,omitzero"`
	// OrgNr is the Norwegian organisasjonsnummer; required when Country is
	// NO.
	OrgNr ident.OrgNr `json:"orgnr,omitzero"`
	// ExternalIDs are the processor's identities in other systems (its
	// KITOS UUID, …), at most one per scheme, for [Snapshot.Lookup].
	ExternalIDs []ExternalID `json:"external-ids,omitempty"`
	// Country is the country where the processor is established.
	Country compliance.Country `json:"country"`
	// Parent is the processor's ultimate parent company, when it has one.
	Parent Parent `json:"parent,omitzero"`
	// DPF is the processor's certification under the EU-US Data Privacy
	// Framework, for a processor that receives data in the United States.
	DPF DPF `json:"dpf,omitzero"`
	// InAdequacyScope records that the processor is within the scope limit
	// of the adequacy decision of the third country where it receives data:
	// subject to PIPEDA in Canada, an APPI business operator in Japan,
	// subject to PIPA in Korea, within the LGPD's scope in Brazil, not a
	// Danish state authority on the Faroe Islands (reference §3.4). US
	// coverage is [DPF] instead.
	InAdequacyScope bool `json:"inAdequacyScope,omitempty"`
	// Service says what the processor does for the kommune ("ESDH",
	// "hosting of the citizen portal").
	Service string `json:"service,omitempty"`
	// Contacts are the kommune's contact persons at the processor.
	Contacts []Contact `json:"contacts,omitempty"`
	// OwnPurposes records that the processor uses the kommune's data for its
	// own purposes (product improvement, analytics). For that processing it
	// is a controller (Art 28(10)), and the kommune needs a legal basis to
	// disclose the data (Datatilsynet DK, 30 January 2024, 2023-431-0001).
	OwnPurposes bool `json:"ownPurposes,omitempty"`
	// ExposureAssessed is the date of the kommune's assessment of the risk
	// that third-country law (the US CLOUD Act, FISA section 702) compels
	// the processor or a sub-processor to disclose data held in the EEA
	// (EDPB Guidelines 05/2021; Art 32). Zero when none is recorded.
	ExposureAssessed compliance.Date `json:"exposureAssessed,omitzero"`
	// Agreements are the data processing agreements, in any order; the one
	// in force at an instant governs.
	Agreements []Agreement `json:"agreements,omitempty"`
	// SubProcessors are the processors the processor engages (Art 28(2) and
	// (4)).
	SubProcessors []SubProcessor `json:"subProcessors,omitempty"`
	// Locations are the places where the processor itself hosts the data or
	// reaches them from.
	Locations []Location `json:"locations,omitempty"`
	// Audits are the audit statements and other evidence of the kommune's
	// supervision.
	Audits []Audit `json:"audits,omitempty"`
	// Supervision is the kommune's plan for supervising the processor.
	Supervision Supervision `json:"supervision,omitzero"`
}

// Parent is a company that owns or controls a processor. A parent
// established in a third country can expose data held in the EEA to that
// country's law even when no transfer takes place (reference §3.8).
type Parent struct {
	// Name is the parent company's legal name.
	Name string `json:"name,omitempty"`
	// Country is where the parent company is established.
	Country compliance.Country `json:"country,omitzero"`
}

// DPF is an organisation's certification under the EU-US Data Privacy
// Framework, as the DPF List (dataprivacyframework.gov) shows it. The
// adequacy decision (EU) 2023/1795 covers only organisations on the list,
// which must re-certify (reference §3.4, §3.5). The zero value means not
// certified.
type DPF struct {
	// Since is the date the organisation was certified (first listed).
	Since compliance.Date `json:"since,omitzero"`
	// Due is the organisation's next certification due date as the list
	// shows it; the certification is treated as lapsed from the day after.
	Due compliance.Date `json:"due,omitzero"`
	// Checked is the date the kommune last checked the list.
	Checked compliance.Date `json:"checked,omitzero"`
}

// IsZero reports whether no certification is recorded.
func (d DPF) IsZero() bool { return d == DPF{} }

// Contact is a contact person at a processor. It is personal data.
type Contact struct {
	// Role is the person's role ("DPO", "account manager").
	Role string `json:"role,omitempty"`
	// Name is the person's name.
	Name string `json:"name,omitempty"`
	// Email is the person's e-mail address.
	Email string `json:"email,omitempty"`
	// Phone is the person's telephone number.
	Phone string `json:"phone,omitempty"`
}

// SubProcessor is a processor engaged by the kommune's processor (Art 28(2)
// and (4)), with its full identity — the controller should have the name,
// address and contact person of every processor in the chain readily
// available at all times, regardless of risk (EDPB Opinion 22/2024) — its
// approval, and the places it hosts the data or reaches them from.
type SubProcessor struct {
	// ID identifies the sub-processor within the record; Registry.Put
	// assigns one when zero.
	ID SubProcessorID `json:"id"`
	// Name is the sub-processor's legal name.
	Name string `json:"name,omitempty"`
	// Address is the sub-processor's postal address.
	Address string `json:"address,omitempty"`
	// Contact names a contact person or function at the sub-processor.
	Contact string `json:"contact,omitempty"`
	// Country is where the sub-processor is established.
	Country compliance.Country `json:"country,omitzero"`
	// Service says what the sub-processor does ("hosting", "support").
	Service string `json:"service,omitempty"`
	// Parent is the sub-processor's parent company, when it has one.
	Parent Parent `json:"parent,omitzero"`
	// DPF is the sub-processor's DPF certification (see [DPF]).
	DPF DPF `json:"dpf,omitzero"`
	// InAdequacyScope is as for [Processor.InAdequacyScope].
	InAdequacyScope bool `json:"inAdequacyScope,omitempty"`
	// Approved is the date the kommune approved the sub-processor (under a
	// specific authorisation), or the date the agreement listing it was
	// signed; zero when it is not approved.
	Approved compliance.Date `json:"approved,omitzero"`
	// Notified is the date the processor notified the kommune of the
	// sub-processor under a general authorisation; the kommune may object
	// within the agreement's notice period.
	Notified compliance.Date `json:"notified,omitzero"`
	// Objected is the date the kommune objected to the sub-processor; zero
	// when it did not.
	Objected compliance.Date `json:"objected,omitzero"`
	// Changed is the date the sub-processor was added or its identity,
	// ownership or locations last changed. A transfer impact assessment
	// made before it must be repeated. Registry.Put sets it.
	Changed compliance.Date `json:"changed,omitzero"`
	// Removed is the date the sub-processor left the chain; zero while it is
	// engaged.
	Removed compliance.Date `json:"removed,omitzero"`
	// FlowDown records that the processor's contract with the sub-processor
	// imposes the same data protection obligations (Art 28(4)).
	FlowDown bool `json:"flowDown,omitempty"`
	// Audited is the date of the latest separate evidence on the
	// sub-processor: the processor's supervision of it, or an audit statement
	// covering it. It is needed when the processor's statement carves
	// sub-processors out.
	Audited compliance.Date `json:"audited,omitzero"`
	// Locations are the places the sub-processor hosts the data or reaches
	// them from.
	Locations []Location `json:"locations,omitempty"`
}

// Missing returns the parts of the sub-processor's identity that are not
// recorded (EDPB Opinion 22/2024).
func (s SubProcessor) Missing() IdentityFields {
	var m IdentityFields
	if strings.TrimSpace(s.Name) == "" {
		m = m.With(IdentityName)
	}
	if strings.TrimSpace(s.Address) == "" {
		m = m.With(IdentityAddress)
	}
	if strings.TrimSpace(s.Contact) == "" {
		m = m.With(IdentityContact)
	}
	if s.Country.IsZero() {
		m = m.With(IdentityCountry)
	}
	if strings.TrimSpace(s.Service) == "" {
		m = m.With(IdentityService)
	}
	return m
}

// label returns the sub-processor's name, or its ID when it has none.
func (s SubProcessor) label() string {
	if n := strings.TrimSpace(s.Name); n != "" {
		return n
	}
	return s.ID.String()
}

// Location is a place where a processor or sub-processor hosts personal data
// or reaches them from: a country, or an international organisation. A
// location outside the EEA is a transfer destination (Chapter V GDPR), and
// its Safeguard and Measures say what the transfer relies on.
type Location struct {
	// Country is the country; zero when Organisation is set.
	Country compliance.Country `json:"country,omitzero"`
	// Organisation is the international organisation; zero when Country is
	// set.
	Organisation InternationalOrganisation `json:"organisation,omitzero"`
	// Access is what happens to the data there.
	Access Access `json:"access"`
	// Measures are the supplementary measures that protect the data there.
	Measures Measures `json:"measures,omitzero"`
	// Safeguard is the transfer tool where no adequacy decision applies.
	Safeguard Safeguard `json:"safeguard,omitzero"`
	// ProviderKeys records the fact that the provider — the processor or
	// sub-processor, or the importer there — holds the keys to the
	// encrypted data, not the kommune or a trusted entity in the EEA or an
	// adequate country. Encryption with provider-held keys is not an
	// effective measure: use case 1 of Annex 2 of EDPB Recommendations
	// 01/2020 requires keys retained under the exporter's control, and
	// Datatilsynet DK's cloud guidance (9 March 2022) treats the provider's
	// access as processing and so as a transfer. KeyEncryption then does
	// not count ([Location.UseCase]).
	ProviderKeys bool `json:"providerKeys,omitempty"`
	// Surveillance records the fact that the recipient there is subject to
	// laws that let public authorities access the data beyond what is
	// necessary and proportionate in a democratic society — for the United
	// States, FISA section 702 for an electronic communication service
	// provider (C-311/18, Schrems II). With access to the data in the clear
	// it is the situation of Annex 2, use cases 6 and 7 of EDPB
	// Recommendations 01/2020, in which the EDPB finds no effective
	// measure: a transfer impact assessment that concludes otherwise is
	// contradicted by the record, and the facts win.
	Surveillance bool `json:"surveillance,omitempty"`
}

// UseCase returns the use case of Annex 2 of EDPB Recommendations 01/2020
// that the location's recorded facts describe: [AssessMeasures] of its
// access and measures, except that key encryption does not count when the
// provider holds the keys (ProviderKeys).
func (l Location) UseCase() UseCase {
	ms := l.Measures
	if l.ProviderKeys {
		ms = ms.Without(KeyEncryption)
	}
	return AssessMeasures(l.Access, ms)
}

// thirdCountry reports whether the location is outside the EEA (an
// international organisation is always a transfer destination).
func (l Location) thirdCountry() bool {
	return l.Organisation.Valid() || (!l.Country.EEA() && !l.Country.EEAUnsettled())
}

// Safeguard is the transfer tool a transfer relies on where no adequacy
// decision applies (Art 46, 49 GDPR), with the transfer impact assessment
// Schrems II requires for the tools of Art 46.
type Safeguard struct {
	// Tool is the transfer tool.
	Tool Tool `json:"tool,omitzero"`
	// Module is the module of the 2021/914 clauses (Tool SCC).
	Module Module `json:"module,omitzero"`
	// Derogation is the derogation relied on (Tool DerogationTool).
	Derogation Derogation `json:"derogation,omitzero"`
	// Signed is the date the clauses were signed or the tool took effect
	// (BCR approval, the authority's authorisation).
	Signed compliance.Date `json:"signed,omitzero"`
	// TIA is the transfer impact assessment.
	TIA TIA `json:"tia,omitzero"`
}

// IsZero reports whether no safeguard is recorded.
func (s Safeguard) IsZero() bool { return s == Safeguard{} }

// TIA is a transfer impact assessment: the assessment of whether the third
// country's law and practice let the importer honour the transfer tool
// (C-311/18; Clause 14 of the 2021/914 clauses; EDPB Recommendations
// 01/2020, steps 3 and 4).
type TIA struct {
	// Date is the date of the assessment.
	Date compliance.Date `json:"date,omitzero"`
	// Conclusion is its outcome.
	Conclusion Conclusion `json:"conclusion,omitzero"`
	// Reference is the kommune's reference to the document.
	Reference string `json:"reference,omitempty"`
}

// Validate reports every problem with the record at once, as a
// [*compliance.ValidationError] naming each field by its JSON path. It
// checks form, not compliance: a record without an agreement is valid (and
// [Snapshot.Check] denies shares with it).
func (p Processor) Validate() error {
	var v compliance.Validation
	v.Require("id", !p.ID.IsZero())
	checkName(&v, "name", p.Name, true)
	checkCountry(&v, "country", p.Country, true)
	switch {
	case !p.CVR.IsZero() && !p.OrgNr.IsZero():
		v.Add("orgnr", compliance.ReasonInconsistent)
	case p.Country == countryDK:
		v.Require("cvr", !p.CVR.IsZero())
	case p.Country == countryNO:
		v.Require("orgnr", !p.OrgNr.IsZero())
	}
	checkExternalIDs(&v, "external-ids", p.ExternalIDs)
	p.Parent.validate(&v, "parent")
	p.DPF.validate(&v, "dpf")
	checkName(&v, "service", p.Service, false)
	checkList(&v, "contacts", len(p.Contacts))
	for i, c := range p.Contacts {
		path := "contacts[" + strconv.Itoa(i) + "]"
		checkName(&v, path+".role", c.Role, false)
		checkName(&v, path+".name", c.Name, false)
		checkName(&v, path+".email", c.Email, false)
		checkName(&v, path+".phone", c.Phone, false)
		if strings.TrimSpace(c.Name) == "" && strings.TrimSpace(c.Email) == "" {
			v.Add(path+".name", compliance.ReasonRequired)
		}
	}
	checkDate(&v, "exposureAssessed", p.ExposureAssessed)

	checkList(&v, "agreements", len(p.Agreements))
	seenA := map[AgreementID]bool{}
	for i, a := range p.Agreements {
		path := "agreements[" + strconv.Itoa(i) + "]"
		v.Check(path, a.Validate())
		if !a.ID.IsZero() && seenA[a.ID] {
			v.Add(path+".id", compliance.ReasonDuplicate)
		}
		seenA[a.ID] = true
	}
	checkList(&v, "subProcessors", len(p.SubProcessors))
	seenS := map[SubProcessorID]bool{}
	for i, s := range p.SubProcessors {
		path := "subProcessors[" + strconv.Itoa(i) + "]"
		v.Check(path, s.Validate())
		if !s.ID.IsZero() && seenS[s.ID] {
			v.Add(path+".id", compliance.ReasonDuplicate)
		}
		seenS[s.ID] = true
	}
	checkLocations(&v, "locations", p.Locations)
	checkList(&v, "audits", len(p.Audits))
	seenU := map[AuditID]bool{}
	for i, a := range p.Audits {
		path := "audits[" + strconv.Itoa(i) + "]"
		v.Check(path, a.Validate())
		if !a.ID.IsZero() && seenU[a.ID] {
			v.Add(path+".id", compliance.ReasonDuplicate)
		}
		seenU[a.ID] = true
	}
	v.Check("supervision", p.Supervision.Validate())
	return v.Err("processor")
}

// Validate reports every problem with the sub-processor. Missing identity
// fields are not errors (they are findings of [Snapshot.Check]); malformed
// ones are.
func (s SubProcessor) Validate() error {
	var v compliance.Validation
	v.Require("id", !s.ID.IsZero())
	checkName(&v, "name", s.Name, false)
	checkText(&v, "address", s.Address)
	checkName(&v, "contact", s.Contact, false)
	checkCountry(&v, "country", s.Country, false)
	checkName(&v, "service", s.Service, false)
	s.Parent.validate(&v, "parent")
	s.DPF.validate(&v, "dpf")
	checkDate(&v, "approved", s.Approved)
	checkDate(&v, "notified", s.Notified)
	checkDate(&v, "objected", s.Objected)
	checkDate(&v, "changed", s.Changed)
	checkDate(&v, "removed", s.Removed)
	checkDate(&v, "audited", s.Audited)
	checkLocations(&v, "locations", s.Locations)
	return v.Err("subProcessor")
}

// Validate reports every problem with the location: exactly one of Country
// and Organisation, a known Access, known measures, and a consistent
// safeguard.
func (l Location) Validate() error {
	var v compliance.Validation
	switch {
	case l.Country.IsZero() && l.Organisation == 0:
		v.Add("country", compliance.ReasonRequired)
	case !l.Country.IsZero() && l.Organisation != 0:
		v.Add("organisation", compliance.ReasonInconsistent)
	}
	checkCountry(&v, "country", l.Country, false)
	if l.Organisation != 0 && !l.Organisation.Valid() {
		v.Add("organisation", compliance.ReasonUnknown)
	}
	v.Require("access", l.Access.Valid())
	if l.Measures&^allMeasureSet != 0 {
		v.Add("measures", compliance.ReasonUnknown)
	}
	v.Check("safeguard", l.Safeguard.Validate())
	return v.Err("location")
}

// Validate reports every problem with the safeguard: a module exactly for
// the clauses, a derogation exactly for the derogation tool, a date for
// every tool but a derogation, and a TIA that has both a date and a
// conclusion or neither.
func (s Safeguard) Validate() error {
	var v compliance.Validation
	if s.IsZero() {
		return nil
	}
	v.Require("tool", s.Tool.Valid())
	switch {
	case s.Module != 0 && !s.Module.Valid():
		v.Add("module", compliance.ReasonUnknown)
	case s.Tool == SCC:
		v.Require("module", s.Module.Valid())
	case s.Module != 0:
		v.Add("module", compliance.ReasonInconsistent)
	}
	switch {
	case s.Derogation != 0 && !s.Derogation.Valid():
		v.Add("derogation", compliance.ReasonUnknown)
	case s.Tool == DerogationTool:
		v.Require("derogation", s.Derogation.Valid())
	case s.Derogation != 0:
		v.Add("derogation", compliance.ReasonInconsistent)
	}
	checkDate(&v, "signed", s.Signed)
	if s.Tool.Valid() && s.Tool != DerogationTool {
		v.Require("signed", !s.Signed.IsZero())
	}
	if s.TIA != (TIA{}) {
		checkDate(&v, "tia.date", s.TIA.Date)
		v.Require("tia.date", !s.TIA.Date.IsZero())
		v.Require("tia.conclusion", s.TIA.Conclusion.Valid())
		checkName(&v, "tia.reference", s.TIA.Reference, false)
		if s.Tool == DerogationTool {
			v.Add("tia", compliance.ReasonInconsistent)
		}
	}
	return v.Err("safeguard")
}

func (p Parent) validate(v *compliance.Validation, path string) {
	checkName(v, path+".name", p.Name, false)
	checkCountry(v, path+".country", p.Country, false)
	if strings.TrimSpace(p.Name) != "" && p.Country.IsZero() {
		v.Add(path+".country", compliance.ReasonRequired)
	}
}

func (d DPF) validate(v *compliance.Validation, path string) {
	checkDate(v, path+".since", d.Since)
	checkDate(v, path+".due", d.Due)
	checkDate(v, path+".checked", d.Checked)
	if d.IsZero() {
		return
	}
	v.Require(path+".since", !d.Since.IsZero())
	v.Require(path+".due", !d.Due.IsZero())
	if !d.Since.IsZero() && !d.Due.IsZero() && d.Due.Before(d.Since) {
		v.Add(path+".due", compliance.ReasonRange)
	}
}

func checkLocations(v *compliance.Validation, path string, ls []Location) {
	checkList(v, path, len(ls))
	for i, l := range ls {
		v.Check(path+"["+strconv.Itoa(i)+"]", l.Validate())
	}
}

func checkName(v *compliance.Validation, field, s string, required bool) {
	switch {
	case len(s) > maxName:
		v.Add(field, compliance.ReasonTooLong)
	case required && strings.TrimSpace(s) == "":
		v.Add(field, compliance.ReasonRequired)
	default:
		v.Text(field, s, maxName, false)
	}
}

func checkText(v *compliance.Validation, field, s string) {
	v.Text(field, s, maxText, true)
}

func checkCountry(v *compliance.Validation, field string, c compliance.Country, required bool) {
	switch {
	case c.IsZero():
		if required {
			v.Add(field, compliance.ReasonRequired)
		}
	case !c.Valid():
		v.Add(field, compliance.ReasonUnknown)
	}
}

func checkDate(v *compliance.Validation, field string, d compliance.Date) {
	if !d.IsZero() && !d.Valid() {
		v.Add(field, compliance.ReasonDate)
	}
}

func checkList(v *compliance.Validation, field string, n int) {
	if n > maxList {
		v.Add(field, compliance.ReasonTooLong)
	}
}

// Clone returns a deep copy of p: no slice of the copy shares memory with p.
func (p Processor) Clone() Processor {
	p.Contacts = slices.Clone(p.Contacts)
	p.ExternalIDs = slices.Clone(p.ExternalIDs)
	if p.Agreements != nil {
		as := make([]Agreement, len(p.Agreements))
		for i, a := range p.Agreements {
			as[i] = a.Clone()
		}
		p.Agreements = as
	}
	if p.SubProcessors != nil {
		ss := make([]SubProcessor, len(p.SubProcessors))
		for i, s := range p.SubProcessors {
			s.Locations = slices.Clone(s.Locations)
			ss[i] = s
		}
		p.SubProcessors = ss
	}
	p.Locations = slices.Clone(p.Locations)
	if p.Audits != nil {
		us := make([]Audit, len(p.Audits))
		for i, a := range p.Audits {
			a.Deviations = slices.Clone(a.Deviations)
			us[i] = a
		}
		p.Audits = us
	}
	return p
}

// LogValue implements [slog.LogValuer]: the processor's ID, version, country
// and the sizes of its lists, never its contacts or free text.
func (p Processor) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", p.ID.String()),
		slog.Uint64("version", p.Version),
		slog.String("country", p.Country.String()),
		slog.Int("agreements", len(p.Agreements)),
		slog.Int("subProcessors", len(p.SubProcessors)),
		slog.Int("audits", len(p.Audits)),
	)
}

// LogValue implements [slog.LogValuer]: the sub-processor's ID and country.
func (s SubProcessor) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", s.ID.String()), slog.String("country", s.Country.String()))
}

// LogValue implements [slog.LogValuer]: a placeholder, never the person.
func (c Contact) LogValue() slog.Value { return slog.StringValue("[contact]") }
