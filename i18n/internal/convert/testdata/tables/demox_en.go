package i18n

// demoxEN holds new demo messages.
var demoxEN = []entry{
	// A comment on the late message.
	{key: "demox.late", msg: "Notified %[1]s, %[2]s late."},
	{key: "demox.days", msg: "%[1]d days", one: "%[1]d day"},
}
