package breach_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// ENISA's formula SE = DPC × EI + CB for health data disclosed to an unknown
// number of recipients by an attacker.
func ExampleSeverityInput_Severity() {
	s, err := breach.SeverityInput{
		Data:            compliance.CategoriesOf(compliance.Identity, compliance.Health),
		Identifiability: breach.Maximum,
		Confidentiality: breach.FullLoss,
		Malicious:       true,
	}.Severity()
	if err != nil {
		panic(err)
	}
	fmt.Println(s.DPC, "×", s.EI, "+", s.CB, "=", s.Score, s.Band)
	// Output: 4 × 1 + 1 = 5 very-high
}

// Assessing a misdirected letter with a pupil's health data: notify
// Datatilsynet within 72 hours and tell the family.
func ExampleAssess() {
	cal, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	oslo, _ := time.LoadLocation("Europe/Oslo")
	aware := time.Date(2024, time.October, 23, 10, 15, 0, 0, oslo)
	b := breach.Breach{
		ID:             breach.ID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}},
		Classification: breach.PersonalDataBreach,
		Reporter:       breach.ReportedByCitizen,
		Registered:     aware, Discovered: aware, Aware: aware,
		Nature:     breach.NatureOf(breach.Confidentiality),
		Cause:      breach.MisdirectedMail,
		Data:       compliance.CategoriesOf(compliance.Identity, compliance.Health),
		Subjects:   compliance.SubjectsOf(compliance.Pupils, compliance.Parents),
		Recipients: breach.KnownRecipients,
		ENISA:      breach.Factors{Identifiability: breach.Maximum},
	}
	a, err := breach.Assess(b, cal, aware.Add(6*time.Hour))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Severity.Score, a.Severity.Band, a.Risk, a.NotifyAuthority, a.Communicate, a.Status)
	p := i18n.NewPrinter(i18n.DefaultFor(compliance.NO))
	for _, f := range a.Findings {
		if f.Severity >= compliance.Warning {
			fmt.Println("-", p.Finding(f))
		}
	}
	// Output:
	// 4.25 very-high high true direct pending
	// - Meld bruddet til Datatilsynet uten ugrunnet opphold og om mulig innen 72 timer etter at kommunen fikk kjennskap til det. (personvernforordningen artikkel 33 nr. 1)
	// - De 72 timene løper ut 26. oktober 2024 kl. 10.15 (66 timer igjen). (personvernforordningen artikkel 33 nr. 1)
	// - Bruddet vil sannsynligvis medføre en høy risiko: underrett de registrerte uten ugrunnet opphold, på et klart og enkelt språk. (personvernforordningen artikkel 34 nr. 1 og 2)
}

// A register over the in-memory store: record an incident, then ask what
// is due across the register.
func ExampleRegister() {
	ctx := context.Background()
	copenhagen, _ := time.LoadLocation("Europe/Copenhagen")
	now := time.Date(2024, time.March, 9, 9, 0, 0, 0, copenhagen)
	r, err := breach.NewRegister(breachtest.NewMemStore(), &breach.Options{
		Jurisdiction: compliance.DK,
		Options:      compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xaa}}
	b, err := r.Create(ctx, kommune, breach.Breach{
		Classification: breach.PersonalDataBreach,
		Reporter:       breach.ReportedByStaff,
		Discovered:     now.Add(-time.Hour),
		Aware:          now,
		Nature:         breach.NatureOf(breach.Confidentiality),
		Cause:          breach.MisdirectedEmail,
		Data:           compliance.CategoriesOf(compliance.Identity, compliance.SocialIssues),
		Subjects:       compliance.SubjectsOf(compliance.SocialClients),
		SubjectCount:   breach.Exact(1),
		Recipients:     breach.KnownRecipients,
		ENISA:          breach.Factors{Identifiability: breach.Maximum},
		Text:           breach.Account{Description: "Afgørelse om kontanthjælp sendt til forkert e-mailadresse."},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(b.ID, b.Version)
	due, err := r.Due(ctx, kommune, time.Time{})
	if err != nil {
		panic(err)
	}
	p := i18n.NewPrinter(i18n.DefaultFor(compliance.DK))
	for _, d := range due {
		if d.By.IsZero() {
			fmt.Println(p.Name(d.Duty)) // without undue delay
		} else {
			fmt.Println(p.Name(d.Duty), "–", p.Time(d.By))
		}
	}
	// Output:
	// 00000000-0000-7000-8000-000000000001 1
	// Anmeld bruddet til Datatilsynet – 12. marts 2024 kl. 09.00
	// Underret de registrerede
}

// The notice to Datatilsynet, laid out as the Danish authority's form asks.
func ExampleAuthorityNotice() {
	b := danishRansomware()
	cal, _ := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	a, _ := breach.Assess(b, cal, b.Aware)
	doc := breach.AuthorityNotice(b, a, danishContact)
	p := i18n.NewPrinter(i18n.DefaultFor(compliance.DK))
	for _, line := range strings.Split(p.Text(doc), "\n") {
		if strings.HasPrefix(line, "1") && strings.Contains(line, ". ") || strings.HasPrefix(line, "Anmeldelse") {
			fmt.Println(line)
		}
	}
	// Output:
	// Anmeldelse af brud på persondatasikkerheden
	// 1. Kontaktoplysninger
	// 10. Om de registrerede er underrettet, og i så fald hvordan og hvornår
	// 11. Hvis de registrerede ikke er underrettet: hvorfor
	// 12. Hvis der er brug for mere tid: hvornår oplysningerne foreligger
}

// The committee's yearly report: the figures of 2024 against 2023 as a
// table for a spreadsheet (and as a document and an SVG chart with
// Report.Document and Report.Chart).
func ExampleRegister_Report() {
	ctx := context.Background()
	var now time.Time
	r, err := breach.NewRegister(breachtest.NewMemStore(), &breach.Options{
		Jurisdiction: compliance.DK,
		Options:      compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xaa}}
	for i, day := range []time.Time{
		time.Date(2023, time.May, 2, 10, 0, 0, 0, time.UTC),
		time.Date(2024, time.February, 5, 10, 0, 0, 0, time.UTC),
		time.Date(2024, time.September, 9, 10, 0, 0, 0, time.UTC),
	} {
		now = day
		b, err := r.Create(ctx, kommune, breach.Breach{
			Classification: breach.PersonalDataBreach, Reporter: breach.ReportedByStaff,
			Discovered: day, Aware: day, Nature: breach.NatureOf(breach.Confidentiality),
			Cause: breach.MisdirectedEmail, Department: "Jobcenter",
		})
		if err != nil {
			panic(err)
		}
		if i > 0 {
			if _, err := r.RecordNotification(ctx, kommune, b.ID, breach.AuthorityNotification{At: day.Add(24 * time.Hour)}); err != nil {
				panic(err)
			}
		}
	}
	rep, err := r.Report(ctx, kommune, 2024, 1)
	if err != nil {
		panic(err)
	}
	var csv strings.Builder
	if err := i18n.NewPrinter(i18n.Match(i18n.DefaultFor(compliance.DK), "en")).CSV(&csv, rep.Table()); err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(csv.String(), "\r\n", "\n"))
	// Output:
	// Figure,2023,2024
	// Incidents registered,1,2
	// Personal data breaches,1,2
	// Not a personal data breach,0,0
	// Not yet classified,0,0
	// Notified to Datatilsynet,0,2
	// Of which notified after 72 hours,0,0
	// People affected told,0,0
}
