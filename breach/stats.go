package breach

import (
	"context"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Statistics are the figures a kommune reports to its committee for a
// period: incidents registered, how many were personal data breaches, how
// many were notified to Datatilsynet (and how many of those late) and
// communicated to the data subjects, and the breaches by cause.
type Statistics struct {
	// From is the first day of the period of registration.
	From compliance.Date `json:"from"`
	// Until is the day after the last day of the period: the period is
	// [From, Until).
	Until compliance.Date `json:"until"`
	// Registered counts every incident registered in the period.
	Registered int `json:"registered"`
	// Breaches counts those classified as personal data breaches.
	Breaches int `json:"breaches"`
	// NotBreaches counts those classified as not a personal data breach.
	NotBreaches int `json:"notBreaches"`
	// Unclassified counts those not yet classified.
	Unclassified int `json:"unclassified"`
	// Notified counts incidents notified to Datatilsynet.
	Notified int `json:"notified"`
	// Late counts notifications made after the 72 hours.
	Late int `json:"late"`
	// Communicated counts incidents communicated to the data subjects,
	// directly or publicly.
	Communicated int `json:"communicated"`
	// ByCause counts the personal data breaches (classified or not yet
	// classified) by cause, in the order of [AllCauses]; causes with no
	// breach are left out, and breaches with no cause recorded are counted
	// under the zero Cause, last.
	ByCause []CauseCount `json:"byCause"`
	// ByDepartment counts the personal data breaches by
	// [Breach.Department], most first (ties by name); breaches with no
	// department recorded are counted under "", last.
	ByDepartment []DepartmentCount `json:"byDepartment"`
	// ByActivity counts the personal data breaches by the Art 30 activity
	// they concern ([Breach.Activity]), most first (ties by ID); breaches
	// with no activity recorded are counted under the zero ID, last.
	ByActivity []ActivityCount `json:"byActivity"`
}

// DepartmentCount is the number of breaches of one department.
type DepartmentCount struct {
	// Department is the department's name as recorded; "" for none.
	Department string `json:"department"`
	// Count is the number of breaches.
	Count int `json:"count"`
}

// ActivityCount is the number of breaches concerning one activity.
type ActivityCount struct {
	// Activity is the Art 30 activity; zero for none recorded.
	Activity record.ActivityID `json:"activity"`
	// Count is the number of breaches.
	Count int `json:"count"`
}

// CauseCount is the number of breaches with one cause.
type CauseCount struct {
	// Cause is the cause; zero for breaches with no cause recorded.
	Cause Cause `json:"cause"`
	// Count is the number of breaches.
	Count int `json:"count"`
}

// Summarize computes the statistics of the incidents registered in [from,
// until), the dates read in the calendar's time zone, from breaches (every
// breach of the register, or any superset of the period's). A breach is
// late when its first notification to Datatilsynet came after the 72 hours
// counted by cal (from awareness, or from a processor's earlier notice, as
// the default [Policy] counts them). It stops at the first error breaches
// yields.
func Summarize(breaches iter.Seq2[Breach, error], from, until compliance.Date, cal *compliance.Calendar) (Statistics, error) {
	return summarize(breaches, from, until, cal, nil)
}

func summarize(breaches iter.Seq2[Breach, error], from, until compliance.Date, cal *compliance.Calendar, p *Policy) (Statistics, error) {
	s := Statistics{From: from, Until: until}
	pol := p.resolved()
	if cal == nil {
		return s, &compliance.FieldError{Field: "calendar", Reason: compliance.ReasonRequired}
	}
	var v compliance.Validation
	v.Require("from", from.Valid())
	v.Require("until", until.Valid())
	if v.OK() && !from.Before(until) {
		v.Add("until", compliance.ReasonInconsistent)
	}
	if err := v.Err("statistics"); err != nil {
		return s, err
	}
	lo, hi := from.In(cal.Location()), until.In(cal.Location())
	var byCause [16]int
	byDept := map[string]int{}
	byActivity := map[record.ActivityID]int{}
	for b, err := range breaches {
		if err != nil {
			return Statistics{From: from, Until: until}, err
		}
		if b.Registered.Before(lo) || !b.Registered.Before(hi) {
			continue
		}
		s.Registered++
		switch b.Classification {
		case PersonalDataBreach:
			s.Breaches++
		case NotABreach:
			s.NotBreaches++
		default:
			s.Unclassified++
		}
		if first, ok := b.FirstNotification(); ok {
			s.Notified++
			if dl, err := pol.deadline(&b, cal, nil); err == nil && !dl.IsZero() && first.At.After(dl.End) {
				s.Late++
			}
		}
		if len(b.Communications) > 0 {
			s.Communicated++
		}
		if b.IsBreach() {
			if b.Cause.Valid() {
				byCause[b.Cause]++
			} else {
				byCause[0]++
			}
			byDept[b.Department]++
			byActivity[b.Activity]++
		}
	}
	for c := range AllCauses() {
		if byCause[c] > 0 {
			s.ByCause = append(s.ByCause, CauseCount{c, byCause[c]})
		}
	}
	if byCause[0] > 0 {
		s.ByCause = append(s.ByCause, CauseCount{0, byCause[0]})
	}
	for d, n := range byDept {
		s.ByDepartment = append(s.ByDepartment, DepartmentCount{d, n})
	}
	slices.SortFunc(s.ByDepartment, func(a, b DepartmentCount) int {
		switch {
		case (a.Department == "") != (b.Department == ""):
			if a.Department == "" {
				return 1
			}
			return -1
		case a.Count != b.Count:
			return b.Count - a.Count
		}
		return strings.Compare(a.Department, b.Department)
	})
	for a, n := range byActivity {
		s.ByActivity = append(s.ByActivity, ActivityCount{a, n})
	}
	slices.SortFunc(s.ByActivity, func(a, b ActivityCount) int {
		switch {
		case a.Activity.IsZero() != b.Activity.IsZero():
			if a.Activity.IsZero() {
				return 1
			}
			return -1
		case a.Count != b.Count:
			return b.Count - a.Count
		}
		return a.Activity.Compare(b.Activity)
	})
	return s, nil
}

// Statistics returns the statistics of the incidents registered in [from,
// until) (dates in the kommune's time zone), with the register's policy;
// see [Summarize].
func (r *Register) Statistics(ctx context.Context, c compliance.ControllerID, from, until compliance.Date) (Statistics, error) {
	if err := r.check(c); err != nil {
		return Statistics{}, err
	}
	var f Filter
	if from.Valid() && until.Valid() {
		f.RegisteredFrom, f.RegisteredBefore = from.In(r.cal.Location()), until.In(r.cal.Location())
	}
	return summarize(r.store.List(ctx, c, f), from, until, r.cal, r.policy)
}

// Year returns the statistics of calendar year y.
func (r *Register) Year(ctx context.Context, c compliance.ControllerID, y int) (Statistics, error) {
	return r.Statistics(ctx, c, compliance.Date{Year: y, Month: time.January, Day: 1},
		compliance.Date{Year: y + 1, Month: time.January, Day: 1})
}
