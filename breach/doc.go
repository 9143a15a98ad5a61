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
// A [Breach] holds what a kommune records: who reported it (staff, a
// citizen, a processor), when it occurred, was discovered, when the kommune
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
// [SeverityInput.Severity] computes ENISA's SE = DPC × EI + CB exactly. A
// [Policy] turns the facts and the severity into a [Risk]: the default
// reproduces the EDPB's conclusions in its published cases and raises the
// risk for special categories, children and other vulnerable persons, and
// services delayed; everything it decides is explained by findings that
// cite their sources. [Policy.Assess] returns the [Assessment]: the risk,
// whether to notify Datatilsynet, how to tell the data subjects (directly,
// publicly under Art 34(3)(c), or not — with the exemption of Art 34(3)(a)
// or (b) that applies), the deadline and the duties still open;
// [Policy.Decide] gives the same without the findings, for going through a
// whole register.
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
