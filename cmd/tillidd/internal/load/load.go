// Package load is tillidd's load generator: keep-alive clients posting
// checks to a server on the loopback interface, bounded in count and time,
// reporting checks per second and latency percentiles.
package load

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultBody is a check of the demo kommune's compliant ESDH supplier.
const DefaultBody = `{"processor":{"cvr":"13748136"},"data":["identity","case-data"],"subjects":["citizens"],"purpose":"sagsbehandling"}`

// Result is the outcome of a run.
type Result struct {
	Clients  int
	Requests int
	Errors   int
	Elapsed  time.Duration
	P50, P99 time.Duration
	Max      time.Duration
}

// PerSecond is the rate of successful requests.
func (r Result) PerSecond() float64 { return float64(r.Requests-r.Errors) / r.Elapsed.Seconds() }

// String formats the result on one line.
func (r Result) String() string {
	return fmt.Sprintf("clients=%d requests=%d errors=%d elapsed=%s checks/s=%.0f p50=%s p99=%s max=%s",
		r.Clients, r.Requests, r.Errors, r.Elapsed.Round(time.Millisecond), r.PerSecond(),
		r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond))
}

// Config is one run.
type Config struct {
	URL      string        // the server's base URL; loopback only
	Key      string        // API key
	Clients  int           // concurrent keep-alive clients
	Duration time.Duration // at most this long (≤ 5 minutes)
	Max      int           // at most this many requests (≤ 10,000,000)
	Body     string        // the check to post
}

// Run posts checks until Duration passes or Max are sent.
func Run(ctx context.Context, c Config) (Result, error) {
	u, err := url.Parse(c.URL)
	if err != nil {
		return Result{}, errors.New("-url: not a URL")
	}
	if u.Scheme != "http" || u.Port() == "" {
		return Result{}, errors.New("-url: want http://127.0.0.1:PORT (plain HTTP on loopback)")
	}
	if ip := net.ParseIP(u.Hostname()); (ip == nil || !ip.IsLoopback()) && u.Hostname() != "localhost" {
		return Result{}, errors.New("-url: the load generator only targets the loopback interface")
	}
	if c.Clients < 1 || c.Clients > 1024 {
		return Result{}, errors.New("-clients: 1 to 1024")
	}
	if c.Duration <= 0 || c.Duration > 5*time.Minute {
		return Result{}, errors.New("-duration: up to 5m")
	}
	if c.Max <= 0 || c.Max > 10_000_000 {
		return Result{}, errors.New("-n: 1 to 10,000,000")
	}
	if c.Body == "" {
		c.Body = DefaultBody
	}
	// Each client is one keep-alive TCP connection writing a prepared
	// HTTP/1.1 request and reading the answer with http.ReadResponse: the
	// generator's own cost per request stays small, which matters when it
	// shares two cores with the server it measures.
	reqBytes := []byte("POST /v1/checks HTTP/1.1\r\nHost: " + u.Host + "\r\nAuthorization: Bearer " + c.Key +
		"\r\nContent-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(c.Body)) + "\r\n\r\n" + c.Body)
	ctx, cancel := context.WithTimeout(ctx, c.Duration)
	defer cancel()
	var sent, errs atomic.Int64
	lats := make([][]time.Duration, c.Clients)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range c.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := make([]time.Duration, 0, min(c.Max/c.Clients+1, 1<<20))
			var conn net.Conn
			var br *bufio.Reader
			defer func() {
				if conn != nil {
					conn.Close()
				}
				lats[i] = own
			}()
			for ctx.Err() == nil && sent.Add(1) <= int64(c.Max) {
				if conn == nil {
					var d net.Dialer
					cn, err := d.DialContext(ctx, "tcp", u.Host)
					if err != nil {
						if ctx.Err() == nil {
							errs.Add(1)
						}
						continue
					}
					conn, br = cn, bufio.NewReaderSize(cn, 8192)
				}
				t0 := time.Now()
				_ = conn.SetDeadline(t0.Add(10 * time.Second))
				resp, err := roundTrip(conn, br, reqBytes)
				if err != nil {
					conn.Close()
					conn = nil
					if ctx.Err() == nil {
						errs.Add(1)
					}
					continue
				}
				own = append(own, time.Since(t0))
				if resp != http.StatusOK {
					errs.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	all := slices.Concat(lats...)
	slices.Sort(all)
	r := Result{Clients: c.Clients, Requests: len(all), Errors: int(errs.Load()), Elapsed: el}
	if len(all) > 0 {
		r.P50 = all[len(all)*50/100]
		r.P99 = all[min(len(all)-1, len(all)*99/100)]
		r.Max = all[len(all)-1]
	}
	return r, nil
}

func roundTrip(conn net.Conn, br *bufio.Reader, req []byte) (int, error) {
	if _, err := conn.Write(req); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		return resp.StatusCode, errors.New("server closed the connection")
	}
	return resp.StatusCode, err
}

// RSS returns the resident set size of process pid in KiB, from /proc.
func RSS(pid int) (int, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for l := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, errors.New("no VmRSS")
}

// CPU returns the user and system CPU time process pid has used, from
// /proc (clock ticks of 1/100 s, as on every Linux the generator targets).
func CPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The fields after the command name (which is in parentheses and may
	// hold spaces): state is field 3, utime 14 and stime 15.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, errors.New("malformed stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("malformed stat")
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("malformed stat")
	}
	return time.Duration(u+st) * 10 * time.Millisecond, nil
}

// Main is `tillidd load`.
func Main(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(out)
	u := fs.String("url", "http://127.0.0.1:8080", "server base URL (loopback only)")
	key := fs.String("key", "", "API key with the check role")
	clients := fs.String("clients", "1,16,64", "comma-separated numbers of keep-alive clients, one run each")
	dur := fs.Duration("duration", 10*time.Second, "length of each run (≤ 5m)")
	n := fs.Int("n", 1_000_000, "most requests per run")
	body := fs.String("body", DefaultBody, "the check to post")
	pid := fs.Int("pid", 0, "the server's process ID, to report its RSS")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, cs := range strings.Split(*clients, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(cs))
		if err != nil {
			return errors.New("-clients: want numbers")
		}
		var cpu0 time.Duration
		if *pid > 0 {
			cpu0, _ = CPU(*pid)
		}
		own0, _ := CPU(os.Getpid())
		r, err := Run(ctx, Config{URL: *u, Key: *key, Clients: k, Duration: *dur, Max: *n, Body: *body})
		if err != nil {
			return err
		}
		fmt.Fprint(out, r)
		if own1, err := CPU(os.Getpid()); err == nil && r.Requests > 0 {
			fmt.Fprintf(out, " load_cpu/check=%s", ((own1 - own0) / time.Duration(r.Requests)).Round(time.Microsecond))
		}
		if *pid > 0 {
			if cpu1, err := CPU(*pid); err == nil && r.Requests > 0 {
				fmt.Fprintf(out, " server_cpu/check=%s", ((cpu1 - cpu0) / time.Duration(r.Requests)).Round(time.Microsecond))
			}
			if kb, err := RSS(*pid); err == nil {
				fmt.Fprintf(out, " server_rss=%dMiB", kb/1024)
			}
		}
		fmt.Fprintln(out)
	}
	return nil
}
