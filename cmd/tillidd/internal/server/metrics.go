package server

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// metrics are written in the Prometheus text exposition format (version
// 0.0.4) by hand: a handful of counters and histograms do not justify a
// client library.
type metrics struct {
	outcomes     sync.Map // outcome code → *atomic.Uint64
	storeErrors  atomic.Uint64
	limited      atomic.Uint64
	batches      atomic.Uint64
	batched      atomic.Uint64
	stale        atomic.Uint64
	missReloads  atomic.Uint64 // reloads of a kommune's processor registry after a check's look-up missed
	reloads      atomic.Uint64 // reloads of the keys file that took effect
	reloadErrors atomic.Uint64 // reloads of the keys file refused (invalid, missing, unreadable)
	routes       sync.Map      // pattern → *histogram
	checkLat     histogram
	commitLat    histogram // one evidence batch: version reads, re-decisions and the store's write
}

var buckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1}

type histogram struct {
	mu     sync.Mutex
	counts [11]uint64 // len(buckets)+1, the last is +Inf
	sum    float64
	n      uint64
	codes  map[int]uint64
}

func (h *histogram) observe(d time.Duration, status int) {
	s := d.Seconds()
	i, _ := slices.BinarySearch(buckets, s)
	h.mu.Lock()
	h.counts[i]++
	h.sum += s
	h.n++
	if status != 0 {
		if h.codes == nil {
			h.codes = map[int]uint64{}
		}
		h.codes[status]++
	}
	h.mu.Unlock()
}

func newMetrics() *metrics { return &metrics{} }

func (m *metrics) outcome(code string) {
	v, ok := m.outcomes.Load(code)
	if !ok {
		v, _ = m.outcomes.LoadOrStore(code, new(atomic.Uint64))
	}
	v.(*atomic.Uint64).Add(1)
}

func (m *metrics) observe(pattern string, status int, d time.Duration) {
	v, ok := m.routes.Load(pattern)
	if !ok {
		v, _ = m.routes.LoadOrStore(pattern, &histogram{})
	}
	v.(*histogram).observe(d, status)
}

func (m *metrics) write(w io.Writer) {
	fmt.Fprintln(w, "# HELP tillid_checks_total Checks answered, by outcome.")
	fmt.Fprintln(w, "# TYPE tillid_checks_total counter")
	var keys []string
	m.outcomes.Range(func(k, _ any) bool { keys = append(keys, k.(string)); return true })
	slices.Sort(keys)
	for _, k := range keys {
		v, _ := m.outcomes.Load(k)
		fmt.Fprintf(w, "tillid_checks_total{outcome=%q} %d\n", k, v.(*atomic.Uint64).Load())
	}
	fmt.Fprintln(w, "# HELP tillid_check_seconds Time to decide a check, from request to committed evidence.")
	fmt.Fprintln(w, "# TYPE tillid_check_seconds histogram")
	m.checkLat.write(w, "tillid_check_seconds", "")
	fmt.Fprintln(w, "# HELP tillid_evidence_commit_seconds Time to commit one evidence batch: the processors' version reads and the store's write.")
	fmt.Fprintln(w, "# TYPE tillid_evidence_commit_seconds histogram")
	m.commitLat.write(w, "tillid_evidence_commit_seconds", "")
	fmt.Fprintln(w, "# HELP tillid_http_request_seconds Time to answer an API request, by route.")
	fmt.Fprintln(w, "# TYPE tillid_http_request_seconds histogram")
	var pats []string
	m.routes.Range(func(k, _ any) bool { pats = append(pats, k.(string)); return true })
	slices.Sort(pats)
	for _, p := range pats {
		v, _ := m.routes.Load(p)
		v.(*histogram).write(w, "tillid_http_request_seconds", fmt.Sprintf("route=%q", p))
	}
	fmt.Fprintln(w, "# HELP tillid_http_responses_total API responses, by route and status.")
	fmt.Fprintln(w, "# TYPE tillid_http_responses_total counter")
	for _, p := range pats {
		v, _ := m.routes.Load(p)
		h := v.(*histogram)
		h.mu.Lock()
		codes := make([]int, 0, len(h.codes))
		for c := range h.codes {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			fmt.Fprintf(w, "tillid_http_responses_total{route=%q,code=\"%d\"} %d\n", p, c, h.codes[c])
		}
		h.mu.Unlock()
	}
	counter := func(name, help string, v uint64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
	}
	counter("tillid_store_errors_total", "Store operations that failed for another reason than not found or conflict.", m.storeErrors.Load())
	counter("tillid_rate_limited_total", "Requests refused by a key's rate limit.", m.limited.Load())
	counter("tillid_evidence_batches_total", "Evidence batches committed.", m.batches.Load())
	counter("tillid_evidence_checks_total", "Checks committed as evidence.", m.batched.Load())
	counter("tillid_stale_snapshots_total", "Checks re-decided because the store had a newer processor version.", m.stale.Load())
	fmt.Fprintln(w, "# HELP tillid_snapshot_reloads_total Reloads of a kommune's processor snapshot from the store, by cause (miss: a check named a processor the snapshot did not hold).")
	fmt.Fprintln(w, "# TYPE tillid_snapshot_reloads_total counter")
	fmt.Fprintf(w, "tillid_snapshot_reloads_total{cause=\"miss\"} %d\n", m.missReloads.Load())
	fmt.Fprintln(w, "# HELP tillid_keys_reloads_total Reloads of the keys file, by result: ok (in force) or error (the keys loaded before stay in force).")
	fmt.Fprintln(w, "# TYPE tillid_keys_reloads_total counter")
	fmt.Fprintf(w, "tillid_keys_reloads_total{result=\"error\"} %d\n", m.reloadErrors.Load())
	fmt.Fprintf(w, "tillid_keys_reloads_total{result=\"ok\"} %d\n", m.reloads.Load())
}

func (h *histogram) write(w io.Writer, name, labels string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	sep := ""
	if labels != "" {
		sep = ","
	}
	var cum uint64
	for i, b := range buckets {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{%s%sle=\"%g\"} %d\n", name, labels, sep, b, cum)
	}
	cum += h.counts[len(buckets)]
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, cum)
	if labels != "" {
		labels = "{" + labels + "}"
	}
	fmt.Fprintf(w, "%s_sum%s %g\n%s_count%s %d\n", name, labels, h.sum, name, labels, h.n)
}

func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
}
