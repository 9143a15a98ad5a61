package i18n

import (
	"testing"
	"time"
)

// TestEUTimeMatchesTZData checks the fallback rule used without a time-zone
// database against Europe/Copenhagen and Europe/Oslo from the database,
// hour by hour around every change between 1996 and 2040 and at noon on
// every day of two years.
func TestEUTimeMatchesTZData(t *testing.T) {
	for _, name := range []string{"Europe/Copenhagen", "Europe/Oslo"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Skipf("no time-zone database: %v", err)
		}
		check := func(u time.Time) {
			t.Helper()
			want := u.In(loc)
			wantZone, _ := want.Zone()
			got := euTime(u)
			if !got.t.Equal(want) || got.t.Hour() != want.Hour() || got.zone != wantZone {
				t.Fatalf("%s %v: euTime %v %s, tzdata %v %s", name, u, got.t, got.zone, want, wantZone)
			}
		}
		for y := 1996; y <= 2040; y++ {
			for _, m := range []time.Month{time.March, time.October} {
				change := lastSunday(y, m).Add(time.Hour)
				for h := -3; h <= 3; h++ {
					check(change.Add(time.Duration(h)*time.Hour - time.Second))
					check(change.Add(time.Duration(h) * time.Hour))
				}
			}
		}
		for d := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
			check(d)
		}
	}
}
