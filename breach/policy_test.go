package breach_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// outcome is what the EDPB's cases conclude: notify the supervisory
// authority (SA), communicate to the data subjects (DS); documentation is
// always required (EDPB 01/2021 para 15; Art 33(5)).
type outcome struct {
	risk breach.Risk
	sa   bool
	ds   breach.Communication
}

func assess(t *testing.T, p *breach.Policy, b breach.Breach) breach.Assessment {
	t.Helper()
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	a, err := p.Assess(b, cal, b.Aware.Add(time.Hour))
	require.NoError(t, err)
	return a
}

func checkOutcome(t *testing.T, a breach.Assessment, want outcome) {
	t.Helper()
	assert.Equal(t, want.risk, a.Risk, "risk; findings %v", codesOf(a.Findings))
	assert.Equal(t, want.sa, a.NotifyAuthority, "notify Datatilsynet")
	assert.Equal(t, want.ds, a.Communicate, "communicate to data subjects")
	_, documented := finding(a.Findings, breach.CodeDocument)
	assert.True(t, documented, "every breach is documented (Art 33(5); EDPB 01/2021 para 15)")
	for _, f := range a.Findings {
		assert.NoError(t, f.Validate(), "finding %s", f.Code)
	}
}

var aware = cph(2024, time.March, 1, 9, 0)

// TestEDPBCases reproduces the conclusions of EDPB Guidelines 01/2021 v2.0
// for the cases in breach-dpia.md §1.2, with the facts as the table gives
// them.
func TestEDPBCases(t *testing.T) {
	for _, tt := range []struct {
		name string
		b    func() breach.Breach
		want outcome
	}{
		{"EDPB 01/2021 Case 01: ransomware with proper backup, no exfiltration", func() breach.Breach {
			// A small manufacturer: data encrypted at rest with a
			// state-of-the-art algorithm, key not compromised; logs prove
			// no outward data flow; a few dozen clients and employees; the
			// backup restored the data within hours, with no effect on
			// operations. Unlawful alteration and access (C, I, A).
			b := incident(aware, breach.Confidentiality, breach.Integrity, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment, compliance.Financial)
			b.Subjects = compliance.SubjectsOf(compliance.Employees, compliance.BusinessContacts)
			b.SubjectCount = breach.About(36)
			b.Encryption = breach.Encrypted
			b.Recipients = breach.NoRecipient
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(4*time.Hour), breach.NoImpact
			return b
		}, outcome{breach.Unlikely, false, breach.NoCommunication}},

		{"EDPB 01/2021 Case 03: ransomware with backup, no exfiltration, in a hospital", func() breach.Breach {
			// Certainty of no exfiltration; the backup existed but
			// restoring took a couple of days; treatments were delayed.
			b := incident(aware, breach.Integrity, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Health)
			b.Subjects = compliance.SubjectsOf(compliance.Patients)
			b.Recipients = breach.NoRecipient
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(48*time.Hour), breach.SignificantImpact
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication}},

		{"EDPB 01/2021 Case 09: accidental transmission to a trusted third party", func() breach.Breach {
			// An insurance agent under professional secrecy receives about
			// two dozen customers' contact details and insurance type and
			// amount, reports it at once and confirms deletion in writing;
			// no special categories.
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedEmail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Financial)
			b.SubjectCount = breach.About(24)
			b.Recipients = breach.TrustedRecipient
			return b
		}, outcome{breach.Unlikely, false, breach.NoCommunication}},

		{"EDPB 01/2021 Case 13: postal mail mistake (retail)", func() breach.Breach {
			// Two shoe orders with their packing bills swapped: each of
			// two customers gets the other's name, address and order; the
			// controller recalls and resends. One order of shoes is
			// behavioural data that reveals next to nothing (ENISA: the
			// nature of the data lowers the score).
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedMail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.UsageData)
			b.SubjectCount = breach.Exact(2)
			b.Recipients = breach.KnownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Behavioural, Factor: breach.NatureOfData,
				Delta: dec("-1"), Note: "one order of shoes"}}
			return b
		}, outcome{breach.Unlikely, false, breach.NoCommunication}},

		{"EDPB 01/2021 Case 16: postal mail mistake (insurance)", func() breach.Breach {
			// Two policyholders' letters in one envelope: one person's
			// name, address, vehicle registration number, premiums,
			// mileage and date of birth reach the other; no Art 9, bank
			// or other financial data. The whole policy about one person
			// is more than an address (ENISA: volume of data about the
			// same person raises the score).
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedMail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.CaseData)
			b.SubjectCount = breach.Exact(1)
			b.Recipients = breach.KnownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Simple, Factor: breach.Volume,
				Delta: dec("1"), Note: "the full policy: date of birth, registration number, premiums, mileage"}}
			return b
		}, outcome{breach.RiskPresent, true, breach.NoCommunication}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			checkOutcome(t, assess(t, nil, b), tt.want)
		})
	}
}

// TestWP250AnnexB checks examples of WP250 rev.01 Annex B ("Examples of
// personal data breaches and who to notify"), kept unchanged in EDPB
// Guidelines 9/2022. breach-dpia.md §1.4 leaves the table empty and the
// primary text could not be retrieved for this package: the rows below are
// the Annex's examples as commonly quoted, not re-read against the PDF, and
// their outcomes should be checked against it.
func TestWP250AnnexB(t *testing.T) {
	for _, tt := range []struct {
		name string
		b    func() breach.Breach
		want outcome
	}{
		{"WP250 Annex B (i): encrypted backup on a USB key stolen, key not compromised", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Availability)
			b.Cause, b.Malicious = breach.StolenDevice, true
			b.Encryption = breach.Encrypted
			b.Recipients = breach.UnknownRecipients
			b.Backup, b.Impact, b.Restored = breach.FullBackup, breach.NoImpact, aware.Add(2*time.Hour)
			return b
		}, outcome{breach.Unlikely, false, breach.NoCommunication}},

		{"WP250 Annex B (iii): a power outage of several minutes at a call centre", func() breach.Breach {
			b := incident(aware, breach.Availability)
			b.Cause = breach.SystemError
			b.Recipients = breach.NoRecipient
			b.Backup, b.Impact, b.Restored = breach.FullBackup, breach.NoImpact, aware.Add(10*time.Minute)
			return b
		}, outcome{breach.Unlikely, false, breach.NoCommunication}},

		{"WP250 Annex B (iv): ransomware, no backup, data cannot be restored, ordinary data", func() breach.Breach {
			b := incident(aware, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Recipients = breach.NoRecipient
			b.Backup, b.Impact = breach.NoBackup, breach.MinorImpact
			return b
		}, outcome{breach.RiskPresent, true, breach.NoCommunication}},

		{"WP250 Annex B (vi): usernames, passwords and purchase history published online", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.OnlineIdentifiers, compliance.UsageData)
			b.Recipients = breach.Public
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication}},

		{"WP250 Annex B (viii): medical records in a hospital unavailable for 30 hours after a cyber attack", func() breach.Breach {
			b := incident(aware, breach.Availability)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Health)
			b.Subjects = compliance.SubjectsOf(compliance.Patients)
			b.Recipients = breach.NoRecipient
			b.Backup, b.Impact = breach.FullBackup, breach.SignificantImpact
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			checkOutcome(t, assess(t, nil, b), tt.want)
		})
	}
}

// TestPolicyFactors covers the facts the default policy weighs beyond the
// EDPB cases: encryption (Art 34(3)(a)), children and other vulnerable
// persons and special categories (Recital 75), subsequent measures (Art
// 34(3)(b)) and disproportionate effort (Art 34(3)(c)).
func TestPolicyFactors(t *testing.T) {
	// A misdirected letter with one person's school health record: ENISA
	// sensitive 4 × 1 + 0.25 = 4.25, very high.
	healthLetter := func() breach.Breach {
		b := incident(aware, breach.Confidentiality)
		b.Cause = breach.MisdirectedMail
		b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Health)
		b.Subjects = compliance.SubjectsOf(compliance.Pupils, compliance.Parents)
		b.SubjectCount = breach.Exact(1)
		return b
	}
	// A lost, unencrypted USB stick with a class list: simple data, no
	// evidence of access: ENISA 1 × 1 + 0 = 1, low.
	classList := func() breach.Breach {
		b := incident(aware, breach.Confidentiality)
		b.Cause = breach.LostDevice
		b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact)
		b.Subjects = compliance.SubjectsOf(compliance.Citizens)
		b.Recipients = breach.NoEvidence
		return b
	}
	for _, tt := range []struct {
		name      string
		b         func() breach.Breach
		p         *breach.Policy
		want      outcome
		exemption breach.Exemption
		codes     []compliance.Code
	}{
		{"sensitive data about a pupil in a misdirected letter: high risk (ENISA very high)",
			healthLetter, nil, outcome{breach.HighRisk, true, breach.DirectCommunication}, 0,
			[]compliance.Code{breach.CodeSeverity, breach.CodeSpecialCategories, breach.CodeChildren, breach.CodeCommunicateSubjects}},
		{"the same letter encrypted with an uncompromised key: Art 34(3)(a), nothing to notify",
			func() breach.Breach { b := healthLetter(); b.Encryption = breach.Encrypted; return b },
			nil, outcome{breach.Unlikely, false, breach.NoCommunication}, breach.Unintelligible,
			[]compliance.Code{breach.CodeEncrypted, breach.CodeExemptUnintelligible, breach.CodeNotificationNotRequired}},
		{"encrypted, but the key was compromised: no protection",
			func() breach.Breach { b := healthLetter(); b.Encryption = breach.KeyCompromised; return b },
			nil, outcome{breach.HighRisk, true, breach.DirectCommunication}, 0, nil},
		{"Art 34(3)(b): the recipient returned the letter unopened; high risk averted",
			func() breach.Breach { b := healthLetter(); b.HighRiskAverted = true; return b },
			nil, outcome{breach.HighRisk, true, breach.NoCommunication}, breach.Averted,
			[]compliance.Code{breach.CodeExemptAverted, breach.CodeNotifyAuthority}},
		{"Art 34(3)(c): no contact details, so a public communication",
			func() breach.Breach { b := healthLetter(); b.DisproportionateEffort = true; return b },
			nil, outcome{breach.HighRisk, true, breach.PublicCommunication}, breach.Disproportionate,
			[]compliance.Code{breach.CodeCommunicatePublic}},
		{"a lost class list of adults: ENISA low, unlikely to result in a risk",
			classList, nil, outcome{breach.Unlikely, false, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeNotificationNotRequired, breach.CodeSubjectsNotRequired}},
		{"the same list of pupils: children raise the risk (Recital 75)",
			func() breach.Breach {
				b := classList()
				b.Subjects = compliance.SubjectsOf(compliance.Pupils)
				return b
			}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeChildren, breach.CodeNotifyAuthority}},
		{"the same list of recipients of social services: vulnerable persons (Recital 75)",
			func() breach.Breach {
				b := classList()
				b.Subjects = compliance.SubjectsOf(compliance.SocialClients)
				return b
			}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeVulnerable}},
		{"employees are not vulnerable for the default policy",
			func() breach.Breach {
				b := classList()
				b.Subjects = compliance.SubjectsOf(compliance.Employees)
				return b
			}, nil, outcome{breach.Unlikely, false, breach.NoCommunication}, 0, nil},
		{"the children floor can be turned off",
			func() breach.Breach {
				b := classList()
				b.Subjects = compliance.SubjectsOf(compliance.Pupils)
				return b
			}, &breach.Policy{ChildrenFloor: breach.Unlikely}, outcome{breach.Unlikely, false, breach.NoCommunication}, 0, nil},
		{"a list with diagnoses, negligible identifiability: special categories raise the risk (Recital 75)",
			func() breach.Breach {
				b := classList()
				b.Data = compliance.CategoriesOf(compliance.Health)
				b.ENISA.Identifiability = breach.Negligible
				return b
			}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeSpecialCategories}},
		{"CPR numbers with names held by a kommune: a public authority's confidential data and an identifier for identity theft (WP250 IV.B) — notify although ENISA says low",
			func() breach.Breach {
				b := classList()
				b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
				return b
			}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodePublicAuthority, breach.CodeIdentityTheft}},
		{"the same list at a private controller with the identity floor off: ENISA decides (low)",
			func() breach.Breach {
				b := classList()
				b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
				return b
			}, &breach.Policy{PrivateController: true, IdentityFloor: breach.Unlikely}, outcome{breach.Unlikely, false, breach.NoCommunication}, 0, nil},
		{"CPR numbers with a stricter local policy: ConfidentialFloor",
			func() breach.Breach {
				b := classList()
				b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
				return b
			}, &breach.Policy{ConfidentialFloor: breach.RiskPresent}, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeConfidentialData}},
		{"a policy that reads ENISA's low band as a risk",
			classList, &breach.Policy{AuthorityFrom: breach.Low}, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0, nil},
		{"a trusted recipient who received health data: not neutralised (EDPB 01/2021 Case 09 excludes sensitive data)",
			func() breach.Breach { b := healthLetter(); b.Recipients = breach.TrustedRecipient; return b },
			nil, outcome{breach.HighRisk, true, breach.DirectCommunication}, 0, nil},
		{"no data categories recorded: a risk until shown otherwise (Recital 85)",
			func() breach.Breach { b := classList(); b.Data = 0; return b },
			nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeDataUnknown}},
		{"identifiability not assessed: maximum assumed",
			func() breach.Breach { b := classList(); b.ENISA.Identifiability = 0; return b },
			nil, outcome{breach.Unlikely, false, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeIdentifiabilityAssumed}},
		{"nature not recorded on an unclassified incident: treated as all three",
			func() breach.Breach {
				b := classList()
				b.Classification, b.Nature = 0, 0
				return b
			}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, 0,
			[]compliance.Code{breach.CodeUnclassified}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			a := assess(t, tt.p, b)
			checkOutcome(t, a, tt.want)
			assert.Equal(t, tt.exemption, a.Exemption, "exemption")
			got := codesOf(a.Findings)
			for _, c := range tt.codes {
				assert.Contains(t, got, c)
			}
		})
	}
}

func TestNotABreach(t *testing.T) {
	b := incident(aware, breach.Confidentiality)
	b.Classification = breach.NotABreach
	a := assess(t, nil, b)
	assert.Equal(t, breach.Risk(0), a.Risk)
	assert.False(t, a.NotifyAuthority)
	assert.Equal(t, breach.NotRequired, a.Status)
	assert.Equal(t, []compliance.Code{breach.CodeNotABreach}, codesOf(a.Findings))
}

func TestPolicyValidate(t *testing.T) {
	assert.NoError(t, (*breach.Policy)(nil).Validate())
	assert.NoError(t, (&breach.Policy{}).Validate())
	err := (&breach.Policy{AuthorityFrom: breach.High, SubjectsFrom: breach.Medium, SpecialFloor: 7, Vulnerable: 1}).Validate()
	require.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("specialFloor"))
	assert.True(t, ve.Has("vulnerable"))
	err = (&breach.Policy{AuthorityFrom: breach.High, SubjectsFrom: breach.Medium}).Validate()
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("subjectsFrom"))

	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	_, err = (&breach.Policy{SpecialFloor: 9}).Assess(incident(aware), cal, aware)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = breach.Assess(incident(aware), nil, aware)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	d := breach.DefaultPolicy()
	assert.Equal(t, breach.Medium, d.AuthorityFrom)
	assert.Equal(t, breach.High, d.SubjectsFrom)
	assert.Equal(t, breach.HighRisk, d.ImpactFloor)
}

// TestCircumstances pins how the ENISA circumstances are derived from the
// facts (ENISA 2013, circumstances of breach; breach-dpia.md §2.4).
func TestCircumstances(t *testing.T) {
	for _, tt := range []struct {
		name    string
		b       breach.Breach
		c, i, a breach.Loss
	}{
		{"confidentiality to known recipients: partial", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.KnownRecipients}, breach.PartialLoss, breach.NoLoss, breach.NoLoss},
		{"confidentiality to unknown recipients: full", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.UnknownRecipients}, breach.FullLoss, breach.NoLoss, breach.NoLoss},
		{"confidentiality published: full", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.Public}, breach.FullLoss, breach.NoLoss, breach.NoLoss},
		{"confidentiality, no evidence of access: none", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.NoEvidence}, breach.NoLoss, breach.NoLoss, breach.NoLoss},
		{"confidentiality, recipients not recorded: full", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality)}, breach.FullLoss, breach.NoLoss, breach.NoLoss},
		{"confidentiality, encrypted: none", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.Public, Encryption: breach.Encrypted}, breach.NoLoss, breach.NoLoss, breach.NoLoss},
		{"integrity with a full backup: partial (recoverable)", breach.Breach{Nature: breach.NatureOf(breach.Integrity), Backup: breach.FullBackup}, breach.NoLoss, breach.PartialLoss, breach.NoLoss},
		{"integrity without backup: full", breach.Breach{Nature: breach.NatureOf(breach.Integrity), Backup: breach.NoBackup}, breach.NoLoss, breach.FullLoss, breach.NoLoss},
		{"availability restored, nobody affected: none", breach.Breach{Nature: breach.NatureOf(breach.Availability), Backup: breach.FullBackup, Impact: breach.NoImpact}, breach.NoLoss, breach.NoLoss, breach.NoLoss},
		{"availability with a backup, services delayed: partial (temporary)", breach.Breach{Nature: breach.NatureOf(breach.Availability), Backup: breach.FullBackup, Impact: breach.MinorImpact}, breach.NoLoss, breach.NoLoss, breach.PartialLoss},
		{"availability with a partial backup: partial", breach.Breach{Nature: breach.NatureOf(breach.Availability), Backup: breach.PartialBackup}, breach.NoLoss, breach.NoLoss, breach.PartialLoss},
		{"availability without backup: full", breach.Breach{Nature: breach.NatureOf(breach.Availability), Backup: breach.NoBackup}, breach.NoLoss, breach.NoLoss, breach.FullLoss},
		{"the assessor's levels win", breach.Breach{Nature: breach.NatureOf(breach.Confidentiality), Recipients: breach.Public,
			ENISA: breach.Factors{Confidentiality: breach.PartialLoss, Integrity: breach.FullLoss}}, breach.PartialLoss, breach.FullLoss, breach.NoLoss},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, i, a := tt.b.Circumstances()
			assert.Equal(t, []breach.Loss{tt.c, tt.i, tt.a}, []breach.Loss{c, i, a})
		})
	}
}

// TestAssessGarbage: Assess does not require a validated breach: values
// outside every vocabulary give an assessment, never a panic.
func TestAssessGarbage(t *testing.T) {
	b := breach.Breach{
		Classification: 77, Reporter: 99, Nature: 0xff, Cause: 200, Data: ^compliance.DataCategories(0),
		Subjects: ^compliance.SubjectCategories(0), Encryption: 9, Backup: 9, Impact: 9, Recipients: 9,
		ENISA: breach.Factors{Identifiability: 9, Confidentiality: 9, Integrity: 9, Availability: 9,
			Adjustments: []breach.Adjustment{{Type: 9, Factor: 9, Delta: dec("7")}}},
		Aware:          aware,
		Authority:      []breach.AuthorityNotification{{Phase: 9, At: aware.Add(time.Hour), NextBy: aware}},
		Communications: []breach.SubjectCommunication{{Channel: 99, At: aware}},
		Processor:      breach.ProcessorReport{Aware: aware, Notified: aware.Add(time.Hour), AgreedHours: -5},
	}
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	assert.NotPanics(t, func() {
		a, err := breach.Assess(b, cal, aware.Add(200*time.Hour))
		if err == nil {
			breach.AuthorityNotice(b, a, danishContact)
			breach.SubjectsLetter(b, a, danishContact)
		}
	})
}

// TestFindingsCapacity: the breach that makes the most findings gets all of
// them (the collector has fixed room; see findings.go).
func TestFindingsCapacity(t *testing.T) {
	b := danishRansomware()
	b.Classification = 0
	b.ENISA.Identifiability = 0
	b.Data = b.Data.With(compliance.Financial).With(compliance.Health)
	b.Subjects = compliance.SubjectsOf(compliance.Pupils, compliance.Patients)
	b.Impact = breach.SignificantImpact
	b.Factors = breach.RiskFactors{ProtectedAddress: true, Credentials: true, Likelihood: breach.Certain,
		Gravity: breach.VerySerious, Irreversible: true, Withheld: breach.PublicInterests}
	b.Cause, b.Malicious = breach.Insider, true
	b.Processor.AgreedHours = 1
	b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: b.Aware.Add(100 * time.Hour), NextBy: b.Aware.Add(101 * time.Hour)}}
	a, err := (&breach.Policy{ConfidentialFloor: breach.RiskPresent}).Assess(b, calendar(t, compliance.DK, compliance.CalendarOptions{}), b.Aware.Add(200*time.Hour))
	require.NoError(t, err)
	want := []compliance.Code{breach.CodeDocument, breach.CodeUnclassified, breach.CodeIdentifiabilityAssumed,
		breach.CodeSeverity, breach.CodeSpecialCategories, breach.CodeConfidentialData, breach.CodePublicAuthority,
		breach.CodeIdentityTheftWide, breach.CodeProtectedAddress, breach.CodeInsider, breach.CodeManyPeople,
		breach.CodeChildren, breach.CodeVulnerable, breach.CodeServiceImpact, breach.CodeOutage,
		breach.CodeConsequencesCertain, breach.CodeConsequencesVerySerious, breach.CodeIrreversible,
		breach.CodeRisk, breach.CodeWithheld, breach.CodeProcessorNoticeStartsClock,
		breach.CodeDelayReasonsMissing, breach.CodeFollowUpOverdue, breach.CodeProcessorLate}
	assert.Equal(t, want, codesOf(a.Findings))
	args := 0
	for _, f := range a.Findings {
		args += len(f.Args)
		assert.NoError(t, f.Validate())
	}
	assert.Equal(t, 20, args)
}
