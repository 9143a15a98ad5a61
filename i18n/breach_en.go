package i18n

// breachEN holds the breach messages in English.
var breachEN = []entry{}
