package processor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// The supervision of processors: Datatilsynet DK derives it from Art 5(2),
// 24, 28(1) and 28(3)(h) and asks that it be risk-based ("Vejledning om
// tilsyn med databehandlere", 29 October 2021). The grading of opinions,
// scope and carve-outs follows reference §2.3.
func TestSupervision(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*processor.Processor)
		pol  func(*processor.Policy)
		when time.Time
		want []compliance.Code
		out  processor.Outcome
	}{
		{"Art 28(1), 28(3)(h): no evidence at all", func(p *processor.Processor) { p.Audits = nil }, nil, at(t),
			[]compliance.Code{processor.CodeNoAudit}, processor.AllowWithWarnings},
		{"Art 28(1): a statement issued after the instant does not count yet", func(p *processor.Processor) {}, nil,
			time.Date(2026, time.February, 28, 12, 0, 0, 0, cph(t)), []compliance.Code{processor.CodeNoAudit}, processor.AllowWithWarnings},
		{"Art 5(2), 24: overdue by the plan's yearly interval", func(p *processor.Processor) {
			p.Audits[0].Issued = date(2025, time.March, 3)
		}, nil, at(t), []compliance.Code{processor.CodeAuditOverdue}, processor.AllowWithWarnings},
		{"Art 5(2), 24: the policy's interval for the risk level applies when the plan sets none", func(p *processor.Processor) {
			p.Supervision.Interval = compliance.Period{}
			p.Audits[0].Issued = date(2025, time.March, 3)
		}, func(pol *processor.Policy) { pol.Intervals.High = compliance.Months(18) }, at(t), nil, processor.Allow},
		{"reference §6 item 1: no interval anywhere is a finding, never a default", func(p *processor.Processor) {
			p.Supervision.Interval = compliance.Period{}
		}, nil, at(t), []compliance.Code{processor.CodeSupervisionUnplanned}, processor.AllowWithWarnings},
		{"reference §2.3: a qualified opinion is never an automatic pass", func(p *processor.Processor) {
			p.Audits[0].Opinion = processor.Qualified
			p.Audits[0].Deviations = []processor.Deviation{{Control: "A.12.4", FollowUp: processor.Resolved}}
		}, nil, at(t), []compliance.Code{processor.CodeAuditQualified}, processor.AllowWithWarnings},
		{"Art 28(1): an adverse opinion shows no sufficient guarantees", func(p *processor.Processor) {
			p.Audits[0].Opinion = processor.Adverse
		}, nil, at(t), []compliance.Code{processor.CodeAuditAdverse}, processor.Deny},
		{"Art 28(1): a disclaimer shows no sufficient guarantees either", func(p *processor.Processor) {
			p.Audits[0].Opinion = processor.Disclaimer
		}, nil, at(t), []compliance.Code{processor.CodeAuditAdverse}, processor.Deny},
		{"reference §2.3 (Grant Thornton): a statement generic for the processor", func(p *processor.Processor) {
			p.Audits[0].ScopeConfirmed = false
		}, nil, at(t), []compliance.Code{processor.CodeAuditScope}, processor.AllowWithWarnings},
		{"reference §2.3: a statement must be read, not just filed", func(p *processor.Processor) {
			p.Audits[0].Reviewed = compliance.Date{}
		}, nil, at(t), []compliance.Code{processor.CodeAuditUnreviewed}, processor.AllowWithWarnings},
		{"FSR and Datatilsynet 2020: type 1 covers a date only", func(p *processor.Processor) {
			p.Audits[0].Type = processor.ISAE3000Type1
		}, nil, at(t), []compliance.Code{processor.CodeAuditPointInTime}, processor.Allow},
		{"reference §2.3: a deviation whose follow-up is overdue", func(p *processor.Processor) {
			p.Audits[0].Deviations = []processor.Deviation{
				{Control: "A.9.2.3", FollowUp: processor.Planned, Due: date(2026, time.April, 30)},
				{Control: "A.12.4", FollowUp: processor.Open, Due: date(2026, time.May, 1)},
				{Control: "A.5.1", FollowUp: processor.Resolved, Due: date(2026, time.January, 1)},
			}
		}, nil, at(t), []compliance.Code{processor.CodeDeviationOverdue}, processor.AllowWithWarnings},
		{"reference §2.3 (ISAE 3402 partial method): carve-out without the sub-processor's evidence", func(p *processor.Processor) {
			p.Audits[0].CarveOut = true
		}, nil, at(t), []compliance.Code{processor.CodeSubNoEvidence}, processor.AllowWithWarnings},
		{"EDPB Opinion 22/2024: carve-out with the sub-processor's own evidence", func(p *processor.Processor) {
			p.Audits[0].CarveOut = true
			p.SubProcessors[0].Audited = date(2025, time.November, 1)
		}, nil, at(t), nil, processor.Allow},
		{"EDPB Opinion 22/2024: the sub-processor's evidence is overdue too", func(p *processor.Processor) {
			p.Audits[0].CarveOut = true
			p.SubProcessors[0].Audited = date(2025, time.March, 1)
		}, nil, at(t), []compliance.Code{processor.CodeSubNoEvidence}, processor.AllowWithWarnings},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			tt.edit(&p)
			pol := policyDK()
			if tt.pol != nil {
				tt.pol(&pol)
			}
			d := check(t, pol, p, request(), tt.when)
			assert.Equal(t, tt.want, codes(d))
			assert.Equal(t, tt.out, d.Outcome)
		})
	}
	t.Run("the due date is a year after issue, rolled to a working day (1 March 2026 is a Sunday)", func(t *testing.T) {
		p := clean()
		p.Audits[0].Issued = date(2025, time.March, 1)
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeAuditOverdue)
		assert.Equal(t, date(2026, time.March, 2), f.Args[0].Date)
		d := check(t, policyDK(), p, request(), time.Date(2026, time.March, 2, 23, 0, 0, 0, cph(t)))
		assert.Equal(t, processor.Allow, d.Outcome, "not overdue on the due day")
	})
	t.Run("a qualified opinion counts its deviations", func(t *testing.T) {
		p := clean()
		p.Audits[0].Opinion = processor.Qualified
		p.Audits[0].Deviations = make([]processor.Deviation, 3)
		for i := range p.Audits[0].Deviations {
			p.Audits[0].Deviations[i].FollowUp = processor.Accepted
		}
		assert.Equal(t, int64(3), finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeAuditQualified).Args[0].Int)
	})
	t.Run("the latest statement governs", func(t *testing.T) {
		p := clean()
		older := p.Audits[0]
		older.ID = compliance.IDFrom[processor.Audit](uid(4, 2))
		older.Issued = date(2025, time.March, 1)
		older.Opinion = processor.Adverse
		p.Audits = append(p.Audits, older)
		d := check(t, policyDK(), p, request(), at(t))
		assert.Equal(t, processor.Allow, d.Outcome)
		assert.Equal(t, p.Audits[0].ID, d.Audit)
	})
}

// Datatilsynet DK's point model (guidance of 29 October 2021, as GLS-A
// summarises it; reference §2.2): the sum of points selects the allowed
// supervision concepts. The questions' points are not known and are not
// computed.
func TestMinConcept(t *testing.T) {
	for points, want := range map[int]int{1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 5, 8: 5, 9: 5, 10: 5} {
		got, ok := processor.MinConcept(points)
		assert.True(t, ok)
		assert.Equal(t, want, got, "%d points", points)
	}
	for _, points := range []int{0, -1, 11} {
		_, ok := processor.MinConcept(points)
		assert.False(t, ok, "%d points", points)
	}
	p := clean()
	p.Supervision.Points, p.Supervision.Concept = 7, 4
	f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeConceptBelowModel)
	assert.Equal(t, []int64{7, 5, 4}, []int64{f.Args[0].Int, f.Args[1].Int, f.Args[2].Int})
	p.Supervision.Concept = 5
	assert.Equal(t, processor.Allow, check(t, policyDK(), p, request(), at(t)).Outcome)
}
