package i18n

// retentionNN holds the retention messages in Norwegian nynorsk.
var retentionNN = []entry{}
