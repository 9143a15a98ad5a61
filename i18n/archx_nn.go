package i18n

// archxNN holds the messages of the vocabulary compliance took over from
// records and retention, in Norwegian nynorsk: the classification schemes
// (compliance.Scheme), with the texts package retention used.
var archxNN = []entry{
	{key: "compliance.scheme.kle", msg: "KLE"},
	{key: "compliance.scheme.noark", msg: "Noark 5"},
	{key: "compliance.scheme.custom", msg: "eigen regel"},
}
