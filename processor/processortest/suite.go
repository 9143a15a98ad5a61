package processortest

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/storetest"
	"github.com/tillid/tillid/processor"
)

// Run runs the conformance suite of [processor.Store] against stores made
// by newStore, one per subtest: Get of a missing record, create and update
// with optimistic versions, isolation of controllers, copying on the way in
// and out (through the nested agreements, sub-processors and locations),
// List's order, filters, early stop, re-entrance and cancellation, and
// concurrent use. Run it with the race detector:
//
//	func TestProcessorStore(t *testing.T) {
//		processortest.Run(t, func(t *testing.T) processor.Store { return newTestDB(t).Processors() })
//	}
//
// Run imports only the standard library and tillid's own packages.
func Run(t *testing.T, newStore func(t *testing.T) processor.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[compliance.ProcessorID, processor.Processor, processor.Filter] {
		return newStore(t)
	}, fixture())
}

var (
	dk = compliance.MustCountry("DK")
	ie = compliance.MustCountry("IE")
	us = compliance.MustCountry("US")
	de = compliance.MustCountry("DE")
)

// Record returns the i-th record of the suite's fixture (i ≥ 0): a valid
// processor with an agreement, a sub-processor with a location, and an
// audit, whose ID sorts after those of smaller i. Tests of other packages
// may use it as sample data.
func Record(i int) processor.Processor {
	id := func(kind byte) uuid.UUID {
		u := uuid.UUID{6: 0x70, 8: 0x80, 13: kind, 14: byte(i >> 8), 15: byte(i)}
		return u
	}
	country := dk
	if i%2 == 1 {
		country = ie
	}
	loc := de
	if i%3 == 0 {
		loc = us
	}
	cvr, _ := ident.ParseCVR("13748136")
	p := processor.Processor{
		ID:      compliance.ProcessorID{UUID: id(1)},
		Name:    "Leverandør " + string(rune('A'+i%26)),
		Country: country,
		Service: "ESDH",
		Agreements: []processor.Agreement{{
			ID:            compliance.IDFrom[processor.Agreement](id(2)),
			Template:      processor.TemplateDKStandard,
			Signed:        compliance.Date{Year: 2024, Month: time.January, Day: 10},
			From:          compliance.Date{Year: 2024, Month: time.February, Day: 1},
			Clauses:       processor.AllClauseSet(),
			Data:          compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
			Subjects:      compliance.SubjectsOf(compliance.Citizens),
			Purposes:      []string{"sagsbehandling"},
			SubProcessing: processor.Authorisation{Kind: processor.AuthorisationSpecific},
			Transfers:     processor.AdequateOnly,
		}},
		SubProcessors: []processor.SubProcessor{{
			ID:        compliance.IDFrom[processor.SubProcessor](id(3)),
			Name:      "Hosting ApS",
			Address:   "Vej 1, 8000 Aarhus C",
			Contact:   "DPO",
			Country:   dk,
			Service:   "hosting",
			Approved:  compliance.Date{Year: 2024, Month: time.January, Day: 10},
			FlowDown:  true,
			Locations: []processor.Location{{Country: loc, Access: processor.Hosting}},
		}},
		Audits: []processor.Audit{{
			ID:      compliance.IDFrom[processor.Audit](id(4)),
			Type:    processor.ISAE3000Type2,
			From:    compliance.Date{Year: 2024, Month: time.January, Day: 1},
			To:      compliance.Date{Year: 2024, Month: time.December, Day: 31},
			Issued:  compliance.Date{Year: 2025, Month: time.March, Day: 1},
			Opinion: processor.Unqualified,
		}},
	}
	if country == dk {
		p.CVR = cvr
	}
	return p
}

func fixture() storetest.Fixture[compliance.ProcessorID, processor.Processor, processor.Filter] {
	return storetest.Fixture[compliance.ProcessorID, processor.Processor, processor.Filter]{
		Entity:  "processor",
		New:     Record,
		ID:      func(p processor.Processor) compliance.ProcessorID { return p.ID },
		Version: func(p *processor.Processor) *uint64 { return &p.Version },
		Mutate: func(p *processor.Processor) {
			p.Agreements[0].Purposes[0] += "+"
			p.SubProcessors[0].Locations[0].Access = processor.Backup
		},
		Equal: func(a, b processor.Processor) bool {
			x, err1 := json.Marshal(a)
			y, err2 := json.Marshal(b)
			return err1 == nil && err2 == nil && bytes.Equal(x, y)
		},
		All: processor.Filter{},
		Filters: []storetest.FilterCase[processor.Processor, processor.Filter]{
			{Name: "Country", Filter: processor.Filter{Country: dk}, Match: func(p processor.Processor) bool { return p.Country == dk }},
			{Name: "Location", Filter: processor.Filter{Location: us}, Match: func(p processor.Processor) bool {
				return p.SubProcessors[0].Locations[0].Country == us
			}},
			{Name: "CountryAndLocation", Filter: processor.Filter{Country: ie, Location: us}, Match: func(p processor.Processor) bool {
				return p.Country == ie && p.SubProcessors[0].Locations[0].Country == us
			}},
		},
	}
}
