package i18n

// dpiaEN holds the dpia messages in English.
var dpiaEN = []entry{}
