package dpia_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

func codesOf(fs []compliance.Finding) []compliance.Code {
	out := make([]compliance.Code, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

func findingWith(fs []compliance.Finding, code compliance.Code) (compliance.Finding, bool) {
	for _, f := range fs {
		if f.Code == code {
			return f, true
		}
	}
	return compliance.Finding{}, false
}

// checkSlice compares got with want unless want is nil; an empty want
// means none.
func checkSlice[T any](t *testing.T, want, got []T) {
	t.Helper()
	switch {
	case want == nil:
	case len(want) == 0:
		assert.Empty(t, got)
	default:
		assert.Equal(t, want, got)
	}
}

type screenCase struct {
	name       string
	policy     *dpia.Policy
	in         dpia.Input
	want       dpia.Outcome
	criteria   []dpia.Criterion // nil: not checked
	situations []dpia.Situation
	items      []dpia.ListItem
	has        []compliance.Code
	hasNot     []compliance.Code
}

func runScreen(t *testing.T, cases []screenCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in.Title == "" {
				tc.in.Title = tc.name
			}
			s, err := dpia.Screen(tc.in, tc.policy)
			require.NoError(t, err)
			assert.Equal(t, tc.want, s.Outcome, "outcome; findings %v", codesOf(s.Findings))
			checkSlice(t, tc.criteria, s.Criteria)
			checkSlice(t, tc.situations, s.Situations)
			checkSlice(t, tc.items, s.Items)
			got := codesOf(s.Findings)
			for _, c := range tc.has {
				assert.Contains(t, got, c)
			}
			for _, c := range tc.hasNot {
				assert.NotContains(t, got, c)
			}
			for _, f := range s.Findings {
				assert.NoError(t, f.Validate(), "finding %s", f.Code)
				assert.NotEmpty(t, f.Refs, "finding %s cites nothing", f.Code)
			}
		})
	}
}

// TestScreenWP248Examples runs the nine examples of WP248 rev.01, section
// III.B.a (the table "Examples of processing"), with the criteria the
// table names. The table answers "DPIA likely to be required?" yes for the
// first six and no for the last three. They are screened for a Danish
// controller with no list items, so that only WP248's rules decide.
func TestScreenWP248Examples(t *testing.T) {
	dk := compliance.DK
	runScreen(t, []screenCase{
		{
			name: "WP248 III.B.a example 1: a hospital processing its patients' genetic and health data (stated criteria)",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{
				dpia.SensitiveData, dpia.VulnerableSubjects, dpia.LargeScale}},
			want:     dpia.LikelyRequired,
			criteria: []dpia.Criterion{dpia.SensitiveData, dpia.LargeScale, dpia.VulnerableSubjects},
			has:      []compliance.Code{dpia.CodeCriteriaMet},
		},
		{
			name: "WP248 III.B.a example 1 with its facts: genetic and health data of patients on a large scale is also Art 35(3)(b)",
			in: dpia.Input{Jurisdiction: dk,
				Categories: compliance.CategoriesOf(compliance.Genetic, compliance.Health),
				Subjects:   compliance.SubjectsOf(compliance.Patients),
				Scale:      dpia.Scale{LargeScale: dpia.Yes}},
			want:       dpia.Required,
			criteria:   []dpia.Criterion{dpia.SensitiveData, dpia.LargeScale, dpia.VulnerableSubjects},
			situations: []dpia.Situation{dpia.SpecialLargeScale},
			has:        []compliance.Code{dpia.CodeCriterionCategories, dpia.CodeCriterionSubjects, dpia.CodeSituation},
			hasNot:     []compliance.Code{dpia.CodeCriteriaMet},
		},
		{
			name: "WP248 III.B.a example 2: cameras monitoring driving behaviour on highways with number-plate recognition",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{
				dpia.SystematicMonitoring, dpia.InnovativeUse}},
			want: dpia.LikelyRequired, criteria: []dpia.Criterion{dpia.SystematicMonitoring, dpia.InnovativeUse},
		},
		{
			name: "WP248 III.B.a example 3: a company systematically monitoring its employees' activities",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{dpia.SystematicMonitoring},
				Subjects: compliance.SubjectsOf(compliance.Employees)},
			want: dpia.LikelyRequired, criteria: []dpia.Criterion{dpia.SystematicMonitoring, dpia.VulnerableSubjects},
		},
		{
			name: "WP248 III.B.a example 4: gathering public social media data for generating profiles",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{
				dpia.Evaluation, dpia.LargeScale, dpia.Matching, dpia.SensitiveData}},
			want: dpia.LikelyRequired,
		},
		{
			name: "WP248 III.B.a example 5: an institution creating a national credit rating or fraud database",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{
				dpia.Evaluation, dpia.AutomatedDecision, dpia.PreventsRights, dpia.SensitiveData}},
			want: dpia.LikelyRequired,
		},
		{
			name: "WP248 III.B.a example 6: archiving pseudonymised sensitive data of vulnerable subjects of research projects",
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{
				dpia.SensitiveData, dpia.VulnerableSubjects, dpia.PreventsRights}},
			want: dpia.LikelyRequired,
		},
		{
			name: "WP248 III.B.a example 7 and Recital 91: patient data processed by an individual physician is not large scale",
			in: dpia.Input{Jurisdiction: dk,
				Categories:             compliance.CategoriesOf(compliance.Health),
				Subjects:               compliance.SubjectsOf(compliance.Patients),
				IndividualProfessional: true},
			want:     dpia.NotRequired,
			criteria: []dpia.Criterion{dpia.SensitiveData, dpia.VulnerableSubjects},
			has:      []compliance.Code{dpia.CodeProfessional, dpia.CodeReasonsMissing, dpia.CodeDPOViewsMissing},
			hasNot:   []compliance.Code{dpia.CodeCriteriaMet, dpia.CodeSituation},
		},
		{
			name: "WP248 III.B.a example 7 with the reasons and the DPO's views recorded",
			in: dpia.Input{Jurisdiction: dk,
				Criteria:               []dpia.Criterion{dpia.SensitiveData, dpia.VulnerableSubjects},
				IndividualProfessional: true,
				Justification:          "Recital 91: one physician's patients.",
				DPOViews:               "Agreed."},
			want:   dpia.NotRequired,
			hasNot: []compliance.Code{dpia.CodeReasonsMissing, dpia.CodeDPOViewsMissing},
		},
		{
			name: "WP248 III.B.a example 8: an online magazine mailing a generic daily digest to its subscribers",
			in:   dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{dpia.LargeScale}},
			want: dpia.NotRequired, criteria: []dpia.Criterion{dpia.LargeScale},
			has: []compliance.Code{dpia.CodeOneCriterion, dpia.CodeReasonsMissing},
		},
		{
			name: "WP248 III.B.a example 9: an e-commerce website with limited profiling on items viewed or bought",
			// WP248 names only criterion 1, so the processing is not on a
			// large scale; left open, the result would depend on it.
			in: dpia.Input{Jurisdiction: dk, Criteria: []dpia.Criterion{dpia.Evaluation},
				Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, criteria: []dpia.Criterion{dpia.Evaluation},
			has: []compliance.Code{dpia.CodeOneCriterion},
		},
		{
			name: "WP248 III.B.a: no criterion met needs no DPIA and no recorded reasons",
			in:   dpia.Input{Jurisdiction: dk, Categories: compliance.CategoriesOf(compliance.Contact), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, criteria: []dpia.Criterion{},
			has:    []compliance.Code{dpia.CodeNoCriteria},
			hasNot: []compliance.Code{dpia.CodeReasonsMissing, dpia.CodeLargeScaleUnknown},
		},
	})
}

// TestScreenNorwegianList screens one processing per item of the Norwegian
// Datatilsynet's decision of 16.03.2019, ref. 18/03670/MLS, mostly with the
// decision's own example; items that need "at least one other criterion"
// are also screened without one.
func TestScreenNorwegianList(t *testing.T) {
	no := compliance.NO
	req := func(it dpia.ListItem) []dpia.ListItem { return []dpia.ListItem{it} }
	runScreen(t, []screenCase{
		{
			name: "Datatilsynet 18/03670/MLS item 1: combining third-party data to decide whether to offer a service (evaluation)",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOThirdParty), Criteria: []dpia.Criterion{dpia.Evaluation}},
			want: dpia.Required, items: req(dpia.NOThirdParty), has: []compliance.Code{dpia.CodeListItem},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 1 without another criterion",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOThirdParty), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, items: []dpia.ListItem{}, has: []compliance.Code{dpia.CodeListItemNoOther, dpia.CodeNoCriteria},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 2: biometric identification on a large scale",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOBiometric),
				Categories: compliance.CategoriesOf(compliance.Biometric), Scale: dpia.Scale{LargeScale: dpia.Yes}},
			want: dpia.Required, items: req(dpia.NOBiometric),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 2: biometric data are themselves the sensitive-data criterion, so it is not the other one",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOBiometric),
				Categories: compliance.CategoriesOf(compliance.Biometric), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeListItemNoOther, dpia.CodeOneCriterion},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 3: gene sequencing on a large scale",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOGenetic),
				Categories: compliance.CategoriesOf(compliance.Genetic), Criteria: []dpia.Criterion{dpia.LargeScale}},
			want: dpia.Required, items: req(dpia.NOGenetic), situations: []dpia.Situation{dpia.SpecialLargeScale},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 4: health data in welfare-technology solutions such as health implants",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOInnovative), Criteria: []dpia.Criterion{dpia.InnovativeUse},
				Categories: compliance.CategoriesOf(compliance.Health), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.Required, items: req(dpia.NOInnovative),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 4: innovative technology alone is not the other criterion",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOInnovative), Criteria: []dpia.Criterion{dpia.InnovativeUse},
				Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeListItemNoOther},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 5: monitoring employees' internet activity and e-mail",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOEmployeeMonitoring), Subjects: compliance.SubjectsOf(compliance.Employees)},
			want: dpia.Required, items: req(dpia.NOEmployeeMonitoring),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 6: health data for research without consent",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOResearchWithoutConsent),
				Categories: compliance.CategoriesOf(compliance.Health)},
			want: dpia.Required, items: req(dpia.NOResearchWithoutConsent),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 7: systematic combination of location and traffic data from telephone records",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOLocation), Criteria: []dpia.Criterion{dpia.SystematicMonitoring},
				Categories: compliance.CategoriesOf(compliance.Location)},
			want: dpia.Required, items: req(dpia.NOLocation),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 7: location data alone is the item's own criterion",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOLocation),
				Categories: compliance.CategoriesOf(compliance.Location), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeListItemNoOther},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 8: evaluating pupils' learning, coping and well-being",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOLearning), Subjects: compliance.SubjectsOf(compliance.Pupils)},
			want: dpia.Required, items: req(dpia.NOLearning),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 9: camera surveillance on a large scale of a public square (also Art 35(3)(c))",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOPublicMonitoring), PublicArea: true,
				Categories: compliance.CategoriesOf(compliance.Images), Scale: dpia.Scale{LargeScale: dpia.Yes}},
			want: dpia.Required, items: req(dpia.NOPublicMonitoring), situations: []dpia.Situation{dpia.PublicMonitoring},
			has: []compliance.Code{dpia.CodeCriterionPublicArea},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 9 when the scale is not established: undetermined",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOPublicMonitoring), PublicArea: true,
				Categories: compliance.CategoriesOf(compliance.Images)},
			want:   dpia.Undetermined,
			has:    []compliance.Code{dpia.CodeIfLargeScale, dpia.CodeLargeScaleOpen},
			hasNot: []compliance.Code{dpia.CodeListItem, dpia.CodeReasonsMissing},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 10: camera surveillance in a kindergarten during opening hours",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOSchoolCamera),
				Subjects: compliance.SubjectsOf(compliance.Children, compliance.Employees)},
			want: dpia.Required, items: req(dpia.NOSchoolCamera),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 11: training algorithms on sensitive data on a large scale",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOAlgorithmTraining),
				Criteria: []dpia.Criterion{dpia.SensitiveData}, Scale: dpia.Scale{LargeScale: dpia.Yes}},
			want: dpia.Required, items: req(dpia.NOAlgorithmTraining),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 11: not on a large scale, the item does not apply",
			in: dpia.Input{Jurisdiction: no, Items: req(dpia.NOAlgorithmTraining),
				Criteria: []dpia.Criterion{dpia.SensitiveData}, Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, items: []dpia.ListItem{}, hasNot: []compliance.Code{dpia.CodeListItem},
		},
		{
			name: "Datatilsynet 18/03670/MLS item 12: systematic monitoring of pupils' skills, scores, mental health and development",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOProficiency)},
			want: dpia.Required, items: req(dpia.NOProficiency),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 13: a commercial service predicting working capacity or health",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOPrediction)},
			want: dpia.Required, items: req(dpia.NOPrediction),
		},
		{
			name: "Datatilsynet 18/03670/MLS item 14: large-scale collection through welfare technology",
			in:   dpia.Input{Jurisdiction: no, Items: req(dpia.NOIoTWelfare), Scale: dpia.Scale{Subjects: 12000, LargeScale: dpia.Yes}},
			want: dpia.Required, items: req(dpia.NOIoTWelfare),
		},
	})
}

// TestScreenDanishList screens the items of the Danish Datatilsynet's list
// of 28.01.2019 (breach-dpia.md §4.4): the confirmed ones, the draft-only
// ones under both settings of Policy.DanishDraftItems, and an item the
// host adds because the sources do not establish it.
func TestScreenDanishList(t *testing.T) {
	dk := compliance.DK
	req := func(it dpia.ListItem) []dpia.ListItem { return []dpia.ListItem{it} }
	vulnerable := &dpia.Policy{Custom: []dpia.CustomItem{{
		Code: "dk-vulnerable", Jurisdiction: dk, Title: "Behandling af sårbare personers personoplysninger",
		Ref: compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "konsekvensanalyseliste 28.01.2019"}, NeedsOther: true,
		Criterion: dpia.VulnerableSubjects,
	}}}
	runScreen(t, []screenCase{
		{
			name: "Datatilsynet (DK) list: biometric identification with another WP248 criterion (employees)",
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKBiometric),
				Categories: compliance.CategoriesOf(compliance.Biometric), Subjects: compliance.SubjectsOf(compliance.Employees)},
			want: dpia.Required, items: req(dpia.DKBiometric),
		},
		{
			name: "Datatilsynet (DK) list: location data without another criterion",
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKLocation),
				Categories: compliance.CategoriesOf(compliance.Location), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeListItemNoOther},
		},
		{
			name: "Datatilsynet (DK) list: innovative technology with health data",
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKInnovative),
				Categories: compliance.CategoriesOf(compliance.Health), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.Required, items: req(dpia.DKInnovative),
		},
		{
			name: "Datatilsynet (DK) list: automated decision on access to a benefit needs no other criterion",
			in:   dpia.Input{Jurisdiction: dk, Items: req(dpia.DKAutomatedDecision)},
			want: dpia.Required, items: req(dpia.DKAutomatedDecision),
		},
		{
			name: "Datatilsynet (DK) draft list: genetic data is not counted unless the policy says so",
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKGenetic), Categories: compliance.CategoriesOf(compliance.Genetic),
				Criteria: []dpia.Criterion{dpia.Matching}, Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.LikelyRequired, items: []dpia.ListItem{}, has: []compliance.Code{dpia.CodeListItemDraft},
		},
		{
			name:   "Datatilsynet (DK) draft list: genetic data with Policy.DanishDraftItems",
			policy: &dpia.Policy{DanishDraftItems: true},
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKGenetic), Categories: compliance.CategoriesOf(compliance.Genetic),
				Criteria: []dpia.Criterion{dpia.Matching}, Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.Required, items: req(dpia.DKGenetic), hasNot: []compliance.Code{dpia.CodeListItemDraft},
		},
		{
			name:   "Datatilsynet (DK) draft list: large-scale profiling with Policy.DanishDraftItems, scale open",
			policy: &dpia.Policy{DanishDraftItems: true},
			in: dpia.Input{Jurisdiction: dk, Items: req(dpia.DKLargeScaleProfiling),
				Criteria: []dpia.Criterion{dpia.Evaluation}},
			want: dpia.Undetermined, has: []compliance.Code{dpia.CodeIfLargeScale, dpia.CodeLargeScaleOpen},
		},
		{
			name:   "Datatilsynet (DK) draft item on vulnerable individuals, configured by the host as a custom item",
			policy: vulnerable,
			in: dpia.Input{Jurisdiction: dk, Custom: []string{"dk-vulnerable"},
				Subjects: compliance.SubjectsOf(compliance.SocialClients), Criteria: []dpia.Criterion{dpia.Matching}},
			want: dpia.Required, has: []compliance.Code{dpia.CodeCustomItem},
		},
		{
			name:   "custom item that needs another criterion, with none",
			policy: vulnerable,
			in: dpia.Input{Jurisdiction: dk, Custom: []string{"dk-vulnerable"},
				Subjects: compliance.SubjectsOf(compliance.SocialClients), Scale: dpia.Scale{LargeScale: dpia.No}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeCustomItemNoOther},
		},
	})
}

// TestScreenKommuneDecisions screens the processing behind decisions of
// the Danish and Norwegian Datatilsynet against kommuner for a missing or
// inadequate DPIA (breach-dpia.md §4.5): each must come out as needing one.
func TestScreenKommuneDecisions(t *testing.T) {
	runScreen(t, []screenCase{
		{
			name: "Ålesund kommune, Datatilsynet 20/02147, 15.03.2021: pupils required to use Strava in physical education",
			in: dpia.Input{Jurisdiction: compliance.NO,
				Categories: compliance.CategoriesOf(compliance.Identity, compliance.Location, compliance.UsageData),
				Subjects:   compliance.SubjectsOf(compliance.Pupils),
				Items:      []dpia.ListItem{dpia.NOLocation}},
			want: dpia.Required, items: []dpia.ListItem{dpia.NOLocation},
		},
		{
			name: "Rælingen kommune, Datatilsynet 20/02191, 2020: Showbie app with health data of special-needs pupils",
			in: dpia.Input{Jurisdiction: compliance.NO,
				Categories: compliance.CategoriesOf(compliance.Identity, compliance.Health, compliance.Education),
				Subjects:   compliance.SubjectsOf(compliance.Pupils, compliance.Parents),
				Scale:      dpia.Scale{Subjects: 40, LargeScale: dpia.No}},
			want: dpia.LikelyRequired, criteria: []dpia.Criterion{dpia.SensitiveData, dpia.VulnerableSubjects},
		},
		{
			name: "Moss kommune, Datatilsynet 20/02165, 04.06.2021: merger of the health-record systems of two kommuner, 28,000 patients",
			in: dpia.Input{Jurisdiction: compliance.NO,
				Categories: compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Health),
				Subjects:   compliance.SubjectsOf(compliance.Patients),
				Criteria:   []dpia.Criterion{dpia.Matching},
				Scale:      dpia.Scale{Subjects: 28000, LargeScale: dpia.Yes, Geography: dpia.Local}},
			want: dpia.Required, situations: []dpia.Situation{dpia.SpecialLargeScale},
		},
		{
			name: "Helsingør Kommune, Datatilsynet 2020-431-0061, 10.09.2021: Chromebooks and Google Workspace for pupils",
			in: dpia.Input{Jurisdiction: compliance.DK,
				Categories: compliance.CategoriesOf(compliance.Identity, compliance.Education, compliance.UsageData),
				Subjects:   compliance.SubjectsOf(compliance.Pupils, compliance.Employees),
				Criteria:   []dpia.Criterion{dpia.Matching},
				Scale:      dpia.Scale{Subjects: 7000, LargeScale: dpia.No}},
			want: dpia.LikelyRequired,
		},
	})
}

// TestScreenLargeScale covers WP248's factors of large scale: the answer,
// the kommune's own thresholds (the sources give none), and an open
// question that the result depends on.
func TestScreenLargeScale(t *testing.T) {
	health := compliance.CategoriesOf(compliance.Health)
	thresholds := &dpia.Policy{LargeScale: dpia.Thresholds{Subjects: 10000, Share: decimal.RequireFromString("0.1")}}
	runScreen(t, []screenCase{
		{
			name:   "threshold on subjects reached: large scale by the kommune's policy, so Art 35(3)(b) applies",
			policy: thresholds,
			in:     dpia.Input{Jurisdiction: compliance.DK, Categories: health, Scale: dpia.Scale{Subjects: 28000}},
			want:   dpia.Required, situations: []dpia.Situation{dpia.SpecialLargeScale},
			has: []compliance.Code{dpia.CodeLargeScalePolicy},
		},
		{
			name:   "threshold on share reached: 500 of 4,000 pupils is more than 10 %",
			policy: thresholds,
			in:     dpia.Input{Jurisdiction: compliance.DK, Categories: health, Scale: dpia.Scale{Subjects: 500, Population: 4000}},
			want:   dpia.Required,
		},
		{
			name:   "every threshold has data and none is reached: not large scale",
			policy: thresholds,
			in:     dpia.Input{Jurisdiction: compliance.DK, Categories: health, Scale: dpia.Scale{Subjects: 100, Population: 50000}},
			want:   dpia.NotRequired,
			has:    []compliance.Code{dpia.CodeNotLargeScalePolicy, dpia.CodeOneCriterion},
		},
		{
			name:   "the share threshold lacks the population: the question stays open",
			policy: thresholds,
			in:     dpia.Input{Jurisdiction: compliance.DK, Categories: health, Scale: dpia.Scale{Subjects: 100}},
			want:   dpia.Undetermined,
		},
		{
			name:   "the kommune's answer prevails over its thresholds",
			policy: thresholds,
			in:     dpia.Input{Jurisdiction: compliance.DK, Categories: health, Scale: dpia.Scale{Subjects: 28000, LargeScale: dpia.No}},
			want:   dpia.NotRequired,
			hasNot: []compliance.Code{dpia.CodeLargeScalePolicy},
		},
		{
			name:   "health data, scale open, no thresholds: undetermined, as Art 35(3)(b) would apply on a large scale",
			in:     dpia.Input{Jurisdiction: compliance.NO, Categories: health},
			want:   dpia.Undetermined,
			has:    []compliance.Code{dpia.CodeLargeScaleUnknown, dpia.CodeIfLargeScale, dpia.CodeLargeScaleOpen},
			hasNot: []compliance.Code{dpia.CodeReasonsMissing},
		},
		{
			// Issue 19: every answer to the open question leads to a DPIA —
			// on a small scale WP248's presumption (health data about
			// pupils: criteria 4 and 7), on a large scale Art 35(3)(b) — so
			// the outcome shared by both is said, and the question named.
			name: "health data about pupils, scale open: a DPIA either way, not undetermined (WP248; Art 35(3)(b))",
			in: dpia.Input{Jurisdiction: compliance.NO, Categories: health,
				Subjects: compliance.SubjectsOf(compliance.Pupils)},
			want:   dpia.LikelyRequired,
			has:    []compliance.Code{dpia.CodeLargeScaleMoot, dpia.CodeIfLargeScale, dpia.CodeCriteriaMet},
			hasNot: []compliance.Code{dpia.CodeLargeScaleOpen},
		},
		{
			name:   "scale open but the result does not depend on it: a list item already requires a DPIA",
			in:     dpia.Input{Jurisdiction: compliance.NO, Categories: health, Items: []dpia.ListItem{dpia.NOLearning}},
			want:   dpia.Required,
			hasNot: []compliance.Code{dpia.CodeLargeScaleOpen},
		},
		{
			name: "scale open, two other criteria already met, Art 35(3)(b) would not change the need: likely required becomes undetermined only if the outcome differs",
			in: dpia.Input{Jurisdiction: compliance.DK, Criteria: []dpia.Criterion{dpia.Evaluation, dpia.Matching},
				Categories: compliance.CategoriesOf(compliance.Contact)},
			want: dpia.LikelyRequired,
		},
	})
}

// TestScreenPresumption covers WP248 III.B.a's two-criteria presumption,
// its rebuttal with recorded reasons, and the exemptions of III.B.b.
func TestScreenPresumption(t *testing.T) {
	two := []dpia.Criterion{dpia.Evaluation, dpia.Matching}
	runScreen(t, []screenCase{
		{
			name: "WP248 III.B.a: two criteria, the kommune concludes with reasons that the risk is not high",
			in: dpia.Input{Jurisdiction: compliance.DK, Criteria: two, Scale: dpia.Scale{LargeScale: dpia.No},
				NotHighRisk: true, Justification: "Aggregated statistics only."},
			want:   dpia.NotRequired,
			has:    []compliance.Code{dpia.CodeRebutted, dpia.CodeDPOViewsMissing},
			hasNot: []compliance.Code{dpia.CodeReasonsMissing, dpia.CodeCriteriaMet},
		},
		{
			name: "WP248 III.B.a: the rebuttal cannot set aside an item of Datatilsynet's list",
			in: dpia.Input{Jurisdiction: compliance.NO, Criteria: two, Items: []dpia.ListItem{dpia.NOLearning},
				NotHighRisk: true, Justification: "x"},
			want: dpia.Required,
		},
		{
			name: "WP248 III.B.a: the rebuttal cannot set aside Art 35(3)(a)",
			in:   dpia.Input{Jurisdiction: compliance.DK, Profiling: true, NotHighRisk: true, Justification: "x"},
			want: dpia.Required, situations: []dpia.Situation{dpia.Profiling},
		},
		{
			name: "WP248 III.B.b and Art 35(10): legal basis impact-assessed when the law was made",
			in: dpia.Input{Jurisdiction: compliance.DK, Criteria: two, Scale: dpia.Scale{LargeScale: dpia.No},
				Exemption: dpia.LegislativeAssessment},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeExempt},
			hasNot: []compliance.Code{dpia.CodeReasonsMissing},
		},
		{
			name: "WP248 III.B.b and Art 35(1): a DPIA of very similar processing covers it",
			in: dpia.Input{Jurisdiction: compliance.NO, Items: []dpia.ListItem{dpia.NOSchoolCamera},
				Exemption: dpia.SimilarAssessment, Covering: compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeExemptSimilar},
		},
		{
			name: "WP248 III.B.b and Recital 171: checked before May 2018 and unchanged",
			in:   dpia.Input{Jurisdiction: compliance.DK, Criteria: two, Exemption: dpia.PriorChecked},
			want: dpia.NotRequired, has: []compliance.Code{dpia.CodeExempt},
		},
		{
			name: "WP248 III.B.b and Art 35(5): on the authority's list of processing that needs no DPIA",
			in:   dpia.Input{Jurisdiction: compliance.DK, Criteria: two, Exemption: dpia.ExemptList},
			want: dpia.NotRequired,
		},
	})
}

func TestScreenFindingOrderAndArgs(t *testing.T) {
	s, err := dpia.Screen(dpia.Input{
		Jurisdiction: compliance.NO, Title: "Læringsplattform",
		Categories: compliance.CategoriesOf(compliance.Education, compliance.Health, compliance.Location),
		Subjects:   compliance.SubjectsOf(compliance.Pupils, compliance.Parents),
		Criteria:   []dpia.Criterion{dpia.Evaluation},
		Scale:      dpia.Scale{LargeScale: dpia.No},
		Items:      []dpia.ListItem{dpia.NOLearning},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []compliance.Code{dpia.CodeCriterion, dpia.CodeCriterionCategories, dpia.CodeCriterionSubjects, dpia.CodeListItem}, codesOf(s.Findings))
	f, ok := findingWith(s.Findings, dpia.CodeCriterionCategories)
	require.True(t, ok)
	// Only the sensitive categories are named: health and location, not education.
	assert.Equal(t, []string{"compliance.data-category.location", "compliance.data-category.health"}, f.Args[1].Keys)
	f, _ = findingWith(s.Findings, dpia.CodeCriterionSubjects)
	assert.Equal(t, []string{"compliance.subject-category.pupils"}, f.Args[1].Keys)
	f, _ = findingWith(s.Findings, dpia.CodeListItem)
	assert.Equal(t, "no-datatilsynet \"DPIA-liste 18/03670/MLS\" para 8", f.Refs.At(0).String())
	assert.Equal(t, "no-learning", f.Subject)
}

func TestScreenInvalid(t *testing.T) {
	secret := "Ola Nordmann 01017012345"
	cases := []struct {
		name   string
		in     dpia.Input
		policy *dpia.Policy
		fields []string
	}{
		{"empty", dpia.Input{}, nil, []string{"jurisdiction", "title"}},
		{"unknown criterion and duplicate", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Criteria: []dpia.Criterion{dpia.Evaluation, 99, dpia.Evaluation}}, nil, []string{"criteria[1]", "criteria[2]"}},
		{"large scale stated and denied", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Criteria: []dpia.Criterion{dpia.LargeScale}, Scale: dpia.Scale{LargeScale: dpia.No}}, nil, []string{"criteria[0]"}},
		{"Recital 91 professional on a large scale", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			IndividualProfessional: true, Scale: dpia.Scale{LargeScale: dpia.Yes}}, nil, []string{"individualProfessional"}},
		{"Norwegian item for a Danish controller", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Items: []dpia.ListItem{dpia.NOLearning}}, nil, []string{"items[0]"}},
		{"more subjects than population, negative items", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Scale: dpia.Scale{Subjects: 10, Population: 5, DataItems: -1}}, nil, []string{"scale.subjects", "scale.dataItems"}},
		{"duration and permanent", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Scale: dpia.Scale{Duration: compliance.Years(2), Permanent: true}}, nil, []string{"scale.permanent"}},
		{"similar assessment without the covering DPIA", dpia.Input{Jurisdiction: compliance.DK, Title: "x",
			Exemption: dpia.SimilarAssessment}, nil, []string{"covering"}},
		{"rebuttal without justification", dpia.Input{Jurisdiction: compliance.DK, Title: "x", NotHighRisk: true}, nil, []string{"justification"}},
		{"control characters in the title", dpia.Input{Jurisdiction: compliance.DK, Title: secret + "\x00"}, nil, []string{"title"}},
		{"custom item not in the policy", dpia.Input{Jurisdiction: compliance.DK, Title: "x", Custom: []string{"dk-x"}}, nil, []string{"custom[0]"}},
		{"custom item of another jurisdiction", dpia.Input{Jurisdiction: compliance.DK, Title: "x", Custom: []string{"no-x"}},
			&dpia.Policy{Custom: []dpia.CustomItem{{Code: "no-x", Jurisdiction: compliance.NO, Title: "t",
				Ref: compliance.Ref{Instrument: compliance.NODatatilsynet, Doc: "d"}}}}, []string{"custom[0]"}},
		{"policy with a bad custom item", dpia.Input{Jurisdiction: compliance.DK, Title: "x"},
			&dpia.Policy{Custom: []dpia.CustomItem{{Code: "no-learning"}}},
			[]string{"custom[0].code", "custom[0].jurisdiction", "custom[0].title", "custom[0].ref.instrument"}},
		{"policy with a share above 1", dpia.Input{Jurisdiction: compliance.DK, Title: "x"},
			&dpia.Policy{LargeScale: dpia.Thresholds{Share: decimal.NewFromInt(2)}}, []string{"largeScale.share"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.DPOViews += secret
			_, err := dpia.Screen(tc.in, tc.policy)
			require.Error(t, err)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%T", err)
			for _, f := range tc.fields {
				assert.True(t, ve.Has(f), "field %s not reported in %v", f, err)
			}
			assert.NotContains(t, err.Error(), "Nordmann")
		})
	}
}

func TestListItems(t *testing.T) {
	var no, dk []dpia.ListItem
	for it := range dpia.AllListItems() {
		require.NotEmpty(t, it.Refs(), "%s", it)
		for _, r := range it.Refs().All() {
			require.NoError(t, r.Validate())
		}
		switch it.Jurisdiction() {
		case compliance.NO:
			no = append(no, it)
		case compliance.DK:
			dk = append(dk, it)
		default:
			t.Errorf("%s has no jurisdiction", it)
		}
	}
	assert.Len(t, no, 14, "the Norwegian decision 18/03670/MLS has 14 items")
	assert.Equal(t, no, slices.Collect(dpia.ListItemsOf(compliance.NO)))
	assert.Equal(t, dk, slices.Collect(dpia.ListItemsOf(compliance.DK)))
	// breach-dpia.md §4.4: genetic data and large-scale profiling are known
	// from the draft only.
	for _, it := range dk {
		want := it != dpia.DKGenetic && it != dpia.DKLargeScaleProfiling
		assert.Equal(t, want, it.Confirmed(), "%s", it)
	}
	assert.Equal(t, dpia.SensitiveData, dpia.NOLocation.Criterion())
	assert.True(t, dpia.NOIoTWelfare.NeedsLargeScale())
	assert.False(t, dpia.NOLearning.NeedsOther())
	assert.False(t, dpia.ListItem(0).Valid())
	assert.True(t, dpia.ListItem(99).Refs().IsZero())
	for it := range dpia.AllListItems() {
		assert.True(t, strings.HasPrefix(it.String(), strings.ToLower(it.Jurisdiction().String())+"-"))
	}
}

func TestPolicyValidate(t *testing.T) {
	ref := compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "konsekvensanalyseliste 28.01.2019"}
	item := dpia.CustomItem{Code: "dk-x", Jurisdiction: compliance.DK, Title: "x", Ref: ref}
	var nilPolicy *dpia.Policy
	assert.NoError(t, nilPolicy.Validate())
	assert.NoError(t, (&dpia.Policy{Custom: []dpia.CustomItem{item}}).Validate())
	err := (&dpia.Policy{Custom: []dpia.CustomItem{item, item}, Matrix: dpia.Matrix{{dpia.High}},
		ReviewInterval: compliance.Period{N: 0, Unit: compliance.UnitYears}}).Validate()
	var ve *compliance.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("custom[1].code"), "a repeated code: %v", err)
	assert.True(t, ve.Has("matrix[0][1]"), "%v", err)
	assert.True(t, ve.Has("reviewInterval.n"), "%v", err)
}

func TestDecodeErrors(t *testing.T) {
	for name, data := range map[string]string{
		"unknown field":      `{"jurisdiction":"dk","title":"x","name":"Kari Nordmann"}`,
		"trailing data":      `{"jurisdiction":"dk","title":"x"} {"title":"Kari Nordmann"}`,
		"unknown code":       `{"jurisdiction":"dk","title":"x","criteria":["Kari Nordmann"]}`,
		"wrong type":         `{"jurisdiction":"dk","title":["Kari Nordmann"]}`,
		"invalid after JSON": `{"jurisdiction":"dk","title":"Kari Nordmann\u0007"}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := dpia.DecodeInput([]byte(data))
			require.Error(t, err)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			assert.NotContains(t, err.Error(), "Nordmann")
		})
	}
	_, err := dpia.DecodeInput(make([]byte, 5<<20))
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = dpia.DecodeAssessment([]byte(`{"jurisdiction":"dk","title":"x","description":{"processors":["Kari Nordmann"]}}`))
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	assert.NotContains(t, err.Error(), "Nordmann")
}
