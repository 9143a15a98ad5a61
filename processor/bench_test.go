package processor_test

import (
	"testing"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// registryOf returns a snapshot of n processors, each a copy of clean()
// with its own IDs; every third has a US-owned sub-processor with support
// from the United States under the DPF, so that the map holds varied
// records.
func registryOf(b testing.TB, n int) *processor.Snapshot {
	ps := make([]processor.Processor, n)
	for i := range ps {
		p := clean()
		u := uuid.UUID{6: 0x70, 8: 0x80, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}
		p.ID = compliance.ProcessorID{UUID: u}
		if i%3 == 0 {
			p.SubProcessors = append(p.SubProcessors, processor.SubProcessor{
				ID: compliance.IDFrom[processor.SubProcessor](uid(3, 2)), Name: "Support Inc.", Address: "1 Main St", Contact: "privacy",
				Country: us, Service: "support", Approved: date(2024, 1, 10), FlowDown: true,
				DPF:       processor.DPF{Since: date(2023, 7, 17), Due: date(2026, 7, 17)},
				Locations: []processor.Location{{Country: us, Access: processor.Support}},
			})
		}
		ps[i] = p
	}
	s, err := processor.Compile(policyDK(), ps)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCheck measures Check on a registry of 10,000 processors:
//
//	go test -run='^$' -bench=. -benchmem ./processor/
//
// The targets: an allowed request at most 300 ns/op and 0 allocs/op; a
// denied one at most 1 µs/op and 2 allocs/op.
func BenchmarkCheck(b *testing.B) {
	s := registryOf(b, 10000)
	when := at(b)
	allowed := request()
	allowed.Processor = s.Check(allowed, when).Processor
	// pick the second processor (no US sub-processor): pid with counter 1
	allowed.Processor = compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 1}}
	if d := s.Check(allowed, when); d.Outcome != processor.Allow {
		b.Fatalf("allowed request: %v %v", d.Outcome, codes(d))
	}
	warned := allowed
	warned.Processor = compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 3}}
	if d := s.Check(warned, when); d.Outcome != processor.AllowWithWarnings {
		b.Fatalf("warned request: %v %v", d.Outcome, codes(d))
	}
	denied := allowed
	denied.Data = compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences)
	if d := s.Check(denied, when); d.Outcome != processor.Deny {
		b.Fatalf("denied request: %v %v", d.Outcome, codes(d))
	}
	unknown := allowed
	unknown.Processor = pid(200)
	unknown.Processor.UUID[0] = 0xff

	for _, bc := range []struct {
		name string
		req  processor.Request
	}{{"allowed", allowed}, {"allowed-with-warnings", warned}, {"denied", denied}, {"unknown-processor", unknown}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = s.Check(bc.req, when)
			}
		})
	}
}

// BenchmarkCompile measures compiling 10,000 processors (Registry.Load
// without the store).
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		registryOf(b, 10000)
	}
}

// The allocation budget of Check, as the ESDH hot path needs it: nothing
// for an allowed request (with or without warnings), at most two
// allocations for a denied one.
func TestCheckAllocations(t *testing.T) {
	s := registryOf(t, 30)
	when := at(t)
	allowed := request()
	allowed.Processor = compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 1}}
	warned := allowed
	warned.Processor = compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 3}}
	denied := allowed
	denied.Data = compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences, compliance.Financial)
	denied.Subjects = denied.Subjects.With(compliance.Children)
	for _, tt := range []struct {
		name string
		req  processor.Request
		max  float64
		out  processor.Outcome
	}{{"allowed", allowed, 0, processor.Allow}, {"allowed with warnings", warned, 0, processor.AllowWithWarnings}, {"denied", denied, 2, processor.Deny}} {
		if d := s.Check(tt.req, when); d.Outcome != tt.out {
			t.Fatalf("%s: outcome %v %v", tt.name, d.Outcome, codes(d))
		}
		if n := testing.AllocsPerRun(100, func() { _ = s.Check(tt.req, when) }); n > tt.max {
			t.Errorf("%s: %v allocations per Check, want at most %v", tt.name, n, tt.max)
		}
	}
}
