package processor_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/leaktest"
	"github.com/tillid/tillid/processor"
)

// fuzzDecode checks one decoder: no panic; errors match ErrInvalid and
// contain no fragment of the input; what decodes is valid and round-trips;
// and a decoded processor compiles and checks without panicking.
func fuzzDecode[T interface{ Validate() error }](f *testing.F, parse func([]byte) (T, error), seeds ...any) {
	for _, s := range seeds {
		b, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"id":"00000000-0000-7000-8000-000000000001","country":"XX"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := parse(b)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			leaks(t, err, b)
			return
		}
		if err := v.Validate(); err != nil {
			t.Fatalf("parsed value does not validate: %v", err)
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("parsed value does not marshal: %v", err)
		}
		if _, err := parse(again); err != nil {
			t.Fatalf("marshalled value does not parse again: %v", err)
		}
		if p, ok := any(v).(processor.Processor); ok {
			s, err := processor.Compile(processor.Policy{Jurisdiction: compliance.DK}, []processor.Processor{p})
			if err != nil {
				t.Fatalf("a valid processor does not compile: %v", err)
			}
			req := processor.Request{Processor: p.ID, Data: compliance.CategoriesOf(compliance.Health), Subjects: compliance.SubjectsOf(compliance.Citizens), Purpose: "x"}
			_ = s.Check(req, at(t))
			_ = s.Overview(at(t), compliance.Months(3))
		}
	})
}

// leaks fails when err's text contains a run of 12 or more bytes of the
// input outside what errors name (field paths, reasons, vocabularies and
// accepted codes, cut out by leaktest.Pieces) and their fixed words.
func leaks(t *testing.T, err error, input []byte) {
	in := string(input)
	const n = 12
	var frags []string
	for i := 0; i+n <= len(in); i++ {
		if frag := in[i : i+n]; !strings.Contains("compliance: invalid processor agreement subProcessor location audit request policy adequacy", frag) {
			frags = append(frags, frag)
		}
	}
	if frag, ok := leaktest.Repeats(err, frags); ok {
		t.Fatalf("error %q contains input fragment %q", err, frag)
	}
}

func FuzzParseProcessor(f *testing.F) {
	fuzzDecode(f, processor.ParseProcessor, clean(), withSub(in, processor.Location{Country: in, Access: processor.Support,
		Safeguard: processor.Safeguard{Tool: processor.SCC, Module: processor.ModuleP2P, Signed: date(2025, 1, 1),
			TIA: processor.TIA{Date: date(2025, 2, 1), Conclusion: processor.MeasuresNeeded}}}),
		sccTransfer(processor.Location{Access: processor.Hosting, Surveillance: true, ProviderKeys: true,
			Measures: processor.MeasuresOf(processor.KeyEncryption)}, processor.Equivalent))
}

func FuzzParseAgreement(f *testing.F) {
	framework := clean().Agreements[0]
	framework.Signed = compliance.Date{}
	framework.Concluded = processor.Concluded{Form: processor.Framework, By: processor.KOMBIT, Date: date(2024, 1, 10), Evidence: "tilslutningsaftale 17"}
	fuzzDecode(f, processor.ParseAgreement, clean().Agreements[0], framework)
}

func FuzzParseSubProcessor(f *testing.F) {
	fuzzDecode(f, processor.ParseSubProcessor, clean().SubProcessors[0])
}

func FuzzParseLocation(f *testing.F) {
	fuzzDecode(f, processor.ParseLocation, clean().Locations[0], processor.Location{Organisation: processor.EPO, Access: processor.Hosting,
		Measures: processor.MeasuresOf(processor.KeyEncryption), Safeguard: processor.Safeguard{Tool: processor.DerogationTool, Derogation: processor.PublicInterest}})
}

func FuzzParseAudit(f *testing.F) {
	a := clean().Audits[0]
	a.Deviations = []processor.Deviation{{Control: "A.1", FollowUp: processor.Open, Due: date(2026, 1, 1)}}
	fuzzDecode(f, processor.ParseAudit, a)
}

func FuzzParseRequest(f *testing.F) {
	fuzzDecode(f, processor.ParseRequest, request())
}

func FuzzParsePolicy(f *testing.F) {
	pol := policyDK()
	pol.Off = []processor.Switch{{Country: us, From: date(2026, 1, 1)}}
	pol.Intervals.High = compliance.Years(1)
	fuzzDecode(f, processor.ParsePolicy, pol)
}

func FuzzParseAdequacy(f *testing.F) {
	fuzzDecode(f, processor.ParseAdequacy, processor.Adequacies()[0], processor.Adequacies()[len(processor.Adequacies())-1])
}

// FuzzParseKey: no panic; errors match ErrInvalid and echo no input; what
// parses prints back to a key that parses to the same Key.
func FuzzParseKey(f *testing.F) {
	for _, s := range []string{"cvr:13748136", "orgnr:988077917", "kitos:3f2504e0-4f89-41d3-9a0c-0305e82c3301",
		"kitos:{3F2504E0-4F89-41D3-9A0C-0305E82C3301}", "local:L-1", "id:00000000-0000-7000-8000-000000000001", "x:", ":", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := processor.ParseKey(s)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			leaks(t, err, []byte(s))
			return
		}
		again, err := processor.ParseKey(k.String())
		if err != nil || again != k {
			t.Fatalf("%q → %q does not round-trip: %v", s, k.String(), err)
		}
	})
}
