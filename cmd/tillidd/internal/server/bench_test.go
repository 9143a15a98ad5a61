package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCheck is POST /v1/checks through the handler, without the
// network: decode, look-up, check, group-committed evidence, rendering.
func BenchmarkCheck(b *testing.B) {
	t := &testing.T{}
	// A rate far above what one process can serve: the default (20,000/s
	// per key) would answer 429 to a benchmark that outruns it.
	h := newHarnessOn(t, NewMemory(), nil, Config{Rate: 1e9})
	handler := h.s.Handler()
	key := "Bearer " + h.keys["a-check"]
	b.ReportAllocs()
	b.SetParallelism(32)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(checkBody))
			req.Header.Set("Authorization", key)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code, rec.Body.String())
			}
		}
	})
}

// BenchmarkCheckSQLite is BenchmarkCheck with the evidence kept in a
// SQLite file.
func BenchmarkCheckSQLite(b *testing.B) {
	t := &testing.T{}
	be, _ := sqliteBackends(t)
	h := newHarnessOn(t, be, nil, Config{Rate: 1e9})
	handler := h.s.Handler()
	key := "Bearer " + h.keys["a-check"]
	b.ReportAllocs()
	b.SetParallelism(32)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(checkBody))
			req.Header.Set("Authorization", key)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code, rec.Body.String())
			}
		}
	})
}
