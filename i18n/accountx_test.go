package i18n_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/merger"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/scope"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/retention"
)

// TestAccountabilityNames walks every vocabulary enum of packages training,
// dpo and scope.
func TestAccountabilityNames(t *testing.T) {
	checkNames(t, "topic", training.AllTopics())
	checkNames(t, "audience", training.AllAudiences())
	checkNames(t, "task", dpo.AllTasks())
	checkNames(t, "involvement", dpo.AllInvolvements())
	checkNames(t, "outcome", dpo.AllOutcomes())
	checkNames(t, "condition", dpo.AllConditions())
	checkNames(t, "status", dpo.AllStatuses())
	checkNames(t, "actor", scope.AllActors())
	checkNames(t, "area", notice.AllAreas())
	checkNames(t, "item", notice.AllItems())
	checkNames(t, "aspect", merger.AllAspects())
}

// TestAccountabilityCodes renders every finding and report code of packages
// training, dpo and scope with the arguments they pass.
func TestAccountabilityCodes(t *testing.T) {
	day := compliance.DateArg(compliance.MakeDate(2026, time.March, 1))
	pct := compliance.DecimalArg(decimal.RequireFromString("66.7"))
	args := map[compliance.Code][]compliance.Arg{
		training.CodeSensitiveUntrained: {compliance.Int(3), compliance.Text("social"), compliance.Name(compliance.Special)},
		training.CodeUntrained:          {compliance.Int(2), compliance.Text("roads")},
		training.CodeNoGeneralCourse:    nil,
		training.CodeRenewalsDue:        {compliance.Int(4), day},
		training.CodeCoverage:           {compliance.Int(2), compliance.Int(3), pct},
		training.CodeReportTitle:        {day},
		training.CodeReportUnits:        nil,
		training.CodeReportGroups:       nil,
		training.CodeReportFindings:     nil,
		training.CodeReportTally: {compliance.Text("social"), compliance.Int(2), compliance.Int(3), pct,
			compliance.Int(1), compliance.Int(2)},

		dpo.CodeConditionNotMet:       {compliance.Name(dpo.Resources)},
		dpo.CodeConditionsNotAssessed: {compliance.Names(dpo.AllConditions())},
		dpo.CodeLateInvolvement:       {compliance.Int(2)},
		dpo.CodeNoReasons:             {compliance.Int(2)},
		dpo.CodeDPIAWithoutAdvice:     {compliance.Int(2)},
		dpo.CodeNoManagementReport:    nil,
		dpo.CodeReportTitle:           {compliance.Int(2026)},
		dpo.CodeReportTasks:           nil,
		dpo.CodeReportTask:            {compliance.Name(dpo.Advice), compliance.Int(12)},
		dpo.CodeReportAdvice: {compliance.Int(1), compliance.Int(2), compliance.Int(3), compliance.Int(4),
			compliance.Int(5), compliance.Int(6)},
		dpo.CodeReportConditions: nil,
		dpo.CodeReportCondition:  {compliance.Name(dpo.Resources), compliance.Name(dpo.Met)},
		dpo.CodeReportFindings:   nil,

		notice.CodeUncovered:       {compliance.Text("Elevadministration")},
		notice.CodeMissingItem:     {compliance.Text("Skole"), compliance.Name(notice.Transfers)},
		notice.CodeOutdated:        {compliance.Text("Skole"), day, compliance.Text("Elevadministration")},
		notice.CodeUnknownActivity: {compliance.Text("Skole")},

		notice.CodeLetterTitle:        {compliance.Text("Egedal Kommune")},
		notice.CodeLetterAbout:        {compliance.Name(notice.SchoolChildcare)},
		notice.CodeLetterWho:          nil,
		notice.CodeLetterController:   {compliance.Text("Egedal Kommune"), compliance.Text("post@egekom.dk")},
		notice.CodeLetterDPO:          {compliance.Text("dpo@egekom.dk")},
		notice.CodeLetterPurpose:      {compliance.Text("skolegang")},
		notice.CodeLetterBasisLaw:     {compliance.RefArg(compliance.Section(compliance.DKAct, "folkeskoleloven", "40", 0, ""))},
		notice.CodeLetterBasisTask:    {compliance.RefArg(compliance.Section(compliance.DKAct, "folkeskoleloven", "40", 0, ""))},
		notice.CodeLetterBasisOther:   {compliance.RefArg(compliance.GDPR(6, 1, "b"))},
		notice.CodeLetterBasisConsent: nil,
		notice.CodeLetterData:         {compliance.Names(compliance.CategoriesOf(compliance.Identity, compliance.Health).All())},
		notice.CodeLetterRecipient:    {compliance.Text("PPR")},
		notice.CodeLetterNoRecipient:  nil,
		notice.CodeLetterTransfer:     {compliance.CountryArg(compliance.MustCountry("US")), compliance.Name(record.SafeguardStandardClauses)},
		notice.CodeLetterKeepPeriod:   {compliance.PeriodArg(compliance.Years(5)), compliance.Name(record.FromCaseClosed)},
		notice.CodeLetterKeepText:     {compliance.Text("til barnet forlader skolen")},
		notice.CodeLetterSources:      {compliance.Text("CPR-registeret")},
		notice.CodeLetterRequirement:  {compliance.Text("Ja.")},
		notice.CodeLetterAutomated:    nil,
		notice.CodeLetterRights:       nil,
		notice.CodeLetterAccess:       nil,
		notice.CodeLetterRectify:      nil,
		notice.CodeLetterErase:        nil,
		notice.CodeLetterRestrict:     nil,
		notice.CodeLetterObject:       nil,
		notice.CodeLetterPortability:  nil,
		notice.CodeLetterComplain:     nil,
		notice.CodeLetterComplainDK:   nil,
		notice.CodeLetterComplainNO:   nil,

		merger.CodeActivityDiffers:   {compliance.Text("Lønn"), compliance.Int(2), compliance.Names(merger.AllAspects())},
		merger.CodeActivityMatched:   {compliance.Text("Lønn"), compliance.Int(2)},
		merger.CodeProcessorConflict: {compliance.Text("Evry Norge AS"), compliance.Names(merger.AllAspects())},
		merger.CodeProcessorShared:   {compliance.Text("Evry Norge AS"), compliance.Int(2)},
		merger.CodeRenew:             {compliance.Text("Evry Norge AS"), compliance.Text("Rygge kommune"), day},
		merger.CodeUpdate:            {compliance.Text("Evry Norge AS"), compliance.Text("Rygge kommune"), day},
		merger.CodeRevisit:           {compliance.Text("Velferdsteknologi"), compliance.Text("Rygge kommune")},
		merger.CodeRuleConflict:      {compliance.Name(retention.Noark), compliance.Text("A20"), compliance.Names(merger.AllAspects())},
		merger.CodeBreaches:          {compliance.Text("Rygge kommune"), compliance.Int(12), compliance.Int(9), compliance.Int(4)},
		merger.CodeReportTitle:       {day},
		merger.CodeReportOrigin: {compliance.Text("Rygge kommune"), compliance.Int(3), compliance.Int(1),
			compliance.Int(1), compliance.Int(2)},
		merger.CodeReportSummary: {compliance.Int(3), compliance.Int(2), compliance.Int(3), compliance.Int(1), compliance.Int(1)},
		merger.CodeReportDecide:  nil,
		merger.CodeReportInfo:    nil,

		scope.CodeCouncilMemberOutside: nil,
		scope.CodeCouncilMemberOpen:    nil,
		scope.CodeCouncilMemberPolicy:  nil,
	}
	for _, list := range [][]compliance.Code{training.Codes(), training.ReportCodes(), dpo.Codes(), dpo.ReportCodes(), scope.Codes(), notice.Codes(), notice.LetterCodes(), merger.Codes(), merger.ReportCodes()} {
		for _, c := range list {
			if _, ok := args[c]; !ok {
				t.Errorf("code %s has no test arguments", c)
			}
		}
	}
	checkCodes(t, args)
}
