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

func TestParseCPR(t *testing.T) {
	t.Parallel()
	// deadlines-law-retention.md §4.1 test vectors: synthetic numbers with
	// birth years 2036–2057 that cannot belong to anyone yet.
	tests := []struct {
		name  string
		in    string
		date  compliance.Date
		sex   ident.Sex
		mod11 bool
		text  string
	}{
		{
			name: "§4.1 010150-5006 passes mod 11",
			in:   "010150-5006",
			date: compliance.Date{Year: 2050, Month: time.January, Day: 1},
			sex:  ident.Female, mod11: true, text: "0101505006",
		},
		{
			name: "cpr.dk: 010150-5007 fails mod 11 but is accepted",
			in:   "010150-5007",
			date: compliance.Date{Year: 2050, Month: time.January, Day: 1},
			sex:  ident.Male, mod11: false, text: "0101505007",
		},
		{
			name: "§4.1 without the hyphen",
			in:   "0101505006",
			date: compliance.Date{Year: 2050, Month: time.January, Day: 1},
			sex:  ident.Female, mod11: true, text: "0101505006",
		},
		{
			name: "synthetic leap day 2056-02-29",
			in:   "290256-7001",
			date: compliance.Date{Year: 2056, Month: time.February, Day: 29},
			sex:  ident.Male, mod11: false, text: "2902567001",
		},
		{
			name: "synthetic last day of a 31-day month, 2041-12-31",
			in:   "3112418888",
			date: compliance.Date{Year: 2041, Month: time.December, Day: 31},
			sex:  ident.Female, mod11: false, text: "3112418888",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ident.ParseCPR(tt.in)
			require.NoError(t, err)
			assert.False(t, c.IsZero())
			assert.Equal(t, tt.date, c.BirthDate())
			assert.Equal(t, tt.sex, c.Sex())
			assert.Equal(t, tt.mod11, c.Modulus11())
			b, err := c.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			assert.Equal(t, "******-****", c.String())
		})
	}
}

func TestParseCPRRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		reason compliance.Reason
	}{
		{"§4.1 300290-1234 is 30 February", "300290-1234", compliance.ReasonDate},
		{"§4.1 01015-5006 has nine digits", "01015-5006", compliance.ReasonLength},
		{"§4.1 0101505006X has eleven characters", "0101505006X", compliance.ReasonLength},
		{"empty", "", compliance.ReasonLength},
		{"eleven digits", "01015050061", compliance.ReasonLength},
		{"hyphenated with an extra digit", "010150-50061", compliance.ReasonLength},
		{"misplaced hyphen", "01015-05006", compliance.ReasonFormat},
		{"two hyphens", "01-015-5006", compliance.ReasonFormat},
		{"space instead of hyphen", "010150 5006", compliance.ReasonLength},
		{"letter", "01015O5006", compliance.ReasonFormat},
		{"letter after hyphen", "010150-5O06", compliance.ReasonFormat},
		{"non-ASCII digit", "010150-500٦", compliance.ReasonLength},
		{"leading space", " 0101505006", compliance.ReasonLength},
		{"day 00", "0001505006", compliance.ReasonDate},
		{"day 32", "3201505006", compliance.ReasonDate},
		{"month 00", "0100505006", compliance.ReasonDate},
		{"month 13", "0113505006", compliance.ReasonDate},
		{"31 April", "310450-5006", compliance.ReasonDate},
		{"29 February 2050 is not a leap day", "290250-5006", compliance.ReasonDate},
		{"29 February 1900 (7th digit 0) is not a leap day", "290200-0000", compliance.ReasonDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ident.ParseCPR(tt.in)
			assert.True(t, c.IsZero())
			idAssertFieldError(t, err, "cpr", tt.reason)
		})
	}
}

func TestCPRCentury(t *testing.T) {
	t.Parallel()
	// §4.1 century-only vectors [D from CPR-kontoret's table]: (YY, 7th
	// digit) → year. 29 February checks the century where it matters.
	tests := []struct {
		yy, d7 int
		year   int
	}{
		{0, 0, 1900}, {36, 4, 2036}, {37, 4, 1937}, {99, 9, 1999},
		{0, 9, 2000}, {57, 5, 2057}, {58, 5, 1858}, {99, 8, 1899},
		{36, 3, 1936}, {57, 3, 1957}, {58, 3, 1958}, {0, 4, 2000},
		{57, 9, 1957}, {58, 4, 1958}, {0, 5, 2000}, {36, 8, 2036},
		{37, 6, 2037}, {99, 7, 1899},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("§4.1 (%02d,%d)→%d", tt.yy, tt.d7, tt.year), func(t *testing.T) {
			t.Parallel()
			c, err := ident.ParseCPR(fmt.Sprintf("0101%02d%d000", tt.yy, tt.d7))
			require.NoError(t, err)
			assert.Equal(t, tt.year, c.BirthDate().Year)
		})
	}
	t.Run("§4.1 (00,4) is 2000, a leap year", func(t *testing.T) {
		t.Parallel()
		c, err := ident.ParseCPR("290200-4000")
		require.NoError(t, err)
		assert.Equal(t, compliance.Date{Year: 2000, Month: time.February, Day: 29}, c.BirthDate())
	})
}

func TestCPRZero(t *testing.T) {
	t.Parallel()
	var c ident.CPR
	assert.True(t, c.IsZero())
	assert.Equal(t, compliance.Date{}, c.BirthDate())
	assert.Equal(t, ident.Sex(0), c.Sex())
	assert.False(t, c.Modulus11())
	assert.Equal(t, "", c.String())
	assert.Equal(t, "compliance.CPR{}", fmt.Sprintf("%#v", c))
	b, err := c.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	c2, err := ident.ParseCPR("0101505006")
	require.NoError(t, err)
	require.NoError(t, c2.UnmarshalText(nil))
	assert.True(t, c2.IsZero(), "empty text gives the zero value")
}

func TestCPRFormat(t *testing.T) {
	t.Parallel()
	c, err := ident.ParseCPR("0101505006")
	require.NoError(t, err)
	// The redacted form (documented at CPR): every verb, flags honoured.
	tests := map[string]string{
		"%v":   "******-****",
		"%+v":  "******-****",
		"%s":   "******-****",
		"%d":   "******-****",
		"%x":   "******-****",
		"%q":   `"******-****"`,
		"%#v":  "compliance.CPR{******-****}",
		"%13v": "  ******-****",
		"%.6s": "******",
	}
	for verb, want := range tests {
		assert.Equal(t, want, fmt.Sprintf(verb, c), verb)
		assert.Equal(t, want, fmt.Sprintf(verb, &c), "pointer "+verb)
	}
	assert.Equal(t, "compliance.CPR{******-****}", c.GoString())
	assert.Equal(t, "******-****", c.LogValue().String())
}

func TestCPRUnmarshalText(t *testing.T) {
	t.Parallel()
	var c ident.CPR
	require.NoError(t, c.UnmarshalText([]byte("010150-5007")))
	b, err := c.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "0101505007", string(b))
	before := c
	idAssertFieldError(t, c.UnmarshalText([]byte("300290-1234")), "cpr", compliance.ReasonDate)
	assert.Equal(t, before, c, "a failed UnmarshalText leaves the value alone")
}

func TestCPRNoAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := ident.ParseCPR("010150-5007"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

func BenchmarkParseCPR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParseCPR("010150-5007"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseCPR(f *testing.F) {
	for _, s := range []string{
		"010150-5006", "010150-5007", "0101505006", "300290-1234", "01015-5006",
		"0101505006X", "290200-4000", "290200-0000", "", "-", "01015-05006",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ident.ParseCPR(s)
		if err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
			require.True(t, c.IsZero())
			return
		}
		require.False(t, c.IsZero())
		require.True(t, c.BirthDate().Valid())
		require.True(t, c.Sex().Valid())
		idAssertNoLeak(t, fmt.Sprintf("%v %+v %#v %s %q %x %d", c, c, c, c, c, c, c), s, 4, "fmt")
		b, err := c.MarshalText()
		require.NoError(t, err)
		require.Len(t, b, 10)
		var u ident.CPR
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, c, u)
	})
}
