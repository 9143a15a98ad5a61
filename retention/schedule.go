package retention

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Schedule is a compiled, immutable set of rules: it decides records
// ([Schedule.Decide]), answers requests for erasure ([Schedule.Erasure])
// and sweeps whole archives ([Schedule.Sweep]). Build one with [Compile]
// (or [Plan.Schedule]) and share it: it is safe for concurrent use, and
// deciding a record takes no lock and allocates nothing (a decision cites
// the schedule's immutable reference tables).
type Schedule struct {
	policy Policy
	cals   [3]*compliance.Calendar // by Jurisdiction
	rules  []compiled
	byID   map[compliance.RetentionRuleID]int32
	kle    map[kleKey]int32
	class  map[classKey]int32
	// excluded lists the rules a lenient compile left out; their classes
	// map to excludedRule.
	excluded []compliance.RetentionRuleID
}

// excludedRule marks a classification whose rule was left out by a lenient
// compile ([Plan.Schedule]): its records get errExcluded.
const excludedRule int32 = -1

// kleKey finds a KLE rule: KLE rules are Danish, so the jurisdiction is
// implied.
type kleKey struct {
	n     uint32
	depth uint8
	facet Facet
}

// classKey finds a Noark or custom rule.
type classKey struct {
	j      compliance.Jurisdiction
	scheme Scheme
	class  string
}

// compiled is a rule prepared for deciding.
type compiled struct {
	id        compliance.RetentionRuleID
	j         compliance.Jurisdiction
	scheme    Scheme
	trigger   Trigger
	final     Disposition
	vedtak    Kassasjonsvedtak
	bevaring  Bevaring
	period    compliance.Period // KLE deletion, Noark bevaringstid, custom period
	kassation int               // KLE K5/K10 years
	duty      bool              // custom Duty
	// refs by era and final disposition: the package's references for the
	// scheme followed by the rule's own.
	refs [2][5]compliance.Refs
}

// noarkRecordRule decides a Noark record that carries its own
// kassasjonsvedtak but whose class has no rule: Noark 5 lets M450-M452 be
// set on the unit itself.
var noarkRecordRule = func() compiled {
	c := compiled{j: compliance.NO, scheme: Noark, trigger: Closed}
	c.fillRefs(compliance.Refs{})
	return c
}()

func (c *compiled) fillRefs(own compliance.Refs) {
	for e := era(0); e < 2; e++ {
		for _, d := range []Disposition{Keep, Delete, Transfer, Review} {
			if c.scheme == Custom {
				c.refs[e][d] = own
				continue
			}
			refs := schemeRefs(c.scheme, d, c.j, e)
			for _, r := range own.All() {
				refs = append(refs, r)
			}
			c.refs[e][d] = compliance.RefsOf(refs...)
		}
	}
}

// Compile checks rules and compiles them into a Schedule with policy p.
// Every rule must be valid ([Rule.Validate]), IDs must be unique, and no two
// rules may cover the same classification: the same jurisdiction, scheme,
// class and (for KLE) facet. Problems are reported together as a
// [*compliance.ValidationError] for the entity "schedule", with fields such
// as "rules[3].class". More than [MaxRules] rules is an error naming
// "rules" with [compliance.ReasonLength], reported before any rule is
// checked.
//
// Compile creates the Danish and Norwegian calendars ([compliance.NewCalendar]),
// which load the time zones; see [compliance.Jurisdiction.Location].
func Compile(rules []Rule, p Policy) (*Schedule, error) {
	return compile(rules, p, false)
}

// compile is Compile; when lenient, an invalid rule or one whose
// classification another rule covers is left out instead of failing the
// whole schedule, and the records of its classification get an error.
func compile(rules []Rule, p Policy, lenient bool) (*Schedule, error) {
	if len(rules) > MaxRules {
		var v compliance.Validation
		v.Add("rules", compliance.ReasonLength)
		return nil, v.Err("schedule")
	}
	s := &Schedule{
		policy: p,
		rules:  make([]compiled, 0, len(rules)),
		byID:   make(map[compliance.RetentionRuleID]int32, len(rules)),
		kle:    make(map[kleKey]int32),
		class:  make(map[classKey]int32),
	}
	var v compliance.Validation
	for i, r := range rules {
		at := "rules[" + strconv.Itoa(i) + "]"
		if err := r.Validate(); err != nil {
			if lenient {
				s.exclude(r, -1)
				continue
			}
			v.Check(at, err)
			continue
		}
		idx := int32(len(s.rules))
		if _, dup := s.byID[r.ID]; dup {
			if lenient {
				s.exclude(r, -1)
				continue
			}
			v.Add(at+".id", compliance.ReasonDuplicate)
			continue
		}
		switch r.Scheme {
		case KLE:
			k, _ := parseKLE(r.Class)
			f, _ := parseFacet(r.Facet)
			key := kleKey{n: k.n, depth: k.depth, facet: f}
			if other, dup := s.kle[key]; dup {
				if lenient {
					s.exclude(r, other)
					continue
				}
				v.Add(at+".class", compliance.ReasonDuplicate)
				continue
			}
			s.kle[key] = idx
		default:
			key := classKey{j: r.Jurisdiction, scheme: r.Scheme, class: r.Class}
			if other, dup := s.class[key]; dup {
				if lenient {
					s.exclude(r, other)
					continue
				}
				v.Add(at+".class", compliance.ReasonDuplicate)
				continue
			}
			s.class[key] = idx
		}
		s.byID[r.ID] = idx
		c := compiled{
			id: r.ID, j: r.Jurisdiction, scheme: r.Scheme, trigger: r.Trigger, final: r.Final(),
			vedtak: r.Kassasjonsvedtak, bevaring: r.Bevaring, period: r.Period,
			kassation: r.Bevaring.kassationYears(), duty: r.Duty,
		}
		if c.trigger == 0 {
			c.trigger = Closed
		}
		if r.Scheme == Noark && r.Bevaringstid > 0 {
			c.period = compliance.Years(r.Bevaringstid)
		}
		c.fillRefs(r.Refs)
		s.rules = append(s.rules, c)
	}
	if err := v.Err("schedule"); err != nil {
		return nil, err
	}
	for j := range compliance.AllJurisdictions() {
		cal, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
		if err != nil {
			return nil, err
		}
		s.cals[j] = cal
	}
	return s, nil
}

// exclude leaves r out of a lenient compile and blocks its classification,
// when it has one a record can name; other is the index of a compiled rule
// for the same classification (which is then left out too), or -1.
func (s *Schedule) exclude(r Rule, other int32) {
	s.excluded = append(s.excluded, r.ID)
	if other >= 0 {
		s.excluded = append(s.excluded, s.rules[other].id)
		delete(s.byID, s.rules[other].id)
	}
	switch r.Scheme {
	case KLE:
		k, okK := parseKLE(r.Class)
		f, okF := parseFacet(r.Facet)
		if okK && (okF || r.Facet == "") && r.Jurisdiction == compliance.DK {
			s.kle[kleKey{n: k.n, depth: k.depth, facet: f}] = excludedRule
		}
	case Noark, Custom:
		if r.Jurisdiction.Valid() && r.Class != "" {
			s.class[classKey{j: r.Jurisdiction, scheme: r.Scheme, class: r.Class}] = excludedRule
		}
	}
}

// Excluded returns the IDs of the rules [Plan.Schedule] left out because
// they are invalid or cover a classification another rule also covers; the
// records of those classifications get an error from Decide, Erasure and
// Sweep. It is empty for a schedule made by [Compile], which fails instead.
func (s *Schedule) Excluded() []compliance.RetentionRuleID {
	if s == nil {
		return nil
	}
	return slices.Clone(s.excluded)
}

// errExcluded is the error for a record whose classification has no
// usable rule because the plan holds two (or an invalid one) for it.
func errExcluded() error {
	return &compliance.ValidationError{Entity: "schedule", Fields: []compliance.FieldError{{Field: "class", Reason: compliance.ReasonDuplicate}}}
}

// Policy returns the policy the schedule was compiled with.
func (s *Schedule) Policy() Policy {
	if s == nil {
		return Policy{}
	}
	return s.policy
}

// ErrNoSchedule is returned by Decide, Erasure and Sweep of a [Schedule]
// not made by [Compile] or [Plan.Schedule] (a nil or zero Schedule).
var ErrNoSchedule = errors.New("retention: Schedule not made by Compile")

// ok reports whether s was made by Compile.
func (s *Schedule) ok() bool { return s != nil && s.cals[compliance.DK] != nil }

// Len returns the number of rules.
func (s *Schedule) Len() int {
	if s == nil {
		return 0
	}
	return len(s.rules)
}

// today returns the date of at in the jurisdiction's time zone.
func (s *Schedule) today(j compliance.Jurisdiction, at time.Time) compliance.Date {
	return compliance.DateOf(at.In(s.cals[j].Location()))
}

// lookup finds the rule for r; ok is false when no rule covers it, and err
// reports a class that does not fit its scheme or a rule that does not fit
// the record.
func (s *Schedule) lookup(r *Record) (c *compiled, err error) {
	if !r.Rule.IsZero() {
		i, found := s.byID[r.Rule]
		if !found {
			return nil, nil
		}
		c = &s.rules[i]
		if c.j != r.Jurisdiction || r.Scheme != 0 && r.Scheme != c.scheme {
			return nil, fieldError("rule", compliance.ReasonInconsistent)
		}
		if c.scheme != Noark && r.noarkFields() {
			return nil, fieldError("kassasjonsvedtak", compliance.ReasonInconsistent)
		}
		if c.scheme != KLE && r.Facet != "" {
			return nil, fieldError("facet", compliance.ReasonInconsistent)
		}
		return c, nil
	}
	if r.Class == "" {
		return nil, nil
	}
	scheme := r.scheme()
	if scheme == KLE {
		if r.Jurisdiction != compliance.DK {
			return nil, fieldError("scheme", compliance.ReasonInconsistent)
		}
		k, ok := parseKLE(r.Class)
		if !ok {
			return nil, fieldError("class", compliance.ReasonFormat)
		}
		var f Facet
		if r.Facet != "" {
			if f, ok = parseFacet(r.Facet); !ok {
				return nil, fieldError("facet", compliance.ReasonFormat)
			}
		}
		for ; k.depth > 0; k = k.parent() {
			if !f.IsZero() {
				if i, found := s.kle[kleKey{n: k.n, depth: k.depth, facet: f}]; found {
					return s.rule(i)
				}
			}
			if i, found := s.kle[kleKey{n: k.n, depth: k.depth}]; found {
				return s.rule(i)
			}
		}
		return nil, nil
	}
	if scheme == Noark && r.Jurisdiction != compliance.NO {
		return nil, fieldError("scheme", compliance.ReasonInconsistent)
	}
	if i, found := s.class[classKey{j: r.Jurisdiction, scheme: scheme, class: r.Class}]; found {
		return s.rule(i)
	}
	return nil, nil
}

// rule returns the compiled rule i, or errExcluded for a classification
// whose rules a lenient compile left out.
func (s *Schedule) rule(i int32) (*compiled, error) {
	if i == excludedRule {
		return nil, errExcluded()
	}
	return &s.rules[i], nil
}

func fieldError(field string, reason compliance.Reason) error {
	return &compliance.ValidationError{Entity: "record", Fields: []compliance.FieldError{{Field: field, Reason: reason}}}
}

// Decide decides record r at instant at: what is to be done with it now,
// what its rule prescribes when the retention period runs out, and when
// that is due. The instant is read in the jurisdiction's time zone.
//
// The rule is the one r names, or else the one for its classification: a
// KLE emne falls back to its gruppe and then its hovedgruppe, and at each
// level a rule for the record's handlingsfacet comes before the rule for
// all facets. A Noark record of a class without a rule that carries its own
// kassasjonsvedtak is decided by that (Noark 5 lets M450-M452 be set on the
// case). Then:
//
//   - No rule: Review (CodeNoRule). Nothing authorises kassation, and an
//     authority keeps its records unless rules allow their kassation
//     (Højesteret 18 April 2024, BS-49623/2023-HJR; arkivlova).
//   - A precedent case (Noark presedenssak) is kept, never discarded.
//   - The period counts from the rule's trigger (the closing of the case by
//     default); until the trigger's date is recorded the record is kept
//     (CodeNotStarted). KLE B and Noark «Bevares» records are transferred
//     once the trigger has occurred (CodeTransfer).
//   - Until the due date has passed the record is kept (CodeKeepUntil);
//     then the final disposition applies: Delete (CodeDeleteDue) unless a
//     legal hold blocks it (Keep, CodeHold), Review (CodeReviewDue),
//     Transfer, or Keep for a custom rule that keeps with no end.
//   - A rule that allows kassation without a period, and KLE's "tom",
//     give Review (CodeNoPeriod, CodeKLEWithdrawn).
//
// Decide returns a [*compliance.ValidationError] (matching
// [compliance.ErrInvalid]) for an invalid record or one whose fields do not
// fit its rule, and for a due date outside the calendar (the years 1583 to
// 9999). It allocates nothing: the decision's Refs are the schedule's own
// immutable tables ([compliance.Refs]), which no caller can change.
func (s *Schedule) Decide(r Record, at time.Time) (Decision, error) {
	if !s.ok() {
		return Decision{Record: r.ID}, ErrNoSchedule
	}
	if !r.Jurisdiction.Valid() {
		return Decision{Record: r.ID}, r.Validate()
	}
	today := s.today(r.Jurisdiction, at)
	d, _, err := s.decide(&r, today, eraOf(r.Jurisdiction, today))
	return d, err
}

// decide is Decide with the record's local date and era.
func (s *Schedule) decide(r *Record, today compliance.Date, e era) (Decision, *compiled, error) {
	d := Decision{Record: r.ID, Jurisdiction: r.Jurisdiction, Scheme: r.scheme(), Class: r.Class}
	failed := d // what an error returns
	if !r.ok() {
		return d, nil, r.Validate()
	}
	c, err := s.lookup(r)
	if err != nil {
		return d, nil, err
	}
	if c == nil && r.scheme() == Noark && r.Kassasjonsvedtak != 0 {
		c = &noarkRecordRule
	}
	if c == nil {
		d.Disposition, d.Code, d.Severity = Review, CodeNoRule, compliance.Warning
		d.Refs = refsNoRule[r.Jurisdiction][e]
		return d, nil, nil
	}
	d.Rule, d.Trigger, d.Scheme = c.id, c.trigger, c.scheme
	final, period := c.final, c.period
	manual := compliance.Date{}
	if c.scheme == Noark {
		if r.Kassasjonsvedtak != 0 {
			final = vedtakFinal(r.Kassasjonsvedtak)
		}
		if r.Bevaringstid != 0 {
			period = compliance.Years(r.Bevaringstid)
		}
		manual = r.Kassasjonsdato
	}
	d.Final = final
	d.Refs = c.refs[e][final]

	switch {
	case r.Precedent && (final == Delete || final == Review):
		d.Disposition, d.Code, d.Severity, d.Precedent = Keep, CodePrecedent, compliance.Info, true
		d.Refs = refsPrecedent
		return d, c, nil
	case final == Keep:
		d.Disposition, d.Code, d.Severity = Keep, CodeKeepPermanent, compliance.Info
		return d, c, nil
	}

	event := r.event(c.trigger)
	d.Event = event
	if event.IsZero() && manual.IsZero() {
		d.Disposition, d.Code, d.Severity = Keep, CodeNotStarted, compliance.Info
		return d, c, nil
	}
	if c.scheme != Custom && final == Transfer {
		// KLE B and Noark «Bevares»: kept for posterity; a period does not
		// apply.
		d.Disposition, d.Code, d.Severity = Transfer, CodeTransfer, compliance.Info
		return d, c, nil
	}

	due := manual
	if due.IsZero() {
		if !period.IsZero() {
			if due, err = s.dueDate(r.Jurisdiction, event, period); err != nil {
				return failed, nil, triggerError(c.trigger)
			}
			d.Period = period
		}
		if c.kassation > 0 {
			from := event
			if s.policy.KLEFromYearEnd {
				from = compliance.Date{Year: event.Year, Month: time.December, Day: 31}
				d.YearEnd = true
			}
			k := compliance.Years(c.kassation)
			kd, err := s.dueDate(r.Jurisdiction, from, k)
			if err != nil {
				return failed, nil, triggerError(c.trigger)
			}
			if kd.After(due) {
				if !due.IsZero() {
					d.Deletion, d.DeletionEnds = period, due
				}
				due, d.Period = kd, k
				if d.YearEnd {
					d.Event = from
				}
			} else {
				d.YearEnd = false
			}
		}
	}
	d.Due = due

	switch {
	case due.IsZero() && c.scheme == KLE && c.bevaring == BevaringTom:
		d.Disposition, d.Code, d.Severity = Review, CodeKLEWithdrawn, compliance.Warning
	case due.IsZero() && final != Transfer:
		d.Disposition, d.Code, d.Severity = Review, CodeNoPeriod, compliance.Warning
	case !due.IsZero() && !today.After(due):
		d.Disposition, d.Code, d.Severity = Keep, CodeKeepUntil, compliance.Info
	case final == Delete && r.Hold:
		d.Disposition, d.Code, d.Severity, d.Held = Keep, CodeHold, compliance.Info, true
		d.Refs = refsHold
	case final == Delete:
		d.Disposition, d.Code, d.Severity = Delete, CodeDeleteDue, compliance.Warning
	case final == Review:
		d.Disposition, d.Code, d.Severity = Review, CodeReviewDue, compliance.Warning
	default: // Transfer under a custom rule
		d.Disposition, d.Code, d.Severity = Transfer, CodeTransfer, compliance.Info
	}
	return d, c, nil
}

// triggerError reports a due date outside the calendar (the years 1583 to
// 9999, the only way counting a valid period can fail) under the trigger's
// field.
func triggerError(t Trigger) error {
	field := "closed"
	switch t {
	case LastActivity:
		field = "lastActivity"
	case EmploymentEnded:
		field = "employmentEnded"
	case FinancialYearEnd:
		field = "financialYearEnd"
	case ComingOfAge:
		field = "comingOfAge"
	}
	return fieldError(field, compliance.ReasonRange)
}

// dueDate returns the last day of period p counted from the day event in
// jurisdiction j, by Reg 1182/71 Art 3 as [compliance.Calendar.Deadline]
// counts it (Deadline.Unrolled), moved to the next working day as Art 3(4)
// does (Deadline.LastDay) only with [Policy.RollToWorkingDay].
//
// Periods in days, months and years — every KLE and Noark period — are
// counted by fastDue, which applies the same rule as Deadline without
// building instants; TestDueDateMatchesDeadline checks that the two agree
// for every day from 2000 to 2040. Other periods go through Deadline.
func (s *Schedule) dueDate(j compliance.Jurisdiction, event compliance.Date, p compliance.Period) (compliance.Date, error) {
	cal := s.cals[j]
	if due, ok := fastDue(event, p); ok {
		if s.policy.RollToWorkingDay {
			if due = cal.NextWorkingDay(due); due.IsZero() {
				return compliance.Date{}, fieldError("period", compliance.ReasonRange)
			}
		}
		return due, nil
	}
	// Noon UTC is the same calendar day in Copenhagen and Oslo.
	dl, err := cal.Deadline(time.Date(event.Year, event.Month, event.Day, 12, 0, 0, 0, time.UTC), p)
	if err != nil {
		return compliance.Date{}, err
	}
	if s.policy.RollToWorkingDay {
		return dl.LastDay, nil
	}
	return dl.Unrolled, nil
}

// fastDue returns the unrolled last day of a period of days, months or
// years from the day event: the n-th day after it (Art 3(2)(b)), or the
// same date n months or years later, or the last day of that month when it
// has no such date (Art 3(2)(c)). It reports false for other units and for
// dates outside the calendar's years (1583 to 9999), which Deadline
// handles or rejects.
func fastDue(event compliance.Date, p compliance.Period) (compliance.Date, bool) {
	if event.Year < 1583 || p.N < 1 || p.N > compliance.MaxPeriod {
		return compliance.Date{}, false
	}
	var y int
	var m time.Month
	switch p.Unit {
	case compliance.UnitDays:
		due := event.AddDays(p.N)
		return due, due.Year <= 9999
	case compliance.UnitMonths:
		months := int(event.Month) - 1 + p.N
		y, m = event.Year+months/12, time.Month(months%12+1)
	case compliance.UnitYears:
		y, m = event.Year+p.N, event.Month
	default:
		return compliance.Date{}, false
	}
	if y > 9999 {
		return compliance.Date{}, false
	}
	return compliance.Date{Year: y, Month: m, Day: min(event.Day, compliance.DaysIn(y, m))}, true
}
