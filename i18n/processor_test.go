package i18n_test

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
)

// TestProcessorNames walks every vocabulary enum of package processor.
func TestProcessorNames(t *testing.T) {
	checkNames(t, "template", processor.AllTemplates())
	checkNames(t, "clause", processor.AllClauses())
	checkNames(t, "authorisation", processor.AllAuthorisationKinds())
	checkNames(t, "transfer-rule", processor.AllTransferRules())
	checkNames(t, "operation", processor.AllOperations())
	checkNames(t, "access", processor.AllAccesses())
	checkNames(t, "measure", processor.AllMeasures())
	checkNames(t, "tool", processor.AllTools())
	checkNames(t, "module", processor.AllModules())
	checkNames(t, "derogation", processor.AllDerogations())
	checkNames(t, "conclusion", processor.AllConclusions())
	checkNames(t, "audit-type", processor.AllAuditTypes())
	checkNames(t, "assurance", processor.AllAssurances())
	checkNames(t, "opinion", processor.AllOpinions())
	checkNames(t, "follow-up", processor.AllFollowUps())
	checkNames(t, "risk-level", processor.AllRiskLevels())
	checkNames(t, "outcome", processor.AllOutcomes())
	checkNames(t, "scope", processor.AllScopes())
	checkNames(t, "organisation", processor.AllInternationalOrganisations())
	checkNames(t, "use-case", processor.AllUseCases())
	checkNames(t, "identity", processor.AllIdentityFields())
}

// processorArgs are the arguments package processor renders each code with,
// in the order its rules pass them.
func processorArgs() map[compliance.Code][]compliance.Arg {
	name := compliance.Text("Sagssystemer A/S")
	day := compliance.DateArg(compliance.Date{Year: 2026, Month: time.May, Day: 1})
	us := compliance.CountryArg(compliance.MustCountry("US"))
	support := compliance.Name(processor.Support)
	dec := compliance.RefArg(compliance.Ref{Instrument: compliance.EUAct, Doc: "2019/419"})
	clauses := compliance.Names(processor.ClausesOf(processor.SubjectMatter, processor.Instructions).All())
	return map[compliance.Code][]compliance.Arg{
		processor.CodeUnknown:                        nil,
		processor.CodeRequestIncomplete:              nil,
		processor.CodeNoAgreement:                    {name},
		processor.CodeAgreementPending:               {name, day},
		processor.CodeAgreementExpired:               {name, day},
		processor.CodeAgreementUnsigned:              {name},
		processor.CodeContentMissing:                 {clauses},
		processor.CodeTransferInstructionsMissing:    nil,
		processor.CodeDataNotCovered:                 {compliance.Name(compliance.Health)},
		processor.CodeSubjectsNotCovered:             {compliance.Name(compliance.Children)},
		processor.CodePurposeNotCovered:              nil,
		processor.CodeOperationNotCovered:            {compliance.Name(processor.Disclosure)},
		processor.CodeBreachNoticeUnset:              nil,
		processor.CodeBreachNoticeLate:               {compliance.Int(96)},
		processor.CodeSubProcessingNotAuthorised:     {compliance.Int(2)},
		processor.CodeGeneralAuthorisationIncomplete: nil,
		processor.CodeOwnPurposes:                    {name},
		processor.CodeSubUnidentified:                {name, compliance.Names(processor.IdentityFields(0).With(processor.IdentityAddress).With(processor.IdentityContact).All())},
		processor.CodeSubNotApproved:                 {name},
		processor.CodeSubObjectionPeriod:             {name, day},
		processor.CodeSubObjected:                    {name},
		processor.CodeSubFlowDown:                    {name},
		processor.CodeSubNoEvidence:                  {name},
		processor.CodeNoAudit:                        nil,
		processor.CodeAuditOverdue:                   {day},
		processor.CodeSupervisionUnplanned:           nil,
		processor.CodeAuditQualified:                 {compliance.Int(3)},
		processor.CodeAuditAdverse:                   {compliance.Name(processor.Adverse)},
		processor.CodeAuditScope:                     nil,
		processor.CodeAuditUnreviewed:                nil,
		processor.CodeAuditPointInTime:               nil,
		processor.CodeDeviationOverdue:               {compliance.Text("A.9.2.3"), day},
		processor.CodeConceptBelowModel:              {compliance.Int(7), compliance.Int(5), compliance.Int(2)},
		processor.CodeEEAUnsettled:                   {compliance.CountryArg(compliance.MustCountry("SJ"))},
		processor.CodeTransferNoBasis:                {name, support, us},
		processor.CodeOrganisationNoBasis:            {name, compliance.Name(processor.Hosting), compliance.Name(processor.EPO)},
		processor.CodeAdequacyOutOfScope:             {name, compliance.CountryArg(compliance.MustCountry("JP")), dec},
		processor.CodeDPFNotCertified:                {name},
		processor.CodeDPFLapsed:                      {name, day},
		processor.CodeAdequacyNotIncorporated:        {compliance.CountryArg(compliance.MustCountry("BR")), dec},
		processor.CodeAdequacyOff:                    {us, day},
		processor.CodeDPFNoFallback:                  {name},
		processor.CodeDerogationBarred:               {compliance.Name(processor.ExplicitConsent), us},
		processor.CodeDerogationOccasional:           {compliance.Name(processor.PublicInterest), us},
		processor.CodeSCCModule:                      {compliance.Name(processor.ModuleC2C), compliance.Name(processor.ModuleC2P), us},
		processor.CodeSCC2010Expired:                 {us},
		processor.CodeTIAMissing:                     {name, us},
		processor.CodeTIASubChanged:                  {us, day},
		processor.CodeTIAExpired:                     {us, day},
		processor.CodeTIANegative:                    {us},
		processor.CodeNoEffectiveMeasure:             {us, support},
		processor.CodeSensitiveNoMeasure:             {us, support},
		processor.CodeTransferNotInstructed:          {name, us},
		processor.CodeUSLawExposure:                  {name},
		processor.CodeForeignLawExposure:             {name, compliance.CountryArg(compliance.MustCountry("CN"))},
		processor.CodeDecisionTitle:                  {compliance.Name(processor.Deny), name},
		processor.CodeDecisionData:                   nil,
		processor.CodeDecisionSubjects:               nil,
		processor.CodeDecisionPurpose:                nil,
		processor.CodeDecisionAt:                     nil,
		processor.CodeDecisionEvidence:               nil,
		processor.CodeDecisionEvidenceValue:          {compliance.Text(processor.RuleSet), compliance.Text("00000000-0000-7000-8000-000000000001"), compliance.Int(3)},
		processor.CodeDecisionReasons:                nil,
		processor.CodeDecisionNoFindings:             nil,
		processor.CodeOverviewTitle:                  {day},
		processor.CodeOverviewProcessors:             {compliance.Int(12)},
		processor.CodeOverviewMissing:                {compliance.Int(2)},
		processor.CodeOverviewExpiring:               {compliance.Int(1), compliance.PeriodArg(compliance.Months(3))},
		processor.CodeOverviewOverdue:                {compliance.Int(1)},
		processor.CodeOverviewDue:                    {compliance.Int(0), compliance.PeriodArg(compliance.Months(3))},
		processor.CodeOverviewUnidentified:           {compliance.Int(1)},
		processor.CodeOverviewNoBasis:                {compliance.Int(1)},
		processor.CodeOverviewItem:                   {name},
		processor.CodeOverviewItemDate:               {name, day},
		processor.CodeOverviewItemSub:                {name, compliance.Text("Support Inc.")},
		processor.CodeOverviewItemTransfer:           {name, compliance.Text("Support Inc."), us, support},
		processor.CodeOverviewNone:                   nil,
	}
}

// TestProcessorCodes renders every code of package processor, in every
// language, with the arguments its rules pass.
func TestProcessorCodes(t *testing.T) {
	args := processorArgs()
	maps.Copy(args, processorxArgs())
	for _, c := range processor.Codes() {
		if _, ok := args[c]; !ok {
			t.Errorf("code %s has no test arguments", c)
		}
	}
	assert.Len(t, args, len(processor.Codes()), "the test names a code the package does not list")
	checkCodes(t, args)
}

// The plural forms of the counted messages are chosen by the count.
func TestProcessorPlurals(t *testing.T) {
	p := i18n.NewPrinter(language.Danish)
	one := p.Message(compliance.Msg(processor.CodeSubProcessingNotAuthorised, compliance.Int(1)))
	two := p.Message(compliance.Msg(processor.CodeSubProcessingNotAuthorised, compliance.Int(2)))
	assert.Contains(t, one, "1 underdatabehandler,")
	assert.Contains(t, two, "2 underdatabehandlere,")
	none := i18n.NewPrinter(language.English).Message(compliance.Msg(processor.CodeAuditQualified, compliance.Int(0)))
	assert.NotContains(t, none, "0")
}

// The messages use the authorities' terms (GLOSSARY.md).
func TestProcessorTerms(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		code  compliance.Code
		terms []string
	}{
		{"da", processor.CodeNoAgreement, []string{"databehandleraftale"}},
		{"nb", processor.CodeNoAgreement, []string{"databehandleravtale"}},
		{"nn", processor.CodeNoAgreement, []string{"databehandlaravtale"}},
		{"da", processor.CodeTransferNoBasis, []string{"tredjeland", "afgørelse om tilstrækkeligt beskyttelsesniveau", "fornødne garantier"}},
		{"nb", processor.CodeTransferNoBasis, []string{"tredjeland", "beslutning om tilstrekkelig beskyttelsesnivå", "nødvendige garantier"}},
		{"nn", processor.CodeTransferNoBasis, []string{"tredjeland", "avgjerd om tilstrekkeleg vernenivå", "naudsynte garantiar"}},
		{"da", processor.CodeSubNotApproved, []string{"underdatabehandleren"}},
		{"nn", processor.CodeSubNotApproved, []string{"underdatabehandlaren"}},
	} {
		p := i18n.NewPrinter(language.MustParse(tt.lang))
		got := p.Message(compliance.Msg(tt.code, processorArgs()[tt.code]...))
		for _, term := range tt.terms {
			assert.True(t, strings.Contains(got, term), "%s %s: %q lacks %q", tt.lang, tt.code, got, term)
		}
	}
	require.NotEmpty(t, processor.Codes())
}
