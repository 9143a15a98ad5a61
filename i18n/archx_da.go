package i18n

// archxDA holds the messages of the vocabulary compliance took over from
// records and retention, in Danish: the classification schemes
// (compliance.Scheme), with the texts package retention used.
var archxDA = []entry{
	{key: "compliance.scheme.kle", msg: "KLE"},
	{key: "compliance.scheme.noark", msg: "Noark 5"},
	{key: "compliance.scheme.custom", msg: "egen regel"},
}
