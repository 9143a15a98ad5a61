package i18n

// recordsNB holds the records messages in Norwegian bokmål.
var recordsNB = []entry{}
