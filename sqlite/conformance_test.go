package sqlite

import (
	"testing"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/dpo/dpotest"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/notice/noticetest"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/compliance/training/trainingtest"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// Every Store of the DB passes its package's conformance suite against a
// SQLite file, each subtest in a fresh, migrated file. A small ListBatch
// makes List cross batch boundaries within the suites' eight records.

func newDB(t *testing.T) *DB {
	db, _ := openTest(t, &Options{ListBatch: 3})
	return db
}

func TestProcessorStore(t *testing.T) {
	processortest.Run(t, func(t *testing.T) processor.Store { return newDB(t).Processors() })
}

func TestDecisionStore(t *testing.T) {
	processortest.RunDecisions(t, func(t *testing.T) processor.DecisionStore { return newDB(t).Decisions() })
}

func TestBreachStore(t *testing.T) {
	breachtest.Run(t, func(t *testing.T) breach.Store { return newDB(t).Breaches() })
}

func TestDPIAStore(t *testing.T) {
	dpiatest.Run(t, func(t *testing.T) dpia.Store { return newDB(t).DPIAs() })
}

func TestRetentionStore(t *testing.T) {
	retentiontest.Run(t, func(t *testing.T) retention.Store { return newDB(t).Retention() })
}

func TestRecordStore(t *testing.T) {
	recordtest.Run(t, func(t *testing.T) record.Store { return newDB(t).Activities() })
}

func TestRightsStore(t *testing.T) {
	rightstest.Run(t, func(t *testing.T) rights.Store { return newDB(t).Requests() })
}

func TestCourseStore(t *testing.T) {
	trainingtest.Run(t, func(t *testing.T) training.Store { return newDB(t).Courses() })
}

func TestCompletionStore(t *testing.T) {
	trainingtest.RunCompletions(t, func(t *testing.T) training.CompletionStore { return newDB(t).Completions() })
}

func TestDPOEntryStore(t *testing.T) {
	dpotest.Run(t, func(t *testing.T) dpo.Store { return newDB(t).DPOEntries() })
}

func TestDPOConditionsStore(t *testing.T) {
	dpotest.RunConditions(t, func(t *testing.T) dpo.ConditionsStore { return newDB(t).DPOConditions() })
}

func TestNoticeStore(t *testing.T) {
	noticetest.Run(t, func(t *testing.T) notice.Store { return newDB(t).Notices() })
}
