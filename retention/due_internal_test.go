package retention

import (
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
)

// TestDueDateMatchesDeadline checks that the fast count of due dates gives
// what compliance.Calendar.Deadline gives (Unrolled, or LastDay when
// rolling) for every day from 2000 to 2040, for the periods KLE and Noark
// rules use, in both jurisdictions — including 29 February plus years and
// 31 January plus a month (Reg 1182/71 Art 3(2)(c)).
func TestDueDateMatchesDeadline(t *testing.T) {
	periods := []compliance.Period{
		compliance.Days(1), compliance.Days(30), compliance.Days(1825), compliance.Months(1), compliance.Months(6),
		compliance.Months(18), compliance.Years(1), compliance.Years(5), compliance.Years(10), compliance.Years(30),
	}
	step := 1
	if testing.Short() {
		step = 13
	}
	for _, roll := range []bool{false, true} {
		s, err := Compile(nil, Policy{RollToWorkingDay: roll})
		if err != nil {
			t.Fatal(err)
		}
		for j := range compliance.AllJurisdictions() {
			cal := s.cals[j]
			for d := (compliance.Date{Year: 2000, Month: time.January, Day: 1}); d.Year <= 2040; d = d.AddDays(step) {
				for _, p := range periods {
					got, err := s.dueDate(j, d, p)
					if err != nil {
						t.Fatalf("%s %s %s: %v", j, d, p, err)
					}
					dl, err := cal.Deadline(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC), p)
					if err != nil {
						t.Fatal(err)
					}
					want := dl.Unrolled
					if roll {
						want = dl.LastDay
					}
					if got != want {
						t.Fatalf("%s roll=%v: %s + %s = %s, Deadline says %s", j, roll, d, p, got, want)
					}
				}
			}
		}
	}
}

// TestDueDateOtherUnits: weeks and working days go through Deadline.
func TestDueDateOtherUnits(t *testing.T) {
	s, err := Compile(nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	// Friday 2025-04-11 plus 4 working days in Denmark: 14, 15 and 16
	// April, then Skærtorsdag, Langfredag, the weekend and Easter Monday
	// (17-21 April) are skipped, so 22 April.
	d, err := s.dueDate(compliance.DK, compliance.Date{Year: 2025, Month: time.April, Day: 11}, compliance.WorkingDays(4))
	if err != nil || d != (compliance.Date{Year: 2025, Month: time.April, Day: 22}) {
		t.Fatalf("got %s, %v", d, err)
	}
	d, err = s.dueDate(compliance.NO, compliance.Date{Year: 2025, Month: time.April, Day: 11}, compliance.Weeks(2))
	if err != nil || d != (compliance.Date{Year: 2025, Month: time.April, Day: 25}) {
		t.Fatalf("got %s, %v", d, err)
	}
	if _, err := s.dueDate(compliance.DK, compliance.Date{Year: 9999, Month: time.January, Day: 1}, compliance.Years(1)); err == nil {
		t.Fatal("a due date after 9999 must be an error")
	}
	if _, err := s.dueDate(compliance.DK, compliance.Date{Year: 1500, Month: time.January, Day: 1}, compliance.Years(1)); err == nil {
		t.Fatal("an event before 1583 must be an error")
	}
}

// FuzzDueDate compares the fast count with compliance.Calendar.Deadline for
// any date and period: the same due date, or an error from both.
func FuzzDueDate(f *testing.F) {
	f.Add(2024, 2, 29, 1, uint8(compliance.UnitYears), false)
	f.Add(2025, 1, 31, 1, uint8(compliance.UnitMonths), true)
	f.Add(2025, 3, 15, 1825, uint8(compliance.UnitDays), false)
	f.Add(9990, 12, 31, 10, uint8(compliance.UnitYears), true)
	f.Add(1583, 1, 1, 5, uint8(compliance.UnitWeeks), false)
	plain, err := Compile(nil, Policy{})
	if err != nil {
		f.Fatal(err)
	}
	rolled, err := Compile(nil, Policy{RollToWorkingDay: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, y, m, d, n int, unit uint8, roll bool) {
		event := compliance.Date{Year: y, Month: time.Month(m), Day: d}
		p := compliance.Period{N: n, Unit: compliance.Unit(unit)}
		if !event.Valid() || p.Validate() != nil || p.Unit == compliance.UnitHours {
			return
		}
		s := plain
		if roll {
			s = rolled
		}
		got, gerr := s.dueDate(compliance.NO, event, p)
		dl, derr := s.cals[compliance.NO].Deadline(time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC), p)
		if (gerr == nil) != (derr == nil) {
			t.Fatalf("%s + %s: dueDate error %v, Deadline error %v", event, p, gerr, derr)
		}
		if gerr != nil {
			return
		}
		want := dl.Unrolled
		if roll {
			want = dl.LastDay
		}
		if got != want {
			t.Fatalf("%s + %s (roll %v) = %s, Deadline says %s", event, p, roll, got, want)
		}
	})
}
