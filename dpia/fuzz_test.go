package dpia_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/internal/leaktest"
)

// freeText returns the strings in a JSON document that look like free text
// (a space or an upper-case letter, at least 8 bytes): what an error must
// never repeat. Codes, which errors may list as accepted values, are
// lower-case without spaces.
func freeText(data []byte) []string {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if len(x) >= 8 && (strings.ContainsRune(x, ' ') || strings.ToLower(x) != x) {
				out = append(out, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e) // keys are field names, which errors do name
			}
		}
	}
	walk(v)
	return out
}

func checkDecodeError(t *testing.T, data []byte, err error) {
	t.Helper()
	if !errors.Is(err, compliance.ErrInvalid) {
		t.Fatalf("error %v does not match ErrInvalid", err)
	}
	msg := err.Error()
	if len(data) >= 8 && strings.Contains(msg, string(data)) {
		t.Fatalf("error repeats the input: %q", msg)
	}
	// Field paths, vocabularies and accepted codes may coincide with the
	// input; the rest of the message must not repeat it.
	if s, ok := leaktest.Repeats(err, freeText(data)); ok {
		t.Fatalf("error repeats input text %q: %q", s, msg)
	}
}

// FuzzDecodeInput decodes a screening input, validates it and screens it:
// no panic, and every error matches ErrInvalid without repeating the
// input's text.
func FuzzDecodeInput(f *testing.F) {
	for _, s := range []string{
		`{"jurisdiction":"no","title":"Læringsanalyse","categories":["education","health"],"subjects":["pupils"],"criteria":["evaluation"],"scale":{"subjects":3200,"population":3400},"items":["no-learning"]}`,
		`{"jurisdiction":"dk","title":"Patientjournal","criteria":["sensitive-data","vulnerable-subjects"],"individualProfessional":true,"justification":"Betragtning 91","dpoViews":"Enig"}`,
		`{"jurisdiction":"dk","title":"x","exemption":"similar-assessment","covering":"00000000-0000-7000-8000-000000000001"}`,
		`{"jurisdiction":"no","title":"Kamera","publicArea":true,"scale":{"largeScale":"yes","geography":"regional","duration":"P2Y"}}`,
		`{"jurisdiction":"se","title":"Ola Nordmann"}`,
		`{"jurisdiction":"dk","title":"x","criteria":["Evaluation Of Pupils"]}`,
		`{"jurisdiction":"dk","title":"x","unknown":"Kari Nordmann"}`,
		`{"jurisdiction":"dk","title":"x"} trailing`,
		`[]`, `null`, ``, `{"scale":{"subjects":-1,"duration":"P0D"}}`,
	} {
		f.Add([]byte(s))
	}
	policy := &dpia.Policy{DanishDraftItems: true, LargeScale: dpia.Thresholds{Subjects: 1000}}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := dpia.DecodeInput(data)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		s, err := dpia.Screen(in, policy)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		if !s.Outcome.Valid() {
			t.Fatalf("invalid outcome %d", s.Outcome)
		}
		for _, fd := range s.Findings {
			if err := fd.Validate(); err != nil {
				t.Fatalf("finding %s: %v", fd.Code, err)
			}
		}
		_ = s.Document()
	})
}

// FuzzDecodeAssessment decodes an assessment, validates it and checks it:
// no panic, and every error matches ErrInvalid without repeating the
// input's text.
func FuzzDecodeAssessment(f *testing.F) {
	good, err := json.Marshal(welfare())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	for _, s := range []string{
		`{"jurisdiction":"dk","title":"Udkast","description":{}}`,
		`{"jurisdiction":"no","title":"x","risks":[{"kind":"disappearance","inherent":{"likelihood":"maximum","severity":"maximum"},"residual":{"likelihood":"significant","severity":"maximum"},"measures":["M1"]}],"measures":[{"key":"M1","title":"Backup","kind":"technical","status":"planned"}],"consultation":{"received":"2025-03-17","extended":true,"suspensions":[{"from":"2025-03-20","to":"2025-04-01"}]}}`,
		`{"jurisdiction":"dk","title":"x","editions":[{"number":1,"date":"2019-06-14","decision":"approved"}],"signOff":{"date":"2019-06-14","role":"kommunaldirektør","decision":"approved"}}`,
		`{"jurisdiction":"dk","title":"x","consultation":{"received":"9999-12-31","extended":true}}`,
		`{"jurisdiction":"dk","title":"x","consultation":{"received":"1583-01-01"}}`,
		`{"jurisdiction":"dk","title":"Kari Nordmann","description":{"purposes":["Kari Nordmann\u0000"]}}`,
		`{"jurisdiction":"dk","title":"x","description":{"processors":["Kari Nordmann"]}}`,
		`{"jurisdiction":"dk","title":"x","description":{"transfers":["XX"]}}`,
		`{"id":"00000000-0000-7000-8000-000000000001","version":1,"created":"2025-01-01T00:00:00Z","updated":"2024-01-01T00:00:00Z"}`,
	} {
		f.Add([]byte(s))
	}
	cals := map[compliance.Jurisdiction]*compliance.Calendar{}
	for j := range compliance.AllJurisdictions() {
		c, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
		if err != nil {
			f.Fatal(err)
		}
		cals[j] = c
	}
	at := time.Date(2025, time.March, 3, 10, 0, 0, 0, time.UTC)
	policy := &dpia.Policy{ReviewInterval: compliance.Years(3)}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := dpia.DecodeAssessment(data)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		r, err := dpia.Check(a, at, cals[a.Jurisdiction], policy)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		for _, fd := range r.Findings {
			if err := fd.Validate(); err != nil {
				t.Fatalf("finding %s: %v", fd.Code, err)
			}
		}
		_, _ = dpia.Review(a, a.Description, at, cals[a.Jurisdiction], policy)
		_ = a.Document(r)
		_ = a.Clone()
	})
}

// FuzzDecodePolicy decodes a policy: no panic, errors match ErrInvalid.
func FuzzDecodePolicy(f *testing.F) {
	for _, s := range []string{
		`{"largeScale":{"subjects":10000,"share":"0.05","geography":"regional"},"danishDraftItems":true,"reviewInterval":"P3Y"}`,
		`{"matrix":[["low","low","medium","medium"],["low","low","medium","medium"],["medium","medium","high","high"],["medium","medium","high","high"]]}`,
		`{"matrix":[["low"]]}`,
		`{"custom":[{"code":"dk-x","jurisdiction":"dk","title":"Sårbare personer","ref":"dk-datatilsynet \"liste\""}]}`,
		`{"largeScale":{"share":"1.5"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := dpia.DecodePolicy(data); err != nil {
			checkDecodeError(t, data, err)
		}
	})
}
