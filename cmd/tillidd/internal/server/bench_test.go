package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tillid/tillid/internal/sqlmap"
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

// BenchmarkEncodeEvidence compares making a decision's evidence row by
// hand (batcher.encode: appendDecision with the findings' JSON from the
// cache) with encoding/json's reflection (sqlmap.Decisions.Row), for the
// demo's check with findings.
func BenchmarkEncodeEvidence(b *testing.B) {
	t := &testing.T{}
	be, _ := sqliteBackends(t)
	h := newHarnessOn(t, be, nil, Config{})
	d := sampleDecisions(t, h)[0]
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		p := &pending{ev: Evidence{Decision: d}}
		for b.Loop() {
			if err := h.s.batch.encode(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := sqlmap.Decisions.Row(d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
