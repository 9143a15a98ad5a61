package dpia_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
	"github.com/tillid/tillid/i18n"
)

// Camera surveillance in a kindergarten during opening hours is item 10 of
// the Norwegian Datatilsynet's list: a DPIA is required.
func ExampleScreen() {
	s, err := dpia.Screen(dpia.Input{
		Jurisdiction: compliance.NO,
		Title:        "Kameraovervåking i Solsikken barnehage",
		Categories:   compliance.CategoriesOf(compliance.Images),
		Subjects:     compliance.SubjectsOf(compliance.Children, compliance.Employees),
		Criteria:     []dpia.Criterion{dpia.SystematicMonitoring},
		Scale:        dpia.Scale{Subjects: 80, LargeScale: dpia.No},
		Items:        []dpia.ListItem{dpia.NOSchoolCamera},
	}, nil)
	if err != nil {
		panic(err)
	}
	p := i18n.NewPrinter(language.Make("nb"))
	fmt.Println(p.Name(s.Outcome))
	for _, f := range s.Findings {
		fmt.Println("-", p.Finding(f))
	}
	// Output:
	// Vurdering av personvernkonsekvenser påkrevd
	// - Kriteriet er oppfylt: systematisk monitorering. (Artikkel 29-gruppen, WP248 rev.01, punkt III.B.a; personvernforordningen artikkel 35 nr. 3 bokstav c)
	// - Kriteriet er oppfylt: opplysninger om sårbare registrerte, fordi de registrerte omfatter barn og ansatte. (Artikkel 29-gruppen, WP248 rev.01, punkt III.B.a; personvernforordningen fortalepunkt 75)
	// - Behandlingen står på Datatilsynets liste over behandlinger som alltid krever en vurdering av personvernkonsekvenser: kameraovervåking i skoler eller barnehager i åpningstiden. (Datatilsynet: DPIA-liste 18/03670/MLS, punkt 10; personvernforordningen artikkel 35 nr. 4)
}

// Recital 91's individual physician: two criteria, but not on a large
// scale, and no DPIA is mandatory. WP248 asks for the reasons to be
// recorded.
func ExampleScreen_recital91() {
	s, _ := dpia.Screen(dpia.Input{
		Jurisdiction:           compliance.DK,
		Title:                  "Praksislæges patientjournal",
		Categories:             compliance.CategoriesOf(compliance.Health),
		Subjects:               compliance.SubjectsOf(compliance.Patients),
		IndividualProfessional: true,
	}, nil)
	fmt.Println(s.Outcome, s.Criteria)
	for _, f := range s.Findings {
		fmt.Println(f.Code, f.Severity)
	}
	// Output:
	// not-required [sensitive-data vulnerable-subjects]
	// dpia.criterion-categories info
	// dpia.individual-professional info
	// dpia.criterion-subjects info
	// dpia.reasons-missing warning
	// dpia.dpo-views-missing warning
}

// Datatilsynet's period to answer a prior consultation received on
// Thursday 3 April 2025 in Norway: eight weeks end on Ascension Day, so on
// the Friday; extended by six weeks, on 10 July.
func ExampleAdviceDeadline() {
	cal, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	c := dpia.Consultation{Received: compliance.Date{Year: 2025, Month: time.April, Day: 3}}
	d, _, _ := dpia.AdviceDeadline(c, cal)
	fmt.Println(d.LastDay, d.Rolled)
	c.Extended = true
	d, _, _ = dpia.AdviceDeadline(c, cal)
	fmt.Println(d.LastDay, d.Rolled)
	// Output:
	// 2025-05-30 true
	// 2025-07-10 false
}

// A Register keeps the DPIAs of a kommune; signing off makes an edition.
func ExampleRegister() {
	ctx := context.Background()
	now := time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)
	r, err := dpia.NewRegister(dpiatest.NewMemStore(), &dpia.Options{
		Options: compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}

	a, err := r.Create(ctx, kommune, welfare())
	if err != nil {
		panic(err)
	}
	a, rep, err := r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{
		Date: compliance.Date{Year: 2025, Month: time.March, Day: 3}, Role: "kommunedirektør", Decision: dpia.Conditional})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.ID, len(a.Editions), a.Editions[0].Decision, a.Editions[0].Residual)
	fmt.Println(rep.Complete, rep.Consult)
	// Output:
	// 00000000-0000-7000-8000-000000000001 1 conditional medium
	// true false
}
