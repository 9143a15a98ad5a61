package i18n

// dpiaNB holds the dpia messages in Norwegian bokmål.
var dpiaNB = []entry{}
