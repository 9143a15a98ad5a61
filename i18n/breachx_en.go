package i18n

// breachxEN holds the breach messages in English added in issue 13:
// the factors of risk, the committee's statistics and chart, the register
// export and the plain-language letter (the i18n transition rule keeps
// them out of breach_en.go).
var breachxEN = []entry{
	{key: "breach.likelihood.remote", msg: "Remote"},
	{key: "breach.likelihood.possible", msg: "Possible"},
	{key: "breach.likelihood.probable", msg: "Probable"},
	{key: "breach.likelihood.certain", msg: "Certain or almost certain"},
	{key: "breach.gravity.slight", msg: "Slight inconvenience"},
	{key: "breach.gravity.substantial", msg: "Substantial inconvenience"},
	{key: "breach.gravity.serious", msg: "Serious consequences"},
	{key: "breach.gravity.very-serious", msg: "Very serious consequences"},
	{key: "breach.withholding.private-interests", msg: "Decisive private interests"},
	{key: "breach.withholding.public-interests", msg: "Decisive public interests"},
	{key: "breach.fact.nature", msg: "the type of breach (confidentiality, integrity, availability)"},
	{key: "breach.fact.subject-count", msg: "the number of people affected"},
	{key: "breach.fact.recipients", msg: "who received or could reach the data"},
	{key: "breach.fact.backup", msg: "whether the data can be restored"},
	{key: "breach.fact.impact", msg: "what depended on the data while they were unavailable"},
	{key: "breach.fact.restored", msg: "when the data were restored"},
	{key: "breach.exemption.withheld", msg: "The data subject's interest must yield to decisive private or public interests under national law"},
	{key: "breach.public-authority", msg: "The kommune is a public authority holding confidential data (%[1]s) about citizens who cannot opt out; this raises the risk."},
	{key: "breach.identity-theft", msg: "The breach includes identifiers that open the door to identity theft or fraud: a national identification number with a name, credentials or payment data; this raises the risk."},
	{key: "breach.identity-theft-wide", msg: "Identifiers that open the door to identity theft or fraud reached unknown recipients, were published or concern many people (%[1]d); this is a high risk."},
	{key: "breach.many-people", msg: "The breach concerns %[1]d people; the policy's threshold is %[2]d; this raises the risk.", one: "The breach concerns %[1]d person; the policy's threshold is %[2]d; this raises the risk."},
	{key: "breach.mass-exposure", msg: "Identifying data of %[1]d people were lost to unknown recipients; the policy's threshold is %[2]d; this is a high risk.", one: "Identifying data of %[1]d person were lost to unknown recipients; the policy's threshold is %[2]d; this is a high risk."},
	{key: "breach.protected-address", msg: "The breach disclosed, or may have disclosed, a protected name and address; the possible consequences are very serious, and the data subjects are to be told."},
	{key: "breach.insider", msg: "An insider deliberately took or disclosed the data; this raises the risk."},
	{key: "breach.outage", msg: "The data were unavailable for %[1]s; the policy's threshold is %[2]s; this raises the risk."},
	{key: "breach.data-lost", msg: "The data cannot be restored (no backup); this raises the risk."},
	{key: "breach.consequences-certain", msg: "The breach is certain or almost certain to have consequences for the data subjects; they are to be told."},
	{key: "breach.consequences-very-serious", msg: "The possible consequences are very serious, however small their probability; the data subjects are to be told."},
	{key: "breach.consequences-serious", msg: "The possible consequences are serious; this raises the risk."},
	{key: "breach.irreversible", msg: "The consequences cannot be undone; this raises the risk."},
	{key: "breach.fact-missing", msg: "Not recorded: %[1]s. The kommune must be able to show that the breach is unlikely to result in a risk; without this fact the breach is to be notified to Datatilsynet."},
	{key: "breach.withheld", msg: "The data subjects are not told: %[1]s."},
	{key: "breach.withholding-not-applied", msg: "A ground for withholding (%[1]s) is recorded, but no provision of this jurisdiction applies it in the policy; the data subjects are still to be told."},
}
