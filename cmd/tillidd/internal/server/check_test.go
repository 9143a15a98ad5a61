package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
)

const (
	sagssystemer = "00000000-0000-7000-8000-0000000000a1" // compliant ESDH supplier (demo)
	jobcenterIT  = "00000000-0000-7000-8000-0000000000a2" // no agreement (demo)
)

// A check of the esdh example's compliant supplier, by CVR.
var checkBody = `{"processor":{"cvr":"13748136"},"data":["identity","national-id","case-data","social-issues"],"subjects":["citizens","children"],"purpose":"sagsbehandling"}`

func (h *harness) evidenceCount() int {
	n := 0
	for _, c := range []compliance.ControllerID{demo.ControllerID(), kommuneB} {
		for _, err := range h.be.Decisions().List(context.Background(), c, processor.DecisionFilter{}) {
			if err != nil {
				h.t.Fatal(err)
			}
			n++
		}
	}
	return n
}

// The check answers 200 with the decision for every processor key, and
// the decision read back is the one answered (Art 5(2): the evidence).
func TestCheckByEveryKey(t *testing.T) {
	h := newHarness(t)
	cases := []struct {
		name, body, outcome string
	}{
		{"cvr, the esdh example's compliant supplier", checkBody, ""},
		{"id", strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"id":"`+sagssystemer+`"}`, 1), ""},
		{"no agreement: Art 28(3) deny", `{"processor":{"id":"` + jobcenterIT + `"},"data":["identity"],"subjects":["citizens"],"purpose":"beskæftigelsesindsats"}`, "deny"},
		{"unknown orgnr: deny", `{"processor":{"orgnr":"974760673"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, "deny"},
		{"KITOS UUID not in the register: deny", `{"processor":{"kitos":"4b0c07a4-5e7e-4e9b-9d5b-0d3c6b7e5a11"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, "deny"},
		{"incomplete request: deny, not an error", `{"processor":{"id":"` + sagssystemer + `"}}`, "deny"},
		{"with an instant", strings.TrimSuffix(checkBody, `}`) + `,"at":"2025-01-10T10:00:00+01:00"}`, ""},
	}
	first := ""
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := h.evidenceCount()
			r := h.do("POST", "/v1/checks", "a-check", c.body, "Accept-Language", "en")
			if r.Code != http.StatusOK {
				t.Fatalf("status %d: %s", r.Code, r.Body)
			}
			m := r.json(t)
			if c.outcome != "" && m["outcome"] != c.outcome {
				t.Errorf("outcome %v, want %s", m["outcome"], c.outcome)
			}
			if c.outcome == "" && m["allowed"] != true {
				t.Errorf("the compliant supplier is not allowed: %s", r.Body)
			}
			if h.evidenceCount() != n+1 {
				t.Errorf("evidence: %d records, want %d", h.evidenceCount(), n+1)
			}
			for _, f := range m["findings"].([]any) {
				f := f.(map[string]any)
				if f["text"] == "" || len(f["refs"].([]any)) == 0 || f["severity"] == "" {
					t.Errorf("finding without text, refs or severity: %v", f)
				}
			}
			id := m["id"].(string)
			if first == "" {
				first = id
			}
			back := h.do("GET", "/v1/checks/"+id, "a-check", nil, "Accept-Language", "en")
			if back.Code != http.StatusOK || string(back.Body) != string(r.Body) {
				t.Errorf("read back %d:\n%s\nwant\n%s", back.Code, back.Body, r.Body)
			}
			if loc := r.Header.Get("Location"); loc != "/v1/checks/"+id {
				t.Errorf("Location %q", loc)
			}
		})
	}
	// The texts follow Accept-Language.
	da := h.do("POST", "/v1/checks", "a-check", `{"processor":{"id":"`+jobcenterIT+`"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, "Accept-Language", "da")
	en := h.do("POST", "/v1/checks", "a-check", `{"processor":{"id":"`+jobcenterIT+`"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, "Accept-Language", "en-GB,en;q=0.9")
	if !strings.Contains(string(da.Body), "databehandleraftale") || !strings.Contains(string(en.Body), "processing agreement") {
		t.Errorf("texts not in the asked language:\nda %s\nen %s", da.Body, en.Body)
	}
}

// Bad input is a problem naming the field, never echoing the input, and
// nothing is stored.
func TestCheckBadInput(t *testing.T) {
	h := newHarness(t)
	const secret = "0101901234" // looks like a CPR number: must never come back
	cases := []struct {
		name, body string
		hdr        []string
		code       int
		field      string
		schema     bool // openapi.json refuses it too
	}{
		{"not JSON", `{"processor":`, nil, 422, "", true},
		{"unknown field", `{"processor":{"id":"` + sagssystemer + `"},"cpr":"` + secret + `"}`, nil, 422, "", true},
		{"two processor keys", `{"processor":{"id":"` + sagssystemer + `","cvr":"13748136"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, nil, 422, "processor", true},
		{"no processor", `{"data":["identity"],"subjects":["citizens"],"purpose":"x"}`, nil, 422, "processor", true},
		{"bad CVR", `{"processor":{"cvr":"` + secret + `"}}`, nil, 422, "processor.cvr", true},
		{"unknown category", `{"processor":{"id":"` + sagssystemer + `"},"data":["` + secret + `"],"subjects":["citizens"],"purpose":"x"}`, nil, 422, "", true},
		{"trailing data", checkBody + `{}`, nil, 422, "", false},
		{"an instant outside the calendar", strings.TrimSuffix(checkBody, `}`) + `,"at":"1000-06-01T00:00:00Z"}`, nil, 422, "at", false},
		{"wrong media type", checkBody, []string{"Content-Type", "text/plain"}, 415, "", true},
		{"too large", `{"purpose":"` + strings.Repeat("x", 2<<20) + `"}`, nil, 413, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := h.evidenceCount()
			send := h.do
			if c.schema {
				send = h.doInvalid
			}
			r := send("POST", "/v1/checks", "a-check", c.body, c.hdr...)
			if r.Code != c.code {
				t.Fatalf("status %d, want %d: %s", r.Code, c.code, r.Body)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the problem echoes input: %s", r.Body)
			}
			if c.field != "" && !strings.Contains(string(r.Body), fmt.Sprintf(`"field":"%s"`, c.field)) {
				t.Errorf("the problem does not name %s: %s", c.field, r.Body)
			}
			if h.evidenceCount() != n {
				t.Errorf("evidence stored for bad input")
			}
		})
	}
	if r := h.doInvalid("GET", "/v1/checks/not-a-uuid", "a-check", nil); r.Code != 404 {
		t.Errorf("bad id: %d", r.Code)
	}
	if r := h.do("GET", "/v1/checks/00000000-0000-7000-8000-000000000999", "a-check", nil); r.Code != 404 {
		t.Errorf("unknown id: %d", r.Code)
	}
}

// Keys: none, wrong, and roles.
func TestAuth(t *testing.T) {
	h := newHarness(t)
	cases := []struct {
		name, method, path, key string
		body                    any
		code                    int
	}{
		{"no key", "POST", "/v1/checks", "", checkBody, 401},
		{"not bearer", "POST", "/v1/checks", "raw:Basic abc", checkBody, 401},
		{"unknown key", "POST", "/v1/checks", "raw:Bearer tk_000000000000_" + strings.Repeat("0", 64), checkBody, 401},
		{"tampered key", "POST", "/v1/checks", "raw:Bearer " + h.keys["a-check"][:len(h.keys["a-check"])-1] + "0", checkBody, 401},
		{"check key reads a register", "GET", "/v1/processors", "a-check", nil, 403},
		{"read key writes", "POST", "/v1/processors", "a-read", `{}`, 403},
		{"check key checks", "POST", "/v1/checks", "a-check", checkBody, 200},
		{"read key checks", "POST", "/v1/checks", "a-read", checkBody, 200},
		{"write key reads", "GET", "/v1/processors", "a-write", nil, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "tampered key" && strings.HasSuffix(h.keys["a-check"], "0") {
				c.key = "raw:Bearer " + h.keys["a-check"][:len(h.keys["a-check"])-1] + "1"
			}
			r := h.do(c.method, c.path, c.key, c.body)
			if r.Code != c.code {
				t.Errorf("status %d, want %d: %s", r.Code, c.code, r.Body)
			}
		})
	}
	// Any key of the kommune reads its decisions back; another kommune's
	// key does not.
	id := h.do("POST", "/v1/checks", "a-read", checkBody).json(t)["id"].(string)
	if r := h.do("GET", "/v1/checks/"+id, "a-check", nil); r.Code != 200 {
		t.Errorf("read back: %d", r.Code)
	}
	if r := h.do("GET", "/v1/checks/"+id, "b-read", nil); r.Code != 404 {
		t.Errorf("kommune B read A's decision: %d", r.Code)
	}
}

func TestRateLimit(t *testing.T) {
	h := newHarnessOn(t, NewMemory(), nil, Config{Rate: 1, Burst: 2})
	for i := range 2 {
		if r := h.do("POST", "/v1/checks", "a-check", checkBody); r.Code != 200 {
			t.Fatalf("request %d: %d", i, r.Code)
		}
	}
	r := h.do("POST", "/v1/checks", "a-check", checkBody)
	if r.Code != 429 || r.Header.Get("Retry-After") == "" {
		t.Errorf("third request: %d, Retry-After %q", r.Code, r.Header.Get("Retry-After"))
	}
	// Another key has its own bucket.
	if r := h.do("POST", "/v1/checks", "a-read", checkBody); r.Code != 200 {
		t.Errorf("other key: %d", r.Code)
	}
}

func TestOperations(t *testing.T) {
	h := newHarness(t)
	h.do("POST", "/v1/checks", "a-check", checkBody)
	for _, p := range []string{"/healthz", "/readyz", "/openapi.json"} {
		if r := h.do("GET", p, "", nil); r.Code != 200 {
			t.Errorf("%s: %d", p, r.Code)
		}
	}
	r := h.do("GET", "/metrics", "", nil)
	for _, want := range []string{`tillid_checks_total{outcome="allow-with-warnings"} 1`, "tillid_check_seconds_bucket", "tillid_evidence_commit_seconds_count 1", `tillid_evidence_checks_total 1`,
		`tillid_http_responses_total{route="POST /v1/checks",code="200"} 1`, "tillid_store_errors_total 0",
		`tillid_snapshot_reloads_total{cause="miss"} 0`} {
		if !strings.Contains(string(r.Body), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, r.Body)
		}
	}
	if r := h.do("GET", "/v1/nothing", "a-read", nil); r.Code != 404 || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown route: %d %s", r.Code, r.Header.Get("Content-Type"))
	}
	if r := h.do("DELETE", "/v1/processors/"+sagssystemer, "a-write", nil); r.Code != 405 || r.Header.Get("Allow") != "GET, PUT" {
		t.Errorf("DELETE: %d Allow %q", r.Code, r.Header.Get("Allow"))
	}
}

// Every route the server registers is documented in openapi.json.
func TestRoutesDocumented(t *testing.T) {
	doc, _ := loadSpec(t)
	h := newHarness(t)
	for _, rt := range h.s.Routes() {
		method, path, _ := strings.Cut(rt, " ")
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(method) == nil {
			t.Errorf("route %s is not in openapi.json", rt)
		}
	}
}

// A processor recorded with its KITOS UUID is found by it.
func TestCheckByKITOS(t *testing.T) {
	h := newHarness(t)
	const kitos = "4b0c07a4-5e7e-4e9b-9d5b-0d3c6b7e5a11"
	got := h.do("GET", "/v1/processors/"+sagssystemer, "a-write", nil)
	p := got.json(t)
	p["external-ids"] = []map[string]string{{"scheme": "kitos", "id": kitos}}
	if r := h.do("PUT", "/v1/processors/"+sagssystemer, "a-write", p, "If-Match", got.Header.Get("ETag")); r.Code != 200 {
		t.Fatalf("update: %d %s", r.Code, r.Body)
	}
	m := h.do("POST", "/v1/checks", "a-check", strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"kitos":"`+kitos+`"}`, 1)).json(t)
	if m["processor"] != sagssystemer || m["allowed"] != true {
		t.Errorf("check by KITOS UUID: %v %v", m["processor"], m["outcome"])
	}
	// Kommune B does not find A's processor by it.
	m = h.do("POST", "/v1/checks", "b-check", strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"kitos":"`+kitos+`"}`, 1)).json(t)
	if m["outcome"] != "deny" || m["processorVersion"].(float64) != 0 {
		t.Errorf("B found A's processor: %v", m)
	}
}

// Without Accept-Language the texts are in the kommune's language: bokmål
// for a Norwegian kommune, Danish for a Danish one.
func TestDefaultLanguage(t *testing.T) {
	h := newHarness(t)
	body := `{"processor":{"id":"` + jobcenterIT + `"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`
	no := h.do("POST", "/v1/checks", "b-check", body).json(t)["findings"].([]any)[0].(map[string]any)["text"].(string)
	dk := h.do("POST", "/v1/checks", "a-check", `{"processor":{"orgnr":"974760673"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`).json(t)["findings"].([]any)[0].(map[string]any)["text"].(string)
	if !strings.Contains(no, "personvernforordningen") || !strings.Contains(dk, "databeskyttelsesforordningen") {
		t.Errorf("texts:\nNO %s\nDK %s", no, dk)
	}
}

// With a linger, concurrent checks are committed in shared batches and
// every one is answered and kept.
func TestLingerBatches(t *testing.T) {
	h := newHarnessOn(t, NewMemory(), nil, Config{Linger: 20 * time.Millisecond, MaxBatch: 8})
	var wg sync.WaitGroup
	codes := make([]int, 40)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = h.doQuiet("POST", "/v1/checks", "a-check", checkBody).Code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("check %d: %d", i, c)
		}
	}
	if n := h.evidenceCount(); n != len(codes) {
		t.Errorf("evidence: %d, want %d", n, len(codes))
	}
	if b := h.s.metrics.batches.Load(); b < uint64(len(codes)/8) || b > uint64(len(codes)) {
		t.Errorf("%d batches for %d checks of at most 8", b, len(codes))
	}
}

// Two kommuner's checks committed in shared batches on SQLite: each
// decision is stored under its own kommune (PutRows per controller) and
// read back only with that kommune's key.
func TestLingerBatchesTwoKommunerSQLite(t *testing.T) {
	db, _ := sqliteBackends(t)
	// The first commit waits until at least two checks queue behind it, so
	// that the next batch is shared however the goroutines are scheduled
	// (on a loaded machine every check could otherwise commit alone).
	be := &heldBackend{Backend: db}
	h := newHarnessOn(t, be, nil, Config{Linger: 20 * time.Millisecond, MaxBatch: 16})
	be.ready = func() bool { return len(h.s.batch.in) >= 2 }
	bodyB := `{"processor":{"id":"` + jobcenterIT + `"},"data":["identity"],"subjects":["citizens"],"purpose":"x"}`
	type answer struct {
		kommune string
		code    int
		id      string
	}
	answers := make([]answer, 40)
	var wg sync.WaitGroup
	for i := range answers {
		k, body := "a", checkBody
		if i%2 == 1 {
			k, body = "b", bodyB
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := h.doQuiet("POST", "/v1/checks", k+"-check", body)
			a := answer{kommune: k, code: r.Code}
			var v struct{ ID string }
			if json.Unmarshal(r.Body, &v) == nil {
				a.id = v.ID
			}
			answers[i] = a
		}()
	}
	wg.Wait()
	for i, a := range answers {
		if a.code != 200 || a.id == "" {
			t.Fatalf("check %d (%s): %d, id %q", i, a.kommune, a.code, a.id)
		}
		other := map[string]string{"a": "b", "b": "a"}[a.kommune]
		if c := h.doQuiet("GET", "/v1/checks/"+a.id, a.kommune+"-read", nil).Code; c != 200 {
			t.Errorf("check %d: its own kommune reads it back with %d", i, c)
		}
		if c := h.doQuiet("GET", "/v1/checks/"+a.id, other+"-read", nil).Code; c != 404 {
			t.Errorf("check %d: the other kommune reads it with %d", i, c)
		}
	}
	if b := h.s.metrics.batches.Load(); b >= uint64(len(answers)) {
		t.Errorf("%d batches for %d concurrent checks: nothing was shared", b, len(answers))
	}
}

// heldBackend holds back the first PutRows of its decision store until
// ready reports true (or ten seconds have passed, so that a broken test
// ends), then passes every call through.
type heldBackend struct {
	Backend
	ready func() bool
	once  sync.Once
}

type heldDecisions struct {
	processor.DecisionStore
	g *heldBackend
}

func (g *heldBackend) Decisions() processor.DecisionStore {
	return heldDecisions{g.Backend.Decisions(), g}
}

func (d heldDecisions) PutRows(ctx context.Context, c compliance.ControllerID, rows []sqlmap.Row) error {
	d.g.once.Do(func() {
		for end := time.Now().Add(10 * time.Second); !d.g.ready() && time.Now().Before(end); {
			time.Sleep(time.Millisecond)
		}
	})
	return d.DecisionStore.(RowPutter).PutRows(ctx, c, rows)
}
