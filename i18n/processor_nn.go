package i18n

// processorNN holds the processor messages in Norwegian nynorsk.
var processorNN = []entry{}
