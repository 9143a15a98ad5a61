package i18n

// recordsEN holds the records messages in English.
var recordsEN = []entry{}
