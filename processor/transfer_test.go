package processor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/processor"
)

// withSub returns clean() with a second, approved sub-processor in country
// c whose only place is loc, an agreement whose instruction allows
// transfers to loc's country, and an old audit with a long interval, so that
// the processor can be checked years back.
func withSub(c compliance.Country, loc processor.Location) processor.Processor {
	p := clean()
	p.Agreements[0].Transfers, p.Agreements[0].TransferCountries = processor.TransfersListed, []compliance.Country{loc.Country}
	if loc.Country.IsZero() {
		p.Agreements[0].Transfers, p.Agreements[0].TransferCountries = processor.AdequateOnly, nil
	}
	old := p.Audits[0]
	old.ID, old.Issued = compliance.IDFrom[processor.Audit](uid(4, 9)), date(2020, time.January, 6)
	p.Audits = append(p.Audits, old)
	p.Supervision.Interval = compliance.Years(20)
	p.Agreements[0].Signed, p.Agreements[0].From = date(2019, time.December, 1), date(2020, time.January, 1)
	p.SubProcessors[0].Approved = date(2019, time.December, 1)
	p.SubProcessors = append(p.SubProcessors, processor.SubProcessor{
		ID: compliance.IDFrom[processor.SubProcessor](uid(3, 2)), Name: "Support Ltd", Address: "1 High St", Contact: "privacy",
		Country: c, Service: "support", Approved: date(2019, time.December, 1), Changed: date(2024, time.January, 10),
		FlowDown: true, Locations: []processor.Location{loc},
	})
	return p
}

func atDate(t *testing.T, y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 12, 0, 0, 0, cph(t))
}

// The table as data: decision numbers, adoption dates and scope limits as
// reference/processor-transfers.md §3.4 gives them.
func TestAdequacyTable(t *testing.T) {
	type row struct {
		decision string
		adopted  compliance.Date
		until    compliance.Date
		scope    processor.Scope
		pending  bool
	}
	want := map[string][]row{
		"AD": {{"2010/625/EU", date(2010, 10, 19), compliance.Date{}, processor.FullScope, false}},
		"AR": {{"2003/490/EC", date(2003, 6, 30), compliance.Date{}, processor.FullScope, false}},
		"CA": {{"2002/2/EC", date(2001, 12, 20), compliance.Date{}, processor.LimitedScope, false}},
		"FO": {{"2010/146/EU", date(2010, 3, 5), compliance.Date{}, processor.LimitedScope, false}},
		"GG": {{"2003/821/EC", date(2003, 11, 21), compliance.Date{}, processor.FullScope, false}},
		"IL": {{"2011/61/EU", date(2011, 1, 31), compliance.Date{}, processor.LimitedScope, false}},
		"IM": {{"2004/411/EC", date(2004, 4, 28), compliance.Date{}, processor.FullScope, false}},
		"JP": {{"2019/419", date(2019, 1, 23), compliance.Date{}, processor.LimitedScope, false}},
		"JE": {{"2008/393/EC", date(2008, 5, 8), compliance.Date{}, processor.FullScope, false}},
		// [TRAP] 19 December 2012, not 2013.
		"NZ": {{"2013/65/EU", date(2012, 12, 19), compliance.Date{}, processor.FullScope, false}},
		// [TRAP] 2022/254, not 2021/2216 or 2021/2484.
		"KR": {{"2022/254", date(2021, 12, 17), compliance.Date{}, processor.LimitedScope, false}},
		"CH": {{"2000/518/EC", date(2000, 7, 26), compliance.Date{}, processor.FullScope, false}},
		"GB": {{"2021/1772", date(2021, 6, 28), date(2025, 12, 27), processor.FullScope, false},
			{"", date(2025, 12, 19), date(2031, 12, 27), processor.FullScope, false}},
		"UY":  {{"2012/484/EU", date(2012, 8, 21), compliance.Date{}, processor.FullScope, false}},
		"US":  {{"2023/1795", date(2023, 7, 10), compliance.Date{}, processor.DPFScope, false}},
		"BR":  {{"2026/179", date(2026, 1, 26), compliance.Date{}, processor.LimitedScope, true}},
		"epo": {{"2025/1382", date(2025, 7, 15), compliance.Date{}, processor.FullScope, false}},
	}
	got := map[string][]row{}
	for _, a := range processor.Adequacies() {
		require.NoError(t, a.Validate(), "%s", a.Decision)
		key := a.Country.String()
		if a.Organisation != 0 {
			key = a.Organisation.String()
		}
		got[key] = append(got[key], row{a.Decision, a.Adopted, a.Until, a.Scope, a.EEAPending})
	}
	assert.Equal(t, want, got)
	for _, c := range []string{"GL", "MC", "SM", "VA", "KE", "IN", "CN"} {
		assert.NotContains(t, got, c, "%s has no adequacy decision", c)
	}
	table := processor.Adequacies()
	table[0].Decision = "changed"
	assert.Equal(t, "2010/625/EU", processor.Adequacies()[0].Decision, "Adequacies returns a copy")
}

func TestAdequacy(t *testing.T) {
	usDPF := processor.DPF{Since: date(2023, time.July, 17), Due: date(2026, time.July, 17)}
	for _, tt := range []struct {
		name string
		p    func() processor.Processor
		pol  func(*processor.Policy)
		when time.Time
		want []compliance.Code
		out  processor.Outcome
	}{
		{"Art 45, 2023/1795: a US sub-processor on the DPF List", func() processor.Processor {
			p := withSub(us, processor.Location{Country: us, Access: processor.Support})
			p.SubProcessors[1].DPF = usDPF
			return p
		}, nil, at(t), []compliance.Code{processor.CodeUSLawExposure, processor.CodeDPFNoFallback}, processor.AllowWithWarnings},
		{"Art 45, 2023/1795: only organisations on the DPF List", func() processor.Processor {
			return withSub(us, processor.Location{Country: us, Access: processor.Support})
		}, nil, at(t), []compliance.Code{processor.CodeUSLawExposure, processor.CodeDPFNotCertified}, processor.Deny},
		{"Art 45, 2023/1795: a certification past its due date", func() processor.Processor {
			p := withSub(us, processor.Location{Country: us, Access: processor.Support})
			p.SubProcessors[1].DPF = processor.DPF{Since: date(2023, time.July, 17), Due: date(2026, time.April, 30)}
			return p
		}, nil, at(t), []compliance.Code{processor.CodeUSLawExposure, processor.CodeDPFLapsed}, processor.Deny},
		{"C-311/18: before the DPF, a US transfer without a tool has no basis", func() processor.Processor {
			p := withSub(us, processor.Location{Country: us, Access: processor.Support})
			p.SubProcessors[1].DPF = usDPF
			return p
		}, nil, atDate(t, 2023, time.July, 1), []compliance.Code{processor.CodeUSLawExposure, processor.CodeTransferNoBasis}, processor.Deny},
		{"policy: a decision switched off, as Privacy Shield fell", func() processor.Processor {
			p := withSub(us, processor.Location{Country: us, Access: processor.Support})
			p.SubProcessors[1].DPF = usDPF
			return p
		}, func(pol *processor.Policy) {
			pol.Off = []processor.Switch{{Country: us, From: date(2026, time.April, 1)}}
		}, at(t),
			[]compliance.Code{processor.CodeUSLawExposure, processor.CodeAdequacyOff}, processor.Deny},
		{"Art 45, 2021/1772: the UK during the extension to 27 December 2025", func() processor.Processor {
			return withSub(gb, processor.Location{Country: gb, Access: processor.Hosting})
		}, nil, atDate(t, 2025, time.November, 1), nil, processor.Allow},
		{"Art 45: the UK after the renewal of 19 December 2025", func() processor.Processor {
			return withSub(gb, processor.Location{Country: gb, Access: processor.Hosting})
		}, nil, atDate(t, 2026, time.January, 15), nil, processor.Allow},
		{"Art 45: the UK on 27 December 2031, the renewal's last day", func() processor.Processor {
			return withSub(gb, processor.Location{Country: gb, Access: processor.Hosting})
		}, nil, atDate(t, 2031, time.December, 27), nil, processor.Allow},
		{"Art 45: the UK after the renewal expires", func() processor.Processor {
			p := withSub(gb, processor.Location{Country: gb, Access: processor.Hosting})
			p.Audits[0].Issued = date(2031, time.June, 1)
			return p
		}, nil, atDate(t, 2031, time.December, 28), []compliance.Code{processor.CodeTransferNoBasis}, processor.Deny},
		{"Art 45, 2002/2/EC: Canada only for recipients subject to PIPEDA", func() processor.Processor {
			return withSub(ca, processor.Location{Country: ca, Access: processor.Hosting})
		}, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeAdequacyOutOfScope}, processor.Deny},
		{"Art 45, 2002/2/EC: a recipient subject to PIPEDA", func() processor.Processor {
			p := withSub(ca, processor.Location{Country: ca, Access: processor.Hosting})
			p.SubProcessors[1].InAdequacyScope = true
			return p
		}, nil, at(t), nil, processor.Allow},
		{"reference §3.11: Greenland is a third country without adequacy", func() processor.Processor {
			return withSub(dk, processor.Location{Country: gl, Access: processor.Backup})
		}, nil, at(t), []compliance.Code{processor.CodeTransferNoBasis}, processor.Deny},
		{"reference §3.11: the Faroe Islands, a recipient other than a Danish state authority", func() processor.Processor {
			p := withSub(fo, processor.Location{Country: fo, Access: processor.Hosting})
			p.SubProcessors[1].InAdequacyScope = true
			return p
		}, nil, at(t), nil, processor.Allow},
		{"reference §4: Svalbard is unsettled and asks for an assessment", func() processor.Processor {
			return withSub(no, processor.Location{Country: sj, Access: processor.Backup})
		}, nil, at(t), []compliance.Code{processor.CodeEEAUnsettled}, processor.AllowWithWarnings},
		{"Art 45, 2025/1382: the European Patent Organisation", func() processor.Processor {
			return withSub(de, processor.Location{Organisation: processor.EPO, Access: processor.Hosting})
		}, nil, at(t), nil, processor.Allow},
		{"Art 45, 2026/179: Brazil for a Danish controller, LGPD recipient", func() processor.Processor {
			p := withSub(br, processor.Location{Country: br, Access: processor.Hosting})
			p.SubProcessors[1].InAdequacyScope = true
			return p
		}, nil, at(t), nil, processor.Allow},
		{"Art 45, 2026/179: Brazil before the decision", func() processor.Processor {
			p := withSub(br, processor.Location{Country: br, Access: processor.Hosting})
			p.SubProcessors[1].InAdequacyScope = true
			return p
		}, nil, atDate(t, 2026, time.January, 25), []compliance.Code{processor.CodeTransferNoBasis}, processor.Deny},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pol := policyDK()
			if tt.pol != nil {
				tt.pol(&pol)
			}
			d := check(t, pol, tt.p(), request(), tt.when)
			assert.Equal(t, tt.want, codes(d))
			assert.Equal(t, tt.out, d.Outcome)
		})
	}
}

// reference §3.4, §6 item 5: whether Norway applies a decision before the
// EEA Joint Committee takes it in is not settled, so Brazil's decision does
// not count for a Norwegian kommune until the policy records the
// incorporation.
func TestBrazilForNorway(t *testing.T) {
	p := withSub(br, processor.Location{Country: br, Access: processor.Hosting})
	p.SubProcessors[1].InAdequacyScope = true
	pol := processor.Policy{Jurisdiction: compliance.NO}
	d := check(t, pol, p, request(), at(t))
	f := finding(t, d, processor.CodeAdequacyNotIncorporated)
	assert.Equal(t, "2026/179", f.Args[1].Ref.Doc)
	assert.True(t, hasRef(f, compliance.Section(compliance.NOPersonalDataAct, "", "1", 0, "")))
	pol.Incorporated = []processor.Switch{{Country: br, From: date(2026, time.June, 1)}}
	assert.Equal(t, processor.Deny, check(t, pol, p, request(), at(t)).Outcome, "before incorporation")
	assert.Equal(t, processor.Allow, check(t, pol, p, request(), atDate(t, 2026, time.June, 2)).Outcome, "after incorporation")
}

// Chapter V with a transfer tool: Art 46, C-311/18, the 2021/914 clauses.
func TestTransferTools(t *testing.T) {
	tia := processor.TIA{Date: date(2025, time.June, 1), Conclusion: processor.Equivalent}
	scc := func(m processor.Module, t processor.TIA) processor.Safeguard {
		return processor.Safeguard{Tool: processor.SCC, Module: m, Signed: date(2025, time.May, 1), TIA: t}
	}
	loc := func(a processor.Access, sg processor.Safeguard, ms ...processor.Measure) processor.Location {
		return processor.Location{Country: in, Access: a, Safeguard: sg, Measures: processor.MeasuresOf(ms...)}
	}
	for _, tt := range []struct {
		name string
		p    func() processor.Processor
		pol  func(*processor.Policy)
		req  func(*processor.Request)
		when time.Time
		want []compliance.Code
		out  processor.Outcome
	}{
		{"Art 46(2)(c), C-311/18: clauses with a positive assessment, ordinary data", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure}, processor.AllowWithWarnings},
		{"2021/914 Art 1, reference §3.6: Module 3 for a sub-processor, not Module 2", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleC2P, tia)))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeSCCModule}, processor.Deny},
		{"2021/914, reference §3.6: Module 2 for the kommune's own processor", func() processor.Processor {
			p := clean()
			p.Locations = append(p.Locations, loc(processor.Support, scc(processor.ModuleC2C, tia), processor.Pseudonymisation))
			p.Agreements[0].Transfers, p.Agreements[0].TransferCountries = processor.TransfersListed, []compliance.Country{in}
			return p
		}, nil, nil, at(t), []compliance.Code{processor.CodeSCCModule}, processor.Deny},
		{"C-311/18, 2021/914 Clause 14: clauses without an assessment", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, processor.TIA{})))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIAMissing}, processor.Deny},
		{"C-311/18: an assessment dated after the instant does not count", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, nil, nil, atDate(t, 2025, time.May, 15), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIAMissing}, processor.Deny},
		{"C-311/18: a tool signed after the instant is no basis", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, nil, nil, atDate(t, 2025, time.April, 15), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTransferNoBasis}, processor.Deny},
		{"C-311/18: the assessment finds protection not essentially equivalent", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, processor.TIA{Date: tia.Date, Conclusion: processor.NotEquivalent})))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIANegative}, processor.Deny},
		{"EDPB Rec 01/2020 use case 6: measures needed, cloud in the clear", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, processor.TIA{Date: tia.Date, Conclusion: processor.MeasuresNeeded}),
				processor.Contractual, processor.Organisational))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeNoEffectiveMeasure}, processor.Deny},
		{"EDPB Rec 01/2020 use case 1: measures needed, backup encrypted with the kommune's keys", func() processor.Processor {
			return withSub(in, loc(processor.Backup, scc(processor.ModuleP2P, processor.TIA{Date: tia.Date, Conclusion: processor.MeasuresNeeded}),
				processor.KeyEncryption))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure}, processor.AllowWithWarnings},
		{"design: sensitive data need an effective measure (use case 6 has none)", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, nil, func(r *processor.Request) { r.Data = r.Data.With(compliance.Health) }, at(t),
			[]compliance.Code{processor.CodeForeignLawExposure, processor.CodeSensitiveNoMeasure}, processor.Deny},
		{"design: confidential data (CPR numbers) are sensitive too", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, nil, func(r *processor.Request) { r.Data = r.Data.With(compliance.NationalID) }, at(t),
			[]compliance.Code{processor.CodeForeignLawExposure, processor.CodeSensitiveNoMeasure}, processor.Deny},
		{"EDPB Rec 01/2020 use case 2: sensitive data, pseudonymised", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia), processor.Pseudonymisation))
		}, nil, func(r *processor.Request) { r.Data = r.Data.With(compliance.Health) }, at(t),
			[]compliance.Code{processor.CodeForeignLawExposure}, processor.AllowWithWarnings},
		{"policy: the sensitive-data rule switched off", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
		}, func(pol *processor.Policy) { pol.AllowSensitiveWithoutMeasure = true }, func(r *processor.Request) { r.Data = r.Data.With(compliance.Health) }, at(t),
			[]compliance.Code{processor.CodeForeignLawExposure}, processor.AllowWithWarnings},
		{"Rec 01/2020 step 6, Policy.TIAInterval: an assessment older than the interval", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, processor.TIA{Date: date(2024, time.March, 1), Conclusion: processor.Equivalent})))
		}, func(pol *processor.Policy) { pol.TIAInterval = compliance.Years(2) }, nil, at(t),
			[]compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIAExpired}, processor.AllowWithWarnings},
		{"reference §3.4 of peers.md, §3.6: a sub-processor change re-triggers the assessment", func() processor.Processor {
			p := withSub(in, loc(processor.Hosting, scc(processor.ModuleP2P, tia)))
			p.SubProcessors[1].Changed = date(2026, time.January, 5)
			return p
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIASubChanged}, processor.AllowWithWarnings},
		{"2021/914: the 2010 clauses, signed before 27 September 2021, in 2022", func() processor.Processor {
			p := withSub(in, loc(processor.Hosting, processor.Safeguard{Tool: processor.SCC2010, Signed: date(2020, time.March, 1),
				TIA: processor.TIA{Date: date(2020, time.August, 1), Conclusion: processor.Equivalent}}))
			p.Audits[0].Issued = date(2022, time.March, 1)
			return p
		}, nil, nil, atDate(t, 2022, time.June, 1), []compliance.Code{processor.CodeForeignLawExposure}, processor.AllowWithWarnings},
		{"2021/914: the 2010 clauses after 27 December 2022", func() processor.Processor {
			p := withSub(in, loc(processor.Hosting, processor.Safeguard{Tool: processor.SCC2010, Signed: date(2020, time.March, 1),
				TIA: processor.TIA{Date: date(2020, time.August, 1), Conclusion: processor.Equivalent}}))
			p.Audits[0].Issued = date(2022, time.March, 1)
			return p
		}, nil, nil, atDate(t, 2022, time.December, 28), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeSCC2010Expired}, processor.Deny},
		{"2021/914: the 2010 clauses signed after their repeal", func() processor.Processor {
			p := withSub(in, loc(processor.Hosting, processor.Safeguard{Tool: processor.SCC2010, Signed: date(2021, time.October, 1),
				TIA: processor.TIA{Date: date(2021, time.October, 1), Conclusion: processor.Equivalent}}))
			p.Audits[0].Issued = date(2022, time.March, 1)
			return p
		}, nil, nil, atDate(t, 2022, time.June, 1), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeSCC2010Expired}, processor.Deny},
		{"Art 46(2)(b), 47: binding corporate rules need an assessment too", func() processor.Processor {
			return withSub(in, loc(processor.Hosting, processor.Safeguard{Tool: processor.BCR, Signed: date(2020, time.January, 1)}))
		}, nil, nil, at(t), []compliance.Code{processor.CodeForeignLawExposure, processor.CodeTIAMissing}, processor.Deny},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pol := policyDK()
			if tt.pol != nil {
				tt.pol(&pol)
			}
			req := request()
			if tt.req != nil {
				tt.req(&req)
			}
			d := check(t, pol, tt.p(), req, tt.when)
			assert.Equal(t, tt.want, codes(d))
			assert.Equal(t, tt.out, d.Outcome)
		})
	}
	t.Run("2021/914: the module is not checked for a non-EEA processor's sub-processor", func(t *testing.T) {
		p := withSub(in, loc(processor.Hosting, scc(processor.ModuleC2P, tia)))
		p.Country, p.CVR = gb, ident.CVR{}
		d := check(t, policyDK(), p, request(), at(t))
		assert.NotContains(t, codes(d), processor.CodeSCCModule)
	})
}

// Art 49(3): points (a), (b) and (c) and the second subparagraph of Art
// 49(1) do not apply to public authorities in the exercise of their public
// powers (reference §3.1, T49-3).
func TestArticle49(t *testing.T) {
	for _, tt := range []struct {
		d      processor.Derogation
		barred bool
	}{
		{processor.ExplicitConsent, true},
		{processor.ContractWithSubject, true},
		{processor.ContractInInterest, true},
		{processor.PublicInterest, false},
		{processor.LegalClaims, false},
		{processor.VitalInterests, false},
		{processor.PublicRegister, false},
		{processor.CompellingInterests, true},
	} {
		t.Run(tt.d.String(), func(t *testing.T) {
			assert.Equal(t, tt.barred, tt.d.BarredForPublicAuthorities())
			p := withSub(in, processor.Location{Country: in, Access: processor.Support,
				Safeguard: processor.Safeguard{Tool: processor.DerogationTool, Derogation: tt.d}})
			p.SubProcessors[1].Parent = processor.Parent{}
			p.ExposureAssessed = date(2026, time.January, 1)
			d := check(t, policyDK(), p, request(), at(t))
			if tt.barred {
				f := finding(t, d, processor.CodeDerogationBarred)
				assert.Equal(t, compliance.GDPR(49, 3, ""), f.Refs.At(0))
				assert.Equal(t, tt.d.Ref(), f.Refs.At(1))
				assert.Equal(t, processor.Deny, d.Outcome)
			} else {
				assert.Equal(t, compliance.Warning, finding(t, d, processor.CodeDerogationOccasional).Severity)
				assert.Equal(t, processor.AllowWithWarnings, d.Outcome)
			}
			pol := policyDK()
			pol.NotPublicPowers = true
			assert.Contains(t, codes(check(t, pol, p, request(), at(t))), processor.CodeDerogationOccasional,
				"a controller outside public powers may rely on every derogation, occasionally")
		})
	}
	second := compliance.GDPR(49, 1, "")
	second.Subparagraph = 2
	assert.Equal(t, second, processor.CompellingInterests.Ref())
	assert.Equal(t, compliance.GDPR(49, 1, "a"), processor.ExplicitConsent.Ref())
	assert.Equal(t, compliance.GDPR(49, 1, "g"), processor.PublicRegister.Ref())
}

// The use cases of Annex 2 of EDPB Recommendations 01/2020 (v2.0): five
// with an effective measure, two without (reference §3.7).
func TestAssessMeasures(t *testing.T) {
	for _, tt := range []struct {
		name   string
		access processor.Access
		ms     processor.Measures
		want   processor.UseCase
		works  bool
	}{
		{"use case 1: encrypted backup, keys with the kommune", processor.Backup, processor.MeasuresOf(processor.KeyEncryption), processor.EncryptedStorage, true},
		{"use case 1: encrypted storage, keys with the kommune", processor.Hosting, processor.MeasuresOf(processor.KeyEncryption), processor.EncryptedStorage, true},
		{"use case 2: pseudonymised data", processor.Hosting, processor.MeasuresOf(processor.Pseudonymisation), processor.Pseudonymised, true},
		{"use case 3: encrypted data merely transiting", processor.Transit, processor.MeasuresOf(processor.TransitEncryption), processor.EncryptedTransit, true},
		{"use case 4: a protected recipient", processor.Support, processor.MeasuresOf(processor.ProtectedRecipient), processor.Protected, true},
		{"use case 5: split processing", processor.Hosting, processor.MeasuresOf(processor.SplitProcessing), processor.Split, true},
		{"use case 6: a cloud that needs data in the clear", processor.Hosting, 0, processor.CloudClearText, false},
		{"use case 6: contractual and organisational measures alone", processor.Hosting, processor.MeasuresOf(processor.Contractual, processor.Organisational), processor.CloudClearText, false},
		{"use case 7: remote access in the clear", processor.RemoteAccess, 0, processor.RemoteClearText, false},
		{"use case 7: key encryption does not help support staff who read the data", processor.Support, processor.MeasuresOf(processor.KeyEncryption), processor.RemoteClearText, false},
		{"use case 3 needs transit: transport encryption of hosted data is use case 6", processor.Hosting, processor.MeasuresOf(processor.TransitEncryption), processor.CloudClearText, false},
		{"unencrypted transit has no use case", processor.Transit, 0, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := processor.AssessMeasures(tt.access, tt.ms)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.works, got.Effective())
			if got.Valid() {
				assert.Equal(t, "01/2020", got.Ref().Doc)
				assert.Equal(t, string(rune('0'+got)), got.Ref().Case)
			}
		})
	}
}

// EDPB Guidelines 05/2021 (v2.0, 14 February 2023), the oracle rows of
// reference §3.2, and the CLOUD Act / FISA 702 exposure of §3.8.
func TestWhatIsATransfer(t *testing.T) {
	t.Run("an EU processor, data in the EEA, no access from outside: no transfer", func(t *testing.T) {
		assert.Equal(t, processor.Allow, check(t, policyDK(), clean(), request(), at(t)).Outcome)
	})
	t.Run("the same, US-owned: no transfer, but the exposure must be assessed", func(t *testing.T) {
		p := clean()
		p.Parent = processor.Parent{Name: "Cloud Inc.", Country: us}
		d := check(t, policyDK(), p, request(), at(t))
		assert.Equal(t, []compliance.Code{processor.CodeUSLawExposure}, codes(d))
		assert.Equal(t, processor.AllowWithWarnings, d.Outcome)
		f := d.Findings[0]
		assert.True(t, hasRef(f, compliance.Guidance(compliance.EDPBGuidelines, "05/2021", "")))
		assert.True(t, hasRef(f, compliance.GDPR(48, 0, "")))
		p.ExposureAssessed = date(2026, time.February, 1)
		assert.Equal(t, processor.Allow, check(t, policyDK(), p, request(), at(t)).Outcome, "assessed")
	})
	t.Run("a sub-processor owned from a third country without full adequacy", func(t *testing.T) {
		p := clean()
		p.SubProcessors[0].Parent = processor.Parent{Name: "Holding Ltd", Country: in}
		f := finding(t, check(t, policyDK(), p, request(), at(t)), processor.CodeForeignLawExposure)
		assert.Equal(t, in, f.Args[1].Country)
	})
	t.Run("a parent in a country with full adequacy raises nothing", func(t *testing.T) {
		p := clean()
		p.Parent = processor.Parent{Name: "Holding Ltd", Country: gb}
		assert.Equal(t, processor.Allow, check(t, policyDK(), p, request(), at(t)).Outcome)
	})
	t.Run("an EEA processor whose support staff in a third country reach the data: a transfer", func(t *testing.T) {
		p := clean()
		p.Locations = append(p.Locations, processor.Location{Country: in, Access: processor.Support})
		d := check(t, policyDK(), p, request(), at(t))
		assert.Equal(t, []compliance.Code{processor.CodeTransferNotInstructed, processor.CodeTransferNoBasis}, codes(d),
			"clean()'s agreement allows adequate destinations only")
	})
}

// Danish Datatilsynet's Chromebook decisions (reference §3.9) replayed.
func TestChromebook(t *testing.T) {
	workspace := func() processor.Processor {
		p := clean()
		p.Name, p.Country, p.CVR = "Google Cloud EMEA Ltd", ie, ident.CVR{}
		p.Parent = processor.Parent{Name: "Alphabet Inc.", Country: us}
		p.Agreements[0].Transfers = processor.TransfersListed
		p.Agreements[0].TransferCountries = []compliance.Country{us}
		p.Agreements[0].Subjects = compliance.SubjectsOf(compliance.Pupils)
		p.Agreements[0].Purposes = []string{"undervisning"}
		p.Locations = []processor.Location{{Country: ie, Access: processor.Hosting}}
		p.SubProcessors = []processor.SubProcessor{{
			ID: compliance.IDFrom[processor.SubProcessor](uid(3, 9)), Name: "Google LLC", Address: "1600 Amphitheatre Parkway",
			Contact: "privacy", Country: us, Service: "support", Approved: date(2020, 1, 1), FlowDown: true,
			Locations: []processor.Location{{Country: us, Access: processor.Support}},
		}}
		p.Audits[0].Issued = date(2022, time.March, 1)
		return p
	}
	req := processor.Request{Processor: pid(1), Data: compliance.CategoriesOf(compliance.Identity, compliance.Education),
		Subjects: compliance.SubjectsOf(compliance.Pupils), Purpose: "undervisning"}
	req.Data = compliance.CategoriesOf(compliance.Identity)

	t.Run("14 July 2022, 2020-431-0061: support from the US without a tool", func(t *testing.T) {
		d := check(t, policyDK(), workspace(), req, atDate(t, 2022, time.July, 14))
		assert.Equal(t, processor.Deny, d.Outcome)
		f := finding(t, d, processor.CodeTransferNoBasis)
		assert.Equal(t, compliance.DKDatatilsynet, f.Refs.At(2).Instrument)
		assert.Contains(t, f.Refs.At(2).Doc, "2020-431-0061")
		assert.Contains(t, codes(d), processor.CodeUSLawExposure)
	})
	t.Run("30 January 2024, 2023-431-0001: data used for Google's own purposes", func(t *testing.T) {
		p := workspace()
		p.OwnPurposes = true
		p.SubProcessors[0].DPF = processor.DPF{Since: date(2023, 7, 17), Due: date(2024, 7, 17)}
		d := check(t, policyDK(), p, req, atDate(t, 2024, time.January, 30))
		assert.Equal(t, processor.Deny, d.Outcome)
		assert.Contains(t, codes(d), processor.CodeOwnPurposes)
	})
	t.Run("29 January 2026, 2025-431-0053: a sub-processor chain outside the EU without shown protection", func(t *testing.T) {
		p := workspace()
		p.SubProcessors = append(p.SubProcessors, processor.SubProcessor{
			ID: compliance.IDFrom[processor.SubProcessor](uid(3, 10)), Name: "Support Partner Pte", Address: "1 Road", Contact: "dpo",
			Country: compliance.MustCountry("SG"), Service: "maintenance", Approved: date(2024, 1, 1), FlowDown: true,
			Locations: []processor.Location{{Country: compliance.MustCountry("SG"), Access: processor.Hosting}},
		})
		p.SubProcessors[0].DPF = processor.DPF{Since: date(2023, 7, 17), Due: date(2026, 7, 17)}
		p.Agreements[0].Transfers = processor.AdequateOnly
		p.Agreements[0].TransferCountries = nil
		p.Audits[0].Issued = date(2025, time.June, 1)
		d := check(t, policyDK(), p, req, atDate(t, 2026, time.January, 29))
		assert.Equal(t, processor.Deny, d.Outcome)
		var chain compliance.Finding
		for _, f := range d.Findings {
			if f.Code == processor.CodeTransferNoBasis {
				chain = f
			}
		}
		require.NotEmpty(t, chain.Refs)
		assert.Contains(t, chain.Refs.At(2).Doc, "2025-431-0053")
		assert.Contains(t, codes(d), processor.CodeTransferNotInstructed, "the instruction allows only adequate destinations")
	})
}

// Art 28(3)(a): the agreement's instruction on transfers governs where the
// processor may send data, adequacy or not.
func TestTransferInstruction(t *testing.T) {
	dpfSub := func() processor.Processor {
		p := withSub(us, processor.Location{Country: us, Access: processor.Support})
		p.SubProcessors[1].DPF = processor.DPF{Since: date(2023, 7, 17), Due: date(2026, 7, 17)}
		p.ExposureAssessed = date(2026, 1, 1)
		return p
	}
	for _, tt := range []struct {
		name string
		rule processor.TransferRule
		list []compliance.Country
		want []compliance.Code
	}{
		{"KOMBIT model: no transfers at all", processor.TransfersNone, nil, []compliance.Code{processor.CodeTransferNotInstructed, processor.CodeDPFNoFallback}},
		{"adequate destinations only", processor.AdequateOnly, nil, []compliance.Code{processor.CodeDPFNoFallback}},
		{"listed countries, the US listed", processor.TransfersListed, []compliance.Country{us}, []compliance.Code{processor.CodeDPFNoFallback}},
		{"listed countries, the US not listed", processor.TransfersListed, []compliance.Country{gb}, []compliance.Code{processor.CodeTransferNotInstructed, processor.CodeDPFNoFallback}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := dpfSub()
			p.Agreements[0].Transfers, p.Agreements[0].TransferCountries = tt.rule, tt.list
			assert.Equal(t, tt.want, codes(check(t, policyDK(), p, request(), at(t))))
		})
	}
}

// policy: switching off the decision for an international organisation.
func TestOrganisationSwitchedOff(t *testing.T) {
	p := withSub(de, processor.Location{Organisation: processor.EPO, Access: processor.Hosting})
	pol := policyDK()
	pol.Off = []processor.Switch{{Organisation: processor.EPO, From: date(2026, time.January, 1)}}
	d := check(t, pol, p, request(), at(t))
	f := finding(t, d, processor.CodeAdequacyOff)
	assert.Equal(t, []string{processor.EPO.Key()}, f.Args[0].Keys)
	p.Locations = nil
	p.SubProcessors[1].Locations[0] = processor.Location{Organisation: processor.EPO, Access: processor.Hosting}
	p.Agreements[0].Transfers = processor.TransfersNone
	assert.Contains(t, codes(check(t, policyDK(), p, request(), at(t))), processor.CodeTransferNotInstructed)
}
