package server

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/google/uuid"
	"github.com/tillid/tillid/cmd/tillidd/api"
	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/compliance"
)

// The fixed instant of the tests: the esdh example's, 4 May 2026 10:00
// Copenhagen time.
var testNow = time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)

var (
	specOnce sync.Once
	spec     *openapi3.T
	router   routers.Router
	specErr  error

	coveredMu sync.Mutex
	covered   = map[string]bool{} // "METHOD /path/template" → seen
)

func loadSpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	specOnce.Do(func() {
		// kin-openapi checks no uuid format unless told; the IDs are
		// version 7, which its predefined pattern refuses.
		openapi3.DefineStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(
			`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`))
		l := openapi3.NewLoader()
		spec, specErr = l.LoadFromData(api.OpenAPI)
		if specErr != nil {
			return
		}
		if specErr = spec.Validate(context.Background()); specErr != nil {
			return
		}
		text := func(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
			b, err := io.ReadAll(body)
			return string(b), err
		}
		openapi3filter.RegisterBodyDecoder("text/csv", text)
		openapi3filter.RegisterBodyDecoder("text/markdown", text)
		spec.Servers = openapi3.Servers{{URL: "http://tillid.test"}}
		router, specErr = gorillamux.NewRouter(spec)
	})
	if specErr != nil {
		t.Fatalf("openapi.json: %v", specErr)
	}
	return spec, router
}

// The second kommune is Norwegian.
var kommuneB = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000bb")}

type harness struct {
	t    *testing.T
	s    *Server
	be   Backend
	keys map[string]string // "a-check", "a-read", "a-write", "b-write", …
}

func newHarness(t *testing.T) *harness {
	return newHarnessOn(t, NewMemory(), nil, Config{})
}

// newHarnessOn makes a server over be; with kr nil, a new keyring with
// kommune A (the demo, DK) and B (NO) and a key of each role for each.
func newHarnessOn(t *testing.T, be Backend, h0 *harness, cfg Config) *harness {
	t.Helper()
	loadSpec(t)
	h := &harness{t: t, be: be, keys: map[string]string{}}
	var kr *Keyring
	if h0 != nil {
		kr, h.keys = h0.s.keys, h0.keys
	} else {
		kr = NewKeyring()
		kr.AddController(Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: demo.Name})
		kr.AddController(Controller{ID: kommuneB, Jurisdiction: compliance.NO, Name: "Eksempel kommune"})
		if err := demo.Seed(context.Background(), be.Processors(), compliance.Options{Now: func() time.Time { return testNow }}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			n  string
			id compliance.ControllerID
		}{{"a", demo.ControllerID()}, {"b", kommuneB}} {
			for _, r := range []Role{RoleCheck, RoleRead, RoleWrite} {
				k, err := kr.AddKey(c.id, r)
				if err != nil {
					t.Fatal(err)
				}
				h.keys[c.n+"-"+r.String()] = k
			}
		}
	}
	cfg.Backend, cfg.Keys, cfg.OpenAPI = be, kr, api.OpenAPI
	if cfg.Options.Now == nil {
		cfg.Options.Now = func() time.Time { return testNow }
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	h.s = s
	return h
}

// resp is a response read in full.
type resp struct {
	Code   int
	Header http.Header
	Body   []byte
}

func (r resp) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not a JSON object: %v\n%s", err, r.Body)
	}
	return m
}

// do sends a request as key (a name in h.keys, or "" for none, or a raw
// key when it starts with "tk_" or "raw:") and validates the request and
// the response against the OpenAPI document: a request the document
// refuses must get a 4xx answer.
func (h *harness) do(method, path, key string, body any, hdr ...string) resp {
	h.t.Helper()
	return h.send(false, method, path, key, body, hdr...)
}

// doInvalid sends a request that breaks the OpenAPI document on purpose,
// as do does: the document must refuse it, and the server answer it with
// a 4xx problem.
func (h *harness) doInvalid(method, path, key string, body any, hdr ...string) resp {
	h.t.Helper()
	return h.send(true, method, path, key, body, hdr...)
}

func (h *harness) send(invalid bool, method, path, key string, body any, hdr ...string) resp {
	h.t.Helper()
	var rd io.Reader
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	case []byte:
		raw = b
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			h.t.Fatal(err)
		}
	}
	if raw != nil {
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, "http://tillid.test"+path, rd)
	if raw != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	switch {
	case key == "":
	case strings.HasPrefix(key, "raw:"):
		req.Header.Set("Authorization", strings.TrimPrefix(key, "raw:"))
	default:
		k, ok := h.keys[key]
		if !ok {
			h.t.Fatalf("no key %q", key)
		}
		req.Header.Set("Authorization", "Bearer "+k)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	vreq := req.Clone(context.Background())
	rec := httptest.NewRecorder()
	h.s.Handler().ServeHTTP(rec, req)
	res := resp{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	validate(h.t, vreq, raw, res, invalid)
	return res
}

// withBody returns req with a fresh reader of body (none when nil).
func withBody(req *http.Request, body []byte) *http.Request {
	q := req.Clone(context.Background())
	q.Body, q.GetBody, q.ContentLength = http.NoBody, nil, 0
	if body != nil {
		q.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		q.Body, _ = q.GetBody()
		q.ContentLength = int64(len(body))
	}
	return q
}

// validate checks a request (whose body was body) and its response
// against the OpenAPI document: the route and method must be documented
// (unless the server answered 404 or 405 for an undocumented path), and
// the status, headers and body of the response must match.
//
// The request must match as well, or be answered with a 4xx: a request
// the document refuses may never succeed. With invalid, the test breaks
// the document on purpose, and the document must refuse the request and
// the server answer with a 4xx problem, so that the two agree on what is
// invalid. Authentication is left to the server: the API key is not
// checked here.
func validate(t *testing.T, req *http.Request, body []byte, res resp, invalid bool) {
	t.Helper()
	_, rt := loadSpec(t)
	route, params, err := rt.FindRoute(withBody(req, nil))
	if err != nil {
		if (res.Code == http.StatusNotFound || res.Code == http.StatusMethodNotAllowed) && res.Header.Get("Content-Type") == "application/problem+json" {
			return // an undocumented path or method, answered with a problem
		}
		t.Fatalf("%s %s: not in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	coveredMu.Lock()
	covered[req.Method+" "+route.Path] = true
	coveredMu.Unlock()

	// A readOnly property (a record's id and version) is required in
	// answers only, and SHOULD NOT be sent (OpenAPI 3.0): a client that
	// sends back the record it read is not wrong, and the server ignores
	// them as the document says. kin-openapi would refuse them.
	rin := &openapi3filter.RequestValidationInput{Request: withBody(req, body), PathParams: params, Route: route,
		Options: &openapi3filter.Options{MultiError: true, SkipSettingDefaults: true, ExcludeReadOnlyValidations: true,
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	reqErr := openapi3filter.ValidateRequest(context.Background(), rin)
	client := res.Code >= 400 && res.Code < 500
	switch {
	case invalid && reqErr == nil:
		t.Errorf("%s %s → %d: openapi.json accepts a request the test sends as invalid", req.Method, req.URL.Path, res.Code)
	case invalid && (!client || res.Header.Get("Content-Type") != "application/problem+json"):
		t.Errorf("%s %s → %d: an invalid request (openapi.json: %v) is not answered with a 4xx problem", req.Method, req.URL.Path, res.Code, reqErr)
	case reqErr != nil && !client:
		t.Errorf("%s %s → %d: the server accepts a request openapi.json refuses: %v", req.Method, req.URL.Path, res.Code, reqErr)
	}

	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: withBody(req, nil), PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status: res.Code,
		Header: res.Header,
		Body:   io.NopCloser(bytes.NewReader(res.Body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s → %d does not match openapi.json: %v\n%s", req.Method, req.URL.Path, res.Code, err, res.Body)
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		// Every documented operation was exercised by some test, and
		// validated.
		var missing []string
		l := openapi3.NewLoader()
		doc, err := l.LoadFromData(api.OpenAPI)
		if err != nil {
			panic(err)
		}
		for path, item := range doc.Paths.Map() {
			for method := range item.Operations() {
				if !covered[method+" "+path] {
					missing = append(missing, method+" "+path)
				}
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			os.Stderr.WriteString("FAIL: operations of openapi.json no test exercised:\n  " + strings.Join(missing, "\n  ") + "\n")
			code = 1
		}
	}
	os.Exit(code)
}
