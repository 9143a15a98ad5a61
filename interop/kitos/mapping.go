package kitos

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
)

// Mapping turns KITOS's option values into tillid's codes. KITOS's option
// lists (oversight options, bases for transfer, sensitive personal data,
// registered data categories, countries) are names each kommune's local
// administrator can add to and rename, so the mapping is configuration: a
// kommune extends [DefaultMapping] with its own names, usually from a JSON
// file ([ParseMapping]). Names are compared by [interop.Norm]
// (case-insensitively, white space collapsed). A name the mapping does not
// know is reported with where it came from and left out; it is never
// guessed.
type Mapping struct {
	// Template is the template recorded on agreements made from
	// registrations. KITOS does not record which text an agreement is
	// built on; the default, "custom", claims nothing, so that
	// processor.Check asks for the Art 28(3) content to be recorded rather
	// than assume the clauses of a standard text.
	Template processor.Template `json:"template"`
	// AuditTypes maps oversight option names (oversight.oversightOptions)
	// to the type of evidence an oversight date becomes.
	AuditTypes map[string]processor.AuditType `json:"auditTypes,omitempty"`
	// Bases maps basis-for-transfer option names to a transfer tool code of
	// package processor ("scc", "bcr", …), or to "eea" (no transfer tool
	// is needed: the data stay in the EU/EEA) or "none" (no basis).
	Bases map[string]string `json:"bases,omitempty"`
	// Categories maps the names of sensitive personal data and registered
	// data categories of system usages to data categories. Names of
	// tillid's data categories in Danish, Norwegian and English, and their
	// codes, are known without an entry.
	Categories map[string]compliance.DataCategory `json:"categories,omitempty"`
	// Countries maps insecure-country option names to countries. ISO codes
	// and the CLDR names of countries in Danish, Norwegian and English are
	// known without an entry.
	Countries map[string]compliance.Country `json:"countries,omitempty"`
	// Organizations gives the country of establishment of a KITOS
	// organisation, by its UUID. KITOS records no country; a valid Danish
	// CVR number means Denmark, and an organisation without one needs an
	// entry here, or its processor is not imported.
	Organizations map[string]compliance.Country `json:"organizations,omitempty"`
	// TransferAccess, when set, is the kind of access recorded on the
	// locations made from KITOS's insecure third countries. KITOS records
	// the country but not whether the data are hosted there or reached
	// from there; without TransferAccess no location is made and the
	// report says so.
	TransferAccess processor.Access `json:"transferAccess,omitzero"`
}

// DefaultMapping returns the mapping of KITOS's own default option values,
// as KITOS seeds them (os2kitos/kitos,
// Infrastructure.DataAccess/Migrations/SQLScripts/AddDefaultDpaTypesToExistingDb.sql):
//
//   - oversight options: "Ledelseserklæring" (management statement) is
//     the processor's self-assessment, "Skriftlig kontrol" (written
//     control) the kommune's questionnaire, "Fysisk tilsyn" a physical
//     inspection, "ISAE 3402 type 1" and "type 2" those reports. "Egen
//     kontrol" (the kommune's own control) and "ISAE 3000" (no type) have
//     no single type and are left unmapped;
//   - bases for transfer: "EU og EØS" is eea, "EU's standard kontrakt
//     /standard contract clauses" scc, "Binding corporate rules / BCR"
//     bcr, "Intet" none; "Andet" (other) is left unmapped.
//
// The specific personal data of a system usage are KITOS's fixed enum
// GDPRPersonalDataChoice and are mapped in code: CprNumber is
// national-id, SocialProblems social-issues, OtherPrivateMatters family
// (databeskyttelsesloven § 8 and § 11's "andre rent private forhold").
func DefaultMapping() Mapping {
	return Mapping{
		Template: processor.TemplateCustom,
		AuditTypes: map[string]processor.AuditType{
			"Ledelseserklæring": processor.SelfAssessment,
			"Skriftlig kontrol": processor.Questionnaire,
			"Fysisk tilsyn":     processor.Inspection,
			"ISAE 3402 type 1":  processor.ISAE3402Type1,
			"ISAE 3402 type 2":  processor.ISAE3402Type2,
		},
		Bases: map[string]string{
			"EU og EØS": "eea",
			"EU's standard kontrakt /standard contract clauses": "scc",
			"Binding corporate rules / BCR":                     "bcr",
			"Intet":                                             "none",
		},
	}
}

// ParseMapping reads a mapping from JSON, strictly (unknown fields are
// errors), over the defaults: entries of the JSON are added to
// [DefaultMapping]'s, and a set template or access replaces the default.
// The input is at most 1 MiB.
func ParseMapping(b []byte) (Mapping, error) {
	if len(b) > 1<<20 {
		return Mapping{}, &compliance.FieldError{Field: "mapping", Reason: compliance.ReasonTooLong}
	}
	var m Mapping
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		var fe *compliance.FieldError
		if errors.As(err, &fe) {
			return Mapping{}, &compliance.FieldError{Field: "mapping." + fe.Field, Reason: fe.Reason}
		}
		return Mapping{}, &compliance.FieldError{Field: "mapping", Reason: compliance.ReasonFormat}
	}
	if len(bytes.TrimSpace(b[dec.InputOffset():])) > 0 {
		return Mapping{}, &compliance.FieldError{Field: "mapping", Reason: compliance.ReasonFormat}
	}
	d := DefaultMapping()
	if m.Template != 0 {
		d.Template = m.Template
	}
	if m.TransferAccess != 0 {
		d.TransferAccess = m.TransferAccess
	}
	for k, v := range m.AuditTypes {
		d.AuditTypes[k] = v
	}
	for k, v := range m.Bases {
		d.Bases[k] = v
	}
	d.Categories, d.Countries, d.Organizations = m.Categories, m.Countries, m.Organizations
	return d, d.Validate()
}

// Validate reports a mapping whose values are not known codes.
func (m Mapping) Validate() error {
	var v compliance.Validation
	v.Require("template", m.Template.Valid())
	if m.TransferAccess != 0 && !m.TransferAccess.Valid() {
		v.Add("transferAccess", compliance.ReasonUnknown)
	}
	for _, t := range m.AuditTypes {
		if !t.Valid() {
			v.Add("auditTypes", compliance.ReasonUnknown)
		}
	}
	for _, b := range m.Bases {
		if _, ok := basis(b); !ok {
			v.Add("bases", compliance.ReasonUnknown)
		}
	}
	for _, c := range m.Categories {
		if !c.Valid() {
			v.Add("categories", compliance.ReasonUnknown)
		}
	}
	for _, c := range m.Countries {
		if !c.Valid() {
			v.Add("countries", compliance.ReasonUnknown)
		}
	}
	for k, c := range m.Organizations {
		if _, err := uuid.Parse(k); err != nil || !c.Valid() {
			v.Add("organizations", compliance.ReasonUnknown)
		}
	}
	return v.Err("mapping")
}

// basis reads a Bases value: a tool code, "eea" or "none".
func basis(s string) (processor.Tool, bool) {
	switch s {
	case "eea", "none":
		return 0, true
	}
	t, err := processor.ParseTool(s)
	return t, err == nil
}

// compiled is a mapping with its keys in Norm form.
type compiled struct {
	Mapping
	audit      map[string]processor.AuditType
	bases      map[string]string
	categories map[string]compliance.DataCategory
	countries  map[string]compliance.Country
	orgs       map[string]compliance.Country
}

func (m Mapping) compile() *compiled {
	c := &compiled{Mapping: m, audit: map[string]processor.AuditType{}, bases: map[string]string{},
		categories: map[string]compliance.DataCategory{}, countries: map[string]compliance.Country{}, orgs: map[string]compliance.Country{}}
	for k, v := range m.AuditTypes {
		c.audit[interop.Norm(k)] = v
	}
	for k, v := range m.Bases {
		c.bases[interop.Norm(k)] = v
	}
	for k, v := range m.Categories {
		c.categories[interop.Norm(k)] = v
	}
	for k, v := range m.Countries {
		c.countries[interop.Norm(k)] = v
	}
	for k, v := range m.Organizations {
		c.orgs[strings.ToLower(k)] = v
	}
	return c
}

func (c *compiled) category(name string) (compliance.DataCategory, bool) {
	if v, ok := c.categories[interop.Norm(name)]; ok {
		return v, true
	}
	return interop.DataCategoryByName(name)
}

func (c *compiled) country(name string) (compliance.Country, bool) {
	if v, ok := c.countries[interop.Norm(name)]; ok {
		return v, true
	}
	return interop.CountryByName(name)
}

// specific maps KITOS's GDPRPersonalDataChoice.
func specific(s string) (compliance.DataCategory, bool) {
	switch s {
	case "CprNumber":
		return compliance.NationalID, true
	case "SocialProblems":
		return compliance.SocialIssues, true
	case "OtherPrivateMatters":
		return compliance.Family, true
	}
	return 0, false
}

// Interval returns the oversight interval a KITOS OversightIntervalChoice
// stands for. "BiYearly" is every half year, not every two years: the API
// member BiYearly = 0 is KITOS's domain value Halvårligt = 0 ("half-yearly";
// os2kitos/kitos Presentation.Web/Models/API/V2/Types/Shared/OversightIntervalChoice.cs
// and Core.DomainModel/Shared/YearMonthIntervalOption.cs, where every
// second year is the separate EveryOtherYear = 2 / Hver_andet_år = 2).
// "Other" and "Undecided" have no interval: ok is false.
func Interval(choice string) (p compliance.Period, ok bool) {
	switch choice {
	case "BiYearly":
		return compliance.Months(6), true
	case "Yearly":
		return compliance.Years(1), true
	case "EveryOtherYear":
		return compliance.Years(2), true
	}
	return compliance.Period{}, false
}
