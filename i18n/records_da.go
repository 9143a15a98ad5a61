package i18n

// recordsDA holds the records messages in Danish.
var recordsDA = []entry{}
