package breach_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// lowLetter is a misdirected letter of ordinary data to one known person:
// ENISA 1 × 1 + 0.25 = 1.25, low, unlikely to result in a risk. Each test
// below changes one factor of WP250 rev.01 section IV.B at its edge.
func lowLetter() breach.Breach {
	b := incident(aware, breach.Confidentiality)
	b.Cause = breach.MisdirectedMail
	b.SubjectCount = breach.Exact(1)
	return b
}

func TestFactorEdges(t *testing.T) {
	mod := func(f func(*breach.Breach)) func() breach.Breach {
		return func() breach.Breach { b := lowLetter(); f(&b); return b }
	}
	unlikely := outcome{breach.Unlikely, false, breach.NoCommunication}
	notify := outcome{breach.RiskPresent, true, breach.NoCommunication}
	high := outcome{breach.HighRisk, true, breach.DirectCommunication}
	runCases(t, []edpbCase{
		{"baseline: ordinary data to one known person is unlikely", lowLetter, nil, unlikely, nil},

		// Number of people (ManyFrom, default 100).
		{"volume 99 people: below ManyFrom", mod(func(b *breach.Breach) { b.SubjectCount = breach.Exact(99) }), nil, unlikely, nil},
		{"volume 100 people: at ManyFrom", mod(func(b *breach.Breach) { b.SubjectCount = breach.Exact(100) }), nil, notify,
			[]compliance.Code{breach.CodeManyPeople}},
		{"volume counts the upper end of a range", mod(func(b *breach.Breach) { b.SubjectCount = breach.Between(50, 150) }), nil, notify, nil},
		{"volume threshold is policy", mod(func(b *breach.Breach) { b.SubjectCount = breach.Exact(100) }),
			&breach.Policy{ManyFrom: 101}, unlikely, nil},

		// Mass exposure of identifying data (MassFrom, default 10,000).
		{"mass 9,999 lost: below MassFrom", mod(func(b *breach.Breach) {
			b.SubjectCount, b.Recipients = breach.Exact(9_999), breach.UnknownRecipients
		}), nil, notify, nil},
		{"mass 10,000 lost: at MassFrom", mod(func(b *breach.Breach) {
			b.SubjectCount, b.Recipients = breach.Exact(10_000), breach.UnknownRecipients
		}), nil, high, []compliance.Code{breach.CodeMassExposure}},
		{"mass 10,000 to known recipients: not lost", mod(func(b *breach.Breach) {
			b.SubjectCount = breach.Exact(10_000)
		}), nil, notify, nil},

		// Identifiers for identity theft.
		{"national ID without a name: not an identity-theft pair", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.NationalID)
		}), &breach.Policy{PrivateController: true}, unlikely, nil},
		{"national ID with a name, one known recipient: notify", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
		}), &breach.Policy{PrivateController: true}, notify, []compliance.Code{breach.CodeIdentityTheft}},
		{"national ID with a name, 99 known recipients: notify", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
			b.SubjectCount = breach.Exact(99)
		}), nil, notify, nil},
		{"national ID with a name, 100 people: high", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
			b.SubjectCount = breach.Exact(100)
		}), nil, high, []compliance.Code{breach.CodeIdentityTheftWide}},
		{"national ID with a name, one person, published: high", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
			b.Recipients = breach.Public
		}), nil, high, nil},
		{"credentials to one known recipient: notify", mod(func(b *breach.Breach) { b.Factors.Credentials = true }),
			nil, notify, []compliance.Code{breach.CodeIdentityTheft}},
		{"payment data published: high", mod(func(b *breach.Breach) {
			b.Factors.PaymentData, b.Recipients = true, breach.Public
		}), nil, high, nil},
		{"identity floors turned off", mod(func(b *breach.Breach) { b.Factors.Credentials = true }),
			&breach.Policy{IdentityFloor: breach.Unlikely}, unlikely, nil},

		// Special characteristics of the controller.
		{"a kommune exposing family relations: public authority floor", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Family)
		}), nil, notify, []compliance.Code{breach.CodePublicAuthority}},
		{"a private controller exposing family relations: ENISA decides", mod(func(b *breach.Breach) {
			b.Data = compliance.CategoriesOf(compliance.Family)
		}), &breach.Policy{PrivateController: true}, unlikely, nil},

		// Special characteristics of the individuals.
		{"protected address: high", mod(func(b *breach.Breach) { b.Factors.ProtectedAddress = true }), nil, high,
			[]compliance.Code{breach.CodeProtectedAddress}},
		{"protected address floor lowered to notify", mod(func(b *breach.Breach) { b.Factors.ProtectedAddress = true }),
			&breach.Policy{ProtectedFloor: breach.RiskPresent}, notify, nil},
		{"children: notify", mod(func(b *breach.Breach) { b.Subjects = compliance.SubjectsOf(compliance.Children) }), nil, notify,
			[]compliance.Code{breach.CodeChildren}},

		// Deliberate exfiltration by an insider.
		{"insider acting in bad faith: notify", mod(func(b *breach.Breach) { b.Cause, b.Malicious = breach.Insider, true }),
			&breach.Policy{AuthorityFrom: breach.High}, notify, []compliance.Code{breach.CodeInsider}},
		{"insider by mistake: no insider floor", mod(func(b *breach.Breach) { b.Cause = breach.Insider }), nil, unlikely, nil},

		// Permanence.
		{"irreversible consequences: notify", mod(func(b *breach.Breach) { b.Factors.Irreversible = true }), nil, notify,
			[]compliance.Code{breach.CodeIrreversible}},
	})
}

// TestOutageEdges: how long the data were unavailable (OutageFrom, default
// 24 hours) and what depended on them.
func TestOutageEdges(t *testing.T) {
	outage := func(d time.Duration, bk breach.Backup, imp breach.Impact) func() breach.Breach {
		return func() breach.Breach {
			b := incident(aware, breach.Availability)
			b.Cause = breach.SystemError
			b.Recipients = breach.NoRecipient
			b.Occurred = aware
			b.Backup, b.Impact = bk, imp
			if bk != breach.NoBackup {
				b.Restored = aware.Add(d)
			}
			return b
		}
	}
	unlikely := outcome{breach.Unlikely, false, breach.NoCommunication}
	notify := outcome{breach.RiskPresent, true, breach.NoCommunication}
	runCases(t, []edpbCase{
		{"restored after 23h59m, nobody affected: unlikely (EDPB case 01)",
			outage(24*time.Hour-time.Minute, breach.FullBackup, breach.NoImpact), nil, unlikely, []compliance.Code{breach.CodeRestored}},
		{"restored after 24h: notify (EDPB cases 02, 03)",
			outage(24*time.Hour, breach.FullBackup, breach.NoImpact), nil, notify, []compliance.Code{breach.CodeOutage}},
		{"the threshold is policy", outage(24*time.Hour, breach.FullBackup, breach.NoImpact),
			&breach.Policy{OutageFrom: 48 * time.Hour}, unlikely, nil},
		{"no backup: lost for good",
			outage(0, breach.NoBackup, breach.MinorImpact), nil, notify, []compliance.Code{breach.CodeDataLost}},
		{"restored in an hour but care was delayed: high (EDPB case 03)",
			outage(time.Hour, breach.FullBackup, breach.SignificantImpact), nil,
			outcome{breach.HighRisk, true, breach.DirectCommunication}, []compliance.Code{breach.CodeServiceImpact}},
	})

	t.Run("not yet restored: the outage runs to the assessment", func(t *testing.T) {
		b := outage(0, breach.FullBackup, breach.NoImpact)()
		b.Restored = time.Time{}
		cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
		a, err := breach.Assess(b, cal, aware.Add(30*time.Hour))
		require.NoError(t, err)
		assert.Equal(t, breach.RiskPresent, a.Risk)
		_, ok := finding(a.Findings, breach.CodeOutage)
		assert.True(t, ok, "%v", codesOf(a.Findings))
	})
}

// TestBurdenOfProof: Art 33(1) says notify "unless" the breach is unlikely
// to result in a risk, and Recital 85 puts the showing on the controller
// (EDPB 01/2021 para 10). A breach that would be unlikely but lacks a fact
// needed to show it is notifiable, with a finding naming the fact.
func TestBurdenOfProof(t *testing.T) {
	restoredOutage := func() breach.Breach {
		b := incident(aware, breach.Availability)
		b.Recipients = breach.NoRecipient
		b.Occurred = aware
		b.Backup, b.Impact, b.Restored = breach.FullBackup, breach.NoImpact, aware.Add(time.Hour)
		return b
	}
	for _, tt := range []struct {
		name string
		b    func() breach.Breach
		fact breach.Fact
	}{
		{"number of people not recorded", func() breach.Breach { b := lowLetter(); b.SubjectCount = breach.Count{}; return b }, breach.FactSubjectCount},
		{"recipients not recorded", func() breach.Breach {
			b := lowLetter()
			b.Recipients = 0
			b.SubjectCount = breach.Exact(1)
			b.ENISA.Confidentiality = breach.PartialLoss
			return b
		}, breach.FactRecipients},
		{"nature not recorded", func() breach.Breach {
			b := restoredOutage()
			b.Classification, b.Nature = 0, 0 // not yet classified: nature may be open
			b.Encryption = breach.Encrypted
			return b
		}, breach.FactNature},
		{"backup not recorded", func() breach.Breach {
			b := restoredOutage()
			b.Backup = 0
			b.ENISA.Availability = breach.NoLoss
			return b
		}, breach.FactBackup},
		{"impact not recorded", func() breach.Breach {
			b := restoredOutage()
			b.Impact = 0
			b.ENISA.Availability = breach.NoLoss
			return b
		}, breach.FactImpact},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			a := assess(t, nil, b)
			assert.Equal(t, breach.RiskPresent, a.Risk, "%v", codesOf(a.Findings))
			assert.True(t, a.NotifyAuthority)
			var named []string
			for _, f := range a.Findings {
				if f.Code == breach.CodeFactMissing {
					require.Len(t, f.Args, 1)
					named = append(named, f.Args[0].Keys...)
				}
			}
			assert.Contains(t, named, tt.fact.Key())
		})
	}
	t.Run("every fact recorded: unlikely, no missing-fact finding", func(t *testing.T) {
		a := assess(t, nil, restoredOutage())
		assert.Equal(t, breach.Unlikely, a.Risk)
		_, ok := finding(a.Findings, breach.CodeFactMissing)
		assert.False(t, ok)
	})
}

// TestWithholding: national restrictions of Art 34 (Art 23 GDPR). Denmark:
// databeskyttelsesloven § 22, stk. 1 and 2
// (https://www.retsinformation.dk/eli/lta/2018/502, § 22; text as quoted by
// elov.dk). Norway: no restriction of Art 34 was found in
// personopplysningsloven; the question is left open and the default does
// not apply one (Policy.NorwegianWithholding).
func TestWithholding(t *testing.T) {
	protected := func() breach.Breach {
		b := lowLetter()
		b.Factors.ProtectedAddress = true
		b.Factors.Withheld = breach.PublicInterests
		return b
	}
	dk := calendar(t, compliance.DK, compliance.CalendarOptions{})
	no := calendar(t, compliance.NO, compliance.CalendarOptions{})

	a, err := breach.Assess(protected(), dk, aware.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, breach.HighRisk, a.Risk)
	assert.Equal(t, breach.NoCommunication, a.Communicate, "DK § 22, stk. 2")
	assert.Equal(t, breach.Withheld, a.Exemption)
	f, ok := finding(a.Findings, breach.CodeWithheld)
	require.True(t, ok)
	assert.Equal(t, compliance.Section(compliance.DKDataProtectionAct, "", "22", 2, ""), f.Refs.At(0))

	b := protected()
	b.Factors.Withheld = breach.PrivateInterests
	a, err = breach.Assess(b, dk, aware.Add(time.Hour))
	require.NoError(t, err)
	f, _ = finding(a.Findings, breach.CodeWithheld)
	assert.Equal(t, compliance.Section(compliance.DKDataProtectionAct, "", "22", 1, ""), f.Refs.At(0), "DK § 22, stk. 1")

	a, err = breach.Assess(protected(), no, aware.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, breach.DirectCommunication, a.Communicate, "NO: open question, not applied by default")
	_, ok = finding(a.Findings, breach.CodeWithholdingNotApplied)
	assert.True(t, ok)

	a, err = (&breach.Policy{NorwegianWithholding: true}).Assess(protected(), no, aware.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, breach.NoCommunication, a.Communicate, "NO with the policy's choice")
	assert.Equal(t, breach.Withheld, a.Exemption)

	b = lowLetter()
	b.Factors.Withheld = breach.PublicInterests
	a, err = breach.Assess(b, dk, aware.Add(time.Hour))
	require.NoError(t, err)
	assert.Zero(t, a.Exemption, "no high risk: nothing to withhold")
}

// TestFindingRefsAreShared: a finding's Refs are the package's citation
// table itself, and safely so (issue 14, item 6): the only slice a caller
// can get of them is a copy, and changing it changes neither the finding
// nor a later assessment.
func TestFindingRefsAreShared(t *testing.T) {
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	a1, err := breach.Assess(lowLetter(), cal, aware)
	require.NoError(t, err)
	require.NotEmpty(t, a1.Findings)
	// A snapshot by value: findings that aliased package state would
	// change along with a1's and hide the aliasing.
	want := snapshot(t, a1.Findings)
	for i := range a1.Findings {
		refs := a1.Findings[i].Refs.Slice()
		require.NotEmpty(t, refs)
		for j := range refs {
			refs[j] = compliance.Recital(1)
		}
		assert.NotEqual(t, compliance.Recital(1), a1.Findings[i].Refs.At(0), "%s: Slice returned the shared table", a1.Findings[i].Code)
	}
	assert.Equal(t, want, snapshot(t, a1.Findings), "the findings changed")
	a2, err := breach.Assess(lowLetter(), cal, aware)
	require.NoError(t, err)
	assert.Equal(t, want, snapshot(t, a2.Findings), "a later assessment changed")
}

// snapshot returns findings encoded as JSON: a copy that shares nothing
// with them.
func snapshot(t *testing.T, fs []compliance.Finding) string {
	t.Helper()
	b, err := json.Marshal(fs)
	require.NoError(t, err)
	return string(b)
}

func TestPolicyValidateThresholds(t *testing.T) {
	for _, p := range []breach.Policy{{ManyFrom: -1}, {MassFrom: -1}, {OutageFrom: -time.Second},
		{OutageFrom: 400 * 24 * time.Hour}, {ProtectedFloor: 9}, {MassFloor: 9}} {
		assert.ErrorIs(t, p.Validate(), compliance.ErrInvalid, "%+v", p)
	}
	assert.NoError(t, (&breach.Policy{ManyFrom: 1, OutageFrom: time.Hour}).Validate())
}

// TestFindingSlicesAreCapped: each finding's Args and argument Keys are
// cut from the assessment's shared backing arrays with their capacity
// clipped, so appending to one never writes into another finding's range;
// and writing into them changes no later assessment.
func TestFindingSlicesAreCapped(t *testing.T) {
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	at := cph(2024, time.March, 10, 10, 0)
	a, err := breach.Assess(danishRansomware(), cal, at)
	require.NoError(t, err)
	want := snapshot(t, a.Findings)
	require.Greater(t, len(a.Findings), 1)
	keyed := 0
	for i := range a.Findings {
		f := &a.Findings[i]
		assert.Equal(t, len(f.Args), cap(f.Args), "%s args", f.Code)
		_ = append(f.Args, compliance.Arg{})
		for j := range f.Args {
			if k := f.Args[j].Keys; len(k) > 0 {
				keyed++
				assert.Equal(t, len(k), cap(k), "%s arg %d keys", f.Code, j)
				_ = append(k, "x")
			}
		}
	}
	require.Positive(t, keyed, "the example has named arguments")
	assert.Equal(t, want, snapshot(t, a.Findings), "appending wrote into a neighbour")
	for i := range a.Findings {
		for j := range a.Findings[i].Args {
			for k := range a.Findings[i].Args[j].Keys {
				a.Findings[i].Args[j].Keys[k] = "x"
			}
		}
	}
	again, err := breach.Assess(danishRansomware(), cal, at)
	require.NoError(t, err)
	assert.Equal(t, want, snapshot(t, again.Findings))
}
