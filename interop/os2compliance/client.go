package os2compliance

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Options configures a [Client]. A nil *Options means the defaults.
type Options struct {
	// HTTPClient sends the requests; nil means a client with a 60-second
	// timeout per request.
	HTTPClient *http.Client
	// PageSize is the page size asked for, 1 to 500 (the API's maximum,
	// AssetApiController: "Page size to fetch, max is 500"); 0 means 500.
	PageSize int
	// MaxItems bounds a listing over all its pages; 0 means 100 000.
	MaxItems int
	// MaxRetries is how many times a 429 or 503 answer is retried; 0
	// means 3, a negative value none.
	MaxRetries int
	// MaxWait is the longest Retry-After waited; 0 means 2 minutes.
	MaxWait time.Duration
	// Sleep waits d or until ctx is done; nil means a timer.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client reads OS2compliance's REST API v1 with an API key, sent in the
// "ApiKey" header as the API's security scheme names it (ApiDoc.java).
// The key never appears in an error.
type Client struct {
	base *url.URL
	key  string
	hc   *http.Client
	opts Options
}

// NewClient returns a client for the OS2compliance at baseURL.
func NewClient(baseURL, apiKey string, opts *Options) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errors.New("os2compliance: the base URL must be an absolute http(s) URL")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	if apiKey == "" {
		return nil, errors.New("os2compliance: the API key is required")
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	switch {
	case o.PageSize == 0:
		o.PageSize = 500
	case o.PageSize < 0 || o.PageSize > 500:
		return nil, errors.New("os2compliance: the page size must be 1 to 500")
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
	if o.Sleep == nil {
		o.Sleep = func(ctx context.Context, d time.Duration) error {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		}
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: u, key: apiKey, hc: hc, opts: o}, nil
}

// StatusError is an answer with an unexpected HTTP status.
type StatusError struct {
	Path   string
	Status int
}

// Error names the path and the status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("os2compliance: %s answered %d %s", e.Path, e.Status, http.StatusText(e.Status))
}

func (c *Client) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	u := c.base.ResolveReference(&url.URL{Path: path, RawQuery: q.Encode()})
	backoff := time.Second
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, fmt.Errorf("os2compliance: %s: %w", path, err)
		}
		req.Header.Set("ApiKey", c.key)
		req.Header.Set("Accept", "application/json")
		resp, err := c.hc.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("os2compliance: %s: request failed: %w", path, errors.Unwrap(err))
		}
		if resp.StatusCode == http.StatusOK {
			b, err := io.ReadAll(io.LimitReader(resp.Body, MaxInput+1))
			resp.Body.Close()
			if err != nil {
				return nil, fmt.Errorf("os2compliance: %s: reading: %w", path, err)
			}
			return b, nil
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
			return nil, &StatusError{Path: path, Status: resp.StatusCode}
		}
		if c.opts.MaxRetries < 0 || attempt >= c.opts.MaxRetries {
			return nil, fmt.Errorf("os2compliance: %s answered %d after %d retries", path, resp.StatusCode, attempt)
		}
		wait := backoff
		if n, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && n >= 0 {
			wait = time.Duration(min(n, 1<<20)) * time.Second
		} else {
			backoff *= 2
		}
		if wait > c.opts.MaxWait {
			return nil, fmt.Errorf("os2compliance: %s asks to wait %s, more than the %s allowed", path, wait, c.opts.MaxWait)
		}
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func list[T any](ctx context.Context, c *Client, path, what string, check func([]T) error) ([]T, error) {
	var all []T
	for p := 0; ; p++ {
		b, err := c.get(ctx, path, url.Values{"page": {strconv.Itoa(p)}, "pageSize": {strconv.Itoa(c.opts.PageSize)}})
		if err != nil {
			return nil, err
		}
		items, pg, err := decode[T](b, what)
		if err != nil {
			return nil, err
		}
		if err := check(items); err != nil {
			return nil, err
		}
		if len(items) > c.opts.PageSize {
			return nil, &malformed{what, "more items than the page size asked for"}
		}
		if len(all)+len(items) > c.opts.MaxItems {
			return nil, fmt.Errorf("os2compliance: %s lists more than %d items", path, c.opts.MaxItems)
		}
		all = append(all, items...)
		if len(items) < c.opts.PageSize || (pg != nil && p+1 >= pg.TotalPages) {
			return all, nil
		}
	}
}

// Suppliers lists every supplier (GET api/v1/suppliers).
func (c *Client) Suppliers(ctx context.Context) ([]Supplier, error) {
	return list(ctx, c, "api/v1/suppliers", "suppliers", func(ss []Supplier) error {
		for i, s := range ss {
			if s.ID <= 0 || strings.TrimSpace(s.Name) == "" {
				return &malformed{"suppliers", fmt.Sprintf("item %d has no id or name", i)}
			}
		}
		return nil
	})
}

// Assets lists every asset (GET api/v1/assets).
func (c *Client) Assets(ctx context.Context) ([]Asset, error) {
	return list(ctx, c, "api/v1/assets", "assets", func(as []Asset) error {
		for i, a := range as {
			if a.ID <= 0 || (a.Supplier != nil && a.Supplier.ID <= 0) {
				return &malformed{"assets", fmt.Sprintf("item %d has no id", i)}
			}
		}
		return nil
	})
}

// Source is what an import reads from OS2compliance.
type Source struct {
	Suppliers []Supplier `json:"suppliers"`
	Assets    []Asset    `json:"assets"`
}

// Fetch reads every supplier and asset; on any error it returns none.
func Fetch(ctx context.Context, c *Client) (Source, error) {
	ss, err := c.Suppliers(ctx)
	if err != nil {
		return Source{}, err
	}
	as, err := c.Assets(ctx)
	if err != nil {
		return Source{}, err
	}
	return Source{Suppliers: ss, Assets: as}, nil
}
