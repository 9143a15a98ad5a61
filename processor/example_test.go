package processor_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// An ESDH integration asks before it shares case data: may these categories
// of data about these data subjects go to this processor, for this purpose,
// now?
func ExampleRegistry_Check() {
	now := time.Date(2026, time.May, 4, 10, 0, 0, 0, time.UTC)
	reg, err := processor.NewRegistry(processortest.NewMemStore(), compliance.ControllerID{UUID: uid(9, 9)},
		&processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}, Options: compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()}})
	if err != nil {
		panic(err)
	}
	esdh, err := reg.Put(context.Background(), processor.Processor{
		Name: "Sagssystemer A/S", CVR: testCVR, Country: compliance.MustCountry("DK"),
		Agreements: []processor.Agreement{{
			Template: processor.TemplateDKStandard, Signed: date(2024, 1, 15), From: date(2024, 2, 1),
			Clauses: processor.ClausesOf(processor.SubjectMatter, processor.Duration, processor.Nature,
				processor.Purpose, processor.DataTypes, processor.SubjectCategories, processor.ControllerRights),
			Data:      compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
			Subjects:  compliance.SubjectsOf(compliance.Citizens),
			Purposes:  []string{"sagsbehandling"},
			Transfers: processor.TransfersNone, BreachNoticeHours: 24,
		}},
		Locations:   []processor.Location{{Country: compliance.MustCountry("DK"), Access: processor.Hosting}},
		Supervision: processor.Supervision{Risk: processor.MediumRisk, Interval: compliance.Years(1)},
	})
	if err != nil {
		panic(err)
	}

	d := reg.Check(processor.Request{
		Processor: esdh.ID,
		Data:      compliance.CategoriesOf(compliance.Identity, compliance.Health),
		Subjects:  compliance.SubjectsOf(compliance.Citizens),
		Purpose:   "sagsbehandling",
	}, now)

	p := i18n.NewPrinter(language.Danish)
	fmt.Println(p.Name(d.Outcome))
	for _, f := range d.Findings {
		fmt.Println("-", p.Finding(f))
	}
	// Output:
	// Afvist
	// - Databehandleraftalen omfatter ikke helbredsoplysninger. (databeskyttelsesforordningens artikel 28, stk. 3; databeskyttelsesforordningens artikel 29)
	// - Der er ikke registreret tilsyn med databehandleren: ingen revisionserklæring, egenkontrol, spørgeskema eller inspektion. (databeskyttelsesforordningens artikel 28, stk. 1; databeskyttelsesforordningens artikel 28, stk. 3, litra h; databeskyttelsesforordningens artikel 5, stk. 2; databeskyttelsesforordningens artikel 24, stk. 1; Datatilsynet: Vejledning om tilsyn med databehandlere)
}

// AssessMeasures judges supplementary measures as the use cases of EDPB
// Recommendations 01/2020 do.
func ExampleAssessMeasures() {
	backup := processor.AssessMeasures(processor.Backup, processor.MeasuresOf(processor.KeyEncryption))
	support := processor.AssessMeasures(processor.Support, processor.MeasuresOf(processor.KeyEncryption, processor.Contractual))
	en := i18n.NewPrinter(language.English)
	fmt.Println(en.Name(backup), backup.Effective())
	fmt.Println(en.Name(support), support.Effective())
	// Output:
	// storage of encrypted data (EDPB use case 1) true
	// remote access to data in the clear (EDPB use case 7) false
}

// The adequacy decisions are data, with their scope limits.
func ExampleAdequacies() {
	for _, a := range processor.Adequacies() {
		if a.Country == compliance.MustCountry("US") || a.Country == compliance.MustCountry("GB") {
			fmt.Println(a.Country, a.Decision, a.Adopted, a.Until, a.Scope)
		}
	}
	// Output:
	// GB 2021/1772 2021-06-28 2025-12-27 full
	// GB  2025-12-19 2031-12-27 full
	// US 2023/1795 2023-07-10  dpf
}

// An integration that knows a supplier by its KITOS UUID or CVR number
// finds the processor's ID, then checks the share.
func ExampleRegistry_Lookup() {
	ctx := context.Background()
	reg, err := processor.NewRegistry(processortest.NewMemStore(), compliance.ControllerID{UUID: uid(9, 9)},
		&processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}, Options: compliance.Options{NewID: compliance.Sequence()}})
	if err != nil {
		panic(err)
	}
	if _, err := reg.Load(ctx); err != nil {
		panic(err)
	}
	p, err := reg.Put(ctx, processor.Processor{
		Name: "Sagssystemer A/S", CVR: testCVR, Country: compliance.MustCountry("DK"),
		ExternalIDs: []processor.ExternalID{{Scheme: processor.KITOS, ID: "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}},
	})
	if err != nil {
		panic(err)
	}
	k, err := processor.ParseKey("kitos:3F2504E0-4F89-41D3-9A0C-0305E82C3301")
	if err != nil {
		panic(err)
	}
	id, ok := reg.Lookup(k)
	fmt.Println(id == p.ID, ok)
	id, ok = reg.Lookup(processor.KeyCVR(testCVR))
	fmt.Println(id == p.ID, ok)
	// Output:
	// true true
	// true true
}
