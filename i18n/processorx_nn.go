package i18n

// processorxNN holds the processor messages added in rule set 2, in Norwegian Nynorsk
// (the i18n transition rule: new messages go in new files).
var processorxNN = []entry{
	{key: "processor.agreement-oral", msg: "Databehandlaravtalen med %[1]s er berre inngått munnleg. Ein databehandlaravtale skal liggje føre skriftleg, òg elektronisk."},
	{key: "processor.body.kl", msg: "KL"},
	{key: "processor.body.kombit", msg: "KOMBIT"},
	{key: "processor.body.ks", msg: "KS"},
	{key: "processor.body.other", msg: "ein annan innkjøpsorganisasjon"},
	{key: "processor.form.accepted-terms", msg: "standardvilkåra til databehandlaren, aksepterte av kommunen"},
	{key: "processor.form.framework", msg: "rammeavtale inngått på vegner av kommunen, som kommunen har slutta seg til"},
	{key: "processor.form.oral", msg: "berre munnleg"},
	{key: "processor.form.signed", msg: "signert av begge partar"},
	{key: "processor.purpose-outside", msg: "Databehandlaravtalen omfattar ikkje føremålet «%[1]s». Ho omfattar: %[2]s."},
	{key: "processor.registry-not-loaded", msg: "Oversikta over databehandlarar er ikkje lasta inn enno, så det kan ikkje avgjerast om databehandlaren finst i ho."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunen sitt eige system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
	{key: "processor.tia-contradicted", msg: "Overføringsvurderinga (TIA) av %[1]s konkluderer med «%[2]s», men dei registrerte faktaa motseier henne: mottakaren i %[3]s kan få tilgang til opplysningane i klartekst (%[4]s) og er underlagd lovgjeving som gjev styresmaktene tilgang utover det som er naudsynt og forholdsmessig. Det er %[5]s, der EDPB ikkje finn noko effektivt tiltak. Faktaa går føre vurderinga, og overføringa kan ikkje skje."},
	{key: "processor.tia-contradicted-keys", msg: "Overføringsvurderinga (TIA) av %[1]s konkluderer med «%[2]s», men dei registrerte faktaa motseier henne: opplysningane i %[3]s er krypterte, men leverandøren har nøklane, så mottakaren kan få tilgang til dei i klartekst (%[4]s), og mottakaren er underlagd lovgjeving som gjev styresmaktene tilgang utover det som er naudsynt og forholdsmessig. Det er %[5]s, der EDPB ikkje finn noko effektivt tiltak. Faktaa går føre vurderinga, og overføringa kan ikkje skje."},
}
