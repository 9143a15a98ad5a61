package processor_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/processor"
)

var (
	dk = compliance.MustCountry("DK")
	no = compliance.MustCountry("NO")
	ie = compliance.MustCountry("IE")
	de = compliance.MustCountry("DE")
	us = compliance.MustCountry("US")
	gb = compliance.MustCountry("GB")
	in = compliance.MustCountry("IN")
	ca = compliance.MustCountry("CA")
	br = compliance.MustCountry("BR")
	gl = compliance.MustCountry("GL")
	fo = compliance.MustCountry("FO")
	sj = compliance.MustCountry("SJ")
)

func date(y int, m time.Month, d int) compliance.Date {
	return compliance.Date{Year: y, Month: m, Day: d}
}

func cph(t testing.TB) *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	require.NoError(t, err)
	return loc
}

// at is the default evaluation instant: 1 May 2026, 10:00 in Copenhagen.
func at(t testing.TB) time.Time { return time.Date(2026, time.May, 1, 10, 0, 0, 0, cph(t)) }

func uid(kind, n byte) uuid.UUID { return uuid.UUID{6: 0x70, 8: 0x80, 14: kind, 15: n} }

func pid(n byte) compliance.ProcessorID { return compliance.ProcessorID{UUID: uid(1, n)} }

var testCVR = func() ident.CVR { c, _ := ident.ParseCVR("13748136"); return c }()

// clean returns a processor with nothing to report at 1 May 2026: a Danish
// processor, a signed Datatilsynet agreement in force covering identity,
// case data and health data of citizens and patients for "sag", an EU
// sub-processor approved and identified, and a clean, reviewed ISAE 3000
// type 2 statement issued within the yearly interval.
func clean() processor.Processor {
	return processor.Processor{
		ID:      pid(1),
		Name:    "Sagssystemer A/S",
		CVR:     testCVR,
		Country: dk,
		Service: "ESDH",
		Agreements: []processor.Agreement{{
			ID:                compliance.IDFrom[processor.Agreement](uid(2, 1)),
			Template:          processor.TemplateDKStandard,
			Signed:            date(2024, time.January, 10),
			From:              date(2024, time.February, 1),
			Clauses:           processor.ClausesOf(processor.SubjectMatter, processor.Duration, processor.Nature, processor.Purpose, processor.DataTypes, processor.SubjectCategories, processor.ControllerRights),
			Data:              compliance.CategoriesOf(compliance.Identity, compliance.CaseData, compliance.Health, compliance.NationalID),
			Subjects:          compliance.SubjectsOf(compliance.Citizens, compliance.Patients),
			Purposes:          []string{"sag"},
			Transfers:         processor.AdequateOnly,
			BreachNoticeHours: 24,
			SubProcessing:     processor.Authorisation{Kind: processor.AuthorisationSpecific},
		}},
		SubProcessors: []processor.SubProcessor{{
			ID:        compliance.IDFrom[processor.SubProcessor](uid(3, 1)),
			Name:      "Datacenter GmbH",
			Address:   "Straße 1, Frankfurt",
			Contact:   "dpo@datacenter.example",
			Country:   de,
			Service:   "hosting",
			Approved:  date(2024, time.January, 10),
			Changed:   date(2024, time.January, 10),
			FlowDown:  true,
			Locations: []processor.Location{{Country: de, Access: processor.Hosting}},
		}},
		Locations: []processor.Location{{Country: dk, Access: processor.Support}},
		Audits: []processor.Audit{{
			ID:             compliance.IDFrom[processor.Audit](uid(4, 1)),
			Type:           processor.ISAE3000Type2,
			Assurance:      processor.Reasonable,
			From:           date(2025, time.January, 1),
			To:             date(2025, time.December, 31),
			Issued:         date(2026, time.March, 1),
			Opinion:        processor.Unqualified,
			ScopeConfirmed: true,
			Reviewed:       date(2026, time.March, 15),
		}},
		Supervision: processor.Supervision{Risk: processor.HighRisk, Interval: compliance.Years(1)},
	}
}

func policyDK() processor.Policy {
	return processor.Policy{Jurisdiction: compliance.DK, Version: "test-1"}
}

func request() processor.Request {
	return processor.Request{
		Processor: pid(1),
		Data:      compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
		Subjects:  compliance.SubjectsOf(compliance.Citizens),
		Purpose:   "sag",
	}
}

func compile(t testing.TB, pol processor.Policy, ps ...processor.Processor) *processor.Snapshot {
	t.Helper()
	s, err := processor.Compile(pol, ps)
	require.NoError(t, err)
	return s
}

// codes returns the codes of the decision's findings.
func codes(d processor.Decision) []compliance.Code {
	var cs []compliance.Code
	for _, f := range d.Findings {
		cs = append(cs, f.Code)
	}
	return cs
}
