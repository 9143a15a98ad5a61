package i18n

// processorNB holds the processor messages in Norwegian bokmål.
var processorNB = []entry{}
