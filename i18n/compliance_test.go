package i18n_test

import (
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

// TestComplianceNames walks every vocabulary enum of package compliance.
func TestComplianceNames(t *testing.T) {
	checkNames(t, "jurisdiction", compliance.AllJurisdictions())
	checkNames(t, "class", compliance.AllClasses())
	checkNames(t, "data-category", compliance.AllDataCategories())
	checkNames(t, "subject-category", compliance.AllSubjectCategories())
	checkNames(t, "principle", compliance.AllPrinciples())
	checkNames(t, "legal-basis", compliance.AllLegalBases())
	checkNames(t, "special-condition", compliance.AllSpecialConditions())
	checkNames(t, "severity", compliance.AllSeverities())
	checkNames(t, "reason", compliance.AllReasons())
	checkNames(t, "instrument", compliance.AllInstruments())
	checkNames(t, "arg-kind", compliance.AllArgKinds())
	checkNames(t, "block-kind", compliance.AllBlockKinds())
	checkNames(t, "currency", compliance.AllCurrencies())
}

// TestComplianceCodes renders every message code of package compliance with
// the arguments its producer passes.
func TestComplianceCodes(t *testing.T) {
	when := compliance.TimeArg(time.Date(2025, 4, 17, 10, 37, 0, 0, time.UTC))
	day := compliance.DateArg(compliance.Date{Year: 2025, Month: 4, Day: 17})
	args := map[compliance.Code][]compliance.Arg{
		compliance.CodeDeadlineEnds:           {compliance.PeriodArg(compliance.Hours(72)), when, when},
		compliance.CodeDeadlineEndsDay:        {compliance.PeriodArg(compliance.Months(1)), when, day},
		compliance.CodeDeadlineRolled:         {day, day},
		compliance.CodeDeadlineHours:          nil,
		compliance.CodeDeadlineNextHour:       {when},
		compliance.CodeDeadlineTwoWorkingDays: nil,
		compliance.CodeText:                   {compliance.Text("x")},
	}
	for _, c := range compliance.DeadlineCodes() {
		if _, ok := args[c]; !ok {
			t.Errorf("code %s has no test arguments", c)
		}
	}
	checkCodes(t, args)
}

func TestIdentifierNames(t *testing.T) {
	checkNames(t, "sex", ident.AllSexes())
	checkNames(t, "fnr-kind", ident.AllFNRKinds())
}
