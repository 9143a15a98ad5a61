package retention_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/leaktest"
	"github.com/tillid/tillid/retention"
)

// checkErr fails unless err matches ErrInvalid and its text is one of the
// fixed messages the parser can give, which proves it does not repeat the
// input.
func checkErr(t *testing.T, err error, fixed ...string) {
	t.Helper()
	if !errors.Is(err, compliance.ErrInvalid) {
		t.Fatalf("error %v does not match ErrInvalid", err)
	}
	if !slices.Contains(fixed, err.Error()) {
		t.Fatalf("unexpected error text %q", err.Error())
	}
}

func FuzzParseKLE(f *testing.F) {
	for _, s := range []string{"00.01.00", "02.00.01", "25.02.00", "81.00.00", "00.01", "00", "0.01.00", "00.1.00", "00.01.0", "", "99.99.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := retention.ParseKLE(s)
		if err != nil {
			checkErr(t, err, "compliance: kle: format")
			return
		}
		if k.String() != s {
			t.Fatalf("ParseKLE(%q).String() = %q", s, k.String())
		}
		if k.Hovedgruppe().String() != s[:2] {
			t.Fatalf("hovedgruppe of %q = %q", s, k.Hovedgruppe())
		}
	})
}

func FuzzParseFacet(f *testing.F) {
	for _, s := range []string{"A00", "G01", "Ø12", "B01", "A0", "Ø", "ø12", "K99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := retention.ParseFacet(s)
		if err != nil {
			checkErr(t, err, "compliance: facet: format")
			return
		}
		if x.String() != s {
			t.Fatalf("ParseFacet(%q).String() = %q", s, x.String())
		}
	})
}

func FuzzParseKLEBevaring(f *testing.F) {
	for _, s := range []string{"K", "K5", "K10", "B", "tom", "k5", "Tom"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := retention.ParseKLEBevaring(s)
		if err != nil {
			checkErr(t, err, "compliance: bevaring: unknown kle-bevaring (accepted: K, K5, K10, B, tom)")
			return
		}
		if b.KLE() != s {
			t.Fatalf("ParseKLEBevaring(%q).KLE() = %q", s, b.KLE())
		}
	})
}

func FuzzParseKLEDuration(f *testing.F) {
	for _, s := range []string{"P1825D", "P5Y", "P6M", "P1Y6M", "PT72H", "P0D", "P99999D", "P10WD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := retention.ParseKLEDuration(s)
		if err != nil {
			checkErr(t, err, "compliance: deletion: format", "compliance: deletion: range")
			return
		}
		if p.String() != s {
			t.Fatalf("ParseKLEDuration(%q) = %s", s, p)
		}
	})
}

func FuzzParseNoarkVedtak(f *testing.F) {
	for _, s := range []string{"B", "K", "G", "V", "Bevares", "Kasseres", "Vurderes senere", "Gjennomgås", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := retention.ParseNoarkVedtak(s)
		if err != nil {
			checkErr(t, err, "compliance: kassasjonsvedtak: unknown noark-kassasjonsvedtak (accepted: B, K, G, V, Bevares, Kasseres, Vurderes senere)")
			return
		}
		if s != v.Noark() && s != v.NoarkName() && s != "V" {
			t.Fatalf("ParseNoarkVedtak(%q) = %s", s, v)
		}
	})
}

// FuzzRuleJSON decodes a rule, validates it and compiles it: no panic;
// every error matches ErrInvalid (or is a JSON syntax error); a valid rule
// compiles and round-trips.
func FuzzRuleJSON(f *testing.F) {
	for _, r := range testRules() {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"00000000-0000-7000-8000-000000000001","jurisdiction":"dk","scheme":"kle","class":"25.02.00","facet":"B01","bevaring":"k5","period":"P1Y6M"}`))
	f.Add([]byte(`{"id":"00000000-0000-7000-8000-000000000001","jurisdiction":"no","scheme":"noark","class":"233","kassasjonsvedtak":"kasseres","bevaringstid":-1}`))
	f.Add([]byte(`{"scheme":"custom","refs":["gdpr art 5(1)(e)"],"disposition":"delete","period":"P5Y"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r retention.Rule
		if err := json.Unmarshal(b, &r); err != nil {
			return
		}
		if err := r.Validate(); err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("Validate error %v does not match ErrInvalid", err)
			}
			if len(r.Title) > 8 {
				if _, ok := leaktest.Repeats(err, []string{r.Title}); ok {
					t.Fatalf("error repeats the title")
				}
			}
			return
		}
		s, err := retention.Compile([]retention.Rule{r}, retention.Policy{})
		if err != nil {
			t.Fatalf("valid rule does not compile: %v", err)
		}
		if s.Len() != 1 {
			t.Fatalf("Len = %d", s.Len())
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("valid rule does not marshal: %v", err)
		}
		var back retention.Rule
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip: %v", err)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("round trip invalid: %v", err)
		}
	})
}

// FuzzRecordJSON decodes a record and decides it, and answers a request for
// erasure, with the test schedule: no panic; every error matches
// ErrInvalid and does not repeat the record's text; every decision has a
// valid disposition and references, and valid findings.
func FuzzRecordJSON(f *testing.F) {
	for _, r := range archive(40) {
		b, _ := json.Marshal(r)
		f.Add(b, int64(0))
	}
	f.Add([]byte(`{"id":"x","jurisdiction":"no","class":"233","kassasjonsdato":"2030-03-15","precedent":true}`), int64(1e9))
	f.Add([]byte(`{"id":"x","jurisdiction":"dk","class":"25.02.00","closed":"9999-12-31"}`), int64(-1e9))
	f.Add([]byte(`{"id":"x","jurisdiction":"dk","rule":"00000000-0000-7000-8000-000000000014","financialYearEnd":"0001-01-01"}`), int64(0))
	s := compile(f, retention.Policy{KLEFromYearEnd: true, RollToWorkingDay: true, KLEDuty: true})
	base := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, b []byte, offset int64) {
		var r retention.Record
		if err := json.Unmarshal(b, &r); err != nil {
			return
		}
		at := base.Add(time.Duration(offset) * time.Second)
		d, err := s.Decide(r, at)
		x, xerr := s.Erasure(r, at)
		if (err == nil) != (xerr == nil) {
			t.Fatalf("Decide error %v, Erasure error %v", err, xerr)
		}
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			var texts []string
			for _, text := range []string{r.ID, r.Class, r.Facet} {
				if len(text) > 12 {
					texts = append(texts, text)
				}
			}
			if _, ok := leaktest.Repeats(err, texts); ok {
				t.Fatalf("error %q repeats record text", err)
			}
			return
		}
		if !d.Disposition.Valid() || d.Refs.Len() == 0 || !d.Code.Valid() {
			t.Fatalf("incomplete decision %+v", d)
		}
		if d.Disposition == retention.Delete && (r.Hold || r.Precedent) {
			t.Fatalf("deletion despite hold or precedent: %+v", d)
		}
		for _, fd := range x.Findings() {
			if err := fd.Validate(); err != nil {
				t.Fatalf("finding %s: %v", fd.Code, err)
			}
		}
		if !x.Outcome.Valid() || x.Restriction != (x.Outcome == retention.Refuse) {
			t.Fatalf("erasure %+v", x)
		}
		if x.Outcome == retention.Erase && d.Disposition == retention.Transfer {
			t.Fatalf("erasure of a record to be preserved")
		}
	})
}
