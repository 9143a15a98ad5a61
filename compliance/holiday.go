package compliance

import (
	"iter"
	"time"

	"github.com/tillid/tillid/internal/enum"
)

// Holiday is a public holiday of Denmark or Norway, or a day that Danish
// deadline practice treats like one. Which holidays a [Calendar] observes,
// and in which years, depends on its jurisdiction and [CalendarOptions]; a
// Holiday value on its own says nothing about either. The zero value is
// invalid.
//
// Sundays are not listed: they are never working days anyway (Reg 1182/71
// Art 2(2)), although Norwegian law counts every Sunday as a helligdag.
//
// Denmark. The helligdage are those of the Evangelical Lutheran Church
// (folkekirken), fixed by royal authority through the Alterbog; no act of
// the Folketing enumerates them (folkekirken:
// https://www.folkekirken.dk/aktuelt/nyheder/saadan-afskaffer-man-en-helligdag ;
// also the secondary site https://www.elov.dk/helligdagsloven/ ).
// They are NewYearsDay, MaundyThursday, GoodFriday, EasterSunday,
// EasterMonday, AscensionDay, WhitSunday, WhitMonday, ChristmasDay and
// SecondChristmasDay, plus GreatPrayerDay up to and including 2023.
// ConstitutionDay, ChristmasEve and NewYearsEve are not helligdage; see
// [CalendarOptions.DanishExtended].
//
// Norway. The helligdager of helligdagsloven (LOV-1995-02-24-12, lov om
// helligdager og helligdagsfred) § 2, and the høgtidsdager 1 and 17 May of
// the act of 26 April 1947 on 1 and 17 May (lov om 1. og 17. mai som
// høgtidsdager) § 1, which equates them with Sundays
// (https://www.arbeidstilsynet.no/regelverk/lover/lov-om-1-og-17-mai/1/ ).
// They are NewYearsDay, MaundyThursday, GoodFriday, EasterSunday,
// EasterMonday, LabourDay, NationalDay, AscensionDay, WhitSunday,
// WhitMonday, ChristmasDay and SecondChristmasDay.
type Holiday uint8

// Holidays. The movable feasts are given as their distance from Easter
// Sunday (E), computed by [Easter].

const NewYearsDay Holiday = 1         // 1 January: DK nytårsdag, NO nyttårsdag
const MaundyThursday Holiday = 2      // E−3: DK skærtorsdag, NO skjærtorsdag
const GoodFriday Holiday = 3          // E−2: langfredag
const EasterSunday Holiday = 4        // E: DK påskedag, NO første påskedag
const EasterMonday Holiday = 5        // E+1: DK 2. påskedag, NO andre påskedag
const GreatPrayerDay Holiday = 6      // E+26, the fourth Friday after Easter: DK store bededag, a helligdag up to and including 2023
const AscensionDay Holiday = 7        // E+39: Kristi himmelfartsdag
const WhitSunday Holiday = 8          // E+49: DK pinsedag, NO første pinsedag
const WhitMonday Holiday = 9          // E+50: DK 2. pinsedag, NO andre pinsedag
const ChristmasDay Holiday = 10       // 25 December: DK juledag, NO første juledag
const SecondChristmasDay Holiday = 11 // 26 December: DK 2. juledag, NO andre juledag
const ConstitutionDay Holiday = 12    // 5 June: DK grundlovsdag (extended Danish set only)
const ChristmasEve Holiday = 13       // 24 December: DK juleaftensdag (extended Danish set only)
const NewYearsEve Holiday = 14        // 31 December: DK nytårsaftensdag (extended Danish set only)
const LabourDay Holiday = 15          // 1 May: NO høgtidsdag
const NationalDay Holiday = 16        // 17 May: NO høgtidsdag (grunnlovsdagen)

var holidays = enum.New[Holiday]("holiday", "compliance.holiday", UnknownCode,
	"new-years-day", "maundy-thursday", "good-friday", "easter-sunday", "easter-monday",
	"great-prayer-day", "ascension-day", "whit-sunday", "whit-monday", "christmas-day",
	"second-christmas-day", "constitution-day", "christmas-eve", "new-years-eve",
	"labour-day", "national-day")

// ParseHoliday returns the Holiday with the given code.
func ParseHoliday(s string) (Holiday, error) { return holidays.Parse(s) }

// AllHolidays yields every Holiday in declaration order.
func AllHolidays() iter.Seq[Holiday] { return holidays.All() }

// String returns the stable code, for example "good-friday".
func (h Holiday) String() string { return holidays.String(h) }

// Key returns the i18n message key, for example
// "compliance.holiday.good-friday".
func (h Holiday) Key() string { return holidays.Key(h) }

// Valid reports whether h is a known Holiday.
func (h Holiday) Valid() bool { return holidays.Valid(h) }

// MarshalText implements [encoding.TextMarshaler].
func (h Holiday) MarshalText() ([]byte, error) { return holidays.MarshalText(h) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (h *Holiday) UnmarshalText(b []byte) error { return holidays.UnmarshalText(h, b) }

// Provisions that make a day a holiday.
var (
	// refHelligdagsloven is LOV-1995-02-24-12 § 2, the Norwegian helligdager.
	refHelligdagsloven = Section(NOAct, "helligdagsloven", "2", 0, "")
	// refMaiLoven is lov 26. april 1947 nr. 1 om 1. og 17. mai som
	// høgtidsdager § 1.
	refMaiLoven = Section(NOAct, "lov om 1. og 17. mai", "1", 0, "")
	// refForaeldelsesloven is the Danish forældelsesloven § 27, stk. 2,
	// which extends a deadline ending on a weekend, a helligdag,
	// grundlovsdag, 24 or 31 December (LBK nr. 1238 af 09/11/2015,
	// https://www.retsinformation.dk/eli/lta/2015/1238 ).
	refForaeldelsesloven = Section(DKAct, "forældelsesloven", "27", 2, "")
	// refStoreBededag is the Danish act that abolished store bededag as a
	// helligdag from 1 January 2024: L 13 (2022–23), "Forslag til lov om
	// konsekvenser ved afskaffelsen af store bededag som helligdag", passed
	// on 28 February 2023 (https://ft.dk/samling/20222/almdel/ERU/bilag/17/2646427/index.htm ).
	// The number of the enacted act was not retrieved, so the reference
	// names the act by the bill's title.
	refStoreBededag = Ref{Instrument: DKAct, Doc: "lov om konsekvenser ved afskaffelsen af store bededag som helligdag"}
)

// Ref returns the provision that makes h a holiday, or makes it count like
// one for deadlines, in jurisdiction j; the zero Ref when there is none.
//
// In Norway that is helligdagsloven § 2 (LOV-1995-02-24-12) for the church
// holidays and lov om 1. og 17. mai § 1 for LabourDay and NationalDay. In
// Denmark the church holidays are not enumerated by any act, so their Ref is
// zero; GreatPrayerDay refers to the act that abolished it from 2024, and
// ConstitutionDay, ChristmasEve and NewYearsEve to forældelsesloven § 27,
// stk. 2, the only statute found that treats them as non-working days for a
// deadline. A holiday that the jurisdiction does not have gives the zero Ref.
func (h Holiday) Ref(j Jurisdiction) Ref {
	switch j {
	case NO:
		switch h {
		case NewYearsDay, MaundyThursday, GoodFriday, EasterSunday, EasterMonday,
			AscensionDay, WhitSunday, WhitMonday, ChristmasDay, SecondChristmasDay:
			return refHelligdagsloven
		case LabourDay, NationalDay:
			return refMaiLoven
		}
	case DK:
		switch h {
		case GreatPrayerDay:
			return refStoreBededag
		case ConstitutionDay, ChristmasEve, NewYearsEve:
			return refForaeldelsesloven
		}
	}
	return Ref{}
}

// lastGreatPrayerDay is the last year in which store bededag was a Danish
// helligdag; it ceased to be one from 1 January 2024.
const lastGreatPrayerDay = 2023

// The years for which [Easter] is defined: the Gregorian calendar began in
// October 1582, and [Date] ends in 9999.
const (
	minYear = FirstYear
	maxYear = LastYear
)

// Easter returns the date of Easter Sunday in the Gregorian calendar for a
// year from 1583 to 9999, and the zero Date for any other year.
//
// It uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher, published
// in Nature in 1876 and in Meeus, Astronomical Algorithms, ch. 8), which
// computes the ecclesiastical full moon, not the astronomical one. That is
// also the rule of the Norwegian helligdagsloven § 2: the 2011 amendment
// (Prop. 81 L (2010–2011) ch. 5) removed the words "(ved skuddår 20. mars)"
// from its definition of første påskedag because they would have given a
// wrong date from 2076.
func Easter(year int) Date {
	if year < minYear || year > maxYear {
		return Date{}
	}
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return Date{year, time.Month(n / 31), n%31 + 1}
}

// Day numbers. The calendar works on the number of days since 1970-01-01
// in the proleptic Gregorian calendar, which makes weekday and distance
// computations a few integer operations without allocation.

// dayNumber returns the number of days from 1970-01-01 to d (negative
// before). It is Howard Hinnant's days_from_civil; d must be a valid Date.
func dayNumber(d Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfDay is the inverse of [dayNumber] (Hinnant's civil_from_days).
func dateOfDay(z int) Date {
	z += 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

// weekdayOf returns the weekday of day number z (1970-01-01 was a Thursday).
func weekdayOf(z int) time.Weekday {
	w := (z + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// Offsets of the movable holidays from Easter Sunday.
const (
	offMaundyThursday = -3
	offGoodFriday     = -2
	offEasterMonday   = 1
	offGreatPrayerDay = 26
	offAscensionDay   = 39
	offWhitSunday     = 49
	offWhitMonday     = 50
)

// holidayRules reports the holidays that jurisdiction j observes in year y
// (with the extended Danish set when ext), in declaration order of
// [Holiday], to f. y must be within minYear..maxYear.
func holidayRules(j Jurisdiction, ext bool, y int, f func(Date, Holiday)) {
	e := dayNumber(Easter(y))
	movable := func(off int, h Holiday) { f(dateOfDay(e+off), h) }
	f(Date{y, time.January, 1}, NewYearsDay)
	movable(offMaundyThursday, MaundyThursday)
	movable(offGoodFriday, GoodFriday)
	movable(0, EasterSunday)
	movable(offEasterMonday, EasterMonday)
	if j == DK && y <= lastGreatPrayerDay {
		movable(offGreatPrayerDay, GreatPrayerDay)
	}
	movable(offAscensionDay, AscensionDay)
	movable(offWhitSunday, WhitSunday)
	movable(offWhitMonday, WhitMonday)
	f(Date{y, time.December, 25}, ChristmasDay)
	f(Date{y, time.December, 26}, SecondChristmasDay)
	switch {
	case j == DK && ext:
		f(Date{y, time.June, 5}, ConstitutionDay)
		f(Date{y, time.December, 24}, ChristmasEve)
		f(Date{y, time.December, 31}, NewYearsEve)
	case j == NO:
		f(Date{y, time.May, 1}, LabourDay)
		f(Date{y, time.May, 17}, NationalDay)
	}
}

// holidayOn returns the holiday on d, whose day number is z, in
// jurisdiction j. When two holidays fall on the same day (17 May and Whit
// Monday in 2027, 1 May and Ascension Day in 2008) it returns the one
// declared first, which is always the movable church holiday. d must be
// valid and within minYear..maxYear.
func holidayOn(j Jurisdiction, ext bool, d Date, z int) (Holiday, bool) {
	// The movable holidays fall between 19 March (Maundy Thursday of the
	// earliest Easter, 22 March) and 14 June (Whit Monday of the latest,
	// 25 April), so Easter is computed only for those months.
	if d.Month >= time.March && d.Month <= time.June {
		switch z - dayNumber(Easter(d.Year)) {
		case offMaundyThursday:
			return MaundyThursday, true
		case offGoodFriday:
			return GoodFriday, true
		case 0:
			return EasterSunday, true
		case offEasterMonday:
			return EasterMonday, true
		case offGreatPrayerDay:
			if j == DK && d.Year <= lastGreatPrayerDay {
				return GreatPrayerDay, true
			}
		case offAscensionDay:
			return AscensionDay, true
		case offWhitSunday:
			return WhitSunday, true
		case offWhitMonday:
			return WhitMonday, true
		}
	}
	switch {
	case d.Month == time.January && d.Day == 1:
		return NewYearsDay, true
	case d.Month == time.December && d.Day == 25:
		return ChristmasDay, true
	case d.Month == time.December && d.Day == 26:
		return SecondChristmasDay, true
	}
	switch j {
	case DK:
		if !ext {
			break
		}
		switch {
		case d.Month == time.June && d.Day == 5:
			return ConstitutionDay, true
		case d.Month == time.December && d.Day == 24:
			return ChristmasEve, true
		case d.Month == time.December && d.Day == 31:
			return NewYearsEve, true
		}
	case NO:
		switch {
		case d.Month == time.May && d.Day == 1:
			return LabourDay, true
		case d.Month == time.May && d.Day == 17:
			return NationalDay, true
		}
	}
	return 0, false
}
