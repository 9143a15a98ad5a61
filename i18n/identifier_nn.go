package i18n

// identifierNN holds the identifier messages in nn.
var identifierNN = []entry{
	{key: "compliance.sex.female", msg: "kvinne"},
	{key: "compliance.sex.male", msg: "mann"},
	// Skatteetaten's nynorsk pages use the same terms as bokmål.
	{key: "compliance.fnr-kind.birth-number", msg: "fødselsnummer"},
	{key: "compliance.fnr-kind.d-number", msg: "d-nummer"},
	{key: "compliance.fnr-kind.h-number", msg: "h-nummer"},
}
