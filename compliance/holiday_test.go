package compliance

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEaster(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		year int
		want Date
	}{
		// deadlines-law-retention.md §2.3 and its spot checks (halsa.kommune.no
		// lists 2019 and 2020).
		{"§2.3 spot check: 2019", 2019, Date{2019, time.April, 21}},
		{"§2.3 spot check: 2020", 2020, Date{2020, time.April, 12}},
		{"§2.3: 2023", 2023, Date{2023, time.April, 9}},
		{"§2.3: 2024", 2024, Date{2024, time.March, 31}},
		{"§2.3: 2025", 2025, Date{2025, time.April, 20}},
		{"§2.3: 2026", 2026, Date{2026, time.April, 5}},
		{"§2.3: 2027", 2027, Date{2027, time.March, 28}},
		// Far years, as computed by python-dateutil's easter(EASTER_WESTERN)
		// (Oudin's algorithm), including the earliest (22 March) and latest
		// (25 April) possible dates.
		{"dateutil: first Gregorian year 1583", 1583, Date{1583, time.April, 10}},
		{"dateutil: 1700", 1700, Date{1700, time.April, 11}},
		{"dateutil: earliest possible, 1818-03-22", 1818, Date{1818, time.March, 22}},
		{"dateutil: 1900", 1900, Date{1900, time.April, 15}},
		{"dateutil: latest possible, 1943-04-25", 1943, Date{1943, time.April, 25}},
		{"dateutil: 2000", 2000, Date{2000, time.April, 23}},
		{"dateutil: latest possible, 2038-04-25", 2038, Date{2038, time.April, 25}},
		{"dateutil: 2076, the year the old NO leap-year rule would have failed", 2076, Date{2076, time.April, 19}},
		{"dateutil: 2100", 2100, Date{2100, time.March, 28}},
		{"dateutil: 2200", 2200, Date{2200, time.April, 6}},
		{"dateutil: earliest possible, 2285-03-22", 2285, Date{2285, time.March, 22}},
		{"dateutil: 3000", 3000, Date{3000, time.April, 13}},
		{"dateutil: 9999", 9999, Date{9999, time.March, 28}},
		{"before the Gregorian calendar: zero", 1582, Date{}},
		{"after Date's range: zero", 10000, Date{}},
		{"negative year: zero", -1, Date{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Easter(tt.year), tt.name)
	}
}

// oudin is Oudin's Easter algorithm (1940), the one python-dateutil uses: an
// independent formulation to check Easter against over the whole range.
func oudin(y int) Date {
	g := y % 19
	c := y / 100
	h := (c - c/4 - (8*c+13)/25 + 19*g + 15) % 30
	i := h - (h/28)*(1-(h/28)*(29/(h+1))*((21-g)/11))
	j := (y + y/4 + i + 2 - c + c/4) % 7
	p := i - j
	return Date{y, time.Month(3 + (p+26)/30), 1 + (p+27+(p+6)/40)%31}
}

func TestEasterMatchesOudin(t *testing.T) {
	t.Parallel()
	for y := minYear; y <= maxYear; y++ {
		e := Easter(y)
		if !assert.Equal(t, oudin(y), e, "year %d", y) {
			return
		}
		require.Equal(t, time.Sunday, e.Weekday(), "year %d", y)
		require.True(t, !e.Before(Date{y, time.March, 22}) && !e.After(Date{y, time.April, 25}), "year %d: %v", y, e)
	}
}

func TestDayNumber(t *testing.T) {
	t.Parallel()
	check := func(z int) bool {
		want := DateOf(time.Unix(int64(z)*86400, 0).UTC())
		got := dateOfDay(z)
		return assert.Equal(t, want, got, "dateOfDay(%d)", z) &&
			assert.Equal(t, z, dayNumber(got), "dayNumber(%v)", got) &&
			assert.Equal(t, want.Weekday(), weekdayOf(z), "weekdayOf(%d)", z)
	}
	for _, z := range []int{0, -1, 1, 59, 60, 365, 10956, 11016, -141427, firstDay, lastDay} {
		check(z)
	}
	for z := firstDay; z <= lastDay; z += 97 {
		if !check(z) {
			return
		}
	}
	assert.Equal(t, Date{1583, time.January, 1}, dateOfDay(firstDay))
	assert.Equal(t, Date{9999, time.December, 31}, dateOfDay(lastDay))
}

func TestHolidayCodes(t *testing.T) {
	t.Parallel()
	// The codes are API: hosts store them. Pin them.
	want := []string{
		"new-years-day", "maundy-thursday", "good-friday", "easter-sunday", "easter-monday",
		"great-prayer-day", "ascension-day", "whit-sunday", "whit-monday", "christmas-day",
		"second-christmas-day", "constitution-day", "christmas-eve", "new-years-eve",
		"labour-day", "national-day",
	}
	var got []string
	for h := range AllHolidays() {
		got = append(got, h.String())
		assert.Equal(t, "compliance.holiday."+h.String(), h.Key())
		p, err := ParseHoliday(h.String())
		require.NoError(t, err)
		assert.Equal(t, h, p)
		b, err := h.MarshalText()
		require.NoError(t, err)
		var u Holiday
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, h, u)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, NationalDay, slices.Collect(AllHolidays())[len(want)-1])

	_, err := ParseHoliday("Good-Friday")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, ReasonUnknown, fe.Reason)
	assert.Equal(t, "holiday", fe.Vocabulary)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.False(t, Holiday(0).Valid())
	assert.False(t, Holiday(17).Valid())
}

func TestHolidayRef(t *testing.T) {
	t.Parallel()
	helligdagsloven := Ref{Instrument: NOAct, Doc: "helligdagsloven", Article: "2"}
	maiLoven := Ref{Instrument: NOAct, Doc: "lov om 1. og 17. mai", Article: "1"}
	foraeldelsesloven := Ref{Instrument: DKAct, Doc: "forældelsesloven", Article: "27", Paragraph: 2}
	tests := []struct {
		name string
		h    Holiday
		j    Jurisdiction
		want Ref
	}{
		{"NO: helligdagsloven § 2 (LOV-1995-02-24-12)", GoodFriday, NO, helligdagsloven},
		{"NO: helligdagsloven § 2, nyttårsdag", NewYearsDay, NO, helligdagsloven},
		{"NO: helligdagsloven § 2, andre juledag", SecondChristmasDay, NO, helligdagsloven},
		{"NO: lov om 1. og 17. mai § 1, 1 May", LabourDay, NO, maiLoven},
		{"NO: lov om 1. og 17. mai § 1, 17 May", NationalDay, NO, maiLoven},
		{"NO: no store bededag", GreatPrayerDay, NO, Ref{}},
		{"NO: no grundlovsdag (DK)", ConstitutionDay, NO, Ref{}},
		{"DK: church holidays are not enumerated by an act", GoodFriday, DK, Ref{}},
		{"DK: store bededag abolished by L 13 (2022–23)", GreatPrayerDay, DK,
			Ref{Instrument: DKAct, Doc: "lov om konsekvenser ved afskaffelsen af store bededag som helligdag"}},
		{"DK: forældelsesloven § 27 stk. 2, grundlovsdag", ConstitutionDay, DK, foraeldelsesloven},
		{"DK: forældelsesloven § 27 stk. 2, 24 December", ChristmasEve, DK, foraeldelsesloven},
		{"DK: forældelsesloven § 27 stk. 2, 31 December", NewYearsEve, DK, foraeldelsesloven},
		{"DK: no 17 May", NationalDay, DK, Ref{}},
		{"invalid jurisdiction", GoodFriday, 0, Ref{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.h.Ref(tt.j), tt.name)
	}
	for h := range AllHolidays() {
		for j := range AllJurisdictions() {
			if r := h.Ref(j); !r.IsZero() {
				assert.NoError(t, r.Validate(), "%v in %v: %v", h, j, r)
				back, err := ParseRef(r.String())
				assert.NoError(t, err, "%v in %v: %v", h, j, r)
				assert.Equal(t, r, back)
			}
		}
	}
}
