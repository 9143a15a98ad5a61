package i18n

// processorEN holds the processor messages in English.
var processorEN = []entry{}
