package record_test

import (
	"encoding/json"
	"iter"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// TestRecordsCodesArePinned pins every code of the vocabularies of the
// records of processing and of the export. Codes reach JSON and host
// databases: add new ones at the end; never rename or reorder.
func TestRecordsCodesArePinned(t *testing.T) {
	pinned := map[string][2][]string{
		"role":            {codesOf(record.AllRoles()), {"controller", "processor"}},
		"activity-status": {codesOf(record.AllStatuses()), {"draft", "approved"}},
		"recipient-kind":  {codesOf(record.AllRecipientKinds()), {"public-authority", "private", "international-organisation"}},
		"disclosure":      {codesOf(record.AllDisclosureGrounds()), {"explicit-consent", "overriding-interests", "authority-task", "public-sector-task"}},
		"safeguard":       {codesOf(record.AllSafeguards()), {"adequacy-decision", "standard-clauses", "binding-corporate-rules", "ad-hoc-clauses", "derogation"}},
		"erasure-start":   {codesOf(record.AllErasureStarts()), {"case-closed", "collection", "relationship-ended", "purpose-fulfilled"}},
		"measure":         {codesOf(record.AllMeasures()), {"encryption-in-transit", "encryption-at-rest", "pseudonymisation", "access-control", "logging", "backup", "multi-factor-authentication", "training", "testing"}},
		"id-condition":    {codesOf(record.AllIDConditions()), {"identification", "file-number", "required-by-law", "consent", "research-statistics", "disclosure-identification", "special-conditions"}},
		"screening":       {codesOf(record.AllScreenings()), {"required", "not-required"}},
		"record-field":    {codesOf(record.AllFields()), {"controller-name", "controller-contact", "dpo", "purposes", "subjects", "data", "recipients", "transfers", "erasure", "security", "on-behalf-of", "client-contact", "processing"}},
		"export-field": {codesOf(record.AllExportFields()), {"id", "name", "role", "status", "controller", "contact", "joint-controllers",
			"dpo", "on-behalf-of", "purposes", "subjects", "data", "scale", "recipients", "transfers", "erasure",
			"security", "special", "criminal", "national-id", "processors", "dpia", "classification", "owner",
			"reviewed-on", "next-review", "description"}},
	}
	for name, p := range pinned {
		assert.Equal(t, p[1], p[0], name)
	}
	_, err := record.ParseMeasure("Encryption")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestActivityFixturesValid(t *testing.T) {
	for _, a := range []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()} {
		assert.NoError(t, a.Validate(), a.Name)
	}
}

func recFields(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []string
	for _, f := range ve.Fields {
		got = append(got, f.Field)
	}
	return got
}

func TestActivityValidate(t *testing.T) {
	for _, tt := range []struct {
		name   string
		edit   func(*record.Activity)
		fields []string
	}{
		{"empty", func(a *record.Activity) { *a = record.Activity{} },
			[]string{"role", "name", "controller.jurisdiction", "status"}},
		{"unknown codes", func(a *record.Activity) { a.Role, a.Status, a.Purposes[0].Basis = 9, 9, 9 },
			[]string{"role", "purposes[0].basis", "status"}},
		{"purpose data outside the activity's data", func(a *record.Activity) {
			a.Purposes[0].Data = a.Purposes[0].Data.With(compliance.Health)
		}, []string{"purposes[0].data"}},
		{"recipient data outside the activity's data", func(a *record.Activity) {
			a.Recipients[0].Data = compliance.CategoriesOf(compliance.Religion)
		}, []string{"recipients[0].data"}},
		{"CVR for a Norwegian controller", func(a *record.Activity) { a.Controller.Jurisdiction = compliance.NO },
			[]string{"controller.cvr"}},
		{"bad e-mail", func(a *record.Activity) { a.DPO.Email = "dpo at eksempel.dk" }, []string{"dpo.email"}},
		{"control character in a name", func(a *record.Activity) { a.Name = "Løn\x00" }, []string{"name"}},
		{"line break in a name, allowed in a description", func(a *record.Activity) {
			a.Name, a.Description = "Løn\nadministration", "Linje 1\nLinje 2"
		}, []string{"name"}},
		{"name too long", func(a *record.Activity) { a.Name = strings.Repeat("x", record.MaxName+1) }, []string{"name"}},
		{"invalid UTF-8", func(a *record.Activity) { a.Owner.System = "\xff" }, []string{"owner.system"}},
		{"whitespace only", func(a *record.Activity) { a.Description = "  " }, []string{"description"}},
		{"transfer inside the EEA", func(a *record.Activity) {
			a.Transfers = []record.Transfer{{Country: compliance.MustCountry("SE"), Recipient: "x"}, {Recipient: "y"}}
		}, []string{"transfers[0].country", "transfers[1].country"}},
		{"erasure period without its event", func(a *record.Activity) { a.Erasure.From = 0 }, []string{"erasure.from"}},
		{"erasure event without period", func(a *record.Activity) { a.Erasure.Period = compliance.Period{} }, []string{"erasure.from"}},
		{"erasure period invalid", func(a *record.Activity) { a.Erasure.Period.N = 0 }, []string{"erasure.period"}},
		{"duplicate measures", func(a *record.Activity) {
			a.Security.Measures = append(a.Security.Measures, record.Logging)
		}, []string{"security.measures[5]"}},
		{"Art 9 condition without special categories", func(a *record.Activity) {
			a.Special.Conditions = []compliance.SpecialCondition{compliance.ExplicitConsent}
		}, []string{"special.conditions"}},
		{"bad national basis ref", func(a *record.Activity) {
			a.Purposes[0].NationalBasis = compliance.Ref{Instrument: compliance.DKAct, Article: "1"}
		}, []string{"purposes[0].nationalBasis.doc"}},
		{"processor without ID or name", func(a *record.Activity) {
			a.Processors = append(a.Processors, record.ProcessorUse{})
		}, []string{"processors[1]"}},
		{"KLE codes", func(a *record.Activity) {
			a.Classification = []record.Classification{
				{Scheme: compliance.KLE, Code: "00.01.00"}, {Scheme: compliance.KLE, Code: "G01"}, {Scheme: compliance.KLE, Code: "Ø12"},
				{Scheme: compliance.KLE, Code: "00.01.00 A00"}, {Scheme: compliance.KLE, Code: "02"},
				{Scheme: compliance.KLE, Code: "0.01.00"}, {Scheme: compliance.KLE, Code: "00.1.00"}, {Scheme: compliance.KLE, Code: "00.01.0"},
				{Scheme: compliance.KLE, Code: "B01"}, {Scheme: compliance.KLE, Code: "A0"},
				{Scheme: compliance.Noark, Code: "233 &17"}, {Scheme: compliance.Noark, Code: " F47"}, {Code: "x"},
				{Scheme: compliance.Custom, Code: "x"},
			}
		}, []string{"classification[5].code", "classification[6].code", "classification[7].code", "classification[8].code",
			"classification[9].code", "classification[11].code", "classification[12].scheme", "classification[13].scheme"}},
		{"onBehalfOf in a controller's record", func(a *record.Activity) {
			a.OnBehalfOf = []record.ProcessingFor{{Controller: record.Party{Name: "x"}}}
		}, []string{"onBehalfOf"}},
		{"consent age without a service, out of range", func(a *record.Activity) {
			a.Purposes = append(a.Purposes, record.Purpose{Name: "x", ConsentAge: 13}, record.Purpose{Name: "y", InformationService: true, ConsentAge: 30})
		}, []string{"purposes[1].consentAge", "purposes[2].consentAge"}},
		{"publication consent without publication", func(a *record.Activity) { a.NationalID.PublicationConsent = true },
			[]string{"nationalId.publicationConsent"}},
		{"noRecipients with recipients", func(a *record.Activity) { a.NoRecipients = true }, []string{"noRecipients"}},
		{"bad dates", func(a *record.Activity) { a.NextReview = compliance.Date{Year: 2025, Month: 2, Day: 30} }, []string{"nextReview"}},
		{"negative count", func(a *record.Activity) { a.SubjectCount = -1 }, []string{"subjectCount"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := recPersonnel()
			tt.edit(&a)
			assert.Equal(t, tt.fields, recFields(t, a.Validate()))
		})
	}
}

// Art 30(1) and 30(2): every missing item is named with its point.
func TestActivityMissing(t *testing.T) {
	a := record.Activity{Role: record.RoleController, Name: "x", Status: record.Approved,
		Controller: record.Party{Jurisdiction: compliance.DK, PublicAuthority: true}}
	fs := a.Missing()
	var got []string
	for _, f := range fs {
		got = append(got, f.Subject+" "+f.Refs.At(0).String()+" "+f.Severity.String())
		assert.Equal(t, record.CodeMissing, f.Code)
		assert.Equal(t, compliance.Accountability, f.Principle)
	}
	assert.Equal(t, []string{
		"controller.name gdpr art 30(1)(a) violation",
		"controller.contact gdpr art 30(1)(a) violation",
		"dpo gdpr art 30(1)(a) violation",
		"purposes gdpr art 30(1)(b) violation",
		"subjects gdpr art 30(1)(c) violation",
		"data gdpr art 30(1)(c) violation",
		"recipients gdpr art 30(1)(d) violation",
		"erasure gdpr art 30(1)(f) warning",
		"security gdpr art 30(1)(g) warning",
	}, got)
	assert.Contains(t, fs[2].Refs.Slice(), compliance.GDPR(37, 1, "a"), "Art 37(1)(a): a public authority must designate a DPO")
	assert.Equal(t, []compliance.Arg{compliance.Name(record.FieldPurposes)}, fs[3].Args)

	a.Status = record.Draft
	for _, f := range a.Missing() {
		assert.Equal(t, compliance.Warning, f.Severity, "a draft is work in progress")
	}
	a.Controller.PublicAuthority = false
	assert.Len(t, a.Missing(), 8, "a private controller: the DPO only where applicable")
	a.NoRecipients = true
	assert.Len(t, a.Missing(), 7, "noRecipients answers Art 30(1)(d)")

	p := record.Activity{Role: record.RoleProcessor, Name: "y", Status: record.Approved,
		Controller: record.Party{Name: "Kommune", Jurisdiction: compliance.DK, Contact: record.ContactDetails{Email: "a@b.dk"}},
		OnBehalfOf: []record.ProcessingFor{{Controller: record.Party{Name: "Nabo"}}}}
	got = nil
	for _, f := range p.Missing() {
		got = append(got, f.Subject+" "+f.Refs.At(0).String())
	}
	assert.Equal(t, []string{
		"onBehalfOf[0].controller.contact gdpr art 30(2)(a)",
		"onBehalfOf[0].processing gdpr art 30(2)(b)",
		"security gdpr art 30(2)(d)",
	}, got)
	p.OnBehalfOf = nil
	assert.Equal(t, "onBehalfOf", p.Missing()[0].Subject)
}

func TestActivityClone(t *testing.T) {
	a := recSharedESDH()
	b := a.Clone()
	b.OnBehalfOf[0].Processing[0] = "changed"
	b.Security.Measures[0] = record.Logging
	b.Classification[0].Code = "changed"
	assert.Equal(t, recSharedESDH(), a)
	s := recSchool()
	c := s.Clone()
	c.Purposes[0].Name, c.Transfers[0].Recipient, c.Processors[0].Name = "x", "x", "x"
	c.Special.Conditions[0], c.NationalID.Conditions[0] = compliance.ExplicitConsent, record.IDConsent
	assert.Equal(t, recSchool(), s)
}

// LogValue gives IDs and codes, never names or contact details.
func TestActivityLogValue(t *testing.T) {
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("x", "activity", recSchool())
	out := b.String()
	assert.Contains(t, out, `"status":"approved"`)
	assert.Contains(t, out, `"health"`)
	for _, s := range []string{"dpo@eksempel.dk", "Databeskyttelsesrådgiveren", "Rådhuspladsen", "Skoleplatform"} {
		assert.NotContains(t, out, s)
	}
}

// The JSON form round-trips through DecodeActivity.
func TestActivityJSONRoundTrip(t *testing.T) {
	for _, a := range []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()} {
		data, err := json.Marshal(a)
		require.NoError(t, err)
		back, err := record.DecodeActivity(data)
		require.NoError(t, err, a.Name)
		assert.Equal(t, a, back)
		var plain record.Activity
		require.NoError(t, json.Unmarshal(data, &plain))
		assert.Equal(t, a, plain)
	}
}

// DecodeActivity names every bad field by its JSON path and never repeats
// input text.
func TestDecodeActivityErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		fields   []string
		detail   string
	}{
		{"not JSON", `{"name":`, []string{""}, "format"},
		{"not an object", `[1,2]`, []string{""}, "format"},
		{"trailing data", `{} {}`, []string{""}, "format"},
		{"unknown member, not named", `{"Navn":"Kristian Hansen 0101701234"}`, []string{""}, "unknown member (accepted: id, version, role, name"},
		{"member names are exact", `{"Name":"x"}`, []string{""}, "unknown member"},
		{"duplicate member", `{"name":"a","name":"b"}`, []string{"name"}, "duplicate"},
		{"wrong type", `{"name":7}`, []string{"name"}, "format"},
		{"unknown code with path", `{"purposes":[{"name":"a"},{"name":"b","basis":"public-interest"}]}`,
			[]string{"purposes[1].basis"}, "unknown legal-basis (accepted: consent, contract"},
		{"unknown data category", `{"data":["health","hemmelig"]}`, []string{"data"}, "unknown data-category"},
		{"bad country", `{"recipients":[{"name":"x","country":"XX"}]}`, []string{"recipients[0].country"}, "unknown"},
		{"bad date", `{"nextReview":"2025-02-30"}`, []string{"nextReview"}, "date"},
		{"bad period", `{"erasure":{"period":"P1Y2M"}}`, []string{"erasure.period"}, "format"},
		{"bad ref", `{"special":{"nationalRule":"dk-dbl § 7(4"}}`, []string{"special.nationalRule"}, "format"},
		{"bad id", `{"processors":[{"id":"NOT-A-UUID-0101701234"}]}`, []string{"processors[0].id"}, "length"},
		{"bad CVR", `{"controller":{"cvr":"12345678"}}`, []string{"controller.cvr"}, "checksum"},
		{"array expected", `{"purposes":{"name":"x"}}`, []string{"purposes"}, "format"},
		{"several at once", `{"role":"owner","status":"final","purposes":[{"basis":"x"}]}`,
			[]string{"role", "status", "purposes[0].basis"}, "unknown role"},
		{"decodes, then validated", `{"role":"controller","status":"draft","controller":{}}`,
			[]string{"name", "controller.jurisdiction"}, "required"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := record.DecodeActivity([]byte(tt.in))
			assert.Equal(t, tt.fields, recFields(t, err))
			assert.Contains(t, err.Error(), tt.detail)
			for _, secret := range []string{"Kristian", "0101701234", "hemmelig", "public-interest", "XX", "owner"} {
				if strings.Contains(tt.in, secret) {
					assert.NotContains(t, err.Error(), secret)
				}
			}
		})
	}
	_, err := record.DecodeActivity([]byte(`"` + strings.Repeat("x", record.MaxDecode) + `"`))
	assert.Equal(t, []string{""}, recFields(t, err))
}

// The provisions behind the vocabularies: DBL § 8, stk. 2, nr. 1-4 and
// stk. 4; the Chapter V tools.
func TestRecordsVocabularyRefs(t *testing.T) {
	var got []string
	for g := range record.AllDisclosureGrounds() {
		got = append(got, g.Ref(true).String())
	}
	assert.Equal(t, []string{"dk-dbl § 8(2)(1)", "dk-dbl § 8(2)(2)", "dk-dbl § 8(2)(3)", "dk-dbl § 8(2)(4)"}, got)
	assert.Equal(t, "dk-dbl § 8(4)", record.DisclosureExplicitConsent.Ref(false).String())
	got = nil
	for s := range record.AllSafeguards() {
		got = append(got, s.Ref().String())
	}
	assert.Equal(t, []string{"gdpr art 45(1)", "gdpr art 46(2)(c)", "gdpr art 47", "gdpr art 46(3)(a)", "gdpr art 49(1)"}, got)
	assert.True(t, record.DisclosureGround(0).Ref(true).IsZero())
	assert.True(t, record.Safeguard(0).Ref().IsZero())
}

// codesOf returns the codes of every value, in numeric order.
func codesOf[T interface{ String() string }](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}
