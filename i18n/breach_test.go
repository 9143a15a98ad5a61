package i18n_test

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// TestBreachNames walks every vocabulary of package breach.
func TestBreachNames(t *testing.T) {
	checkNames(t, "reporter", breach.AllReporters())
	checkNames(t, "cause", breach.AllCauses())
	checkNames(t, "encryption", breach.AllEncryptions())
	checkNames(t, "backup", breach.AllBackups())
	checkNames(t, "recipients", breach.AllRecipients())
	checkNames(t, "impact", breach.AllImpacts())
	checkNames(t, "classification", breach.AllClassifications())
	checkNames(t, "phase", breach.AllPhases())
	checkNames(t, "channel", breach.AllChannels())
	checkNames(t, "risk", breach.AllRisks())
	checkNames(t, "exemption", breach.AllExemptions())
	checkNames(t, "communication", breach.AllCommunications())
	checkNames(t, "status", breach.AllStatuses())
	checkNames(t, "duty", breach.AllDuties())
	checkNames(t, "dimension", breach.AllDimensions())
	checkNames(t, "data-type", breach.AllDataTypes())
	checkNames(t, "identifiability", breach.AllIdentifiabilities())
	checkNames(t, "loss", breach.AllLosses())
	checkNames(t, "context-factor", breach.AllContextFactors())
	checkNames(t, "band", breach.AllBands())
}

// TestBreachCodes renders every message code of package breach with the
// arguments its producer passes.
func TestBreachCodes(t *testing.T) {
	when := compliance.TimeArg(time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC))
	day := compliance.DateArg(compliance.Date{Year: 2024, Month: 3, Day: 1})
	d := compliance.DecimalArg(decimal.RequireFromString("4.25"))
	text := compliance.Text("x")
	health := compliance.Names(compliance.CategoriesOf(compliance.Health, compliance.NationalID).All())
	args := map[compliance.Code][]compliance.Arg{
		breach.CodeSeverity:                   {d, compliance.Name(breach.VeryHigh)},
		breach.CodeSpecialCategories:          {health},
		breach.CodeConfidentialData:           {health},
		breach.CodeVulnerable:                 {compliance.Names(compliance.SubjectsOf(compliance.Patients).All())},
		breach.CodeRisk:                       {compliance.Name(breach.HighRisk)},
		breach.CodeAuthorityDue:               {when, compliance.DurationArg(71 * time.Hour)},
		breach.CodeAuthorityOverdue:           {when},
		breach.CodeAuthorityOnTime:            {when, when},
		breach.CodeAuthorityLate:              {when, when, compliance.DurationArg(time.Minute)},
		breach.CodeDelayReasonsMissing:        {when, when, compliance.DurationArg(time.Hour)},
		breach.CodeFollowUpPending:            {when},
		breach.CodeFollowUpOverdue:            {when},
		breach.CodeProcessorLate:              {compliance.DurationArg(72 * time.Hour), compliance.PeriodArg(compliance.Hours(24))},
		breach.CodeProcessorDelay:             {compliance.DurationArg(72 * time.Hour)},
		breach.CodeProcessorNoticeStartsClock: {when},
		breach.CodeSubjectsCommunicated:       {when, compliance.Name(breach.DigitalPost)},
		"breach.value.period":                 {when, when},
		"breach.value.severity":               {d, compliance.Name(breach.High)},
		"breach.value.follow-up-of":           {when, text},
		"breach.value.next-by":                {when},
		"breach.value.communication":          {compliance.Name(breach.Letter), when},
		"breach.count.exact":                  {compliance.Int(1234)},
		"breach.count.about":                  {compliance.Int(300)},
		"breach.count.range":                  {compliance.Int(100), compliance.Int(500)},
		"breach.letter.title-public":          {text},
		"breach.letter.intro":                 {text, day},
		"breach.letter.intro-public":          {text, day},
		"breach.letter.contact-dpo":           {text},
		"breach.letter.contact-point":         {text},
		"breach.letter.contact-details":       {text},
	}
	for c, a := range breachxArgs() {
		args[c] = a
	}
	for _, c := range breach.Codes() {
		if _, ok := args[c]; !ok {
			args[c] = nil // the message takes no arguments
		}
	}
	for c := range args {
		assert.True(t, strings.HasPrefix(string(c), "breach."), "%s is not a breach code", c)
	}
	assert.Len(t, args, len(breach.Codes()), "every test code is a code of package breach")
	checkCodes(t, args)
}

// TestBreachTerms pins a few renderings to the authorities' terms.
func TestBreachTerms(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		key  compliance.Code
		want string
	}{
		{"da", "breach.notice.title", "Anmeldelse af brud på persondatasikkerheden"},
		{"nb", "breach.notice.title", "Melding om brudd på personopplysningssikkerheten"},
		{"nn", "breach.notice.title", "Melding om brot på personopplysningstryggleiken"},
		{"en", "breach.notice.title", "Notification of a personal data breach"},
		{"nb", "breach.count.exact", "1\u00a0234"},
		{"da", "breach.count.exact", "1.234"},
	} {
		p := i18n.NewPrinter(i18n.Match(i18n.DefaultFor(compliance.DK), tt.tag))
		var args []compliance.Arg
		if strings.HasPrefix(string(tt.key), "breach.count") {
			args = []compliance.Arg{compliance.Int(1234)}
		}
		assert.Equal(t, tt.want, p.Message(compliance.Msg(tt.key, args...)), tt.tag)
	}
}
