package dpia_test

import (
	"encoding/json"
	"iter"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

type enumValue interface {
	comparable
	String() string
	Key() string
	Valid() bool
	MarshalText() ([]byte, error)
}

func codesOfSeq[T enumValue](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// pin checks an enum's codes, which are API (CONTRIBUTING.md: add new ones
// at the end, never rename or reorder), its parse function and its keys.
func pin[T enumValue](t *testing.T, prefix string, all iter.Seq[T], parse func(string) (T, error), want ...string) {
	t.Helper()
	assert.Equal(t, want, codesOfSeq(all), prefix)
	i := 0
	for v := range all {
		i++
		assert.True(t, v.Valid())
		assert.Equal(t, prefix+"."+v.String(), v.Key())
		p, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, p)
	}
	var zero T
	assert.False(t, zero.Valid(), "%s: the zero value is invalid", prefix)
	b, err := zero.MarshalText()
	assert.NoError(t, err)
	assert.Empty(t, b, "%s: the zero value marshals as empty text", prefix)
	_, err = parse("Nordmann")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	assert.NotContains(t, err.Error(), "Nordmann")
}

func TestVocabularyCodes(t *testing.T) {
	pin(t, "dpia.criterion", dpia.AllCriteria(), dpia.ParseCriterion,
		"evaluation", "automated-decision", "systematic-monitoring", "sensitive-data", "large-scale",
		"matching", "vulnerable-subjects", "innovative-use", "prevents-rights")
	pin(t, "dpia.situation", dpia.AllSituations(), dpia.ParseSituation, "profiling", "special-large-scale", "public-monitoring")
	pin(t, "dpia.outcome", dpia.AllOutcomes(), dpia.ParseOutcome, "required", "likely-required", "not-required", "undetermined")
	pin(t, "dpia.exemption", dpia.AllExemptions(), dpia.ParseExemption,
		"similar-assessment", "legislative-assessment", "prior-checked", "exempt-list")
	pin(t, "dpia.answer", dpia.AllAnswers(), dpia.ParseAnswer, "yes", "no")
	pin(t, "dpia.geography", dpia.AllGeographies(), dpia.ParseGeography, "local", "regional", "national", "cross-border")
	pin(t, "dpia.scale-factor", dpia.AllScaleFactors(), dpia.ParseScaleFactor, "subjects", "share", "data-items", "geography")
	pin(t, "dpia.risk", dpia.AllRiskKinds(), dpia.ParseRiskKind, "illegitimate-access", "unwanted-modification", "disappearance")
	pin(t, "dpia.level", dpia.AllLevels(), dpia.ParseLevel, "negligible", "limited", "significant", "maximum")
	pin(t, "dpia.risk-level", dpia.AllRiskLevels(), dpia.ParseRiskLevel, "low", "medium", "high")
	pin(t, "dpia.measure-kind", dpia.AllMeasureKinds(), dpia.ParseMeasureKind, "technical", "organisational")
	pin(t, "dpia.measure-status", dpia.AllMeasureStatuses(), dpia.ParseMeasureStatus, "planned", "in-progress", "implemented")
	pin(t, "dpia.conclusion", dpia.AllConclusions(), dpia.ParseConclusion, "proceed", "proceed-with-changes", "do-not-proceed")
	pin(t, "dpia.views", dpia.AllViewsStatuses(), dpia.ParseViewsStatus, "sought", "not-sought")
	pin(t, "dpia.decision", dpia.AllDecisions(), dpia.ParseDecision, "approved", "conditional", "rejected")
	pin(t, "dpia.trigger", dpia.AllTriggers(), dpia.ParseTrigger,
		"new-data-categories", "new-subject-categories", "new-processor", "new-sub-processor",
		"new-technology", "changed-purpose", "new-transfer", "periodic", "other-change")
	pin(t, "dpia.topic", dpia.AllTopics(), dpia.ParseTopic,
		"purpose", "lawfulness", "minimisation", "retention", "information", "access",
		"rectification", "objection", "processors", "transfers")
	pin(t, "dpia.element", dpia.AllElements(), dpia.ParseElement,
		"purposes", "categories", "subjects", "recipients", "retention", "functional-description",
		"assets", "legitimate-interest", "necessity", "measures", "dpo-advice", "views")
	pin(t, "dpia.list-item", dpia.AllListItems(), dpia.ParseListItem,
		"no-third-party", "no-biometric", "no-genetic", "no-innovative", "no-employee-monitoring",
		"no-research-without-consent", "no-location", "no-learning", "no-public-monitoring",
		"no-school-camera", "no-algorithm-training", "no-proficiency", "no-prediction", "no-iot-welfare",
		"dk-biometric", "dk-genetic", "dk-location", "dk-innovative", "dk-automated-decision",
		"dk-large-scale-profiling")
}

func TestEnumJSON(t *testing.T) {
	var c dpia.Criterion
	require.NoError(t, json.Unmarshal([]byte(`"matching"`), &c))
	assert.Equal(t, dpia.Matching, c)
	assert.Error(t, json.Unmarshal([]byte(`"Matching"`), &c), "codes are exact")
	_, err := dpia.Criterion(42).MarshalText()
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestCodes(t *testing.T) {
	seen := map[compliance.Code]bool{}
	for _, c := range dpia.Codes() {
		assert.True(t, c.Valid(), "%s", c)
		assert.False(t, seen[c], "%s listed twice", c)
		seen[c] = true
		assert.True(t, slices.Contains([]string{"dpia"}, string(c)[:4]))
	}
}
