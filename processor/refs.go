package processor

import "github.com/tillid/tillid/compliance"

// The provisions and guidance the rules of this package cite. They are
// package-level values so that no rule builds a Ref per call.
var (
	refArt5_1b  = compliance.GDPR(5, 1, "b")
	refArt5_2   = compliance.GDPR(5, 2, "")
	refArt6_1   = compliance.GDPR(6, 1, "")
	refArt24_1  = compliance.GDPR(24, 1, "")
	refArt28_1  = compliance.GDPR(28, 1, "")
	refArt28_2  = compliance.GDPR(28, 2, "")
	refArt28_3  = compliance.GDPR(28, 3, "")
	refArt28_3a = compliance.GDPR(28, 3, "a")
	refArt28_3h = compliance.GDPR(28, 3, "h")
	refArt28_4  = compliance.GDPR(28, 4, "")
	refArt28_9  = compliance.GDPR(28, 9, "")
	refArt28_10 = compliance.GDPR(28, 10, "")
	refArt29    = compliance.GDPR(29, 0, "")
	refArt32_1  = compliance.GDPR(32, 1, "")
	refArt33_1  = compliance.GDPR(33, 1, "")
	refArt33_2  = compliance.GDPR(33, 2, "")
	refArt44    = compliance.GDPR(44, 0, "")
	refArt45_1  = compliance.GDPR(45, 1, "")
	refArt45_3  = compliance.GDPR(45, 3, "")
	refArt46_1  = compliance.GDPR(46, 1, "")
	refArt46_2c = compliance.GDPR(46, 2, "c")
	refArt48    = compliance.GDPR(48, 0, "")
	refArt49_1  = compliance.GDPR(49, 1, "")
	refArt49_3  = compliance.GDPR(49, 3, "")

	// The Norwegian personopplysningsloven § 1 gives effect to the GDPR as
	// incorporated in the EEA Agreement; a Commission decision reaches a
	// Norwegian controller through that incorporation.
	refNOPOL1 = compliance.Section(compliance.NOPersonalDataAct, "", "1", 0, "")

	// Schrems II: CJEU, judgment of 16 July 2020, C-311/18,
	// ECLI:EU:C:2020:559.
	refSchremsII = compliance.Ref{Instrument: compliance.CJEU, Doc: "C-311/18"}
	// The pending appeal against the General Court's judgment upholding the
	// EU-US DPF (Latombe, T-553/23), OJ C/2025/6610.
	refLatombeAppeal = compliance.Ref{Instrument: compliance.CJEU, Doc: "C-703/25 P"}

	// Implementing Decision (EU) 2021/914, the standard contractual clauses
	// for transfers; Clause 14 is the assessment of local laws and practices.
	refSCC         = compliance.Ref{Instrument: compliance.EUAct, Doc: "2021/914"}
	refSCCClause14 = compliance.Ref{Instrument: compliance.EUAct, Doc: "2021/914", Clause: "14"}
	// Implementing Decision (EU) 2023/1795, the EU-US Data Privacy Framework.
	refDPF = compliance.Ref{Instrument: compliance.EUAct, Doc: "2023/1795"}

	// EDPB Guidelines 05/2021 on the interplay between Art 3 and Chapter V
	// (v2.0, 14 February 2023): what a transfer is, and the duty to assess
	// third-country law where there is none.
	refGuidelines0521 = compliance.Guidance(compliance.EDPBGuidelines, "05/2021", "")
	// EDPB Guidelines 2/2018 on derogations of Article 49 (25 May 2018),
	// https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-22018-derogations-article-49-under-regulation_en
	refGuidelines0218 = compliance.Guidance(compliance.EDPBGuidelines, "2/2018", "")
	// EDPB Recommendations 01/2020 on supplementary measures (v2.0, 18 June
	// 2021).
	refRecommendations0120 = compliance.Guidance(compliance.EDPBRecommendations, "01/2020", "")
	// EDPB Opinion 22/2024 on processor chains (7 October 2024).
	refOpinion2224 = compliance.Guidance(compliance.EDPBOpinion, "22/2024", "")

	// Danish Datatilsynet, "Vejledning om tilsyn med databehandlere" (29
	// October 2021).
	refDKSupervision = compliance.Guidance(compliance.DKDatatilsynet, "Vejledning om tilsyn med databehandlere", "")
	// Danish Datatilsynet's Chromebook decisions: journal 2020-431-0061
	// (Helsingør, 14 July 2022: support-situation transfers), 2023-431-0001
	// (KL for 53 kommuner, 30 January 2024: disclosure for Google's own
	// purposes) and 2025-431-0053 (51 kommuner, 29 January 2026: the
	// sub-processor chain outside the EU).
	refChromebook2022 = compliance.Guidance(compliance.DKDatatilsynet, "afgørelse af 14. juli 2022, j.nr. 2020-431-0061", "")
	refChromebook2024 = compliance.Guidance(compliance.DKDatatilsynet, "afgørelse af 30. januar 2024, j.nr. 2023-431-0001", "")
	refChromebook2026 = compliance.Guidance(compliance.DKDatatilsynet, "afgørelse af 29. januar 2026, j.nr. 2025-431-0053", "")
	// Danish Datatilsynet, "Spørgsmål og svar om cloud" (with the guidance
	// on cloud of 9 March 2022,
	// https://www.datatilsynet.dk/hvad-siger-reglerne/vejledning/cloud/spoergsmaal-og-svar-om-cloud):
	// "a read access is also processing — and so a transfer"; a provider
	// that can reach the data from a third country, for support or for the
	// maintenance of its own infrastructure, transfers them.
	refDKCloud = compliance.Guidance(compliance.DKDatatilsynet, "Spørgsmål og svar om cloud", "")
)

// useCaseRef returns the reference to use case n of Annex 2 of EDPB
// Recommendations 01/2020.
func useCaseRef(u UseCase) compliance.Ref {
	r := refRecommendations0120
	r.Para = "Annex-2" // the use cases are numbered in Annex 2
	r.Case = string(rune('0' + u))
	return r
}

// Ref returns the provision that requires the clause: a point or the
// first or second subparagraph of Art 28(3), or Art 28(9).
func (c Clause) Ref() compliance.Ref {
	switch {
	case !c.Valid():
		return compliance.Ref{}
	case c == InWriting:
		return refArt28_9
	case c == InfringingInstructions:
		r := refArt28_3
		r.Subparagraph = 2
		return r
	case c >= Instructions:
		return compliance.GDPR(28, 3, string(rune('a'+c-Instructions)))
	}
	r := refArt28_3
	r.Subparagraph = 1
	return r
}

// Ref returns the point of Art 49(1) that states the derogation, or the
// second subparagraph of Art 49(1).
func (d Derogation) Ref() compliance.Ref {
	switch {
	case !d.Valid():
		return compliance.Ref{}
	case d == CompellingInterests:
		r := refArt49_1
		r.Subparagraph = 2
		return r
	}
	return compliance.GDPR(49, 1, string(rune('a'+d-ExplicitConsent)))
}

// Ref returns the provision of Art 46 or 49 that makes the tool a transfer
// tool, or the 2021/914 decision for the standard contractual clauses.
func (t Tool) Ref() compliance.Ref {
	switch t {
	case SCC, SCC2010:
		return refArt46_2c
	case BCR:
		return compliance.GDPR(46, 2, "b")
	case AdHocClauses:
		return compliance.GDPR(46, 3, "a")
	case PublicAuthorityInstrument:
		return compliance.GDPR(46, 2, "a")
	case CodeOfConduct:
		return compliance.GDPR(46, 2, "e")
	case Certification:
		return compliance.GDPR(46, 2, "f")
	case DerogationTool:
		return refArt49_1
	}
	return compliance.Ref{}
}

// Ref returns the use case's place in Annex 2 of EDPB Recommendations
// 01/2020.
func (u UseCase) Ref() compliance.Ref {
	if !u.Valid() {
		return compliance.Ref{}
	}
	return useCaseRef(u)
}

// The reference lists of the findings, shared read-only by every finding
// with the same code.
var (
	refsOwnPurposes      = compliance.RefsOf(refArt28_10, refArt6_1, refChromebook2024)
	refsSupervision      = compliance.RefsOf(refArt28_1, refArt28_3h, refArt5_2, refArt24_1, refDKSupervision)
	refsConcept          = compliance.RefsOf(refDKSupervision, refArt24_1)
	refsNoAgreement      = compliance.RefsOf(refArt28_3, refArt28_9)
	refsUnsigned         = compliance.RefsOf(refArt28_9, refArt28_3)
	refsInstructions     = compliance.RefsOf(refArt28_3a)
	refsBreachNotice     = compliance.RefsOf(refArt33_2)
	refsBreachNoticeLate = compliance.RefsOf(refArt33_2, refArt33_1)
	refsSubApproval      = compliance.RefsOf(refArt28_2)
	refsIdentity         = compliance.RefsOf(refOpinion2224, refArt28_1)
	refsFlowDown         = compliance.RefsOf(refArt28_4)
	refsSubEvidence      = compliance.RefsOf(refArt28_1, refOpinion2224)
	refsAdverse          = compliance.RefsOf(refArt28_1)
	refsQualified        = compliance.RefsOf(refArt28_1, refArt5_2)
	refsUSExposure       = compliance.RefsOf(refGuidelines0521, refArt32_1, refArt48)
	refsForeignExposure  = compliance.RefsOf(refGuidelines0521, refArt32_1)
	refsEEAUnsettled     = compliance.RefsOf(refArt44)
	refsNotInstructed    = compliance.RefsOf(refArt28_3a, refArt29, refArt44)
	refsDPFFallback      = compliance.RefsOf(refDPF, refLatombeAppeal)
	refsSCC2010          = compliance.RefsOf(refSCC, refArt46_2c)
	refsSCCModule        = compliance.RefsOf(refSCC, refArt46_2c)
	refsTIA              = compliance.RefsOf(refSchremsII, refSCCClause14, refArt46_1)
	refsTIAInterval      = compliance.RefsOf(refRecommendations0120, refArt46_1)
	refsNoBasis          = compliance.RefsOf(refArt44, refArt46_1)
	refsRequest          = compliance.RefsOf(refArt28_3, refArt29)
	refsPurpose          = compliance.RefsOf(refArt28_3, refArt29, refArt5_1b)
	refsUnknown          = compliance.RefsOf(refArt28_1, refArt28_3)
	refsNotLoaded        = compliance.RefsOf(refArt28_1, refArt5_2)
)

// Reference lists the compiled findings of a transfer share read-only
// (issue 19: a snapshot holds one copy of each).
var (
	refsNoBasisAccess = compliance.RefsOf(refArt44, refArt46_1, refChromebook2022)
	refsNoBasisSub    = compliance.RefsOf(refArt44, refArt46_1, refChromebook2026)
	refsNoMeasure     = compliance.RefsOf(refRecommendations0120, refArt46_1)
)
