package i18n

// breachNB holds the breach messages in Norwegian bokmål.
var breachNB = []entry{}
