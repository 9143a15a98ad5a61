package compliance_test

import (
	"fmt"
	"time"
	_ "time/tzdata" // for hosts without a zone database; a program imports it in main

	"github.com/tillid/tillid/compliance"
)

// A Danish municipality receives an access request (Art 15 GDPR) on Monday
// 17 March 2025. Art 12(3) gives it one month, counted by Reg 1182/71: the
// same date a month later is Maundy Thursday, so the period runs to the end
// of the first working day after Easter. A breach discovered on the Friday
// before daylight saving time starts must be notified within 72 hours
// (Art 33(1)); hours are elapsed time and are never extended.
func ExampleCalendar_Deadline() {
	dk, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}

	received := time.Date(2025, time.March, 17, 10, 15, 0, 0, dk.Location())
	d, err := dk.Deadline(received, compliance.Months(1))
	if err != nil {
		panic(err)
	}
	fmt.Println("Art 12(3), one month:", d.Unrolled, "rolled to", d.LastDay)
	fmt.Println("expires at:", d.End.Format(time.RFC3339))
	fmt.Println("because of:", d.Refs())
	fmt.Println("passed on 22 April at 16:00:", d.Passed(time.Date(2025, time.April, 22, 16, 0, 0, 0, dk.Location())))

	aware := time.Date(2025, time.March, 28, 12, 0, 0, 0, dk.Location())
	b, err := dk.Deadline(aware, compliance.Hours(72))
	if err != nil {
		panic(err)
	}
	fmt.Println("Art 33(1), 72 hours:", b.End.Format(time.RFC3339))
	// Output:
	// Art 12(3), one month: 2025-04-17 rolled to 2025-04-22
	// expires at: 2025-04-23T00:00:00+02:00
	// because of: [eu-1182-71 art 3(1) subpara 2 eu-1182-71 art 3(2)(c) eu-1182-71 art 3(3) eu-1182-71 art 3(4)]
	// passed on 22 April at 16:00: false
	// Art 33(1), 72 hours: 2025-03-31T13:00:00+02:00
}

// The Norwegian public holidays of 2026: the helligdager of
// helligdagsloven § 2 and the høgtidsdager 1 and 17 May. 17 May falls on a
// Sunday that year.
func ExampleCalendar_Holidays() {
	no, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	for d, h := range no.Holidays(2026) {
		fmt.Println(d, d.Weekday(), h)
	}
	// Output:
	// 2026-01-01 Thursday new-years-day
	// 2026-04-02 Thursday maundy-thursday
	// 2026-04-03 Friday good-friday
	// 2026-04-05 Sunday easter-sunday
	// 2026-04-06 Monday easter-monday
	// 2026-05-01 Friday labour-day
	// 2026-05-14 Thursday ascension-day
	// 2026-05-17 Sunday national-day
	// 2026-05-24 Sunday whit-sunday
	// 2026-05-25 Monday whit-monday
	// 2026-12-25 Friday christmas-day
	// 2026-12-26 Saturday second-christmas-day
}

// Working days skip weekends and holidays. In Norway the Thursday before
// Whitsun 2024 is followed by 17 May, a weekend and Whit Monday.
func ExampleCalendar_AddWorkingDays() {
	no, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	d := compliance.Date{Year: 2024, Month: time.May, Day: 16}
	fmt.Println(no.AddWorkingDays(d, 1))
	// Output:
	// 2024-05-21
}

func ExampleParsePeriod() {
	for _, s := range []string{"P1M", "PT72H", "P10WD", "P1Y6M"} {
		p, err := compliance.ParsePeriod(s)
		fmt.Println(p.N, p.Unit, err)
	}
	// Output:
	// 1 months <nil>
	// 72 hours <nil>
	// 10 working-days <nil>
	// 0  compliance: period: format
}
