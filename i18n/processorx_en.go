package i18n

// processorxEN holds the processor messages added in rule set 2, in English
// (the i18n transition rule: new messages go in new files).
var processorxEN = []entry{
	{key: "processor.registry-not-loaded", msg: "The register of processors has not been loaded yet, so it cannot be said whether the processor is in it."},
	{key: "processor.scheme.kitos", msg: "KITOS"},
	{key: "processor.scheme.local", msg: "the kommune's own system"},
	{key: "processor.scheme.os2compliance", msg: "OS2compliance"},
}
