package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
)

// FuzzCheck posts arbitrary bodies: the answer is a decision (200) or a
// problem (4xx), never a server error, and a problem never quotes the
// body.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{checkBody, `{}`, `{"processor":{"kitos":"x"}}`, `{"processor":{"id":"` + sagssystemer + `"},"at":"2026-13-01T00:00:00Z"}`, `[`, `{"data":["health","health"]}`} {
		f.Add(s)
	}
	h := newHarness(&testing.T{})
	key := "Bearer " + h.keys["a-check"]
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(body))
		req.Header.Set("Authorization", key)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.s.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%d for %q: %s", rec.Code, body, rec.Body)
		}
		if rec.Code != http.StatusOK && len(body) >= 8 && strings.Contains(rec.Body.String(), body) {
			t.Fatalf("the problem quotes the body: %s", rec.Body)
		}
	})
}

// FuzzAuthenticate: no string but the key itself authenticates.
func FuzzAuthenticate(f *testing.F) {
	kr := NewKeyring()
	kr.AddController(Controller{ID: kommuneB, Name: "B"})
	key, err := kr.AddKey(kommuneB, RoleRead)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(key)
	f.Add("tk_" + key[3:15] + "_")
	f.Add("tk__")
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := kr.Authenticate(s); ok != (s == key) {
			t.Fatalf("Authenticate(%q) = %v", s, ok)
		}
	})
}

// appendDecision, with the findings' JSON from a cache, writes what
// encoding/json writes for any decision, or leaves it to encoding/json.
func FuzzAppendDecision(f *testing.F) {
	f.Add("Sagssystemer A/S", "sagsbehandling", "2025-01", "Æbleø & <x>", uint8(1), int64(1736503200), int32(0), uint16(3), uint8(7), true)
	f.Add("", "", "", "\xff\u2028", uint8(0), int64(-62135596800), int32(-3600), uint16(0), uint8(0), false)
	f.Add("a\"b", "x", "v", "tab\t", uint8(3), int64(253402300800), int32(19800), uint16(0xffff), uint8(0xff), true)
	c := &findingsCache{}
	f.Fuzz(func(t *testing.T, name, purpose, policy, text string, outcome uint8, sec int64, offset int32, sets uint16, ops uint8, withFindings bool) {
		d := processor.Decision{
			ID:               processor.DecisionID{UUID: uuid.UUID{1, 2, 3}},
			Outcome:          processor.Outcome(outcome % 5),
			Processor:        compliance.ProcessorID{UUID: uuid.UUID{4}},
			Name:             name,
			ProcessorVersion: uint64(sets),
			At:               time.Unix(sec, int64(offset)).In(time.FixedZone("z", int(offset%86400))),
			RuleSet:          "tillid-processor/1",
			Policy:           policy,
			Request: processor.Request{Processor: compliance.ProcessorID{UUID: uuid.UUID{4}}, Purpose: purpose,
				Data: compliance.DataCategories(sets), Subjects: compliance.SubjectCategories(sets >> 4), Operations: processor.Operations(ops)},
		}
		if withFindings {
			d.Findings = []compliance.Finding{{Code: "processor.test", Severity: compliance.Warning, Subject: text,
				Refs: compliance.RefsOf(compliance.GDPR(28, 3, "a")), Args: []compliance.Arg{compliance.Text(text), compliance.Int(len(text))}}}
		}
		want, err := sqlmap.Decisions.Encode(d)
		got, ok := appendDecision(nil, &d, c.evidence(d.Findings))
		switch {
		case err != nil && ok:
			t.Fatalf("encoding/json refuses (%v), appendDecision wrote %s", err, got)
		case err == nil && ok && !bytes.Equal(got, want):
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}
