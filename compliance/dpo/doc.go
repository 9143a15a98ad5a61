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
// Protection Officers (WP243 rev.01, adopted 13 December 2016, revised 5
// April 2017, endorsed by the EDPB on 25 May 2018) are cited: the controller
// should document its reasons when it does not follow the DPO's advice
// (section 3.1, "Involvement of the DPO in all issues relating to the
// protection of personal data", where WP29 recommends it as good practice),
// and the DPIA documentation should justify in writing why the DPO's advice
// on a DPIA was not taken into account (section 4.2, "Role of the DPO in a
// data protection impact assessment"). Verification: the section numbers and
// titles are confirmed against the guidelines' table of contents (e.g.
// https://winsolv.com/wp29-guidelines-for-dpo-gdpr); the two
// recommendations are paraphrased from the published text and could not be
// matched verbatim in the sources available when this was reviewed — check
// them against the EDPB's copy before quoting them to management.
//
// The mapping of tasks and conditions to the Regulation: Art 37(5)
// expertise; 37(7) contact details published and communicated; 38(1)
// involvement "properly and in a timely manner"; 38(2) resources and access;
// 38(3) no instructions, no dismissal or penalty, direct reporting to the
// highest management level; 38(4) data subjects may contact the DPO; 38(6)
// other tasks without a conflict of interests; 39(1)(a) inform and advise;
// 39(1)(b) monitor compliance, including the assignment of
// responsibilities, awareness-raising and training of staff and the related
// audits; 39(1)(c) advice on DPIAs and monitoring their performance (Art
// 35(2)); 39(1)(d) cooperate with the supervisory authority; 39(1)(e) act
// as its contact point, including on prior consultation (Art 36). Art 38(5)
// (secrecy) is not modelled: it binds the DPO, not the kommune's assessment.
//
// A log entry says what a piece of work concerned in a few words of the
// DPO's own; it is not the place for a citizen's name or number, and
// [Entry.Validate] rejects a topic that holds a CPR number or a fødselsnummer.
// Findings and the report count and cite; they never repeat a topic.
package dpo
