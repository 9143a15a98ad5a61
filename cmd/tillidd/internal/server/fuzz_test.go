package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzCheck posts arbitrary bodies: the answer is a decision (200) or a
// problem (4xx), never a server error, and a problem never quotes the
// body.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{checkBody, `{}`, `{"processor":{"kitos":"x"}}`, `{"processor":{"id":"` + sagssystemer + `"},"at":"2026-13-01T00:00:00Z"}`, `[`, `{"data":["health","health"]}`} {
		f.Add(s)
	}
	h := newHarness(&testing.T{})
	key := "Bearer " + h.keys["a-check"]
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(body))
		req.Header.Set("Authorization", key)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.s.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%d for %q: %s", rec.Code, body, rec.Body)
		}
		if rec.Code != http.StatusOK && len(body) >= 8 && strings.Contains(rec.Body.String(), body) {
			t.Fatalf("the problem quotes the body: %s", rec.Body)
		}
	})
}

// FuzzAuthenticate: no string but the key itself authenticates.
func FuzzAuthenticate(f *testing.F) {
	kr := NewKeyring()
	kr.AddController(Controller{ID: kommuneB, Name: "B"})
	key, err := kr.AddKey(kommuneB, RoleRead)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(key)
	f.Add("tk_" + key[3:15] + "_")
	f.Add("tk__")
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := kr.Authenticate(s); ok != (s == key) {
			t.Fatalf("Authenticate(%q) = %v", s, ok)
		}
	})
}
