package ident_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

// Helpers shared by the identifier tests.

// idFNRControl completes the nine digits p9 (DDMMYYIII) with the two control
// digits of today's rules (fnrinfo.no, KontrollsifferBeregning), and reports
// false when a control digit would be 10, so that no number exists.
func idFNRControl(p9 string) (string, bool) {
	w1 := []int{3, 7, 6, 1, 8, 9, 4, 5, 2}
	w2 := []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	s := p9
	for _, w := range [][]int{w1, w2} {
		sum := 0
		for i, wi := range w {
			sum += wi * int(s[i]-'0')
		}
		k := (11 - sum%11) % 11
		if k == 10 {
			return "", false
		}
		s += strconv.Itoa(k)
	}
	return s, true
}

// idFirstFNR returns the first number with birth date ddmmyy and an
// individnummer from the range [from, to] (in either direction) for which
// control digits exist.
func idFirstFNR(t testing.TB, ddmmyy string, from, to int) string {
	t.Helper()
	step := 1
	if to < from {
		step = -1
	}
	for ind := from; ; ind += step {
		if s, ok := idFNRControl(fmt.Sprintf("%s%03d", ddmmyy, ind)); ok {
			return s
		}
		require.NotEqual(t, to, ind, "no usable individnummer in range")
	}
}

// idDigitRuns returns every run of n consecutive digits of the digits of s.
func idDigitRuns(s string, n int) []string {
	var d []byte
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	var runs []string
	for i := 0; i+n <= len(d); i++ {
		runs = append(runs, string(d[i:i+n]))
	}
	return runs
}

// idAssertNoLeak checks that out contains no run of n digits of input.
func idAssertNoLeak(t *testing.T, out, input string, n int, what string) {
	t.Helper()
	for _, r := range idDigitRuns(input, n) {
		if strings.Contains(out, r) {
			t.Errorf("%s leaks digits of the number: %q contains %q", what, out, r)
			return
		}
	}
}

// idSyntheticCPRs returns valid CPR numbers with birth dates in 2037–2057
// (seventh digit 5–8), which cannot belong to anyone yet.
func idSyntheticCPRs() []string {
	var out []string
	for i := range 240 {
		day := 1 + i%28
		month := 1 + i%12
		yy := 37 + i%21
		serial := 5000 + (i*379)%4000
		out = append(out, fmt.Sprintf("%02d%02d%02d%04d", day, month, yy, serial))
	}
	return out
}

// idSyntheticFNRs returns valid fødselsnumre, D-numre and H-numre for births
// in 2039 (individnummer 500–999), which cannot belong to anyone yet.
func idSyntheticFNRs(t testing.TB) []string {
	var out []string
	for i := range 240 {
		day := 1 + i%28
		month := 1 + i%12
		switch i % 3 {
		case 1:
			day += 40 // D-nummer
		case 2:
			month += 40 // H-nummer
		}
		ddmmyy := fmt.Sprintf("%02d%02d39", day, month)
		from := 500 + (i*137)%500
		out = append(out, idFirstFNR(t, ddmmyy, from, 999))
	}
	return out
}

func TestSexCodes(t *testing.T) {
	t.Parallel()
	// The codes and keys are API: hosts store them and i18n renders them.
	want := map[ident.Sex][2]string{
		ident.Female: {"female", "compliance.sex.female"},
		ident.Male:   {"male", "compliance.sex.male"},
	}
	n := 0
	for s := range ident.AllSexes() {
		n++
		assert.Equal(t, want[s][0], s.String())
		assert.Equal(t, want[s][1], s.Key())
		got, err := ident.ParseSex(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
		b, err := s.MarshalText()
		require.NoError(t, err)
		var u ident.Sex
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, s, u)
	}
	assert.Equal(t, len(want), n)
	_, err := ident.ParseSex("unknown")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	assert.False(t, ident.Sex(0).Valid())
}

func TestParseNationalIdentifier(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		j       compliance.Jurisdiction
		in      string
		date    compliance.Date
		sex     ident.Sex
		sexOK   bool
		text    string
		printed string
	}{
		{
			name: "cpr.dk: 010150-5007 fails mod 11 but is accepted",
			j:    compliance.DK, in: "010150-5007",
			date: compliance.Date{Year: 2050, Month: time.January, Day: 1},
			sex:  ident.Male, sexOK: true,
			text: "dk:0101505007", printed: "******-****",
		},
		{
			name: "fnrinfo worked example 31129956715",
			j:    compliance.NO, in: "31129956715",
			date: compliance.Date{Year: 1899, Month: time.December, Day: 31},
			sex:  ident.Male, sexOK: true,
			text: "no:31129956715", printed: "***********",
		},
		{
			name: "§4.2 D-number 41013950170",
			j:    compliance.NO, in: "41013950170",
			date: compliance.Date{Year: 2039, Month: time.January, Day: 1},
			sex:  ident.Male, sexOK: true,
			text: "no:41013950170", printed: "***********",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := ident.ParseNational(tt.j, tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.j, n.Jurisdiction())
			assert.False(t, n.IsZero())
			assert.Equal(t, tt.date, n.BirthDate())
			sex, ok := n.Sex()
			assert.Equal(t, tt.sex, sex)
			assert.Equal(t, tt.sexOK, ok)
			assert.Equal(t, tt.printed, n.String())

			c, isCPR := n.CPR()
			f, isFNR := n.FNR()
			assert.Equal(t, tt.j == compliance.DK, isCPR)
			assert.Equal(t, tt.j == compliance.NO, isFNR)
			if isCPR {
				assert.Equal(t, n, c.National())
			}
			if isFNR {
				assert.Equal(t, n, f.National())
			}

			b, err := n.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			var u ident.National
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, n, u)
		})
	}
}

func TestNationalIdentifierErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		j      compliance.Jurisdiction
		in     string
		field  string
		reason compliance.Reason
	}{
		{"§4.1 300290-1234 is 30 February", compliance.DK, "300290-1234", "national-id", compliance.ReasonDate},
		{"§4.1 01015-5006 has nine digits", compliance.DK, "01015-5006", "national-id", compliance.ReasonLength},
		{"fnrinfo example with a wrong K2", compliance.NO, "31129956716", "national-id", compliance.ReasonChecksum},
		{"a CPR number is not a fødselsnummer", compliance.NO, "0101505006", "national-id", compliance.ReasonLength},
		{"no jurisdiction", 0, "0101505006", "jurisdiction", compliance.ReasonRequired},
		{"unknown jurisdiction", 9, "0101505006", "jurisdiction", compliance.ReasonRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := ident.ParseNational(tt.j, tt.in)
			assert.True(t, n.IsZero())
			idAssertFieldError(t, err, tt.field, tt.reason)
		})
	}
}

func TestNationalIdentifierUnmarshalText(t *testing.T) {
	t.Parallel()
	var zero ident.National
	b, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b, "the zero value marshals as empty text")
	n := ident.National{}
	require.NoError(t, n.UnmarshalText(nil))
	assert.True(t, n.IsZero())

	tests := []struct {
		name   string
		in     string
		reason compliance.Reason
	}{
		{"no prefix", "0101505006", compliance.ReasonFormat},
		{"upper-case prefix", "DK:0101505006", compliance.ReasonFormat},
		{"unknown jurisdiction", "se:0101505006", compliance.ReasonFormat},
		{"prefix only", "dk:", compliance.ReasonRequired},
		{"short", "dk", compliance.ReasonFormat},
		{"cpr under no", "no:0101505006", compliance.ReasonLength},
		{"fnr under dk", "dk:31129956715", compliance.ReasonLength},
		{"cpr date", "dk:3002901234", compliance.ReasonDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var n ident.National
			idAssertFieldError(t, n.UnmarshalText([]byte(tt.in)), "national-id", tt.reason)
			assert.True(t, n.IsZero(), "a failed UnmarshalText leaves the value alone")
		})
	}
}

func TestNationalIdentifierZero(t *testing.T) {
	t.Parallel()
	var n ident.National
	assert.Equal(t, compliance.Jurisdiction(0), n.Jurisdiction())
	assert.Equal(t, compliance.Date{}, n.BirthDate())
	_, ok := n.Sex()
	assert.False(t, ok)
	_, ok = n.CPR()
	assert.False(t, ok)
	_, ok = n.FNR()
	assert.False(t, ok)
	assert.Equal(t, "", n.String())
	assert.Equal(t, "compliance.National{}", fmt.Sprintf("%#v", n))
	assert.True(t, ident.CPR{}.National().IsZero())
	assert.True(t, ident.FNR{}.National().IsZero())
}

// idAssertFieldError checks that err is a *FieldError for field with reason
// that matches ErrInvalid.
func idAssertFieldError(t *testing.T, err error, field string, reason compliance.Reason) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var fe *compliance.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, field, fe.Field)
	assert.Equal(t, reason, fe.Reason, "reason %s, want %s", fe.Reason, reason)
}

// idHolder is a host's entity with identifiers in exported fields: JSON is its
// storage form, fmt and slog must not reveal the numbers.
type idHolder struct {
	Name string
	CPR  ident.CPR
	FNR  ident.FNR
	ID   ident.National
}

// idHidden holds identifiers in unexported fields, which fmt prints by
// reflection without calling their methods.
type idHidden struct {
	cpr ident.CPR
	fnr ident.FNR
	id  ident.National
}

var idVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10v", "%-12s", "%.3s"}

// printed returns v printed with every verb.
func idPrinted(v any) []string {
	var out []string
	for _, verb := range idVerbs {
		out = append(out, verb+" → "+fmt.Sprintf(verb, v))
	}
	return out
}

func TestIdentifierRedaction(t *testing.T) {
	t.Parallel()
	check := func(t *testing.T, input string, v any, n ident.National, ptr any) {
		t.Helper()
		h := idHolder{Name: "x", ID: n}
		switch x := v.(type) {
		case ident.CPR:
			h.CPR = x
		case ident.FNR:
			h.FNR = x
		}
		for _, what := range []any{v, ptr, n, &n, h, &h} {
			for _, out := range idPrinted(what) {
				idAssertNoLeak(t, out, input, 4, fmt.Sprintf("fmt of %T", what))
			}
		}
		// Unexported fields are printed by reflection: the scrambled
		// internal form shows no recognisable number.
		hid := idHidden{id: n}
		switch x := v.(type) {
		case ident.CPR:
			hid.cpr = x
		case ident.FNR:
			hid.fnr = x
		}
		for _, out := range idPrinted(hid) {
			idAssertNoLeak(t, out, input, 6, "fmt of unexported fields")
		}

		var buf bytes.Buffer
		// Without the time, whose digits could match the number's.
		opts := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}
		// Issue 14 item 5: a slice or map of identifiers, or a struct
		// holding one, went through encoding/json's MarshalText and was
		// logged in full ("ids":["dk:0707614285"]).
		slog.New(slog.NewJSONHandler(&buf, opts)).Info("msg", "value", v, "id", n, "ptr", ptr,
			"ids", []ident.National{n, n}, "values", []any{v, ptr},
			"byName", map[string]ident.National{"a": n}, "holder", h, "holders", []idHolder{h})
		slog.New(slog.NewTextHandler(&buf, opts)).Info("msg", "value", v, "id", n, "holder", h,
			"ids", []ident.National{n}, "byName", map[string]any{"a": v})
		idAssertNoLeak(t, buf.String(), input, 4, "slog")

		// encoding/json of a value holding an identifier is redacted too;
		// MarshalText is the storage form, with the full number.
		js, err := json.Marshal(h)
		require.NoError(t, err)
		idAssertNoLeak(t, string(js), input, 4, "encoding/json")
		txt, err := n.MarshalText()
		require.NoError(t, err)
		assert.Contains(t, string(txt), strings.ReplaceAll(input, "-", ""))
	}

	t.Run("cpr", func(t *testing.T) {
		t.Parallel()
		for _, s := range idSyntheticCPRs() {
			c, err := ident.ParseCPR(s)
			require.NoError(t, err)
			check(t, s, c, c.National(), &c)
		}
	})
	t.Run("fnr", func(t *testing.T) {
		t.Parallel()
		for _, s := range idSyntheticFNRs(t) {
			f, err := ident.ParseFNR(s)
			require.NoError(t, err)
			check(t, s, f, f.National(), &f)
		}
	})
}

// TestIdentifierErrorsRedacted feeds every parser near-misses of real-looking
// numbers and checks that no error shows a digit run of the input.
func TestIdentifierErrorsRedacted(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, s := range append(idSyntheticCPRs()[:40], idSyntheticFNRs(t)[:40]...) {
		inputs = append(inputs,
			s,
			s[:6]+"-"+s[6:],
			s+"1",
			s[:len(s)-1],
			s[:len(s)-1]+string('0'+(s[len(s)-1]-'0'+1)%10),
			"3002"+s[4:],
			s[:3]+"x"+s[4:],
			" "+s,
			"DK"+s, "NO "+s+" MVA",
			"dk:"+s, "no:"+s,
		)
	}
	parsers := map[string]func(string) error{
		"cpr": func(s string) error { _, err := ident.ParseCPR(s); return err },
		"fnr": func(s string) error { _, err := ident.ParseFNR(s); return err },
		"fnr-2032": func(s string) error {
			_, err := ident.ParseFNRWith(s, ident.FNRRules{Accept2032: true, AcceptSynthetic: true})
			return err
		},
		"cvr":   func(s string) error { _, err := ident.ParseCVR(s); return err },
		"orgnr": func(s string) error { _, err := ident.ParseOrgNr(s); return err },
		"national-id dk": func(s string) error {
			_, err := ident.ParseNational(compliance.DK, s)
			return err
		},
		"national-id no": func(s string) error {
			_, err := ident.ParseNational(compliance.NO, s)
			return err
		},
		"unmarshal cpr": func(s string) error { var c ident.CPR; return c.UnmarshalText([]byte(s)) },
		"unmarshal fnr": func(s string) error { var f ident.FNR; return f.UnmarshalText([]byte(s)) },
		"unmarshal national-id": func(s string) error {
			var n ident.National
			return n.UnmarshalText([]byte(s))
		},
	}
	failures := 0
	for name, parse := range parsers {
		for _, in := range inputs {
			err := parse(in)
			if err == nil {
				continue
			}
			failures++
			if !assert.ErrorIs(t, err, compliance.ErrInvalid, name) {
				continue
			}
			for _, out := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
				idAssertNoLeak(t, out, in, 4, name+" error")
			}
			var ve compliance.Validation
			ve.Check("person", err)
			idAssertNoLeak(t, ve.Err("citizen").Error(), in, 4, name+" validation error")
		}
	}
	assert.Greater(t, failures, 1000, "the inputs exercise the error paths")
}

func TestIdentifierJSON(t *testing.T) {
	t.Parallel()
	c, err := ident.ParseCPR("010150-5006")
	require.NoError(t, err)
	f, err := ident.ParseFNR("41013950170")
	require.NoError(t, err)
	h := idHolder{Name: "synthetic", CPR: c, FNR: f, ID: f.National()}

	// encoding/json writes the redacted form (issue 14 item 5); reading
	// takes the storage form that MarshalText writes.
	js, err := json.Marshal(h)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Name":"synthetic","CPR":"******-****","FNR":"***********","ID":"***********"}`, string(js))
	var back idHolder
	require.Error(t, json.Unmarshal(js, &back), "the redacted form does not parse")
	stored := `{"Name":"synthetic","CPR":"0101505006","FNR":"41013950170","ID":"no:41013950170"}`
	require.NoError(t, json.Unmarshal([]byte(stored), &back))
	assert.Equal(t, h, back)

	assert.Equal(t, "{Name:synthetic CPR:******-**** FNR:*********** ID:***********}", fmt.Sprintf("%+v", h))

	var empty idHolder
	js, err = json.Marshal(empty)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Name":"","CPR":"","FNR":"","ID":""}`, string(js))
	back = idHolder{}
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, empty, back)
}

// TestSlogJSONHandlerStruct: slog's JSONHandler writes a struct with
// encoding/json, which now writes an identifier redacted (issue 14 item 5).
// The one limit left, that identifier.go documents: a map key is written
// with MarshalText, the storage form.
func TestSlogJSONHandlerStruct(t *testing.T) {
	t.Parallel()
	c, err := ident.ParseCPR("0101505006")
	require.NoError(t, err)
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("msg", "idHolder", idHolder{CPR: c}, "ids", []ident.CPR{c})
	assert.NotContains(t, buf.String(), "0101505006")
	buf.Reset()
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("msg", "byID", map[ident.CPR]int{c: 1})
	assert.Contains(t, buf.String(), "0101505006", "the documented limit: map keys")
}

func TestIdentifierParseErrorIsFieldError(t *testing.T) {
	t.Parallel()
	// Every parser returns a bare *FieldError, so a Validation places it.
	for _, err := range []error{
		func() error { _, err := ident.ParseCPR("x"); return err }(),
		func() error { _, err := ident.ParseFNR("x"); return err }(),
		func() error { _, err := ident.ParseCVR("x"); return err }(),
		func() error { _, err := ident.ParseOrgNr("x"); return err }(),
		func() error { _, err := ident.ParseNational(compliance.DK, "x"); return err }(),
	} {
		var fe *compliance.FieldError
		require.True(t, errors.As(err, &fe))
		var v compliance.Validation
		v.Check("citizen", err)
		var ve *compliance.ValidationError
		require.ErrorAs(t, v.Err("case"), &ve)
		assert.True(t, ve.Has("citizen."+fe.Field))
	}
}

func FuzzParseNational(f *testing.F) {
	for _, s := range []string{
		"010150-5006", "0101505007", "300290-1234", "31129956715", "41013950170",
		"02013299997", "30108299939", "23906398699",
	} {
		f.Add("dk", s)
		f.Add("no", s)
	}
	f.Add("", "")
	f.Add("se", "0101505006")
	f.Fuzz(func(t *testing.T, j, s string) {
		jur, _ := compliance.ParseJurisdiction(j)
		n, err := ident.ParseNational(jur, s)
		if err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
			require.True(t, n.IsZero())
			return
		}
		require.Equal(t, jur, n.Jurisdiction())
		idAssertNoLeak(t, fmt.Sprintf("%v %+v %#v %s %q %x %d", n, n, n, n, n, n, n), s, 4, "fmt")
		b, err := n.MarshalText()
		require.NoError(t, err)
		var u ident.National
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, n, u)

		// And the storage form itself, fuzzed.
		var w ident.National
		if err := w.UnmarshalText([]byte(s)); err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
		}
	})
}

// TestSealedNotReversible (issue 14 item 5): an identifier in an unexported
// field prints, by reflection, its internal integer. That integer was the
// number times a constant in tillid's source, so anyone could multiply it
// back; it is now sealed with a key drawn per process, and the published
// constants give nothing.
func TestSealedNotReversible(t *testing.T) {
	c, err := ident.ParseCPR("0707614285")
	require.NoError(t, err)
	out := fmt.Sprintf("%v", idHidden{cpr: c})
	var x uint64
	for _, f := range strings.FieldsFunc(out, func(r rune) bool { return r < '0' || r > '9' }) {
		var v uint64
		if _, err := fmt.Sscan(f, &v); err == nil && v > x {
			x = v
		}
	}
	require.NotZero(t, x, "the sealed integer is printed: %s", out)
	assert.NotEqual(t, uint32(707614285), uint32(x)*0x0e8b2f51, "reversible by the old public constant")
	assert.NotEqual(t, uint64(707614285), x*0xf1de83e19937733d)
	assert.NotContains(t, out, "0707614285")
	assert.NotContains(t, out, "707614285")
}
