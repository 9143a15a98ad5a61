package dpia_test

import (
	"bytes"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

var (
	processorA = compliance.ProcessorID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000a1")}
	processorB = compliance.ProcessorID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000b2")}
)

func date(y int, m time.Month, d int) compliance.Date {
	return compliance.Date{Year: y, Month: m, Day: d}
}

func calendar(t testing.TB, j compliance.Jurisdiction) *compliance.Calendar {
	t.Helper()
	cal, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
	require.NoError(t, err)
	return cal
}

// welfare returns a complete DPIA of a welfare-technology fall sensor in a
// Norwegian kommune's home care: every element of Art 35(7), the DPO's
// advice and the views of the elderly people's council.
func welfare() dpia.Assessment {
	return dpia.Assessment{
		Jurisdiction: compliance.NO,
		Title:        "Fallsensor i hjemmetjenesten",
		Screening:    dpia.Required,
		Description: dpia.Description{
			Purposes:     []string{"Varsle hjemmetjenesten når en bruker faller"},
			Basis:        compliance.PublicTask,
			Categories:   compliance.CategoriesOf(compliance.Identity, compliance.Health, compliance.UsageData),
			Subjects:     compliance.SubjectsOf(compliance.Elderly),
			Recipients:   []string{"Hjemmetjenesten"},
			Retention:    compliance.Months(3),
			Processors:   []compliance.ProcessorID{processorA},
			Technologies: []string{"bevegelsessensor"},
			Assets:       []string{"sensor i boligen", "mottakssentral"},
			Functional:   "Sensoren melder fall til mottakssentralen, som varsler vakthavende.",
		},
		Necessity: dpia.Necessity{
			Summary: "Varsling er nødvendig for å gi forsvarlige tjenester; bare fall registreres.",
			Topics: []dpia.Note{
				{Topic: dpia.TopicPurpose, Text: "Bare varsling ved fall."},
				{Topic: dpia.TopicLawfulness, Text: "Helse- og omsorgstjenesteloven."},
				{Topic: dpia.TopicMinimisation, Text: "Ingen lyd eller bilde."},
				{Topic: dpia.TopicRetention, Text: "Hendelser slettes etter tre måneder."},
				{Topic: dpia.TopicInformation, Text: "Skriftlig informasjon ved tildeling."},
				{Topic: dpia.TopicAccess, Text: "Innsyn via tjenestekontoret."},
				{Topic: dpia.TopicRectification, Text: "Retting i fagsystemet."},
				{Topic: dpia.TopicObjection, Text: "Brukeren kan si nei til sensoren."},
				{Topic: dpia.TopicProcessors, Text: "Databehandleravtale med leverandøren."},
			},
		},
		Risks: []dpia.Risk{
			{Kind: dpia.IllegitimateAccess, Impacts: "Andre får vite om brukerens helse.",
				Inherent: dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Significant},
				Residual: dpia.Rating{Likelihood: dpia.Limited, Severity: dpia.Significant},
				Measures: []string{"M1"}},
			{Kind: dpia.UnwantedModification,
				Inherent: dpia.Rating{Likelihood: dpia.Limited, Severity: dpia.Limited},
				Residual: dpia.Rating{Likelihood: dpia.Limited, Severity: dpia.Limited}},
			{Kind: dpia.Disappearance, Impacts: "Et fall blir ikke varslet.",
				Inherent: dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Maximum},
				Residual: dpia.Rating{Likelihood: dpia.Negligible, Severity: dpia.Maximum},
				Measures: []string{"M2"}},
		},
		Measures: []dpia.Measure{
			{Key: "M1", Title: "Kryptert overføring og tilgangsstyring", Kind: dpia.Technical, Status: dpia.Implemented},
			{Key: "M2", Title: "Reservelinje og daglig test av sensoren", Kind: dpia.Organisational, Status: dpia.Planned, Due: date(2025, time.April, 1)},
		},
		DPOAdvice: dpia.Advice{Date: date(2025, time.February, 10), Conclusion: dpia.ProceedWithChanges, Summary: "Reservelinje må på plass."},
		Views:     dpia.Views{Status: dpia.Sought, Date: date(2025, time.February, 1), Means: "Eldrerådet", Summary: "Positive."},
	}
}

func check(t *testing.T, a dpia.Assessment, at time.Time, p *dpia.Policy) dpia.Report {
	t.Helper()
	r, err := dpia.Check(a, at, calendar(t, a.Jurisdiction), p)
	require.NoError(t, err)
	for _, f := range r.Findings {
		require.NoError(t, f.Validate(), "finding %s", f.Code)
	}
	return r
}

var march2025 = time.Date(2025, time.March, 3, 10, 0, 0, 0, time.UTC)

func TestCheckComplete(t *testing.T) {
	r := check(t, welfare(), march2025, nil)
	assert.True(t, r.Complete)
	assert.False(t, r.Consult)
	assert.Equal(t, dpia.Medium, r.Residual)
	// Art 35(7) content present: no element, topic or risk missing. The
	// transfers topic is not asked for, as nothing is transferred.
	assert.Equal(t, []compliance.Code{
		dpia.CodeRiskLevel, dpia.CodeRiskLevel, dpia.CodeRiskLevel,
		dpia.CodeMeasurePending, dpia.CodeIrreversible, dpia.CodeDPOAdvice,
	}, codesOf(r.Findings))
	f, _ := findingWith(r.Findings, dpia.CodeRiskLevel)
	assert.Equal(t, []string{"dpia.risk.illegitimate-access", "dpia.risk-level.high", "dpia.risk-level.medium"},
		[]string{f.Args[0].Keys[0], f.Args[1].Keys[0], f.Args[2].Keys[0]})
	f, _ = findingWith(r.Findings, dpia.CodeMeasurePending)
	assert.Equal(t, "M2", f.Args[1].Text, "the disappearance risk rests on the planned back-up line")
	f, _ = findingWith(r.Findings, dpia.CodeIrreversible)
	assert.Equal(t, "risks[2]", f.Subject, "WP248 III.E: maximum severity remains")
}

func TestCheckMissing(t *testing.T) {
	a := dpia.Assessment{Jurisdiction: compliance.DK, Title: "Udkast",
		Description: dpia.Description{Basis: compliance.LegitimateInterests, Processors: []compliance.ProcessorID{processorA},
			Transfers: []compliance.Country{compliance.MustCountry("US")}}}
	r := check(t, a, march2025, nil)
	assert.False(t, r.Complete)
	var elems []string
	var topics []string
	var risks []string
	for _, f := range r.Findings {
		switch f.Code {
		case dpia.CodeMissing:
			elems = append(elems, f.Subject)
		case dpia.CodeTopicMissing:
			topics = append(topics, f.Subject)
		case dpia.CodeRiskMissing:
			risks = append(risks, f.Subject)
		}
	}
	assert.Equal(t, []string{"purposes", "categories", "subjects", "legitimate-interest", "recipients", "retention",
		"functional-description", "assets", "necessity", "measures", "dpo-advice", "views"}, elems)
	assert.Equal(t, []string{"purpose", "lawfulness", "minimisation", "retention", "information", "access",
		"rectification", "objection", "processors", "transfers"}, topics, "WP248 Annex 2, with processors and transfers as they apply")
	assert.Equal(t, []string{"illegitimate-access", "unwanted-modification", "disappearance"}, risks, "WP248 Annex 2: each of the three risks")
}

func TestCheckCompletenessIsLaw(t *testing.T) {
	// WP248 Annex 2's further items (recipients, storage period, functional
	// description, assets, views, topics) warn but leave the DPIA complete;
	// Art 35(7) and 35(2) content does not.
	a := welfare()
	a.Description.Recipients, a.Description.Retention, a.Description.Functional, a.Description.Assets = nil, compliance.Period{}, "", nil
	a.Views = dpia.Views{}
	a.Necessity.Topics = nil
	assert.True(t, check(t, a, march2025, nil).Complete)
	for name, mutate := range map[string]func(*dpia.Assessment){
		"Art 35(7)(a) purposes":   func(a *dpia.Assessment) { a.Description.Purposes = nil },
		"Art 35(7)(b) necessity":  func(a *dpia.Assessment) { a.Necessity.Summary = "" },
		"Art 35(7)(c) unrated":    func(a *dpia.Assessment) { a.Risks[1].Residual = dpia.Rating{} },
		"Art 35(7)(c) a risk":     func(a *dpia.Assessment) { a.Risks = a.Risks[:2] },
		"Art 35(7)(d) measures":   func(a *dpia.Assessment) { a.Measures = nil; a.Risks[0].Measures = nil; a.Risks[2].Measures = nil },
		"Art 35(2) DPO's advice":  func(a *dpia.Assessment) { a.DPOAdvice = dpia.Advice{} },
		"Art 35(7)(a) 6(1)(f)":    func(a *dpia.Assessment) { a.Description.Basis = compliance.LegitimateInterests },
		"Art 35(7)(a) categories": func(a *dpia.Assessment) { a.Description.Categories = 0 },
	} {
		t.Run(name, func(t *testing.T) {
			a := welfare()
			mutate(&a)
			assert.False(t, check(t, a, march2025, nil).Complete)
		})
	}
}

func TestCheckRisks(t *testing.T) {
	rated := func(il, is, rl, rs dpia.Level, ms ...string) dpia.Risk {
		return dpia.Risk{Kind: dpia.IllegitimateAccess, Inherent: dpia.Rating{Likelihood: il, Severity: is},
			Residual: dpia.Rating{Likelihood: rl, Severity: rs}, Measures: ms}
	}
	cases := []struct {
		name    string
		risk    dpia.Risk
		has     []compliance.Code
		consult bool
	}{
		{"residual rated above inherent", rated(dpia.Limited, dpia.Limited, dpia.Significant, dpia.Limited),
			[]compliance.Code{dpia.CodeResidualAbove}, false},
		{"lower residual risk without a linked measure (Art 35(7)(d))", rated(dpia.Significant, dpia.Significant, dpia.Limited, dpia.Limited),
			[]compliance.Code{dpia.CodeResidualNoMeasures}, false},
		{"residual risk stays high: prior consultation (Art 36(1), WP248 III.E)", rated(dpia.Maximum, dpia.Significant, dpia.Significant, dpia.Significant, "M1"),
			[]compliance.Code{dpia.CodeConsultRequired}, true},
		{"WP248 III.E laptop example: encryption, key management and backups bring the risk down, no consultation",
			rated(dpia.Significant, dpia.Significant, dpia.Negligible, dpia.Significant, "M1"), nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := welfare()
			a.Risks[0] = tc.risk
			r := check(t, a, march2025, nil)
			assert.Equal(t, tc.consult, r.Consult)
			for _, c := range tc.has {
				assert.Contains(t, codesOf(r.Findings), c)
			}
			if !tc.consult {
				assert.NotContains(t, codesOf(r.Findings), dpia.CodeConsultRequired)
			}
		})
	}
}

func TestCheckApprovedWithoutConsultation(t *testing.T) {
	a := welfare()
	a.Risks[0].Residual = dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Maximum}
	a.SignOff = dpia.SignOff{Date: date(2025, time.March, 1), Role: "kommunedirektør", Decision: dpia.Approved}
	r := check(t, a, march2025, nil)
	f, ok := findingWith(r.Findings, dpia.CodeApprovedWithoutConsult)
	require.True(t, ok)
	assert.Equal(t, compliance.Violation, f.Severity, "Art 36(1): consult prior to processing")
	a.Consultation.Received = date(2025, time.March, 3)
	r = check(t, a, march2025, nil)
	assert.NotContains(t, codesOf(r.Findings), dpia.CodeApprovedWithoutConsult)
}

func TestCheckIncompleteApproved(t *testing.T) {
	a := welfare()
	a.DPOAdvice = dpia.Advice{}
	a.SignOff = dpia.SignOff{Date: date(2025, time.March, 1), Role: "kommunedirektør", Decision: dpia.Conditional}
	r := check(t, a, march2025, nil)
	f, ok := findingWith(r.Findings, dpia.CodeIncompleteApproved)
	require.True(t, ok)
	assert.Equal(t, compliance.Violation, f.Severity)
	a.SignOff.Decision = dpia.Rejected
	assert.NotContains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeIncompleteApproved)
}

func TestDefaultMatrix(t *testing.T) {
	m := dpia.DefaultMatrix()
	require.NoError(t, m.Validate())
	cases := []struct {
		l, s dpia.Level
		want dpia.RiskLevel
	}{
		{dpia.Negligible, dpia.Negligible, dpia.Low},
		{dpia.Limited, dpia.Limited, dpia.Low},
		{dpia.Maximum, dpia.Limited, dpia.Medium},
		{dpia.Limited, dpia.Maximum, dpia.Medium},
		{dpia.Significant, dpia.Significant, dpia.High},
		{dpia.Maximum, dpia.Maximum, dpia.High},
	}
	for _, tc := range cases {
		r := dpia.Rating{Likelihood: tc.l, Severity: tc.s}
		assert.Equal(t, tc.want, r.Level(m), "likelihood %s, severity %s", tc.l, tc.s)
		assert.Equal(t, tc.want, r.Level(dpia.Matrix{}), "the zero Matrix is the default")
	}
	assert.Equal(t, dpia.RiskLevel(0), dpia.Rating{Likelihood: dpia.Limited}.Level(m), "half rated")
	assert.Error(t, dpia.Matrix{{dpia.Low}}.Validate())
}

func TestCheckPolicyMatrix(t *testing.T) {
	// A stricter kommune reads maximum severity as high at any likelihood
	// (WP248 III.E: consequences the data subjects may not overcome).
	m := dpia.DefaultMatrix()
	m[3] = [4]dpia.RiskLevel{dpia.High, dpia.High, dpia.High, dpia.High}
	r := check(t, welfare(), march2025, &dpia.Policy{Matrix: m})
	assert.True(t, r.Consult, "the disappearance risk stays at maximum severity")
	assert.Equal(t, dpia.High, r.Residual)
}

func TestAdviceDeadline(t *testing.T) {
	cases := []struct {
		name     string
		j        compliance.Jurisdiction
		c        dpia.Consultation
		last     compliance.Date
		rolled   bool
		days     int
		unrolled compliance.Date
	}{
		{"Art 36(2): eight weeks from receipt", compliance.DK,
			dpia.Consultation{Received: date(2025, time.March, 17)}, date(2025, time.May, 12), false, 0, date(2025, time.May, 12)},
		{"Art 36(2): extended by six weeks, fourteen weeks from receipt", compliance.DK,
			dpia.Consultation{Received: date(2025, time.March, 17), Extended: true}, date(2025, time.June, 23), false, 0, date(2025, time.June, 23)},
		{"Art 36(2) and Reg 1182/71 Art 3(4): eight weeks end on Ascension Day (NO), so on the Friday", compliance.NO,
			dpia.Consultation{Received: date(2025, time.April, 3)}, date(2025, time.May, 30), true, 0, date(2025, time.May, 29)},
		{"Art 36(2) last sentence: suspended for fourteen days while Datatilsynet awaited information", compliance.DK,
			dpia.Consultation{Received: date(2025, time.March, 17),
				Suspensions: []dpia.Suspension{{From: date(2025, time.March, 24), To: date(2025, time.April, 7)}}},
			date(2025, time.May, 26), false, 14, date(2025, time.May, 26)},
		{"suspensions moving the end onto Whit Sunday: Whit Monday is a DK holiday, so the Tuesday", compliance.DK,
			dpia.Consultation{Received: date(2025, time.March, 17),
				Suspensions: []dpia.Suspension{{From: date(2025, time.March, 20), To: date(2025, time.March, 30)}, {From: date(2025, time.April, 1), To: date(2025, time.April, 18)}}},
			date(2025, time.June, 10), true, 27, date(2025, time.June, 8)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cal := calendar(t, tc.j)
			d, days, err := dpia.AdviceDeadline(tc.c, cal)
			require.NoError(t, err)
			assert.Equal(t, tc.last, d.LastDay)
			assert.Equal(t, tc.unrolled, d.Unrolled)
			assert.Equal(t, tc.rolled, d.Rolled)
			assert.Equal(t, tc.days, days)
			assert.True(t, d.End.Equal(d.LastDay.AddDays(1).In(cal.Location())))
		})
	}
	_, _, err := dpia.AdviceDeadline(dpia.Consultation{}, calendar(t, compliance.DK))
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestCheckConsultation(t *testing.T) {
	high := func() dpia.Assessment {
		a := welfare()
		a.Risks[0].Residual = dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Maximum}
		a.Jurisdiction = compliance.DK
		return a
	}
	t.Run("Art 36(2): advice due eight weeks after receipt", func(t *testing.T) {
		a := high()
		a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17)}
		r := check(t, a, march2025, nil)
		assert.True(t, r.Consult)
		assert.Equal(t, date(2025, time.May, 12), r.AdviceDue)
		f, ok := findingWith(r.Findings, dpia.CodeConsultDue)
		require.True(t, ok)
		assert.Equal(t, date(2025, time.May, 12), f.Args[1].Date)
		assert.Contains(t, f.Refs.Slice(), compliance.GDPR(36, 2, ""))
	})
	t.Run("Art 36(2): extension notified after one month (Skærtorsdag rolls the month to 22 April)", func(t *testing.T) {
		a := high()
		a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17), Extended: true, ExtensionNotice: date(2025, time.April, 22)}
		r := check(t, a, march2025, nil)
		assert.Equal(t, date(2025, time.June, 23), r.AdviceDue)
		assert.Contains(t, codesOf(r.Findings), dpia.CodeConsultExtended)
		assert.NotContains(t, codesOf(r.Findings), dpia.CodeExtensionNoticeLate)
		a.Consultation.ExtensionNotice = date(2025, time.April, 23)
		assert.Contains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeExtensionNoticeLate)
	})
	t.Run("the period passes without an answer, then an answer is recorded", func(t *testing.T) {
		a := high()
		a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17)}
		cal := calendar(t, compliance.DK)
		atEnd := date(2025, time.May, 13).In(cal.Location())
		assert.NotContains(t, codesOf(check(t, a, atEnd.Add(-time.Nanosecond), nil).Findings), dpia.CodeConsultLapsed)
		assert.Contains(t, codesOf(check(t, a, atEnd, nil).Findings), dpia.CodeConsultLapsed)
		a.Consultation.Answered = date(2025, time.May, 2)
		r := check(t, a, atEnd, nil)
		assert.Contains(t, codesOf(r.Findings), dpia.CodeConsultAnswered)
		assert.NotContains(t, codesOf(r.Findings), dpia.CodeConsultLapsed)
	})
	t.Run("suspension is reported in days", func(t *testing.T) {
		a := high()
		a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17),
			Suspensions: []dpia.Suspension{{From: date(2025, time.March, 24), To: date(2025, time.April, 7)}}}
		f, ok := findingWith(check(t, a, march2025, nil).Findings, dpia.CodeConsultSuspended)
		require.True(t, ok)
		assert.Equal(t, int64(14), f.Args[0].Int)
	})
}

func TestCheckDPOAndViews(t *testing.T) {
	t.Run("WP248 III.D.b: a decision against the DPO's advice needs reasons", func(t *testing.T) {
		a := welfare()
		a.DPOAdvice.Conclusion = dpia.DoNotProceed
		a.SignOff = dpia.SignOff{Date: date(2025, time.March, 1), Role: "kommunedirektør", Decision: dpia.Approved}
		assert.Contains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeDPOOverruled)
		a.SignOff.Reasons = "Tjenesten er lovpålagt; restrisikoen er akseptert."
		assert.NotContains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeDPOOverruled)
	})
	t.Run("Art 35(9) and WP248 III.D.b: views not sought need reasons", func(t *testing.T) {
		a := welfare()
		a.Views = dpia.Views{Status: dpia.NotSought}
		assert.Contains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeViewsReasonMissing)
		a.Views.Reason = "Uforholdsmessig"
		assert.NotContains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeViewsReasonMissing)
	})
	t.Run("WP248 III.D.b: going ahead against the views needs reasons", func(t *testing.T) {
		a := welfare()
		a.Views.Differs = true
		assert.Contains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeViewsDiffer)
		a.Views.Response = "Sikkerheten veier tyngst."
		assert.NotContains(t, codesOf(check(t, a, march2025, nil).Findings), dpia.CodeViewsDiffer)
	})
}

func TestCheckReview(t *testing.T) {
	a := welfare()
	a.Editions = []dpia.Edition{
		{Number: 1, Date: date(2019, time.June, 14), Decision: dpia.Approved},
		{Number: 2, Date: date(2021, time.January, 20), Decision: dpia.Approved, Triggers: []dpia.Trigger{dpia.NewSubProcessor}},
	}
	a.SignOff = dpia.SignOff{Date: date(2021, time.January, 20), Role: "kommunedirektør", Decision: dpia.Approved}
	p := &dpia.Policy{ReviewInterval: compliance.Years(3)}

	t.Run("no statutory interval: without a policy, no periodic review", func(t *testing.T) {
		r := check(t, a, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), nil)
		assert.Empty(t, r.Triggers)
		assert.True(t, r.NextReview.IsZero())
	})
	t.Run("the kommune's three years from 20 January 2021 end on Monday 22 January 2024", func(t *testing.T) {
		r := check(t, a, time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC), p)
		assert.Equal(t, date(2024, time.January, 22), r.NextReview)
		assert.Contains(t, codesOf(r.Findings), dpia.CodeReviewNext)
		assert.Empty(t, r.Triggers)
	})
	t.Run("after the interval, a periodic review is due", func(t *testing.T) {
		r := check(t, a, time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), p)
		assert.Equal(t, []dpia.Trigger{dpia.Periodic}, r.Triggers)
		f, ok := findingWith(r.Findings, dpia.CodeReviewPeriodic)
		require.True(t, ok)
		assert.Equal(t, compliance.Years(3), f.Args[0].Period)
	})
	t.Run("Art 35(11): a pending revision's triggers", func(t *testing.T) {
		b := a
		b.SignOff = dpia.SignOff{}
		b.Pending = []dpia.Trigger{dpia.NewTechnology}
		r := check(t, b, march2025, nil)
		assert.Equal(t, []dpia.Trigger{dpia.NewTechnology}, r.Triggers)
	})
}

// TestChanges covers the review triggers of Art 35(11) that a change of the
// processing gives (WP248 III.C).
func TestChanges(t *testing.T) {
	base := welfare().Description
	cases := []struct {
		name   string
		change func(*dpia.Description)
		want   []dpia.Trigger
	}{
		{"no change", func(*dpia.Description) {}, nil},
		{"fewer categories is no trigger", func(d *dpia.Description) { d.Categories = compliance.CategoriesOf(compliance.Health) }, nil},
		{"new data categories: location", func(d *dpia.Description) { d.Categories = d.Categories.With(compliance.Location) }, []dpia.Trigger{dpia.NewDataCategories}},
		{"new subject categories: relatives", func(d *dpia.Description) { d.Subjects = d.Subjects.With(compliance.Relatives) }, []dpia.Trigger{dpia.NewSubjectCategories}},
		{"a new processor", func(d *dpia.Description) { d.Processors = append(d.Processors, processorB) }, []dpia.Trigger{dpia.NewProcessor}},
		{"a new sub-processor", func(d *dpia.Description) { d.SubProcessors = []compliance.ProcessorID{processorB} }, []dpia.Trigger{dpia.NewSubProcessor}},
		{"new technology", func(d *dpia.Description) { d.Technologies = append(d.Technologies, "kamera") }, []dpia.Trigger{dpia.NewTechnology}},
		{"changed purpose", func(d *dpia.Description) { d.Purposes = []string{"Kartlegge døgnrytme"} }, []dpia.Trigger{dpia.ChangedPurpose}},
		{"a transfer to a new country", func(d *dpia.Description) { d.Transfers = []compliance.Country{compliance.MustCountry("US")} }, []dpia.Trigger{dpia.NewTransfer}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur := welfare().Description
			tc.change(&cur)
			assert.Equal(t, tc.want, base.Changes(cur))
		})
	}
	cur := welfare().Description
	cur.SubProcessors = []compliance.ProcessorID{processorB}
	r, err := dpia.Review(welfare(), cur, march2025, calendar(t, compliance.NO), nil)
	require.NoError(t, err)
	assert.Equal(t, []dpia.Trigger{dpia.NewSubProcessor}, r.Triggers)
	f, ok := findingWith(r.Findings, dpia.CodeReview)
	require.True(t, ok)
	assert.Contains(t, f.Refs.Slice(), compliance.GDPR(35, 11, ""))
}

func TestCheckErrors(t *testing.T) {
	a := welfare()
	_, err := dpia.Check(a, march2025, nil, nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = dpia.Check(a, march2025, calendar(t, compliance.DK), nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid, "a Danish calendar for a Norwegian DPIA")
	a.Title = ""
	_, err = dpia.Check(a, march2025, calendar(t, compliance.NO), nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = dpia.Check(welfare(), march2025, calendar(t, compliance.NO), &dpia.Policy{ReviewInterval: compliance.Period{N: -1, Unit: compliance.UnitYears}})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestAssessmentValidate(t *testing.T) {
	require.NoError(t, welfare().Validate())
	secret := "Kari Nordmann"
	cases := []struct {
		name   string
		mutate func(*dpia.Assessment)
		fields []string
	}{
		{"no jurisdiction or title", func(a *dpia.Assessment) { a.Jurisdiction, a.Title = 0, "" }, []string{"jurisdiction", "title"}},
		{"empty purpose", func(a *dpia.Assessment) { a.Description.Purposes = []string{""} }, []string{"description.purposes[0]"}},
		{"legitimate interest without Art 6(1)(f)", func(a *dpia.Assessment) { a.Description.LegitimateInterest = secret }, []string{"description.legitimateInterest"}},
		{"zero and duplicate processors", func(a *dpia.Assessment) {
			a.Description.Processors = []compliance.ProcessorID{{}, processorA, processorA}
		}, []string{"description.processors[0]", "description.processors[2]"}},
		{"duplicate topic", func(a *dpia.Assessment) {
			a.Necessity.Topics = append(a.Necessity.Topics, dpia.Note{Topic: dpia.TopicPurpose, Text: secret})
		}, []string{"necessity.topics[9].topic"}},
		{"risk naming an unknown measure", func(a *dpia.Assessment) { a.Risks[0].Measures = []string{"M9"} }, []string{"risks[0].measures[0]"}},
		{"risk with an unknown level", func(a *dpia.Assessment) { a.Risks[1].Inherent.Severity = 9 }, []string{"risks[1].inherent.severity"}},
		{"duplicate measure key, bad key", func(a *dpia.Assessment) {
			a.Measures = append(a.Measures, dpia.Measure{Key: "M1", Title: "x", Kind: dpia.Technical, Status: dpia.Planned},
				dpia.Measure{Key: "M 3", Title: "x", Kind: dpia.Technical, Status: dpia.Planned})
		}, []string{"measures[2].key", "measures[3].key"}},
		{"DPO advice without date or conclusion", func(a *dpia.Assessment) { a.DPOAdvice = dpia.Advice{Summary: secret} },
			[]string{"dpoAdvice.date", "dpoAdvice.conclusion"}},
		{"views not sought but a summary", func(a *dpia.Assessment) { a.Views.Status = dpia.NotSought }, []string{"views.status"}},
		{"sign-off without role", func(a *dpia.Assessment) {
			a.SignOff = dpia.SignOff{Date: date(2025, 3, 1), Decision: dpia.Approved}
		}, []string{"signOff.role"}},
		{"editions out of order", func(a *dpia.Assessment) {
			a.Editions = []dpia.Edition{{Number: 1, Date: date(2021, 1, 20), Decision: dpia.Approved}, {Number: 3, Date: date(2019, 6, 14), Decision: dpia.Approved}}
		}, []string{"editions[1].number", "editions[1].date"}},
		{"consultation answered before receipt, notice without extension", func(a *dpia.Assessment) {
			a.Consultation = dpia.Consultation{Received: date(2025, 3, 17), Answered: date(2025, 3, 1), ExtensionNotice: date(2025, 4, 1)}
		}, []string{"consultation.answered", "consultation.extensionNotice"}},
		{"suspension before receipt and backwards", func(a *dpia.Assessment) {
			a.Consultation = dpia.Consultation{Received: date(2025, 3, 17), Suspensions: []dpia.Suspension{
				{From: date(2025, 3, 1), To: date(2025, 3, 20)}, {From: date(2025, 4, 10), To: date(2025, 4, 1)}}}
		}, []string{"consultation.suspensions[0].from", "consultation.suspensions[1].to"}},
		{"consultation without receipt", func(a *dpia.Assessment) { a.Consultation = dpia.Consultation{Extended: true} }, []string{"consultation.received"}},
		{"impossible date", func(a *dpia.Assessment) { a.Measures[1].Due = compliance.Date{Year: 2025, Month: 2, Day: 30} }, []string{"measures[1].due"}},
		{"updated before created", func(a *dpia.Assessment) {
			a.Created = march2025
			a.Updated = march2025.Add(-time.Hour)
		}, []string{"updated"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := welfare()
			tc.mutate(&a)
			err := a.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve))
			for _, f := range tc.fields {
				assert.True(t, ve.Has(f), "field %s not in %v", f, err)
			}
			assert.NotContains(t, err.Error(), "Nordmann")
		})
	}
}

func TestLogValueHasNoText(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	a := welfare()
	a.Title = "Kari Nordmanns sak"
	a.Necessity.Summary = "Kari Nordmann"
	in := dpia.Input{Jurisdiction: compliance.NO, Title: "Kari Nordmann", Justification: "Kari Nordmann",
		Criteria: []dpia.Criterion{dpia.Evaluation}}
	s, err := dpia.Screen(in, nil)
	require.NoError(t, err)
	log.Info("x", "assessment", a, "input", in, "screening", s)
	assert.NotContains(t, buf.String(), "Nordmann")
	assert.Contains(t, buf.String(), `"criteria":["evaluation"]`)
}
