package i18n

// processorxNB holds the processor messages added in rule set 2, in Norwegian Bokmål
// (the i18n transition rule: new messages go in new files).
var processorxNB = []entry{
	{key: "processor.agreement-oral", msg: "Databehandleravtalen med %[1]s er bare inngått muntlig. En databehandleravtale skal foreligge skriftlig, også elektronisk."},
	{key: "processor.body.kl", msg: "KL"},
	{key: "processor.body.kombit", msg: "KOMBIT"},
	{key: "processor.body.ks", msg: "KS"},
	{key: "processor.body.other", msg: "en annen innkjøpsorganisasjon"},
	{key: "processor.form.accepted-terms", msg: "databehandlerens standardvilkår, akseptert av kommunen"},
	{key: "processor.form.framework", msg: "rammeavtale inngått på kommunens vegne, som kommunen har sluttet seg til"},
	{key: "processor.form.oral", msg: "bare muntlig"},
	{key: "processor.form.signed", msg: "signert av begge parter"},
	{key: "processor.purpose-outside", msg: "Databehandleravtalen omfatter ikke formålet «%[1]s». Den omfatter: %[2]s."},
	{key: "processor.registry-not-loaded", msg: "Oversikten over databehandlere er ikke lastet inn ennå, så det kan ikke avgjøres om databehandleren finnes i den."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunens eget system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
	{key: "processor.tia-contradicted", msg: "Overføringsvurderingen (TIA) av %[1]s konkluderer med «%[2]s», men de registrerte faktaene motsier den: mottakeren i %[3]s kan få tilgang til opplysningene i klartekst (%[4]s) og er underlagt lovgivning som gir myndighetene tilgang utover det som er nødvendig og forholdsmessig. Det er %[5]s, der EDPB ikke finner noe effektivt tiltak. Faktaene går foran vurderingen, og overføringen kan ikke skje."},
	{key: "processor.tia-contradicted-keys", msg: "Overføringsvurderingen (TIA) av %[1]s konkluderer med «%[2]s», men de registrerte faktaene motsier den: opplysningene i %[3]s er kryptert, men leverandøren har nøklene, så mottakeren kan få tilgang til dem i klartekst (%[4]s), og mottakeren er underlagt lovgivning som gir myndighetene tilgang utover det som er nødvendig og forholdsmessig. Det er %[5]s, der EDPB ikke finner noe effektivt tiltak. Faktaene går foran vurderingen, og overføringen kan ikke skje."},
}
