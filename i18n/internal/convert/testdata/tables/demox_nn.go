package i18n

// demoxNN holds new demo messages.
var demoxNN = []entry{
	// A comment on the late message.
	{key: "demox.late", msg: "Meldt %[1]s, %[2]s for seint."},
	{key: "demox.days", msg: "%[1]d dagar", one: "%[1]d dag"},
}
