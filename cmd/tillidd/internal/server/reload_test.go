package server

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/compliance"
)

// keysFixture is a keys file with kommune A (the demo) and B, and two keys
// of A: "x" (write) and "y" (check).
type keysFixture struct {
	path string
	keys map[string]string // "x", "y" → the key
	ids  map[string]string // "x", "y" → its public ID
}

func newKeysFixture(t *testing.T) *keysFixture {
	t.Helper()
	f := &keysFixture{path: filepath.Join(t.TempDir(), "keys.json"), keys: map[string]string{}, ids: map[string]string{}}
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	kr.AddController(Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: demo.Name})
	kr.AddController(Controller{ID: kommuneB, Jurisdiction: compliance.NO, Name: "Eksempel kommune"})
	for n, r := range map[string]Role{"x": RoleWrite, "y": RoleCheck} {
		k, err := kr.AddKey(demo.ControllerID(), r)
		if err != nil {
			t.Fatal(err)
		}
		f.keys[n], f.ids[n] = k, keyID(k)
	}
	if err := kr.Save(); err != nil {
		t.Fatal(err)
	}
	return f
}

func keyID(key string) string { return strings.SplitN(key, "_", 3)[1] }

// edit changes the file through a second keyring, as `tillidd keys` does
// from another process.
func (f *keysFixture) edit(t *testing.T, change func(*Keyring)) {
	t.Helper()
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	change(kr)
	if err := kr.Save(); err != nil {
		t.Fatal(err)
	}
}

// replace rewrites the file's text with old replaced by new, once.
func (f *keysFixture) replace(t *testing.T, old, new string) {
	t.Helper()
	b, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("keys file has no %q", old)
	}
	if err := os.WriteFile(f.path, []byte(strings.Replace(string(b), old, new, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestKeyringReload(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, f *keysFixture) // "z", when set, is a key made by the change
		field  string                             // the KeysFileError's Field; "-" for no error
		want   map[string]bool                    // key name → accepted after the reload
	}{
		{"revoke x", func(t *testing.T, f *keysFixture) {
			f.edit(t, func(kr *Keyring) {
				if err := kr.Revoke(f.ids["x"]); err != nil {
					t.Fatal(err)
				}
			})
		}, "-", map[string]bool{"x": false, "y": true}},
		{"add z", func(t *testing.T, f *keysFixture) {
			f.edit(t, func(kr *Keyring) {
				k, err := kr.AddKey(kommuneB, RoleRead)
				if err != nil {
					t.Fatal(err)
				}
				f.keys["z"] = k
			})
		}, "-", map[string]bool{"x": true, "y": true, "z": true}},
		{"not JSON", func(t *testing.T, f *keysFixture) {
			f.edit(t, func(kr *Keyring) { _ = kr.Revoke(f.ids["x"]) })
			f.replace(t, "{", "[")
		}, "", map[string]bool{"x": true, "y": true}},
		{"unknown role", func(t *testing.T, f *keysFixture) { f.replace(t, `"role": "check"`, `"role": "admin"`) },
			"keys[?].role", map[string]bool{"x": true, "y": true}},
		{"short sha256", func(t *testing.T, f *keysFixture) { f.replace(t, `"sha256": "`, `"sha256": "0`) },
			"keys[0].sha256", map[string]bool{"x": true, "y": true}},
		{"no key id", func(t *testing.T, f *keysFixture) { f.replace(t, `"id": "`+f.ids["y"]+`"`, `"id": ""`) },
			"keys[?].id", map[string]bool{"x": true, "y": true}},
		{"duplicate key id", func(t *testing.T, f *keysFixture) { f.replace(t, `"id": "`+f.ids["y"]+`"`, `"id": "`+f.ids["x"]+`"`) },
			"keys[1].id", map[string]bool{"x": true, "y": true}},
		{"controller not in the file", func(t *testing.T, f *keysFixture) {
			f.replace(t, `"controller": "`+demo.ControllerID().String()+`"`, `"controller": "00000000-0000-7000-8000-0000000000ff"`)
		}, "keys[0].controller", map[string]bool{"x": true, "y": true}},
		{"wrong type", func(t *testing.T, f *keysFixture) { f.replace(t, `"role": "check"`, `"role": 1`) },
			"keys.role", map[string]bool{"x": true, "y": true}},
		{"missing file", func(t *testing.T, f *keysFixture) {
			if err := os.Remove(f.path); err != nil {
				t.Fatal(err)
			}
		}, "", map[string]bool{"x": true, "y": true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newKeysFixture(t)
			kr, err := LoadKeyring(f.path)
			if err != nil {
				t.Fatal(err)
			}
			tc.change(t, f)
			err = kr.Reload()
			var fe *KeysFileError
			switch {
			case tc.field == "-":
				if err != nil {
					t.Fatalf("Reload: %v", err)
				}
			case !errors.As(err, &fe):
				t.Fatalf("Reload = %v, want a *KeysFileError", err)
			case strings.Contains(tc.field, "?"):
				pre, post, _ := strings.Cut(tc.field, "?")
				if !strings.HasPrefix(fe.Field, pre) || !strings.HasSuffix(fe.Field, post) {
					t.Errorf("Field = %q, want %s", fe.Field, tc.field)
				}
			case fe.Field != tc.field:
				t.Errorf("Field = %q, want %q", fe.Field, tc.field)
			}
			if err != nil {
				b, _ := os.ReadFile(f.path)
				for _, h := range hashesIn(string(b)) {
					if strings.Contains(err.Error(), h[:8]) {
						t.Errorf("the error quotes a hash: %v", err)
					}
				}
			}
			for n, want := range tc.want {
				if _, ok := kr.Authenticate(f.keys[n]); ok != want {
					t.Errorf("key %s accepted = %v, want %v", n, ok, want)
				}
			}
		})
	}
}

// hashesIn returns the "sha256" values of a keys file's text.
func hashesIn(s string) []string {
	var hs []string
	for _, part := range strings.Split(s, `"sha256": "`)[1:] {
		if h, _, ok := strings.Cut(part, `"`); ok && len(h) >= 8 {
			hs = append(hs, h)
		}
	}
	return hs
}

// An invalid file fails LoadKeyring, so the server does not start on it,
// with the field named and no hash quoted.
func TestLoadKeyringInvalid(t *testing.T) {
	f := newKeysFixture(t)
	b, _ := os.ReadFile(f.path)
	f.replace(t, `"sha256": "`, `"sha256": "zz`)
	_, err := LoadKeyring(f.path)
	var fe *KeysFileError
	if !errors.As(err, &fe) || fe.Field != "keys[0].sha256" {
		t.Fatalf("LoadKeyring = %v, want keys[0].sha256", err)
	}
	for _, h := range hashesIn(string(b)) {
		if strings.Contains(err.Error(), h[:8]) {
			t.Errorf("the error quotes a hash: %v", err)
		}
	}
}

// ReloadIfChanged reads a content once: not again when the file is
// touched, and an invalid content is reported once.
func TestKeyringReloadIfChanged(t *testing.T) {
	f := newKeysFixture(t)
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		name     string
		change   func(t *testing.T)
		read     bool
		fails    bool
		xAllowed bool
	}{
		{"unchanged", func(*testing.T) {}, false, false, true},
		{"touched", func(t *testing.T) {
			if err := os.Chtimes(f.path, later, later); err != nil {
				t.Fatal(err)
			}
		}, false, false, true},
		{"made invalid", func(t *testing.T) { f.replace(t, `"role": "write"`, `"role": "root"`) }, true, true, true},
		{"still invalid", func(*testing.T) {}, false, false, true},
		{"fixed, x revoked", func(t *testing.T) {
			f.replace(t, `"role": "root"`, `"role": "write"`)
			f.edit(t, func(kr *Keyring) { _ = kr.Revoke(f.ids["x"]) })
		}, true, false, false},
		{"unchanged again", func(*testing.T) {}, false, false, false},
	}
	for _, s := range steps {
		s.change(t)
		read, err := kr.ReloadIfChanged()
		if read != s.read || (err != nil) != s.fails {
			t.Errorf("%s: ReloadIfChanged = %v, %v; want %v, error %v", s.name, read, err, s.read, s.fails)
		}
		if _, ok := kr.Authenticate(f.keys["x"]); ok != s.xAllowed {
			t.Errorf("%s: x accepted = %v", s.name, ok)
		}
	}
}

// A keyring without a file reloads nothing.
func TestKeyringReloadInMemory(t *testing.T) {
	kr := NewKeyring()
	kr.AddController(Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: demo.Name})
	k, err := kr.AddKey(demo.ControllerID(), RoleCheck)
	if err != nil {
		t.Fatal(err)
	}
	if err := kr.Reload(); err != nil {
		t.Fatal(err)
	}
	if read, err := kr.ReloadIfChanged(); read || err != nil {
		t.Errorf("ReloadIfChanged = %v, %v", read, err)
	}
	if _, ok := kr.Authenticate(k); !ok {
		t.Error("the key was lost")
	}
}

func TestKeyringRevokeUnknown(t *testing.T) {
	f := newKeysFixture(t)
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := kr.Revoke("000000000000"); !errors.Is(err, ErrUnknownKey) || !strings.Contains(err.Error(), "000000000000") {
		t.Errorf("Revoke = %v", err)
	}
	if len(kr.Keys()) != 2 {
		t.Errorf("keys: %v", kr.Keys())
	}
}

// Authenticate runs while the file is reloaded, alternately with and
// without key x (under -race): y is always accepted, x either way.
func TestKeyringReloadConcurrent(t *testing.T) {
	f := newKeysFixture(t)
	with, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	f.edit(t, func(kr *Keyring) { _ = kr.Revoke(f.ids["x"]) })
	without, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				if _, ok := kr.Authenticate(f.keys["y"]); !ok {
					errs <- "y refused during a reload"
					return
				}
				kr.Authenticate(f.keys["x"])
				kr.Controller(demo.ControllerID())
			}
		}()
	}
	for i := range 50 {
		b := with
		if i%2 == 1 {
			b = without
		}
		tmp := f.path + ".w"
		if err := os.WriteFile(tmp, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, f.path); err != nil {
			t.Fatal(err)
		}
		if err := kr.Reload(); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// A key accepted over HTTP is refused (401, a problem) from the moment its
// revocation is reloaded; the rate limiter forgets it; an invalid file
// keeps the keys; the reloads are counted in /metrics.
func TestServerReloadKeys(t *testing.T) {
	f := newKeysFixture(t)
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	be := NewMemory()
	if err := demo.Seed(context.Background(), be.Processors(), compliance.Options{Now: func() time.Time { return testNow }}); err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, be, &harness{s: &Server{keys: kr}, keys: map[string]string{"x": f.keys["x"], "y": f.keys["y"]}}, Config{})

	if r := h.do("POST", "/v1/checks", "x", checkBody); r.Code != 200 {
		t.Fatalf("before: %d %s", r.Code, r.Body)
	}
	f.edit(t, func(kr *Keyring) {
		if err := kr.Revoke(f.ids["x"]); err != nil {
			t.Fatal(err)
		}
	})
	if err := h.s.ReloadKeys(); err != nil {
		t.Fatal(err)
	}
	r := h.do("POST", "/v1/checks", "x", checkBody)
	if r.Code != 401 || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("after the revocation: %d %s %s", r.Code, r.Header.Get("Content-Type"), r.Body)
	}
	if r := h.do("POST", "/v1/checks", "y", checkBody); r.Code != 200 {
		t.Errorf("y after the reload: %d %s", r.Code, r.Body)
	}
	h.s.limits.mu.Lock()
	_, kept := h.s.limits.m[f.ids["x"]]
	h.s.limits.mu.Unlock()
	if kept {
		t.Error("the rate limiter kept the revoked key's bucket")
	}

	f.replace(t, `"role": "check"`, `"role": "admin"`)
	if err := h.s.ReloadKeys(); err == nil {
		t.Error("an invalid file was reloaded")
	}
	if r := h.do("POST", "/v1/checks", "y", checkBody); r.Code != 200 {
		t.Errorf("y after an invalid file: %d %s", r.Code, r.Body)
	}

	rec := httptest.NewRecorder()
	h.s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, want := range []string{`tillid_keys_reloads_total{result="ok"} 1`, `tillid_keys_reloads_total{result="error"} 1`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics has no %s", want)
		}
	}
}

// A kommune whose name or jurisdiction changed in the file gets its
// operations made again, with the new values, on its next request; the
// others keep theirs.
func TestServerReloadKeysRenamedKommune(t *testing.T) {
	f := newKeysFixture(t)
	kr, err := LoadKeyring(f.path)
	if err != nil {
		t.Fatal(err)
	}
	be := NewMemory()
	if err := demo.Seed(context.Background(), be.Processors(), compliance.Options{Now: func() time.Time { return testNow }}); err != nil {
		t.Fatal(err)
	}
	f.edit(t, func(kr *Keyring) {
		k, err := kr.AddKey(kommuneB, RoleRead)
		if err != nil {
			t.Fatal(err)
		}
		f.keys["z"] = k
	})
	if err := kr.Reload(); err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, be, &harness{s: &Server{keys: kr}, keys: map[string]string{"x": f.keys["x"], "z": f.keys["z"]}}, Config{})
	h.do("POST", "/v1/checks", "x", checkBody)
	h.do("GET", "/v1/processors", "z", nil)
	tenantOf := func(id compliance.ControllerID) *tenant {
		v, ok := h.s.tenants.Load(id)
		if !ok {
			return nil
		}
		return v.(*tenant)
	}
	a0, b0 := tenantOf(demo.ControllerID()), tenantOf(kommuneB)
	if a0 == nil || b0 == nil {
		t.Fatal("no tenants")
	}
	f.edit(t, func(kr *Keyring) {
		kr.AddController(Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: "Ny Kommune"})
	})
	if err := h.s.ReloadKeys(); err != nil {
		t.Fatal(err)
	}
	if tenantOf(kommuneB) != b0 {
		t.Error("kommune B's operations were made again")
	}
	if r := h.do("POST", "/v1/checks", "x", checkBody); r.Code != 200 {
		t.Fatalf("after the rename: %d %s", r.Code, r.Body)
	}
	if a := tenantOf(demo.ControllerID()); a == a0 || a == nil || a.ctrl.Name != "Ny Kommune" {
		t.Errorf("kommune A after the rename: %+v", a)
	}
}
