package i18n

// calendarDA holds the calendar messages in da: the holidays by the names of
// the Danish authorities and the Alterbog, the units of legal periods and the
// ways of counting hours.
var calendarDA = []entry{
	{key: "compliance.holiday.new-years-day", msg: "Nytårsdag"},
	{key: "compliance.holiday.maundy-thursday", msg: "Skærtorsdag"},
	{key: "compliance.holiday.good-friday", msg: "Langfredag"},
	{key: "compliance.holiday.easter-sunday", msg: "Påskedag"},
	{key: "compliance.holiday.easter-monday", msg: "2. påskedag"},
	{key: "compliance.holiday.great-prayer-day", msg: "Store bededag"},
	{key: "compliance.holiday.ascension-day", msg: "Kristi himmelfartsdag"},
	{key: "compliance.holiday.whit-sunday", msg: "Pinsedag"},
	{key: "compliance.holiday.whit-monday", msg: "2. pinsedag"},
	{key: "compliance.holiday.christmas-day", msg: "Juledag"},
	{key: "compliance.holiday.second-christmas-day", msg: "2. juledag"},
	{key: "compliance.holiday.constitution-day", msg: "Grundlovsdag"},
	{key: "compliance.holiday.christmas-eve", msg: "Juleaftensdag"},
	{key: "compliance.holiday.new-years-eve", msg: "Nytårsaftensdag"},
	{key: "compliance.holiday.labour-day", msg: "1. maj"},
	{key: "compliance.holiday.national-day", msg: "17. maj (Norges grundlovsdag)"},

	{key: "compliance.unit.hours", msg: "timer"},
	{key: "compliance.period.hours", one: "%[1]d time", msg: "%[1]d timer"},
	{key: "compliance.unit.days", msg: "dage"},
	{key: "compliance.period.days", one: "%[1]d dag", msg: "%[1]d dage"},
	{key: "compliance.unit.weeks", msg: "uger"},
	{key: "compliance.period.weeks", one: "%[1]d uge", msg: "%[1]d uger"},
	{key: "compliance.unit.months", msg: "måneder"},
	{key: "compliance.period.months", one: "%[1]d måned", msg: "%[1]d måneder"},
	{key: "compliance.unit.years", msg: "år"},
	{key: "compliance.period.years", one: "%[1]d år", msg: "%[1]d år"},
	{key: "compliance.unit.working-days", msg: "arbejdsdage"},
	{key: "compliance.period.working-days", one: "%[1]d arbejdsdag", msg: "%[1]d arbejdsdage"},

	{key: "compliance.hour-count.elapsed", msg: "Timer regnet fra hændelsens tidspunkt"},
	{key: "compliance.hour-count.next-hour", msg: "Timer regnet fra næste hele time"},
}
