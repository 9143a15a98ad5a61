package i18n

// processorxDA holds the processor messages added in rule set 2, in Danish
// (the i18n transition rule: new messages go in new files).
var processorxDA = []entry{
	{key: "processor.registry-not-loaded", msg: "Oversigten over databehandlere er ikke indlæst endnu, så det kan ikke afgøres, om databehandleren findes i den."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "kommunens eget system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
}
