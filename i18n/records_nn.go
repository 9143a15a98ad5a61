package i18n

// recordsNN holds the records messages in Norwegian nynorsk.
var recordsNN = []entry{}
