package kitos_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/kitos/kitostest"
)

func seeds(f *testing.F) {
	fx := kitostest.Example()
	for _, v := range []any{fx.Registrations, fx.SystemUsages, fx.Organizations, fx.Deleted} {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{`[]`, `null`, `{}`, `[{}]`, `[{"uuid":"7b1c2d3e-0000-4000-8000-000000000001","lastModified":"2024-13-45T99:00:00"}]`, "[\"\xff\"]"} {
		f.Add([]byte(s))
	}
}

// Every decoder of KITOS answers either returns items with valid UUIDs or
// a *MalformedError; it never panics.
func FuzzParseRegistrations(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, parse := range []func([]byte) (int, error){
			func(b []byte) (int, error) { v, err := kitos.ParseRegistrations(b); return len(v), err },
			func(b []byte) (int, error) { v, err := kitos.ParseSystemUsages(b); return len(v), err },
			func(b []byte) (int, error) { v, err := kitos.ParseOrganizations(b); return len(v), err },
			func(b []byte) (int, error) { v, err := kitos.ParseDeletions(b); return len(v), err },
		} {
			n, err := parse(b)
			if err != nil {
				if !errors.Is(err, kitos.ErrMalformed) {
					t.Fatalf("error is not ErrMalformed: %v", err)
				}
				if n != 0 {
					t.Fatal("items with an error")
				}
			}
		}
	})
}

func FuzzParseMapping(f *testing.F) {
	f.Add([]byte(`{"auditTypes": {"Egen kontrol": "inspection"}, "countries": {"Månen": "US"}}`))
	f.Add([]byte(`{"organizations": {"0d3e8f10-1a2b-4c3d-8e4f-500000000013": "LU"}, "transferAccess": "hosting"}`))
	f.Add([]byte(`{"template": "kl"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := kitos.ParseMapping(b)
		if err == nil {
			if err := m.Validate(); err != nil {
				t.Fatalf("a parsed mapping does not validate: %v", err)
			}
		}
	})
}
