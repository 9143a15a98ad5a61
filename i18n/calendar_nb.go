package i18n

// calendarNB holds the calendar messages in nb: the holidays by the names of
// helligdagsloven § 2 and lov om 1. og 17. mai, the units of legal periods and
// the ways of counting hours.
var calendarNB = []entry{
	{key: "compliance.holiday.new-years-day", msg: "Nyttårsdag"},
	{key: "compliance.holiday.maundy-thursday", msg: "Skjærtorsdag"},
	{key: "compliance.holiday.good-friday", msg: "Langfredag"},
	{key: "compliance.holiday.easter-sunday", msg: "Første påskedag"},
	{key: "compliance.holiday.easter-monday", msg: "Andre påskedag"},
	{key: "compliance.holiday.great-prayer-day", msg: "Store bededag"},
	{key: "compliance.holiday.ascension-day", msg: "Kristi himmelfartsdag"},
	{key: "compliance.holiday.whit-sunday", msg: "Første pinsedag"},
	{key: "compliance.holiday.whit-monday", msg: "Andre pinsedag"},
	{key: "compliance.holiday.christmas-day", msg: "Første juledag"},
	{key: "compliance.holiday.second-christmas-day", msg: "Andre juledag"},
	{key: "compliance.holiday.constitution-day", msg: "Grunnlovsdag (Danmark, 5. juni)"},
	{key: "compliance.holiday.christmas-eve", msg: "Julaften"},
	{key: "compliance.holiday.new-years-eve", msg: "Nyttårsaften"},
	{key: "compliance.holiday.labour-day", msg: "1. mai"},
	{key: "compliance.holiday.national-day", msg: "17. mai"},

	{key: "compliance.unit.hours", msg: "timer"},
	{key: "compliance.period.hours", one: "%[1]d time", msg: "%[1]d timer"},
	{key: "compliance.unit.days", msg: "dager"},
	{key: "compliance.period.days", one: "%[1]d dag", msg: "%[1]d dager"},
	{key: "compliance.unit.weeks", msg: "uker"},
	{key: "compliance.period.weeks", one: "%[1]d uke", msg: "%[1]d uker"},
	{key: "compliance.unit.months", msg: "måneder"},
	{key: "compliance.period.months", one: "%[1]d måned", msg: "%[1]d måneder"},
	{key: "compliance.unit.years", msg: "år"},
	{key: "compliance.period.years", one: "%[1]d år", msg: "%[1]d år"},
	{key: "compliance.unit.working-days", msg: "arbeidsdager"},
	{key: "compliance.period.working-days", one: "%[1]d arbeidsdag", msg: "%[1]d arbeidsdager"},

	{key: "compliance.hour-count.elapsed", msg: "Timer regnet fra tidspunktet for hendelsen"},
	{key: "compliance.hour-count.next-hour", msg: "Timer regnet fra neste hele time"},
}
