package server

import (
	"context"
	"iter"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// stepClock is a clock the test moves forward by hand.
type stepClock struct{ d atomic.Int64 }

func (c *stepClock) now() time.Time          { return testNow.Add(time.Duration(c.d.Load())) }
func (c *stepClock) advance(d time.Duration) { c.d.Add(int64(d)) }

// missConfig is a server configuration that reloads on a miss at most
// every 2s of clock c.
func missConfig(c *stepClock) Config {
	return Config{MissReload: 2 * time.Second, Options: compliance.Options{Now: c.now}}
}

// Numbers no demo processor has.
const (
	newCVR   = "13585628"
	newOrgNr = "988077917"
	newKITOS = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
)

// checkOf is checkBody asking about the processor that key (JSON) names.
func checkOf(key string) string {
	return strings.Replace(checkBody, `{"cvr":"13748136"}`, key, 1)
}

// createLike creates, through h as kommune "a" or "b", a copy of the demo's
// compliant ESDH supplier (agreement, audit and all) under a new ID, with
// edit applied, and returns its ID.
func createLike(t *testing.T, h *harness, kommune string, edit func(map[string]any)) string {
	t.Helper()
	p := h.do("GET", "/v1/processors/"+sagssystemer, "a-read", nil).json(t)
	for _, k := range []string{"id", "version", "cvr"} {
		delete(p, k)
	}
	p["name"] = "Ny Sagsleverandør"
	edit(p)
	r := h.do("POST", "/v1/processors", kommune+"-write", p)
	if r.Code != 201 {
		t.Fatalf("create: %d %s", r.Code, r.Body)
	}
	return r.json(t)["id"].(string)
}

// A processor created on one instance is found by its number on another
// instance that loaded its snapshot before the creation: the check's miss
// reloads the kommune's registry. Memory shared by two servers, a SQLite
// file with two connections, and PostgreSQL when TILLID_POSTGRES_URL is
// set.
func TestMissReloadAcrossInstances(t *testing.T) {
	stores := []struct {
		name string
		open func(*testing.T) (Backend, Backend)
	}{
		{"memory", func(*testing.T) (Backend, Backend) { m := NewMemory(); return m, m }},
		{"sqlite", sqliteBackends},
		{"postgres", postgresBackends},
	}
	keys := []struct {
		name    string
		kommune string // "a" (DK) or "b" (NO)
		edit    func(map[string]any)
		key     string
	}{
		{"cvr", "a", func(p map[string]any) { p["cvr"] = newCVR }, `{"cvr":"` + newCVR + `"}`},
		{"orgnr in a Norwegian kommune", "b", func(p map[string]any) { p["orgnr"], p["country"] = newOrgNr, "NO" }, `{"orgnr":"` + newOrgNr + `"}`},
		{"kitos", "a", func(p map[string]any) {
			p["cvr"] = "10000009"
			p["external-ids"] = []map[string]string{{"scheme": "kitos", "id": newKITOS}}
		}, `{"kitos":"` + newKITOS + `"}`},
	}
	for _, st := range stores {
		for _, k := range keys {
			t.Run(st.name+"/"+k.name, func(t *testing.T) {
				b1, b2 := st.open(t)
				var clock stepClock
				h1 := newHarnessOn(t, b1, nil, missConfig(&clock))
				h2 := newHarnessOn(t, b2, h1, missConfig(&clock))
				check := k.kommune + "-check"
				if m := h2.do("POST", "/v1/checks", check, checkOf(k.key)).json(t); m["outcome"] != "deny" || m["processorVersion"].(float64) != 0 {
					t.Fatalf("before the creation: %v v%v", m["outcome"], m["processorVersion"])
				}
				id := createLike(t, h1, k.kommune, k.edit)
				if m := h1.do("POST", "/v1/checks", check, checkOf(k.key)).json(t); m["allowed"] != true {
					t.Fatalf("on the instance that created it: %v", m["outcome"])
				}
				clock.advance(2 * time.Second)
				m := h2.do("POST", "/v1/checks", check, checkOf(k.key)).json(t)
				if m["allowed"] != true || m["processor"] != id || m["processorVersion"].(float64) != 1 {
					t.Errorf("on the other instance: %v %v v%v", m["outcome"], m["processor"], m["processorVersion"])
				}
				if n := h2.s.metrics.missReloads.Load(); n != 2 {
					t.Errorf("reloads on a miss: %d, want 2", n)
				}
				if n := h2.s.metrics.storeErrors.Load(); n != 0 {
					t.Errorf("store errors: %d", n)
				}
			})
		}
	}
}

// At most one reload per kommune per interval: a miss within the interval
// after the last reload is answered from the snapshot; once the interval
// has passed, a miss reloads again. Zero turns the reloads off.
func TestMissReloadInterval(t *testing.T) {
	unknownID := `{"id":"00000000-0000-7000-8000-0000000000ff"}`
	steps := []struct {
		name    string
		advance time.Duration
		key     string
		reloads uint64 // the counter after the step
	}{
		{"a hit does not reload", 0, `{"cvr":"13748136"}`, 0},
		{"the first miss reloads", 0, `{"cvr":"` + newCVR + `"}`, 1},
		{"another number at once does not", 0, `{"cvr":"10000009"}`, 1},
		{"an unknown ID within the interval does not", time.Second, unknownID, 1},
		{"a KITOS UUID just before the interval ends does not", time.Second - time.Nanosecond, `{"kitos":"` + newKITOS + `"}`, 1},
		{"a miss when the interval has passed reloads", time.Nanosecond, `{"orgnr":"` + newOrgNr + `"}`, 2},
		{"an unknown ID in the next interval does not", time.Second, unknownID, 2},
		{"an unknown ID after it reloads", time.Second, unknownID, 3},
	}
	var clock stepClock
	h := newHarnessOn(t, NewMemory(), nil, missConfig(&clock))
	// An invalid check is refused before its look-up: no reload.
	bad := strings.Replace(checkOf(`{"cvr":"`+newCVR+`"}`), `"purpose"`, `"at":"1000-01-01T00:00:00Z","purpose"`, 1)
	if r := h.do("POST", "/v1/checks", "a-check", bad); r.Code != 422 || h.s.metrics.missReloads.Load() != 0 {
		t.Errorf("invalid instant: %d, %d reloads", r.Code, h.s.metrics.missReloads.Load())
	}
	for _, st := range steps {
		clock.advance(st.advance)
		m := h.do("POST", "/v1/checks", "a-check", checkOf(st.key)).json(t)
		if st.key != `{"cvr":"13748136"}` && m["outcome"] != "deny" {
			t.Errorf("%s: %v", st.name, m["outcome"])
		}
		if n := h.s.metrics.missReloads.Load(); n != st.reloads {
			t.Errorf("%s: %d reloads, want %d", st.name, n, st.reloads)
		}
	}
	if r := h.do("GET", "/metrics", "", nil); !strings.Contains(string(r.Body), `tillid_snapshot_reloads_total{cause="miss"} 3`+"\n") {
		t.Errorf("/metrics:\n%s", r.Body)
	}

	off := newHarnessOn(t, NewMemory(), nil, Config{})
	for range 3 {
		off.do("POST", "/v1/checks", "a-check", checkOf(`{"cvr":"`+newCVR+`"}`))
	}
	if n := off.s.metrics.missReloads.Load(); n != 0 {
		t.Errorf("MissReload 0: %d reloads", n)
	}
}

// gatedStore holds List back, while armed, until the test opens the gate.
type gatedStore struct {
	processor.Store
	armed   atomic.Bool
	entered chan struct{}
	gate    chan struct{}
	fail    atomic.Bool // List fails
}

func (g *gatedStore) List(ctx context.Context, c compliance.ControllerID, f processor.Filter) iter.Seq2[processor.Processor, error] {
	if g.fail.Load() {
		return func(yield func(processor.Processor, error) bool) { yield(processor.Processor{}, errDown) }
	}
	if g.armed.Load() {
		g.entered <- struct{}{}
		<-g.gate
	}
	return g.Store.List(ctx, c, f)
}

// gatedBackend is a Memory whose processor store is a gatedStore.
type gatedBackend struct {
	*Memory
	procs *gatedStore
}

func (g *gatedBackend) Processors() processor.Store { return g.procs }

func newGated(m *Memory) *gatedBackend {
	return &gatedBackend{Memory: m, procs: &gatedStore{Store: m.Processors(), entered: make(chan struct{}, 16), gate: make(chan struct{})}}
}

// Concurrent misses share one reload, and all of them see its result.
func TestMissReloadConcurrent(t *testing.T) {
	const n = 16
	var clock stepClock
	m := NewMemory()
	g := newGated(m)
	h1 := newHarnessOn(t, m, nil, missConfig(&clock))
	h2 := newHarnessOn(t, g, h1, missConfig(&clock))
	if r := h2.do("POST", "/v1/checks", "a-check", checkBody).json(t); r["allowed"] != true {
		t.Fatalf("warm-up: %v", r["outcome"])
	}
	id := createLike(t, h1, "a", func(p map[string]any) { p["cvr"] = newCVR })
	g.procs.armed.Store(true)

	handler, key, body := h2.s.Handler(), "Bearer "+h2.keys["a-check"], checkOf(`{"cvr":"`+newCVR+`"}`)
	answers := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(body))
			req.Header.Set("Authorization", key)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
			answers[i] = strconv.Itoa(rec.Code) + " " + rec.Body.String()
		}()
	}
	// One check reloads (its List waits at the gate); the gate opens once
	// the other n-1 wait for that reload.
	deadline := time.After(30 * time.Second)
	select {
	case <-g.procs.entered:
	case <-deadline:
		t.Fatal("no reload started")
	}
	v, _ := h2.s.tenants.Load(demo.ControllerID())
	tn := v.(*tenant)
	for waiting := 0; waiting < n-1; {
		select {
		case <-deadline:
			close(g.procs.gate)
			t.Fatalf("%d checks wait for the reload, want %d", waiting, n-1)
		case <-time.After(time.Millisecond):
		}
		tn.miss.mu.Lock()
		waiting = tn.miss.waiters
		tn.miss.mu.Unlock()
	}
	close(g.procs.gate)
	wg.Wait()
	for i, a := range answers {
		if !strings.HasPrefix(a, "200 ") || !strings.Contains(a, `"allowed":true`) || !strings.Contains(a, id) {
			t.Errorf("check %d: %s", i, a)
		}
	}
	if r := h2.s.metrics.missReloads.Load(); r != 1 {
		t.Errorf("%d reloads for %d concurrent misses, want 1", r, n)
	}
	if len(g.procs.entered) != 0 {
		t.Errorf("%d more Lists", len(g.procs.entered))
	}
}

// A reload that fails leaves the snapshot as it was: the check is answered
// from it (deny, unknown), the failure is counted as a store error, and the
// store's message is in no answer. Known processors are still allowed.
func TestMissReloadListFails(t *testing.T) {
	var clock stepClock
	m := NewMemory()
	g := newGated(m)
	h0 := newHarnessOn(t, m, nil, missConfig(&clock))
	h := newHarnessOn(t, g, h0, missConfig(&clock))
	if m := h.do("POST", "/v1/checks", "a-check", checkBody).json(t); m["allowed"] != true {
		t.Fatalf("warm-up: %v", m["outcome"])
	}
	g.procs.fail.Store(true)
	for i, c := range []struct {
		key     string
		advance time.Duration
		outcome string
		reloads uint64
		errors  uint64
	}{
		{`{"cvr":"` + newCVR + `"}`, 0, "deny", 1, 1},
		{`{"id":"00000000-0000-7000-8000-0000000000ff"}`, 0, "deny", 1, 1}, // within the interval: no second try
		{`{"cvr":"13748136"}`, 0, "allow-with-warnings", 1, 1},             // a hit reads nothing
		{`{"orgnr":"` + newOrgNr + `"}`, 2 * time.Second, "deny", 2, 2},
	} {
		clock.advance(c.advance)
		r := h.do("POST", "/v1/checks", "a-check", checkOf(c.key))
		if r.Code != 200 || strings.Contains(string(r.Body), "10.0.0.7") {
			t.Fatalf("check %d: %d %s", i, r.Code, r.Body)
		}
		m := r.json(t)
		if m["outcome"] != c.outcome {
			t.Errorf("check %d: %v, want %s", i, m["outcome"], c.outcome)
		}
		if c.outcome == "deny" && m["processorVersion"].(float64) != 0 {
			t.Errorf("check %d: version %v", i, m["processorVersion"])
		}
		if n := h.s.metrics.missReloads.Load(); n != c.reloads {
			t.Errorf("check %d: %d reloads, want %d", i, n, c.reloads)
		}
		if n := h.s.metrics.storeErrors.Load(); n != c.errors {
			t.Errorf("check %d: %d store errors, want %d", i, n, c.errors)
		}
	}
	if r := h.do("GET", "/metrics", "", nil); !strings.Contains(string(r.Body), "tillid_store_errors_total 2\n") {
		t.Errorf("/metrics:\n%s", r.Body)
	}
	// The store back, the next miss after the interval finds a processor
	// another instance created meanwhile.
	g.procs.fail.Store(false)
	id := createLike(t, h0, "a", func(p map[string]any) { p["cvr"] = newCVR })
	clock.advance(2 * time.Second)
	if m := h.do("POST", "/v1/checks", "a-check", checkOf(`{"cvr":"`+newCVR+`"}`)).json(t); m["allowed"] != true || m["processor"] != id {
		t.Errorf("with the store back: %v %v", m["outcome"], m["processor"])
	}
	if n := h.s.metrics.storeErrors.Load(); n != 2 {
		t.Errorf("store errors: %d", n)
	}
}

// A reload never lets a kommune find another kommune's processor: B's
// check for A's numbers stays unknown after B's registry reloaded, while
// A's check on the same instance finds the new processor (A's reloads are
// bounded apart from B's).
func TestMissReloadCrossKommune(t *testing.T) {
	var clock stepClock
	h1 := newHarnessOn(t, NewMemory(), nil, missConfig(&clock))
	h2 := newHarnessOn(t, h1.be, h1, missConfig(&clock))
	// Instance 2 has loaded both kommuner before the creation (B's check
	// of A's CVR misses: the first reload).
	for _, k := range []string{"a-check", "b-check"} {
		h2.do("POST", "/v1/checks", k, checkBody)
	}
	id := createLike(t, h1, "a", func(p map[string]any) {
		p["cvr"] = newCVR
		p["external-ids"] = []map[string]string{{"scheme": "kitos", "id": newKITOS}}
	})
	for i, key := range []string{`{"cvr":"` + newCVR + `"}`, `{"kitos":"` + newKITOS + `"}`, `{"id":"` + id + `"}`, `{"cvr":"13748136"}`} {
		clock.advance(2 * time.Second)
		r := h2.do("POST", "/v1/checks", "b-check", checkOf(key))
		m := r.json(t)
		if m["outcome"] != "deny" || m["processorVersion"].(float64) != 0 || (i < 2 && strings.Contains(string(r.Body), id)) {
			t.Errorf("B's check of A's %s: %s", key, r.Body)
		}
	}
	if n := h2.s.metrics.missReloads.Load(); n != 5 {
		t.Errorf("B's reloads: %d, want 5", n)
	}
	// A's first miss on instance 2 reloads A's registry, though B's reloaded
	// a moment ago.
	if m := h2.do("POST", "/v1/checks", "a-check", checkOf(`{"cvr":"`+newCVR+`"}`)).json(t); m["allowed"] != true || m["processor"] != id {
		t.Errorf("A's check: %v %v", m["outcome"], m["processor"])
	}
	if n := h2.s.metrics.missReloads.Load(); n != 6 {
		t.Errorf("reloads: %d, want 6", n)
	}
}

// The added code allocates nothing on a hit: resolve allocates what the
// registry's look-up itself does (KeyCVR makes the number's string; KeyID
// nothing), and a miss within the interval neither allocates nor reads the
// store.
func TestResolveAllocs(t *testing.T) {
	var clock stepClock
	h := newHarnessOn(t, NewMemory(), nil, missConfig(&clock))
	h.do("POST", "/v1/checks", "a-check", checkOf(`{"cvr":"`+newCVR+`"}`)) // loads A, and reloads once
	v, _ := h.s.tenants.Load(demo.ControllerID())
	tn := v.(*tenant)
	var cvr, byID processorKey
	if err := cvr.CVR.UnmarshalText([]byte("13748136")); err != nil {
		t.Fatal(err)
	}
	if err := byID.ID.UnmarshalText([]byte(sagssystemer)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		k      *processorKey
		lookup func() // the registry's look-up alone
	}{
		{"cvr", &cvr, func() { tn.procs.Lookup(processor.KeyCVR(cvr.CVR)) }},
		{"id", &byID, func() { tn.procs.Lookup(processor.KeyID(byID.ID)) }},
	} {
		if _, ok := resolve(tn, c.k); !ok {
			t.Fatalf("%s: not found", c.name)
		}
		base := testing.AllocsPerRun(100, c.lookup)
		if n := testing.AllocsPerRun(100, func() { resolve(tn, c.k) }); n != base {
			t.Errorf("%s: %v allocations per look-up, the registry's alone %v", c.name, n, base)
		}
	}
	ctx := context.Background()
	if n := testing.AllocsPerRun(100, func() {
		if h.s.reloadOnMiss(ctx, tn) {
			t.Error("reloaded within the interval")
		}
	}); n != 0 {
		t.Errorf("a miss within the interval: %v allocations", n)
	}
	if n := h.s.metrics.missReloads.Load(); n != 1 {
		t.Errorf("reloads: %d", n)
	}
}
