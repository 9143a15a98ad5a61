package processor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// check compiles p under pol and checks req at when.
func check(t *testing.T, pol processor.Policy, p processor.Processor, req processor.Request, when time.Time) processor.Decision {
	t.Helper()
	return compile(t, pol, p).Check(req, when)
}

// finding returns the decision's finding with code c.
func finding(t *testing.T, d processor.Decision, c compliance.Code) compliance.Finding {
	t.Helper()
	for _, f := range d.Findings {
		if f.Code == c {
			return f
		}
	}
	t.Fatalf("no finding %s among %v", c, codes(d))
	return compliance.Finding{}
}

func hasRef(f compliance.Finding, r compliance.Ref) bool { return f.Refs.Contains(r) }

func TestCleanProcessorIsAllowed(t *testing.T) {
	d := check(t, policyDK(), clean(), request(), at(t))
	assert.Equal(t, processor.Allow, d.Outcome)
	assert.Empty(t, d.Findings)
	assert.True(t, d.Allowed())
	assert.Equal(t, pid(1), d.Processor)
	assert.Equal(t, "Sagssystemer A/S", d.Name)
	assert.Equal(t, clean().Agreements[0].ID, d.Agreement)
	assert.Equal(t, clean().Audits[0].ID, d.Audit)
	assert.Equal(t, processor.RuleSet, d.RuleSet)
	assert.Equal(t, "test-1", d.Policy)
	assert.True(t, d.At.Equal(at(t)))
}

// Every finding is well formed and cites at least one source: a rule
// without a reference is a bug.
func TestFindingsCiteSources(t *testing.T) {
	p := clean()
	p.OwnPurposes = true
	p.Parent = processor.Parent{Name: "Parent Inc.", Country: us}
	p.Agreements[0].Template = processor.TemplateCustom
	p.Agreements[0].Transfers = 0
	p.Agreements[0].BreachNoticeHours = 96
	p.SubProcessors[0].Address = ""
	p.SubProcessors[0].FlowDown = false
	p.Audits[0].Opinion = processor.Qualified
	p.Audits[0].ScopeConfirmed = false
	p.Locations = append(p.Locations, processor.Location{Country: in, Access: processor.Support},
		processor.Location{Country: sj, Access: processor.Backup})
	req := request()
	req.Data = req.Data.With(compliance.CriminalOffences)
	d := check(t, policyDK(), p, req, at(t))
	require.Greater(t, len(d.Findings), 8)
	for _, f := range d.Findings {
		assert.NoError(t, f.Validate(), "%s", f.Code)
		assert.Contains(t, processor.Codes(), f.Code)
	}
}

func TestRegistryAndRequest(t *testing.T) {
	s := compile(t, policyDK(), clean())
	for _, tt := range []struct {
		name string
		req  func(*processor.Request)
		want compliance.Code
	}{
		// Art 28(1): only processors that give sufficient guarantees; one not
		// in the register has shown none.
		{"Art 28(1): unknown processor", func(r *processor.Request) { r.Processor = pid(99) }, processor.CodeUnknown},
		// Art 28(3) and 29: the share must be checked against the agreement.
		{"Art 28(3): no data categories", func(r *processor.Request) { r.Data = 0 }, processor.CodeRequestIncomplete},
		{"Art 28(3): no subject categories", func(r *processor.Request) { r.Subjects = 0 }, processor.CodeRequestIncomplete},
		{"Art 5(1)(b): no purpose", func(r *processor.Request) { r.Purpose = "" }, processor.CodeRequestIncomplete},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := request()
			tt.req(&req)
			d := s.Check(req, at(t))
			assert.Equal(t, processor.Deny, d.Outcome)
			assert.Equal(t, []compliance.Code{tt.want}, codes(d))
		})
	}
	var none *processor.Snapshot
	assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(none.Check(request(), at(t))), "a nil snapshot has read nothing: it cannot say a processor is not in the register")
}

func TestAgreementInForce(t *testing.T) {
	for _, tt := range []struct {
		name    string
		edit    func(*processor.Processor)
		when    time.Time
		want    []compliance.Code
		wantArg compliance.Date
	}{
		{"Art 28(3): no agreement", func(p *processor.Processor) { p.Agreements = nil }, at(t),
			[]compliance.Code{processor.CodeNoAgreement}, compliance.Date{}},
		{"Art 28(3): before the agreement enters into force", func(p *processor.Processor) {}, time.Date(2024, time.January, 31, 23, 59, 0, 0, cph(t)),
			[]compliance.Code{processor.CodeAgreementPending, processor.CodeNoAudit}, date(2024, time.February, 1)},
		{"Art 28(3): in force from the first day, Copenhagen time", func(p *processor.Processor) { p.Audits = nil },
			time.Date(2024, time.February, 1, 0, 0, 0, 0, cph(t)), []compliance.Code{processor.CodeNoAudit}, compliance.Date{}},
		{"Art 28(3): still in force on its last day", func(p *processor.Processor) { p.Agreements[0].To = date(2026, time.May, 1) },
			time.Date(2026, time.May, 1, 23, 59, 0, 0, cph(t)), nil, compliance.Date{}},
		{"Art 28(3): ended", func(p *processor.Processor) { p.Agreements[0].To = date(2026, time.April, 30) }, at(t),
			[]compliance.Code{processor.CodeAgreementExpired}, date(2026, time.April, 30)},
		{"Art 28(9): not signed", func(p *processor.Processor) { p.Agreements[0].Signed = compliance.Date{} }, at(t),
			[]compliance.Code{processor.CodeAgreementUnsigned}, compliance.Date{}},
		{"Art 28(9): signed only after the instant", func(p *processor.Processor) { p.Agreements[0].Signed = date(2026, time.May, 2) }, at(t),
			[]compliance.Code{processor.CodeAgreementUnsigned}, compliance.Date{}},
		{"Art 28(3): a renewal takes over from the ended agreement", func(p *processor.Processor) {
			old := p.Agreements[0]
			old.To = date(2025, time.December, 31)
			renewed := p.Agreements[0]
			renewed.ID = compliance.IDFrom[processor.Agreement](uid(2, 2))
			renewed.From = date(2026, time.January, 1)
			renewed.Signed = date(2025, time.December, 1)
			p.Agreements = []processor.Agreement{renewed, old}
		}, at(t), nil, compliance.Date{}},
		{"Art 28(3): the next agreement is pending after the old one ended", func(p *processor.Processor) {
			p.Agreements[0].To = date(2026, time.April, 1)
			next := p.Agreements[0]
			next.ID = compliance.IDFrom[processor.Agreement](uid(2, 2))
			next.From, next.To = date(2026, time.June, 1), compliance.Date{}
			p.Agreements = append(p.Agreements, next)
		}, at(t), []compliance.Code{processor.CodeAgreementPending}, date(2026, time.June, 1)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			tt.edit(&p)
			d := check(t, policyDK(), p, request(), tt.when)
			assert.Equal(t, tt.want, codes(d))
			if !tt.wantArg.IsZero() {
				assert.Equal(t, tt.wantArg, d.Findings[0].Args[1].Date)
			}
			if len(tt.want) > 0 && tt.want[0] != processor.CodeNoAudit {
				assert.Equal(t, processor.Deny, d.Outcome)
				assert.True(t, d.Agreement.IsZero())
			}
		})
	}
}

func TestArticle28Content(t *testing.T) {
	t.Run("Art 28(3): a custom agreement must show every element", func(t *testing.T) {
		p := clean()
		p.Agreements[0].Template = processor.TemplateCustom
		p.Agreements[0].Clauses = 0
		d := check(t, policyDK(), p, request(), at(t))
		f := finding(t, d, processor.CodeContentMissing)
		assert.Equal(t, compliance.Violation, f.Severity)
		assert.Len(t, f.Args[0].Keys, 17, "7 first-sentence items, (a)-(h), the second subparagraph, Art 28(9)")
		assert.True(t, hasRef(f, compliance.GDPR(28, 3, "a")))
		assert.True(t, hasRef(f, compliance.GDPR(28, 3, "h")))
		assert.True(t, hasRef(f, compliance.GDPR(28, 9, "")))
	})
	t.Run("Art 28(3): the obligations and rights of the controller, a known slip (reference §1.1, S-04)", func(t *testing.T) {
		p := clean()
		p.Agreements[0].Clauses = processor.ClausesOf(processor.SubjectMatter, processor.Duration, processor.Nature,
			processor.Purpose, processor.DataTypes, processor.SubjectCategories)
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeContentMissing)
		assert.Equal(t, []string{processor.ControllerRights.Key()}, f.Args[0].Keys)
		r := compliance.GDPR(28, 3, "")
		r.Subparagraph = 1
		assert.Equal(t, []compliance.Ref{r}, f.Refs.Slice())
	})
	t.Run("Art 28(7) and (8): standard clauses imply points (a) to (h)", func(t *testing.T) {
		for _, tpl := range []processor.Template{processor.TemplateDKStandard, processor.TemplateEU2021915, processor.TemplateEU2021914} {
			p := clean()
			p.Agreements[0].Template = tpl
			assert.Empty(t, p.Agreements[0].MissingClauses(), "%s", tpl)
		}
		p := clean()
		p.Agreements[0].Template = processor.TemplateNOSSAD
		assert.True(t, p.Agreements[0].MissingClauses().Has(processor.AuditRights), "SSA-D is not adopted under Art 28(7) or (8)")
	})
	t.Run("Art 28(3)(a): no instruction on transfers", func(t *testing.T) {
		p := clean()
		p.Agreements[0].Transfers = 0
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeTransferInstructionsMissing)
		assert.Equal(t, []compliance.Ref{compliance.GDPR(28, 3, "a")}, f.Refs.Slice())
	})
}

func TestClauseRefs(t *testing.T) {
	first := compliance.GDPR(28, 3, "")
	first.Subparagraph = 1
	last := compliance.GDPR(28, 3, "")
	last.Subparagraph = 2
	for c, want := range map[processor.Clause]compliance.Ref{
		processor.SubjectMatter:          first,
		processor.ControllerRights:       first,
		processor.Instructions:           compliance.GDPR(28, 3, "a"),
		processor.Confidentiality:        compliance.GDPR(28, 3, "b"),
		processor.Security:               compliance.GDPR(28, 3, "c"),
		processor.SubProcessorTerms:      compliance.GDPR(28, 3, "d"),
		processor.DataSubjectRights:      compliance.GDPR(28, 3, "e"),
		processor.Assistance:             compliance.GDPR(28, 3, "f"),
		processor.Deletion:               compliance.GDPR(28, 3, "g"),
		processor.AuditRights:            compliance.GDPR(28, 3, "h"),
		processor.InfringingInstructions: last,
		processor.InWriting:              compliance.GDPR(28, 9, ""),
	} {
		assert.Equal(t, want, c.Ref(), "%s", c)
	}
	assert.True(t, processor.Clause(0).Ref().IsZero())
}

func TestCoverage(t *testing.T) {
	for _, tt := range []struct {
		name string
		req  func(*processor.Request)
		want []compliance.Code
		subj []string
	}{
		{"Art 28(3), 29: a category outside the agreement", func(r *processor.Request) {
			r.Data = r.Data.With(compliance.CriminalOffences).With(compliance.Financial)
		}, []compliance.Code{processor.CodeDataNotCovered, processor.CodeDataNotCovered}, []string{"financial", "criminal-offences"}},
		{"Art 28(3): subjects outside the agreement", func(r *processor.Request) { r.Subjects = r.Subjects.With(compliance.Children) },
			[]compliance.Code{processor.CodeSubjectsNotCovered}, []string{"children"}},
		{"Art 5(1)(b), 28(3): a purpose outside the agreement", func(r *processor.Request) { r.Purpose = "markedsføring" },
			[]compliance.Code{processor.CodePurposeOutside}, []string{"purpose"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := request()
			tt.req(&req)
			d := check(t, policyDK(), clean(), req, at(t))
			assert.Equal(t, processor.Deny, d.Outcome)
			assert.Equal(t, tt.want, codes(d))
			for i, f := range d.Findings {
				assert.Equal(t, tt.subj[i], f.Subject)
			}
		})
	}
	t.Run("Art 28(3): operations are checked only when both sides name them", func(t *testing.T) {
		p := clean()
		req := request()
		req.Operations = processor.OperationsOf(processor.Storage, processor.Disclosure)
		assert.Equal(t, processor.Allow, check(t, policyDK(), p, req, at(t)).Outcome, "the agreement does not restrict operations")
		p.Agreements[0].Operations = processor.OperationsOf(processor.Storage, processor.Retrieval)
		d := check(t, policyDK(), p, req, at(t))
		assert.Equal(t, []compliance.Code{processor.CodeOperationNotCovered}, codes(d))
		assert.Equal(t, []string{processor.Disclosure.Key()}, d.Findings[0].Args[0].Keys)
	})
}

func TestBreachNotice(t *testing.T) {
	for _, tt := range []struct {
		name  string
		hours int
		want  []compliance.Code
		out   processor.Outcome
	}{
		// Art 33(2) sets no hour count for processors: an agreement without
		// one is lawful, and the finding is information.
		{"Art 33(2): no hours agreed", 0, []compliance.Code{processor.CodeBreachNoticeUnset}, processor.Allow},
		{"Art 33(2): 24 hours (Kalundborg-style template)", 24, nil, processor.Allow},
		{"Art 33(1): 72 hours leaves the kommune no time", 72, nil, processor.Allow},
		{"Art 33(1): more than the kommune's own 72 hours", 96, []compliance.Code{processor.CodeBreachNoticeLate}, processor.AllowWithWarnings},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			p.Agreements[0].BreachNoticeHours = tt.hours
			d := check(t, policyDK(), p, request(), at(t))
			assert.Equal(t, tt.want, codes(d))
			assert.Equal(t, tt.out, d.Outcome)
		})
	}
}

func TestSubProcessors(t *testing.T) {
	general := processor.Authorisation{Kind: processor.AuthorisationGeneral, Notice: true, NoticePeriod: compliance.Days(30), Objection: true}
	for _, tt := range []struct {
		name string
		edit func(*processor.Processor)
		want []compliance.Code
		out  processor.Outcome
	}{
		{"Art 28(2): no authorisation at all", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = processor.Authorisation{}
		}, []compliance.Code{processor.CodeSubProcessingNotAuthorised}, processor.Deny},
		{"Art 28(2): an agreement that allows no sub-processors", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = processor.Authorisation{Kind: processor.AuthorisationNone}
		}, []compliance.Code{processor.CodeSubProcessingNotAuthorised}, processor.Deny},
		{"Art 28(2): specific authorisation, not given", func(p *processor.Processor) {
			p.SubProcessors[0].Approved = compliance.Date{}
		}, []compliance.Code{processor.CodeSubNotApproved}, processor.Deny},
		{"Art 28(2): specific authorisation given after the instant", func(p *processor.Processor) {
			p.SubProcessors[0].Approved = date(2026, time.May, 2)
		}, []compliance.Code{processor.CodeSubNotApproved}, processor.Deny},
		{"Art 28(2), second sentence: general authorisation without an objection right", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = processor.Authorisation{Kind: processor.AuthorisationGeneral, Notice: true}
		}, []compliance.Code{processor.CodeGeneralAuthorisationIncomplete}, processor.Deny},
		{"Art 28(2), second sentence: general authorisation without notice", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = processor.Authorisation{Kind: processor.AuthorisationGeneral, Objection: true}
		}, []compliance.Code{processor.CodeGeneralAuthorisationIncomplete}, processor.Deny},
		{"Art 28(2): general authorisation, objection period running", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = general
			p.SubProcessors[0].Approved = compliance.Date{}
			p.SubProcessors[0].Notified = date(2026, time.April, 20)
		}, []compliance.Code{processor.CodeSubObjectionPeriod}, processor.AllowWithWarnings},
		{"Art 28(2): general authorisation, objection period over", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = general
			p.SubProcessors[0].Approved = compliance.Date{}
			p.SubProcessors[0].Notified = date(2026, time.March, 20)
		}, nil, processor.Allow},
		{"Art 28(2): general authorisation, not notified", func(p *processor.Processor) {
			p.Agreements[0].SubProcessing = general
			p.SubProcessors[0].Approved = compliance.Date{}
		}, []compliance.Code{processor.CodeSubNotApproved}, processor.Deny},
		{"Art 28(2): the kommune objected", func(p *processor.Processor) {
			p.SubProcessors[0].Objected = date(2026, time.April, 1)
		}, []compliance.Code{processor.CodeSubObjected}, processor.Deny},
		{"Art 28(2): a removed sub-processor no longer counts", func(p *processor.Processor) {
			p.SubProcessors[0].Approved = compliance.Date{}
			p.SubProcessors[0].Removed = date(2026, time.April, 1)
		}, nil, processor.Allow},
		{"Art 28(4): no record of the flow-down contract", func(p *processor.Processor) {
			p.SubProcessors[0].FlowDown = false
		}, []compliance.Code{processor.CodeSubFlowDown}, processor.AllowWithWarnings},
		{"EDPB Opinion 22/2024: name, address and contact person at all times", func(p *processor.Processor) {
			p.SubProcessors[0].Address, p.SubProcessors[0].Contact = "", " "
		}, []compliance.Code{processor.CodeSubUnidentified}, processor.Deny},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			tt.edit(&p)
			d := check(t, policyDK(), p, request(), at(t))
			assert.Equal(t, tt.want, codes(d))
			assert.Equal(t, tt.out, d.Outcome)
		})
	}
	t.Run("Art 28(2): the objection period ends after the agreed notice (30 days from 20 April)", func(t *testing.T) {
		p := clean()
		p.Agreements[0].SubProcessing = general
		p.SubProcessors[0].Approved = compliance.Date{}
		p.SubProcessors[0].Notified = date(2026, time.April, 20)
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeSubObjectionPeriod)
		assert.Equal(t, date(2026, time.May, 20), f.Args[1].Date)
		d := check(t, policyDK(), p, request(), time.Date(2026, time.May, 21, 0, 0, 0, 0, cph(t)))
		assert.Equal(t, processor.Allow, d.Outcome)
	})
	t.Run("EDPB Opinion 22/2024: the missing parts are named", func(t *testing.T) {
		p := clean()
		p.SubProcessors[0] = processor.SubProcessor{ID: p.SubProcessors[0].ID, Approved: date(2024, 1, 10), FlowDown: true}
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeSubUnidentified)
		assert.Equal(t, p.SubProcessors[0].ID.String(), f.Args[0].Text, "a sub-processor without a name is named by its ID")
		assert.Len(t, f.Args[1].Keys, 5)
		assert.True(t, hasRef(f, compliance.Guidance(compliance.EDPBOpinion, "22/2024", "")))
	})
}

func TestOwnPurposesChromebook2024(t *testing.T) {
	// Datatilsynet DK, 30 January 2024, j.nr. 2023-431-0001: no legal basis
	// for disclosing pupils' data to Google for Google's own purposes; a
	// processor that decides purposes is a controller (Art 28(10)).
	p := clean()
	p.OwnPurposes = true
	d := check(t, policyDK(), p, request(), at(t))
	assert.Equal(t, processor.Deny, d.Outcome)
	f := finding(t, d, processor.CodeOwnPurposes)
	assert.True(t, hasRef(f, compliance.GDPR(28, 10, "")))
	assert.Equal(t, compliance.DKDatatilsynet, f.Refs.At(2).Instrument)
}
