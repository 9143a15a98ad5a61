package i18n

// dpiaDA holds the dpia messages in Danish.
var dpiaDA = []entry{}
