package i18n_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// breachxArgs are the arguments of the messages of breachx_<lang>.go that
// take any (issue 13); TestBreachCodes renders them with every other code.
func breachxArgs() map[compliance.Code][]compliance.Arg {
	conf := compliance.Names(compliance.CategoriesOf(compliance.NationalID, compliance.Family).All())
	when := compliance.TimeArg(time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC))
	year := compliance.Text("2024")
	n := compliance.Int(59)
	plain := compliance.Arg{Kind: compliance.ArgNames, Keys: []string{"compliance.plain.identity", "compliance.plain.national-id.dk", "compliance.plain.health"}}
	return map[compliance.Code][]compliance.Arg{
		"breach.export.decision-value":   {compliance.Name(breach.HighRisk), compliance.Name(breach.Late)},
		"breach.export.entry":            {compliance.Text("24/01234"), when},
		"breach.export.intro":            {when, n},
		"breach.letter.data-plain":       {plain},
		"breach.report.chart-title":      {year},
		"breach.report.compare":          {n, year, n},
		"breach.report.figures":          {year},
		"breach.report.intro":            {year, year, year},
		"breach.report.intro-one":        {year},
		"breach.report.n":                {n},
		"breach.report.title":            {year},
		"breach.report.year-line":        {year, n, n, n, n, n},
		"breach.value.clock-aware":       {when},
		"breach.value.clock-processor":   {when},
		breach.CodePublicAuthority:       {conf},
		breach.CodeIdentityTheftWide:     {compliance.Int(24000)},
		breach.CodeManyPeople:            {compliance.Int(150), compliance.Int(100)},
		breach.CodeMassExposure:          {compliance.Int(100000), compliance.Int(10000)},
		breach.CodeOutage:                {compliance.DurationArg(70 * time.Hour), compliance.DurationArg(24 * time.Hour)},
		breach.CodeFactMissing:           {compliance.Name(breach.FactSubjectCount)},
		breach.CodeWithheld:              {compliance.Name(breach.PublicInterests)},
		breach.CodeWithholdingNotApplied: {compliance.Name(breach.PublicInterests)},
	}
}

// TestBreachxNames walks the vocabularies added in issue 13.
func TestBreachxNames(t *testing.T) {
	checkNames(t, "likelihood", breach.AllLikelihoods())
	checkNames(t, "gravity", breach.AllGravities())
	checkNames(t, "withholding", breach.AllWithholdings())
	checkNames(t, "fact", breach.AllFacts())
	checkNames(t, "exemption", breach.AllExemptions())
}

// TestBreachPlainData walks the plain-language names of every data category
// in the letter to citizens (Art 34(2)), the national identifier in both
// jurisdictions.
func TestBreachPlainData(t *testing.T) {
	for c := range compliance.AllDataCategories() {
		keys := []string{"compliance.plain." + c.String()}
		if c == compliance.NationalID {
			keys = []string{"compliance.plain.national-id.dk", "compliance.plain.national-id.no"}
		}
		for _, k := range keys {
			for _, tag := range []string{"da", "nb", "nn", "en"} {
				p := i18n.NewPrinter(i18n.Match(i18n.DefaultFor(compliance.DK), tag))
				got := p.Message(compliance.Msg(compliance.Code(k)))
				assert.NotEqual(t, k, got, "%s in %s", k, tag)
				assert.NotEmpty(t, got)
			}
		}
	}
	for _, tt := range []struct{ tag, key, want string }{
		{"da", "compliance.plain.national-id.dk", "dit CPR-nummer"},
		{"da", "compliance.plain.national-id.no", "dit fødselsnummer"},
		{"nb", "compliance.plain.national-id.no", "fødselsnummeret ditt"},
		{"nb", "compliance.plain.national-id.dk", "CPR-nummeret ditt"},
		{"da", "compliance.plain.health", "oplysninger om dit helbred"},
	} {
		p := i18n.NewPrinter(i18n.Match(i18n.DefaultFor(compliance.DK), tt.tag))
		assert.Equal(t, tt.want, p.Message(compliance.Msg(compliance.Code(tt.key))))
	}
}

// TestBreachxCounts: a counted message has its singular.
func TestBreachxCounts(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{"da", "Bruddet vedrører 1 person;"}, {"nb", "Bruddet gjelder 1 person;"},
		{"nn", "Brotet gjeld 1 person;"}, {"en", "The breach concerns 1 person;"},
	} {
		p := i18n.NewPrinter(i18n.Match(i18n.DefaultFor(compliance.DK), tt.tag))
		got := p.Message(compliance.Msg(breach.CodeManyPeople, compliance.Int(1), compliance.Int(1)))
		assert.Contains(t, got, tt.want)
	}
}
