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
	return map[compliance.Code][]compliance.Arg{
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
