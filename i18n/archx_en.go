package i18n

// archxEN holds the messages of the vocabulary compliance took over from
// records and retention, in English: the classification schemes
// (compliance.Scheme), with the texts package retention used.
var archxEN = []entry{
	{key: "compliance.scheme.kle", msg: "KLE"},
	{key: "compliance.scheme.noark", msg: "Noark 5"},
	{key: "compliance.scheme.custom", msg: "own rule"},
}
