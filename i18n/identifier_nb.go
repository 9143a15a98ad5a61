package i18n

// identifierNB holds the identifier messages in nb.
var identifierNB = []entry{
	{key: "compliance.sex.female", msg: "kvinne"},
	{key: "compliance.sex.male", msg: "mann"},
	// Skatteetaten's terms, written in lower case in running text.
	{key: "compliance.fnr-kind.birth-number", msg: "fødselsnummer"},
	{key: "compliance.fnr-kind.d-number", msg: "d-nummer"},
	{key: "compliance.fnr-kind.h-number", msg: "h-nummer"},
}
