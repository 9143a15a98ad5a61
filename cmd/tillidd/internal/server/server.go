// Package server is tillidd's HTTP/JSON API over the tillid library: the
// check before sharing, and the kommune's registers, for many kommuner in
// one process.
package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// Config configures a Server.
type Config struct {
	// Backend is the storage; required.
	Backend Backend
	// Keys holds the kommuner and their API keys; required.
	Keys *Keyring
	// OpenAPI is the contract served at /openapi.json.
	OpenAPI []byte
	// Options are the clock, ID source and logger given to the library.
	Options compliance.Options
	// Logger receives the server's structured logs (IDs only). Nil discards.
	Logger *slog.Logger
	// MaxBody is the largest request body in bytes; zero means 1 MiB.
	MaxBody int64
	// Rate and Burst are each key's token bucket: requests per second and
	// the bucket size. Zero Rate means 20,000/s; zero Burst means 2×Rate.
	Rate, Burst float64
	// MaxBatch caps the number of checks committed in one evidence batch;
	// zero means 256.
	MaxBatch int
	// Linger caps how long the evidence committer waits for checks that
	// are being decided in other handlers, so that one commit serves them
	// too; when no other check is being decided it does not wait. Zero
	// means no waiting.
	Linger time.Duration
	// MissReload is the shortest time between two reloads of a kommune's
	// processor registry caused by checks naming a processor (by ID, CVR,
	// orgnr or KITOS UUID) its snapshot does not hold — one that another
	// instance on the same store created, or gave that number. Such a
	// check reloads the registry from the store and looks again before it
	// is decided; concurrent misses share one reload. Within the interval
	// after a reload completed, a miss is answered from the snapshot
	// (deny, unknown). So the interval bounds the full reads a caller
	// asking about unknown numbers can cause, to one per interval per
	// kommune, and a processor created on another instance is found by
	// the first check for it once the interval has passed since this
	// instance's last such reload. Times are read from Options' clock.
	// Zero means no reloading on a miss; tillidd's -miss-reload defaults
	// to 2s.
	MissReload time.Duration
}

// Server serves the API. Create it with New, serve Handler, and call Close
// to flush the evidence batcher.
type Server struct {
	cfg      Config
	be       Backend
	keys     *Keyring
	log      *slog.Logger
	mux      *http.ServeMux
	tenants  sync.Map // compliance.ControllerID → *tenant
	tenantMu sync.Mutex
	printers map[string]*i18n.Printer
	limits   limiter
	metrics  *metrics
	batch    *batcher
	findings findingsCache
	langs    sync.Map // Accept-Language value → *i18n.Printer
	nlangs   atomic.Int64
	routes   []string
}

// New returns a server over cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Backend == nil || cfg.Keys == nil {
		return nil, errors.New("server: backend and keys are required")
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.Rate == 0 {
		cfg.Rate = 20000
	}
	if cfg.Burst == 0 {
		cfg.Burst = 2 * cfg.Rate
	}
	if cfg.MaxBatch == 0 {
		cfg.MaxBatch = 256
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, be: cfg.Backend, keys: cfg.Keys, log: log, mux: http.NewServeMux(),
		printers: map[string]*i18n.Printer{}, metrics: newMetrics()}
	for _, t := range i18n.Supported() {
		s.printers[t.String()] = i18n.NewPrinter(t)
	}
	s.limits = limiter{rate: cfg.Rate, burst: cfg.Burst, m: map[string]*bucket{}}
	s.batch = newBatcher(s, cfg.MaxBatch, cfg.Linger)
	s.routesInit()
	return s, nil
}

// Close stops the evidence batcher after committing what is queued.
func (s *Server) Close() { s.batch.close() }

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Routes lists the route patterns, for tests.
func (s *Server) Routes() []string { return append([]string(nil), s.routes...) }

// handle registers an API route that needs a key of at least role min.
func (s *Server) handle(pattern string, min Role, h func(w http.ResponseWriter, r *http.Request, a *call)) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		s.serveAPI(sw, r, min, h)
		d := time.Since(start)
		s.metrics.observe(r.Pattern, sw.status, d)
		if s.log.Enabled(r.Context(), slog.LevelDebug) {
			s.log.DebugContext(r.Context(), "request", "route", r.Pattern, "status", sw.status,
				"duration", d, "request_id", requestID(r))
		}
	})
}

func (s *Server) plain(pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, h)
}

// call is what a handler knows about the request after authentication.
type call struct {
	key KeyEntry
	t   *tenant
	p   *i18n.Printer
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, min Role, h func(http.ResponseWriter, *http.Request, *call)) {
	p := s.printer(r, s.printers["da"])
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tillid"`)
		problem(w, r, http.StatusUnauthorized, "unauthorized", "")
		return
	}
	key, ok := s.keys.Authenticate(strings.TrimSpace(tok))
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tillid", error="invalid_token"`)
		problem(w, r, http.StatusUnauthorized, "unauthorized", "")
		return
	}
	if key.Role < min {
		problem(w, r, http.StatusForbidden, "forbidden", "the key's role does not allow this operation")
		return
	}
	if wait, ok := s.limits.allow(key.ID, time.Now()); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
		s.metrics.limited.Add(1)
		problem(w, r, http.StatusTooManyRequests, "rate-limited", "")
		return
	}
	t, err := s.tenant(r.Context(), key.Controller)
	if err != nil {
		s.storeError(w, r, p, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	h(w, r, &call{key: key, t: t, p: s.printer(r, t.lang)})
}

// printer returns the printer for the request's Accept-Language, or fb
// (the kommune's language) when it names none. Matches are cached by
// header value (bounded): integrations send the same header every time.
func (s *Server) printer(r *http.Request, fb *i18n.Printer) *i18n.Printer {
	al := r.Header.Get("Accept-Language")
	if al == "" || len(al) > 200 {
		return fb
	}
	if p, ok := s.langs.Load(al); ok {
		return p.(*i18n.Printer)
	}
	tag := i18n.Match(fb.Tag(), al)
	p, ok := s.printers[tag.String()]
	if !ok {
		p = fb
	}
	if s.nlangs.Add(1) < 256 {
		s.langs.Store(al, p)
	}
	return p
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// readJSON reads the body (bounded by MaxBytesReader) and decodes it
// strictly into T with the library's decoder, whose errors name fields and
// never quote input.
func readJSON[T any](w http.ResponseWriter, r *http.Request, c *call, s *Server, entity string) (T, bool) {
	var zero T
	bp, ok := readPooled(w, r)
	if !ok {
		return zero, false
	}
	// The decoder copies what it keeps (strings, numbers), so the buffer
	// goes back to the pool once decoded.
	v, err := decode[T](*bp, entity)
	putBuf(bp)
	if err != nil {
		if entity == "check" {
			err = inProcessor(err)
		}
		s.storeError(w, r, c.p, err)
		return zero, false
	}
	return v, true
}

// readWith reads the body and decodes it with the library's strict
// decoder of the entity (which names fields by JSON path and never quotes
// input).
func readWith[T any](w http.ResponseWriter, r *http.Request, c *call, s *Server, dec func([]byte) (T, error)) (T, bool) {
	var zero T
	b, ok := readBody(w, r)
	if !ok {
		return zero, false
	}
	v, err := dec(b)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return zero, false
	}
	return v, true
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if !jsonBody(w, r) {
		return nil, false
	}
	b, err := io.ReadAll(r.Body)
	if !bodyRead(w, r, err) {
		return nil, false
	}
	return b, true
}

// readPooled is readBody into a buffer from bufPool, which the caller
// returns with putBuf once nothing refers to the body.
func readPooled(w http.ResponseWriter, r *http.Request) (*[]byte, bool) {
	if !jsonBody(w, r) {
		return nil, false
	}
	bp := getBuf()
	b := (*bp)[:0]
	var err error
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		var n int
		n, err = r.Body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			break
		}
	}
	*bp = b
	if err == io.EOF {
		err = nil
	}
	if !bodyRead(w, r, err) {
		putBuf(bp)
		return nil, false
	}
	return bp, true
}

func jsonBody(w http.ResponseWriter, r *http.Request) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		problem(w, r, http.StatusUnsupportedMediaType, "media-type", "send application/json")
		return false
	}
	return true
}

// bodyRead answers the error of reading a body, if any: 413 past MaxBody,
// 400 otherwise.
func bodyRead(w http.ResponseWriter, r *http.Request, err error) bool {
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			problem(w, r, http.StatusRequestEntityTooLarge, "too-large", fmt.Sprintf("the body exceeds %d bytes", mb.Limit))
			return false
		}
		problem(w, r, http.StatusBadRequest, "body", "")
		return false
	}
	return true
}

// writeJSON writes v with status and, when version > 0, the ETag.
func writeJSON(w http.ResponseWriter, status int, version uint64, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	if version > 0 {
		h.Set("ETag", etag(version))
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func etag(v uint64) string { return `"` + strconv.FormatUint(v, 10) + `"` }

// ifMatch reads the If-Match header of an update: 428 when it is missing,
// 412 when it is not a version of ours.
func ifMatch(w http.ResponseWriter, r *http.Request) (uint64, bool) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		problem(w, r, http.StatusPreconditionRequired, "if-match-required", "updates require If-Match with the ETag of the version read")
		return 0, false
	}
	h = strings.TrimPrefix(h, "W/")
	v, err := strconv.ParseUint(strings.Trim(h, `"`), 10, 64)
	if err != nil || v == 0 {
		problem(w, r, http.StatusPreconditionFailed, "version-conflict", "If-Match is not a version of this record")
		return 0, false
	}
	return v, true
}

// pathID parses the {id} path value as an ID of type T.
func pathID[P interface {
	*T
	UnmarshalText([]byte) error
}, T any](w http.ResponseWriter, r *http.Request) (T, bool) {
	var id T
	if err := P(&id).UnmarshalText([]byte(r.PathValue("id"))); err != nil {
		writeProblem(w, r, Problem{Type: problemBase + "not-found", Status: http.StatusNotFound,
			Detail: "the path does not name a record", Errors: []ProblemField{{Field: "id", Reason: compliance.ReasonFormat.String()}}})
		return id, false
	}
	return id, true
}

func typeName(err error) string { return reflect.TypeOf(err).String() }

// requestID returns the caller's X-Request-ID when it is a plain token
// (letters, digits, '-', '_', '.', at most 64), for correlating logs; any
// other value is dropped rather than logged.
func requestID(r *http.Request) string {
	v := r.Header.Get("X-Request-ID")
	if len(v) == 0 || len(v) > 64 {
		return ""
	}
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return ""
		}
	}
	return v
}

// inProcessor places the fields of a processor key (which the decoder names
// without their parent) under "processor".
func inProcessor(err error) error {
	var ve *compliance.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &compliance.ValidationError{Entity: ve.Entity, Fields: append([]compliance.FieldError(nil), ve.Fields...)}
	for i, f := range out.Fields {
		switch f.Field {
		case "id", "cvr", "orgnr", "kitos":
			out.Fields[i].Field = "processor." + f.Field
		}
	}
	return out
}
