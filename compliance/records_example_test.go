package compliance_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/compliancetest"
	"github.com/tillid/tillid/i18n"
)

// A kommune's jobcenter records a purpose that relies on legitimate
// interests and shares data on criminal offences with a private supplier
// without a ground for disclosure. Assess reports both, each with the
// provisions it rests on, and i18n renders them in Danish.
func ExampleAssess() {
	a := compliance.Activity{
		Role:   compliance.RoleController,
		Name:   "Jobcenter",
		Status: compliance.Approved,
		Controller: compliance.Party{Name: "Eksempel Kommune", Jurisdiction: compliance.DK, PublicAuthority: true,
			Contact: compliance.ContactDetails{Email: "kommune@eksempel.dk"}},
		DPO: compliance.ContactDetails{Email: "dpo@eksempel.dk"},
		Purposes: []compliance.Purpose{{
			Name: "Formidling til eksterne aktører", Basis: compliance.LegitimateInterests,
			Data: compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences),
		}},
		Subjects: compliance.SubjectsOf(compliance.JobSeekers),
		Data:     compliance.CategoriesOf(compliance.Identity, compliance.CriminalOffences),
		Recipients: []compliance.Recipient{{Name: "Anden aktør A/S", Kind: compliance.RecipientPrivate,
			Data: compliance.CategoriesOf(compliance.CriminalOffences)}},
		Erasure:  compliance.Erasure{Period: compliance.Years(5), From: compliance.FromCaseClosed},
		Security: compliance.Security{Measures: []compliance.Measure{compliance.EncryptionInTransit}},
		Criminal: compliance.CriminalBasis{Rule: compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")},
		DPIA:     compliance.DPIARecord{Screening: compliance.DPIANotRequired},
	}
	p := i18n.NewPrinter(language.Danish)
	for _, f := range compliance.Assess(a, time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC), nil) {
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
		dk, refs := compliance.ChildConsentAge(compliance.DK, day)
		no, _ := compliance.ChildConsentAge(compliance.NO, day)
		fmt.Println(day, "DK", dk, "NO", no, refs[1])
	}
	// Output:
	// 2023-12-31 DK 13 NO 13 dk-dbl § 6(2)
	// 2024-01-01 DK 15 NO 13 dk-dbl § 6(2)
}

// An access request received on Monday 17 March 2025 by a Danish kommune:
// one month ends on Maundy Thursday, so the answer is due by the end of
// the first working day after Easter (Art 12(3); Reg 1182/71 Art 3(4)).
// Extended by two further months, counted from receipt, it is due on 17
// June.
func ExampleRequest_Deadlines() {
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	r := compliance.Request{
		Kind:     compliance.RequestAccess,
		Received: time.Date(2025, 3, 17, 10, 0, 0, 0, cal.Location()),
		Channel:  compliance.ChannelDigitalPost,
		Status:   compliance.Received,
	}
	d, err := r.Deadlines(cal, compliance.FromReceipt)
	if err != nil {
		panic(err)
	}
	fmt.Println("answer by the end of", d.Answer.LastDay, "rolled:", d.Answer.Rolled)

	r.Extension = compliance.Extension{Notified: r.Received.Add(7 * 24 * time.Hour), Reason: compliance.ExtensionComplexity, Months: 2}
	d, err = r.Deadlines(cal, compliance.FromReceipt)
	if err != nil {
		panic(err)
	}
	fmt.Println("extended: answer by the end of", d.Answer.LastDay)
	// Output:
	// answer by the end of 2025-04-22 rolled: true
	// extended: answer by the end of 2025-06-17
}

// A Register over the in-memory stores: it stamps IDs and times, marks an
// erasure request for the retention rules, and lists what is due.
func ExampleRegister() {
	ctx := context.Background()
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	now := time.Date(2025, 4, 25, 9, 0, 0, 0, cal.Location())
	m := compliancetest.NewMemStore()
	reg, err := compliance.NewRegister(cal, m.Activities(), m.Requests(), &compliance.RegisterOptions{
		Options: compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{}
	for _, day := range []int{17, 28} {
		_, err := reg.ReceiveRequest(ctx, kommune, compliance.Request{
			Kind: compliance.RequestErasure, Channel: compliance.ChannelEmail,
			Received: time.Date(2025, 3, day, 14, 0, 0, 0, cal.Location()),
		})
		if err != nil {
			panic(err)
		}
	}
	due, err := reg.Due(ctx, kommune, time.Time{})
	if err != nil {
		panic(err)
	}
	p := i18n.NewPrinter(language.MustParse("nb"))
	for _, d := range due {
		fmt.Println(d.Request, p.Message(d.Message()))
	}
	// Output:
	// 00000000-0000-7000-8000-000000000001 Anmodning (sletting): fristen for svar gikk ut 22. april 2025, og svaret er forsinket.
	// 00000000-0000-7000-8000-000000000002 Anmodning (sletting): skal besvares senest 28. april 2025.
}
