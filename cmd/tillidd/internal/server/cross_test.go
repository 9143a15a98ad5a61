package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
)

// The DPO's list holds the open request and the processors' overview.
func TestDue(t *testing.T) {
	h := newHarness(t)
	h.do("POST", "/v1/requests", "a-write", map[string]any{"kind": "access", "received": "2026-04-20T10:00:00+02:00", "channel": "digital-post", "status": "received"})
	r := h.do("GET", "/v1/due", "a-read", nil, "Accept-Language", "en")
	if r.Code != 200 {
		t.Fatalf("due: %d %s", r.Code, r.Body)
	}
	var d Due
	if err := json.Unmarshal(r.Body, &d); err != nil {
		t.Fatal(err)
	}
	// Art 12(3): one month from receipt on 20 April 2026.
	if len(d.Requests) != 1 || d.Requests[0].Overdue || d.Requests[0].Deadline.Add(-time.Nanosecond).Format("2006-01-02") != "2026-05-20" || d.Requests[0].Text == "" {
		t.Errorf("requests due: %+v", d.Requests)
	}
	if !strings.Contains(string(r.Body), jobcenterIT) {
		t.Errorf("the processor without an agreement is not on the list: %s", r.Body)
	}
	if r := h.do("GET", "/v1/due", "b-read", nil); strings.Contains(string(r.Body), jobcenterIT) || strings.Contains(string(r.Body), `"kind":"access"`) {
		t.Errorf("kommune B's list holds A's duties: %s", r.Body)
	}
}

// Every route, called with kommune B's write key on kommune A's records,
// answers without any of A's data and changes nothing of A's.
func TestCrossKommuneEveryRoute(t *testing.T) {
	h := newHarness(t)
	ids := map[string]string{"/v1/processors/": sagssystemer}
	for _, rs := range resources() {
		if rs.name == "processors" {
			continue
		}
		r := h.do("POST", rs.path, "a-write", rs.create(t))
		if r.Code != 201 {
			t.Fatalf("%s: %d %s", rs.name, r.Code, r.Body)
		}
		ids[rs.path+"/"] = r.json(t)["id"].(string)
	}
	chk := h.do("POST", "/v1/checks", "a-check", checkBody).json(t)["id"].(string)
	ids["/v1/checks/"] = chk
	secrets := []string{"Sagssystemer", "13748136", "Jobcenter IT", "Skoleplatform", "24/01234", "Fallsensor", "Ejendomsbeskatning"}
	for _, id := range ids {
		secrets = append(secrets, id)
	}
	etags := map[string]string{}
	for prefix, id := range ids {
		etags[prefix] = h.do("GET", prefix+id, "a-write", nil).Header.Get("ETag")
	}
	for _, rt := range h.s.Routes() {
		method, path, _ := strings.Cut(rt, " ")
		if !strings.HasPrefix(path, "/v1/") {
			continue
		}
		hasID := strings.Contains(path, "{id}")
		if hasID {
			prefix := path[:strings.Index(path, "{id}")]
			id, ok := ids[prefix]
			if !ok {
				t.Fatalf("no record of A for %s", rt)
			}
			path = strings.Replace(path, "{id}", id, 1)
		}
		var body any
		if method != "GET" {
			body = "{}"
			if strings.HasSuffix(path, "/v1/checks") {
				body = strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"id":"`+sagssystemer+`"}`, 1)
			}
		}
		for _, key := range []string{"b-write", "b-read", "b-check"} {
			r := h.do(method, path, key, body, "If-Match", `"1"`)
			// The problem's instance is the caller's own path; the rest
			// must hold nothing of A's.
			answer := string(r.Body)
			if i := strings.Index(answer, `"instance":"`); i >= 0 {
				j := strings.Index(answer[i+12:], `"`)
				answer = answer[:i] + answer[i+12+j+1:]
			}
			for _, s := range secrets {
				if s == sagssystemer && path == "/v1/checks" {
					continue // B's own request names the ID it asked about
				}
				if strings.Contains(answer, s) {
					t.Errorf("%s with %s: the answer holds kommune A's %q: %s", rt, key, s, r.Body)
				}
			}
			if hasID && r.Code < 300 {
				t.Errorf("%s with %s: %d on A's record", rt, key, r.Code)
			}
			if path == "/v1/checks" && key == "b-check" {
				if m := r.json(t); m["outcome"] != "deny" || m["processorVersion"].(float64) != 0 {
					t.Errorf("B's check of A's processor: %s", r.Body)
				}
			}
		}
	}
	for prefix, id := range ids {
		if e := h.do("GET", prefix+id, "a-write", nil).Header.Get("ETag"); e != etags[prefix] {
			t.Errorf("%s%s changed: ETag %s, was %s", prefix, id, e, etags[prefix])
		}
	}
}

// No stale allow across instances: two servers on one store; once one has
// acknowledged a change of a processor, the other never answers a check
// from the older version.
func TestNoStaleAllowAcrossInstances(t *testing.T) {
	h1 := newHarness(t)
	h2 := newHarnessOn(t, h1.be, h1, Config{})
	byID := strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"id":"`+sagssystemer+`"}`, 1)
	if m := h1.do("POST", "/v1/checks", "a-check", byID).json(t); m["allowed"] != true {
		t.Fatalf("before the change: %v", m["outcome"])
	}
	// Instance 2 removes the agreement (a terminated databehandleraftale).
	got := h2.do("GET", "/v1/processors/"+sagssystemer, "a-write", nil)
	p := got.json(t)
	delete(p, "agreements")
	if r := h2.do("PUT", "/v1/processors/"+sagssystemer, "a-write", p, "If-Match", got.Header.Get("ETag")); r.Code != 200 {
		t.Fatalf("update: %d %s", r.Code, r.Body)
	}
	m := h1.do("POST", "/v1/checks", "a-check", byID).json(t)
	if m["outcome"] != "deny" || m["processorVersion"].(float64) != 2 {
		t.Errorf("instance 1 answered from the old version: %v v%v", m["outcome"], m["processorVersion"])
	}
	if h1.s.metrics.stale.Load() != 1 {
		t.Errorf("stale re-decisions: %d", h1.s.metrics.stale.Load())
	}
}

// Under concurrent checks on one instance and writes on another, no check
// is answered from a version older than the last one acknowledged before
// it was sent. Run with -race.
func TestNoStaleAllowConcurrent(t *testing.T) {
	h1 := newHarness(t)
	h2 := newHarnessOn(t, h1.be, h1, Config{})
	byID := strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"id":"`+sagssystemer+`"}`, 1)
	var acked atomic.Uint64
	acked.Store(1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var bad atomic.Int64
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				select {
				case <-stop:
					return
				default:
				}
				before := acked.Load()
				r := h1.doQuiet("POST", "/v1/checks", "a-check", byID)
				var m CheckResult
				if r.Code != 200 || json.Unmarshal(r.Body, &m) != nil {
					bad.Add(1)
					continue
				}
				if m.ProcessorVersion < before {
					bad.Add(1)
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		got := h2.doQuiet("GET", "/v1/processors/"+sagssystemer, "a-write", nil)
		var p map[string]any
		_ = json.Unmarshal(got.Body, &p)
		p["service"] = "ESDH " + strings.Repeat("x", i)
		r := h2.doQuiet("PUT", "/v1/processors/"+sagssystemer, "a-write", mustJSON(p), "If-Match", got.Header.Get("ETag"))
		if r.Code != 200 {
			t.Fatalf("update: %d %s", r.Code, r.Body)
		}
		var v uint64
		_ = json.Unmarshal([]byte(strings.Trim(r.Header.Get("ETag"), `"`)), &v)
		acked.Store(v)
	}
	close(stop)
	wg.Wait()
	if bad.Load() != 0 {
		t.Errorf("%d checks answered from a version older than one acknowledged", bad.Load())
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// doQuiet is do without the OpenAPI validation, for goroutines.
func (h *harness) doQuiet(method, path, key string, body any, hdr ...string) resp {
	var b string
	switch x := body.(type) {
	case string:
		b = x
	case []byte:
		b = string(x)
	}
	req, _ := http.NewRequest(method, "http://tillid.test"+path, strings.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+h.keys[key])
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.s.Handler().ServeHTTP(rec, req)
	return resp{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// One bad record never hides the rest: a stored breach the rules cannot
// assess (an instant in year 202) is named in skippedBreaches, and the
// duties of the good breach are listed; the answer still validates
// against the contract.
func TestDueSkipsBadBreach(t *testing.T) {
	h := newHarness(t)
	r := h.do("POST", "/v1/breaches", "a-write", fixture(t, "breach/testdata/breach.json", nil, "id", "version", "registered"))
	if r.Code != 201 {
		t.Fatalf("create: %d %s", r.Code, r.Body)
	}
	var good breach.Breach
	if err := json.Unmarshal(r.Body, &good); err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.ID, bad.Version = breach.ID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000bad1")}, 0
	bad.Aware = time.Date(202, time.March, 1, 9, 0, 0, 0, time.UTC)
	bad.Discovered, bad.Registered = bad.Aware, bad.Aware
	if err := h.be.Breaches().Put(context.Background(), demo.ControllerID(), bad); err != nil {
		t.Fatal(err)
	}
	r = h.do("GET", "/v1/due", "a-read", nil)
	if r.Code != 200 {
		t.Fatalf("due with a bad breach: %d %s", r.Code, r.Body)
	}
	var d Due
	if err := json.Unmarshal(r.Body, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.SkippedBreaches) != 1 || d.SkippedBreaches[0] != bad.ID || d.SkippedMore != 0 {
		t.Errorf("skipped: %v (+%d), want %v", d.SkippedBreaches, d.SkippedMore, bad.ID)
	}
	var listed bool
	for _, x := range d.Breaches {
		listed = listed || x.Breach == good.ID
	}
	if !listed {
		t.Errorf("the good breach's duties are hidden: %+v", d.Breaches)
	}
}

// onlyBadRecords takes the partial list only when the error is bad records
// alone: a store failure joined to them is an error.
func TestOnlyBadRecords(t *testing.T) {
	bad := &breach.BadRecordsError{IDs: []breach.ID{{UUID: uuid.New()}}}
	store := errors.New("store down")
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"bad records", bad, true},
		{"bad records joined to nothing", errors.Join(nil, bad), true},
		{"store failure", store, false},
		{"store failure and bad records", errors.Join(store, bad), false},
		{"wrapped bad records", fmt.Errorf("due: %w", bad), false},
	} {
		if got := onlyBadRecords(tt.err) != nil; got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
