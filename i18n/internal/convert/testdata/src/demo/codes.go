package demo

// CodeLate: "notified %[1]s, %[2]s late" (notified, delay). See Art 33(1).
const CodeLate = "demox.late"
