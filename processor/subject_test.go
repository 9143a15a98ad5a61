package processor_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// The compiled snapshot keeps no ID text (issue 19, item 5): a finding that
// names an agreement, an audit, a sub-processor or the processor by its ID
// gets that ID's canonical form as its Subject when the decision is made.
// Each case names the rule whose finding it raises.
func TestSubjectByID(t *testing.T) {
	// IDs with every hex digit, so that the text is checked digit by digit.
	pidX := compliance.ProcessorID{UUID: uuid.MustParse("0190c3a1-7b2e-7d4f-9a8b-c0d1e2f3a4b5")}
	agX := compliance.IDFrom[processor.Agreement](uuid.MustParse("fedcba98-7654-7321-8fed-cba987654321"))
	auX := compliance.IDFrom[processor.Audit](uuid.MustParse("a1b2c3d4-e5f6-7a8b-9cad-bedf01234567"))
	spX := compliance.IDFrom[processor.SubProcessor](uuid.MustParse("0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0"))
	base := func() processor.Processor {
		p := clean()
		p.ID, p.Agreements[0].ID, p.Audits[0].ID, p.SubProcessors[0].ID = pidX, agX, auX, spX
		return p
	}
	req := request()
	req.Processor = pidX
	for _, tt := range []struct {
		name string
		edit func(*processor.Processor)
		code compliance.Code
		want string
	}{
		{"Art 28(3): no agreement names the processor", func(p *processor.Processor) { p.Agreements = nil }, processor.CodeNoAgreement, pidX.String()},
		{"Art 28(3): an expired agreement names the agreement", func(p *processor.Processor) { p.Agreements[0].To = date(2025, time.December, 31) },
			processor.CodeAgreementExpired, agX.String()},
		{"Art 28(2): an unapproved sub-processor names the sub-processor", func(p *processor.Processor) { p.SubProcessors[0].Approved = compliance.Date{} },
			processor.CodeSubNotApproved, spX.String()},
		{"Art 28(2): an objected sub-processor names the sub-processor", func(p *processor.Processor) { p.SubProcessors[0].Objected = date(2026, time.April, 1) },
			processor.CodeSubObjected, spX.String()},
		{"Art 28(3)(h), 32(1)(d): no audit names the processor", func(p *processor.Processor) { p.Audits = nil }, processor.CodeNoAudit, pidX.String()},
		{"Art 28(3)(h), 32(1)(d): an overdue audit names the audit", func(p *processor.Processor) { p.Audits[0].Issued = date(2024, time.March, 1) },
			processor.CodeAuditOverdue, auX.String()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.edit(&p)
			d := check(t, policyDK(), p, req, at(t))
			f := finding(t, d, tt.code)
			assert.Equal(t, tt.want, f.Subject)
			// The ID text costs at most one allocation more than the
			// findings: a denied Check stays within two.
			s, when := compile(t, policyDK(), p), at(t)
			if n := testing.AllocsPerRun(50, func() { _ = s.Check(req, when) }); n > 2 {
				t.Errorf("%v allocations per Check, want at most 2", n)
			}
		})
	}
	t.Run("several findings by ID in one decision", func(t *testing.T) {
		p := base()
		p.Audits = nil
		p.SubProcessors[0].Objected = date(2026, time.April, 1)
		d := check(t, policyDK(), p, req, at(t))
		assert.Equal(t, pidX.String(), finding(t, d, processor.CodeNoAudit).Subject)
		assert.Equal(t, spX.String(), finding(t, d, processor.CodeSubObjected).Subject)
	})
}

// A processor's sub-processors keep their instants in a pool of distinct
// values; past 16 of them the pool is indexed by a map. Each sub-processor
// must still read its own dates (Art 28(2): approved before it is engaged;
// one removed before the instant is no longer engaged).
func TestManySubProcessorDates(t *testing.T) {
	p := clean()
	sp0 := p.SubProcessors[0]
	p.SubProcessors = nil
	var want, wantNames []string
	for k := range 40 {
		sp := sp0
		sp.ID = compliance.IDFrom[processor.SubProcessor](uuid.UUID{6: 0x70, 8: 0x80, 13: 9, 14: byte(k), 15: 1})
		sp.Name = "Underleverandør " + string(rune('A'+k))
		switch {
		case k < 20: // approved on a day of its own, before the instant
			sp.Approved = date(2024, time.January, 10).AddDays(k)
		case k == 39: // removed before the instant: not engaged
			sp.Approved = date(2026, time.June, 1)
			sp.Removed = date(2026, time.April, 1)
		default: // approved only after the instant
			sp.Approved = date(2026, time.June, 1).AddDays(k)
			want, wantNames = append(want, sp.ID.String()), append(wantNames, sp.Name)
		}
		p.SubProcessors = append(p.SubProcessors, sp)
	}
	d := check(t, policyDK(), p, request(), at(t))
	var got, gotNames []string
	for _, f := range d.Findings {
		if f.Code == processor.CodeSubNotApproved {
			got, gotNames = append(got, f.Subject), append(gotNames, f.Args[0].Text)
		}
	}
	assert.Equal(t, want, got)
	assert.Equal(t, wantNames, gotNames)
	assert.Equal(t, processor.Deny, d.Outcome)
}

// The findings that a place has no basis, or that a recipient is not (or no
// longer) certified under the Data Privacy Framework, are built per
// decision from the destination's facts (issue 19); each must say what the
// compiled finding said: its references, every argument and its Subject.
func TestTransferFindingsBuiltPerDecision(t *testing.T) {
	sub := func(l processor.Location, dpf processor.DPF) processor.Processor {
		p := clean()
		sp := p.SubProcessors[0]
		sp.ID = compliance.IDFrom[processor.SubProcessor](uuid.MustParse("0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0"))
		sp.Name, sp.Country, sp.Address = "Support Inc.", us, "1 Main St"
		sp.Locations, sp.DPF = []processor.Location{l}, dpf
		p.SubProcessors = append(p.SubProcessors, sp)
		p.ExposureAssessed = date(2026, time.January, 5)
		return p
	}
	dpf := processor.DPF{Since: date(2023, time.August, 1), Due: date(2026, time.April, 30)}
	for _, tt := range []struct {
		name string
		p    processor.Processor
		at   time.Time
		want string
	}{
		{"Art 44, 46(1); Datatilsynet DK 2026 reprimand: a sub-processor's international organisation without a tool, before decision 2025/1382",
			sub(processor.Location{Organisation: processor.EPO, Access: processor.Hosting}, processor.DPF{}), atDate(t, 2025, time.January, 15),
			`{"code":"processor.organisation-no-basis","severity":"violation","principle":"lawfulness",` +
				`"refs":["gdpr art 44","gdpr art 46(1)","dk-datatilsynet \"afgørelse af 29. januar 2026, j.nr. 2025-431-0053\""],` +
				`"args":[{"kind":"text","text":"Support Inc."},{"kind":"name","keys":["processor.access.hosting"]},{"kind":"name","keys":["processor.organisation.epo"]}],` +
				`"subject":"0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0:epo:hosting"}`},
		{"Art 44, 46(1); Datatilsynet DK, 14 July 2022: support from India without a tool",
			sub(processor.Location{Country: in, Access: processor.Support}, processor.DPF{}), at(t),
			`{"code":"processor.transfer-no-basis","severity":"violation","principle":"lawfulness",` +
				`"refs":["gdpr art 44","gdpr art 46(1)","dk-datatilsynet \"afgørelse af 14. juli 2022, j.nr. 2020-431-0061\""],` +
				`"args":[{"kind":"text","text":"Support Inc."},{"kind":"name","keys":["processor.access.support"]},{"kind":"country","country":"IN"}],` +
				`"subject":"0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0:IN:support"}`},
		{"Art 45, 2023/1795: a certification past its due date",
			sub(processor.Location{Country: us, Access: processor.Hosting}, dpf), at(t),
			`{"code":"processor.dpf-lapsed","severity":"violation","principle":"lawfulness",` +
				`"refs":["eu-act \"2023/1795\"","gdpr art 45(1)"],` +
				`"args":[{"kind":"text","text":"Support Inc."},{"kind":"date","date":"2026-04-30"}],` +
				`"subject":"0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0:US:hosting"}`},
		{"Art 45, 2023/1795: only organisations on the DPF List",
			sub(processor.Location{Country: us, Access: processor.Hosting}, processor.DPF{}), at(t),
			`{"code":"processor.dpf-not-certified","severity":"violation","principle":"lawfulness",` +
				`"refs":["eu-act \"2023/1795\"","gdpr art 45(1)"],` +
				`"args":[{"kind":"text","text":"Support Inc."}],` +
				`"subject":"0f1e2d3c-4b5a-7968-8776-a5b4c3d2e1f0:US:hosting"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := check(t, policyDK(), tt.p, request(), tt.at)
			var f compliance.Finding
			for _, x := range d.Findings {
				if x.Severity == compliance.Violation && x.Code != processor.CodeTransferNotInstructed {
					f = x
				}
			}
			got, err := json.Marshal(f)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(got))
		})
	}
}

// Each sub-processor's own audit evidence (from, due) is read from the
// processor's pool of instants as a pair; with many distinct dates the pool
// grows past its map threshold. Art 28(1), 28(4) and EDPB Opinion 22/2024:
// where the processor's audit carves sub-processors out, each needs its
// own, current evidence.
func TestManySubProcessorEvidence(t *testing.T) {
	p := clean()
	p.Audits[0].CarveOut = true
	sp0 := p.SubProcessors[0]
	p.SubProcessors = nil
	var want []string
	for k := range 30 {
		sp := sp0
		sp.ID = compliance.IDFrom[processor.SubProcessor](uuid.UUID{6: 0x70, 8: 0x80, 13: 8, 14: byte(k), 15: 1})
		sp.Approved = date(2024, time.January, 10).AddDays(k)
		switch k % 3 {
		case 0: // current: audited within the interval of one year
			sp.Audited = date(2025, time.June, 1).AddDays(k)
		case 1: // overdue: audited more than a year before the instant
			sp.Audited = date(2025, time.January, 1).AddDays(k)
			want = append(want, sp.ID.String())
		case 2: // never audited
			want = append(want, sp.ID.String())
		}
		p.SubProcessors = append(p.SubProcessors, sp)
	}
	d := check(t, policyDK(), p, request(), at(t))
	var got []string
	for _, f := range d.Findings {
		if f.Code == processor.CodeSubNoEvidence {
			got = append(got, f.Subject)
		}
	}
	assert.Equal(t, want, got)
}
