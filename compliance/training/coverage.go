package training

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
)

// Finding codes.
const (
	// CodeSensitiveUntrained: "%[1]d employees in %[2]s with access to
	// %[3]s lack current data-protection training" (count, unit, class).
	// Warning.
	CodeSensitiveUntrained compliance.Code = "training.sensitive-untrained"
	// CodeUntrained: "%[1]d employees in %[2]s lack current training in
	// at least one required course" (count, unit). Info. It counts the
	// unit's employees without access to confidential or more protected
	// data; those with such access are counted by CodeSensitiveUntrained
	// instead, so the two never count one employee twice.
	CodeUntrained compliance.Code = "training.untrained"
	// CodeNoGeneralCourse: "No current course is required of all staff".
	// Warning.
	CodeNoGeneralCourse compliance.Code = "training.no-general-course"
	// CodeRenewalsDue: "%[1]d completions expire by %[2]s" (count, date).
	// Info.
	CodeRenewalsDue compliance.Code = "training.renewals-due"
	// CodeCoverage: "%[1]d of %[2]d employees have every required course
	// current (%[3]s %)" (count, count, percentage). Info.
	CodeCoverage compliance.Code = "training.coverage"
)

// Codes lists every finding code of the package.
func Codes() []compliance.Code {
	return []compliance.Code{CodeSensitiveUntrained, CodeUntrained, CodeNoGeneralCourse, CodeRenewalsDue, CodeCoverage}
}

// refs of the training rules, shared by their findings (Refs are
// immutable).
var (
	refsAccountability = compliance.RefsOf(compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, ""), compliance.GDPR(39, 1, "b"))
	refsSensitive      = compliance.RefsOf(compliance.GDPR(32, 4, ""), compliance.GDPR(29, 0, ""), compliance.GDPR(39, 1, "b"), compliance.GDPR(5, 1, "f"))
)

// Policy holds the kommune's choices for the coverage question. No act sets
// them; the zero Policy is strict.
type Policy struct {
	// NewStarterGrace is how long after their first day an employee may be
	// without a required course before it counts as missing. Zero (the
	// default) means no grace: the sources set no period, so the kommune
	// decides.
	NewStarterGrace compliance.Period `json:"new-starter-grace,omitzero"`
	// Horizon is how far ahead renewals are reported as due. Zero means
	// 1 month, a choice of this package, not of law.
	Horizon compliance.Period `json:"horizon,omitzero"`
}

// Validate reports every problem of p by field.
func (p Policy) Validate() error {
	var v compliance.Validation
	for _, f := range []struct {
		name string
		p    compliance.Period
	}{{"new-starter-grace", p.NewStarterGrace}, {"horizon", p.Horizon}} {
		if f.p.IsZero() {
			continue
		}
		v.Check(f.name, f.p.Validate())
		if f.p.Unit == compliance.UnitHours || f.p.Unit == compliance.UnitWorkingDays {
			v.Add(f.name+".unit", compliance.ReasonInconsistent)
		}
	}
	return v.Err("policy")
}

func (p Policy) horizon() compliance.Period {
	if p.Horizon.IsZero() {
		return compliance.Months(1)
	}
	return p.Horizon
}

// Tally counts required courses and current ones for a unit or a group.
type Tally struct {
	// Code is the unit's or the group's code.
	Code string `json:"code"`
	// Staff is the number of employees with at least one required course.
	Staff int `json:"staff"`
	// Current is how many of them have every required course current.
	Current int `json:"current"`
	// Sensitive is the number of employees with access to confidential or
	// more protected data; SensitiveCurrent, how many of them are current.
	Sensitive        int `json:"sensitive"`
	SensitiveCurrent int `json:"sensitive-current"`
}

// Percent returns Current as a percentage of Staff with one decimal (100
// when Staff is 0).
func (t Tally) Percent() decimal.Decimal { return percent(t.Current, t.Staff) }

func percent(n, of int) decimal.Decimal {
	if of == 0 {
		return decimal.NewFromInt(100)
	}
	return decimal.NewFromInt(int64(n)).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(int64(of)), 1)
}

// Gap is one required course an employee lacks at the instant of the
// question. It names the employee by the host's ID and is for the host's own
// follow-up; it never reaches a finding or a report.
type Gap struct {
	Employee string   `json:"employee"`
	Course   CourseID `json:"course"`
	// Expired is the day the last completion stopped being current; zero
	// when the employee never completed the course.
	Expired compliance.Date `json:"expired,omitzero"`
}

// Renewal is a completion that stops being current within the policy's
// horizon.
type Renewal struct {
	Employee string          `json:"employee"`
	Course   CourseID        `json:"course"`
	Expires  compliance.Date `json:"expires"`
}

// Coverage is the answer to "are our staff trained?" on one day.
type Coverage struct {
	// On is the day of the question.
	On compliance.Date `json:"on"`
	// Total counts every employee with a required course.
	Total Tally `json:"total"`
	// Units and Groups tally per unit and per group, by code.
	Units  []Tally `json:"units"`
	Groups []Tally `json:"groups"`
	// Gaps and Renewals name employees for the host's follow-up.
	Gaps     []Gap     `json:"gaps,omitempty"`
	Renewals []Renewal `json:"renewals,omitempty"`
	// Findings are what a DPO reads: counts per unit, never employee IDs.
	Findings []compliance.Finding `json:"findings"`
}

// Measure answers the coverage question on day on for staff against courses
// and completions. It validates its input first and reports every bad item
// by its index, and more than [MaxCourse] courses, [MaxStaff] employees or
// [MaxCompletions] completions by the field; it is a pure function of its
// arguments.
func Measure(on compliance.Date, courses []Course, staff []Employee, completions []Completion, p Policy) (Coverage, error) {
	var v compliance.Validation
	v.Require("on", !on.IsZero())
	v.Check("on", compliance.CheckDate(on))
	v.Check("policy", p.Validate())
	if len(courses) > MaxCourse {
		v.Add("courses", compliance.ReasonLength)
	}
	if len(staff) > MaxStaff {
		v.Add("staff", compliance.ReasonLength)
	}
	if len(completions) > MaxCompletions {
		v.Add("completions", compliance.ReasonLength)
	}
	if v.OK() {
		for i, c := range courses {
			v.Check(check.Index("courses", i), c.Validate())
		}
		ids := make(map[string]struct{}, len(staff))
		for i, e := range staff {
			v.Check(check.Index("staff", i), e.Validate())
			if _, dup := ids[e.ID]; dup {
				v.Add(check.Index("staff", i)+".id", compliance.ReasonDuplicate)
			}
			ids[e.ID] = struct{}{}
		}
	}
	if err := v.Err("coverage"); err != nil {
		return Coverage{}, err
	}

	// latest[employee][course] is the latest completion day.
	latest := make(map[string]map[CourseID]compliance.Date)
	for _, c := range completions {
		if !c.Completed.Valid() || c.Completed.After(on) {
			continue // a completion in the future is not yet evidence
		}
		m := latest[c.Employee]
		if m == nil {
			m = make(map[CourseID]compliance.Date)
			latest[c.Employee] = m
		}
		if d, ok := m[c.Course]; !ok || c.Completed.After(d) {
			m[c.Course] = c.Completed
		}
	}

	cov := Coverage{On: on}
	units := map[string]*Tally{}
	groups := map[string]*Tally{}
	tally := func(m map[string]*Tally, code string) *Tally {
		t := m[code]
		if t == nil {
			t = &Tally{Code: code}
			m[code] = t
		}
		return t
	}
	horizon := on.AddPeriod(p.horizon())
	sensitiveGaps := map[string]map[compliance.Class]int{}
	general := false
	for _, c := range courses {
		if c.Audience == AllStaff && !c.Retired {
			general = true
		}
	}
	for _, e := range staff {
		required, current := 0, 0
		for _, c := range courses {
			if !c.For(e) {
				continue
			}
			required++
			done, ok := latest[e.ID][c.ID]
			exp, renews := c.Expires(done)
			switch {
			case ok && (!renews || exp.After(on)):
				current++
				if renews && !exp.After(horizon) {
					cov.Renewals = append(cov.Renewals, Renewal{Employee: e.ID, Course: c.ID, Expires: exp})
				}
			case !ok && !p.NewStarterGrace.IsZero() && !e.Started.IsZero() && e.Started.AddPeriod(p.NewStarterGrace).After(on):
				current++ // within the grace period of a new starter
			default:
				g := Gap{Employee: e.ID, Course: c.ID}
				if ok {
					g.Expired = exp
				}
				cov.Gaps = append(cov.Gaps, g)
			}
		}
		if required == 0 {
			continue
		}
		ok := current == required
		sensitive := e.Access >= compliance.Confidential
		add := func(t *Tally) {
			t.Staff++
			if ok {
				t.Current++
			}
			if sensitive {
				t.Sensitive++
				if ok {
					t.SensitiveCurrent++
				}
			}
		}
		add(&cov.Total)
		add(tally(units, e.Unit))
		for _, g := range e.Groups {
			add(tally(groups, g))
		}
		if sensitive && !ok {
			m := sensitiveGaps[e.Unit]
			if m == nil {
				m = map[compliance.Class]int{}
				sensitiveGaps[e.Unit] = m
			}
			m[e.Access]++
		}
	}
	cov.Units = sorted(units)
	cov.Groups = sorted(groups)
	slices.SortFunc(cov.Renewals, func(a, b Renewal) int {
		return cmp.Or(a.Expires.Compare(b.Expires), cmp.Compare(a.Employee, b.Employee), a.Course.Compare(b.Course))
	})
	cov.Findings = findings(cov, general, sensitiveGaps, horizon)
	return cov, nil
}

func findings(cov Coverage, general bool, sensitiveGaps map[string]map[compliance.Class]int, horizon compliance.Date) []compliance.Finding {
	var fs []compliance.Finding
	if !general {
		fs = append(fs, compliance.Finding{Code: CodeNoGeneralCourse, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: refsAccountability})
	}
	for _, u := range cov.Units {
		byClass := sensitiveGaps[u.Code]
		for _, cl := range []compliance.Class{compliance.Criminal, compliance.Special, compliance.Confidential} {
			if n := byClass[cl]; n > 0 {
				fs = append(fs, compliance.Finding{Code: CodeSensitiveUntrained, Severity: compliance.Warning,
					Principle: compliance.IntegrityConfidentiality, Refs: refsSensitive,
					Args:    []compliance.Arg{compliance.Int(n), compliance.Text(u.Code), compliance.Name(cl)},
					Subject: "units/" + u.Code})
			}
		}
		if n := u.Staff - u.Current - (u.Sensitive - u.SensitiveCurrent); n > 0 {
			fs = append(fs, compliance.Finding{Code: CodeUntrained, Severity: compliance.Info,
				Principle: compliance.Accountability, Refs: refsAccountability,
				Args:    []compliance.Arg{compliance.Int(n), compliance.Text(u.Code)},
				Subject: "units/" + u.Code})
		}
	}
	if n := len(cov.Renewals); n > 0 {
		fs = append(fs, compliance.Finding{Code: CodeRenewalsDue, Severity: compliance.Info,
			Principle: compliance.Accountability, Refs: refsAccountability,
			Args: []compliance.Arg{compliance.Int(n), compliance.DateArg(horizon)}})
	}
	fs = append(fs, compliance.Finding{Code: CodeCoverage, Severity: compliance.Info,
		Principle: compliance.Accountability, Refs: refsAccountability,
		Args: []compliance.Arg{compliance.Int(cov.Total.Current), compliance.Int(cov.Total.Staff),
			compliance.DecimalArg(cov.Total.Percent())}})
	return fs
}

func sorted(m map[string]*Tally) []Tally {
	out := make([]Tally, 0, len(m))
	for _, t := range m {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Tally) int { return cmp.Compare(a.Code, b.Code) })
	return out
}
