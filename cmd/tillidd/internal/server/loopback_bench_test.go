package server

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/load"
)

// BenchmarkLoopback serves checks over loopback TCP to the load
// generator's 64 keep-alive clients, for profiling the whole path; the
// figure it reports is checks per second.
func BenchmarkLoopback(b *testing.B) {
	for _, name := range []string{"memory", "sqlite"} {
		b.Run(name, func(b *testing.B) {
			t := &testing.T{}
			var be Backend = NewMemory()
			if name == "sqlite" {
				be, _ = sqliteBackends(t)
			}
			cfg := Config{}
			if v, err := time.ParseDuration(os.Getenv("TILLID_BENCH_LINGER")); err == nil {
				cfg.Linger = v
			}
			h := newHarnessOn(t, be, nil, cfg)
			ts := httptest.NewServer(h.s.Handler())
			defer ts.Close()
			b.ResetTimer()
			r, err := load.Run(context.Background(), load.Config{URL: ts.URL, Key: h.keys["a-check"], Clients: 64, Duration: 3 * time.Second, Max: max(b.N, 1)})
			if err != nil || r.Errors > 0 {
				b.Fatal(r, err)
			}
			b.ReportMetric(r.PerSecond(), "checks/s")
			b.ReportMetric(float64(r.P99.Microseconds()), "p99-µs")
			if n := h.s.metrics.batches.Load(); n > 0 {
				b.ReportMetric(float64(h.s.metrics.batched.Load())/float64(n), "checks/commit")
			}
		})
	}
}
