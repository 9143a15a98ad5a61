package i18n_test

import (
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestRetentionNames walks every vocabulary enum of package retention.
func TestRetentionNames(t *testing.T) {
	checkNames(t, "scheme", retention.AllSchemes())
	checkNames(t, "disposition", retention.AllDispositions())
	checkNames(t, "trigger", retention.AllTriggers())
	checkNames(t, "outcome", retention.AllOutcomes())
	checkNames(t, "bevaring", retention.AllBevarings())
	checkNames(t, "kassasjonsvedtak", retention.AllKassasjonsvedtak())
}

// TestRetentionCodes renders every finding code of package retention with
// the arguments Decision.Findings and Erasure.Findings pass.
func TestRetentionCodes(t *testing.T) {
	due := compliance.DateArg(compliance.Date{Year: 2030, Month: time.March, Day: 15})
	event := compliance.DateArg(compliance.Date{Year: 2025, Month: time.March, Day: 15})
	args := map[compliance.Code][]compliance.Arg{
		retention.CodeNotStarted: {compliance.Name(retention.Closed)},
		retention.CodeKeepUntil: {due, compliance.PeriodArg(compliance.Years(5)),
			compliance.Name(retention.Closed), event, compliance.Name(retention.Delete)},
		retention.CodeKeepUntilDate:      {due, compliance.Name(retention.Delete)},
		retention.CodeDeleteDue:          {due},
		retention.CodeTransfer:           nil,
		retention.CodeReviewDue:          {due},
		retention.CodeKeepPermanent:      nil,
		retention.CodeNoRule:             nil,
		retention.CodeKLEWithdrawn:       nil,
		retention.CodeNoPeriod:           nil,
		retention.CodeHold:               {due},
		retention.CodePrecedent:          nil,
		retention.CodeArchiveMinimum:     {compliance.PeriodArg(compliance.Days(1825)), event, due},
		retention.CodeYearEnd:            {event},
		retention.CodeErasureDue:         nil,
		retention.CodeErasureRefused:     nil,
		retention.CodeErasureRefusedHold: nil,
		retention.CodeRestriction:        nil,
	}
	at := compliance.TimeArg(time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
	report := map[compliance.Code][]compliance.Arg{
		retention.CodeReportTitle: {at},
		retention.CodeReportSummary: {compliance.Int(12), compliance.Int(5), compliance.Int(3),
			compliance.Int(2), compliance.Int(2)},
		retention.CodeReportRecord: {compliance.Text("2025-000123"), compliance.Name(retention.KLE),
			compliance.Text("25.02.00")},
		retention.CodeReportRecordNoClass: {compliance.Text("2025-000123")},
		retention.CodeErasureTitle:        {compliance.Text("2025-000123"), at},
	}
	for _, c := range retention.ReportCodes() {
		if _, ok := report[c]; !ok {
			t.Errorf("document code %s has no test arguments", c)
		}
	}
	checkCodes(t, report)
	checkCodes(t, map[compliance.Code][]compliance.Arg{retention.CodeReportSummary: {compliance.Int(1),
		compliance.Int(1), compliance.Int(0), compliance.Int(0), compliance.Int(0)}})
	for _, c := range retention.Codes() {
		if _, ok := args[c]; !ok {
			t.Errorf("code %s has no test arguments", c)
		}
	}
	if len(args) != len(retention.Codes()) {
		t.Errorf("the test covers %d codes, retention.Codes lists %d", len(args), len(retention.Codes()))
	}
	checkCodes(t, args)
}
