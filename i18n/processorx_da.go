package i18n

// processorxDA holds the processor messages added in rule set 2, in Danish
// (the i18n transition rule: new messages go in new files).
var processorxDA = []entry{
	{key: "processor.agreement-oral", msg: "Databehandleraftalen med %[1]s er kun indgået mundtligt. En databehandleraftale skal foreligge skriftligt, herunder elektronisk."},
	{key: "processor.body.kl", msg: "KL"},
	{key: "processor.body.kombit", msg: "KOMBIT"},
	{key: "processor.body.ks", msg: "KS"},
	{key: "processor.body.other", msg: "en anden indkøbsorganisation"},
	{key: "processor.form.accepted-terms", msg: "databehandlerens standardvilkår, accepteret af kommunen"},
	{key: "processor.form.framework", msg: "rammeaftale indgået på kommunens vegne, som kommunen har tilsluttet sig"},
	{key: "processor.form.oral", msg: "kun mundtligt"},
	{key: "processor.form.signed", msg: "underskrevet af begge parter"},
	{key: "processor.purpose-outside", msg: "Databehandleraftalen omfatter ikke formålet »%[1]s«. Den omfatter: %[2]s."},
	{key: "processor.registry-not-loaded", msg: "Oversigten over databehandlere er ikke indlæst endnu, så det kan ikke afgøres, om databehandleren findes i den."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunens eget system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
	{key: "processor.tia-contradicted", msg: "Vurderingen af overførslens virkning (TIA) af den %[1]s konkluderer »%[2]s«, men de registrerede forhold modsiger den: modtageren i %[3]s kan tilgå oplysningerne i klartekst (%[4]s) og er underlagt lovgivning, der giver myndighederne adgang ud over det nødvendige og forholdsmæssige. Det er %[5]s, hvor EDPB ikke finder nogen effektiv foranstaltning. Forholdene går forud for vurderingen, og overførslen må ikke ske."},
	{key: "processor.tia-contradicted-keys", msg: "Vurderingen af overførslens virkning (TIA) af den %[1]s konkluderer »%[2]s«, men de registrerede forhold modsiger den: oplysningerne i %[3]s er krypteret, men leverandøren har nøglerne, så modtageren kan tilgå dem i klartekst (%[4]s), og modtageren er underlagt lovgivning, der giver myndighederne adgang ud over det nødvendige og forholdsmæssige. Det er %[5]s, hvor EDPB ikke finder nogen effektiv foranstaltning. Forholdene går forud for vurderingen, og overførslen må ikke ske."},
}
