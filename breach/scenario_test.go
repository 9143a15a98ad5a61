package breach_test

import (
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// The two scenarios of the golden files and the examples: a ransomware
// attack on a Danish kommune's school system, reported by its processor,
// and a misdirected letter from a Norwegian kommune's pedagogical-
// psychological service. They hold no real person's data.

var schoolProcessor = compliance.ProcessorID{UUID: id(0x50).UUID}

func danishRansomware() breach.Breach {
	return breach.Breach{
		ID:             id(1),
		Reference:      "24/01234",
		Classification: breach.PersonalDataBreach,
		Reporter:       breach.ReportedByProcessor,
		Processor: breach.ProcessorReport{ID: schoolProcessor,
			Aware: cph(2024, time.March, 8, 22, 40), Notified: cph(2024, time.March, 9, 6, 15), AgreedHours: 24},
		Registered:   cph(2024, time.March, 9, 7, 0),
		Occurred:     cph(2024, time.March, 8, 21, 50),
		Discovered:   cph(2024, time.March, 8, 22, 40),
		Aware:        cph(2024, time.March, 9, 8, 30),
		Contained:    cph(2024, time.March, 9, 11, 0),
		Nature:       breach.NatureOf(breach.Confidentiality, breach.Integrity, breach.Availability),
		Cause:        breach.Ransomware,
		Malicious:    true,
		Data:         compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID, compliance.Education, compliance.Health),
		Subjects:     compliance.SubjectsOf(compliance.Pupils, compliance.Parents, compliance.Employees),
		SubjectCount: breach.About(4800),
		RecordCount:  breach.Between(60000, 80000),
		Encryption:   breach.NotEncrypted,
		Backup:       breach.FullBackup,
		Restored:     cph(2024, time.March, 11, 16, 0),
		Impact:       breach.MinorImpact,
		Recipients:   breach.UnknownRecipients,
		ENISA:        breach.Factors{Identifiability: breach.Maximum},
		Text: breach.Account{
			Summary:          "Kriminelle har angrebet det it-system, som kommunens skoler bruger til oplysninger om elever, og låst det. De kan have kopieret nogle af oplysningerne, før angrebet blev stoppet.",
			Description:      "Ransomware krypterede serverne til skolernes administrative system hos hostingleverandøren. Logfilerne viser udgående trafik fra én server før krypteringen, så det kan ikke udelukkes, at data er kopieret.",
			Effects:          "Systemet var utilgængeligt i tre skoledage; lærerne brugte papirlister.",
			Consequences:     "Hvis oplysningerne er kopieret, kan elever og forældre blive udsat for målrettet phishing, og CPR-numre kan misbruges til identitetstyveri. Notater om elevers særlige behov kan blive offentliggjort.",
			MeasuresBefore:   "Daglig sikkerhedskopi opbevaret offline; tofaktorgodkendelse for medarbejdere; årlig ISAE 3000-erklæring fra databehandleren.",
			MeasuresTaken:    "Serverne er isoleret og genopbygget, systemet er genskabt fra den offline sikkerhedskopi, og alle adgangskoder er nulstillet. Politiet er orienteret.",
			MeasuresProposed: "Netværkssegmentering hos databehandleren; gennemgang af logning og af, hvor længe notater om særlige behov opbevares.",
			Mitigation:       "Overvågning af de lækagesider på det mørke net, som angriberne bruger.",
			Advice:           "Vær opmærksom på e-mails og sms'er, der beder dig logge på eller bekræfte personlige oplysninger. Kontakt din bank, hvis du har mistanke om, at dit CPR-nummer bliver misbrugt.",
		},
	}
}

func norwegianLetter() breach.Breach {
	return breach.Breach{
		ID:             id(2),
		Reference:      "24/05678-3",
		Classification: breach.PersonalDataBreach,
		Reporter:       breach.ReportedByCitizen,
		Registered:     osl(2024, time.October, 23, 10, 30),
		Occurred:       osl(2024, time.October, 21, 14, 0),
		Discovered:     osl(2024, time.October, 23, 10, 15),
		Aware:          osl(2024, time.October, 23, 10, 15),
		Contained:      osl(2024, time.October, 23, 15, 0),
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
	}
}

var (
	danishContact    = breach.Contact{Controller: "Eksempelby Kommune", Name: "Mette Jensen", DPO: true, Email: "dpo@eksempelby.dk", Phone: "+45 70 00 00 00"}
	norwegianContact = breach.Contact{Controller: "Eksempelvik kommune", Name: "Kari Nordmann", DPO: true, Email: "personvernombud@eksempelvik.kommune.no"}
)
