package server

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture reads a JSON document of the library's test data (relative to
// the repository root) and drops the fields a new record must not carry.
func fixture(t *testing.T, path string, pick func(any) any, drop ...string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", path))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if pick != nil {
		v = pick(v)
	}
	m := v.(map[string]any)
	for _, d := range drop {
		delete(m, d)
	}
	return m
}

type resource struct {
	name   string
	path   string
	create func(t *testing.T) map[string]any
	bad    string // an invalid create body
	// badSchema reports that openapi.json refuses bad too; the others
	// break rules only the server knows.
	badSchema bool
	change    func(m map[string]any) // an update
	extra     func(t *testing.T, h *harness, id string)
}

func resources() []resource {
	return []resource{
		{
			name: "processors", path: "/v1/processors",
			create: func(t *testing.T) map[string]any {
				return map[string]any{"name": "Testleverandør ApS", "cvr": "13748136", "country": "DK", "service": "ESDH"}
			},
			bad:    `{"name":"","country":"XX"}`,
			change: func(m map[string]any) { m["service"] = "ESDH og arkiv" },
			extra: func(t *testing.T, h *harness, id string) {
				etag := h.do("GET", "/v1/processors/"+id, "a-read", nil).Header.Get("ETag")
				agreement := `{"reference":"2026-1","template":"dk-standard","signed":"2026-01-15","from":"2026-02-01","clauses":["subject-matter"],"data":["identity"],"subjects":["citizens"],"purposes":["sagsbehandling"],"transfers":"none","subProcessing":{"kind":"specific"}}`
				r := h.do("POST", "/v1/processors/"+id+"/agreements", "a-write", agreement, "If-Match", etag)
				if r.Code != 200 {
					t.Fatalf("agreement: %d %s", r.Code, r.Body)
				}
				if r2 := h.do("POST", "/v1/processors/"+id+"/agreements", "a-write", agreement, "If-Match", etag); r2.Code != 412 {
					t.Errorf("agreement with a stale ETag: %d", r2.Code)
				}
				if r2 := h.doInvalid("POST", "/v1/processors/"+id+"/agreements", "a-write", agreement); r2.Code != 428 {
					t.Errorf("agreement without If-Match: %d", r2.Code)
				}
				etag = r.Header.Get("ETag")
				r = h.do("POST", "/v1/processors/"+id+"/audits", "a-write", `{"type":"isae-3000-type-2","from":"2025-01-01","to":"2025-12-31","issued":"2026-03-01","opinion":"unqualified"}`, "If-Match", etag)
				if r.Code != 200 {
					t.Errorf("audit: %d %s", r.Code, r.Body)
				} else {
					etag = r.Header.Get("ETag")
				}
				r = h.do("POST", "/v1/processors/"+id+"/sub-processors", "a-write", `{"name":"Nordisk Datacenter A/S","address":"Datavej 1, 8200 Aarhus N","contact":"sikkerhed@nordiskdatacenter.example","country":"DK","service":"hosting","approved":"2026-01-15","flowDown":true}`, "If-Match", etag)
				if r.Code != 200 {
					t.Errorf("sub-processor: %d %s", r.Code, r.Body)
				}
				if r := h.doInvalid("POST", "/v1/processors/"+id+"/audits", "a-write", `{"type":"nonsense"}`, "If-Match", r.Header.Get("ETag")); r.Code != 422 {
					t.Errorf("bad audit: %d", r.Code)
				}
				if r := h.do("GET", "/v1/processors/overview", "a-read", nil); r.Code != 200 {
					t.Errorf("overview: %d", r.Code)
				}
			},
		},
		{
			name: "breaches", path: "/v1/breaches",
			create: func(t *testing.T) map[string]any {
				return fixture(t, "breach/testdata/breach.json", nil, "id", "version", "registered")
			},
			bad: `{"nature":["nonsense"]}`, badSchema: true,
			change: func(m map[string]any) { m["reference"] = "24/01235" },
			extra: func(t *testing.T, h *harness, id string) {
				r := h.do("GET", "/v1/breaches/"+id+"/assessment", "a-read", nil, "Accept-Language", "nb")
				if r.Code != 200 || !strings.Contains(string(r.Body), `"text"`) {
					t.Errorf("assessment: %d %s", r.Code, r.Body)
				}
				r = h.do("POST", "/v1/breaches/"+id+"/notices", "a-read", `{"name":"Databeskyttelsesrådgiveren","dpo":true,"email":"dpo@eksempel.dk"}`)
				if r.Code != 200 || !strings.Contains(string(r.Body), "Datatilsynet") {
					t.Errorf("notices: %d %s", r.Code, r.Body)
				}
				if r := h.doInvalid("POST", "/v1/breaches/"+id+"/notices", "a-read", `{"name":1}`); r.Code != 422 {
					t.Errorf("bad contact: %d", r.Code)
				}
				if r := h.do("GET", "/v1/breaches/statistics?year=2024", "a-read", nil); r.Code != 200 || !strings.Contains(string(r.Body), `"registered":`) {
					t.Errorf("statistics: %d %s", r.Code, r.Body)
				}
				if r := h.doInvalid("GET", "/v1/breaches/statistics?year=abc", "a-read", nil); r.Code != 422 {
					t.Errorf("statistics of a bad year: %d", r.Code)
				}
			},
		},
		{
			name: "activities", path: "/v1/activities",
			create: func(t *testing.T) map[string]any {
				return fixture(t, "compliance/record/testdata/records/register.json", func(v any) any {
					return v.(map[string]any)["activities"].([]any)[0]
				}, "id", "version", "created", "updated", "status", "approved", "reviewed")
			},
			bad: `{"role":"nonsense"}`, badSchema: true,
			change: func(m map[string]any) { m["name"] = "Skoleplatformen" },
			extra: func(t *testing.T, h *harness, id string) {
				r := h.do("GET", "/v1/activities/"+id+"/assessment", "a-read", nil)
				if r.Code != 200 || !strings.Contains(string(r.Body), `"findings"`) {
					t.Errorf("assessment: %d %s", r.Code, r.Body)
				}
				for _, f := range []string{"", "?format=json", "?format=csv", "?format=markdown"} {
					if r := h.do("GET", "/v1/activities/export"+f, "a-read", nil); r.Code != 200 || !strings.Contains(string(r.Body), "Skoleplatform") {
						t.Errorf("export %s: %d %s", f, r.Code, r.Body)
					}
				}
				if r := h.doInvalid("GET", "/v1/activities/export?format=pdf", "a-read", nil); r.Code != 422 {
					t.Errorf("export pdf: %d", r.Code)
				}
			},
		},
		{
			name: "requests", path: "/v1/requests",
			create: func(t *testing.T) map[string]any {
				return map[string]any{"kind": "access", "received": "2026-04-20T10:00:00+02:00", "channel": "digital-post", "status": "received"}
			},
			bad: `{"kind":"nonsense"}`, badSchema: true,
			change: func(m map[string]any) { m["status"] = "in-progress" },
			extra: func(t *testing.T, h *harness, id string) {
				r := h.do("GET", "/v1/requests/"+id+"/assessment", "a-read", nil)
				if r.Code != 200 {
					t.Errorf("assessment: %d %s", r.Code, r.Body)
				}
			},
		},
		{
			name: "dpias", path: "/v1/dpias",
			create: func(t *testing.T) map[string]any {
				return fixture(t, "dpia/testdata/assessment.json", nil, "id", "version", "signOff", "editions", "pending", "created", "updated")
			},
			bad: `{"jurisdiction":"xx"}`, badSchema: true,
			change: func(m map[string]any) { m["title"] = "Fallsensor i hjemmetjenesten (2)" },
			extra: func(t *testing.T, h *harness, id string) {
				if r := h.do("GET", "/v1/dpias/"+id+"/report", "a-read", nil); r.Code != 200 {
					t.Errorf("report: %d %s", r.Code, r.Body)
				}
				in := fixture(t, "dpia/testdata/input.json", nil)
				if r := h.do("POST", "/v1/dpia-screenings", "a-read", in, "Accept-Language", "nn"); r.Code != 200 || !strings.Contains(string(r.Body), `"findings"`) {
					t.Errorf("screening: %d %s", r.Code, r.Body)
				}
				if r := h.doInvalid("POST", "/v1/dpia-screenings", "a-read", `{"criteria":["nonsense"]}`); r.Code != 422 {
					t.Errorf("bad screening: %d %s", r.Code, r.Body)
				}
			},
		},
		{
			name: "retention rules", path: "/v1/retention/rules",
			create: func(t *testing.T) map[string]any {
				return map[string]any{"jurisdiction": "dk", "scheme": "kle", "class": "25.02.00", "bevaring": "k5", "title": "Ejendomsbeskatning i almindelighed"}
			},
			bad:    `{"jurisdiction":"dk","scheme":"kle","class":"x"}`,
			change: func(m map[string]any) { m["title"] = "Ejendomsbeskatning" },
			extra: func(t *testing.T, h *harness, id string) {
				r := h.do("POST", "/v1/retention/decisions", "a-read", `{"id":"2019-000101","jurisdiction":"dk","class":"25.02.00","facet":"G01","closed":"2019-03-15"}`)
				if r.Code != 200 {
					t.Errorf("decision: %d %s", r.Code, r.Body)
				}
				if r := h.doInvalid("POST", "/v1/retention/decisions", "a-read", `{"id":""}`); r.Code != 422 {
					t.Errorf("bad record: %d %s", r.Code, r.Body)
				}
			},
		},
	}
}

func count(t *testing.T, h *harness, path, key string) int {
	t.Helper()
	r := h.do("GET", path, key, nil)
	if r.Code != 200 {
		t.Fatalf("list %s: %d %s", path, r.Code, r.Body)
	}
	return len(r.json(t)["items"].([]any))
}

// Every register: create, read, update under If-Match, bad input, and
// another kommune's keys.
func TestRegisters(t *testing.T) {
	for _, rs := range resources() {
		t.Run(rs.name, func(t *testing.T) {
			h := newHarness(t)
			n := count(t, h, rs.path, "a-read")
			sendBad := h.do
			if rs.badSchema {
				sendBad = h.doInvalid
			}
			if r := sendBad("POST", rs.path, "a-write", rs.bad); r.Code != 422 || !strings.Contains(string(r.Body), `"errors"`) {
				t.Errorf("bad create: %d %s", r.Code, r.Body)
			}
			if count(t, h, rs.path, "a-read") != n {
				t.Fatalf("bad input was stored")
			}
			r := h.do("POST", rs.path, "a-write", rs.create(t))
			if r.Code != http.StatusCreated {
				t.Fatalf("create: %d %s", r.Code, r.Body)
			}
			m := r.json(t)
			id := m["id"].(string)
			if r.Header.Get("ETag") != `"1"` || r.Header.Get("Location") != rs.path+"/"+id {
				t.Errorf("create: ETag %q Location %q", r.Header.Get("ETag"), r.Header.Get("Location"))
			}
			if count(t, h, rs.path, "a-read") != n+1 {
				t.Errorf("list does not hold the new record")
			}
			got := h.do("GET", rs.path+"/"+id, "a-read", nil)
			if got.Code != 200 || got.Header.Get("ETag") != `"1"` {
				t.Fatalf("get: %d %q", got.Code, got.Header.Get("ETag"))
			}
			upd := got.json(t)
			rs.change(upd)
			if r := h.doInvalid("PUT", rs.path+"/"+id, "a-write", upd); r.Code != 428 {
				t.Errorf("update without If-Match: %d", r.Code)
			}
			if r := h.do("PUT", rs.path+"/"+id, "a-write", upd, "If-Match", `"7"`); r.Code != 412 {
				t.Errorf("update with a wrong version: %d %s", r.Code, r.Body)
			}
			if r := h.do("PUT", rs.path+"/"+id, "a-write", upd, "If-Match", `"x"`); r.Code != 412 {
				t.Errorf("update with a malformed ETag: %d", r.Code)
			}
			if r := sendBad("PUT", rs.path+"/"+id, "a-write", rs.bad, "If-Match", `"1"`); r.Code != 422 {
				t.Errorf("update with bad input: %d %s", r.Code, r.Body)
			}
			r = h.do("PUT", rs.path+"/"+id, "a-write", upd, "If-Match", `"1"`)
			if r.Code != 200 || r.Header.Get("ETag") != `"2"` {
				t.Fatalf("update: %d %q %s", r.Code, r.Header.Get("ETag"), r.Body)
			}
			if r := h.do("PUT", rs.path+"/"+id, "a-write", upd, "If-Match", `"1"`); r.Code != 412 {
				t.Errorf("a second update from the same version: %d", r.Code)
			}
			if r := h.do("PUT", rs.path+"/"+id, "a-read", upd, "If-Match", `"2"`); r.Code != 403 {
				t.Errorf("update with a read key: %d", r.Code)
			}
			if r := h.doInvalid("GET", rs.path+"/not-an-id", "a-read", nil); r.Code != 404 {
				t.Errorf("get a malformed id: %d", r.Code)
			}
			// Another kommune sees nothing and changes nothing.
			if r := h.do("GET", rs.path+"/"+id, "b-write", nil); r.Code != 404 {
				t.Errorf("kommune B read A's record: %d", r.Code)
			}
			if r := h.do("PUT", rs.path+"/"+id, "b-write", upd, "If-Match", `"2"`); r.Code != 404 && r.Code != 412 {
				t.Errorf("kommune B updated A's record: %d %s", r.Code, r.Body)
			}
			if count(t, h, rs.path, "b-read") != 0 {
				t.Errorf("kommune B lists A's records")
			}
			if got := h.do("GET", rs.path+"/"+id, "a-read", nil); got.Header.Get("ETag") != `"2"` {
				t.Errorf("A's record changed by B: ETag %s", got.Header.Get("ETag"))
			}
			rs.extra(t, h, id)
		})
	}
}
