package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// Benchmarks on a SQLite file in a temporary directory, with processor
// records (processortest.Record: an agreement, a sub-processor, an audit;
// about 1.5 kB of JSON each):
//
//	go test -run '^$' -bench . -benchmem ./...
//
// Put/create inserts new records, Put/update updates one record at its
// current version, Get reads one, List/1000 lists a kommune's 1,000
// records, RegistryLoad/N is processor.Registry.Load of N processors (read
// and compile).

func fill(b *testing.B, s processor.Store, n int) {
	b.Helper()
	for i := range n {
		if err := s.Put(context.Background(), kommuneA, processortest.Record(i)); err != nil {
			b.Fatalf("Put: %v", err)
		}
	}
}

func BenchmarkPut(b *testing.B) {
	db, _ := openTest(b, nil)
	s := db.Processors()
	ctx := context.Background()
	b.Run("create", func(b *testing.B) {
		b.ReportAllocs()
		p := processortest.Record(1)
		for b.Loop() {
			p.ID = compliance.ProcessorID{UUID: uuid.Must(uuid.NewV7())}
			if err := s.Put(ctx, kommuneA, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("update", func(b *testing.B) {
		b.ReportAllocs()
		p := processortest.Record(2)
		if err := s.Put(ctx, kommuneA, p); err != nil {
			b.Fatal(err)
		}
		p.Version = 1
		for b.Loop() {
			if err := s.Put(ctx, kommuneA, p); err != nil {
				b.Fatal(err)
			}
			p.Version++
		}
	})
}

func BenchmarkGet(b *testing.B) {
	db, _ := openTest(b, nil)
	s := db.Processors()
	fill(b, s, 100)
	id := processortest.Record(50).ID
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Get(context.Background(), kommuneA, id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkList(b *testing.B) {
	db, _ := openTest(b, nil)
	s := db.Processors()
	fill(b, s, 1000)
	b.Run("1000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			for _, err := range s.List(context.Background(), kommuneA, processor.Filter{}) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != 1000 {
				b.Fatalf("listed %d", n)
			}
		}
	})
}

func BenchmarkRegistryLoad(b *testing.B) {
	for _, n := range []int{400, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			db, _ := openTest(b, nil)
			s := db.Processors()
			fill(b, s, n)
			r, err := processor.NewRegistry(s, kommuneA, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				snap, err := r.Load(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if snap.Len() != n {
					b.Fatalf("loaded %d processors", snap.Len())
				}
			}
		})
	}
}

// BenchmarkPutRows stores batches of 16 new check decisions with PutRows,
// as the tillidd server's evidence committer does under load: one
// transaction per batch. Figures are per batch.
func BenchmarkPutRows(b *testing.B) {
	db, _ := openTest(b, nil)
	s := db.Decisions().(*store[processor.DecisionID, processor.Decision, processor.DecisionFilter])
	ctx := context.Background()
	b.ReportAllocs()
	rows := make([]sqlmap.Row, 16)
	n := 0
	for b.Loop() {
		for i := range rows {
			d := processortest.Decision(n)
			n++
			d.ID = processor.DecisionID{UUID: uuid.Must(uuid.NewV7())}
			r, err := sqlmap.Decisions.Row(d)
			if err != nil {
				b.Fatal(err)
			}
			rows[i] = r
		}
		if err := s.PutRows(ctx, kommuneA, rows); err != nil {
			b.Fatal(err)
		}
	}
}
