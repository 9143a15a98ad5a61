package i18n

// processorxNN holds the processor messages added in rule set 2, in Norwegian Nynorsk
// (the i18n transition rule: new messages go in new files).
var processorxNN = []entry{
	{key: "processor.registry-not-loaded", msg: "Oversikta over databehandlarar er ikkje lasta inn enno, så det kan ikkje avgjerast om databehandlaren finst i ho."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunen sitt eige system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
}
