package retention

import (
	"iter"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Sweep decides every record of records at the single instant at and
// yields the decisions in the order of the records. It streams: it keeps no
// record or decision after yielding it, so its memory does not grow with
// the number of records, and its decisions share the schedule's reference
// tables ([compliance.Refs] is immutable) rather than copies. When sum is
// not nil, every decision is counted in it as it is yielded; read it after
// the loop.
//
// A record that is invalid or does not fit its rule yields its ID in an
// otherwise zero Decision with a [*compliance.ValidationError] (which
// matches [compliance.ErrInvalid]), is counted as Invalid, and the sweep
// goes on. Any other error comes from records itself: it is yielded with a
// zero Decision and ends the sweep.
//
//	var sum retention.Summary
//	for d, err := range sched.Sweep(records, at, &sum) {
//		if errors.Is(err, compliance.ErrInvalid) {
//			// log d.Record and carry on
//		} else if err != nil {
//			return err
//		}
//		// act on d.Disposition
//	}
//
// The sequence may be ranged over more than once if records may; each pass
// counts into sum again. A nil records is no records. A Schedule not made
// by [Compile] yields [ErrNoSchedule] once.
func (s *Schedule) Sweep(records iter.Seq2[Record, error], at time.Time, sum *Summary) iter.Seq2[Decision, error] {
	return func(yield func(Decision, error) bool) {
		if !s.ok() {
			yield(Decision{}, ErrNoSchedule)
			return
		}
		if records == nil {
			return // no records
		}
		var today [3]compliance.Date
		var eras [3]era
		for j := range compliance.AllJurisdictions() {
			today[j] = s.today(j, at)
			eras[j] = eraOf(j, today[j])
		}
		for r, err := range records {
			if err != nil {
				yield(Decision{}, err)
				return
			}
			var d Decision
			if !r.Jurisdiction.Valid() {
				d, err = Decision{Record: r.ID}, r.Validate()
			} else {
				d, _, err = s.decide(&r, today[r.Jurisdiction], eras[r.Jurisdiction])
			}
			if sum != nil {
				if err != nil {
					sum.Invalid++
				} else {
					sum.Add(d)
				}
			}
			if !yield(d, err) {
				return
			}
		}
	}
}
