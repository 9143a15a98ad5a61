package i18n

// breachxDA holds the breach messages in Danish added in issue 13:
// the factors of risk, the committee's statistics and chart, the register
// export and the plain-language letter (the i18n transition rule keeps
// them out of breach_da.go).
var breachxDA = []entry{
	{key: "breach.likelihood.remote", msg: "Usandsynligt"},
	{key: "breach.likelihood.possible", msg: "Muligt"},
	{key: "breach.likelihood.probable", msg: "Sandsynligt"},
	{key: "breach.likelihood.certain", msg: "Sikkert eller næsten sikkert"},
	{key: "breach.gravity.slight", msg: "Begrænsede gener"},
	{key: "breach.gravity.substantial", msg: "Betydelige gener"},
	{key: "breach.gravity.serious", msg: "Alvorlige konsekvenser"},
	{key: "breach.gravity.very-serious", msg: "Meget alvorlige konsekvenser"},
	{key: "breach.withholding.private-interests", msg: "Afgørende hensyn til private interesser"},
	{key: "breach.withholding.public-interests", msg: "Afgørende hensyn til offentlige interesser"},
	{key: "breach.fact.nature", msg: "hvilken type brud det er (fortrolighed, integritet, tilgængelighed)"},
	{key: "breach.fact.subject-count", msg: "antallet af berørte personer"},
	{key: "breach.fact.recipients", msg: "hvem der modtog eller kunne tilgå oplysningerne"},
	{key: "breach.fact.backup", msg: "om oplysningerne kan genskabes"},
	{key: "breach.fact.impact", msg: "hvad der afhang af oplysningerne, mens de var utilgængelige"},
	{key: "breach.fact.restored", msg: "hvornår oplysningerne blev genskabt"},
	{key: "breach.exemption.withheld", msg: "Den registreredes interesse må vige for afgørende private eller offentlige interesser (databeskyttelseslovens § 22)"},
	{key: "breach.public-authority", msg: "Kommunen er en offentlig myndighed, som behandler fortrolige oplysninger (%[1]s) om borgere, der ikke kan fravælge den; det øger risikoen."},
	{key: "breach.identity-theft", msg: "Bruddet omfatter oplysninger, der kan bruges til identitetstyveri eller svindel: et personnummer sammen med navn, adgangsoplysninger eller betalingsoplysninger; det øger risikoen."},
	{key: "breach.identity-theft-wide", msg: "Oplysninger, der kan bruges til identitetstyveri eller svindel, er nået til ukendte modtagere, er offentliggjort eller vedrører mange personer (%[1]d); det er en høj risiko."},
	{key: "breach.many-people", msg: "Bruddet vedrører %[1]d personer; den valgte tærskel er %[2]d; det øger risikoen.", one: "Bruddet vedrører %[1]d person; den valgte tærskel er %[2]d; det øger risikoen."},
	{key: "breach.mass-exposure", msg: "Identificerende oplysninger om %[1]d personer er tabt til ukendte modtagere; den valgte tærskel er %[2]d; det er en høj risiko.", one: "Identificerende oplysninger om %[1]d person er tabt til ukendte modtagere; den valgte tærskel er %[2]d; det er en høj risiko."},
	{key: "breach.protected-address", msg: "Bruddet har afsløret eller kan have afsløret en adresse med navne- og adressebeskyttelse; de mulige konsekvenser er meget alvorlige, og de registrerede skal underrettes."},
	{key: "breach.insider", msg: "En medarbejder har bevidst skaffet sig eller videregivet oplysningerne; det øger risikoen."},
	{key: "breach.outage", msg: "Oplysningerne var utilgængelige i %[1]s; den valgte tærskel er %[2]s; det øger risikoen."},
	{key: "breach.data-lost", msg: "Oplysningerne kan ikke genskabes (ingen backup); det øger risikoen."},
	{key: "breach.consequences-certain", msg: "Det er sikkert eller næsten sikkert, at bruddet får konsekvenser for de registrerede; de skal underrettes."},
	{key: "breach.consequences-very-serious", msg: "De mulige konsekvenser er meget alvorlige, uanset hvor lille sandsynligheden er; de registrerede skal underrettes."},
	{key: "breach.consequences-serious", msg: "De mulige konsekvenser er alvorlige; det øger risikoen."},
	{key: "breach.irreversible", msg: "Konsekvenserne kan ikke gøres om; det øger risikoen."},
	{key: "breach.fact-missing", msg: "Ikke registreret: %[1]s. Kommunen skal kunne påvise, at bruddet sandsynligvis ikke indebærer en risiko; uden denne oplysning skal bruddet anmeldes til Datatilsynet."},
	{key: "breach.withheld", msg: "De registrerede underrettes ikke: %[1]s."},
	{key: "breach.withholding-not-applied", msg: "Der er registreret en undtagelse (%[1]s), men ingen bestemmelse i denne jurisdiktion er valgt anvendt; de registrerede skal stadig underrettes."},
}
