package i18n

// retentionNB holds the retention messages in Norwegian bokmål.
var retentionNB = []entry{}
