package i18n

// breachDA holds the breach messages in Danish.
var breachDA = []entry{}
