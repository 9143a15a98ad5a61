package i18n

// demoxDA holds new demo messages.
var demoxDA = []entry{
	// A comment on the late message.
	{key: "demox.late", msg: "Anmeldt %[1]s, %[2]s for sent."},
	{key: "demox.days", msg: "%[1]d dage", one: "%[1]d dag"},
}
