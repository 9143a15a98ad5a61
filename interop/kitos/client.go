package kitos

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Options configures a [Client]. A nil *Options means the defaults.
type Options struct {
	// HTTPClient sends the requests; nil means a client with a 60-second
	// timeout per request. Deadlines of the whole import come from the
	// context passed to each call.
	HTTPClient *http.Client
	// PageSize is the number of items asked for per page, 1 to 250 (KITOS
	// caps pages at 250: BoundedPaginationQuery, "Range: [1,250] Default:
	// 250"); 0 means 250.
	PageSize int
	// MaxBody is the largest answer read, in bytes; 0 means 32 MiB. A
	// larger answer is an error.
	MaxBody int64
	// MaxItems is the most items one listing returns over all its pages;
	// 0 means 100 000. More is an error, not a silent truncation.
	MaxItems int
	// MaxRetries is how many times a request answered 429 Too Many
	// Requests or 503 Service Unavailable is retried; 0 means 3, a
	// negative value none.
	MaxRetries int
	// MaxWait is the longest Retry-After the client waits; a longer one
	// is an error. 0 means 2 minutes. Without Retry-After it waits 1, 2,
	// 4 … seconds, capped by MaxWait.
	MaxWait time.Duration
	// Now is the clock used for the token's expiry; nil means time.Now.
	Now func() time.Time
	// Sleep waits d or until ctx is done; nil means a timer. Tests set it
	// to avoid waiting.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client reads KITOS API v2 for one user. It is safe for concurrent use.
//
// Authentication is KITOS's token scheme: POST api/authorize/GetToken with
// the API user's e-mail and password returns a JWT valid for 24 hours
// (os2kitos/kitos TokenAuthenticationController: "KITOS JWT are valid for
// 24 hours (see 'expires' field)"), sent as "Authorization: Bearer". The
// client asks for a new token a minute before the old one expires, and
// once more when KITOS answers 401 Unauthorized. The password is kept only
// in the Client and never appears in an error.
type Client struct {
	base     *url.URL
	email    string
	password string
	hc       *http.Client
	opts     Options

	mu      sync.Mutex
	token   string
	expires time.Time
}

// NewClient returns a client for the KITOS installation at baseURL
// ("https://kitos.dk/") with the API user's credentials.
func NewClient(baseURL, email, password string, opts *Options) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errors.New("kitos: the base URL must be an absolute http(s) URL")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	if email == "" || password == "" {
		return nil, errors.New("kitos: the API user's e-mail and password are required")
	}
	o := Options{}
	if opts != nil {
		o = *opts
	}
	switch {
	case o.PageSize == 0:
		o.PageSize = 250
	case o.PageSize < 0 || o.PageSize > 250:
		return nil, errors.New("kitos: the page size must be 1 to 250")
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 32 << 20
	}
	if o.MaxItems <= 0 {
		o.MaxItems = 100_000
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 3
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: u, email: email, password: password, hc: hc, opts: o}, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// StatusError is an answer from KITOS with an unexpected HTTP status.
type StatusError struct {
	// Endpoint is the API path.
	Endpoint string
	// Status is the HTTP status code.
	Status int
}

// Error names the endpoint and the status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("kitos: %s answered %d %s", e.Endpoint, e.Status, http.StatusText(e.Status))
}

// ErrRateLimited is returned when KITOS keeps answering 429 after the
// retries, or asks for a longer wait than Options.MaxWait.
var ErrRateLimited = errors.New("kitos: rate limited")

// authorize returns a valid token, asking KITOS for one when there is none,
// it expires within a minute, or it is stale (the token KITOS just refused;
// when another goroutine has renewed it meanwhile, its new token is used).
func (c *Client) authorize(ctx context.Context, stale string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.token != stale && c.opts.Now().Add(time.Minute).Before(c.expires) {
		return c.token, nil
	}
	body, _ := json.Marshal(map[string]string{"email": c.email, "password": c.password})
	b, err := c.do(ctx, http.MethodPost, pathToken, nil, "", body)
	if err != nil {
		return "", err
	}
	var a tokenAnswer
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&a); err != nil {
		return "", jsonErr(err, pathToken)
	}
	if a.Response.Token == "" || !a.Response.LoginSuccessful {
		return "", &MalformedError{Endpoint: pathToken, Field: "response.token", Reason: "no token"}
	}
	exp := a.Response.Expires.Time()
	if exp.IsZero() {
		exp = c.opts.Now().Add(24 * time.Hour)
	}
	c.token, c.expires = a.Response.Token, exp
	return c.token, nil
}

// get sends an authorised GET and returns the body, renewing the token once
// on 401.
func (c *Client) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	tok, err := c.authorize(ctx, "")
	if err != nil {
		return nil, err
	}
	b, err := c.do(ctx, http.MethodGet, path, q, tok, nil)
	var se *StatusError
	if errors.As(err, &se) && se.Status == http.StatusUnauthorized {
		if tok, err = c.authorize(ctx, tok); err != nil {
			return nil, err
		}
		b, err = c.do(ctx, http.MethodGet, path, q, tok, nil)
	}
	return b, err
}

// do sends one request, retrying 429 and 503 with bounded waits, and reads
// at most MaxBody bytes of a 200 answer.
func (c *Client) do(ctx context.Context, method, path string, q url.Values, token string, body []byte) ([]byte, error) {
	u := c.base.ResolveReference(&url.URL{Path: path, RawQuery: q.Encode()})
	backoff := time.Second
	for attempt := 0; ; attempt++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
		if err != nil {
			return nil, fmt.Errorf("kitos: %s: %w", path, err)
		}
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("kitos: %s: request failed: %w", path, errors.Unwrap(err))
		}
		if resp.StatusCode == http.StatusOK {
			b, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBody+1))
			resp.Body.Close()
			if err != nil {
				return nil, fmt.Errorf("kitos: %s: reading the answer: %w", path, err)
			}
			if int64(len(b)) > c.opts.MaxBody {
				return nil, &MalformedError{Endpoint: path, Reason: "the answer exceeds the size limit"}
			}
			return b, nil
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
			return nil, &StatusError{Endpoint: path, Status: resp.StatusCode}
		}
		if attempt >= c.opts.MaxRetries || c.opts.MaxRetries < 0 {
			return nil, fmt.Errorf("%w: %s answered %d after %d retries", ErrRateLimited, path, resp.StatusCode, attempt)
		}
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), c.opts.Now())
		if !ok {
			wait, backoff = backoff, backoff*2
		}
		if wait > c.opts.MaxWait {
			return nil, fmt.Errorf("%w: %s asks to wait %s, more than the %s allowed", ErrRateLimited, path, wait, c.opts.MaxWait)
		}
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date (RFC 9110
// section 10.2.3).
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > 1<<20 {
			n = 1 << 20
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// Query narrows a listing.
type Query struct {
	// Organization is the kommune's organisation UUID in KITOS
	// (organizationUuid); uuid.Nil lists what the user may see.
	Organization uuid.UUID
	// ChangedSince lists only entities changed at or after the instant
	// (changedSinceGtEq, UTC); zero lists all.
	ChangedSince time.Time
}

func (q Query) values() url.Values {
	v := url.Values{}
	if q.Organization != uuid.Nil {
		v.Set("organizationUuid", q.Organization.String())
	}
	if !q.ChangedSince.IsZero() {
		v.Set("changedSinceGtEq", q.ChangedSince.UTC().Format("2006-01-02T15:04:05Z"))
	}
	return v
}

// list pages through an endpoint: page 0, 1, … of PageSize items until a
// short page, bounded by MaxItems.
func list[T any](ctx context.Context, c *Client, path string, q url.Values, parse func([]byte) ([]T, error)) ([]T, error) {
	var all []T
	for page := 0; ; page++ {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(page))
		v.Set("pageSize", strconv.Itoa(c.opts.PageSize))
		b, err := c.get(ctx, path, v)
		if err != nil {
			return nil, err
		}
		items, err := parse(b)
		if err != nil {
			return nil, err
		}
		if len(items) > c.opts.PageSize {
			return nil, &MalformedError{Endpoint: path, Reason: "more items than the page size asked for"}
		}
		if len(all)+len(items) > c.opts.MaxItems {
			return nil, fmt.Errorf("kitos: %s lists more than %d items", path, c.opts.MaxItems)
		}
		all = append(all, items...)
		if len(items) < c.opts.PageSize {
			return all, nil
		}
	}
}

// Registrations lists the data processing registrations (GET
// api/v2/data-processing-registrations), every page.
func (c *Client) Registrations(ctx context.Context, q Query) ([]Registration, error) {
	return list(ctx, c, pathRegistrations, q.values(), ParseRegistrations)
}

// SystemUsages lists the IT system usages (GET api/v2/it-system-usages),
// every page.
func (c *Client) SystemUsages(ctx context.Context, q Query) ([]SystemUsage, error) {
	return list(ctx, c, pathUsages, q.values(), ParseSystemUsages)
}

// Organizations lists the organisations whose CVR number contains cvr
// (GET api/v2/organizations?cvrContent=…), every page; an empty cvr lists
// all. KITOS offers no changedSinceGtEq on organisations.
func (c *Client) Organizations(ctx context.Context, cvr string) ([]Organization, error) {
	v := url.Values{}
	if cvr != "" {
		v.Set("cvrContent", cvr)
	}
	return list(ctx, c, pathOrganizations, v, ParseOrganizations)
}

// Deleted lists the entities of entityType ("DataProcessingRegistration",
// "ItSystemUsage"; empty for all) deleted at or after since (GET
// api/v2/delta-feed/deleted-entities with deletedSinceUTC), every page.
func (c *Client) Deleted(ctx context.Context, entityType string, since time.Time) ([]Deletion, error) {
	v := url.Values{}
	if entityType != "" {
		v.Set("entityType", entityType)
	}
	if !since.IsZero() {
		v.Set("deletedSinceUTC", since.UTC().Format("2006-01-02T15:04:05Z"))
	}
	return list(ctx, c, pathDeleted, v, ParseDeletions)
}

// Source is everything an import reads from KITOS: the kommune's
// registrations, the system usages they link to, and the registrations
// deleted since the last import.
type Source struct {
	// Registrations are the data processing registrations.
	Registrations []Registration `json:"registrations"`
	// SystemUsages are the system usages, by UUID; the ones registrations
	// link to give the data categories and purposes.
	SystemUsages []SystemUsage `json:"systemUsages"`
	// Deleted are the deletions of registrations since the last import.
	Deleted []Deletion `json:"deleted,omitempty"`
}

// Fetch reads the Source of kommune org from KITOS: every registration and
// system usage changed since since (all of them when since is zero), and
// the registrations deleted since then (none when since is zero: a full
// import has nothing to delete). It returns an error, and no partial
// Source, when any request fails.
func Fetch(ctx context.Context, c *Client, org uuid.UUID, since time.Time) (Source, error) {
	q := Query{Organization: org, ChangedSince: since}
	regs, err := c.Registrations(ctx, q)
	if err != nil {
		return Source{}, err
	}
	// The usages a changed registration links to may be unchanged, so they
	// are read in full.
	usages, err := c.SystemUsages(ctx, Query{Organization: org})
	if err != nil {
		return Source{}, err
	}
	var del []Deletion
	if !since.IsZero() {
		if del, err = c.Deleted(ctx, "DataProcessingRegistration", since); err != nil {
			return Source{}, err
		}
	}
	return Source{Registrations: regs, SystemUsages: usages, Deleted: del}, nil
}

// ErrNoKommune is returned by [Client.Kommune] when KITOS has no single
// municipality with the CVR number.
var ErrNoKommune = errors.New("kitos: no single municipality has the CVR number")

// Kommune returns the UUID in KITOS of the municipality (organizationType
// "Municipality") with CVR number cvr, the organizationUuid that [Fetch]
// needs: a kommune knows its CVR number, not its KITOS UUID.
func (c *Client) Kommune(ctx context.Context, cvr string) (uuid.UUID, error) {
	orgs, err := c.Organizations(ctx, cvr)
	if err != nil {
		return uuid.Nil, err
	}
	var found []uuid.UUID
	for _, o := range orgs {
		if o.OrganizationType == "Municipality" && strings.TrimSpace(o.CVR) == cvr {
			if u, err := uuid.Parse(o.UUID); err == nil {
				found = append(found, u)
			}
		}
	}
	if len(found) != 1 {
		return uuid.Nil, ErrNoKommune
	}
	return found[0], nil
}
