package dpotest

import (
	"maps"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/internal/storetest"
)

// Run runs the conformance suite for [dpo.Store] against stores made by
// newStore, one per subtest. Run it with the race detector.
func Run(t *testing.T, newStore func(t *testing.T) dpo.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[dpo.EntryID, dpo.Entry, dpo.Filter] {
		return newStore(t)
	}, storetest.Fixture[dpo.EntryID, dpo.Entry, dpo.Filter]{
		Entity:  "dpo entry",
		New:     FixtureEntry,
		ID:      func(e dpo.Entry) dpo.EntryID { return e.ID },
		Version: func(e *dpo.Entry) *uint64 { return &e.Version },
		Mutate:  func(e *dpo.Entry) { e.Topic += "x" },
		Equal: func(a, b dpo.Entry) bool {
			return a.ID == b.ID && a.Version == b.Version && a.Task == b.Task && a.On == b.On && a.Topic == b.Topic &&
				a.DPIA == b.DPIA && a.Breach == b.Breach && a.Involvement == b.Involvement && a.Outcome == b.Outcome &&
				a.Reasons == b.Reasons && a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
		},
		Filters: []storetest.FilterCase[dpo.Entry, dpo.Filter]{
			{Name: "Task", Filter: dpo.Filter{Task: dpo.Advice}, Match: func(e dpo.Entry) bool { return e.Task == dpo.Advice }},
			{Name: "Year", Filter: dpo.Filter{Year: 2025}, Match: func(e dpo.Entry) bool { return e.On.Year == 2025 }},
			{Name: "TaskAndYear", Filter: dpo.Filter{Task: dpo.Awareness, Year: 2026},
				Match: func(e dpo.Entry) bool { return e.Task == dpo.Awareness && e.On.Year == 2026 }},
		},
	})
}

// RunConditions runs the conformance suite for [dpo.ConditionsStore].
func RunConditions(t *testing.T, newStore func(t *testing.T) dpo.ConditionsStore) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[dpo.ConditionsID, dpo.Conditions, dpo.ConditionsFilter] {
		return newStore(t)
	}, storetest.Fixture[dpo.ConditionsID, dpo.Conditions, dpo.ConditionsFilter]{
		Entity:  "dpo conditions",
		New:     FixtureConditions,
		ID:      func(c dpo.Conditions) dpo.ConditionsID { return c.ID },
		Version: func(c *dpo.Conditions) *uint64 { return &c.Version },
		Mutate: func(c *dpo.Conditions) {
			if c.Status[dpo.Resources] == dpo.Met {
				c.Status[dpo.Resources] = dpo.NotMet
			} else {
				c.Status[dpo.Resources] = dpo.Met
			}
		},
		Equal: func(a, b dpo.Conditions) bool {
			return a.ID == b.ID && a.Version == b.Version && a.Year == b.Year && maps.Equal(a.Status, b.Status) &&
				a.Assessed == b.Assessed && a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
		},
		Filters: []storetest.FilterCase[dpo.Conditions, dpo.ConditionsFilter]{
			{Name: "Year", Filter: dpo.ConditionsFilter{Year: 2020}, Match: func(c dpo.Conditions) bool { return c.Year == 2020 }},
		},
	})
}

// FixtureEntry returns the i-th log entry of the suite's fixture: valid,
// Version 0, with an ID that sorts after those of smaller i.
func FixtureEntry(i int) dpo.Entry {
	created := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	e := dpo.Entry{
		ID:    dpo.EntryID{UUID: [16]byte{6: 0x70, 8: 0x80, 14: byte((i + 1) >> 8), 15: byte(i + 1)}},
		On:    compliance.MakeDate(2025+i%2, time.Month(1+i%12), 10),
		Topic: "ny skoleplatform", Created: created, Updated: created,
	}
	switch i % 3 {
	case 0:
		e.Task, e.Involvement, e.Outcome = dpo.Advice, dpo.Timely, dpo.Followed
	case 1:
		e.Task = dpo.Awareness
	default:
		e.Task, e.DPIA = dpo.DPIAAdvice, compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: byte(i)}}
	}
	return e
}

// FixtureConditions returns the i-th assessment of the suite's fixture:
// one per year from 2018, with its year's ID.
func FixtureConditions(i int) dpo.Conditions {
	year := 2018 + i
	return dpo.Conditions{
		ID:       dpo.ConditionsIDFor(year),
		Year:     year,
		Status:   map[dpo.Condition]dpo.Status{dpo.Published: dpo.Met, dpo.Resources: dpo.Met},
		Assessed: compliance.MakeDate(year, time.December, 1),
		Created:  time.Date(year, 12, 1, 9, 0, 0, 0, time.UTC),
	}
}
