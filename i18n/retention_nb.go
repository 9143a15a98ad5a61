package i18n

// retentionNB holds the retention messages in Norwegian bokmål. Terms:
// arkivlovas "bevaring", "kassasjon" and "avlevering" to "arkivdepot";
// Noark 5's "kassasjonsvedtak", "kassasjonsdato", "bevaringstid" and
// "presedenssak"; personvernforordningens "sletting" (artikkel 17),
// "begrensning av behandling" (artikkel 18) and "rettskrav" (artikkel 17
// nr. 3 bokstav e).
var retentionNB = []entry{
	{key: "retention.scheme.kle", msg: "KLE"},
	{key: "retention.scheme.noark", msg: "Noark 5"},
	{key: "retention.scheme.custom", msg: "egen regel"},

	{key: "retention.disposition.keep", msg: "fortsatt oppbevaring"},
	{key: "retention.disposition.delete", msg: "sletting (kassasjon)"},
	{key: "retention.disposition.transfer", msg: "bevaring og avlevering til arkivdepot"},
	{key: "retention.disposition.review", msg: "ny vurdering"},

	{key: "retention.trigger.closed", msg: "sakens avslutning"},
	{key: "retention.trigger.last-activity", msg: "siste aktivitet"},
	{key: "retention.trigger.employment-ended", msg: "arbeidsforholdets opphør"},
	{key: "retention.trigger.financial-year-end", msg: "regnskapsårets slutt"},
	{key: "retention.trigger.coming-of-age", msg: "barnets myndighetsalder"},

	{key: "retention.outcome.erase", msg: "sletting"},
	{key: "retention.outcome.refuse", msg: "avslag"},

	{key: "retention.bevaring.k", msg: "K – kassasjon"},
	{key: "retention.bevaring.k5", msg: "K5 – kassasjon 5 år etter at saken ble avsluttet"},
	{key: "retention.bevaring.k10", msg: "K10 – kassasjon 10 år etter at saken ble avsluttet"},
	{key: "retention.bevaring.b", msg: "B – bevaring"},
	{key: "retention.bevaring.tom", msg: "tom – utgått emne uten bevaringskode"},

	{key: "retention.kassasjonsvedtak.bevares", msg: "Bevares"},
	{key: "retention.kassasjonsvedtak.kasseres", msg: "Kasseres"},
	{key: "retention.kassasjonsvedtak.vurderes-senere", msg: "Vurderes senere"},

	{key: "retention.not-started", msg: "Oppbevaringstiden regnes fra %[1]s, som ennå ikke er registrert. Saken oppbevares inntil videre."},
	{key: "retention.keep-until", msg: "Saken oppbevares til og med %[1]s: %[2]s fra %[3]s (%[4]s). Deretter: %[5]s."},
	{key: "retention.keep-until-date", msg: "Saken oppbevares til og med kassasjonsdatoen %[1]s. Deretter: %[2]s."},
	{key: "retention.delete-due", msg: "Oppbevaringstiden gikk ut %[1]s. Saken skal nå slettes (kasseres)."},
	{key: "retention.transfer", msg: "Saken skal bevares for ettertiden og avleveres til arkivdepot. Den skal ikke kasseres."},
	{key: "retention.review-due", msg: "Saken skulle vurderes på nytt %[1]s. Ta stilling til om den skal bevares eller kasseres."},
	{key: "retention.keep-permanent", msg: "Regelen oppbevarer saken uten sluttdato."},
	{key: "retention.no-rule", msg: "Ingen bevarings- og kassasjonsregel omfatter saken. Den kan ikke kasseres før en regel gir adgang til det. Ta stilling til hvilken regel som gjelder."},
	{key: "retention.kle-withdrawn", msg: "KLE-emnet har bevaringskoden «tom» (utgått før 2007 uten bevaringskode). Ta stilling til om saken skal bevares eller kasseres."},
	{key: "retention.no-period", msg: "Regelen gir adgang til kassasjon, men fastsetter ingen frist. Vurder om det fortsatt er rettslig eller administrativt behov for saken."},
	{key: "retention.hold", msg: "Oppbevaringstiden gikk ut %[1]s, men saken må bevares på grunn av et rettskrav og skal ikke slettes før det er avklart."},
	{key: "retention.precedent", msg: "Saken er en presedenssak og skal aldri kasseres."},
	{key: "retention.archive-minimum", msg: "Slettefristen på %[1]s ville gått ut %[2]s, men kassasjon er først tillatt etter %[3]s."},
	{key: "retention.year-end", msg: "Kassasjonsfristen regnes fra utgangen av året saken ble avsluttet: %[1]s."},
	{key: "retention.erasure-due", msg: "Ingen arkivplikt er til hinder for sletting. Saken skal slettes, med mindre et annet unntak i artikkel 17 nr. 3 gjelder."},
	{key: "retention.erasure-refused", msg: "Kravet om sletting avslås fordi saken skal bevares etter arkivregelverket."},
	{key: "retention.erasure-refused-hold", msg: "Kravet om sletting avslås fordi opplysningene er nødvendige for å fastsette, gjøre gjeldende eller forsvare rettskrav."},
	{key: "retention.restriction", msg: "Den registrerte tilbys i stedet begrensning av behandlingen."},

	{key: "retention.report.title", msg: "Oversikt over bevaring og kassasjon per %[1]s"},
	{key: "retention.report.summary", one: "%[1]d sak: %[2]d oppbevares, %[3]d skal slettes, %[4]d skal avleveres til arkivdepot, %[5]d skal vurderes på nytt.", msg: "%[1]d saker: %[2]d oppbevares, %[3]d skal slettes, %[4]d skal avleveres til arkivdepot, %[5]d skal vurderes på nytt."},
	{key: "retention.report.record", msg: "Sak %[1]s, %[2]s: %[3]s"},
	{key: "retention.report.record-no-class", msg: "Sak %[1]s"},
	{key: "retention.erasure.title", msg: "Krav om sletting av sak %[1]s, %[2]s"},
}
