package i18n

// processorxNB holds the processor messages added in rule set 2, in Norwegian Bokmål
// (the i18n transition rule: new messages go in new files).
var processorxNB = []entry{
	{key: "processor.registry-not-loaded", msg: "Oversikten over databehandlere er ikke lastet inn ennå, så det kan ikke avgjøres om databehandleren finnes i den."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunens eget system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
}
