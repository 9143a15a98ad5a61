package load

import (
	"context"
	"os"
	"testing"
	"time"
)

// The generator refuses anything but plain HTTP on the loopback interface,
// and unbounded runs.
func TestRunRefuses(t *testing.T) {
	ok := Config{URL: "http://127.0.0.1:1", Key: "k", Clients: 1, Duration: time.Second, Max: 1}
	for _, c := range []struct {
		name string
		mod  func(*Config)
	}{
		{"another host", func(c *Config) { c.URL = "http://192.0.2.1:8080" }},
		{"a name", func(c *Config) { c.URL = "http://example.com:8080" }},
		{"https", func(c *Config) { c.URL = "https://127.0.0.1:8443" }},
		{"no port", func(c *Config) { c.URL = "http://127.0.0.1" }},
		{"no clients", func(c *Config) { c.Clients = 0 }},
		{"too long", func(c *Config) { c.Duration = time.Hour }},
		{"unbounded count", func(c *Config) { c.Max = 0 }},
	} {
		cfg := ok
		c.mod(&cfg)
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	// A closed port: every request is an error, and the run ends.
	r, err := Run(context.Background(), Config{URL: "http://127.0.0.1:1", Key: "k", Clients: 2, Duration: 200 * time.Millisecond, Max: 10})
	if err != nil || r.Errors == 0 || r.Requests != 0 {
		t.Errorf("closed port: %v %v", r, err)
	}
}

// The process's own CPU time is readable and grows.
func TestCPU(t *testing.T) {
	pid := os.Getpid()
	a, err := CPU(pid)
	if err != nil {
		t.Skip("no /proc:", err)
	}
	x := 0
	for i := 0; i < 200_000_000 && x >= 0; i++ {
		x += i & 1
	}
	b, err := CPU(pid)
	if err != nil || b < a {
		t.Errorf("CPU: %v then %v, %v", a, b, err)
	}
	if kb, err := RSS(pid); err != nil || kb <= 0 {
		t.Errorf("RSS: %d %v", kb, err)
	}
}
