package i18n

// identifierEN holds the identifier messages in en.
var identifierEN = []entry{
	// Read as "Sex: female".
	{key: "compliance.sex.female", msg: "female"},
	{key: "compliance.sex.male", msg: "male"},
	// Skatteetaten's and UDI's English terms.
	{key: "compliance.fnr-kind.birth-number", msg: "national identity number"},
	{key: "compliance.fnr-kind.d-number", msg: "D number"},
	{key: "compliance.fnr-kind.h-number", msg: "H number"},
}
