package i18n

import (
	"sync"
	"time"

	"github.com/tillid/tillid/compliance"
)

// local is an instant in a jurisdiction's local time with the abbreviation
// of the zone in force ("CET" or "CEST").
type local struct {
	t    time.Time
	zone string
}

// locations are the jurisdictions' time zones, loaded once; a jurisdiction
// whose zone the host cannot load (no time-zone database) is missing, and
// its times are computed by the EU rule instead (see euTime).
var locations = sync.OnceValue(func() map[compliance.Jurisdiction]*time.Location {
	m := map[compliance.Jurisdiction]*time.Location{}
	for _, j := range []compliance.Jurisdiction{compliance.DK, compliance.NO} {
		if loc, err := j.Location(); err == nil {
			m[j] = loc
		}
	}
	return m
})

// localTime returns t in the local time of the Printer's jurisdiction: the
// one given by In, else the one the language implies (NO for nb and nn, DK
// otherwise). Denmark and Norway have kept the same time since 1980, so the
// default is right for either.
func (p *Printer) localTime(t time.Time) local {
	if t.IsZero() {
		return local{}
	}
	j := p.j
	if j == 0 {
		j = compliance.DK
		if p.lang == langNB || p.lang == langNN {
			j = compliance.NO
		}
	}
	if loc := locations()[j]; loc != nil {
		lt := t.In(loc)
		zone, _ := lt.Zone()
		return local{lt, zone}
	}
	return euTime(t)
}

// euTime converts t to Central European Time by the rule Denmark and Norway
// follow, the EU's since 1996 (Directive 2000/84/EC, Article 2 and 3):
// summer time (CEST, UTC+2) from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October, otherwise CET (UTC+1). It is
// used only on a host without a time-zone database; before 1996 summer
// time ended in September, which this rule does not know.
func euTime(t time.Time) local {
	u := t.UTC()
	y := u.Year()
	start := lastSunday(y, time.March).Add(time.Hour)
	end := lastSunday(y, time.October).Add(time.Hour)
	if !u.Before(start) && u.Before(end) {
		return local{u.In(time.FixedZone("CEST", 2*3600)), "CEST"}
	}
	return local{u.In(time.FixedZone("CET", 3600)), "CET"}
}

// lastSunday returns 00:00 UTC on the last Sunday of month m in year y.
func lastSunday(y int, m time.Month) time.Time {
	d := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) // the month's last day
	return d.AddDate(0, 0, -int(d.Weekday()))
}
