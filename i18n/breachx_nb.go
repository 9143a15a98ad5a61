package i18n

// breachxNB holds the breach messages in Norwegian Bokmål added in issue 13:
// the factors of risk, the committee's statistics and chart, the register
// export and the plain-language letter (the i18n transition rule keeps
// them out of breach_nb.go).
var breachxNB = []entry{
	{key: "breach.likelihood.remote", msg: "Lite sannsynlig"},
	{key: "breach.likelihood.possible", msg: "Mulig"},
	{key: "breach.likelihood.probable", msg: "Sannsynlig"},
	{key: "breach.likelihood.certain", msg: "Sikkert eller nesten sikkert"},
	{key: "breach.gravity.slight", msg: "Begrensede ulemper"},
	{key: "breach.gravity.substantial", msg: "Betydelige ulemper"},
	{key: "breach.gravity.serious", msg: "Alvorlige konsekvenser"},
	{key: "breach.gravity.very-serious", msg: "Svært alvorlige konsekvenser"},
	{key: "breach.withholding.private-interests", msg: "Avgjørende hensyn til private interesser"},
	{key: "breach.withholding.public-interests", msg: "Avgjørende hensyn til offentlige interesser"},
	{key: "breach.fact.nature", msg: "hvilken type brudd det er (konfidensialitet, integritet, tilgjengelighet)"},
	{key: "breach.fact.subject-count", msg: "antallet berørte personer"},
	{key: "breach.fact.recipients", msg: "hvem som mottok eller kunne få tilgang til opplysningene"},
	{key: "breach.fact.backup", msg: "om opplysningene kan gjenopprettes"},
	{key: "breach.fact.impact", msg: "hva som var avhengig av opplysningene mens de var utilgjengelige"},
	{key: "breach.fact.restored", msg: "når opplysningene ble gjenopprettet"},
	{key: "breach.exemption.withheld", msg: "Den registrertes interesse må vike for avgjørende private eller offentlige interesser etter nasjonal rett"},
	{key: "breach.public-authority", msg: "Kommunen er en offentlig myndighet som behandler fortrolige opplysninger (%[1]s) om innbyggere som ikke kan velge den bort; det øker risikoen."},
	{key: "breach.identity-theft", msg: "Bruddet omfatter opplysninger som kan brukes til identitetstyveri eller svindel: et fødselsnummer eller personnummer sammen med navn, påloggingsopplysninger eller betalingsopplysninger; det øker risikoen."},
	{key: "breach.identity-theft-wide", msg: "Opplysninger som kan brukes til identitetstyveri eller svindel, har nådd ukjente mottakere, er offentliggjort eller gjelder mange personer (%[1]d); det er en høy risiko."},
	{key: "breach.many-people", msg: "Bruddet gjelder %[1]d personer; den valgte terskelen er %[2]d; det øker risikoen.", one: "Bruddet gjelder %[1]d person; den valgte terskelen er %[2]d; det øker risikoen."},
	{key: "breach.mass-exposure", msg: "Identifiserende opplysninger om %[1]d personer er tapt til ukjente mottakere; den valgte terskelen er %[2]d; det er en høy risiko.", one: "Identifiserende opplysninger om %[1]d person er tapt til ukjente mottakere; den valgte terskelen er %[2]d; det er en høy risiko."},
	{key: "breach.protected-address", msg: "Bruddet har avslørt eller kan ha avslørt en strengt fortrolig eller fortrolig adresse; de mulige konsekvensene er svært alvorlige, og de registrerte skal varsles."},
	{key: "breach.insider", msg: "En ansatt har bevisst skaffet seg eller utlevert opplysningene; det øker risikoen."},
	{key: "breach.outage", msg: "Opplysningene var utilgjengelige i %[1]s; den valgte terskelen er %[2]s; det øker risikoen."},
	{key: "breach.data-lost", msg: "Opplysningene kan ikke gjenopprettes (ingen sikkerhetskopi); det øker risikoen."},
	{key: "breach.consequences-certain", msg: "Det er sikkert eller nesten sikkert at bruddet får konsekvenser for de registrerte; de skal varsles."},
	{key: "breach.consequences-very-serious", msg: "De mulige konsekvensene er svært alvorlige, uansett hvor liten sannsynligheten er; de registrerte skal varsles."},
	{key: "breach.consequences-serious", msg: "De mulige konsekvensene er alvorlige; det øker risikoen."},
	{key: "breach.irreversible", msg: "Konsekvensene kan ikke gjøres om; det øker risikoen."},
	{key: "breach.fact-missing", msg: "Ikke registrert: %[1]s. Kommunen må kunne vise at bruddet sannsynligvis ikke medfører en risiko; uten denne opplysningen skal bruddet meldes til Datatilsynet."},
	{key: "breach.withheld", msg: "De registrerte varsles ikke: %[1]s."},
	{key: "breach.withholding-not-applied", msg: "Det er registrert et unntak (%[1]s), men ingen bestemmelse i norsk rett er valgt anvendt; de registrerte skal fortsatt varsles."},
}
