package retention_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// ids gives deterministic rule IDs: id(1) is ...0001.
func id(n int) compliance.RetentionRuleID {
	var r compliance.RetentionRuleID
	r.UUID[6], r.UUID[8] = 0x70, 0x80
	r.UUID[14], r.UUID[15] = byte(n>>8), byte(n)
	return r
}

// day parses YYYY-MM-DD.
func day(s string) compliance.Date {
	d, err := compliance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// noon returns 12:00 on day s in the jurisdiction's time zone.
func noon(j compliance.Jurisdiction, s string) time.Time {
	loc, err := j.Location()
	if err != nil {
		panic(err)
	}
	return day(s).In(loc).Add(12 * time.Hour)
}

func kleRule(n int, class string, b retention.Bevaring, deletion string) retention.Rule {
	r := retention.Rule{ID: id(n), Jurisdiction: compliance.DK, Scheme: retention.KLE, Class: class, Bevaring: b}
	if deletion != "" {
		p, err := retention.ParseKLEDuration(deletion)
		if err != nil {
			panic(err)
		}
		r.Period = p
	}
	return r
}

func noarkRule(n int, class string, v retention.Kassasjonsvedtak, years int) retention.Rule {
	return retention.Rule{ID: id(n), Jurisdiction: compliance.NO, Scheme: retention.Noark, Class: class,
		Kassasjonsvedtak: v, Bevaringstid: years, Kassasjonshjemmel: "Riksarkivarens forskrift § 7-26"}
}

// bookkeeping is a custom rule with a duty to keep: accounting material
// kept five years from the end of the financial year, as the Danish
// bogføringsloven § 10 (LBK 648/2006 wording) requires of the bodies it
// covers (deadlines-law-retention.md 5.3). It is a test fixture for custom
// rules: the 2022 bogføringslov does not apply to kommuner, whose own
// accounting retention rule the sources do not give.
func bookkeeping(n int) retention.Rule {
	return retention.Rule{ID: id(n), Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "regnskab",
		Disposition: retention.Delete, Trigger: retention.FinancialYearEnd, Period: compliance.Years(5), Duty: true,
		Refs: compliance.RefsOf(compliance.Section(compliance.DKAct, "bogføringsloven", "10", 0, ""))}
}

// testRules is the schedule most tests decide with.
func testRules() []retention.Rule {
	return []retention.Rule{
		kleRule(1, "25.02.00", retention.BevaringK5, ""),                  // Ejendomsbeskatning i almindelighed
		kleRule(2, "00.01.00", retention.BevaringB, ""),                   // Kommunens styrelse i almindelighed
		kleRule(3, "81.00.00", retention.BevaringK, "P1825D"),             // Kommunens personale i almindelighed
		kleRule(4, "02.00.01", retention.BevaringK10, "P1825D"),           // Hegnssyn
		kleRule(5, "02", retention.BevaringK, ""),                         // a hovedgruppe rule without a period
		kleRule(6, "27.00.00", retention.BevaringTom, ""),                 // a withdrawn emne
		withFacet(kleRule(7, "25.02.00", retention.BevaringB, ""), "K01"), // complaints on the emne
		noarkRule(10, "233", retention.Kasseres, 5),
		noarkRule(11, "010", retention.Bevares, 0),
		noarkRule(12, "F30", retention.VurderesSenere, 10),
		noarkRule(13, "000", retention.Kasseres, 0),
		bookkeeping(20),
	}
}

func withFacet(r retention.Rule, f string) retention.Rule { r.Facet = f; return r }

func compile(t testing.TB, p retention.Policy) *retention.Schedule {
	t.Helper()
	s, err := retention.Compile(testRules(), p)
	require.NoError(t, err)
	return s
}
