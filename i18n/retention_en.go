package i18n

// retentionEN holds the retention messages in English.
var retentionEN = []entry{}
