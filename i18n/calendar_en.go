package i18n

// calendarEN holds the calendar messages in en, the source texts: the
// holidays, the units of legal periods and the ways of counting hours.
var calendarEN = []entry{
	{key: "compliance.holiday.new-years-day", msg: "New Year's Day"},
	{key: "compliance.holiday.maundy-thursday", msg: "Maundy Thursday"},
	{key: "compliance.holiday.good-friday", msg: "Good Friday"},
	{key: "compliance.holiday.easter-sunday", msg: "Easter Sunday"},
	{key: "compliance.holiday.easter-monday", msg: "Easter Monday"},
	{key: "compliance.holiday.great-prayer-day", msg: "Great Prayer Day"},
	{key: "compliance.holiday.ascension-day", msg: "Ascension Day"},
	{key: "compliance.holiday.whit-sunday", msg: "Whit Sunday"},
	{key: "compliance.holiday.whit-monday", msg: "Whit Monday"},
	{key: "compliance.holiday.christmas-day", msg: "Christmas Day"},
	{key: "compliance.holiday.second-christmas-day", msg: "Second Day of Christmas"},
	{key: "compliance.holiday.constitution-day", msg: "Constitution Day (Denmark, 5 June)"},
	{key: "compliance.holiday.christmas-eve", msg: "Christmas Eve"},
	{key: "compliance.holiday.new-years-eve", msg: "New Year's Eve"},
	{key: "compliance.holiday.labour-day", msg: "1 May (Labour Day)"},
	{key: "compliance.holiday.national-day", msg: "17 May (Constitution Day of Norway)"},

	{key: "compliance.unit.hours", msg: "hours"},
	{key: "compliance.period.hours", one: "%[1]d hour", msg: "%[1]d hours"},
	{key: "compliance.unit.days", msg: "days"},
	{key: "compliance.period.days", one: "%[1]d day", msg: "%[1]d days"},
	{key: "compliance.unit.weeks", msg: "weeks"},
	{key: "compliance.period.weeks", one: "%[1]d week", msg: "%[1]d weeks"},
	{key: "compliance.unit.months", msg: "months"},
	{key: "compliance.period.months", one: "%[1]d month", msg: "%[1]d months"},
	{key: "compliance.unit.years", msg: "years"},
	{key: "compliance.period.years", one: "%[1]d year", msg: "%[1]d years"},
	{key: "compliance.unit.working-days", msg: "working days"},
	{key: "compliance.period.working-days", one: "%[1]d working day", msg: "%[1]d working days"},

	{key: "compliance.hour-count.elapsed", msg: "Hours counted from the moment of the event"},
	{key: "compliance.hour-count.next-hour", msg: "Hours counted from the next full hour"},
}
