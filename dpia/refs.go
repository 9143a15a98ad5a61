package dpia

import "github.com/tillid/tillid/compliance"

// The documents this package cites, besides the GDPR.
const (
	// wp248 is the Article 29 Working Party's Guidelines on Data Protection
	// Impact Assessment (DPIA) and determining whether processing is "likely
	// to result in a high risk", WP248 rev.01, adopted 4 April 2017 and
	// revised 4 October 2017, endorsed by the EDPB on 25 May 2018
	// (https://ec.europa.eu/newsroom/article29/items/611236).
	wp248 = "WP248 rev.01"
	// noList is the Norwegian Datatilsynet's decision of 16.03.2019, ref.
	// 18/03670/MLS, "List of processing operations subject to the
	// requirement of a data protection impact assessment" under Art 35(4).
	noList = "DPIA-liste 18/03670/MLS"
	// dkList is the Danish Datatilsynet's list under Art 35(4), final
	// version published 28 January 2019 ("Se listen: Hvornår skal der laves
	// konsekvensanalyse?",
	// https://www.datatilsynet.dk/presse-og-nyheder/nyhedsarkiv/2019/jan/se-listen-hvornaar-skal-der-laves-konsekvensanalyse ).
	dkList = "konsekvensanalyseliste 28.01.2019"
)

// References the rules cite. They are package-level values so that rules do
// not build them per call; findings share these slices and treat them as
// read-only.
var (
	refArt35_1  = compliance.GDPR(35, 1, "")
	refArt35_2  = compliance.GDPR(35, 2, "")
	refArt35_3a = compliance.GDPR(35, 3, "a")
	refArt35_3b = compliance.GDPR(35, 3, "b")
	refArt35_3c = compliance.GDPR(35, 3, "c")
	refArt35_4  = compliance.GDPR(35, 4, "")
	refArt35_5  = compliance.GDPR(35, 5, "")
	refArt35_7a = compliance.GDPR(35, 7, "a")
	refArt35_7b = compliance.GDPR(35, 7, "b")
	refArt35_7c = compliance.GDPR(35, 7, "c")
	refArt35_7d = compliance.GDPR(35, 7, "d")
	refArt35_9  = compliance.GDPR(35, 9, "")
	refArt35_10 = compliance.GDPR(35, 10, "")
	refArt35_11 = compliance.GDPR(35, 11, "")
	refArt36_1  = compliance.GDPR(36, 1, "")
	refArt36_2  = compliance.GDPR(36, 2, "")
	refArt9_1   = compliance.GDPR(9, 1, "")
	refArt10    = compliance.GDPR(10, 0, "")
	refArt22_1  = compliance.GDPR(22, 1, "")
	refArt6_1f  = compliance.GDPR(6, 1, "f")
	refRec71    = compliance.Recital(71)
	refRec75    = compliance.Recital(75)
	refRec89    = compliance.Recital(89)
	refRec90    = compliance.Recital(90)
	refRec91    = compliance.Recital(91)
	refRec171   = compliance.Recital(171)

	refWP248Criteria = compliance.Guidance(compliance.WP29, wp248, "III.B.a")
	refWP248Exempt   = compliance.Guidance(compliance.WP29, wp248, "III.B.b")
	refWP248Existing = compliance.Guidance(compliance.WP29, wp248, "III.C")
	refWP248Who      = compliance.Guidance(compliance.WP29, wp248, "III.D.b")
	refWP248Method   = compliance.Guidance(compliance.WP29, wp248, "III.D.c")
	refWP248Consult  = compliance.Guidance(compliance.WP29, wp248, "III.E")
	refWP248Annex2   = compliance.Guidance(compliance.WP29, wp248, "Annex-2")

	refDKList = compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: dkList}
)

// noItemRef returns the reference to item n (1 to 14, in the order of the
// decision) of the Norwegian list.
func noItemRef(n int) compliance.Ref {
	return compliance.Ref{Instrument: compliance.NODatatilsynet, Doc: noList, Para: itoa(n)}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// Reference lists shared by findings (Refs are immutable).
var (
	refsLargeScale    = compliance.RefsOf(refWP248Criteria, refRec91)
	refsProfessional  = compliance.RefsOf(refRec91, refWP248Criteria)
	refsPresumption   = compliance.RefsOf(refWP248Criteria)
	refsReasons       = compliance.RefsOf(refWP248Criteria, refArt35_2)
	refsSimilar       = compliance.RefsOf(refArt35_1, refWP248Exempt)
	refsLegislative   = compliance.RefsOf(refArt35_10, refWP248Exempt)
	refsPriorChecked  = compliance.RefsOf(refRec171, refWP248Existing)
	refsExemptList    = compliance.RefsOf(refArt35_5, refWP248Exempt)
	refsSituation     = [...]compliance.Refs{Profiling: compliance.RefsOf(refArt35_3a), SpecialLargeScale: compliance.RefsOf(refArt35_3b, refArt9_1, refArt10), PublicMonitoring: compliance.RefsOf(refArt35_3c)}
	refsCriterion     = [...]compliance.Refs{Evaluation: compliance.RefsOf(refWP248Criteria, refRec71, refRec91), AutomatedDecision: compliance.RefsOf(refWP248Criteria, refArt35_3a, refArt22_1), SystematicMonitoring: compliance.RefsOf(refWP248Criteria, refArt35_3c), SensitiveData: compliance.RefsOf(refWP248Criteria, refArt9_1, refArt10), LargeScale: compliance.RefsOf(refWP248Criteria, refRec91), Matching: compliance.RefsOf(refWP248Criteria), VulnerableSubjects: compliance.RefsOf(refWP248Criteria, refRec75), InnovativeUse: compliance.RefsOf(refWP248Criteria, refArt35_1, refRec89, refRec91), PreventsRights: compliance.RefsOf(refWP248Criteria, refArt22_1, refRec91)}
	refsDKListItem    = compliance.RefsOf(refDKList, refArt35_4)
	refsDKUnconfirmed = compliance.RefsOf(refDKList, refArt35_4)

	refsDescription = compliance.RefsOf(refArt35_7a, refWP248Annex2)
	refsAnnex2      = compliance.RefsOf(refWP248Annex2, refArt35_7a)
	refsLegitimate  = compliance.RefsOf(refArt35_7a, refArt6_1f)
	refsNecessity   = compliance.RefsOf(refArt35_7b, refWP248Annex2)
	// refCNIL cites the method of the risk register: the three risks, the
	// four-step scales of likelihood and severity and the risk map come
	// from the CNIL's PIA methodology (February 2018 edition), which WP248
	// rev.01 Annex 1 lists among the EU generic frameworks.
	refCNIL         = compliance.Ref{Instrument: compliance.OtherAuthority, Doc: "CNIL: PIA Methodology (2018)"}
	refsRisks       = compliance.RefsOf(refArt35_7c, refWP248Annex2, refRec90, refCNIL)
	refsMeasures    = compliance.RefsOf(refArt35_7d, refWP248Annex2)
	refsDPO         = compliance.RefsOf(refArt35_2, refWP248Who)
	refsViews       = compliance.RefsOf(refArt35_9, refWP248Who)
	refsConsult     = compliance.RefsOf(refArt36_1, refWP248Consult)
	refsConsultTime = compliance.RefsOf(refArt36_2)
	refsReview      = compliance.RefsOf(refArt35_11, refWP248Existing)
	refsPeriodic    = compliance.RefsOf(refWP248Existing, refWP248Method)
)
