package i18n

// retentionDA holds the retention messages in Danish. Terms: arkivlovens
// "bevaring", "kassation" and "aflevering"; databeskyttelsesforordningens
// "sletning" (artikel 17), "begrænsning af behandling" (artikel 18) and
// "retskrav" (artikel 17, stk. 3, litra e); KLE's "emne" and
// "bevaringskode".
var retentionDA = []entry{
	{key: "retention.scheme.kle", msg: "KLE"},
	{key: "retention.scheme.noark", msg: "Noark 5"},
	{key: "retention.scheme.custom", msg: "egen regel"},

	{key: "retention.disposition.keep", msg: "fortsat opbevaring"},
	{key: "retention.disposition.delete", msg: "sletning (kassation)"},
	{key: "retention.disposition.transfer", msg: "bevaring og aflevering til offentligt arkiv"},
	{key: "retention.disposition.review", msg: "fornyet vurdering"},

	{key: "retention.trigger.closed", msg: "sagens afslutning"},
	{key: "retention.trigger.last-activity", msg: "seneste aktivitet"},
	{key: "retention.trigger.employment-ended", msg: "ansættelsens ophør"},
	{key: "retention.trigger.financial-year-end", msg: "regnskabsårets afslutning"},
	{key: "retention.trigger.coming-of-age", msg: "barnets myndighedsalder"},

	{key: "retention.outcome.erase", msg: "sletning"},
	{key: "retention.outcome.refuse", msg: "afslag"},

	{key: "retention.bevaring.k", msg: "K – kassation"},
	{key: "retention.bevaring.k5", msg: "K5 – kassation 5 år efter sagens afslutning"},
	{key: "retention.bevaring.k10", msg: "K10 – kassation 10 år efter sagens afslutning"},
	{key: "retention.bevaring.b", msg: "B – bevaring"},
	{key: "retention.bevaring.tom", msg: "tom – udgået emne uden bevaringskode"},

	{key: "retention.kassasjonsvedtak.bevares", msg: "»Bevares« (bevaring)"},
	{key: "retention.kassasjonsvedtak.kasseres", msg: "»Kasseres« (kassation)"},
	{key: "retention.kassasjonsvedtak.vurderes-senere", msg: "»Vurderes senere« (fornyet vurdering)"},

	{key: "retention.not-started", msg: "Opbevaringsperioden regnes fra %[1]s, som endnu ikke er registreret. Sagen opbevares indtil videre."},
	{key: "retention.keep-until", msg: "Sagen opbevares til og med den %[1]s: %[2]s fra %[3]s (%[4]s). Derefter: %[5]s."},
	{key: "retention.keep-until-date", msg: "Sagen opbevares til og med kassationsdatoen, den %[1]s. Derefter: %[2]s."},
	{key: "retention.delete-due", msg: "Opbevaringsperioden udløb den %[1]s. Sagen skal nu slettes (kasseres)."},
	{key: "retention.transfer", msg: "Sagen skal bevares for eftertiden og afleveres til offentligt arkiv. Den må ikke slettes."},
	{key: "retention.review-due", msg: "Sagen skulle vurderes på ny den %[1]s. Tag stilling til, om den skal bevares eller kasseres."},
	{key: "retention.keep-permanent", msg: "Reglen opbevarer sagen uden slutdato."},
	{key: "retention.no-rule", msg: "Ingen bevarings- og kassationsregel dækker sagen. Den må ikke kasseres, før en regel tillader det. Tag stilling til, hvilken regel der gælder."},
	{key: "retention.kle-withdrawn", msg: "KLE-emnet har bevaringskoden »tom« (udgået før 2007 uden bevaringskode). Tag stilling til, om sagen skal bevares eller kasseres."},
	{key: "retention.no-period", msg: "Reglen tillader kassation, men fastsætter ingen frist. Vurder, om der stadig er juridisk eller administrativt behov for sagen."},
	{key: "retention.hold", msg: "Opbevaringsperioden udløb den %[1]s, men sagen skal bevares på grund af et retskrav og må ikke slettes, før det er afklaret."},
	{key: "retention.precedent", msg: "Sagen er en præcedenssag og må aldrig kasseres."},
	{key: "retention.archive-minimum", msg: "Sletningsfristen på %[1]s ville udløbe den %[2]s, men kassation er først tilladt efter den %[3]s."},
	{key: "retention.year-end", msg: "Kassationsfristen regnes fra udgangen af det år, sagen blev afsluttet: %[1]s."},
	{key: "retention.erasure-due", msg: "Ingen arkivpligt er til hinder for sletning. Sagen skal slettes, medmindre en anden undtagelse i artikel 17, stk. 3, finder anvendelse."},
	{key: "retention.erasure-refused", msg: "Anmodningen om sletning afvises, fordi sagen skal opbevares efter arkivlovgivningen."},
	{key: "retention.erasure-refused-hold", msg: "Anmodningen om sletning afvises, fordi oplysningerne er nødvendige, for at retskrav kan fastlægges, gøres gældende eller forsvares."},
	{key: "retention.restriction", msg: "Den registrerede tilbydes i stedet begrænsning af behandlingen."},

	{key: "retention.report.title", msg: "Oversigt over bevaring og kassation pr. %[1]s"},
	{key: "retention.report.summary", one: "%[1]d sag: %[2]d opbevares, %[3]d skal slettes, %[4]d skal afleveres til arkiv, %[5]d skal vurderes på ny.", msg: "%[1]d sager: %[2]d opbevares, %[3]d skal slettes, %[4]d skal afleveres til arkiv, %[5]d skal vurderes på ny."},
	{key: "retention.report.record", msg: "Sag %[1]s, %[2]s: %[3]s"},
	{key: "retention.report.record-no-class", msg: "Sag %[1]s"},
	{key: "retention.erasure.title", msg: "Anmodning om sletning af sag %[1]s, %[2]s"},
}
