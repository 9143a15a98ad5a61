package i18n

// processorxEN holds the processor messages added in rule set 2, in English
// (the i18n transition rule: new messages go in new files).
var processorxEN = []entry{
	{key: "processor.agreement-oral", msg: "The data processing agreement with %[1]s was only agreed orally. A data processing agreement must be in writing, including in electronic form."},
	{key: "processor.body.kl", msg: "KL (Local Government Denmark)"},
	{key: "processor.body.kombit", msg: "KOMBIT"},
	{key: "processor.body.ks", msg: "KS (the Norwegian association of local and regional authorities)"},
	{key: "processor.body.other", msg: "another purchasing body"},
	{key: "processor.form.accepted-terms", msg: "the processor's standard terms, accepted by the kommune"},
	{key: "processor.form.framework", msg: "a framework agreement concluded on the kommune's behalf, which the kommune joined"},
	{key: "processor.form.oral", msg: "orally only"},
	{key: "processor.form.signed", msg: "signed by both parties"},
	{key: "processor.purpose-outside", msg: "The data processing agreement does not cover the purpose “%[1]s”. It covers: %[2]s."},
	{key: "processor.registry-not-loaded", msg: "The register of processors has not been loaded yet, so it cannot be said whether the processor is in it."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "the kommune's own system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
	{key: "processor.tia-contradicted", msg: "The transfer impact assessment of %[1]s concludes “%[2]s”, but the recorded facts contradict it: the recipient in %[3]s can access the data in the clear (%[4]s) and is subject to laws that give public authorities access beyond what is necessary and proportionate. That is %[5]s, for which the EDPB finds no effective measure. The facts prevail over the assessment, and the transfer must not take place."},
	{key: "processor.tia-contradicted-keys", msg: "The transfer impact assessment of %[1]s concludes “%[2]s”, but the recorded facts contradict it: the data in %[3]s are encrypted, but the provider holds the keys, so the recipient can access them in the clear (%[4]s), and the recipient is subject to laws that give public authorities access beyond what is necessary and proportionate. That is %[5]s, for which the EDPB finds no effective measure. The facts prevail over the assessment, and the transfer must not take place."},
}
