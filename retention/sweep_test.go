package retention_test

import (
	"errors"
	"fmt"
	"iter"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// records yields the records of pool cyclically, n in all, without
// allocating.
func records(pool []retention.Record, n int) iter.Seq2[retention.Record, error] {
	return func(yield func(retention.Record, error) bool) {
		for i := 0; i < n; i++ {
			if !yield(pool[i%len(pool)], nil) {
				return
			}
		}
	}
}

// archive builds a pool of n records like a kommune's: Danish KLE cases and
// Norwegian Noark cases closed over twenty years (one in ten still open),
// accounting records, a few legal holds, precedent cases and unclassified
// cases.
func archive(n int) []retention.Record {
	kle := []string{"25.02.00", "00.01.00", "81.00.00", "02.00.01", "02.05.03", "27.00.00", "99.99.99"}
	facets := []string{"", "G01", "K01", ""}
	noark := []string{"233", "010", "F30", "000", "999"}
	base := time.Date(2005, 1, 1, 12, 0, 0, 0, time.UTC)
	pool := make([]retention.Record, n)
	for i := range pool {
		closed := compliance.DateOf(base.AddDate(0, 0, (i*7919)%7300))
		r := retention.Record{ID: fmt.Sprintf("%04d-%06d", 2005+i%20, i), Closed: closed}
		switch i % 10 {
		case 0, 1, 2, 3, 4:
			r.Jurisdiction, r.Class, r.Facet = compliance.DK, kle[i%len(kle)], facets[i%len(facets)]
		case 5, 6, 7:
			r.Jurisdiction, r.Class = compliance.NO, noark[i%len(noark)]
			r.Precedent = i%97 == 0
		case 8:
			r.Jurisdiction, r.Rule = compliance.DK, id(20)
			r.FinancialYearEnd = compliance.Date{Year: closed.Year, Month: time.December, Day: 31}
		case 9:
			r.Jurisdiction, r.Class = compliance.DK, kle[i%3]
			r.Closed = compliance.Date{} // open
		}
		r.Hold = i%101 == 0
		pool[i] = r
	}
	return pool
}

// TestSweep: the sweep yields one decision per record, in order, equal to
// Decide's, and counts them per disposition.
func TestSweep(t *testing.T) {
	s := compile(t, retention.Policy{})
	at := noon(compliance.DK, "2025-06-01")
	pool := archive(2000)
	var sum retention.Summary
	i := 0
	for d, err := range s.Sweep(records(pool, len(pool)), at, &sum) {
		require.NoError(t, err)
		want, err := s.Decide(pool[i], at)
		require.NoError(t, err)
		assert.Equal(t, want, d, "record %d", i)
		i++
	}
	assert.Equal(t, len(pool), i)
	assert.Equal(t, len(pool), sum.Records)
	assert.Equal(t, sum.Records, sum.Keep+sum.Delete+sum.Transfer+sum.Review)
	for _, disp := range []retention.Disposition{retention.Keep, retention.Delete, retention.Transfer, retention.Review} {
		assert.Positive(t, sum.Count(disp), "%s", disp)
	}
	assert.Positive(t, sum.Held)
	assert.Positive(t, sum.Precedent)
	assert.Positive(t, sum.NoRule)
	assert.Zero(t, sum.Invalid)
}

// TestSweepErrors: an invalid record is yielded with its error and the
// sweep goes on; an error of the source ends it.
func TestSweepErrors(t *testing.T) {
	s := compile(t, retention.Policy{})
	at := noon(compliance.DK, "2025-06-01")
	boom := errors.New("database gone")
	src := func(yield func(retention.Record, error) bool) {
		_ = yield(retention.Record{ID: "ok-1", Jurisdiction: compliance.DK, Class: "25.02.00"}, nil) &&
			yield(retention.Record{ID: "bad", Jurisdiction: compliance.DK, Class: "2.2"}, nil) &&
			yield(retention.Record{ID: "no-jurisdiction"}, nil) &&
			yield(retention.Record{ID: "ok-2", Jurisdiction: compliance.NO, Class: "233"}, nil) &&
			yield(retention.Record{}, boom) &&
			yield(retention.Record{ID: "never", Jurisdiction: compliance.DK}, nil)
	}
	var sum retention.Summary
	var got []string
	var errs []error
	for d, err := range s.Sweep(src, at, &sum) {
		got = append(got, d.Record)
		errs = append(errs, err)
	}
	assert.Equal(t, []string{"ok-1", "bad", "no-jurisdiction", "ok-2", ""}, got)
	require.Len(t, errs, 5)
	assert.NoError(t, errs[0])
	assert.ErrorIs(t, errs[1], compliance.ErrInvalid)
	assert.ErrorIs(t, errs[2], compliance.ErrInvalid)
	assert.NoError(t, errs[3])
	assert.ErrorIs(t, errs[4], boom)
	assert.Equal(t, 2, sum.Records)
	assert.Equal(t, 2, sum.Invalid)
}

// TestSweepEarlyBreak: the sweep stops when the loop stops.
func TestSweepEarlyBreak(t *testing.T) {
	s := compile(t, retention.Policy{})
	n := 0
	for range s.Sweep(records(archive(10), 1000), noon(compliance.DK, "2025-06-01"), nil) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
}

// TestSweepConstantAllocations: a sweep allocates nothing per record, only
// a copy per sweep of each reference slice its decisions cite (issue 14
// item 6), which depends on the rules, not the number of records. The
// garbage collector is paused
// while counting, so that its own bookkeeping is not counted.
func TestSweepConstantAllocations(t *testing.T) {
	s := compile(t, retention.Policy{KLEFromYearEnd: true})
	at := noon(compliance.DK, "2025-06-01")
	pool := archive(4096)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	count := func(n int) float64 {
		return testing.AllocsPerRun(3, func() {
			var sum retention.Summary
			for _, err := range s.Sweep(records(pool, n), at, &sum) {
				if err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	small, large := count(100), count(20_000)
	assert.LessOrEqual(t, large, small+10, "allocations for 100 and 20000 records")
	assert.LessOrEqual(t, large, 100.0, "a sweep's set-up")
}

// BenchmarkSweep sweeps 1,000,000 records of a mixed Danish and Norwegian
// archive. ns/op and allocs/op are per sweep; ns/record and records/s are
// derived from the wall-clock time, cpu-ns/record from the CPU time the
// process used (which a busy machine does not inflate). Measure with
// -cpu 1.
func BenchmarkSweep(b *testing.B) {
	const n = 1_000_000
	s := compile(b, retention.Policy{})
	at := noon(compliance.DK, "2025-06-01")
	pool := archive(1 << 16)
	b.ReportAllocs()
	start := time.Now()
	cpu0, cpuOK := cpuTime()
	sweeps := 0
	for b.Loop() {
		var sum retention.Summary
		for _, err := range s.Sweep(records(pool, n), at, &sum) {
			if err != nil {
				b.Fatal(err)
			}
		}
		if sum.Records != n {
			b.Fatalf("decided %d records", sum.Records)
		}
		sweeps++
	}
	elapsed := time.Since(start)
	perRecord := float64(elapsed.Nanoseconds()) / float64(sweeps*n)
	b.ReportMetric(perRecord, "ns/record")
	b.ReportMetric(1e9/perRecord, "records/s")
	if cpu1, ok := cpuTime(); ok && cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(sweeps*n), "cpu-ns/record")
	}
}

// BenchmarkDecide decides one record at a time, without the sweep's cache.
func BenchmarkDecide(b *testing.B) {
	s := compile(b, retention.Policy{})
	at := noon(compliance.DK, "2025-06-01")
	pool := archive(1 << 12)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Decide(pool[i%len(pool)], at); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
