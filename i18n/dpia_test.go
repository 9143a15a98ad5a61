package i18n_test

import (
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

// TestDPIANames walks every vocabulary enum of package dpia.
func TestDPIANames(t *testing.T) {
	checkNames(t, "criterion", dpia.AllCriteria())
	checkNames(t, "situation", dpia.AllSituations())
	checkNames(t, "outcome", dpia.AllOutcomes())
	checkNames(t, "exemption", dpia.AllExemptions())
	checkNames(t, "answer", dpia.AllAnswers())
	checkNames(t, "geography", dpia.AllGeographies())
	checkNames(t, "scale-factor", dpia.AllScaleFactors())
	checkNames(t, "risk", dpia.AllRiskKinds())
	checkNames(t, "level", dpia.AllLevels())
	checkNames(t, "risk-level", dpia.AllRiskLevels())
	checkNames(t, "measure-kind", dpia.AllMeasureKinds())
	checkNames(t, "measure-status", dpia.AllMeasureStatuses())
	checkNames(t, "conclusion", dpia.AllConclusions())
	checkNames(t, "views", dpia.AllViewsStatuses())
	checkNames(t, "decision", dpia.AllDecisions())
	checkNames(t, "trigger", dpia.AllTriggers())
	checkNames(t, "topic", dpia.AllTopics())
	checkNames(t, "element", dpia.AllElements())
	checkNames(t, "list-item", dpia.AllListItems())
}

// TestDPIACodes renders every message code of package dpia with the
// arguments its producer passes.
func TestDPIACodes(t *testing.T) {
	day := compliance.DateArg(compliance.Date{Year: 2025, Month: time.March, Day: 17})
	crit := compliance.Name(dpia.SensitiveData)
	kind := compliance.Name(dpia.IllegitimateAccess)
	item := compliance.Name(dpia.NOLearning)
	text := compliance.Text("Behandling af lokaliseringsdata")
	args := map[compliance.Code][]compliance.Arg{
		dpia.CodeCriterion:           {crit},
		dpia.CodeCriterionCategories: {crit, compliance.Names(compliance.CategoriesOf(compliance.Health, compliance.Location).All())},
		dpia.CodeCriterionSubjects:   {compliance.Name(dpia.VulnerableSubjects), compliance.Names(compliance.SubjectsOf(compliance.Pupils).All())},
		dpia.CodeCriterionPublicArea: {compliance.Name(dpia.SystematicMonitoring)},
		dpia.CodeLargeScalePolicy:    {compliance.Name(dpia.FactorShare)},
		dpia.CodeNotLargeScalePolicy: nil,
		dpia.CodeLargeScaleUnknown:   nil,
		dpia.CodeLargeScaleOpen:      nil,
		dpia.CodeLargeScaleMoot:      nil,
		dpia.CodeIfLargeScale:        {compliance.Name(dpia.SpecialLargeScale)},
		dpia.CodeProfessional:        nil,
		dpia.CodeSituation:           {compliance.Name(dpia.PublicMonitoring)},
		dpia.CodeListItem:            {item},
		dpia.CodeListItemNoOther:     {compliance.Name(dpia.NOLocation)},
		dpia.CodeListItemDraft:       {compliance.Name(dpia.DKGenetic)},
		dpia.CodeCustomItem:          {text},
		dpia.CodeCustomItemNoOther:   {text},
		dpia.CodeCriteriaMet:         {compliance.Int(3)},
		dpia.CodeOneCriterion:        nil,
		dpia.CodeNoCriteria:          nil,
		dpia.CodeRebutted:            {compliance.Int(2)},
		dpia.CodeReasonsMissing:      nil,
		dpia.CodeDPOViewsMissing:     nil,
		dpia.CodeExempt:              {compliance.Name(dpia.LegislativeAssessment)},
		dpia.CodeExemptSimilar:       {compliance.Text("0191f0a4-0000-7000-8000-000000000001")},

		dpia.CodeMissing:                {compliance.Name(dpia.ElemDPOAdvice)},
		dpia.CodeTopicMissing:           {compliance.Name(dpia.TopicMinimisation)},
		dpia.CodeRiskMissing:            {kind},
		dpia.CodeRiskUnrated:            {kind},
		dpia.CodeRiskLevel:              {kind, compliance.Name(dpia.High), compliance.Name(dpia.Medium)},
		dpia.CodeResidualAbove:          {kind},
		dpia.CodeResidualNoMeasures:     {kind},
		dpia.CodeMeasurePending:         {kind, compliance.Text("M2"), compliance.Name(dpia.InProgress)},
		dpia.CodeIrreversible:           {kind},
		dpia.CodeConsultRequired:        {compliance.Names(dpia.AllRiskKinds())},
		dpia.CodeApprovedWithoutConsult: nil,
		dpia.CodeConsultDue:             {day, day},
		dpia.CodeConsultExtended:        {day},
		dpia.CodeConsultSuspended:       {compliance.Int(9)},
		dpia.CodeExtensionNoticeLate:    {day, day},
		dpia.CodeConsultLapsed:          {day},
		dpia.CodeConsultAnswered:        {day},
		dpia.CodeDPOAdvice:              {day, compliance.Name(dpia.ProceedWithChanges)},
		dpia.CodeDPOOverruled:           {compliance.Name(dpia.DoNotProceed)},
		dpia.CodeViewsReasonMissing:     nil,
		dpia.CodeViewsDiffer:            nil,
		dpia.CodeIncompleteApproved:     {day},
		dpia.CodeReview:                 {compliance.Name(dpia.NewSubProcessor)},
		dpia.CodeReviewPeriodic:         {compliance.PeriodArg(compliance.Years(3)), day, day},
		dpia.CodeReviewNext:             {day},
		dpia.CodeEdition:                {compliance.Int(2), day, compliance.Name(dpia.Approved)},

		dpia.CodeDocScreening:    {compliance.Text("Læringsplattform")},
		dpia.CodeDocOutcome:      nil,
		dpia.CodeDocJurisdiction: nil,
		dpia.CodeDocGrounds:      nil,
		dpia.CodeDocRecord:       nil,
		dpia.CodeDocAssessment:   {compliance.Text("Læringsplattform")},
		dpia.CodeDocEditions:     nil,
		dpia.CodeDocCheck:        nil,
		dpia.CodeDocDecision:     nil,
		dpia.CodeDocDraft:        nil,
	}
	for _, c := range dpia.Codes() {
		if _, ok := args[c]; !ok {
			t.Errorf("code %s has no test arguments", c)
		}
	}
	if len(args) != len(dpia.Codes()) {
		t.Errorf("the test has %d codes, dpia.Codes() %d", len(args), len(dpia.Codes()))
	}
	checkCodes(t, args)
	// The one suspended day takes the singular.
	checkCodes(t, map[compliance.Code][]compliance.Arg{dpia.CodeConsultSuspended: {compliance.Int(1)}})
}
