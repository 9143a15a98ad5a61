// Command retention decides a kommune's cases at an instant: KLE-coded
// Danish cases or Noark-coded Norwegian cases are swept against the
// kommune's retention rules, each case gets its disposition (keep, delete,
// transfer to the public archive, re-assess) with the due date and the
// provisions it rests on, and requests for erasure (Art 17 GDPR) are
// answered: refused, with restriction offered, where the case has an
// archive duty; due where it has none. The output is in the jurisdiction's
// language unless -lang says otherwise.
//
//	go run ./examples/retention
//	go run ./examples/retention -j no -lang nn -at 2026-01-05T12:00:00+01:00
//
// Flags:
//
//	-j dk|no           jurisdiction (default dk): KLE or Noark cases
//	-at RFC3339        the instant of the decisions (default now)
//	-lang da|nb|nn|en  language (default: the jurisdiction's)
//	-year-end          DK: count K5 and K10 from the end of the closing year
//	-roll              move due dates off weekends and holidays
//	-kle-duty          DK: treat K5 and K10 as a duty to keep
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "retention:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer, now time.Time) error {
	fs := flag.NewFlagSet("retention", flag.ContinueOnError)
	fs.SetOutput(out)
	jur := fs.String("j", "dk", "jurisdiction: dk (KLE cases) or no (Noark cases)")
	atFlag := fs.String("at", "", "instant of the decisions, RFC 3339 (default now)")
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: the jurisdiction's)")
	yearEnd := fs.Bool("year-end", false, "DK: count K5 and K10 from the end of the closing year")
	roll := fs.Bool("roll", false, "move due dates that fall on weekends and holidays to the next working day")
	kleDuty := fs.Bool("kle-duty", false, "DK: treat K5 and K10 as a duty to keep")
	if err := fs.Parse(args); err != nil {
		return err
	}
	j, err := compliance.ParseJurisdiction(*jur)
	if err != nil {
		return err
	}
	at := now
	if *atFlag != "" {
		if at, err = time.Parse(time.RFC3339, *atFlag); err != nil {
			return fmt.Errorf("-at: %w", err)
		}
	}
	loc, err := j.Location()
	if err != nil {
		return err
	}
	at = at.In(loc)

	ctx := context.Background()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x01}}
	plan, err := retention.NewPlan(retentiontest.NewMemStore(), kommune, &retention.Options{
		Options: compliance.Options{Now: func() time.Time { return at }, NewID: compliance.Sequence()},
		Policy:  retention.Policy{KLEFromYearEnd: *yearEnd, RollToWorkingDay: *roll, KLEDuty: *kleDuty},
	})
	if err != nil {
		return err
	}
	rules, records, requests := danish()
	if j == compliance.NO {
		rules, records, requests = norwegian()
	}
	for _, r := range rules {
		if _, err := plan.Add(ctx, r); err != nil {
			return err
		}
	}

	tag := i18n.DefaultFor(j)
	if *lang != "" {
		tag = i18n.Match(tag, *lang)
	}
	p := i18n.NewPrinter(tag)

	var sum retention.Summary
	var decisions []retention.Decision
	source := func(yield func(retention.Record, error) bool) {
		for _, r := range records {
			if !yield(r, nil) {
				return
			}
		}
	}
	for d, err := range plan.Sweep(ctx, source, &sum) {
		if err != nil {
			return err
		}
		decisions = append(decisions, d)
	}
	if _, err := io.WriteString(out, p.Text(retention.Report(at, sum, decisions))); err != nil {
		return err
	}
	for _, i := range requests {
		x, err := plan.Erasure(ctx, records[i])
		if err != nil {
			return err
		}
		if _, err := io.WriteString(out, "\n"+p.Text(x.Document(at))); err != nil {
			return err
		}
	}
	return nil
}

func ruleID(n byte) compliance.RetentionRuleID {
	return compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: n}}
}

func date(y int, m time.Month, d int) compliance.Date {
	return compliance.Date{Year: y, Month: m, Day: d}
}

// danish returns a Danish kommune's KLE rules, its cases, and the indexes of
// the cases whose data subjects ask for erasure. The emner and their
// titles are KLE's (deadlines-law-retention.md 5.1); the bevaring codes and
// deletion periods stand for the kommune's own plan.
func danish() ([]retention.Rule, []retention.Record, []int) {
	kle := func(n byte, class string, b retention.Bevaring, deletion compliance.Period, title string) retention.Rule {
		return retention.Rule{ID: ruleID(n), Jurisdiction: compliance.DK, Scheme: retention.KLE, Class: class,
			Bevaring: b, Period: deletion, Title: title}
	}
	rules := []retention.Rule{
		kle(1, "25.02.00", retention.BevaringK5, compliance.Period{}, "Ejendomsbeskatning i almindelighed"),
		kle(2, "00.01.00", retention.BevaringB, compliance.Period{}, "Kommunens styrelse i almindelighed"),
		kle(3, "81.00.00", retention.BevaringK, compliance.Days(1825), "Kommunens personale i almindelighed"),
		kle(4, "02.00.01", retention.BevaringK10, compliance.Days(1825), "Hegnssyn"),
	}
	dk := compliance.DK
	records := []retention.Record{
		{ID: "2019-000101", Jurisdiction: dk, Class: "25.02.00", Facet: "G01", Closed: date(2019, time.March, 15)},
		{ID: "2024-000102", Jurisdiction: dk, Class: "02.00.01", Closed: date(2024, time.May, 2)},
		{ID: "2010-000103", Jurisdiction: dk, Class: "00.01.00", Closed: date(2010, time.November, 30)},
		{ID: "2018-000104", Jurisdiction: dk, Class: "81.00.00", Closed: date(2018, time.January, 10), Hold: true},
		{ID: "2025-000105", Jurisdiction: dk, Class: "81.00.00"},
		{ID: "2021-000106", Jurisdiction: dk, Class: "81.00.00", Closed: date(2021, time.August, 31)},
		{ID: "2016-000107", Jurisdiction: dk, Class: "27.00.00", Closed: date(2016, time.June, 1)},
	}
	return rules, records, []int{2, 5}
}

// norwegian returns a Norwegian kommune's Noark rules (kassasjonsvedtak and
// bevaringstid per class of its arkivnøkkel), its cases, and the indexes
// of the cases whose data subjects ask for erasure. The class codes stand
// for the kommune's own.
func norwegian() ([]retention.Rule, []retention.Record, []int) {
	noark := func(n byte, class string, v retention.Kassasjonsvedtak, years int) retention.Rule {
		return retention.Rule{ID: ruleID(n), Jurisdiction: compliance.NO, Scheme: retention.Noark, Class: class,
			Kassasjonsvedtak: v, Bevaringstid: years, Kassasjonshjemmel: "kommunens bevarings- og kassasjonsplan"}
	}
	rules := []retention.Rule{
		noark(1, "233", retention.Kasseres, 5),
		noark(2, "010", retention.Bevares, 0),
		noark(3, "F30", retention.VurderesSenere, 10),
	}
	no := compliance.NO
	records := []retention.Record{
		{ID: "2015/233-1", Jurisdiction: no, Class: "233", Closed: date(2015, time.March, 15)},
		{ID: "2023/233-2", Jurisdiction: no, Class: "233", Closed: date(2023, time.March, 15)},
		{ID: "1990/010-1", Jurisdiction: no, Class: "010", Closed: date(1990, time.June, 1)},
		{ID: "2009/F30-1", Jurisdiction: no, Class: "F30", Closed: date(2009, time.June, 30)},
		{ID: "2001/233-3", Jurisdiction: no, Class: "233", Closed: date(2001, time.January, 1), Precedent: true},
		{ID: "2024/412-1", Jurisdiction: no, Class: "412", Kassasjonsvedtak: retention.Kasseres, Kassasjonsdato: date(2030, time.December, 31)},
		{ID: "2020/777-1", Jurisdiction: no, Class: "777", Closed: date(2020, time.February, 3)},
	}
	return rules, records, []int{2, 0}
}
