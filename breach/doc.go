// Package breach is a kommune's register of personal data breaches: it
// records incidents as Art 33(5) GDPR asks, scores their severity with
// ENISA's methodology, decides whether Datatilsynet must be notified (Art
// 33(1)) and the data subjects told (Art 34), counts the 72 hours, and
// writes the notice to Datatilsynet and the letter to the data subjects.
//
// The legal basis is Regulation (EU) 2016/679, Articles 4(12), 33 and 34,
// with Recitals 75 and 85 to 88, read with WP29's Guidelines on personal
// data breach notification (WP250 rev.01, now EDPB Guidelines 9/2022) and
// EDPB Guidelines 01/2021 on examples regarding personal data breach
// notification; the severity methodology is ENISA's (2013). Denmark and
// Norway apply the same articles (in Norway through personopplysningsloven
// § 1); each country's Datatilsynet has its own notification form, and
// [AuthorityNotice] follows it.
//
// # The register
//
// A [Breach] holds what a kommune records: the department and the Art 30
// activity it concerns; who reported it (staff, a citizen, a processor), when it occurred, was discovered, when the kommune
// became aware (the start of the 72 hours) and when it was contained; its
// [Nature] (confidentiality, integrity, availability); its [Cause] and
// whether it was malicious; the categories of data and of data subjects
// and their approximate numbers; encryption, backup and restore; who
// received the data; the measures taken and proposed (free text, never
// logged); and the notifications made. An incident can be classified
// [NotABreach] and stays in the register. A [Register] keeps breaches in a
// host's [Store] and answers what is due across the register
// ([Register.Due]) and the committee's figures ([Register.Year]).
//
// # Severity and decisions
//
// A [Policy] judges the risk on the factors of WP250 rev.01 (section IV.B)
// and EDPB Guidelines 01/2021, each an explicit input with a documented
// default: the type of breach ([Breach.Nature]); the nature, sensitivity
// and volume of the data ([Breach.Data], ENISA's [Adjustment]s); ease of
// identification ([Factors.Identifiability]); the number of people
// ([Breach.SubjectCount], with thresholds that are policy: ManyFrom 100,
// MassFrom 10,000); children and vulnerable persons ([Breach.Subjects]);
// protected names and addresses, credentials and payment data, and the
// caseworker's judgement of the likelihood, gravity and permanence of the
// consequences ([RiskFactors]); deliberate exfiltration by an insider
// ([Breach.Cause] and [Breach.Malicious]); how long data were unavailable
// and what depended on them ([Breach.Restored], [Breach.Impact]; OutageFrom
// 24 hours); and the special characteristics of the controller (a public
// authority by default, [Policy].PrivateController). Facts that neutralise
// a dimension (encryption, a trusted recipient, a quick restore) come
// first; ENISA's severity ([SeverityInput.Severity], SE = DPC × EI + CB in
// exact decimal, computed by one formula) is reported and is one input;
// floors raise the risk, each with a finding citing its source. The burden
// is the controller's: a breach that would be unlikely to result in a risk
// but lacks a fact needed to show it is notifiable, with a finding naming
// the missing [Fact] (Art 33(1), Recital 85).
//
// [Policy.Assess] returns the [Assessment]: the risk, whether to notify
// Datatilsynet, how to tell the data subjects (directly, publicly under Art
// 34(3)(c), or not — with the exemption of Art 34(3)(a) or (b), or a
// national restriction: databeskyttelsesloven § 22 in Denmark; in Norway
// none was found, so [Policy].NorwegianWithholding decides), the deadline
// and the instant the clock runs from, and the duties still open.
// Datatilsynet DK's rule that the data subjects are told when consequences
// are certain or almost certain, and when they are very serious however
// unlikely, is a pair of floors (CertainFloor, VerySeriousFloor).
// [Policy.Decide] gives the same without the findings, for going through a
// whole register.
//
// # Reports and export
//
// [Register.Report] gives the committee's yearly figures against earlier
// years — registered, breaches, not breaches, notified, notified late,
// communicated, by cause, by department and by Art 30 activity — as a
// document, a table and a deterministic SVG chart ([Report]).
// [Register.Export] gives the Art 33(5) register as JSON, a table for CSV
// and a document ([Export]).
//
// # Hardening
//
// [Decode] reads at most [MaxDocument] bytes, bounds every list and the
// digits of every decimal, and rejects unknown and repeated members;
// instants outside the calendar's years (1583–9999) are rejected by
// [Breach.Validate]; [Register.Due] skips a bad stored record and names it
// in a [*BadRecordsError]; caseworker text never reaches fmt, slog or an
// error ([Account.Format], [Adjustment.Format], [Factors.LogValue]).
//
// # Deadlines
//
// Datatilsynet is notified within 72 hours of awareness: elapsed time,
// never extended by weekends or holidays, correct across daylight saving
// time, counted by a [compliance.Calendar] (whose HourCount option gives
// the strict reading of Reg 1182/71). A later notification needs reasons
// for the delay; phased notification follows Art 33(4); a processor's
// notice is measured against the hours its agreement allows.
package breach
