package record_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
)

// recCodes returns the codes of fs in order.
func recCodes(fs []compliance.Finding) []compliance.Code {
	var out []compliance.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// recFind returns the first finding with code c.
func recFind(fs []compliance.Finding, c compliance.Code) (compliance.Finding, bool) {
	for _, f := range fs {
		if f.Code == c {
			return f, true
		}
	}
	return compliance.Finding{}, false
}

// recMinimal returns a complete, approved record of a Danish kommune with
// nothing to report; each test changes one fact.
func recMinimal() record.Activity {
	a := recPersonnel()
	return a
}

func recDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, recCPH) }

// The clean personnel activity has nothing to report: Assess returns no
// finding and does not allocate.
func TestAssessClean(t *testing.T) {
	a := recPersonnel()
	require.NoError(t, a.Validate())
	assert.Empty(t, record.Assess(a, recAt, nil))
	assert.Empty(t, a.Missing())
	allocs := testing.AllocsPerRun(100, func() { _ = record.AppendAssessment(nil, &a, recAt, nil) })
	assert.Zero(t, allocs)
}

// Every finding of the fixtures is well formed, cites at least one valid
// ref, and the findings come grouped by principle in the order of Art 5.
func TestAssessFindingsWellFormed(t *testing.T) {
	for _, a := range []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH(), {}} {
		fs := record.Assess(a, recAt, &record.Policy{ReviewInterval: compliance.Years(1)})
		last := compliance.Principle(0)
		for _, f := range fs {
			assert.NoError(t, f.Validate(), "%s", f.Code)
			assert.Contains(t, record.AssessCodes(), f.Code)
			assert.NotEqual(t, record.CodeNoFindings, f.Code)
			if f.Principle != 0 {
				assert.GreaterOrEqual(t, f.Principle, last, "%s is out of principle order", f.Code)
				last = f.Principle
			}
		}
	}
}

// The school platform and the jobcenter, as the issue describes them.
func TestAssessFixtures(t *testing.T) {
	school := record.Assess(recSchool(), recAt, nil)
	assert.Equal(t, []compliance.Code{
		record.CodeConsentPublic,       // Recital 43: the gallery relies on consent
		record.CodeChildConsentAge,     // DBL § 6: 13 accepted, 15 in force since 1 Jan 2024
		record.CodeSpecialNationalRule, // Art 9(2)(g) without DBL § 7, stk. 4 recorded
		record.CodeEncryptionInTransit, // health data and CPR numbers, no encryption in transit
		record.CodeDPIAMissing,         // the screening said a DPIA is required
		record.CodeReviewOverdue,       // NextReview 10 Jan 2025
	}, recCodes(school))

	job := record.Assess(recJobcenter(), recAt, nil)
	assert.Equal(t, []compliance.Code{
		record.CodeLegitimateInterestsPublic, // Art 6(1) second subparagraph
		record.CodeCriminalDisclosure,        // DBL § 8, stk. 2: no ground for disclosure to the supplier
		record.CodeCPRCondition,              // DBL § 11, stk. 1: no condition recorded
		record.CodeDataWithoutPurpose,        // financial data tied to no purpose
		record.CodeNoTimeLimit,               // Art 5(1)(e)
		record.CodeEncryptionInTransit,       // social, health and criminal data
		record.CodeDPIALargeScale,            // Art 35(3)(b)
		record.CodeProcessorUnregistered,     // "Fagsystem A/S" has no ID
		record.CodeDraft,
	}, recCodes(job))

	esdh := record.Assess(recSharedESDH(), recAt, nil)
	assert.Empty(t, esdh, "the processor's record is complete")
}

// Child consent to information society services: the ages of DK
// databeskyttelsesloven § 6, stk. 2-3 as amended by L 79 (2023-24)
// (https://ft.dk/samling/20231/lovforslag/l79/20231_l79_som_fremsat.htm )
// and NO personopplysningsloven § 5
// (https://lovdata.no/lov/2018-06-15-38/§5 ), GDPR Art 8(1).
func TestChildConsentAge(t *testing.T) {
	day := func(s string) compliance.Date {
		d, err := compliance.ParseDate(s)
		require.NoError(t, err)
		return d
	}
	for _, tt := range []struct {
		name string
		j    compliance.Jurisdiction
		age  int
		on   string
		may  bool
		min  int
	}{
		{"DK § 6: aged 14 on 2023-06-01 may consent alone (13)", compliance.DK, 14, "2023-06-01", true, 13},
		{"DK § 6 as amended by L 79: aged 14 on 2024-06-01 needs parental consent (15)", compliance.DK, 14, "2024-06-01", false, 15},
		{"DK § 6 as amended by L 79: aged 15 on 2024-01-01 may consent alone", compliance.DK, 15, "2024-01-01", true, 15},
		{"DK § 6: aged 13 on 2023-12-31, the last day of the old age", compliance.DK, 13, "2023-12-31", true, 13},
		{"DK § 6 as amended: aged 13 on 2024-01-01, the first day of the new age", compliance.DK, 13, "2024-01-01", false, 15},
		{"NO § 5: aged 12 needs parental consent", compliance.NO, 12, "2025-06-01", false, 13},
		{"NO § 5: aged 13 may consent alone", compliance.NO, 13, "2025-06-01", true, 13},
		{"no jurisdiction", 0, 17, "2025-06-01", false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.may, record.ChildMayConsent(tt.j, tt.age, day(tt.on)))
			got, refs := record.ChildConsentAge(tt.j, day(tt.on))
			assert.Equal(t, tt.min, got)
			if tt.j.Valid() {
				assert.Contains(t, refs.Slice(), compliance.GDPR(8, 1, ""))
				assert.Contains(t, refs.Slice(), compliance.Ref{Instrument: tt.j.Law(), Article: map[compliance.Jurisdiction]string{compliance.DK: "6", compliance.NO: "5"}[tt.j],
					Paragraph: map[compliance.Jurisdiction]int{compliance.DK: 2, compliance.NO: 0}[tt.j]})
			}
		})
	}
}

// The child-consent rule applied to a record: a service that accepts the
// own consent of 14-year-olds is lawful in Denmark on 2023-06-01 and not on
// 2024-06-01 (DBL § 6 as amended by L 79 (2023-24)); in Norway 13 suffices
// (personopplysningsloven § 5).
func TestAssessChildConsent(t *testing.T) {
	service := func(j compliance.Jurisdiction, age int) record.Activity {
		a := recMinimal()
		a.Controller.PublicAuthority = false
		a.Controller.CVR = ident.CVR{}
		a.Controller.Jurisdiction = j
		a.Subjects = a.Subjects.With(compliance.Children)
		a.Data = a.Data.With(compliance.UsageData)
		a.Purposes = append(a.Purposes, record.Purpose{Name: "Læringsapp", Basis: compliance.Consent,
			InformationService: true, ConsentAge: age, Data: compliance.CategoriesOf(compliance.UsageData)})
		return a
	}
	for _, tt := range []struct {
		name string
		a    record.Activity
		at   time.Time
		want []compliance.Code
	}{
		{"DK, own consent from 14, 2023-06-01: lawful (13)", service(compliance.DK, 14), recDate(2023, 6, 1), nil},
		{"DK, own consent from 14, 2024-06-01: parental consent needed below 15", service(compliance.DK, 14), recDate(2024, 6, 1),
			[]compliance.Code{record.CodeChildConsentAge}},
		{"DK, own consent from 15, 2024-01-01: lawful", service(compliance.DK, 15), recDate(2024, 1, 1), nil},
		{"NO, own consent from 13: lawful (§ 5)", service(compliance.NO, 13), recDate(2025, 6, 1), nil},
		{"NO, own consent from 12: parental consent needed", service(compliance.NO, 12), recDate(2025, 6, 1),
			[]compliance.Code{record.CodeChildConsentAge}},
		{"DK, age not recorded: Art 8(1) asks", service(compliance.DK, 0), recDate(2025, 6, 1),
			[]compliance.Code{record.CodeChildConsentAgeMissing}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []compliance.Code
			for _, f := range record.Assess(tt.a, tt.at, nil) {
				if f.Code == record.CodeChildConsentAge || f.Code == record.CodeChildConsentAgeMissing {
					got = append(got, f.Code)
					assert.Contains(t, f.Refs.Slice(), compliance.GDPR(8, 1, ""))
					assert.Equal(t, compliance.Lawfulness, f.Principle)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
	f, ok := recFind(record.Assess(service(compliance.DK, 14), recDate(2024, 6, 1), nil), record.CodeChildConsentAge)
	require.True(t, ok)
	assert.Equal(t, []compliance.Arg{compliance.Text("Læringsapp"), compliance.Int(14), compliance.Int(15),
		compliance.DateArg(compliance.Date{Year: 2024, Month: 6, Day: 1})}, f.Args)
	assert.Equal(t, compliance.Violation, f.Severity)
	assert.Equal(t, "purposes[1].consentAge", f.Subject)
}

// The lawful-basis rules of Art 6.
func TestAssessBases(t *testing.T) {
	for _, tt := range []struct {
		name   string
		public bool
		basis  compliance.LegalBasis
		ref    compliance.Ref
		text   string
		want   compliance.Code
		sev    compliance.Severity
		refs   []compliance.Ref
	}{
		{name: "Art 6(1): a purpose without a basis", public: true, want: record.CodeNoBasis, sev: compliance.Violation,
			refs: []compliance.Ref{compliance.GDPR(6, 1, "")}},
		{name: "Art 6(1) second subparagraph: legitimate interests are not for a public authority's tasks",
			public: true, basis: compliance.LegitimateInterests, want: record.CodeLegitimateInterestsPublic, sev: compliance.Violation,
			refs: []compliance.Ref{{Instrument: compliance.GDPRRegulation, Article: "6", Paragraph: 1, Subparagraph: 2}, compliance.Recital(47)}},
		{name: "Art 6(1)(f): a private controller may rely on legitimate interests", basis: compliance.LegitimateInterests},
		{name: "Recital 43: consent relied on by a public authority is flagged", public: true, basis: compliance.Consent,
			want: record.CodeConsentPublic, sev: compliance.Warning,
			refs: []compliance.Ref{compliance.Recital(43), compliance.GDPR(4, 0, "11"), compliance.GDPR(7, 4, "")}},
		{name: "Art 6(3): a public task needs its basis in law", public: true, basis: compliance.PublicTask,
			want: record.CodeNationalBasis, sev: compliance.Warning, refs: []compliance.Ref{compliance.GDPR(6, 3, "")}},
		{name: "Art 6(3): a legal obligation with its provision recorded", public: true, basis: compliance.LegalObligation,
			ref: compliance.Section(compliance.DKAct, "serviceloven", "153", 0, "")},
		{name: "Art 6(3): a public task with the law named in text", public: true, basis: compliance.PublicTask, text: "serviceloven"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := recMinimal()
			a.Controller.PublicAuthority = tt.public
			if !tt.public {
				// DBL § 11, stk. 2, nr. 1: an employer reports pay with the CPR number.
				a.NationalID.Conditions = []record.IDCondition{record.IDRequiredByLaw}
			}
			a.Purposes[0].Basis, a.Purposes[0].NationalBasis, a.Purposes[0].NationalBasisText = tt.basis, tt.ref, tt.text
			require.NoError(t, a.Validate())
			fs := record.Assess(a, recAt, nil)
			if tt.want == "" {
				assert.Empty(t, fs)
				return
			}
			require.Len(t, fs, 1, "%v", recCodes(fs))
			assert.Equal(t, tt.want, fs[0].Code)
			assert.Equal(t, tt.sev, fs[0].Severity)
			assert.Equal(t, tt.refs, fs[0].Refs.Slice())
			assert.Equal(t, compliance.Lawfulness, fs[0].Principle)
			assert.Equal(t, compliance.Text("Ansættelse og lønudbetaling"), fs[0].Args[0])
		})
	}
}

// Special categories (Art 9) and the Danish § 7.
func TestAssessSpecial(t *testing.T) {
	withHealth := func(conds ...compliance.SpecialCondition) record.Activity {
		a := recMinimal()
		a.Data = a.Data.With(compliance.Health)
		a.Purposes[0].Data = a.Data
		a.Special.Conditions = conds
		return a
	}
	t.Run("Art 9(1): special categories without a condition", func(t *testing.T) {
		f, ok := recFind(record.Assess(withHealth(), recAt, nil), record.CodeSpecialNoCondition)
		require.True(t, ok)
		assert.Equal(t, compliance.Violation, f.Severity)
		assert.Equal(t, []compliance.Ref{compliance.GDPR(9, 1, ""), compliance.GDPR(9, 2, "")}, f.Refs.Slice())
		assert.Equal(t, compliance.Names(compliance.CategoriesOf(compliance.Health).All()), f.Args[0])
	})
	for _, tt := range []struct {
		name string
		cond compliance.SpecialCondition
		refs []compliance.Ref
	}{
		{"DBL § 7, stk. 1: explicit consent, Art 9(2)(a)", compliance.ExplicitConsent,
			[]compliance.Ref{compliance.GDPR(9, 2, "a"), compliance.Section(compliance.DKDataProtectionAct, "", "7", 1, "")}},
		{"DBL § 7, stk. 2: employment law, Art 9(2)(b)", compliance.EmploymentSocialSecurity,
			[]compliance.Ref{compliance.GDPR(9, 2, "b"), compliance.Section(compliance.DKDataProtectionAct, "", "7", 2, "")}},
		{"DBL § 7, stk. 3: health and social care, Art 9(2)(h)", compliance.HealthSocialCare,
			[]compliance.Ref{compliance.GDPR(9, 2, "h"), compliance.Section(compliance.DKDataProtectionAct, "", "7", 3, "")}},
		{"DBL § 7, stk. 4: substantial public interest, Art 9(2)(g)", compliance.SubstantialPublicInterest,
			[]compliance.Ref{compliance.GDPR(9, 2, "g"), compliance.Section(compliance.DKDataProtectionAct, "", "7", 4, "")}},
		{"Art 9(2)(j) needs a basis in law; not in DBL § 7", compliance.ArchivingResearch,
			[]compliance.Ref{compliance.GDPR(9, 2, "j")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := recFind(record.Assess(withHealth(tt.cond), recAt, nil), record.CodeSpecialNationalRule)
			require.True(t, ok)
			assert.Equal(t, compliance.Warning, f.Severity)
			assert.Equal(t, tt.refs, f.Refs.Slice())
			a := withHealth(tt.cond)
			a.Special.NationalRule = tt.refs[len(tt.refs)-1]
			_, ok = recFind(record.Assess(a, recAt, nil), record.CodeSpecialNationalRule)
			assert.False(t, ok, "recorded national rule")
		})
	}
	t.Run("NO: Art 9(2)(a) needs no basis in law", func(t *testing.T) {
		a := withHealth(compliance.ExplicitConsent)
		a.Controller.Jurisdiction, a.Controller.CVR = compliance.NO, ident.CVR{}
		_, ok := recFind(record.Assess(a, recAt, nil), record.CodeSpecialNationalRule)
		assert.False(t, ok)
	})
	t.Run("DBL § 7, stk. 4: a private controller needs Datatilsynet's permission", func(t *testing.T) {
		a := withHealth(compliance.SubstantialPublicInterest)
		a.Controller.PublicAuthority = false
		a.Special.NationalRule = compliance.Section(compliance.DKDataProtectionAct, "", "7", 4, "")
		f, ok := recFind(record.Assess(a, recAt, nil), record.CodeSpecialPermission)
		require.True(t, ok)
		assert.Contains(t, f.Refs.Slice(), compliance.Section(compliance.DKDataProtectionAct, "", "7", 4, ""))
		a.Controller.PublicAuthority = true
		_, ok = recFind(record.Assess(a, recAt, nil), record.CodeSpecialPermission)
		assert.False(t, ok, "public authority")
	})
}

// Criminal-offence data (Art 10, DBL § 8). The oracle of
// deadlines-law-retention.md §3.1: a kommune discloses criminal-offence
// data without consent and not for a decision: not allowed unless § 8,
// stk. 2, nr. 2-4 apply.
func TestAssessCriminal(t *testing.T) {
	withCriminal := func() record.Activity {
		a := recMinimal()
		a.Data = a.Data.With(compliance.CriminalOffences)
		a.Purposes[0].Data = a.Data
		a.Criminal.Rule = compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")
		a.Recipients = append(a.Recipients, record.Recipient{Name: "Anden aktør", Kind: record.RecipientPrivate,
			Data: compliance.CategoriesOf(compliance.CriminalOffences)})
		return a
	}
	for _, tt := range []struct {
		name   string
		public bool
		ground record.DisclosureGround
		want   bool
		ref    compliance.Ref
	}{
		{"DBL § 8, stk. 2: kommune, no ground: not allowed", true, 0, true, compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, "")},
		{"DBL § 8, stk. 2, nr. 1: explicit consent", true, record.DisclosureExplicitConsent, false, compliance.Ref{}},
		{"DBL § 8, stk. 2, nr. 2: clearly overriding interests", true, record.DisclosureOverridingInterests, false, compliance.Ref{}},
		{"DBL § 8, stk. 2, nr. 3: needed for the authority's task or decision", true, record.DisclosureAuthorityTask, false, compliance.Ref{}},
		{"DBL § 8, stk. 2, nr. 4: needed for tasks for the public sector", true, record.DisclosurePublicSectorTask, false, compliance.Ref{}},
		{"DBL § 8, stk. 4: a private controller cannot rely on nr. 3", false, record.DisclosureAuthorityTask, true, compliance.Section(compliance.DKDataProtectionAct, "", "8", 4, "")},
		{"DBL § 8, stk. 4: a private controller with explicit consent", false, record.DisclosureExplicitConsent, false, compliance.Ref{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := withCriminal()
			a.Controller.PublicAuthority = tt.public
			if !tt.public {
				a.Criminal.Rule = compliance.Section(compliance.DKDataProtectionAct, "", "8", 3, "")
			}
			a.Recipients[1].Disclosure = tt.ground
			require.NoError(t, a.Validate())
			f, ok := recFind(record.Assess(a, recAt, nil), record.CodeCriminalDisclosure)
			assert.Equal(t, tt.want, ok)
			if tt.want {
				assert.Equal(t, []compliance.Ref{tt.ref}, f.Refs.Slice())
				assert.Equal(t, "recipients[1].disclosure", f.Subject)
				assert.Equal(t, compliance.Text("Anden aktør"), f.Args[0])
			}
		})
	}
	t.Run("Art 10: no basis recorded (DBL § 8, stk. 1 for a kommune)", func(t *testing.T) {
		a := withCriminal()
		a.Criminal = record.CriminalBasis{}
		f, ok := recFind(record.Assess(a, recAt, nil), record.CodeCriminalNoBasis)
		require.True(t, ok)
		assert.Equal(t, []compliance.Ref{compliance.GDPR(10, 0, ""), compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")}, f.Refs.Slice())
		a.Controller.PublicAuthority = false
		f, _ = recFind(record.Assess(a, recAt, nil), record.CodeCriminalNoBasis)
		assert.Contains(t, f.Refs.Slice(), compliance.Section(compliance.DKDataProtectionAct, "", "8", 3, ""), "private: § 8, stk. 3")
	})
}

// CPR numbers (DBL § 11) and fødselsnumre (personopplysningsloven § 12):
// the oracles of deadlines-law-retention.md §3.1 and §3.2.
func TestAssessNationalIDs(t *testing.T) {
	for _, tt := range []struct {
		name      string
		j         compliance.Jurisdiction
		public    bool
		conds     []record.IDCondition
		published bool
		consent   bool
		want      []compliance.Code
	}{
		{"DBL § 11, stk. 1: a kommune identifies by CPR number", compliance.DK, true,
			[]record.IDCondition{record.IDIdentification}, false, false, nil},
		{"DBL § 11, stk. 1: a kommune uses CPR as file number", compliance.DK, true,
			[]record.IDCondition{record.IDFileNumber}, false, false, nil},
		{"DBL § 11, stk. 1: a kommune without a condition", compliance.DK, true, nil, false, false,
			[]compliance.Code{record.CodeCPRCondition}},
		{"DBL § 11, stk. 2: a private controller without law, consent or § 7", compliance.DK, false,
			[]record.IDCondition{record.IDIdentification}, false, false, []compliance.Code{record.CodeCPRCondition}},
		{"DBL § 11, stk. 2, nr. 2: a private controller with consent", compliance.DK, false,
			[]record.IDCondition{record.IDConsent}, false, false, nil},
		{"DBL § 11, stk. 2, nr. 1: a private controller where law requires it", compliance.DK, false,
			[]record.IDCondition{record.IDRequiredByLaw}, false, false, nil},
		{"DBL § 11, stk. 3: publication without consent", compliance.DK, true,
			[]record.IDCondition{record.IDIdentification}, true, false, []compliance.Code{record.CodeCPRPublished}},
		{"DBL § 11, stk. 3: publication with consent", compliance.DK, true,
			[]record.IDCondition{record.IDIdentification}, true, true, nil},
		{"popplyl § 12: need for secure identification", compliance.NO, true,
			[]record.IDCondition{record.IDIdentification}, false, false, nil},
		{"popplyl § 12: no recorded need", compliance.NO, true,
			[]record.IDCondition{record.IDFileNumber}, false, false, []compliance.Code{record.CodeFNRCondition}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := recMinimal()
			a.Controller.Jurisdiction, a.Controller.PublicAuthority = tt.j, tt.public
			if tt.j == compliance.NO {
				a.Controller.CVR = ident.CVR{}
			}
			a.NationalID = record.NationalIDBasis{Conditions: tt.conds, Published: tt.published, PublicationConsent: tt.consent}
			require.NoError(t, a.Validate())
			var got []compliance.Code
			for _, f := range record.Assess(a, recAt, nil) {
				switch f.Code {
				case record.CodeCPRCondition, record.CodeCPRPublished, record.CodeFNRCondition:
					got = append(got, f.Code)
					assert.Equal(t, compliance.Violation, f.Severity)
					assert.Equal(t, tt.j.Law(), f.Refs.At(0).Instrument)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// Encryption in transit of confidential and sensitive data: Datatilsynet
// (DK)'s practice — a requirement for public authorities, and for every
// controller from 1 January 2019 (ret-raad.dk quoting Datatilsynet;
// pav.modst.dk 9.9.11.3). Norway: a recommendation (Datatilsynet's Q&A on
// fødselsnummer), so a policy-set severity, Warning by default.
func TestAssessEncryptionInTransit(t *testing.T) {
	noEncryption := func(j compliance.Jurisdiction, public bool) record.Activity {
		a := recMinimal()
		a.Controller.Jurisdiction, a.Controller.PublicAuthority = j, public
		if j == compliance.NO {
			a.Controller.CVR = ident.CVR{}
		}
		a.Security.Measures = []record.Measure{record.AccessControl}
		return a
	}
	for _, tt := range []struct {
		name   string
		a      record.Activity
		at     time.Time
		policy *record.Policy
		sev    compliance.Severity
		doc    compliance.Instrument
	}{
		{"DK public authority, 2018 (required since 2000)", noEncryption(compliance.DK, true), recDate(2018, 9, 1), nil, compliance.Violation, compliance.DKDatatilsynet},
		{"DK private, 31 Dec 2018: a recommendation", noEncryption(compliance.DK, false), recDate(2018, 12, 31), nil, compliance.Warning, compliance.DKDatatilsynet},
		{"DK private, 1 Jan 2019: required", noEncryption(compliance.DK, false), recDate(2019, 1, 1), nil, compliance.Violation, compliance.DKDatatilsynet},
		{"NO kommune: warning by default", noEncryption(compliance.NO, true), recAt, nil, compliance.Warning, compliance.NODatatilsynet},
		{"NO kommune: violation by policy", noEncryption(compliance.NO, true), recAt, &record.Policy{NOEncryption: compliance.Violation}, compliance.Violation, compliance.NODatatilsynet},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := recFind(record.Assess(tt.a, tt.at, tt.policy), record.CodeEncryptionInTransit)
			require.True(t, ok)
			assert.NoError(t, f.Validate())
			assert.Equal(t, tt.sev, f.Severity)
			assert.Equal(t, compliance.GDPR(32, 1, "a"), f.Refs.At(0))
			assert.Equal(t, tt.doc, f.Refs.At(1).Instrument)
			assert.Equal(t, compliance.Names(compliance.CategoriesOf(compliance.NationalID, compliance.Financial).All()), f.Args[0])
		})
	}
	t.Run("ordinary data only: nothing to report", func(t *testing.T) {
		a := noEncryption(compliance.DK, true)
		a.Data = compliance.CategoriesOf(compliance.Identity, compliance.Employment)
		a.Purposes[0].Data, a.Recipients[0].Data = a.Data, 0
		a.NationalID = record.NationalIDBasis{}
		_, ok := recFind(record.Assess(a, recAt, nil), record.CodeEncryptionInTransit)
		assert.False(t, ok)
	})
}

// DPIA rules of Art 35: the recorded screening, and Art 35(3)(b) from the
// activity's own facts with a policy threshold.
func TestAssessDPIA(t *testing.T) {
	health := func() record.Activity {
		a := recMinimal()
		a.Data = a.Data.With(compliance.Health)
		a.Purposes[0].Data = a.Data
		a.Special = record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.EmploymentSocialSecurity},
			NationalRule: compliance.Section(compliance.DKDataProtectionAct, "", "7", 2, "")}
		a.DPIA = record.DPIARecord{}
		return a
	}
	for _, tt := range []struct {
		name   string
		edit   func(*record.Activity)
		policy *record.Policy
		want   compliance.Code
	}{
		{"Art 35(1): screening says required, no DPIA", func(a *record.Activity) { a.DPIA.Screening = record.DPIARequired }, nil, record.CodeDPIAMissing},
		{"Art 35(3)(b): special categories on a large scale by the record's own assessment", func(a *record.Activity) { a.LargeScale = true }, nil, record.CodeDPIALargeScale},
		{"Art 35(3)(b): large scale by the policy threshold", func(a *record.Activity) { a.SubjectCount = 20000 },
			&record.Policy{LargeScaleSubjects: 10000}, record.CodeDPIALargeScale},
		{"Art 35(3)(b) overrides a screening that said not required", func(a *record.Activity) {
			a.LargeScale, a.DPIA.Screening = true, record.DPIANotRequired
		}, nil, record.CodeDPIALargeScale},
		{"below the threshold, screened not required: nothing", func(a *record.Activity) {
			a.SubjectCount, a.DPIA.Screening = 5000, record.DPIANotRequired
		}, &record.Policy{LargeScaleSubjects: 10000}, ""},
		{"no threshold set: the count alone decides nothing", func(a *record.Activity) {
			a.SubjectCount, a.DPIA.Screening = 500000, record.DPIANotRequired
		}, nil, ""},
		{"not screened: info", func(*record.Activity) {}, nil, record.CodeDPIANotScreened},
		{"a DPIA is referenced", func(a *record.Activity) {
			a.LargeScale, a.DPIA.Screening, a.DPIA.ID = true, record.DPIARequired, compliance.DPIAID{UUID: recUUID(7)}
		}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := health()
			tt.edit(&a)
			fs := record.Assess(a, recAt, tt.policy)
			if tt.want == "" {
				assert.Empty(t, fs)
				return
			}
			require.Len(t, fs, 1, "%v", recCodes(fs))
			assert.Equal(t, tt.want, fs[0].Code)
			assert.Equal(t, compliance.Accountability, fs[0].Principle)
			assert.Equal(t, "gdpr", fs[0].Refs.At(0).Instrument.String())
			assert.Equal(t, "35", fs[0].Refs.At(0).Article)
		})
	}
}

// Accountability: processors, review interval (a policy: no statute sets
// one; Art 24(1) asks for review "where necessary") and status.
func TestAssessAccountability(t *testing.T) {
	t.Run("Art 28(1), 30(1)(d): processor without ID", func(t *testing.T) {
		a := recMinimal()
		a.Processors = append(a.Processors, record.ProcessorUse{Name: "Ukendt A/S"})
		f, ok := recFind(record.Assess(a, recAt, nil), record.CodeProcessorUnregistered)
		require.True(t, ok)
		assert.Equal(t, "processors[1].id", f.Subject)
	})
	t.Run("Art 30(1)(d): processor without name", func(t *testing.T) {
		a := recMinimal()
		a.Processors[0].Name = ""
		assert.Equal(t, []compliance.Code{record.CodeProcessorUnnamed}, recCodes(record.Assess(a, recAt, nil)))
	})
	for _, tt := range []struct {
		name     string
		reviewed compliance.Date
		next     compliance.Date
		created  time.Time
		interval compliance.Period
		overdue  compliance.Date
	}{
		{"NextReview passed", compliance.Date{}, compliance.Date{Year: 2025, Month: 5, Day: 31}, time.Time{}, compliance.Period{}, compliance.Date{Year: 2025, Month: 5, Day: 31}},
		{"NextReview today is not overdue", compliance.Date{}, compliance.Date{Year: 2025, Month: 6, Day: 2}, time.Time{}, compliance.Period{}, compliance.Date{}},
		{"policy: one year after the last review", compliance.Date{Year: 2024, Month: 5, Day: 31}, compliance.Date{}, time.Time{}, compliance.Years(1), compliance.Date{Year: 2025, Month: 5, Day: 31}},
		{"policy: 18 months after creation, never reviewed", compliance.Date{}, compliance.Date{}, recDate(2023, 11, 30), compliance.Months(18), compliance.Date{Year: 2025, Month: 5, Day: 30}},
		{"no interval and no NextReview: no rule", compliance.Date{Year: 2010, Month: 1, Day: 1}, compliance.Date{}, time.Time{}, compliance.Period{}, compliance.Date{}},
	} {
		t.Run("review: "+tt.name, func(t *testing.T) {
			a := recMinimal()
			a.ReviewedOn, a.NextReview, a.Created = tt.reviewed, tt.next, tt.created
			fs := record.Assess(a, recAt, &record.Policy{ReviewInterval: tt.interval})
			f, ok := recFind(fs, record.CodeReviewOverdue)
			assert.Equal(t, !tt.overdue.IsZero(), ok)
			if ok {
				assert.Equal(t, []compliance.Arg{compliance.DateArg(tt.overdue)}, f.Args)
				assert.Equal(t, []compliance.Ref{compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, "")}, f.Refs.Slice())
			}
		})
	}
	t.Run("draft", func(t *testing.T) {
		a := recMinimal()
		a.Status = record.Draft
		assert.Equal(t, []compliance.Code{record.CodeDraft}, recCodes(record.Assess(a, recAt, nil)))
	})
}

// Purpose limitation, data minimisation, storage limitation, integrity.
func TestAssessPrinciples(t *testing.T) {
	a := recMinimal()
	a.Purposes = append(a.Purposes, record.Purpose{Name: "Tom", Basis: compliance.Contract})
	a.Purposes[0].Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact)
	a.Recipients[0].Data = compliance.CategoriesOf(compliance.Identity)
	a.Erasure = record.Erasure{}
	a.Security = record.Security{}
	fs := record.Assess(a, recAt, nil)
	assert.Equal(t, []compliance.Code{
		record.CodePurposeNoData,       // Art 5(1)(b)
		record.CodeDataWithoutPurpose,  // Art 5(1)(c)
		record.CodeNoTimeLimit,         // Art 5(1)(e)
		record.CodeNoSecurity,          // Art 5(1)(f)
		record.CodeEncryptionInTransit, // DK practice
	}, recCodes(fs))
	assert.Equal(t, []compliance.Principle{compliance.PurposeLimitation, compliance.DataMinimisation, compliance.StorageLimitation,
		compliance.IntegrityConfidentiality, compliance.IntegrityConfidentiality},
		[]compliance.Principle{fs[0].Principle, fs[1].Principle, fs[2].Principle, fs[3].Principle, fs[4].Principle})
	assert.Equal(t, compliance.Names(compliance.CategoriesOf(compliance.Employment, compliance.Financial, compliance.NationalID).All()), fs[1].Args[0])
	// The Art 30(1)(f) and (g) items are reported once, by the principles.
	for _, f := range fs {
		assert.NotEqual(t, record.CodeMissing, f.Code)
	}
}

// Art 44, 46: a transfer without a tool; Art 30(1)(e): a third-country
// recipient without a transfer.
func TestAssessTransfers(t *testing.T) {
	a := recMinimal()
	a.Transfers = []record.Transfer{{Country: compliance.MustCountry("US"), Recipient: "Support Inc."}}
	a.Recipients = append(a.Recipients, record.Recipient{Name: "Konsulent", Country: compliance.MustCountry("IN")},
		record.Recipient{Name: "Svalbard", Country: compliance.MustCountry("SJ")},
		record.Recipient{Name: "Norge", Country: compliance.MustCountry("NO")})
	fs := record.Assess(a, recAt, nil)
	require.Equal(t, []compliance.Code{record.CodeTransferNoSafeguard, record.CodeMissing}, recCodes(fs))
	assert.Equal(t, []compliance.Arg{compliance.CountryArg(compliance.MustCountry("US"))}, fs[0].Args)
	assert.Equal(t, "recipients[1].country", fs[1].Subject)
	assert.Equal(t, compliance.Violation, fs[1].Severity, "approved record")
	assert.Contains(t, fs[1].Refs.Slice(), compliance.GDPR(30, 1, "e"))
}

func TestPolicyValidate(t *testing.T) {
	assert.NoError(t, (*record.Policy)(nil).Validate())
	assert.NoError(t, (&record.Policy{ReviewInterval: compliance.Months(6)}).Validate())
	for _, p := range []record.Policy{
		{ReviewInterval: compliance.Hours(24)},
		{ReviewInterval: compliance.WorkingDays(10)},
		{ReviewInterval: compliance.Period{N: -1, Unit: compliance.UnitDays}},
		{LargeScaleSubjects: -1},
		{NOEncryption: 9},
	} {
		err := p.Validate()
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%+v", p)
	}
}

var recSink []compliance.Finding

// BenchmarkAssess assesses 10,000 activities, a mix of the fixtures (one
// clean, two with several findings, one processor's record), reusing one
// buffer as a register would. The issue asks for at most 50 ms in total.
func BenchmarkAssess(b *testing.B) {
	fixtures := []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()}
	acts := make([]record.Activity, 10000)
	for i := range acts {
		acts[i] = fixtures[i%len(fixtures)]
	}
	policy := &record.Policy{ReviewInterval: compliance.Years(1), LargeScaleSubjects: 10000}
	b.ReportAllocs()
	buf := make([]compliance.Finding, 0, 64)
	for b.Loop() {
		n := 0
		for i := range acts {
			buf = record.AppendAssessment(buf[:0], &acts[i], recAt, policy)
			n += len(buf)
		}
		recSink = buf
		if n == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkAssessClean assesses one clean activity: no allocation.
func BenchmarkAssessClean(b *testing.B) {
	a := recPersonnel()
	b.ReportAllocs()
	for b.Loop() {
		recSink = record.Assess(a, recAt, nil)
	}
}
