// Package dpo keeps the data protection officer's work as the record a
// kommune needs to demonstrate it (Art 5(2), Art 24 GDPR): the Art 39 tasks
// as a log (advice given and on what, advice on DPIAs, monitoring, awareness
// work, inquiries from citizens, cooperation and contact with Datatilsynet),
// the Art 38 conditions of the DPO's position (involvement in good time,
// resources, independence, no conflict of interests, reporting to the highest
// management level, contact details published and communicated to
// Datatilsynet), and the yearly report the DPO gives the kommune's
// management.
//
// Where the GDPR is silent the Article 29 Working Party's Guidelines on Data
// Protection Officers (WP243 rev.01, endorsed by the EDPB on 25 May 2018) are
// cited: the controller should document its reasons when it does not follow
// the DPO's advice (section 3.1), and the DPIA documentation should justify
// in writing why the DPO's advice on a DPIA was not followed (section 4.2).
//
// A log entry says what a piece of work concerned in a few words of the
// DPO's own; it is not the place for a citizen's name or number, and
// [Entry.Validate] rejects a topic that holds a CPR number or a fødselsnummer.
// Findings and the report count and cite; they never repeat a topic.
package dpo
