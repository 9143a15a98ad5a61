package dpiatest

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/internal/storetest"
)

// Run runs the conformance suite of [dpia.Store] against stores made by
// newStore, one per subtest: create and update with optimistic Version,
// controller isolation, deep copies on the way in and out, List order,
// every [dpia.Filter] field, early break, re-entrant use, context
// cancellation and concurrent use. Run it with the race detector:
//
//	func TestStore(t *testing.T) {
//		dpiatest.Run(t, func(t *testing.T) dpia.Store { return newTestDB(t).DPIAs() })
//	}
func Run(t *testing.T, newStore func(t *testing.T) dpia.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[compliance.DPIAID, dpia.Assessment, dpia.Filter] {
		return newStore(t)
	}, fixture())
}

var (
	procA = compliance.ProcessorID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000a1")}
	procB = compliance.ProcessorID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000b2")}
)

// record returns the i-th fixture assessment: valid, with slices the
// suite can mutate, drafts for i%3 == 0, approved for 1, rejected for 2,
// naming processor A for even i and processor B as sub-processor for i%4
// == 3.
func record(i int) dpia.Assessment {
	u := uuid.UUID{6: 0x70, 8: 0x80, 14: byte(i >> 8), 15: byte(i + 1)}
	day := compliance.Date{Year: 2024, Month: time.March, Day: 1 + i%28}
	at := time.Date(2024, time.March, 1+i%28, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	a := dpia.Assessment{
		ID:           compliance.DPIAID{UUID: u},
		Jurisdiction: compliance.DK,
		Title:        "Behandling " + string(rune('A'+i%26)),
		Description: dpia.Description{
			Purposes:   []string{"Formål"},
			Categories: compliance.CategoriesOf(compliance.Identity, compliance.Health),
			Subjects:   compliance.SubjectsOf(compliance.Citizens),
		},
		Risks: []dpia.Risk{{
			Kind:     dpia.IllegitimateAccess,
			Inherent: dpia.Rating{Likelihood: dpia.Significant, Severity: dpia.Maximum},
			Residual: dpia.Rating{Likelihood: dpia.Limited, Severity: dpia.Maximum},
			Measures: []string{"M1"},
		}},
		Measures: []dpia.Measure{{Key: "M1", Title: "Kryptering", Kind: dpia.Technical, Status: dpia.Implemented}},
		Created:  at,
		Updated:  at,
	}
	if i%2 == 0 {
		a.Description.Processors = []compliance.ProcessorID{procA}
	}
	if i%4 == 3 {
		a.Description.SubProcessors = []compliance.ProcessorID{procB}
	}
	switch i % 3 {
	case 1:
		a.SignOff = dpia.SignOff{Date: day, Role: "kommunaldirektør", Decision: dpia.Approved}
		a.Editions = []dpia.Edition{{Number: 1, Date: day, Decision: dpia.Approved, Triggers: []dpia.Trigger{dpia.NewProcessor}}}
	case 2:
		a.SignOff = dpia.SignOff{Date: day, Role: "kommunaldirektør", Decision: dpia.Rejected}
		a.Editions = []dpia.Edition{{Number: 1, Date: day, Decision: dpia.Rejected}}
	}
	return a
}

// equal compares two assessments: times by instant, everything else by
// its JSON form (so nil and empty slices are the same).
func equal(a, b dpia.Assessment) bool {
	if !a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) {
		return false
	}
	a.Created, a.Updated, b.Created, b.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

func fixture() storetest.Fixture[compliance.DPIAID, dpia.Assessment, dpia.Filter] {
	return storetest.Fixture[compliance.DPIAID, dpia.Assessment, dpia.Filter]{
		Entity:  "assessment",
		New:     record,
		ID:      func(a dpia.Assessment) compliance.DPIAID { return a.ID },
		Version: func(a *dpia.Assessment) *uint64 { return &a.Version },
		Mutate: func(a *dpia.Assessment) {
			a.Description.Purposes[0] += " (ændret)"
			a.Risks[0].Residual.Likelihood = dpia.Negligible + (a.Risks[0].Residual.Likelihood % 4)
		},
		Equal: equal,
		Filters: []storetest.FilterCase[dpia.Assessment, dpia.Filter]{
			{Name: "Draft", Filter: dpia.Filter{Draft: true},
				Match: func(a dpia.Assessment) bool { return a.SignOff.IsZero() }},
			{Name: "Decision", Filter: dpia.Filter{Decision: dpia.Approved},
				Match: func(a dpia.Assessment) bool { return a.SignOff.Decision == dpia.Approved }},
			{Name: "Processor", Filter: dpia.Filter{Processor: procA},
				Match: func(a dpia.Assessment) bool { return len(a.Description.Processors) > 0 }},
			{Name: "SubProcessor", Filter: dpia.Filter{Processor: procB},
				Match: func(a dpia.Assessment) bool { return len(a.Description.SubProcessors) > 0 }},
			{Name: "Combined", Filter: dpia.Filter{Decision: dpia.Approved, Processor: procA},
				Match: func(a dpia.Assessment) bool {
					return a.SignOff.Decision == dpia.Approved && len(a.Description.Processors) > 0
				}},
		},
	}
}
