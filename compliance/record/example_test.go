package record_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/i18n"
)

// A kommune's jobcenter records a purpose that relies on legitimate
// interests and shares data on criminal offences with a private supplier
// without a ground for disclosure. Assess reports both, each with the
// provisions it rests on, and i18n renders them in Danish.
func ExampleAssess() {
	a := record.Activity{
		Role:   record.RoleController,
		Name:   "Jobcenter",
		Status: record.Approved,
		Controller: record.Party{Name: "Eksempel Kommune", Jurisdiction: compliance.DK, PublicAuthority: true,
			Contact: record.ContactDetails{Email: "kommune@eksempel.dk"}},
		DPO: record.ContactDetails{Email: "dpo@eksempel.dk"},
		Purposes: []record.Purpose{{
			Name: "Formidling til eksterne aktører", Basis: compliance.LegitimateInterests,
			Data: compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences),
		}},
		Subjects: compliance.SubjectsOf(compliance.JobSeekers),
		Data:     compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences),
		Recipients: []record.Recipient{{Name: "Anden aktør A/S", Kind: record.RecipientPrivate,
			Data: compliance.CategoriesOf(compliance.CriminalOffences)}},
		Erasure:  record.Erasure{Period: compliance.Years(5), From: record.FromCaseClosed},
		Security: record.Security{Measures: []record.Measure{record.EncryptionInTransit}},
		Criminal: record.CriminalBasis{Rule: compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")},
		DPIA:     record.DPIARecord{Screening: record.DPIANotRequired},
	}
	p := i18n.NewPrinter(language.Danish)
	for _, f := range record.Assess(a, time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC), nil) {
		fmt.Printf("%s [%s] %s\n", p.Name(f.Principle), f.Severity, p.Finding(f))
	}
	// Output:
	// lovlighed, rimelighed og gennemsigtighed [violation] Formålet »Formidling til eksterne aktører« hviler på legitime interesser, som en offentlig myndighed ikke kan anvende ved behandling, der foretages som led i udførelsen af dens opgaver. (databeskyttelsesforordningens artikel 6, stk. 1, 2. afsnit; databeskyttelsesforordningens præambelbetragtning 47)
	// lovlighed, rimelighed og gennemsigtighed [violation] Oplysninger om strafbare forhold videregives til »Anden aktør A/S«, uden at grundlaget for videregivelsen er angivet. (databeskyttelseslovens § 8, stk. 2)
}

// The age from which a child may consent alone to an information society
// service changed in Denmark on 1 January 2024.
func ExampleChildConsentAge() {
	for _, day := range []compliance.Date{{Year: 2023, Month: 12, Day: 31}, {Year: 2024, Month: 1, Day: 1}} {
		dk, refs := record.ChildConsentAge(compliance.DK, day)
		no, _ := record.ChildConsentAge(compliance.NO, day)
		fmt.Println(day, "DK", dk, "NO", no, refs.At(1))
	}
	// Output:
	// 2023-12-31 DK 13 NO 13 dk-dbl § 6(2)
	// 2024-01-01 DK 15 NO 13 dk-dbl § 6(2)
}

// A Register over the in-memory store: it stamps IDs and times, keeps a
// record incomplete as a draft, refuses to approve it until it is
// complete, and assesses it.
func ExampleRegister() {
	ctx := context.Background()
	now := time.Date(2025, 4, 25, 9, 0, 0, 0, time.UTC)
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{
		Options:      compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
		Jurisdiction: compliance.DK,
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	a, err := reg.CreateActivity(ctx, kommune, record.Activity{
		Name:       "Skoleintra",
		Controller: record.Party{Name: "Eksempel Kommune", Jurisdiction: compliance.DK, PublicAuthority: true},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.ID, a.Status, a.Version, a.Created.Format(time.DateTime))
	_, err = reg.Approve(ctx, kommune, a.ID, a.Version)
	fmt.Println(err != nil)
	// Output:
	// 00000000-0000-7000-8000-000000000001 draft 1 2025-04-25 11:00:00
	// true
}
