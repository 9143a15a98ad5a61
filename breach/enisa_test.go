package breach_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// TestSeverityArithmetic checks SE = DPC × EI + CB and the band edges with
// the arithmetic oracles of breach-dpia.md §2.6 (ENISA 2013 formula, §2.1;
// bands, §2.5). The categories are chosen for their ENISA type: identity is
// simple (1), usage data behavioural (2), financial financial (3), health
// sensitive (4).
func TestSeverityArithmetic(t *testing.T) {
	for _, tt := range []struct {
		name      string
		data      compliance.DataCategory
		ei        breach.Identifiability
		c, i, a   breach.Loss
		malicious bool
		dpc, ei2  string
		cb, se    string
		band      breach.Band
	}{
		{"A1 simple, maximum EI, no circumstances: low", compliance.Identity, breach.Maximum, 0, 0, 0, false, "1", "1", "0", "1", breach.Low},
		{"A2 behavioural, maximum EI: SE 2 is medium (edge inclusive)", compliance.UsageData, breach.Maximum, 0, 0, 0, false, "2", "1", "0", "2", breach.Medium},
		{"A3 sensitive, significant EI: SE 3 is high (edge)", compliance.Health, breach.Significant, 0, 0, 0, false, "4", "0.75", "0", "3", breach.High},
		{"A4 financial, confidentiality full and malicious: SE 4 is very high (edge)", compliance.Financial, breach.Maximum, breach.FullLoss, breach.NoLoss, breach.NoLoss, true, "3", "1", "1", "4", breach.VeryHigh},
		{"A5 sensitive, negligible EI, confidentiality full: low", compliance.Health, breach.Negligible, breach.FullLoss, 0, 0, false, "4", "0.25", "0.5", "1.5", breach.Low},
		{"A6 sensitive, everything at its maximum: SE 6", compliance.Health, breach.Maximum, breach.FullLoss, breach.FullLoss, breach.FullLoss, true, "4", "1", "2", "6", breach.VeryHigh},
		{"partial losses add 0.25 each", compliance.Identity, breach.Limited, breach.PartialLoss, breach.PartialLoss, breach.PartialLoss, false, "1", "0.5", "0.75", "1.25", breach.Low},
		{"just under the medium edge", compliance.Identity, breach.Maximum, breach.FullLoss, breach.PartialLoss, breach.NoLoss, false, "1", "1", "0.75", "1.75", breach.Low},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := breach.SeverityInput{
				Data:            compliance.CategoriesOf(tt.data),
				Identifiability: tt.ei,
				Confidentiality: tt.c, Integrity: tt.i, Availability: tt.a,
				Malicious: tt.malicious,
			}.Severity()
			require.NoError(t, err)
			assertDecimal(t, tt.dpc, s.DPC, "DPC")
			assertDecimal(t, tt.ei2, s.EI, "EI")
			assertDecimal(t, tt.cb, s.CB, "CB")
			assertDecimal(t, tt.se, s.Score, "SE")
			assert.Equal(t, tt.band, s.Band)
			assert.Equal(t, tt.band, breach.BandOf(s.Score))
		})
	}
}

// TestBandEdges: SE < 2 low, 2 ≤ SE < 3 medium, 3 ≤ SE < 4 high, 4 ≤ SE
// very high (ENISA 2013; breach-dpia.md §2.5). Exact decimals keep the edges.
func TestBandEdges(t *testing.T) {
	for se, want := range map[string]breach.Band{
		"0.25": breach.Low, "1.9999": breach.Low, "2": breach.Medium, "2.00": breach.Medium,
		"2.9999": breach.Medium, "3": breach.High, "3.75": breach.High, "4": breach.VeryHigh, "6": breach.VeryHigh,
	} {
		assert.Equal(t, want, breach.BandOf(dec(se)), "SE %s", se)
	}
}

// TestHighestDPCWins: with several data types, each is scored and the
// highest DPC counts (breach-dpia.md §2.1, myprivacy.tools note).
func TestHighestDPCWins(t *testing.T) {
	s, err := breach.SeverityInput{
		Data:            compliance.CategoriesOf(compliance.Identity, compliance.Location, compliance.Financial),
		Identifiability: breach.Maximum,
	}.Severity()
	require.NoError(t, err)
	assert.Equal(t, breach.Financial, s.Type)
	assertDecimal(t, "3", s.DPC)
}

// TestAdjustments: context adjustments are explicit inputs with a reason;
// ENISA fixes no weights and its examples move scores in whole steps
// ("decreased by 1"); a type's final DPC stays within 1 to 4 (Assessment
// Table 1, breach-dpia.md §2.2).
func TestAdjustments(t *testing.T) {
	for _, tt := range []struct {
		name string
		data compliance.DataCategories
		adj  []breach.Adjustment
		typ  breach.DataType
		dpc  string
	}{
		{"ENISA Table 1: one week of call history is behavioural 2, a year of it 3 (volume +1)",
			compliance.CategoriesOf(compliance.UsageData),
			[]breach.Adjustment{{Type: breach.Behavioural, Factor: breach.Volume, Delta: dec("1"), Note: "one year of call history"}},
			breach.Behavioural, "3"},
		{"ENISA Table 1: a supermarket customer list is simple 1; an adult book store's addresses 3 (controller +2)",
			compliance.CategoriesOf(compliance.Identity, compliance.Contact),
			[]breach.Adjustment{{Type: breach.Simple, Factor: breach.ControllerCharacter, Delta: dec("2")}},
			breach.Simple, "3"},
		{"ENISA Table 1: 'performed general blood tests' is sensitive scored 1 (nature -3)",
			compliance.CategoriesOf(compliance.Health),
			[]breach.Adjustment{{Type: breach.Sensitive, Factor: breach.NatureOfData, Delta: dec("-3")}},
			breach.Sensitive, "1"},
		{"a lowered type can fall below another: financial -2 gives 1, behavioural 2 wins",
			compliance.CategoriesOf(compliance.Financial, compliance.UsageData),
			[]breach.Adjustment{{Type: breach.Financial, Factor: breach.PubliclyAvailable, Delta: dec("-2")}},
			breach.Behavioural, "2"},
		{"the final DPC is at least 1", compliance.CategoriesOf(compliance.Identity),
			[]breach.Adjustment{{Type: breach.Simple, Factor: breach.Invalidity, Delta: dec("-1")}},
			breach.Simple, "1"},
		{"the final DPC is at most 4", compliance.CategoriesOf(compliance.Health),
			[]breach.Adjustment{{Type: breach.Sensitive, Factor: breach.IndividualsCharacter, Delta: dec("1")}},
			breach.Sensitive, "4"},
		{"a step that is not a multiple of 0.25 is kept exactly", compliance.CategoriesOf(compliance.Identity),
			[]breach.Adjustment{{Type: breach.Simple, Factor: breach.IndividualsCharacter, Delta: dec("0.1")}},
			breach.Simple, "1.1"},
		{"a fractional step is kept exactly", compliance.CategoriesOf(compliance.Identity),
			[]breach.Adjustment{{Type: breach.Simple, Factor: breach.IndividualsCharacter, Delta: dec("0.5")}},
			breach.Simple, "1.5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := breach.SeverityInput{Data: tt.data, Adjustments: tt.adj, Identifiability: breach.Maximum}.Severity()
			require.NoError(t, err)
			assert.Equal(t, tt.typ, s.Type)
			assertDecimal(t, tt.dpc, s.DPC)
		})
	}
}

func TestSeverityErrors(t *testing.T) {
	_, err := breach.SeverityInput{
		Adjustments: []breach.Adjustment{
			{Type: breach.Financial, Factor: breach.Volume, Delta: dec("1")},
			{Type: breach.Simple, Factor: 0, Delta: dec("0")},
			{Type: breach.Simple, Factor: breach.Volume, Delta: dec("3.25")},
		},
		Confidentiality: breach.Loss(9),
	}.Severity()
	require.Error(t, err)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, f := range []string{"data", "identifiability", "confidentiality", "adjustments[1].factor",
		"adjustments[1].delta", "adjustments[2].delta"} {
		assert.True(t, ve.Has(f), "want an error for %s in %v", f, err)
	}

	_, err = breach.SeverityInput{
		Data:            compliance.CategoriesOf(compliance.Identity),
		Identifiability: breach.Maximum,
		Adjustments:     []breach.Adjustment{{Type: breach.Financial, Factor: breach.Volume, Delta: dec("1")}},
	}.Severity()
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("adjustments[0].type"), "an adjustment of a type not among the data: %v", err)
}

// TestTypeOf pins the documented mapping of every data category to ENISA's
// four types (ENISA 2013, Assessment Table 1 and its definitions).
func TestTypeOf(t *testing.T) {
	want := map[breach.DataType][]compliance.DataCategory{
		breach.Simple: {compliance.Identity, compliance.Contact, compliance.OnlineIdentifiers, compliance.Images,
			compliance.Employment, compliance.Education, compliance.Housing, compliance.CaseData,
			compliance.Communication, compliance.NationalID, compliance.Family},
		breach.Behavioural: {compliance.Location, compliance.UsageData},
		breach.Financial:   {compliance.Financial, compliance.SocialIssues},
		breach.Sensitive: {compliance.EthnicOrigin, compliance.PoliticalOpinion, compliance.Religion,
			compliance.TradeUnion, compliance.Genetic, compliance.Biometric, compliance.Health,
			compliance.SexLife, compliance.CriminalOffences},
	}
	n := 0
	for typ, cs := range want {
		for _, c := range cs {
			assert.Equal(t, typ, breach.TypeOf(c), "%s", c)
			n++
		}
	}
	total := 0
	for range compliance.AllDataCategories() {
		total++
	}
	assert.Equal(t, total, n, "every data category has a type")
	assert.Equal(t, breach.DataType(0), breach.TypeOf(0))
	for typ := range breach.AllDataTypes() {
		assertDecimal(t, []string{"", "1", "2", "3", "4"}[typ], typ.Score(), typ)
	}
}

// TestAdjustmentExponent: a decimal with an extreme exponent is rejected
// before any arithmetic could expand it.
func TestAdjustmentExponent(t *testing.T) {
	for _, s := range []string{"1e-9999", "1e400", "0.0000000000000000001"} {
		err := breach.Adjustment{Type: breach.Simple, Factor: breach.Volume, Delta: dec(s)}.Validate()
		var ve *compliance.ValidationError
		require.ErrorAs(t, err, &ve, s)
		assert.True(t, ve.Has("delta"), s)
	}
	assert.NoError(t, breach.Adjustment{Type: breach.Simple, Factor: breach.Volume, Delta: dec("0.000000000000000001")}.Validate())
}
