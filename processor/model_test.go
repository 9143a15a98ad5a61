package processor_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/golden"
	"github.com/tillid/tillid/processor"
)

func codesOf[T interface{ String() string }](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// TestCodesArePinned pins every code of every vocabulary of the package, in
// numeric order. Codes reach JSON and host databases: add new ones at the
// end, never rename or reorder.
func TestCodesArePinned(t *testing.T) {
	for name, c := range map[string][2][]string{
		"template":      {codesOf(processor.AllTemplates()), {"dk-standard", "eu-2021-915", "eu-2021-914", "no-ssa-d", "kombit", "kl", "custom"}},
		"clause":        {codesOf(processor.AllClauses()), {"subject-matter", "duration", "nature", "purpose", "data-types", "subject-categories", "controller-rights", "instructions", "confidentiality", "security", "sub-processors", "data-subject-rights", "assistance", "deletion", "audits", "infringing-instructions", "in-writing"}},
		"authorisation": {codesOf(processor.AllAuthorisationKinds()), {"none", "specific", "general"}},
		"transfer-rule": {codesOf(processor.AllTransferRules()), {"none", "adequate-only", "listed"}},
		"operation":     {codesOf(processor.AllOperations()), {"collection", "recording", "organisation", "structuring", "storage", "adaptation", "retrieval", "consultation", "use", "disclosure", "alignment", "restriction", "erasure"}},
		"access":        {codesOf(processor.AllAccesses()), {"hosting", "backup", "support", "remote-access", "transit"}},
		"measure":       {codesOf(processor.AllMeasures()), {"key-encryption", "pseudonymisation", "transit-encryption", "protected-recipient", "split-processing", "contractual", "organisational"}},
		"tool":          {codesOf(processor.AllTools()), {"scc", "scc-2010", "bcr", "ad-hoc-clauses", "public-authority-instrument", "code-of-conduct", "certification", "derogation"}},
		"module":        {codesOf(processor.AllModules()), {"c2c", "c2p", "p2p", "p2c"}},
		"derogation":    {codesOf(processor.AllDerogations()), {"explicit-consent", "contract", "contract-in-interest", "public-interest", "legal-claims", "vital-interests", "public-register", "compelling-interests"}},
		"conclusion":    {codesOf(processor.AllConclusions()), {"equivalent", "measures-needed", "not-equivalent"}},
		"audit-type":    {codesOf(processor.AllAuditTypes()), {"isae-3000-type-1", "isae-3000-type-2", "isae-3402-type-1", "isae-3402-type-2", "soc-2-type-1", "soc-2-type-2", "isrs-4400", "self-assessment", "questionnaire", "inspection", "dbs"}},
		"assurance":     {codesOf(processor.AllAssurances()), {"reasonable", "limited"}},
		"opinion":       {codesOf(processor.AllOpinions()), {"unqualified", "qualified", "adverse", "disclaimer"}},
		"follow-up":     {codesOf(processor.AllFollowUps()), {"open", "planned", "resolved", "accepted"}},
		"risk-level":    {codesOf(processor.AllRiskLevels()), {"low", "medium", "high"}},
		"outcome":       {codesOf(processor.AllOutcomes()), {"allow", "allow-with-warnings", "deny"}},
		"scope":         {codesOf(processor.AllScopes()), {"full", "dpf", "limited"}},
		"organisation":  {codesOf(processor.AllInternationalOrganisations()), {"epo"}},
		"use-case":      {codesOf(processor.AllUseCases()), {"encrypted-storage", "pseudonymised", "encrypted-transit", "protected-recipient", "split-processing", "cloud-clear-text", "remote-clear-text"}},
		"identity":      {codesOf(processor.AllIdentityFields()), {"name", "address", "contact", "country", "service"}},
	} {
		assert.Equal(t, c[1], c[0], name)
	}
	for _, code := range processor.Codes() {
		assert.True(t, code.Valid(), "%s", code)
		assert.True(t, strings.HasPrefix(string(code), "processor."), "%s", code)
	}
}

func TestEnumText(t *testing.T) {
	x, err := processor.ParseAccess("support")
	require.NoError(t, err)
	assert.Equal(t, processor.Support, x)
	_, err = processor.ParseAccess("Support")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	b, err := json.Marshal(struct{ A processor.Access }{processor.RemoteAccess})
	require.NoError(t, err)
	assert.JSONEq(t, `{"A":"remote-access"}`, string(b))
	var s processor.Clauses
	assert.ErrorIs(t, json.Unmarshal([]byte(`["purpose","nope"]`), &s), compliance.ErrInvalid)
	require.NoError(t, json.Unmarshal([]byte(`["purpose","audits"]`), &s))
	assert.Equal(t, processor.ClausesOf(processor.Purpose, processor.AuditRights), s)
	assert.Equal(t, 2, s.Len())
}

// The CVR and organisasjonsnummer vectors of reference §5, through the
// processor's validation.
func TestIdentifierVectors(t *testing.T) {
	for _, tt := range []struct {
		name    string
		country string
		field   string
		value   string
		reason  compliance.Reason
	}{
		{"Erhvervsstyrelsen's worked example 13748136", "DK", "cvr", "13748136", 0},
		{"13748137: wrong check digit", "DK", "cvr", "13748137", compliance.ReasonChecksum},
		{"1000005x: no valid check digit exists (remainder 1)", "DK", "cvr", "10000051", compliance.ReasonChecksum},
		{"a Danish processor needs its CVR", "DK", "", "", compliance.ReasonRequired},
		{"python-stdnum doctest 988077917", "NO", "orgnr", "988077917", 0},
		{"Brønnøysund's worked example 123456785 is not a real orgnr", "NO", "orgnr", "123456785", compliance.ReasonUnallocated},
		{"8000005x: no valid check digit exists", "NO", "orgnr", "800000051", compliance.ReasonChecksum},
		{"a Norwegian processor needs its orgnr", "NO", "", "", compliance.ReasonRequired},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := map[string]any{"id": "00000000-0000-7000-8000-000000000001", "version": 0, "name": "Leverandør", "country": tt.country}
			if tt.field != "" {
				doc[tt.field] = tt.value
			}
			b, _ := json.Marshal(doc)
			_, err := processor.ParseProcessor(b)
			if tt.reason == 0 {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.reason, ve.Fields[0].Reason)
			if tt.value != "" {
				assert.NotContains(t, err.Error(), tt.value, "errors never repeat the input")
			}
		})
	}
}

func TestValidate(t *testing.T) {
	require.NoError(t, clean().Validate())
	for _, tt := range []struct {
		name   string
		edit   func(*processor.Processor)
		fields []string
	}{
		{"every problem at once", func(p *processor.Processor) {
			p.Name, p.Country, p.CVR = "", compliance.Country{}, ident.CVR{}
		}, []string{"name", "country"}},
		{"an agreement ending before it starts", func(p *processor.Processor) { p.Agreements[0].To = date(2020, 1, 1) }, []string{"agreements[0].to"}},
		{"duplicate agreement IDs", func(p *processor.Processor) { p.Agreements = append(p.Agreements, p.Agreements[0]) }, []string{"agreements[1].id"}},
		{"countries only with a listed instruction", func(p *processor.Processor) {
			p.Agreements[0].TransferCountries = []compliance.Country{us}
		}, []string{"agreements[0].transferCountries"}},
		{"a notice period only for general authorisation", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing.NoticePeriod = compliance.Days(30)
		}, []string{"agreements[0].subProcessing.kind"}},
		{"duplicate purposes", func(p *processor.Processor) { p.Agreements[0].Purposes = []string{"sag", "sag"} }, []string{"agreements[0].purposes[1]"}},
		{"hours out of range", func(p *processor.Processor) { p.Agreements[0].BreachNoticeHours = -1 }, []string{"agreements[0].breachNoticeHours"}},
		{"a location without a place", func(p *processor.Processor) { p.Locations[0].Country = compliance.Country{} }, []string{"locations[0].country"}},
		{"a location with a country and an organisation", func(p *processor.Processor) { p.Locations[0].Organisation = processor.EPO }, []string{"locations[0].organisation"}},
		{"clauses need a module", func(p *processor.Processor) {
			p.Locations[0].Safeguard = processor.Safeguard{Tool: processor.SCC, Signed: date(2025, 1, 1)}
		}, []string{"locations[0].safeguard.module"}},
		{"a derogation needs its point and no assessment", func(p *processor.Processor) {
			p.Locations[0].Safeguard = processor.Safeguard{Tool: processor.DerogationTool, TIA: processor.TIA{Date: date(2025, 1, 1), Conclusion: processor.Equivalent}}
		}, []string{"locations[0].safeguard.derogation", "locations[0].safeguard.tia"}},
		{"an assessment needs a conclusion", func(p *processor.Processor) {
			p.Locations[0].Safeguard = processor.Safeguard{Tool: processor.BCR, Signed: date(2025, 1, 1), TIA: processor.TIA{Date: date(2025, 1, 1)}}
		}, []string{"locations[0].safeguard.tia.conclusion"}},
		{"an assurance report needs an opinion", func(p *processor.Processor) { p.Audits[0].Opinion = 0 }, []string{"audits[0].opinion"}},
		{"a self-assessment has none", func(p *processor.Processor) {
			p.Audits[0].Type, p.Audits[0].Assurance = processor.SelfAssessment, 0
		}, []string{"audits[0].opinion"}},
		{"type 2 covers a period", func(p *processor.Processor) { p.Audits[0].From = compliance.Date{} }, []string{"audits[0].from"}},
		{"a deviation needs its follow-up", func(p *processor.Processor) { p.Audits[0].Deviations = []processor.Deviation{{Control: "x"}} }, []string{"audits[0].deviations[0].followUp"}},
		{"points out of range", func(p *processor.Processor) { p.Supervision.Points = 11 }, []string{"supervision.points"}},
		{"a DPF certification needs its due date", func(p *processor.Processor) { p.DPF.Since = date(2024, 1, 1) }, []string{"dpf.due"}},
		{"a parent needs its country", func(p *processor.Processor) { p.Parent.Name = "Holding" }, []string{"parent.country"}},
		{"a contact needs a name or an e-mail", func(p *processor.Processor) { p.Contacts = []processor.Contact{{Role: "DPO"}} }, []string{"contacts[0].name"}},
		{"a name with a line break", func(p *processor.Processor) { p.SubProcessors[0].Name = "a\nb" }, []string{"subProcessors[0].name"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			tt.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.ErrorAs(t, err, &ve)
			for _, f := range tt.fields {
				assert.True(t, ve.Has(f), "%s not among %v", f, ve.Fields)
			}
		})
	}
	t.Run("policy", func(t *testing.T) {
		assert.ErrorIs(t, processor.Policy{}.Validate(), compliance.ErrInvalid)
		bad := policyDK()
		bad.Off = []processor.Switch{{From: date(2026, 1, 1)}}
		bad.Extra = []processor.Adequacy{{Country: de, Adopted: date(2026, 1, 1), Scope: processor.FullScope}}
		var ve *compliance.ValidationError
		require.ErrorAs(t, bad.Validate(), &ve)
		assert.True(t, ve.Has("off[0].country"))
		assert.True(t, ve.Has("extra[0].country"), "an EEA country cannot have an adequacy decision")
		assert.True(t, ve.Has("extra[0].ref.instrument"))
	})
	t.Run("request", func(t *testing.T) {
		require.NoError(t, request().Validate())
		var ve *compliance.ValidationError
		require.ErrorAs(t, processor.Request{}.Validate(), &ve)
		for _, f := range []string{"processor", "data", "subjects", "purpose"} {
			assert.True(t, ve.Has(f), f)
		}
	})
}

func TestClone(t *testing.T) {
	p := clean()
	p.Contacts = []processor.Contact{{Name: "Mette Hansen"}}
	p.Audits[0].Deviations = []processor.Deviation{{Control: "x", FollowUp: processor.Open}}
	c := p.Clone()
	c.Agreements[0].Purposes[0] = "changed"
	c.SubProcessors[0].Locations[0].Country = us
	c.Contacts[0].Name = "changed"
	c.Audits[0].Deviations[0].Control = "changed"
	c.Locations[0].Country = us
	assert.Equal(t, "sag", p.Agreements[0].Purposes[0])
	assert.Equal(t, de, p.SubProcessors[0].Locations[0].Country)
	assert.Equal(t, "Mette Hansen", p.Contacts[0].Name)
	assert.Equal(t, "x", p.Audits[0].Deviations[0].Control)
	assert.Equal(t, dk, p.Locations[0].Country)
}

// Contacts are personal data; the log values hold IDs and codes only.
func TestLogValues(t *testing.T) {
	p := clean()
	p.Contacts = []processor.Contact{{Role: "DPO", Name: "Mette Hansen", Email: "mette@example.dk", Phone: "+45 12345678"}}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("x", "processor", p, "contact", p.Contacts[0], "sub", p.SubProcessors[0])
	for _, secret := range []string{"Mette", "mette@", "12345678", "Datacenter GmbH", "Straße"} {
		assert.NotContains(t, buf.String(), secret)
	}
	assert.Contains(t, buf.String(), p.ID.String())
}

// The JSON wire form of a processor record and of a decision are API:
// hosts persist them. Golden files pin them; rewrite with -update.
func TestWireForm(t *testing.T) {
	p := clean()
	p.Parent = processor.Parent{Name: "Holding A/S", Country: dk}
	p.Contacts = []processor.Contact{{Role: "DPO", Name: "Mette Hansen", Email: "dpo@example.dk"}}
	p.DPF = processor.DPF{}
	p.Agreements[0].Operations = processor.OperationsOf(processor.Storage, processor.Retrieval)
	p.Agreements[0].SubProcessing = processor.Authorisation{Kind: processor.AuthorisationGeneral, Notice: true, NoticePeriod: compliance.Days(30), Objection: true}
	p.SubProcessors[0].Notified = date(2024, time.January, 2)
	p.Locations = append(p.Locations, processor.Location{Country: in, Access: processor.Support,
		Measures:  processor.MeasuresOf(processor.Pseudonymisation),
		Safeguard: processor.Safeguard{Tool: processor.SCC, Module: processor.ModuleC2P, Signed: date(2025, 1, 1), TIA: processor.TIA{Date: date(2025, 2, 1), Conclusion: processor.MeasuresNeeded, Reference: "TIA-7"}}})
	p.Audits[0].Deviations = []processor.Deviation{{Control: "A.9.2.3", Description: "access reviews late", FollowUp: processor.Planned, Due: date(2026, 6, 30)}}
	goldenJSON(t, "processor.json", p)
	back, err := processor.ParseProcessor(readGolden(t, "processor.json"))
	require.NoError(t, err)
	assert.Equal(t, p, back, "the wire form round-trips")

	req := request()
	req.Data = req.Data.With(compliance.Health).With(compliance.CriminalOffences)
	req.Subjects = req.Subjects.With(compliance.Children)
	d := compile(t, policyDK(), p).Check(req, at(t))
	require.Equal(t, processor.Deny, d.Outcome)
	goldenJSON(t, "decision.json", d)
	var back2 processor.Decision
	require.NoError(t, json.Unmarshal(readGolden(t, "decision.json"), &back2))
	assert.Equal(t, d.Outcome, back2.Outcome)
	assert.True(t, d.At.Equal(back2.At))
	assert.Equal(t, d.Request, back2.Request)
	assert.Equal(t, len(d.Findings), len(back2.Findings))
	for i := range d.Findings {
		assert.Equal(t, d.Findings[i].Code, back2.Findings[i].Code)
		assert.Equal(t, d.Findings[i].Refs, back2.Findings[i].Refs)
	}
}

func goldenJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	golden.Check(t, name, b)
}

func readGolden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestDecodeErrors(t *testing.T) {
	for _, in := range []string{
		`{"id": "00000000-0000-7000-8000-000000000001", "name": "x", "country": "DK", "cvr": "13748136", "secretField": 1}`,
		`{"id": "00000000-0000-7000-8000-000000000001", "name": 12}`,
		`{"id": "00000000-0000-7000-8000-000000000001"} {}`,
		`{"id": "00000000-0000-7000-8000-000000000001", "name": "x", "country": "DK", "cvr": "13748136"} }`,
		`{"country": "Hemmeligland"}`,
		`{`,
	} {
		_, err := processor.ParseProcessor([]byte(in))
		require.Error(t, err, in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, in)
		for _, word := range []string{"secretField", "Hemmeligland"} {
			assert.NotContains(t, err.Error(), word)
		}
		var ve *compliance.ValidationError
		assert.True(t, errors.As(err, &ve))
	}
}
