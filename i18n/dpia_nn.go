package i18n

// dpiaNN holds the dpia messages in Norwegian nynorsk.
var dpiaNN = []entry{}
