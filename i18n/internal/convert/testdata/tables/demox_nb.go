package i18n

// demoxNB holds new demo messages.
var demoxNB = []entry{
	// A comment on the late message.
	{key: "demox.late", msg: "Meldt %[1]s, %[2]s for sent."},
	{key: "demox.days", msg: "%[1]d dager", one: "%[1]d dag"},
}
