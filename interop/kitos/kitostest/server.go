// Package kitostest is a fake KITOS API v2 for tests and examples: an
// HTTP server on the loopback address that answers GetToken,
// data-processing-registrations, it-system-usages, organizations and the
// deleted-entities feed from a [Fixture], with paging and changedSinceGtEq
// as KITOS does them, and faults to test a client against: expiring
// tokens, rate limits and malformed answers.
package kitostest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tillid/tillid/interop/kitos"
)

//go:embed fixture.json
var fixtureJSON []byte

// Fixture is the content the fake serves.
type Fixture struct {
	Organizations []kitos.Organization `json:"organizations"`
	Registrations []kitos.Registration `json:"registrations"`
	SystemUsages  []kitos.SystemUsage  `json:"systemUsages"`
	Deleted       []kitos.Deletion     `json:"deleted"`
}

// Example returns the example fixture: a kommune, "Eksempel Kommune", with
// three data processing registrations (one concluded agreement with
// sub-processors and half-yearly oversight, one undecided, one shared
// with a foreign cloud provider), two system usages and a deleted
// registration. Every name and number in it is made up.
func Example() Fixture {
	var f Fixture
	if err := json.Unmarshal(fixtureJSON, &f); err != nil {
		panic("kitostest: the embedded fixture does not parse: " + err.Error())
	}
	return f
}

// Credentials of the fake's API user.
const (
	Email    = "api@eksempel.dk"
	Password = "hemmeligt"
)

// Server is the fake KITOS. Its fields may be changed between requests
// under Lock.
type Server struct {
	*httptest.Server
	sync.Mutex
	// Fixture is what the server answers.
	Fixture Fixture
	// TokenTTL is the life of a token; 0 means 24 hours.
	TokenTTL time.Duration
	// Now is the server's clock; nil means time.Now.
	Now func() time.Time
	// RateLimit makes the next RateLimit requests answer 429 with
	// Retry-After: RetryAfter.
	RateLimit  int
	RetryAfter string
	// Malformed maps an API path ("api/v2/data-processing-registrations")
	// to the body answered instead of the real one.
	Malformed map[string]string
	// Requests logs each request as "METHOD path?query".
	Requests []string
	// Tokens counts the tokens issued.
	Tokens int

	tokens map[string]time.Time
}

// NewServer starts a fake KITOS on 127.0.0.1 serving f. Close it when done.
func NewServer(f Fixture) *Server {
	s := &Server{Fixture: f, tokens: map[string]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// ExpireTokens makes every issued token invalid, as if 24 hours had
// passed.
func (s *Server) ExpireTokens() {
	s.Lock()
	defer s.Unlock()
	clear(s.tokens)
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.Lock()
	defer s.Unlock()
	path := strings.TrimPrefix(r.URL.Path, "/")
	s.Requests = append(s.Requests, r.Method+" "+path+"?"+r.URL.RawQuery)
	if s.RateLimit > 0 {
		s.RateLimit--
		if s.RetryAfter != "" {
			w.Header().Set("Retry-After", s.RetryAfter)
		}
		http.Error(w, "too many requests", http.StatusTooManyRequests)
		return
	}
	if path == "api/authorize/GetToken" {
		s.token(w, r)
		return
	}
	exp, ok := s.tokens[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	if !ok || !s.now().Before(exp) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if body, ok := s.Malformed[path]; ok {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
		return
	}
	q := r.URL.Query()
	page, size, ok := paging(q)
	if !ok {
		http.Error(w, "bad paging", http.StatusBadRequest)
		return
	}
	var since time.Time
	if v := q.Get("changedSinceGtEq"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			http.Error(w, "bad changedSinceGtEq", http.StatusBadRequest)
			return
		}
		since = t
	}
	org := strings.ToLower(q.Get("organizationUuid"))
	var items []any
	switch path {
	case "api/v2/data-processing-registrations":
		for _, x := range s.Fixture.Registrations {
			if (org == "" || strings.ToLower(x.OrganizationContext.UUID) == org) && !x.LastModified.Time().Before(since) {
				items = append(items, x)
			}
		}
	case "api/v2/it-system-usages":
		for _, x := range s.Fixture.SystemUsages {
			if !x.LastModified.Time().Before(since) {
				items = append(items, x)
			}
		}
	case "api/v2/organizations":
		for _, x := range s.Fixture.Organizations {
			if c := q.Get("cvrContent"); c == "" || strings.Contains(x.CVR, c) {
				items = append(items, x)
			}
		}
	case "api/v2/delta-feed/deleted-entities":
		var del time.Time
		if v := q.Get("deletedSinceUTC"); v != "" {
			del, _ = time.Parse(time.RFC3339, v)
		}
		for _, x := range s.Fixture.Deleted {
			if t := q.Get("entityType"); (t == "" || t == x.EntityType) && !x.OccurredAtUTC.Time().Before(del) {
				items = append(items, x)
			}
		}
	default:
		http.NotFound(w, r)
		return
	}
	lo, hi := min(page*size, len(items)), min(page*size+size, len(items))
	out := items[lo:hi]
	if out == nil {
		out = []any{}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// paging reads page (0-based, default 0) and pageSize (1 to 250, default
// 250) as KITOS's BoundedPaginationQuery does.
func paging(q map[string][]string) (page, size int, ok bool) {
	page, size = 0, 250
	get := func(k string) (int, bool, bool) {
		v, present := q[k]
		if !present || len(v) == 0 {
			return 0, false, true
		}
		n, err := strconv.Atoi(v[0])
		return n, true, err == nil
	}
	if n, set, ok := get("page"); !ok || (set && n < 0) {
		return 0, 0, false
	} else if set {
		page = n
	}
	if n, set, ok := get("pageSize"); !ok || (set && (n < 1 || n > 250)) {
		return 0, 0, false
	} else if set {
		size = n
	}
	return page, size, true
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	var c struct{ Email, Password string }
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&c) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if c.Email != Email || c.Password != Password {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	ttl := s.TokenTTL
	if ttl == 0 {
		ttl = 24 * time.Hour
	}
	s.Tokens++
	tok := fmt.Sprintf("jwt-%d", s.Tokens)
	exp := s.now().Add(ttl)
	s.tokens[tok] = exp
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"msg": "",
		"response": map[string]any{"token": tok, "email": c.Email, "loginSuccessful": true,
			"expires": exp.UTC().Format(time.RFC3339)},
	})
}
