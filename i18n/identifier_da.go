package i18n

// identifierDA holds the identifier messages in da.
var identifierDA = []entry{
	// Sex, as the CPR number encodes it (CPR-kontoret: "kvinde", "mand").
	{key: "compliance.sex.female", msg: "kvinde"},
	{key: "compliance.sex.male", msg: "mand"},
	// Kinds of Norwegian national identity numbers, by their Norwegian names.
	{key: "compliance.fnr-kind.birth-number", msg: "fødselsnummer"},
	{key: "compliance.fnr-kind.d-number", msg: "D-nummer"},
	{key: "compliance.fnr-kind.h-number", msg: "H-nummer"},
}
