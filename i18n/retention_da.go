package i18n

// retentionDA holds the retention messages in Danish.
var retentionDA = []entry{}
