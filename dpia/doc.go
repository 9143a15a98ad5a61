// Package dpia screens processing for the need of a data protection impact
// assessment (DPIA) and keeps the assessments a kommune makes, under Art 35
// and 36 of the GDPR (Regulation (EU) 2016/679), the Article 29 Working
// Party's Guidelines on DPIA (WP248 rev.01, endorsed by the EDPB), and the
// lists of processing that requires a DPIA which the Danish and the
// Norwegian Datatilsynet have published under Art 35(4).
//
// # Screening
//
// [Screen] takes an [Input] describing a processing — the WP248 criteria
// that apply, the factors of large scale, the Art 35(3) situations, the
// items of Datatilsynet's list — and returns a [Screening]: [Required],
// [LikelyRequired], [NotRequired] or [Undetermined], with every criterion,
// situation and list item behind it as a finding citing its source. Two
// criteria are a presumption, not a trigger: Recital 91's individual
// physician or lawyer is not on a large scale, and a kommune may conclude,
// with recorded reasons and the DPO's views, that a processing meeting two
// criteria is not likely to result in a high risk. Thresholds for large
// scale, which neither the GDPR nor WP248 gives, are the kommune's own
// ([Thresholds] in its [Policy]); without them the question stays open and
// the result may be Undetermined.
//
// # Assessments
//
// An [Assessment] holds the content Art 35(7)(a) to (d) requires — the
// systematic description, the necessity and proportionality assessment,
// the risk register of the three risks (illegitimate access, unwanted
// modification, disappearance of data) rated by likelihood and severity
// before and after the measures, and the measures with their status — with
// the DPO's advice (Art 35(2)), the data subjects' views (Art 35(9)), the
// controller's sign-off, the editions over time, and the prior
// consultation of Datatilsynet (Art 36). [Check] reports what is missing,
// the risk levels ([Matrix]), whether Datatilsynet must be consulted and by
// when it answers (eight weeks, extendable by six, counted with
// [compliance.Calendar]), and whether a review is due (Art 35(11)).
// [Review] adds the changes of the processing that call for one.
//
// The [Register] does all of this over a [Store] the host implements;
// package dpiatest has an in-memory Store and the conformance suite for
// host stores. Other packages refer to assessments by [compliance.DPIAID].
//
// Findings are language-neutral; package i18n renders them in Danish,
// Norwegian bokmål and nynorsk, and English.
package dpia
