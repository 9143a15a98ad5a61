package processor_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// benchID returns the ID of the i-th processor of a benchmark registry: a
// uuid v7 shape with random low bits, as Registry.Put assigns.
func benchID(i int) compliance.ProcessorID {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	u := uuid.UUID{}
	for k := range u {
		u[k] = byte(r.Uint32())
	}
	u[6] = 0x70 | u[6]&0x0f
	u[8] = 0x80 | u[8]&0x3f
	return compliance.ProcessorID{UUID: u}
}

// benchProcessor returns the i-th processor of a benchmark registry: clean()
// with its own IDs, subs sub-processors in the EEA, and — every third — a
// US sub-processor giving support under the DPF with the 2021/914 clauses
// as fallback (a finding-free, adequacy-covered transfer), so that records
// vary.
func benchProcessor(i, subs int) processor.Processor {
	p := clean()
	p.ID = benchID(i)
	p.Name = fmt.Sprintf("Leverandør %d A/S", i)
	p.Agreements[0].ID = compliance.IDFrom[processor.Agreement](uuid.UUID{6: 0x70, 8: 0x80, 12: byte(i >> 16), 13: byte(i >> 8), 14: byte(i), 15: 2})
	p.Agreements[0].Purposes = []string{"sag", "journal", fmt.Sprintf("ydelse-%d", i%7)}
	p.Audits[0].ID = compliance.IDFrom[processor.Audit](uuid.UUID{6: 0x70, 8: 0x80, 12: byte(i >> 16), 13: byte(i >> 8), 14: byte(i), 15: 4})
	p.SubProcessors = p.SubProcessors[:0]
	for k := range subs {
		sp := clean().SubProcessors[0]
		sp.ID = compliance.IDFrom[processor.SubProcessor](uuid.UUID{6: 0x70, 8: 0x80, 11: byte(k), 12: byte(i >> 16), 13: byte(i >> 8), 14: byte(i), 15: 3})
		sp.Name = fmt.Sprintf("Underleverandør %d", k)
		if i%3 == 0 && k == 0 {
			sp.Name, sp.Country, sp.Address = "Support Inc.", us, "1 Main St"
			sp.DPF = processor.DPF{Since: date(2023, 7, 17), Due: date(2026, 7, 17)}
			sp.Locations = []processor.Location{{Country: us, Access: processor.Support,
				Safeguard: processor.Safeguard{Tool: processor.SCC, Module: processor.ModuleP2P, Signed: date(2024, 1, 10),
					TIA: processor.TIA{Date: date(2026, 1, 5), Conclusion: processor.Equivalent}}}}
		}
		p.SubProcessors = append(p.SubProcessors, sp)
	}
	p.ExposureAssessed = date(2026, 1, 5)
	p.CVR = benchCVR(i)
	return p
}

// benchCVR returns a valid CVR number of its own for processor i (modulus
// 11 with weights 2,7,6,5,4,3,2,1; reference §5.1).
func benchCVR(i int) ident.CVR {
	for base := 1000000 + i*3; ; base++ {
		s := strconv.Itoa(base)
		w := []int{2, 7, 6, 5, 4, 3, 2}
		sum := 0
		for k := range 7 {
			sum += int(s[k]-'0') * w[k]
		}
		r := sum % 11
		if r == 1 {
			continue
		}
		check := (11 - r) % 11
		c, err := ident.ParseCVR(s + strconv.Itoa(check))
		if err == nil {
			return c
		}
	}
}

func benchProcessors(n, subs int) []processor.Processor {
	ps := make([]processor.Processor, n)
	for i := range ps {
		ps[i] = benchProcessor(i, subs)
	}
	return ps
}

// workload returns 1,024 distinct requests over n processors, spread
// uniformly (not one request repeated, so that the registry is read as a
// kommune's ESDH reads it: cold). denied requests add a category no
// agreement covers.
func workload(n int, denied bool) []processor.Request {
	r := rand.New(rand.NewPCG(7, 7))
	purposes := []string{"sag", "journal", "sag", "journal"}
	data := []compliance.DataCategory{compliance.Identity, compliance.CaseData, compliance.Health, compliance.NationalID}
	reqs := make([]processor.Request, 1024)
	for i := range reqs {
		req := processor.Request{
			Processor: benchID(r.IntN(n)),
			Data:      compliance.CategoriesOf(data[r.IntN(len(data))], data[r.IntN(len(data))]),
			Subjects:  compliance.SubjectsOf(compliance.Citizens),
			Purpose:   purposes[r.IntN(len(purposes))],
		}
		if r.IntN(2) == 0 {
			req.Subjects = req.Subjects.With(compliance.Patients)
		}
		if denied {
			req.Data = req.Data.With(compliance.CriminalOffences)
		}
		reqs[i] = req
	}
	return reqs
}

var sizes = []int{1000, 10000, 100000}

// BenchmarkCheck measures Check on 1,024 distinct requests over registries
// of 1,000, 10,000 and 100,000 processors (100,000 is skipped under
// -short):
//
//	go test -run='^$' -bench=Check -benchmem -benchtime=200ms ./processor/
//
// Targets (issue 19): at most 250 ns at 10,000 and 300 ns at 100,000; no
// allocation when allowed, at most 2 when denied.
func BenchmarkCheck(b *testing.B) {
	when := at(b)
	for _, n := range sizes {
		if n > 10000 && testing.Short() {
			continue
		}
		s, err := processor.Compile(policyDK(), benchProcessors(n, 1))
		if err != nil {
			b.Fatal(err)
		}
		for _, bc := range []struct {
			name    string
			denied  bool
			outcome processor.Outcome
		}{{"allowed", false, processor.Allow}, {"denied", true, processor.Deny}} {
			reqs := workload(n, bc.denied)
			for _, req := range reqs {
				if d := s.Check(req, when); d.Outcome != bc.outcome {
					b.Fatalf("%v: %v %v", req, d.Outcome, codes(d))
				}
			}
			b.Run(fmt.Sprintf("%s/n=%d", bc.name, n), func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					_ = s.Check(reqs[i&1023], when)
					i++
				}
			})
		}
	}
}

// BenchmarkLoad measures Registry.Load of n processors from the in-memory
// store (the store's copies included).
//
//	go test -run='^$' -bench=Load -benchmem -benchtime=1x ./processor/
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		if n > 10000 && testing.Short() {
			continue
		}
		store := processortest.NewMemStore()
		k := compliance.ControllerID{UUID: uid(9, 9)}
		for _, p := range benchProcessors(n, 1) {
			if err := store.Put(ctx, k, p); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := processor.NewRegistry(store, k, &processor.Options{Policy: policyDK()})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Load(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/processor")
		})
	}
}

// BenchmarkUpdate measures the installation of one changed processor in a
// registry of n: compile it and install it in a new snapshot (Registry.Put
// without the store, via Refresh from an in-memory store, whose Get copies
// the record).
//
//	go test -run='^$' -bench=Update -benchmem -benchtime=200ms ./processor/
//
// Target (issue 19): under 50 µs.
func BenchmarkUpdate(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		if n > 10000 && testing.Short() {
			continue
		}
		store := processortest.NewMemStore()
		k := compliance.ControllerID{UUID: uid(9, 9)}
		for _, p := range benchProcessors(n, 1) {
			if err := store.Put(ctx, k, p); err != nil {
				b.Fatal(err)
			}
		}
		now := at(b)
		r, err := processor.NewRegistry(store, k, &processor.Options{Policy: policyDK(),
			Options: compliance.Options{Now: func() time.Time { return now }}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Load(ctx); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("put/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := benchID(i % n)
				p, err := store.Get(ctx, k, id)
				if err != nil {
					b.Fatal(err)
				}
				p.Service = fmt.Sprintf("ESDH %d", p.Version)
				if _, err := r.Put(ctx, p); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkHeap reports the heap a snapshot holds per processor with 1 and
// with 16 sub-processors: the runtime.MemStats HeapAlloc delta from before
// the records are made to after Compile, with the records freed (the
// strings the snapshot shares with them count):
//
//	go test -run='^$' -bench=Heap -benchtime=1x ./processor/
//
// Target (issue 19): at most 2 KB per processor with 16 sub-processors.
func BenchmarkHeap(b *testing.B) {
	for _, n := range sizes {
		if n > 10000 && testing.Short() {
			continue
		}
		for _, subs := range []int{1, 16} {
			if n > 10000 && subs == 16 && testing.Short() {
				continue
			}
			b.Run(fmt.Sprintf("subs=%d/n=%d", subs, n), func(b *testing.B) {
				var per float64
				for b.Loop() {
					runtime.GC()
					var m0, m1 runtime.MemStats
					runtime.ReadMemStats(&m0)
					ps := benchProcessors(n, subs)
					s, err := processor.Compile(policyDK(), ps)
					if err != nil {
						b.Fatal(err)
					}
					ps = nil
					runtime.GC()
					runtime.ReadMemStats(&m1)
					per = (float64(m1.HeapAlloc) - float64(m0.HeapAlloc)) / float64(n)
					runtime.KeepAlive(s)
				}
				b.ReportMetric(per, "B/processor")
			})
		}
	}
}

// The allocation budget of Check, as the ESDH hot path needs it: nothing
// for an allowed request, at most two allocations for a denied one or one
// with warnings.
func TestCheckAllocations(t *testing.T) {
	s := compile(t, policyDK(), benchProcessors(30, 2)...)
	when := at(t)
	allowed := request()
	allowed.Processor = benchID(1)
	warned := allowed
	warned.Processor = benchID(1)
	denied := allowed
	denied.Data = compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences, compliance.Financial)
	denied.Subjects = denied.Subjects.With(compliance.Children)
	for _, tt := range []struct {
		name string
		req  processor.Request
		max  float64
		out  processor.Outcome
	}{{"allowed", allowed, 0, processor.Allow}, {"denied", denied, 2, processor.Deny}} {
		if d := s.Check(tt.req, when); d.Outcome != tt.out {
			t.Fatalf("%s: outcome %v %v", tt.name, d.Outcome, codes(d))
		}
		if n := testing.AllocsPerRun(100, func() { _ = s.Check(tt.req, when) }); n > tt.max {
			t.Errorf("%s: %v allocations per Check, want at most %v", tt.name, n, tt.max)
		}
	}
}
