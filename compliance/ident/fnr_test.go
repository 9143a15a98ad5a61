package ident_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

// Vectors marked [D] were computed for this test from the control-digit rule
// of fnrinfo.no (the helper idFNRControl); births from 2036 on are synthetic.

func idDate(y int, m time.Month, d int) compliance.Date {
	return compliance.Date{Year: y, Month: m, Day: d}
}

func TestParseFNR(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		kind ident.FNRKind
		date compliance.Date
		sex  ident.Sex
	}{
		{"fnrinfo worked example 31129956715", "31129956715", ident.BirthNumber, idDate(1899, 12, 31), ident.Male},
		{"§4.2 D-number 41013950170", "41013950170", ident.DNumber, idDate(2039, 1, 1), ident.Male},
		{"[D] D-number, day 71 is the 31st", "71123950040", ident.DNumber, idDate(2039, 12, 31), ident.Female},
		{"[D] H-number, month 41 is January", "01413950089", ident.HNumber, idDate(2039, 1, 1), ident.Female},
		{"[D] H-number, month 52 is December", "31523950110", ident.HNumber, idDate(2039, 12, 31), ident.Male},
		{"Skatteetaten 2032 example 02013299997 also passes today's rules", "02013299997", ident.BirthNumber, idDate(2032, 1, 2), ident.Male},
		{"Skatteetaten 2032 example 30108299920 also passes today's rules", "30108299920", ident.BirthNumber, idDate(1982, 10, 30), ident.Male},
		{"[D] 29 February 2000 (individnummer 500)", "29020050088", ident.BirthNumber, idDate(2000, 2, 29), ident.Female},
		{"[D] 29 February 2036", "29023650078", ident.BirthNumber, idDate(2036, 2, 29), ident.Female},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ident.ParseFNR(tt.in)
			require.NoError(t, err)
			assert.False(t, f.IsZero())
			assert.Equal(t, tt.kind, f.Kind())
			assert.Equal(t, tt.date, f.BirthDate())
			sex, ok := f.Sex()
			assert.True(t, ok)
			assert.Equal(t, tt.sex, sex)
			assert.False(t, f.Series2032())
			assert.False(t, f.Synthetic())
			b, err := f.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(b))
			assert.Equal(t, "***********", f.String())
		})
	}
}

func TestFNRCentury(t *testing.T) {
	t.Parallel()
	// deadlines-law-retention.md §4.2 decode rule (Skatteetaten's series),
	// at the edges of each series. Vectors [D].
	tests := []struct {
		name string
		in   string
		year int
	}{
		{"individnummer 001 is 1900–1999", "01010000110", 1900},
		{"individnummer 499 with YY 99 is 1999", "31129949980", 1999},
		{"individnummer 499 with YY 53 is 1953", "01015349901", 1953},
		{"individnummer 500 with YY 54 is 1854 (Skatteetaten, not 1855)", "01015450068", 1854},
		{"individnummer 748 with YY 99 is 1899", "31129974810", 1899},
		{"individnummer 500 with YY 00 is 2000", "01010050053", 2000},
		{"individnummer 999 with YY 39 is 2039", "31123999935", 2039},
		{"individnummer 900 with YY 40 is 1940", "01014090017", 1940},
		{"individnummer 998 with YY 99 is 1999", "31129999813", 1999},
		{"fnrinfo: 567 with YY 99 is 1899", "31129956715", 1899},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ident.ParseFNR(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.year, f.BirthDate().Year)
		})
	}
}

func TestParseFNRRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		reason compliance.Reason
	}{
		{"§4.2 unallocated: individnummer 500 with YY 45", "01014550050", compliance.ReasonUnallocated},
		{"§4.2 unallocated: individnummer 749 with YY 53", "01015374922", compliance.ReasonUnallocated},
		{"§4.2 unallocated: individnummer 750 with YY 40", "01014075069", compliance.ReasonUnallocated},
		{"§4.2 unallocated: individnummer 899 with YY 99", "01019989980", compliance.ReasonUnallocated},
		{"fnrinfo example with a wrong K1", "31129956725", compliance.ReasonChecksum},
		{"fnrinfo example with a wrong K2", "31129956716", compliance.ReasonChecksum},
		{"fnrinfo example with two digits swapped", "13129956715", compliance.ReasonChecksum},
		{"Skatteetaten 2032 example 30108299939 needs the 2032 rule", "30108299939", compliance.ReasonChecksum},
		{"Skatteetaten 2032 example 02013299903 needs the 2032 rule", "02013299903", compliance.ReasonChecksum},
		{"[D] 30 February 2039", "30023950150", compliance.ReasonDate},
		{"[D] 29 February 1900", "29020000064", compliance.ReasonDate},
		{"[D] day 32", "32013950058", compliance.ReasonDate},
		{"[D] month 13", "01133950024", compliance.ReasonDate},
		{"[D] D-number with day 40 (day 0)", "40013950050", compliance.ReasonDate},
		{"[D] H-number with month 40 (month 0)", "01403950099", compliance.ReasonDate},
		{"[D] month 53", "01533950007", compliance.ReasonDate},
		{"[D] D-number and H-number at once", "41413950072", compliance.ReasonDate},
		{"fnrinfo: old H-number form, first digit 8, not accepted", "81013950083", compliance.ReasonDate},
		{"[D] synthetic month 81 is off by default", "01813950061", compliance.ReasonDate},
		{"Skatteetaten test person 23906398699 is synthetic, off by default", "23906398699", compliance.ReasonDate},
		{"empty", "", compliance.ReasonLength},
		{"ten digits", "3112995671", compliance.ReasonLength},
		{"twelve digits", "311299567150", compliance.ReasonLength},
		{"space after the birth date", "311299 56715", compliance.ReasonLength},
		{"hyphen in place of a digit", "311299-6715", compliance.ReasonFormat},
		{"letter", "3112995671O", compliance.ReasonFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ident.ParseFNR(tt.in)
			assert.True(t, f.IsZero())
			idAssertFieldError(t, err, "fnr", tt.reason)
		})
	}
}

func TestParseFNR2032(t *testing.T) {
	t.Parallel()
	// Skatteetaten, "Nytt fødselsnummer fra 2032"
	// (https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/):
	// from 1 January 2032 K1 may leave remainder 0, 1, 2 or 3; K2 is
	// unchanged; the individnummer no longer gives the century and the number
	// no longer gives the sex.
	rules := ident.FNRRules{Accept2032: true}
	tests := []struct {
		name     string
		in       string
		kind     ident.FNRKind
		series   bool
		date     compliance.Date
		sexKnown bool
	}{
		{"Skatteetaten example 30108299939 (K1 remainder 1)", "30108299939", ident.BirthNumber, true, compliance.Date{}, false},
		{"Skatteetaten example 02013299903 (K1 remainder 2)", "02013299903", ident.BirthNumber, true, compliance.Date{}, false},
		{"[D] K1 remainder 3", "30108299955", ident.BirthNumber, true, compliance.Date{}, false},
		{"[D] D-number, K1 remainder 2", "41018280009", ident.DNumber, true, compliance.Date{}, false},
		{"[D] individnummer 750 with YY 40 (unallocated before 2032)", "01014075069", ident.BirthNumber, true, compliance.Date{}, false},
		{"[D] 29 February 1900 may be 29 February 2000", "29020000064", ident.BirthNumber, true, compliance.Date{}, false},
		{"[D] 29 February, YY 00, K1 remainder 1", "29020000153", ident.BirthNumber, true, compliance.Date{}, false},
		{"Skatteetaten example 30108299920 reads as today's number", "30108299920", ident.BirthNumber, false, idDate(1982, 10, 30), true},
		{"fnrinfo worked example 31129956715 reads as today's number", "31129956715", ident.BirthNumber, false, idDate(1899, 12, 31), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ident.ParseFNRWith(tt.in, rules)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, f.Kind())
			assert.Equal(t, tt.series, f.Series2032())
			assert.Equal(t, tt.date, f.BirthDate())
			_, ok := f.Sex()
			assert.Equal(t, tt.sexKnown, ok)

			// The storage form reads back, also without the rule.
			b, err := f.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(b))
			var u ident.FNR
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, f, u)
		})
	}

	rejects := []struct {
		name   string
		in     string
		reason compliance.Reason
	}{
		{"[D] K1 remainder 4 is never valid", "30108299963", compliance.ReasonChecksum},
		{"[D] K2 is unchanged: a wrong K2 is rejected", "30108299938", compliance.ReasonChecksum},
		{"[D] 30 February is never a date", "30028299970", compliance.ReasonDate},
		{"[D] synthetic month stays off", "01813950061", compliance.ReasonDate},
	}
	for _, tt := range rejects {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ident.ParseFNRWith(tt.in, rules)
			idAssertFieldError(t, err, "fnr", tt.reason)
		})
	}
}

func TestParseFNRSynthetic(t *testing.T) {
	t.Parallel()
	rules := ident.FNRRules{AcceptSynthetic: true}
	tests := []struct {
		name string
		in   string
		kind ident.FNRKind
		date compliance.Date
	}{
		// https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/om-tjenestene/
		// (news of 2023-09-21, test persons for vergemål).
		{"Skatteetaten test person 23906398699", "23906398699", ident.BirthNumber, idDate(1963, 10, 23)},
		{"[D] synthetic month 81", "01813950061", ident.BirthNumber, idDate(2039, 1, 1)},
		{"[D] synthetic D-number", "41813950055", ident.DNumber, idDate(2039, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ident.ParseFNRWith(tt.in, rules)
			require.NoError(t, err)
			assert.True(t, f.Synthetic())
			assert.Equal(t, tt.kind, f.Kind())
			assert.Equal(t, tt.date, f.BirthDate())
			b, err := f.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(b))
			// Synthetic numbers are an opt-in of the parser only.
			var u ident.FNR
			idAssertFieldError(t, u.UnmarshalText(b), "fnr", compliance.ReasonDate)
		})
	}
}

func TestFNRKindCodes(t *testing.T) {
	t.Parallel()
	want := map[ident.FNRKind][2]string{
		ident.BirthNumber: {"birth-number", "compliance.fnr-kind.birth-number"},
		ident.DNumber:     {"d-number", "compliance.fnr-kind.d-number"},
		ident.HNumber:     {"h-number", "compliance.fnr-kind.h-number"},
	}
	n := 0
	for k := range ident.AllFNRKinds() {
		n++
		assert.Equal(t, want[k][0], k.String())
		assert.Equal(t, want[k][1], k.Key())
		got, err := ident.ParseFNRKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
		b, err := k.MarshalText()
		require.NoError(t, err)
		var u ident.FNRKind
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, k, u)
	}
	assert.Equal(t, len(want), n)
	_, err := ident.ParseFNRKind("fnr")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestFNRZero(t *testing.T) {
	t.Parallel()
	var f ident.FNR
	assert.True(t, f.IsZero())
	assert.Equal(t, ident.FNRKind(0), f.Kind())
	assert.Equal(t, compliance.Date{}, f.BirthDate())
	_, ok := f.Sex()
	assert.False(t, ok)
	assert.False(t, f.Series2032())
	assert.False(t, f.Synthetic())
	assert.Equal(t, "", f.String())
	assert.Equal(t, "compliance.FNR{}", fmt.Sprintf("%#v", f))
	b, err := f.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	g, err := ident.ParseFNR("31129956715")
	require.NoError(t, err)
	require.NoError(t, g.UnmarshalText([]byte{}))
	assert.True(t, g.IsZero(), "empty text gives the zero value")
}

func TestFNRFormat(t *testing.T) {
	t.Parallel()
	f, err := ident.ParseFNR("31129956715")
	require.NoError(t, err)
	// The redacted form (documented at FNR): every verb, flags honoured.
	tests := map[string]string{
		"%v":    "***********",
		"%+v":   "***********",
		"%s":    "***********",
		"%d":    "***********",
		"%x":    "***********",
		"%q":    `"***********"`,
		"%#v":   "compliance.FNR{***********}",
		"%-12s": "*********** ",
	}
	for verb, want := range tests {
		assert.Equal(t, want, fmt.Sprintf(verb, f), verb)
		assert.Equal(t, want, fmt.Sprintf(verb, &f), "pointer "+verb)
	}
	assert.Equal(t, "***********", f.LogValue().String())
}

func TestFNRNoAllocs(t *testing.T) {
	for _, s := range []string{"31129956715", "41013950170"} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := ident.ParseFNR(s); err != nil {
				t.Fatal(err)
			}
		})
		assert.Zero(t, allocs)
	}
}

func BenchmarkParseFNR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParseFNR("41013950170"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseFNR(f *testing.F) {
	for _, s := range []string{
		"31129956715", "41013950170", "01413950089", "01014550050", "01014075069",
		"30108299939", "02013299903", "23906398699", "29020000064", "41413950072",
		"31129956716", "", "3112995671O",
	} {
		f.Add(s, false, false)
		f.Add(s, true, true)
	}
	f.Fuzz(func(t *testing.T, s string, accept2032, synthetic bool) {
		rules := ident.FNRRules{Accept2032: accept2032, AcceptSynthetic: synthetic}
		n, err := ident.ParseFNRWith(s, rules)
		if err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
			require.True(t, n.IsZero())
			return
		}
		require.False(t, n.IsZero())
		require.True(t, n.Kind().Valid())
		if !n.Series2032() {
			require.True(t, n.BirthDate().Valid())
			_, ok := n.Sex()
			require.True(t, ok)
		} else {
			require.True(t, accept2032)
			require.True(t, n.BirthDate().IsZero())
		}
		if n.Synthetic() {
			require.True(t, synthetic)
		}
		// What today's rules accept, every rule set accepts alike.
		if !accept2032 && !synthetic {
			m, err := ident.ParseFNRWith(s, ident.FNRRules{Accept2032: true, AcceptSynthetic: true})
			require.NoError(t, err)
			require.Equal(t, n, m)
		}
		idAssertNoLeak(t, fmt.Sprintf("%v %+v %#v %s %q %x %d", n, n, n, n, n, n, n), s, 4, "fmt")
		b, err := n.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(b))
		if n.Synthetic() {
			return // synthetic numbers do not read back (see FNR.UnmarshalText)
		}
		var u ident.FNR
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, n, u)
	})
}
