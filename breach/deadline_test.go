package breach_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// notifiable returns a breach that must be notified (ENISA medium: a known
// recipient of behavioural data), aware at aware.
func notifiable(aware time.Time) breach.Breach {
	b := incident(aware, breach.Confidentiality)
	b.Cause = breach.MisdirectedEmail
	b.Data = compliance.CategoriesOf(compliance.Identity, compliance.UsageData)
	return b
}

func notifiedAt(b breach.Breach, at time.Time, complete bool) breach.Breach {
	b.Authority = append(b.Authority, breach.AuthorityNotification{Phase: breach.Initial, At: at, Complete: complete, Reference: "2024-431-0042"})
	return b
}

// TestTiming checks the timing oracles T1–T6 of breach-dpia.md §3.3 (Art
// 33(1), (2) and (4) GDPR; Reg 1182/71 Art 3(1) for the strict reading).
func TestTiming(t *testing.T) {
	dk := calendar(t, compliance.DK, compliance.CalendarOptions{})
	strict := calendar(t, compliance.DK, compliance.CalendarOptions{HourCount: compliance.HourCountNextHour})
	fri := cph(2024, time.March, 1, 9, 0) // a Friday
	for _, tt := range []struct {
		name     string
		cal      *compliance.Calendar
		b        breach.Breach
		at       time.Time
		end      time.Time
		status   breach.Status
		codes    []compliance.Code
		notCodes []compliance.Code
	}{
		{"T1: aware Fri 09:00, notified Sun 15:00: on time, no reasons needed",
			dk, notifiedAt(notifiable(fri), cph(2024, time.March, 3, 15, 0), true), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.OnTime,
			[]compliance.Code{breach.CodeAuthorityOnTime}, []compliance.Code{breach.CodeDelayReasonsMissing}},
		{"T2: notified at exactly 72 hours: on time (Art 33(1): not later than 72 hours)",
			dk, notifiedAt(notifiable(fri), cph(2024, time.March, 4, 9, 0), true), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.OnTime,
			[]compliance.Code{breach.CodeAuthorityOnTime}, []compliance.Code{breach.CodeDelayReasonsMissing}},
		{"T3: notified at 72 hours and a minute: late, reasons for the delay required",
			dk, notifiedAt(notifiable(fri), cph(2024, time.March, 4, 9, 1), true), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.Late,
			[]compliance.Code{breach.CodeDelayReasonsMissing}, []compliance.Code{breach.CodeAuthorityOnTime}},
		{"T3 with the reasons recorded: late, no longer a violation",
			dk, func() breach.Breach {
				b := notifiedAt(notifiable(fri), cph(2024, time.March, 4, 9, 1), true)
				b.Text.DelayReasons = "The forensic report arrived Monday morning."
				return b
			}(), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.Late,
			[]compliance.Code{breach.CodeAuthorityLate}, []compliance.Code{breach.CodeDelayReasonsMissing}},
		{"T3 read strictly (Reg 1182/71 Art 3(1)): the 09:00 hour is not counted, so 09:01 on Monday is in time",
			strict, notifiedAt(notifiable(cph(2024, time.March, 1, 9, 0)), cph(2024, time.March, 4, 9, 1), true), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 10, 0), breach.OnTime,
			[]compliance.Code{breach.CodeAuthorityOnTime}, nil},
		{"T4: aware Fri 17:00, notified Mon 18:00 (73 hours): late; weekends count",
			dk, notifiedAt(notifiable(cph(2024, time.March, 1, 17, 0)), cph(2024, time.March, 4, 18, 0), true), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 17, 0), breach.Late,
			[]compliance.Code{breach.CodeDelayReasonsMissing}, nil},
		{"T5: the processor aware on day 1 tells the kommune on day 4: the kommune's 72 hours run from day 4, the processor was late",
			dk, func() breach.Breach {
				b := notifiable(cph(2024, time.March, 4, 10, 0))
				b.Reporter = breach.ReportedByProcessor
				b.Discovered = cph(2024, time.March, 1, 10, 0)
				b.Processor = breach.ProcessorReport{ID: compliance.ProcessorID{UUID: id(9).UUID},
					Aware: cph(2024, time.March, 1, 10, 0), Notified: cph(2024, time.March, 4, 10, 0), AgreedHours: 24}
				return b
			}(), cph(2024, time.March, 5, 10, 0),
			cph(2024, time.March, 7, 10, 0), breach.Pending,
			[]compliance.Code{breach.CodeProcessorLate, breach.CodeAuthorityDue}, nil},
		{"T5 without an agreed limit: the delay is reported, Art 33(2) sets no figure",
			dk, func() breach.Breach {
				b := notifiable(cph(2024, time.March, 4, 10, 0))
				b.Reporter = breach.ReportedByProcessor
				b.Discovered = cph(2024, time.March, 1, 10, 0)
				b.Processor = breach.ProcessorReport{ID: compliance.ProcessorID{UUID: id(9).UUID},
					Aware: cph(2024, time.March, 1, 10, 0), Notified: cph(2024, time.March, 4, 10, 0)}
				return b
			}(), cph(2024, time.March, 5, 10, 0),
			cph(2024, time.March, 7, 10, 0), breach.Pending,
			[]compliance.Code{breach.CodeProcessorDelay}, []compliance.Code{breach.CodeProcessorLate}},
		{"T6: initial notice at 40 hours with the facts partly unknown, complete follow-up at 10 days (Art 33(4))",
			dk, func() breach.Breach {
				b := notifiable(fri)
				b.Authority = []breach.AuthorityNotification{
					{Phase: breach.Initial, At: fri.Add(40 * time.Hour), NextBy: cph(2024, time.March, 11, 12, 0)},
					{Phase: breach.Final, At: cph(2024, time.March, 11, 9, 0)},
				}
				return b
			}(), cph(2024, time.March, 12, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.OnTime,
			[]compliance.Code{breach.CodeAuthorityOnTime},
			[]compliance.Code{breach.CodeFollowUpPending, breach.CodeFollowUpOverdue, breach.CodeDelayReasonsMissing}},
		{"T6 before the follow-up: the rest is pending",
			dk, func() breach.Breach {
				b := notifiable(fri)
				b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: fri.Add(40 * time.Hour), NextBy: cph(2024, time.March, 11, 12, 0)}}
				return b
			}(), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 4, 9, 0), breach.OnTime,
			[]compliance.Code{breach.CodeFollowUpPending}, []compliance.Code{breach.CodeFollowUpOverdue}},
		{"T6 after the promised date: the follow-up is overdue",
			dk, func() breach.Breach {
				b := notifiable(fri)
				b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: fri.Add(40 * time.Hour), NextBy: cph(2024, time.March, 11, 12, 0)}}
				return b
			}(), cph(2024, time.March, 11, 12, 1),
			cph(2024, time.March, 4, 9, 0), breach.OnTime,
			[]compliance.Code{breach.CodeFollowUpOverdue}, []compliance.Code{breach.CodeFollowUpPending}},
		{"not yet notified, 10 hours left: pending",
			dk, notifiable(fri), cph(2024, time.March, 3, 23, 0),
			cph(2024, time.March, 4, 9, 0), breach.Pending,
			[]compliance.Code{breach.CodeNotifyAuthority, breach.CodeAuthorityDue}, nil},
		{"not yet notified at exactly 72 hours: still pending",
			dk, notifiable(fri), cph(2024, time.March, 4, 9, 0),
			cph(2024, time.March, 4, 9, 0), breach.Pending, nil, nil},
		{"not yet notified after 72 hours: overdue",
			dk, notifiable(fri), cph(2024, time.March, 4, 9, 1),
			cph(2024, time.March, 4, 9, 0), breach.Overdue,
			[]compliance.Code{breach.CodeAuthorityOverdue}, nil},
		{"awareness not recorded: the clock cannot be placed",
			dk, func() breach.Breach { b := notifiable(fri); b.Aware = time.Time{}; return b }(), cph(2024, time.March, 4, 9, 1),
			time.Time{}, breach.AwaitingAwareness,
			[]compliance.Code{breach.CodeAwarenessMissing, breach.CodeNotifyAuthority}, nil},
		{"the processor's notice came before the recorded awareness: the clock runs from the notice (WP250 II.A.4)",
			dk, func() breach.Breach {
				b := notifiable(cph(2024, time.March, 4, 15, 0))
				b.Discovered = cph(2024, time.March, 4, 8, 0)
				b.Processor = breach.ProcessorReport{Notified: cph(2024, time.March, 4, 8, 0)}
				return b
			}(), cph(2024, time.March, 5, 0, 0),
			cph(2024, time.March, 7, 8, 0), breach.Pending,
			[]compliance.Code{breach.CodeProcessorNoticeStartsClock}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.b.Validate())
			a, err := (*breach.Policy)(nil).Assess(tt.b, tt.cal, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.status, a.Status)
			assert.Truef(t, tt.end.Equal(a.Deadline.End), "deadline %v, want %v", a.Deadline.End, tt.end)
			got := codesOf(a.Findings)
			for _, c := range tt.codes {
				assert.Contains(t, got, c)
			}
			for _, c := range tt.notCodes {
				assert.NotContains(t, got, c)
			}
		})
	}
}

// TestAwarenessAsRecorded: the policy option that keeps the clock at the
// recorded awareness even when a processor's notice came first.
func TestAwarenessAsRecorded(t *testing.T) {
	b := notifiable(cph(2024, time.March, 4, 15, 0))
	b.Discovered = cph(2024, time.March, 4, 8, 0)
	b.Processor = breach.ProcessorReport{Notified: cph(2024, time.March, 4, 8, 0)}
	a, err := (&breach.Policy{AwarenessAsRecorded: true}).Assess(b, calendar(t, compliance.DK, compliance.CalendarOptions{}), b.Aware)
	require.NoError(t, err)
	assert.True(t, cph(2024, time.March, 7, 15, 0).Equal(a.Deadline.End))
}

// TestDeadlineAcrossDST: the 72 hours are elapsed time (Reg 1182/71 Art
// 3(1) counts hours; hour periods are never extended): across the spring
// change the wall clock shows one hour more, across the autumn change one
// hour less. Weekends and the Easter holidays do not extend them.
func TestDeadlineAcrossDST(t *testing.T) {
	for _, tt := range []struct {
		name string
		j    compliance.Jurisdiction
		hc   compliance.HourCount
		aw   time.Time
		end  time.Time
	}{
		{"DK spring: Fri 28 March 2025 12:00 CET ends Mon 13:00 CEST", compliance.DK, 0, cph(2025, time.March, 28, 12, 0), cph(2025, time.March, 31, 13, 0)},
		{"DK autumn: Fri 24 October 2025 12:00 CEST ends Mon 11:00 CET", compliance.DK, 0, cph(2025, time.October, 24, 12, 0), cph(2025, time.October, 27, 11, 0)},
		{"NO spring, strict reading: 10:37 starts at 11:00, ends Mon 12:00 CEST", compliance.NO, compliance.HourCountNextHour, osl(2025, time.March, 28, 10, 37), osl(2025, time.March, 31, 12, 0)},
		{"NO Skjærtorsdag 2025 10:37: ends on Easter Sunday, not moved", compliance.NO, 0, osl(2025, time.April, 17, 10, 37), osl(2025, time.April, 20, 10, 37)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cal := calendar(t, tt.j, compliance.CalendarOptions{HourCount: tt.hc})
			a, err := breach.Assess(notifiable(tt.aw), cal, tt.aw)
			require.NoError(t, err)
			assert.Truef(t, tt.end.Equal(a.Deadline.End), "deadline %v, want %v", a.Deadline.End, tt.end)
			assert.Equal(t, 72*time.Hour, a.Deadline.End.Sub(a.Deadline.Start))
		})
	}
}

// TestDuties: the open duties of one breach, by deadline.
func TestDuties(t *testing.T) {
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	b := notifiable(aware)
	b.Data = compliance.CategoriesOf(compliance.Health) // high risk
	a, err := breach.Assess(b, cal, aware.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, a.Duties, 2)
	assert.Equal(t, breach.DutyNotify, a.Duties[0].Duty)
	assert.True(t, a.Duties[0].By.Equal(aware.Add(72*time.Hour)))
	assert.Equal(t, breach.DutyCommunicate, a.Duties[1].Duty)
	assert.True(t, a.Duties[1].By.IsZero(), "without undue delay: no fixed deadline")

	late := notifiedAt(b, aware.Add(80*time.Hour), true)
	late.Communications = []breach.SubjectCommunication{{At: aware.Add(80 * time.Hour), Channel: breach.DigitalPost, Count: 1}}
	a, err = breach.Assess(late, cal, aware.Add(100*time.Hour))
	require.NoError(t, err)
	require.Len(t, a.Duties, 1)
	assert.Equal(t, breach.Due{Breach: b.ID, Duty: breach.DutyDelayReasons, Overdue: true}, a.Duties[0])
	_, ok := finding(a.Findings, breach.CodeSubjectsCommunicated)
	assert.True(t, ok)
}

// TestDecideEqualsAssess: Decide is Assess without the findings.
func TestDecideEqualsAssess(t *testing.T) {
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	for _, b := range []breach.Breach{danishRansomware(), notifiable(aware), incident(aware, breach.Availability)} {
		for _, at := range []time.Time{b.Aware, b.Aware.Add(100 * time.Hour)} {
			a, err := breach.Assess(b, cal, at)
			require.NoError(t, err)
			d, err := (*breach.Policy)(nil).Decide(b, cal, at)
			require.NoError(t, err)
			assert.Nil(t, d.Findings)
			a.Findings = nil
			assert.Equal(t, a, d)
		}
	}
}
