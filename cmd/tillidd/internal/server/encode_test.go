package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
)

// appendResult writes, byte for byte, what encoding/json writes for the
// check answer (marshalResult), for the decisions the demo's checks give
// and for values that exercise every branch: omitted and present optional
// fields, text encoding/json escapes (<, >, &, quotes, control characters,
// invalid UTF-8, U+2028), Danish letters, every outcome, sets empty and
// full, and instants in other zones and with fractions.
func TestAppendResultMatchesJSON(t *testing.T) {
	h := newHarness(t)
	ds := sampleDecisions(t, h)
	s, p := h.s, h.s.printers["da"]
	for i := range ds {
		d := &ds[i]
		c := &call{p: p}
		raw := s.findings.render(p, d.Findings)
		got, ok := appendResult(nil, d, raw)
		if !ok {
			t.Fatalf("decision %d: appendResult gave up", i)
		}
		want, ok := s.marshalResult(nil, c, d)
		if !ok {
			t.Fatalf("decision %d: encoding/json failed", i)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("decision %d:\n got %s\nwant %s", i, got, want)
		}
	}
	// What encoding/json refuses is left to it (a 500), not written.
	refusesUnencodable(t, ds[0], "appendResult", func(d *processor.Decision) bool {
		_, ok := appendResult(nil, d, nil)
		return ok
	})
}

// refusesUnencodable checks that the encoder enc gives up (returns false)
// on what encoding/json refuses: an instant in year 10000 and an invalid
// outcome.
func refusesUnencodable(t *testing.T, base processor.Decision, name string, enc func(*processor.Decision) bool) {
	t.Helper()
	for _, tt := range []struct {
		what   string
		change func(*processor.Decision)
	}{
		{"year 10000", func(d *processor.Decision) { d.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"invalid outcome", func(d *processor.Decision) { d.Outcome = 0 }},
	} {
		d := base
		tt.change(&d)
		if enc(&d) {
			t.Errorf("%s: %s wrote what encoding/json refuses", tt.what, name)
		}
	}
}

func mustID(t *testing.T, loc string) processor.DecisionID {
	t.Helper()
	var id processor.DecisionID
	if err := id.UnmarshalText([]byte(strings.TrimPrefix(loc, "/v1/checks/"))); err != nil {
		t.Fatal(err)
	}
	return id
}

// appendString writes any string as encoding/json does.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "sagsbehandling", "Æbleø & <x>", "\xff", "\u2028", "a\"b\\c\x00", "🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

// sampleDecisions returns the decisions the demo's checks give, stored
// and read back, and variants of the first that exercise every branch of
// the hand-written encoders.
func sampleDecisions(t *testing.T, h *harness) []processor.Decision {
	t.Helper()
	var ds []processor.Decision
	for _, body := range []string{
		checkBody,
		`{"processor":{"id":"` + jobcenterIT + `"},"data":["identity"],"subjects":["citizens"],"purpose":"beskæftigelsesindsats","operations":["storage"]}`,
		`{"processor":{"orgnr":"974760673"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`,
		`{"processor":{"id":"` + sagssystemer + `"}}`,
	} {
		r := h.do("POST", "/v1/checks", "a-check", body, "Accept-Language", "en")
		if r.Code != http.StatusOK {
			t.Fatalf("status %d: %s", r.Code, r.Body)
		}
		d, err := h.be.Decisions().Get(context.Background(), demo.ControllerID(), mustID(t, r.Header.Get("Location")))
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	texts := []string{"", "sagsbehandling", "Sagssystemer A/S", "Æbleø & <Ørsted> \"q\" \\ /", "tab\there\nnewline\x01",
		"bad \xff utf-8", "a<b", "c>d", "e&f", "quote\"", "back\\slash", "line\u2028sep\u2029", "日本語", "emoji 🙂"}
	zones := []*time.Location{time.UTC, time.FixedZone("CET", 3600), time.FixedZone("odd", -(3*3600 + 30*60))}
	var all processor.Operations
	for o := range processor.AllOperations() {
		all = all.With(o)
	}
	base := ds[0]
	for i, s := range texts {
		d := base
		d.Name, d.Policy, d.RuleSet, d.Request.Purpose = s, texts[(i+1)%len(texts)], texts[(i+2)%len(texts)], texts[(i+3)%len(texts)]
		d.Outcome = processor.Outcome(i%3 + 1)
		d.At = time.Date(2025, 1, 10, 10, 0, i, i*1000, zones[i%len(zones)])
		if i%2 == 0 {
			d.Agreement, d.Audit = processor.AgreementID{}, processor.AuditID{}
			d.Request.Operations = all
			d.Request.Data, d.Request.Subjects = 0, 0
		} else {
			d.Agreement = processor.AgreementID{UUID: uuid.New()}
			d.Audit = processor.AuditID{UUID: uuid.New()}
			d.Request.Operations = 0
		}
		if i%3 == 0 {
			d.ID, d.Processor, d.Request.Processor = processor.DecisionID{}, compliance.ProcessorID{}, compliance.ProcessorID{}
		}
		ds = append(ds, d)
	}
	return ds
}

// appendDecision writes, byte for byte, what encoding/json writes for a
// decision kept as evidence (sqlmap.Decisions.Encode), and encode's row is
// the one sqlmap.Decisions.Row makes: for the demo's decisions and the
// variants of sampleDecisions, without findings, with findings whose
// references are absent, null or [], and with arguments of every kind.
func TestAppendDecisionMatchesJSON(t *testing.T) {
	be, _ := sqliteBackends(t)
	h := newHarnessOn(t, be, nil, Config{})
	if h.s.batch.rp == nil {
		t.Fatal("the SQLite store has no PutRows: encode would make no row")
	}
	ds := sampleDecisions(t, h)
	base := ds[0]
	if len(base.Findings) == 0 {
		t.Fatal("the demo's first check gave no findings: the test would not exercise them")
	}
	none := base
	none.Findings = nil
	ds = append(ds, none)
	var decoded compliance.Refs
	if err := json.Unmarshal([]byte("[]"), &decoded); err != nil {
		t.Fatal(err)
	}
	for _, refs := range []compliance.Refs{{}, decoded} {
		d := base
		d.Findings = append([]compliance.Finding{{Code: "processor.test", Severity: compliance.Warning, Refs: refs, Subject: "x<y>&z"}}, base.Findings...)
		ds = append(ds, d)
	}
	args := base
	ref := compliance.GDPR(28, 3, "")
	args.Findings = []compliance.Finding{{Code: "processor.test", Severity: compliance.Violation, Args: []compliance.Arg{
		compliance.Text("Æbleø & <Ørsted> \"q\" \xff"),
		compliance.DateArg(compliance.Date{Year: 2025, Month: 2, Day: 28}),
		{Kind: compliance.ArgTime, Time: time.Date(2025, 3, 30, 1, 59, 59, 123456789, time.FixedZone("CET", 3600))},
		{Kind: compliance.ArgInt, Int: -42},
		{Kind: compliance.ArgRef, Ref: &ref},
	}}}
	ds = append(ds, args)
	s := h.s
	for i := range ds {
		d := &ds[i]
		want, err := sqlmap.Decisions.Encode(*d)
		if err != nil {
			t.Fatalf("decision %d: encoding/json: %v", i, err)
		}
		got, ok := appendDecision(nil, d, s.findings.evidence(d.Findings))
		if !ok {
			t.Fatalf("decision %d: appendDecision gave up", i)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("decision %d:\n got %s\nwant %s", i, got, want)
		}
		// Twice: the second time the findings' JSON comes from the cache.
		p := &pending{ev: Evidence{Decision: *d}}
		for range 2 {
			if err := s.batch.encode(p); err != nil {
				t.Fatalf("decision %d: encode: %v", i, err)
			}
			wantRow, err := sqlmap.Decisions.Row(*d)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.row, wantRow) {
				t.Errorf("decision %d: encode's row\n %+v\nwant\n %+v", i, p.row, wantRow)
			}
		}
	}
	refusesUnencodable(t, ds[0], "appendDecision", func(d *processor.Decision) bool {
		_, ok := appendDecision(nil, d, nil)
		return ok
	})
}

// A finding whose JSON does not marshal (an invalid reference) is not
// written by hand: encode leaves the decision to encoding/json and reports
// its error, and nothing is cached.
func TestEncodeDecisionError(t *testing.T) {
	be, _ := sqliteBackends(t)
	h := newHarnessOn(t, be, nil, Config{})
	d := sampleDecisions(t, h)[0]
	bad := compliance.Ref{Instrument: compliance.GDPRRegulation, Paragraph: 1} // a paragraph of no article: no text form
	d.Findings = []compliance.Finding{{Code: "processor.test", Severity: compliance.Warning, Refs: compliance.RefsOf(bad)}}
	if _, err := sqlmap.Decisions.Encode(d); err == nil {
		t.Fatal("the invalid reference marshals: the test would not exercise the error")
	}
	if raw := h.s.findings.evidence(d.Findings); raw != nil {
		t.Errorf("evidence of an invalid finding: %s", raw)
	}
	if err := h.s.batch.encode(&pending{ev: Evidence{Decision: d}}); err == nil {
		t.Error("encode: no error for a decision that does not marshal")
	}
}
