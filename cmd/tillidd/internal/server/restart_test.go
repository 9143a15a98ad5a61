package server

import (
	"encoding/json"
	"testing"
)

// A server stopped and started again on the same store gives the same
// decisions, and reads back the decisions kept before. (The process-level
// test in package main does the same with the binary on a database file.)
func TestRestartSameStore(t *testing.T) {
	h1 := newHarness(t)
	bodies := []string{
		checkBody,
		`{"processor":{"id":"` + jobcenterIT + `"},"data":["identity"],"subjects":["citizens"],"purpose":"beskæftigelsesindsats"}`,
		`{"processor":{"id":"00000000-0000-7000-8000-0000000000a3"},"data":["health"],"subjects":["patients"],"purpose":"sagsbehandling"}`,
		`{"processor":{"id":"00000000-0000-7000-8000-0000000000a4"},"data":["identity"],"subjects":["citizens"],"purpose":"selvbetjening"}`,
		`{"processor":{"id":"00000000-0000-7000-8000-0000000000a5"},"data":["identity"],"subjects":["employees"],"purpose":"lønudbetaling"}`,
	}
	// A change before the restart, so that the restarted server must read
	// version 2, not the seed.
	got := h1.do("GET", "/v1/processors/"+sagssystemer, "a-write", nil)
	p := got.json(t)
	p["service"] = "ESDH, sagsarkiv"
	if r := h1.do("PUT", "/v1/processors/"+sagssystemer, "a-write", p, "If-Match", got.Header.Get("ETag")); r.Code != 200 {
		t.Fatalf("update: %d %s", r.Code, r.Body)
	}
	type answer struct {
		id string
		m  map[string]any
	}
	var before []answer
	for _, b := range bodies {
		r := h1.do("POST", "/v1/checks", "a-check", b, "Accept-Language", "nn")
		m := r.json(t)
		before = append(before, answer{m["id"].(string), m})
	}
	h1.s.Close()

	h2 := newHarnessOn(t, h1.be, h1, Config{})
	for i, b := range bodies {
		m := h2.do("POST", "/v1/checks", "a-check", b, "Accept-Language", "nn").json(t)
		for _, k := range []string{"outcome", "processor", "processorVersion", "agreement", "audit", "findings", "request", "ruleSet"} {
			x, _ := json.Marshal(m[k])
			y, _ := json.Marshal(before[i].m[k])
			if string(x) != string(y) {
				t.Errorf("check %d after the restart: %s = %s, was %s", i, k, x, y)
			}
		}
		old := h2.do("GET", "/v1/checks/"+before[i].id, "a-check", nil, "Accept-Language", "nn").json(t)
		if old["outcome"] != before[i].m["outcome"] || old["id"] != before[i].id {
			t.Errorf("decision %d read back after the restart: %v", i, old)
		}
	}
}
