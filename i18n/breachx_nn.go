package i18n

// breachxNN holds the breach messages in Norwegian Nynorsk added in issue 13:
// the factors of risk, the committee's statistics and chart, the register
// export and the plain-language letter (the i18n transition rule keeps
// them out of breach_nn.go).
var breachxNN = []entry{
	{key: "breach.likelihood.remote", msg: "Lite sannsynleg"},
	{key: "breach.likelihood.possible", msg: "Mogleg"},
	{key: "breach.likelihood.probable", msg: "Sannsynleg"},
	{key: "breach.likelihood.certain", msg: "Sikkert eller nesten sikkert"},
	{key: "breach.gravity.slight", msg: "Avgrensa ulemper"},
	{key: "breach.gravity.substantial", msg: "Monalege ulemper"},
	{key: "breach.gravity.serious", msg: "Alvorlege konsekvensar"},
	{key: "breach.gravity.very-serious", msg: "Svært alvorlege konsekvensar"},
	{key: "breach.withholding.private-interests", msg: "Avgjerande omsyn til private interesser"},
	{key: "breach.withholding.public-interests", msg: "Avgjerande omsyn til offentlege interesser"},
	{key: "breach.fact.nature", msg: "kva type brot det er (konfidensialitet, integritet, tilgjenge)"},
	{key: "breach.fact.subject-count", msg: "talet på personar som er råka"},
	{key: "breach.fact.recipients", msg: "kven som fekk eller kunne få tilgang til opplysningane"},
	{key: "breach.fact.backup", msg: "om opplysningane kan gjenopprettast"},
	{key: "breach.fact.impact", msg: "kva som var avhengig av opplysningane medan dei var utilgjengelege"},
	{key: "breach.fact.restored", msg: "når opplysningane vart gjenoppretta"},
	{key: "breach.exemption.withheld", msg: "Interessa til den registrerte må vike for avgjerande private eller offentlege interesser etter nasjonal rett"},
	{key: "breach.public-authority", msg: "Kommunen er ei offentleg styresmakt som behandlar fortrulege opplysningar (%[1]s) om innbyggjarar som ikkje kan velje henne bort; det aukar risikoen."},
	{key: "breach.identity-theft", msg: "Brotet omfattar opplysningar som kan brukast til identitetstjuveri eller svindel: eit fødselsnummer eller personnummer saman med namn, innloggingsopplysningar eller betalingsopplysningar; det aukar risikoen."},
	{key: "breach.identity-theft-wide", msg: "Opplysningar som kan brukast til identitetstjuveri eller svindel, har nådd ukjende mottakarar, er offentleggjorde eller gjeld mange personar (%[1]d); det er ein høg risiko."},
	{key: "breach.many-people", msg: "Brotet gjeld %[1]d personar; den valde terskelen er %[2]d; det aukar risikoen.", one: "Brotet gjeld %[1]d person; den valde terskelen er %[2]d; det aukar risikoen."},
	{key: "breach.mass-exposure", msg: "Identifiserande opplysningar om %[1]d personar er tapte til ukjende mottakarar; den valde terskelen er %[2]d; det er ein høg risiko.", one: "Identifiserande opplysningar om %[1]d person er tapte til ukjende mottakarar; den valde terskelen er %[2]d; det er ein høg risiko."},
	{key: "breach.protected-address", msg: "Brotet har avslørt eller kan ha avslørt ei strengt fortruleg eller fortruleg adresse; dei moglege konsekvensane er svært alvorlege, og dei registrerte skal varslast."},
	{key: "breach.insider", msg: "Ein tilsett har medvite skaffa seg eller utlevert opplysningane; det aukar risikoen."},
	{key: "breach.outage", msg: "Opplysningane var utilgjengelege i %[1]s; den valde terskelen er %[2]s; det aukar risikoen."},
	{key: "breach.data-lost", msg: "Opplysningane kan ikkje gjenopprettast (inga tryggingskopi); det aukar risikoen."},
	{key: "breach.consequences-certain", msg: "Det er sikkert eller nesten sikkert at brotet får konsekvensar for dei registrerte; dei skal varslast."},
	{key: "breach.consequences-very-serious", msg: "Dei moglege konsekvensane er svært alvorlege, same kor lite sannsynleg det er; dei registrerte skal varslast."},
	{key: "breach.consequences-serious", msg: "Dei moglege konsekvensane er alvorlege; det aukar risikoen."},
	{key: "breach.irreversible", msg: "Konsekvensane kan ikkje gjerast om; det aukar risikoen."},
	{key: "breach.fact-missing", msg: "Ikkje registrert: %[1]s. Kommunen må kunne vise at brotet truleg ikkje fører med seg ein risiko; utan denne opplysninga skal brotet meldast til Datatilsynet."},
	{key: "breach.withheld", msg: "Dei registrerte blir ikkje varsla: %[1]s."},
	{key: "breach.withholding-not-applied", msg: "Det er registrert eit unntak (%[1]s), men inga føresegn i norsk rett er vald brukt; dei registrerte skal framleis varslast."},
}
