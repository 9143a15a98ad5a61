package retention_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// A KLE emne with bevaring code K5: a case closed on 15 March 2025 is kept
// through 15 March 2030 and may be discarded from the next day.
func ExampleSchedule_Decide() {
	s, err := retention.Compile([]retention.Rule{{
		ID: compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}, Jurisdiction: compliance.DK,
		Scheme: retention.KLE, Class: "25.02.00", Bevaring: retention.BevaringK5,
	}}, retention.Policy{})
	if err != nil {
		panic(err)
	}
	rec := retention.Record{ID: "2025-000123", Jurisdiction: compliance.DK, Class: "25.02.00",
		Closed: compliance.Date{Year: 2025, Month: time.March, Day: 15}}
	for _, at := range []string{"2030-03-15T12:00:00+01:00", "2030-03-16T12:00:00+01:00"} {
		t, _ := time.Parse(time.RFC3339, at)
		d, err := s.Decide(rec, t)
		if err != nil {
			panic(err)
		}
		fmt.Println(at[:10], d.Disposition, d.Due, d.Code)
	}
	p := i18n.NewPrinter(language.Danish)
	d, _ := s.Decide(rec, time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	fmt.Println(p.Finding(d.Findings()[0]))
	// Output:
	// 2030-03-15 keep 2030-03-15 retention.keep-until
	// 2030-03-16 delete 2030-03-15 retention.delete-due
	// Sagen opbevares til og med den 15. marts 2030: 5 år fra sagens afslutning (15. marts 2025). Derefter: sletning (kassation). (arkivlovens § 10, stk. 2; arkivbekendtgørelsens § 5, stk. 2; databeskyttelsesforordningens artikel 5, stk. 1, litra e)
}

// A request for erasure of a Norwegian case whose class is to be preserved
// («Bevares») is refused, and restriction is offered, as the
// Personvernnemnda held in PVN-2018-13.
func ExampleSchedule_Erasure() {
	s, err := retention.Compile([]retention.Rule{{
		ID: compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}, Jurisdiction: compliance.NO,
		Scheme: retention.Noark, Class: "010", Kassasjonsvedtak: retention.Bevares,
	}}, retention.Policy{})
	if err != nil {
		panic(err)
	}
	x, err := s.Erasure(retention.Record{ID: "1990/010-7", Jurisdiction: compliance.NO, Class: "010",
		Closed: compliance.Date{Year: 1990, Month: time.June, Day: 1}}, time.Date(2026, 3, 18, 10, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	p := i18n.NewPrinter(language.Norwegian)
	fmt.Println(x.Outcome, x.Restriction)
	for _, f := range x.Findings()[:2] {
		fmt.Println(p.Finding(f))
	}
	// Output:
	// refuse true
	// Kravet om sletting avslås fordi saken skal bevares etter arkivregelverket. (personvernforordningen artikkel 17 nr. 3 bokstav b; personvernforordningen artikkel 17 nr. 3 bokstav d; arkivlova § 5; arkivlova § 13; Personvernnemnda PVN-2018-13)
	// Den registrerte tilbys i stedet begrensning av behandlingen. (personvernforordningen artikkel 18; Personvernnemnda PVN-2018-13)
}

// A sweep streams the decisions for an archive at one instant and counts
// them per disposition.
func ExampleSchedule_Sweep() {
	s, err := retention.Compile([]retention.Rule{
		{ID: compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}, Jurisdiction: compliance.DK,
			Scheme: retention.KLE, Class: "25.02.00", Bevaring: retention.BevaringK5},
		{ID: compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 2}}, Jurisdiction: compliance.DK,
			Scheme: retention.KLE, Class: "00.01.00", Bevaring: retention.BevaringB},
	}, retention.Policy{})
	if err != nil {
		panic(err)
	}
	archive := func(yield func(retention.Record, error) bool) {
		for i, class := range []string{"25.02.00", "25.02.00", "00.01.00", "81.00.00"} {
			rec := retention.Record{ID: fmt.Sprintf("2019-%06d", i+1), Jurisdiction: compliance.DK, Class: class,
				Closed: compliance.Date{Year: 2019 + i, Month: time.June, Day: 1}}
			if !yield(rec, nil) {
				return
			}
		}
	}
	var sum retention.Summary
	for d, err := range s.Sweep(archive, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), &sum) {
		if err != nil {
			panic(err)
		}
		fmt.Println(d.Record, d.Disposition, d.Code)
	}
	fmt.Printf("keep %d, delete %d, transfer %d, review %d\n", sum.Keep, sum.Delete, sum.Transfer, sum.Review)
	// Output:
	// 2019-000001 delete retention.delete-due
	// 2019-000002 keep retention.keep-until
	// 2019-000003 transfer retention.transfer
	// 2019-000004 review retention.no-rule
	// keep 1, delete 1, transfer 1, review 1
}

// A Plan keeps a kommune's rules in a Store, validating them and stamping
// their IDs and times.
func ExamplePlan() {
	ctx := context.Background()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	plan, err := retention.NewPlan(retentiontest.NewMemStore(), kommune, &retention.Options{
		Options: compliance.Options{
			Now:   func() time.Time { return time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC) },
			NewID: compliance.Sequence(),
		},
	})
	if err != nil {
		panic(err)
	}
	r, err := plan.Add(ctx, retention.Rule{Jurisdiction: compliance.NO, Scheme: retention.Noark, Class: "233",
		Title: "Personalsaker", Kassasjonsvedtak: retention.Kasseres, Bevaringstid: 5})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.ID, r.Version, r.Created.Format(time.RFC3339))
	_, err = plan.Add(ctx, retention.Rule{Jurisdiction: compliance.NO, Scheme: retention.Noark, Class: "233",
		Kassasjonsvedtak: retention.Bevares})
	fmt.Println(err)
	d, err := plan.Decide(ctx, retention.Record{ID: "2019/233-4", Jurisdiction: compliance.NO, Class: "233",
		Closed: compliance.Date{Year: 2019, Month: time.April, Day: 30}})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Disposition, d.Due)
	// Output:
	// 00000000-0000-7000-8000-000000000001 1 2025-06-02T09:00:00Z
	// compliance: invalid rule: class: duplicate
	// delete 2024-04-30
}
