// Command breach walks two personal data breaches through tillid's breach
// register: a ransomware attack on the school system of a Danish kommune,
// reported by the system's data processor, and a letter with a pupil's
// expert assessment sent to the wrong address by a Norwegian kommune. For
// each it prints the assessment — ENISA severity, risk, whether to notify
// Datatilsynet and tell the data subjects, each finding with its legal
// reference — the 72-hour deadline (Art 33(1) GDPR), and the two notices:
// the notification to Datatilsynet laid out as that country's form asks
// (Art 33(3)), and the letter to the data subjects (Art 34(2)).
//
//	go run ./examples/breach
//	go run ./examples/breach -lang en
//
// Flags:
//
//	-lang da|nb|nn|en  language of everything printed (default: each
//	                   kommune's own, da for the Danish case and nb for the
//	                   Norwegian one)
//	-json              print each breach, its assessment and notices as JSON
//
// The program is deterministic: a fixed clock per case, sequential IDs and
// the in-memory store. The kommuner, people and events are invented.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage is printed; that is success
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "breach:", err)
		os.Exit(2)
	}
}

// scenario is one case: a kommune, its contact point, the breach as first
// recorded and the instant the program looks at it.
type scenario struct {
	j       compliance.Jurisdiction
	contact breach.Contact
	now     time.Time
	b       breach.Breach
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("breach", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: each kommune's own)")
	asJSON := fs.Bool("json", false, "print each breach, its assessment and its notices as JSON, one object per scenario")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *lang {
	case "", "da", "nb", "nn", "en":
	default:
		return fmt.Errorf("-lang: want da, nb, nn or en")
	}
	scs, err := scenarios()
	if err != nil {
		return err
	}
	var enc *json.Encoder
	if *asJSON {
		enc = json.NewEncoder(out)
		enc.SetIndent("", "  ")
	}
	for i, sc := range scs {
		if i > 0 && enc == nil {
			fmt.Fprintln(out)
		}
		if err := show(out, enc, sc, *lang); err != nil {
			return err
		}
	}
	return nil
}

// show registers the scenario's breach, assesses it and prints the result.
func show(out io.Writer, enc *json.Encoder, sc scenario, lang string) error {
	ctx := context.Background()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: byte(sc.j)}}
	r, err := breach.NewRegister(breachtest.NewMemStore(), &breach.Options{
		Jurisdiction: sc.j,
		Options:      compliance.Options{Now: func() time.Time { return sc.now }, NewID: compliance.Sequence()},
	})
	if err != nil {
		return err
	}
	b, err := r.Create(ctx, kommune, sc.b)
	if err != nil {
		return err
	}
	_, a, err := r.Assess(ctx, kommune, b.ID)
	if err != nil {
		return err
	}
	notice, letter, err := r.Notices(ctx, kommune, b.ID, sc.contact)
	if err != nil {
		return err
	}
	if enc != nil {
		return enc.Encode(struct {
			Breach     breach.Breach        `json:"breach"`
			Assessment breach.Assessment    `json:"assessment"`
			Notice     compliance.Document  `json:"notice"`
			Letter     *compliance.Document `json:"letter,omitempty"`
		}{b, a, notice, letter})
	}

	tag := i18n.DefaultFor(sc.j)
	if lang != "" {
		tag = i18n.Match(tag, lang)
	}
	p := i18n.NewPrinter(tag).In(sc.j)
	title := p.Name(b.Cause) + " – " + sc.contact.Controller + ", " + p.Time(sc.now.In(r.Calendar().Location()))
	rule := strings.Repeat("=", len([]rune(title)))
	fmt.Fprintf(out, "%s\n%s\n%s\n\n", rule, title, rule)

	// The assessment: every finding with its references.
	for _, f := range a.Findings {
		fmt.Fprintf(out, "- [%s] %s\n", p.Name(f.Severity), p.Finding(f))
	}
	// The deadline, explained.
	if !a.Deadline.IsZero() {
		fmt.Fprintln(out)
		for _, m := range a.Deadline.Explain() {
			fmt.Fprintln(out, p.Message(m))
		}
		fmt.Fprintf(out, "(%s)\n", p.Refs(a.Deadline.Refs()))
	}
	// The notices.
	fmt.Fprintln(out)
	io.WriteString(out, p.Text(notice))
	if letter != nil {
		fmt.Fprintln(out)
		io.WriteString(out, p.Text(*letter))
	}
	return nil
}

// scenarios returns the two cases.
func scenarios() ([]scenario, error) {
	cph, err := compliance.DK.Location()
	if err != nil {
		return nil, err
	}
	osl, err := compliance.NO.Location()
	if err != nil {
		return nil, err
	}
	dk := func(m time.Month, d, hh, mm int) time.Time { return time.Date(2024, m, d, hh, mm, 0, 0, cph) }
	no := func(m time.Month, d, hh, mm int) time.Time { return time.Date(2024, m, d, hh, mm, 0, 0, osl) }
	return []scenario{
		{
			j:       compliance.DK,
			contact: breach.Contact{Controller: "Eksempelby Kommune", Name: "Mette Jensen", DPO: true, Email: "dpo@eksempelby.dk", Phone: "+45 70 00 00 00"},
			now:     dk(time.March, 9, 9, 0),
			b: breach.Breach{
				Reference:      "24/01234",
				Classification: breach.PersonalDataBreach,
				Reporter:       breach.ReportedByProcessor,
				Processor: breach.ProcessorReport{ID: compliance.ProcessorID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x50}},
					Aware: dk(time.March, 8, 22, 40), Notified: dk(time.March, 9, 6, 15), AgreedHours: 24},
				Occurred:     dk(time.March, 8, 21, 50),
				Discovered:   dk(time.March, 8, 22, 40),
				Aware:        dk(time.March, 9, 8, 30),
				Contained:    dk(time.March, 9, 11, 0),
				Nature:       breach.NatureOf(breach.Confidentiality, breach.Integrity, breach.Availability),
				Cause:        breach.Ransomware,
				Malicious:    true,
				Data:         compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID, compliance.Education, compliance.Health),
				Subjects:     compliance.SubjectsOf(compliance.Pupils, compliance.Parents, compliance.Employees),
				SubjectCount: breach.About(4800),
				RecordCount:  breach.Between(60000, 80000),
				Encryption:   breach.NotEncrypted,
				Backup:       breach.FullBackup,
				Impact:       breach.MinorImpact,
				Recipients:   breach.UnknownRecipients,
				ENISA:        breach.Factors{Identifiability: breach.Maximum},
				Text: breach.Account{
					Summary:          "Kriminelle har angrebet det it-system, som kommunens skoler bruger til oplysninger om elever, og låst det. De kan have kopieret nogle af oplysningerne, før angrebet blev stoppet.",
					Description:      "Ransomware krypterede serverne til skolernes administrative system hos hostingleverandøren. Logfilerne viser udgående trafik fra én server før krypteringen, så det kan ikke udelukkes, at data er kopieret.",
					Consequences:     "Hvis oplysningerne er kopieret, kan elever og forældre blive udsat for målrettet phishing, og CPR-numre kan misbruges til identitetstyveri. Notater om elevers særlige behov kan blive offentliggjort.",
					MeasuresBefore:   "Daglig sikkerhedskopi opbevaret offline; tofaktorgodkendelse for medarbejdere; årlig ISAE 3000-erklæring fra databehandleren.",
					MeasuresTaken:    "Serverne er isoleret, og systemet genskabes fra den offline sikkerhedskopi. Alle adgangskoder er nulstillet. Politiet er orienteret.",
					MeasuresProposed: "Netværkssegmentering hos databehandleren; gennemgang af logning og af, hvor længe notater om særlige behov opbevares.",
					Mitigation:       "Overvågning af de lækagesider på det mørke net, som angriberne bruger.",
					Advice:           "Vær opmærksom på e-mails og sms'er, der beder dig logge på eller bekræfte personlige oplysninger. Kontakt din bank, hvis du har mistanke om, at dit CPR-nummer bliver misbrugt.",
				},
			},
		},
		{
			j:       compliance.NO,
			contact: breach.Contact{Controller: "Eksempelvik kommune", Name: "Kari Nordmann", DPO: true, Email: "personvernombud@eksempelvik.kommune.no"},
			now:     no(time.October, 23, 16, 0),
			b: breach.Breach{
				Reference:      "24/05678-3",
				Classification: breach.PersonalDataBreach,
				Reporter:       breach.ReportedByCitizen,
				Occurred:       no(time.October, 21, 14, 0),
				Discovered:     no(time.October, 23, 10, 15),
				Aware:          no(time.October, 23, 10, 15),
				Contained:      no(time.October, 23, 15, 0),
				Nature:         breach.NatureOf(breach.Confidentiality),
				Cause:          breach.MisdirectedMail,
				Data:           compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID, compliance.Education, compliance.Health),
				Subjects:       compliance.SubjectsOf(compliance.Pupils, compliance.Parents),
				SubjectCount:   breach.Exact(3),
				RecordCount:    breach.Exact(1),
				Encryption:     breach.NotEncrypted,
				Recipients:     breach.KnownRecipients,
				ENISA:          breach.Factors{Identifiability: breach.Maximum},
				Text: breach.Account{
					Summary:          "Et brev fra PP-tjenesten med en sakkyndig vurdering av barnet ditt ble sendt til feil adresse. Den som fikk brevet, ringte oss, og vi har hentet brevet.",
					Description:      "En sakkyndig vurdering etter opplæringsloven ble sendt til en tidligere adresse som lå i saksbehandlingssystemet. Mottakeren åpnet brevet, ringte kommunen og leverte det tilbake samme dag.",
					Consequences:     "Mottakeren har lest om barnets behov og diagnose. Det kan oppleves som belastende og kan føre til snakk i nærmiljøet.",
					MeasuresBefore:   "Adresser kontrolleres mot Folkeregisteret når en sak opprettes.",
					MeasuresTaken:    "Brevet ble hentet, og mottakeren bekreftet skriftlig at ingen kopi er beholdt.",
					MeasuresProposed: "Adresser kontrolleres mot Folkeregisteret før hvert brev sendes.",
					Mitigation:       "Familien har fått tilbud om et møte med lederen for tjenesten.",
				},
			},
		},
	}, nil
}
