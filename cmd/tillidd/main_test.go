package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/load"
	"github.com/tillid/tillid/cmd/tillidd/internal/server"
	"github.com/tillid/tillid/postgres"
	"github.com/tillid/tillid/sqlite"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// build compiles tillidd once for the package's tests.
func build(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "tillidd-test"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "tillidd")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Stderr = os.Stderr
		binErr = cmd.Run()
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// started is a running tillidd process.
type started struct {
	cmd  *exec.Cmd
	base string
	key  string
	out  chan string
}

// start runs bin with args and reads its address (and the demo key) from
// its output.
func start(t *testing.T, bin string, args ...string) *started {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &started{cmd: cmd, out: make(chan string, 100)}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.out <- sc.Text()
		}
		close(s.out)
	}()
	deadline := time.After(20 * time.Second)
	for s.base == "" || (s.key == "" && strings.Contains(strings.Join(args, " "), "-demo")) {
		select {
		case l, ok := <-s.out:
			if !ok {
				t.Fatal("tillidd exited before listening")
			}
			if v, ok := strings.CutPrefix(l, "tillidd listening on "); ok {
				s.base = v
			}
			if v, ok := strings.CutPrefix(l, "demo API key (write): "); ok {
				s.key = v
			}
		case <-deadline:
			t.Fatal("tillidd did not start")
		}
	}
	return s
}

// stop sends SIGTERM and waits for a clean exit.
func (s *started) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("tillidd exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("tillidd did not stop on SIGTERM")
	}
	var rest []string
	for l := range s.out {
		rest = append(rest, l)
	}
	if !strings.Contains(strings.Join(rest, "\n"), "tillidd stopped") {
		t.Errorf("no graceful shutdown: %q", rest)
	}
}

func post(t *testing.T, url, key, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "en")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(res.Body).Decode(&m)
	return res.StatusCode, m
}

// The binary starts with -demo on a loopback port, answers a check and
// its health endpoints over TCP, and stops on SIGTERM.
func TestProcess(t *testing.T) {
	bin := build(t)
	s := start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", "memory")
	if !strings.HasPrefix(s.base, "http://127.0.0.1:") {
		t.Fatalf("address %q", s.base)
	}
	code, m := post(t, s.base+"/v1/checks", s.key, load.DefaultBody)
	if code != 200 || m["outcome"] == nil {
		t.Fatalf("check: %d %v", code, m)
	}
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		res, err := http.Get(s.base + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
	// The load generator, briefly, over loopback.
	r, err := load.Run(context.Background(), load.Config{URL: s.base, Key: s.key, Clients: 4, Duration: 300 * time.Millisecond, Max: 2000})
	if err != nil || r.Requests == 0 || r.Errors != 0 {
		t.Errorf("load: %v %v", r, err)
	}
	s.stop(t)
}

// `tillidd keys add` writes the kommune and the key's SHA-256 to the keys
// file and prints the key once; the server started on that file accepts
// the key for its kommune only.
func TestKeysCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "keys.json")
	var out strings.Builder
	err := run(context.Background(), []string{"keys", "add", "-keys", file, "-controller", "00000000-0000-7000-8000-0000000000c1",
		"-jurisdiction", "no", "-name", "Eksempel kommune", "-role", "read"}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	key := strings.TrimSpace(out.String())
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(key, "tk_") || strings.Contains(string(b), key[16:]) {
		t.Fatalf("key %q; the file holds the secret: %s", key, b)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("keys file mode %v", fi.Mode().Perm())
	}
	kr, err := server.LoadKeyring(file)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := kr.Authenticate(key)
	if !ok || e.Role != server.RoleRead || e.Controller.String() != "00000000-0000-7000-8000-0000000000c1" {
		t.Errorf("authenticate: %v %+v", ok, e)
	}
	for _, bad := range [][]string{
		{"keys", "add", "-keys", file, "-controller", "nope"},
		{"keys", "add", "-keys", file, "-controller", "00000000-0000-7000-8000-0000000000c2", "-role", "read"},
		{"keys", "add", "-keys", file, "-controller", "00000000-0000-7000-8000-0000000000c1", "-role", "admin"},
		{"keys"},
	} {
		if err := run(context.Background(), bad, io.Discard, io.Discard); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}

// addKey runs `tillidd keys add` in the test process and returns the key
// and its public ID.
func addKey(t *testing.T, file, ctrl, role string, extra ...string) (key, id string) {
	t.Helper()
	var out strings.Builder
	args := append([]string{"keys", "add", "-keys", file, "-controller", ctrl, "-role", role}, extra...)
	if err := run(context.Background(), args, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	key = strings.TrimSpace(out.String())
	return key, strings.SplitN(key, "_", 3)[1]
}

// `tillidd keys list` shows each key's ID, kommune and role, never a hash;
// `tillidd keys revoke` removes one, keeping the file's mode 0600, and
// names an ID it does not know.
func TestKeysListRevoke(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys.json")
	const c1 = "00000000-0000-7000-8000-0000000000c1"
	_, x := addKey(t, file, c1, "write", "-jurisdiction", "dk", "-name", "Eksempel Kommune")
	_, y := addKey(t, file, c1, "check")
	list := func() string {
		t.Helper()
		var out strings.Builder
		if err := run(context.Background(), []string{"keys", "list", "-keys", file}, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	out := list()
	for _, want := range []string{x + "  " + c1 + "  write", y + "  " + c1 + "  check", "Eksempel Kommune"} {
		if !strings.Contains(out, want) {
			t.Errorf("keys list has no %q:\n%s", want, out)
		}
	}
	kr, err := server.LoadKeyring(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range kr.Keys() {
		if strings.Contains(out, e.SHA256[:8]) {
			t.Errorf("keys list shows a hash:\n%s", out)
		}
	}

	for _, tc := range []struct {
		name    string
		args    []string
		unknown bool // the error is ErrUnknownKey
	}{
		{"unknown ID", []string{"keys", "revoke", "-keys", file, "-id", "000000000000"}, true},
		{"no -id", []string{"keys", "revoke", "-keys", file}, false},
		{"no such file", []string{"keys", "revoke", "-keys", file + ".nope", "-id", x}, false},
		{"list, no such file", []string{"keys", "list", "-keys", file + ".nope"}, false},
		{"unknown subcommand", []string{"keys", "delete", "-keys", file, "-id", x}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), tc.args, io.Discard, io.Discard)
			switch {
			case err == nil:
				t.Fatal("no error")
			case tc.unknown && (!errors.Is(err, server.ErrUnknownKey) || !strings.Contains(err.Error(), "000000000000")):
				t.Errorf("error %v does not name the unknown ID", err)
			}
		})
	}
	if got := list(); got != out {
		t.Errorf("a failed revoke changed the file:\n%s", got)
	}

	if err := run(context.Background(), []string{"keys", "revoke", "-keys", file, "-id", x}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if out := list(); strings.Contains(out, x) || !strings.Contains(out, y) {
		t.Errorf("after revoking %s:\n%s", x, out)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("keys file after revoke: %v %v", fi.Mode().Perm(), err)
	}
}

// get sends GET path with key and returns the status and Content-Type.
func get(t *testing.T, url, key string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Content-Type")
}

// A key revoked with `tillidd keys revoke` is refused (401, a problem) by
// the running server after SIGHUP, or, with -keys-reload, without a
// signal; the kommune's other key keeps working and the server keeps
// running.
func TestProcessKeysReload(t *testing.T) {
	bin := build(t)
	for _, tc := range []struct {
		name   string
		reload string // -keys-reload
		hup    bool
	}{
		{"SIGHUP", "0", true},
		{"polling", "20ms", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "keys.json")
			const c1 = "00000000-0000-7000-8000-0000000000c1"
			x, xid := addKey(t, file, c1, "read", "-jurisdiction", "no", "-name", "Eksempel kommune")
			y, _ := addKey(t, file, c1, "read")
			s := start(t, bin, "-addr", "127.0.0.1:0", "-db", "memory", "-keys", file, "-keys-reload", tc.reload)
			for _, k := range []string{x, y} {
				if code, _ := get(t, s.base+"/v1/processors", k); code != 200 {
					t.Fatalf("before: %d", code)
				}
			}
			if out, err := exec.Command(bin, "keys", "revoke", "-keys", file, "-id", xid).CombinedOutput(); err != nil {
				t.Fatalf("keys revoke: %v\n%s", err, out)
			}
			if tc.hup {
				if err := s.cmd.Process.Signal(syscall.SIGHUP); err != nil {
					t.Fatal(err)
				}
			}
			deadline := time.Now().Add(15 * time.Second)
			for {
				code, ct := get(t, s.base+"/v1/processors", x)
				if code == 401 && ct == "application/problem+json" {
					break
				}
				if code != 200 || time.Now().After(deadline) {
					t.Fatalf("the revoked key: %d %s", code, ct)
				}
				time.Sleep(10 * time.Millisecond)
			}
			if code, _ := get(t, s.base+"/v1/processors", y); code != 200 {
				t.Errorf("the other key after the reload: %d", code)
			}
			res, err := http.Get(s.base + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			m, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if !strings.Contains(string(m), `tillid_keys_reloads_total{result="ok"} 1`) {
				t.Errorf("/metrics does not count one reload:\n%s", m)
			}
			s.stop(t)
		})
	}
}

// With a certificate and key the server speaks TLS only.
func TestProcessTLS(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	certPEM, keyPEM := selfSigned(t)
	cf, kf := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cf, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kf, keyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	s := start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", "memory", "-tls-cert", cf, "-tls-key", kf)
	if !strings.HasPrefix(s.base, "https://127.0.0.1:") {
		t.Fatalf("address %q", s.base)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	res, err := c.Get(s.base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.TLS == nil {
		t.Errorf("healthz over TLS: %d", res.StatusCode)
	}
	if res, err := http.Get(strings.Replace(s.base, "https", "http", 1) + "/healthz"); err == nil {
		res.Body.Close()
		if res.StatusCode == 200 {
			t.Errorf("plain HTTP answered on the TLS port")
		}
	}
	s.stop(t)
}

func selfSigned(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})
}

// Stopped and started again on the same SQLite file, the server gives the
// same decisions and reads back the decisions kept before.
func TestProcessRestart(t *testing.T) {
	bin := build(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "tillid.db")
	bodies := []string{
		load.DefaultBody,
		`{"processor":{"cvr":"10000009"},"data":["identity"],"subjects":["citizens"],"purpose":"beskæftigelsesindsats"}`,
		`{"processor":{"cvr":"20000007"},"data":["health"],"subjects":["patients"],"purpose":"sagsbehandling"}`,
		`{"processor":{"cvr":"30000005"},"data":["identity"],"subjects":["citizens"],"purpose":"selvbetjening"}`,
	}
	at := `,"at":"2026-05-04T10:00:00+02:00"}`
	s := start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", db)
	var first []map[string]any
	for _, b := range bodies {
		code, m := post(t, s.base+"/v1/checks", s.key, strings.TrimSuffix(b, "}")+at)
		if code != 200 {
			t.Fatalf("check: %d %v", code, m)
		}
		first = append(first, m)
	}
	s.stop(t)

	s = start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", db)
	for i, b := range bodies {
		_, m := post(t, s.base+"/v1/checks", s.key, strings.TrimSuffix(b, "}")+at)
		for _, k := range []string{"outcome", "processor", "processorVersion", "agreement", "audit", "findings", "at"} {
			x, _ := json.Marshal(m[k])
			y, _ := json.Marshal(first[i][k])
			if string(x) != string(y) {
				t.Errorf("check %d after the restart: %s = %s, was %s", i, k, x, y)
			}
		}
		req, _ := http.NewRequest("GET", s.base+"/v1/checks/"+first[i]["id"].(string), nil)
		req.Header.Set("Authorization", "Bearer "+s.key)
		req.Header.Set("Accept-Language", "en")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var old map[string]any
		_ = json.NewDecoder(res.Body).Decode(&old)
		res.Body.Close()
		if res.StatusCode != 200 || old["outcome"] != first[i]["outcome"] {
			t.Errorf("decision %d read back after the restart: %d %v", i, res.StatusCode, old)
		}
	}
	s.stop(t)
}

// Two processes on one SQLite file: once one has acknowledged a change,
// the other answers no check from the older version.
func TestProcessTwoInstances(t *testing.T) {
	bin := build(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "tillid.db")
	a := start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", db)
	b := start(t, bin, "-demo", "-addr", "127.0.0.1:0", "-db", db)
	body := `{"processor":{"cvr":"13748136"},"data":["identity"],"subjects":["citizens"],"purpose":"sagsbehandling"}`
	if _, m := post(t, a.base+"/v1/checks", a.key, body); m["allowed"] != true {
		t.Fatalf("before: %v", m)
	}
	// b removes the agreement.
	req, _ := http.NewRequest("GET", b.base+"/v1/processors/00000000-0000-7000-8000-0000000000a1", nil)
	req.Header.Set("Authorization", "Bearer "+b.key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	_ = json.NewDecoder(res.Body).Decode(&p)
	res.Body.Close()
	delete(p, "agreements")
	pb, _ := json.Marshal(p)
	req, _ = http.NewRequest("PUT", b.base+"/v1/processors/00000000-0000-7000-8000-0000000000a1", strings.NewReader(string(pb)))
	req.Header.Set("Authorization", "Bearer "+b.key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", res.Header.Get("ETag"))
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("update on b: %d", res.StatusCode)
	}
	if _, m := post(t, a.base+"/v1/checks", a.key, body); m["outcome"] != "deny" || m["processorVersion"].(float64) != 2 {
		t.Errorf("a answered from the old version: %v v%v", m["outcome"], m["processorVersion"])
	}
	a.stop(t)
	b.stop(t)
}

// TestHelp: -h prints the usage and exits 0, for the server and each
// subcommand, as a new user expects (issue 12 item 5).
func TestHelp(t *testing.T) {
	bin := build(t)
	for _, args := range [][]string{{"-h"}, {"load", "-h"}, {"keys", "add", "-h"}, {"keys", "list", "-h"}, {"keys", "revoke", "-h"}} {
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
		if !strings.Contains(string(out), "Usage") {
			t.Errorf("%v printed no usage:\n%s", args, out)
		}
	}
}

// A negative -miss-reload is refused before anything is opened.
func TestMissReloadFlag(t *testing.T) {
	if err := run(context.Background(), []string{"-db", "memory", "-miss-reload", "-1s"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "-miss-reload") {
		t.Errorf("a negative -miss-reload: %v", err)
	}
}

// TestOpenStoreSQLiteCheckpoint: -sqlite-checkpoint reaches the SQLite
// adapter, which refuses a negative interval.
func TestOpenStoreSQLiteCheckpoint(t *testing.T) {
	ctx := context.Background()
	be, closeStore, name, err := openStore(ctx, "sqlite:"+filepath.Join(t.TempDir(), "a.db"), postgres.Options{}, sqlite.Options{Checkpoint: 250 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	if be == nil || !strings.HasPrefix(name, "sqlite ") {
		t.Errorf("openStore = %v, %q", be, name)
	}
	if _, _, _, err := openStore(ctx, "sqlite:"+filepath.Join(t.TempDir(), "b.db"), postgres.Options{}, sqlite.Options{Checkpoint: -time.Second}); err == nil {
		t.Error("a negative -sqlite-checkpoint was accepted")
	}
}
