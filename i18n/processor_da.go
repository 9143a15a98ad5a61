package i18n

// processorDA holds the processor messages in Danish.
var processorDA = []entry{}
