// Package notice keeps a kommune's privacy notices — one per area of the
// kommune's work (employees, school and childcare, social services, health
// and care, …) — and checks them against the records of processing they
// describe. The GDPR requires the information of Art 13 (data collected
// from the person) and Art 14 (data obtained from others) in a concise,
// transparent, intelligible and easily accessible form, in clear and plain
// language (Art 12(1)); the Article 29 Working Party's Guidelines on
// transparency (WP260 rev.01, endorsed by the EDPB) say how.
//
// A [Notice] records which Art 13 and 14 items its text contains as a
// checklist ([Items]) and which activities of package record it covers.
// [Check] finds the controller's activities no notice covers, notices that
// lack an item the law requires of them (the conditional items — consent,
// legitimate interests, transfers, the source, automated decisions — follow
// from the covered activities and the notice's own facts), and notices
// older than a change to an activity they describe. [Render] writes a notice
// as a citizen reads it, from the records, in Danish, bokmål, nynorsk or
// English through package i18n.
//
// The package keeps no text of its own about citizens: a notice is about
// processing, not people.
package notice
