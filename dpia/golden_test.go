package dpia_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
)

// goldenFile compares got with testdata/name (see package internal/golden).
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, ""+name, got)
}

// schoolInput is the screening of a learning-analytics platform for a
// Norwegian kommune's schools: item 8 of Datatilsynet's list.
func schoolInput() dpia.Input {
	return dpia.Input{
		Jurisdiction: compliance.NO,
		Title:        "Læringsanalyse i grunnskolen",
		Categories:   compliance.CategoriesOf(compliance.Identity, compliance.Education, compliance.UsageData),
		Subjects:     compliance.SubjectsOf(compliance.Pupils, compliance.Employees),
		Criteria:     []dpia.Criterion{dpia.Evaluation, dpia.SystematicMonitoring},
		Scale:        dpia.Scale{Subjects: 3200, Population: 3400, DataItems: 40, Geography: dpia.Local, Duration: compliance.Years(10)},
		Items:        []dpia.ListItem{dpia.NOLearning, dpia.NOProficiency},
	}
}

func wire(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

// TestWireGolden pins the JSON wire form of the entities and that it
// decodes back to the same value.
func TestWireGolden(t *testing.T) {
	in := schoolInput()
	goldenFile(t, "input.json", wire(t, in))
	back, err := dpia.DecodeInput(wire(t, in))
	require.NoError(t, err)
	assert.Equal(t, in, back)

	s, err := dpia.Screen(in, nil)
	require.NoError(t, err)
	goldenFile(t, "screening.json", wire(t, s))

	a := welfare()
	a.ID = compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	a.Version = 3
	a.SignOff = dpia.SignOff{Date: date(2025, time.March, 3), Role: "kommunedirektør", Decision: dpia.Conditional, Reasons: "M2 innen 1. april."}
	a.Editions = []dpia.Edition{{Number: 1, Date: date(2025, time.March, 3), Decision: dpia.Conditional, DPOConclusion: dpia.ProceedWithChanges, Residual: dpia.Medium}}
	a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17), Extended: true, ExtensionNotice: date(2025, time.April, 10),
		Suspensions: []dpia.Suspension{{From: date(2025, time.March, 24), To: date(2025, time.April, 7)}}}
	a.Created = time.Date(2025, time.February, 3, 8, 0, 0, 0, time.UTC)
	a.Updated = time.Date(2025, time.March, 3, 14, 30, 0, 0, time.UTC)
	goldenFile(t, "assessment.json", wire(t, a))
	backA, err := dpia.DecodeAssessment(wire(t, a))
	require.NoError(t, err)
	assert.Equal(t, string(wire(t, a)), string(wire(t, backA)))
	assert.True(t, a.Created.Equal(backA.Created))

	p := dpia.Policy{
		LargeScale:       dpia.Thresholds{Subjects: 10000, Share: decimal.RequireFromString("0.05"), Geography: dpia.Regional},
		DanishDraftItems: true,
		Custom: []dpia.CustomItem{{Code: "dk-vulnerable", Jurisdiction: compliance.DK, Title: "Sårbare personer",
			Ref: compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "konsekvensanalyseliste 28.01.2019"}, NeedsOther: true}},
		Matrix:         dpia.DefaultMatrix(),
		ReviewInterval: compliance.Years(3),
	}
	goldenFile(t, "policy.json", wire(t, p))
	backP, err := dpia.DecodePolicy(wire(t, p))
	require.NoError(t, err)
	assert.Equal(t, string(wire(t, p)), string(wire(t, backP)))
}

// TestDocumentGolden pins the screening and the assessment report as a
// caseworker reads them, in every language.
func TestDocumentGolden(t *testing.T) {
	s, err := dpia.Screen(schoolInput(), nil)
	require.NoError(t, err)
	a := welfare()
	a.Editions = []dpia.Edition{{Number: 1, Date: date(2019, time.June, 14), Decision: dpia.Approved},
		{Number: 2, Date: date(2021, time.January, 20), Decision: dpia.Conditional, Triggers: []dpia.Trigger{dpia.NewSubProcessor}}}
	a.SignOff = dpia.SignOff{Date: date(2021, time.January, 20), Role: "kommunedirektør", Decision: dpia.Conditional}
	a.Risks[0].Residual = dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Significant}
	a.Consultation = dpia.Consultation{Received: date(2021, time.January, 25)}
	rep, err := dpia.Check(a, time.Date(2021, time.February, 1, 9, 0, 0, 0, time.UTC), calendar(t, compliance.NO),
		&dpia.Policy{ReviewInterval: compliance.Years(3)})
	require.NoError(t, err)
	for _, lang := range []string{"da", "nb", "nn", "en"} {
		p := i18n.NewPrinter(language.MustParse(lang))
		goldenFile(t, "screening_"+lang+".md", []byte(p.Markdown(s.Document())))
		goldenFile(t, "assessment_"+lang+".txt", []byte(p.Text(a.Document(rep))))
	}
}
