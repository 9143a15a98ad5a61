package i18n

// calendarNN holds the calendar messages in nn: the holidays by their
// Norwegian names in nynorsk, the units of legal periods and the ways of
// counting hours.
var calendarNN = []entry{
	{key: "compliance.holiday.new-years-day", msg: "Nyttårsdag"},
	{key: "compliance.holiday.maundy-thursday", msg: "Skjærtorsdag"},
	{key: "compliance.holiday.good-friday", msg: "Langfredag"},
	{key: "compliance.holiday.easter-sunday", msg: "Første påskedag"},
	{key: "compliance.holiday.easter-monday", msg: "Andre påskedag"},
	{key: "compliance.holiday.great-prayer-day", msg: "Store bededag"},
	{key: "compliance.holiday.ascension-day", msg: "Kristi himmelferdsdag"},
	{key: "compliance.holiday.whit-sunday", msg: "Første pinsedag"},
	{key: "compliance.holiday.whit-monday", msg: "Andre pinsedag"},
	{key: "compliance.holiday.christmas-day", msg: "Første juledag"},
	{key: "compliance.holiday.second-christmas-day", msg: "Andre juledag"},
	{key: "compliance.holiday.constitution-day", msg: "Grunnlovsdag (Danmark, 5. juni)"},
	{key: "compliance.holiday.christmas-eve", msg: "Julaftan"},
	{key: "compliance.holiday.new-years-eve", msg: "Nyttårsaftan"},
	{key: "compliance.holiday.labour-day", msg: "1. mai"},
	{key: "compliance.holiday.national-day", msg: "17. mai"},

	{key: "compliance.unit.hours", msg: "timar"},
	{key: "compliance.period.hours", one: "%[1]d time", msg: "%[1]d timar"},
	{key: "compliance.unit.days", msg: "dagar"},
	{key: "compliance.period.days", one: "%[1]d dag", msg: "%[1]d dagar"},
	{key: "compliance.unit.weeks", msg: "veker"},
	{key: "compliance.period.weeks", one: "%[1]d veke", msg: "%[1]d veker"},
	{key: "compliance.unit.months", msg: "månader"},
	{key: "compliance.period.months", one: "%[1]d månad", msg: "%[1]d månader"},
	{key: "compliance.unit.years", msg: "år"},
	{key: "compliance.period.years", one: "%[1]d år", msg: "%[1]d år"},
	{key: "compliance.unit.working-days", msg: "arbeidsdagar"},
	{key: "compliance.period.working-days", one: "%[1]d arbeidsdag", msg: "%[1]d arbeidsdagar"},

	{key: "compliance.hour-count.elapsed", msg: "Timar rekna frå tidspunktet for hendinga"},
	{key: "compliance.hour-count.next-hour", msg: "Timar rekna frå neste heile time"},
}
