package i18n

// retentionNN holds the retention messages in Norwegian nynorsk. Terms as
// in bokmål (arkivlova, Noark 5), in their nynorsk forms: "sletting",
// "avgrensing av behandling", "rettskrav"; Noark 5's values «Bevares»,
// «Kasseres» and «Vurderes senere» are kept as the standard writes them.
var retentionNN = []entry{
	{key: "retention.scheme.kle", msg: "KLE"},
	{key: "retention.scheme.noark", msg: "Noark 5"},
	{key: "retention.scheme.custom", msg: "eigen regel"},

	{key: "retention.disposition.keep", msg: "vidare oppbevaring"},
	{key: "retention.disposition.delete", msg: "sletting (kassasjon)"},
	{key: "retention.disposition.transfer", msg: "bevaring og avlevering til arkivdepot"},
	{key: "retention.disposition.review", msg: "ny vurdering"},

	{key: "retention.trigger.closed", msg: "avsluttinga av saka"},
	{key: "retention.trigger.last-activity", msg: "siste aktivitet"},
	{key: "retention.trigger.employment-ended", msg: "slutten på arbeidsforholdet"},
	{key: "retention.trigger.financial-year-end", msg: "slutten av rekneskapsåret"},
	{key: "retention.trigger.coming-of-age", msg: "myndigheitsalderen til barnet"},

	{key: "retention.outcome.erase", msg: "sletting"},
	{key: "retention.outcome.refuse", msg: "avslag"},

	{key: "retention.bevaring.k", msg: "K – kassasjon"},
	{key: "retention.bevaring.k5", msg: "K5 – kassasjon 5 år etter at saka vart avslutta"},
	{key: "retention.bevaring.k10", msg: "K10 – kassasjon 10 år etter at saka vart avslutta"},
	{key: "retention.bevaring.b", msg: "B – bevaring"},
	{key: "retention.bevaring.tom", msg: "tom – utgått emne utan bevaringskode"},

	{key: "retention.kassasjonsvedtak.bevares", msg: "Bevares"},
	{key: "retention.kassasjonsvedtak.kasseres", msg: "Kasseres"},
	{key: "retention.kassasjonsvedtak.vurderes-senere", msg: "Vurderes senere"},

	{key: "retention.not-started", msg: "Oppbevaringstida vert rekna frå %[1]s, som enno ikkje er registrert. Saka vert oppbevart inntil vidare."},
	{key: "retention.keep-until", msg: "Saka vert oppbevart til og med %[1]s: %[2]s frå %[3]s (%[4]s). Deretter: %[5]s."},
	{key: "retention.keep-until-date", msg: "Saka vert oppbevart til og med kassasjonsdatoen %[1]s. Deretter: %[2]s."},
	{key: "retention.delete-due", msg: "Oppbevaringstida gjekk ut %[1]s. Saka skal no slettast (kasserast)."},
	{key: "retention.transfer", msg: "Saka skal bevarast for ettertida og avleverast til arkivdepot. Ho skal ikkje kasserast."},
	{key: "retention.review-due", msg: "Saka skulle vurderast på nytt %[1]s. Ta stilling til om ho skal bevarast eller kasserast."},
	{key: "retention.keep-permanent", msg: "Regelen oppbevarer saka utan sluttdato."},
	{key: "retention.no-rule", msg: "Ingen bevarings- og kassasjonsregel omfattar saka. Ho kan ikkje kasserast før ein regel gir høve til det. Ta stilling til kva regel som gjeld."},
	{key: "retention.kle-withdrawn", msg: "KLE-emnet har bevaringskoden «tom» (utgått før 2007 utan bevaringskode). Ta stilling til om saka skal bevarast eller kasserast."},
	{key: "retention.no-period", msg: "Regelen gir høve til kassasjon, men fastset inga frist. Vurder om det framleis er rettsleg eller administrativt behov for saka."},
	{key: "retention.hold", msg: "Oppbevaringstida gjekk ut %[1]s, men saka må bevarast på grunn av eit rettskrav og skal ikkje slettast før det er avklart."},
	{key: "retention.precedent", msg: "Saka er ei presedenssak og skal aldri kasserast."},
	{key: "retention.archive-minimum", msg: "Slettefristen på %[1]s ville ha gått ut %[2]s, men kassasjon er først tillate etter %[3]s."},
	{key: "retention.year-end", msg: "Kassasjonsfristen vert rekna frå utgangen av året saka vart avslutta: %[1]s."},
	{key: "retention.erasure-due", msg: "Inga arkivplikt er til hinder for sletting. Saka skal slettast, med mindre eit anna unntak i artikkel 17 nr. 3 gjeld."},
	{key: "retention.erasure-refused", msg: "Kravet om sletting vert avslått fordi saka skal bevarast etter arkivregelverket."},
	{key: "retention.erasure-refused-hold", msg: "Kravet om sletting vert avslått fordi opplysningane er naudsynte for å fastsetje, gjere gjeldande eller forsvare rettskrav."},
	{key: "retention.restriction", msg: "Den registrerte får i staden tilbod om avgrensing av behandlinga."},

	{key: "retention.report.title", msg: "Oversikt over bevaring og kassasjon per %[1]s"},
	{key: "retention.report.summary", one: "%[1]d sak: %[2]d vert oppbevarte, %[3]d skal slettast, %[4]d skal avleverast til arkivdepot, %[5]d skal vurderast på nytt.", msg: "%[1]d saker: %[2]d vert oppbevarte, %[3]d skal slettast, %[4]d skal avleverast til arkivdepot, %[5]d skal vurderast på nytt."},
	{key: "retention.report.record", msg: "Sak %[1]s, %[2]s: %[3]s"},
	{key: "retention.report.record-no-class", msg: "Sak %[1]s"},
	{key: "retention.erasure.title", msg: "Krav om sletting av sak %[1]s, %[2]s"},
}
