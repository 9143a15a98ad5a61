package breach

import (
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
)

// AuthorityHours is the period of Art 33(1) GDPR in hours: Datatilsynet is
// notified without undue delay and, where feasible, not later than 72 hours
// after the controller became aware of the breach.
const AuthorityHours = 72

// Assessment is what the rules conclude about a breach at an instant: its
// ENISA severity, the risk, whether Datatilsynet must be notified and the
// data subjects told, the deadline and where the notification stands, the
// duties still open, and the findings behind all of it, each citing its
// source. It is a value a host can store as evidence of its assessment
// (accountability, Art 5(2) GDPR).
type Assessment struct {
	// Breach is the breach assessed.
	Breach ID `json:"breach"`
	// At is the instant of the assessment.
	At time.Time `json:"at"`
	// Jurisdiction is the kommune's.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Severity is ENISA's severity; zero when every dimension of the
	// breach was neutralised, the data are not recorded, or the incident
	// is not a breach.
	Severity Severity `json:"severity,omitzero"`
	// Risk is the likely risk to the rights and freedoms of natural
	// persons; zero for an incident that is not a breach.
	Risk Risk `json:"risk,omitzero"`
	// Neutralised are the dimensions whose risk the facts removed.
	Neutralised Nature `json:"neutralised"`
	// NotifyAuthority reports that Datatilsynet must be notified (Art
	// 33(1)).
	NotifyAuthority bool `json:"notifyAuthority"`
	// Communicate says how the data subjects are to be told (Art 34).
	Communicate Communication `json:"communicate"`
	// Exemption is the condition of Art 34(3) that applies, if any.
	Exemption Exemption `json:"exemption,omitzero"`
	// Deadline is the end of the 72 hours of Art 33(1), counted from
	// awareness; zero when awareness is not recorded. Deadline.Start is
	// the instant the clock runs from.
	Deadline compliance.Deadline `json:"deadline,omitzero"`
	// ClockFromProcessor reports that the 72 hours run from the
	// processor's notice to the kommune ([ProcessorReport.Notified]),
	// which came before the recorded awareness (WP250 rev.01, section
	// II.A.4), rather than from [Breach.Aware].
	ClockFromProcessor bool `json:"clockFromProcessor,omitzero"`
	// Status is where the notification to Datatilsynet stands at At.
	Status Status `json:"status"`
	// ProcessorDeadline is the end of the time the data processing
	// agreement gives the processor to notify the kommune, counted from the
	// processor's awareness; zero when no limit or no awareness is
	// recorded.
	ProcessorDeadline compliance.Deadline `json:"processorDeadline,omitzero"`
	// Duties are the obligations still open, by deadline.
	Duties []Due `json:"duties,omitempty"`
	// Findings explain the assessment.
	Findings []compliance.Finding `json:"findings"`
}

// Due is an open obligation of one breach: what the kommune must do, by
// when, and whether the time has run out.
type Due struct {
	// Breach is the breach the duty belongs to.
	Breach ID `json:"breach"`
	// Duty is what must be done.
	Duty Duty `json:"duty"`
	// By is the deadline; zero for a duty "without undue delay" with no
	// fixed period (Art 34(1)) or whose deadline has already passed with
	// the act done (reasons for delay).
	By time.Time `json:"by,omitzero"`
	// Overdue reports that By has passed, or that the duty is already late
	// (reasons for a late notification that are still missing).
	Overdue bool `json:"overdue"`
}

// compareDue orders duties overdue first, then by deadline (duties without
// one last), then by breach and duty.
func compareDue(a, b Due) int {
	switch {
	case a.Overdue != b.Overdue:
		if a.Overdue {
			return -1
		}
		return 1
	case a.By.IsZero() != b.By.IsZero():
		if a.By.IsZero() {
			return 1
		}
		return -1
	}
	if c := a.By.Compare(b.By); c != 0 {
		return c
	}
	if c := a.Breach.Compare(b.Breach); c != 0 {
		return c
	}
	return int(a.Duty) - int(b.Duty)
}

// Assess applies the rules to b at instant at, with the deadlines counted
// by cal (whose jurisdiction is the kommune's; see
// [compliance.CalendarOptions.HourCount] for the reading of the 72 hours)
// and the risk judged by p (nil means the default [Policy]). It reads no
// clock and does no I/O.
//
// The Art 33(1) deadline ends 72 hours of elapsed time after awareness,
// never extended by weekends or holidays and correct across changes to and
// from daylight saving time. A notification at the deadline itself is in
// time: Art 33(1) says "not later than 72 hours after"; one after it is
// late, and needs reasons for the delay — a Violation finding until
// Text.DelayReasons is recorded.
//
// Assess returns an error only when cal is nil or p is invalid, or when an
// instant lies outside the calendar's years.
func (p *Policy) Assess(b Breach, cal *compliance.Calendar, at time.Time) (Assessment, error) {
	var fs findings
	return p.assess(&b, cal, at, &fs)
}

// Decide is [Policy.Assess] without the findings: the severity, the
// decision, the deadline, the status and the duties, for hosts that only
// need those — [Register.Due] uses it to go through a whole register. Its
// result equals Assess's with Findings nil.
func (p *Policy) Decide(b Breach, cal *compliance.Calendar, at time.Time) (Assessment, error) {
	return p.assess(&b, cal, at, nil)
}

// assess applies the rules, collecting findings in fs when it is not nil.
func (p *Policy) assess(b *Breach, cal *compliance.Calendar, at time.Time, fs *findings) (Assessment, error) {
	if cal == nil {
		return Assessment{}, &compliance.FieldError{Field: "calendar", Reason: compliance.ReasonRequired}
	}
	if err := p.Validate(); err != nil {
		return Assessment{}, err
	}
	pol := p.resolved()
	loc := cal.Location()
	a := Assessment{Breach: b.ID, At: at, Jurisdiction: cal.Jurisdiction()}
	// At most one duty of each kind; gathered here, copied out once.
	duties := make([]Due, 0, 4)

	if !b.IsBreach() {
		fs.add(CodeNotABreach, compliance.Info, refsNotABreach)
		a.Communicate = NoCommunication
		a.Status = NotRequired
		if first, ok := b.FirstNotification(); ok {
			// Notified before it was found not to be a breach: report the
			// timing, which the register documents.
			a.Status = OnTime
			if dl, err := pol.deadline(b, cal, nil); err == nil && !dl.IsZero() {
				a.Deadline = dl
				if first.At.After(dl.End) {
					a.Status = Late
				}
			}
		}
		a.Findings = fs.result()
		return a, nil
	}
	fs.add(CodeDocument, compliance.Info, refsDocument)
	if b.Classification == 0 {
		fs.add(CodeUnclassified, compliance.Warning, refsUnclassified)
	}

	// Risk.
	j := pol.judge(b, at, fs)
	a.Risk, a.Severity, a.Neutralised = j.risk, j.severity, j.neutralised
	fs.add(CodeRisk, compliance.Info, refsNotify, nameArg(a.Risk))
	a.NotifyAuthority = a.Risk >= RiskPresent

	// Communication to the data subjects.
	a.Communicate = NoCommunication
	withheld := b.Factors.Withheld
	withholdingApplies := withheld.Valid() &&
		(a.Jurisdiction == compliance.DK || a.Jurisdiction == compliance.NO && pol.NorwegianWithholding)
	switch {
	case a.Risk == HighRisk && b.HighRiskAverted:
		a.Exemption = Averted
		fs.add(CodeExemptAverted, compliance.Info, refsAverted)
	case a.Risk == HighRisk && withholdingApplies:
		a.Exemption = Withheld
		refs := refsWithheldNO
		if a.Jurisdiction == compliance.DK {
			refs = refsWithheldDK1
			if withheld == PublicInterests {
				refs = refsWithheldDK2
			}
		}
		fs.add(CodeWithheld, compliance.Info, refs, nameArg(withheld))
	case a.Risk == HighRisk && b.DisproportionateEffort:
		a.Exemption = Disproportionate
		a.Communicate = PublicCommunication
	case a.Risk == HighRisk:
		a.Communicate = DirectCommunication
	case j.neutralised.Has(Confidentiality) && b.Encryption == Encrypted:
		// Would the breach have been a high risk had the data been
		// readable? Then Art 34(3)(a) is what spares the communication.
		readable := *b
		readable.Encryption = NotEncrypted
		if pol.judge(&readable, at, nil).risk == HighRisk {
			a.Exemption = Unintelligible
			fs.add(CodeExemptUnintelligible, compliance.Info, refsUnintell)
		}
	}
	if a.Risk == HighRisk && withheld.Valid() && !withholdingApplies {
		fs.add(CodeWithholdingNotApplied, compliance.Warning, refsWithheldNO, nameArg(withheld))
	}
	if a.Communicate == NoCommunication && a.Exemption == 0 {
		fs.add(CodeSubjectsNotRequired, compliance.Info, refsNoSubjects)
	}

	// Art 33(1): the 72 hours.
	dl, err := pol.deadline(b, cal, fs)
	if err != nil {
		return Assessment{}, err
	}
	a.Deadline = dl
	a.ClockFromProcessor = pol.clockFromProcessor(b)
	first, notified := b.FirstNotification()
	switch {
	case notified && !dl.IsZero() && first.At.After(dl.End):
		a.Status = Late
		delay := first.At.Sub(dl.End)
		args := [...]parg{timeArg(first.At.In(loc)), timeArg(dl.End), durArg(delay)}
		if b.Text.DelayReasons == "" {
			fs.add(CodeDelayReasonsMissing, compliance.Violation, refsDelay, args[:]...)
			duties = append(duties, Due{Breach: b.ID, Duty: DutyDelayReasons, Overdue: true})
		} else {
			fs.add(CodeAuthorityLate, compliance.Warning, refsDelay, args[:]...)
		}
	case notified && !dl.IsZero():
		a.Status = OnTime
		fs.add(CodeAuthorityOnTime, compliance.Info, refsNotify,
			timeArg(first.At.In(loc)), timeArg(dl.End))
	case notified:
		a.Status = OnTime // notified before awareness was recorded
	case !a.NotifyAuthority:
		a.Status = NotRequired
		fs.add(CodeNotificationNotRequired, compliance.Info, refsNoNotify)
	case dl.IsZero():
		a.Status = AwaitingAwareness
		fs.add(CodeNotifyAuthority, compliance.Warning, refsNotify)
	case at.After(dl.End):
		a.Status = Overdue
		fs.add(CodeNotifyAuthority, compliance.Warning, refsNotify)
		fs.add(CodeAuthorityOverdue, compliance.Violation, refsDelay, timeArg(dl.End))
		duties = append(duties, Due{Breach: b.ID, Duty: DutyNotify, By: dl.End, Overdue: true})
	default:
		a.Status = Pending
		fs.add(CodeNotifyAuthority, compliance.Warning, refsNotify)
		fs.add(CodeAuthorityDue, compliance.Warning, refsNotify,
			timeArg(dl.End), durArg(dl.Remaining(at)))
		duties = append(duties, Due{Breach: b.ID, Duty: DutyNotify, By: dl.End})
	}

	// Art 33(4): phased notification.
	if notified && !slices.ContainsFunc(b.Authority, AuthorityNotification.IsComplete) {
		last := b.Authority[len(b.Authority)-1]
		if !last.NextBy.IsZero() && at.After(last.NextBy) {
			fs.add(CodeFollowUpOverdue, compliance.Warning, refsFollowUp, timeArg(last.NextBy.In(loc)))
		} else {
			fs.add(CodeFollowUpPending, compliance.Warning, refsFollowUp, timeArg(last.At.In(loc)))
		}
		by := last.NextBy
		if !by.IsZero() {
			by = by.In(loc)
		}
		duties = append(duties, Due{Breach: b.ID, Duty: DutyFollowUp, By: by, Overdue: !by.IsZero() && at.After(by)})
	}

	// Art 33(2): the processor's notice.
	if pr := b.Processor; !pr.Aware.IsZero() {
		if pr.AgreedHours > 0 {
			pd, err := cal.Deadline(pr.Aware, compliance.Hours(pr.AgreedHours))
			if err != nil {
				return Assessment{}, err
			}
			a.ProcessorDeadline = pd
		}
		if !pr.Notified.IsZero() {
			took := pr.Notified.Sub(pr.Aware)
			switch {
			case pr.AgreedHours == 0:
				fs.add(CodeProcessorDelay, compliance.Info, refsProcessor, durArg(took))
			case pr.Notified.After(a.ProcessorDeadline.End):
				fs.add(CodeProcessorLate, compliance.Warning, refsProcessor,
					durArg(took), periodArg(compliance.Hours(pr.AgreedHours)))
			}
		}
	}

	// Art 34: the data subjects.
	if a.Communicate == DirectCommunication || a.Communicate == PublicCommunication {
		if len(b.Communications) > 0 {
			c := b.Communications[0]
			fs.add(CodeSubjectsCommunicated, compliance.Info, refsSubjects,
				timeArg(c.At.In(loc)), nameArg(c.Channel))
		} else {
			if a.Communicate == PublicCommunication {
				fs.add(CodeCommunicatePublic, compliance.Warning, refsPublic)
			} else {
				fs.add(CodeCommunicateSubjects, compliance.Warning, refsSubjects)
			}
			duties = append(duties, Due{Breach: b.ID, Duty: DutyCommunicate})
		}
	}
	if len(duties) > 0 {
		slices.SortFunc(duties, compareDue)
		a.Duties = slices.Clone(duties)
	}
	a.Findings = fs.result()
	return a, nil
}

// clockFromProcessor reports whether the 72 hours of b run from the
// processor's notice rather than from the recorded awareness.
func (p *Policy) clockFromProcessor(b *Breach) bool {
	pn := b.Processor.Notified
	return !pn.IsZero() && !p.AwarenessAsRecorded && (b.Aware.IsZero() || pn.Before(b.Aware))
}

// Assess applies the default policy; see [Policy.Assess].
func Assess(b Breach, cal *compliance.Calendar, at time.Time) (Assessment, error) {
	return (*Policy)(nil).Assess(b, cal, at)
}

// deadline returns the Art 33(1) deadline of b: 72 hours from awareness, or
// from the processor's notice when that came first (unless the policy says
// AwarenessAsRecorded). It is zero when neither is recorded; then, when fs
// is not nil, a finding asks for the assessment to be made.
func (p *Policy) deadline(b *Breach, cal *compliance.Calendar, fs *findings) (compliance.Deadline, error) {
	start := b.Aware
	if p.clockFromProcessor(b) {
		pn := b.Processor.Notified
		start = pn
		fs.add(CodeProcessorNoticeStartsClock, compliance.Warning, refsProcessor, timeArg(pn.In(cal.Location())))
	}
	if start.IsZero() {
		fs.add(CodeAwarenessMissing, compliance.Warning, refsAware)
		return compliance.Deadline{}, nil
	}
	return cal.Deadline(start, compliance.Hours(AuthorityHours))
}
