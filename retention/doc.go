// Package retention decides how long a kommune keeps its cases and what
// happens to them then: deleted (kassation, kassasjon), transferred to the
// public archive, re-assessed, or kept. It reads the retention rules of the
// classification schemes the kommuner use — KLE in Denmark, Noark 5 in
// Norway — and custom rules with their own legal references, counts their
// periods with the time limits of package compliance, and answers requests
// for erasure against the duty to keep archives.
//
// # Legal basis
//
// Personal data may be kept in identifiable form no longer than necessary
// for the purposes (storage limitation, Art 5(1)(e) GDPR), and a data
// subject may have them erased when they are no longer necessary
// (Art 17(1)(a)). Neither applies where keeping them is a legal obligation
// or a public task (Art 17(3)(b)), or is archiving in the public interest
// (Art 5(1)(e), 17(3)(d), 89(1)). Public authorities must keep their
// records and may discard them only under rules set by the archives
// authority: in Denmark arkivloven § 10, stk. 2 and arkivbekendtgørelsen
// § 5, stk. 2, with the municipal bevarings- og kassationsbestemmelser
// (Højesteret, 18 April 2024, BS-49623/2023-HJR: no right to have archived
// records destroyed); in Norway arkivlova (LOV-1992-12-04-126 §§ 6, 9 and
// 9 c until 31 December 2025; LOV-2025-06-20-96 §§ 5, 12 and 13 from
// 1 January 2026) with the kommunale bevarings- og kassasjonsbestemmelser in
// chapter 7 of riksarkivarens forskrift, and Noark 5's rules for
// kassasjonsvedtak (Personvernnemnda PVN-2018-13: erasure refused, restriction
// offered). Decisions cite the act in force at their instant.
//
// # Rules and records
//
// A [Rule] covers one classification code: a KLE number with its bevaring
// code (K, K5, K10, B, tom) and deletion period, a Noark class with its
// kassasjonsvedtak (M450), bevaringstid (M451) and kassasjonshjemmel
// (M453), or a custom key with a disposition, a period, a [Trigger] and its
// legal references. A [Plan] keeps a controller's rules in a [Store];
// [Compile] (or [Plan.Schedule]) turns them into an immutable [Schedule].
//
// A [Record] is a plain value: the case's classification, the dates its
// periods count from (the closing of the case, the last activity, the end
// of an employment or of a financial year, a child's coming of age), Noark
// metadata set on the case itself, a precedent flag and a legal hold.
// [Schedule.Decide] gives a [Decision]: the disposition now, the final
// disposition of the rule, the due date (the last day of the period), and
// the conclusion with its references; [Decision.Findings] spells it out for
// package i18n. [Schedule.Erasure] answers a request for erasure (Art 17):
// refused under Art 17(3)(b)/(d) with restriction (Art 18) offered when the
// case has an archive duty, refused under Art 17(3)(e) under a legal hold,
// and otherwise due. [Schedule.Sweep] decides a stream of records at one
// instant with constant memory and no allocation per record, counting the
// dispositions in a [Summary]. [Report] and [Erasure.Document] turn
// decisions and answers into documents that package i18n renders in
// Danish, Norwegian (bokmål, nynorsk) or English.
//
// # Counting
//
// Periods are counted by Reg 1182/71 Art 3 with the jurisdiction's calendar
// ([compliance.Calendar.Deadline]) from the trigger's day: five years from a
// case closed on 15 March 2025 end with 15 March 2030, the due date; the
// final disposition is due from the next day, as Noark 5 lets a unit be
// discarded once today's date has passed its bevaringsdato. KLE's
// "P1825D" is 1825 days, which ends on 14 March 2030 across the leap day of
// 2028. The age of a case counts from its closing, never from its creation
// (Danish ombudsman practice; Noark 5). Where the sources do not settle how
// to count — rolling a due date to a working day, counting K5 from the end
// of the closing year, whether K5 and K10 bind — [Policy] makes it a
// documented choice.
package retention
