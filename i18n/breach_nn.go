package i18n

// breachNN holds the breach messages in Norwegian nynorsk.
var breachNN = []entry{}
