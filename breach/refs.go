package breach

import "github.com/tillid/tillid/compliance"

// The provisions and guidance the rules cite, declared once so that rules do
// not build them per call.
var (
	refArt4_12   = compliance.Ref{Instrument: compliance.GDPRRegulation, Article: "4", Point: "12"}
	refArt30_1   = compliance.GDPR(30, 1, "")
	refArt32_1   = compliance.GDPR(32, 1, "")
	refArt33_1   = compliance.GDPR(33, 1, "")
	refArt33_2   = compliance.GDPR(33, 2, "")
	refArt33_3a  = compliance.GDPR(33, 3, "a")
	refArt33_3b  = compliance.GDPR(33, 3, "b")
	refArt33_3c  = compliance.GDPR(33, 3, "c")
	refArt33_3d  = compliance.GDPR(33, 3, "d")
	refArt33_4   = compliance.GDPR(33, 4, "")
	refArt33_5   = compliance.GDPR(33, 5, "")
	refArt34_1   = compliance.GDPR(34, 1, "")
	refArt34_2   = compliance.GDPR(34, 2, "")
	refArt34_3a  = compliance.GDPR(34, 3, "a")
	refArt34_3b  = compliance.GDPR(34, 3, "b")
	refArt34_3c  = compliance.GDPR(34, 3, "c")
	refRecital75 = compliance.Recital(75)
	refRecital85 = compliance.Recital(85)

	// EDPB Guidelines 01/2021 on examples regarding personal data breach
	// notification, v2.0 (14 December 2021). The rules cite a case as the
	// guidelines' illustration of a factor; what each case says, and which
	// of its facts and conclusions could be checked against a source, is
	// recorded in TestEDPB0121 (cases 07, 08 and 11 could not: their
	// findings rest on WP250 section IV.B and Recital 75 as well).
	refEDPBCase01 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "01"}
	refEDPBCase03 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "03"}
	refEDPBCase09 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "09"}
	refEDPBCase02 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "02"}
	refEDPBCase06 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "06"}
	refEDPBCase07 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "07"}
	refEDPBCase08 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "08"}
	refEDPBCase11 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "11"}
	refEDPBCase14 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "14"}
	refEDPBPara10 = compliance.Guidance(compliance.EDPBGuidelines, "01/2021", "10")
	refEDPBPara9  = compliance.Guidance(compliance.EDPBGuidelines, "01/2021", "9")
	refEDPBPara15 = compliance.Guidance(compliance.EDPBGuidelines, "01/2021", "15")

	// WP29 Guidelines on personal data breach notification, WP250 rev.01
	// (6 February 2018), carried over unchanged on these points into EDPB
	// Guidelines 9/2022.
	refWP250Aware = compliance.Guidance(compliance.WP29, "WP250 rev.01", "II.A.2")
	refWP250Proc  = compliance.Guidance(compliance.WP29, "WP250 rev.01", "II.A.4")
	// Section IV.B, "Factors to consider when assessing risk".
	refWP250Risk = compliance.Guidance(compliance.WP29, "WP250 rev.01", "IV.B")

	// Datatilsynet DK, "Underretning af den registrerede ved brud på
	// persondatasikkerheden" (part of its guidance on handling breaches):
	// tell the data subjects when consequences are certain or almost
	// certain, and when the possible consequences are very serious however
	// small the probability.
	// https://www.datatilsynet.dk/hvad-siger-reglerne/vejledning/sikkerhed/haandtering-af-brud-paa-persondatasikkerheden/underretning-af-den-registrerede-ved-brud-paa-persondatasikkerheden
	refDKUnderretning = compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "Underretning af den registrerede ved brud på persondatasikkerheden"}
	// Datatilsynet DK's decisions on kommuner whose dental services sent
	// protected addresses to the other parent: Vejle Kommune (press release
	// 16 June 2021, fine of DKK 200,000 proposed) and Hvidovre Kommune
	// (22 January 2024, fine of at least DKK 200,000 proposed;
	// https://www.datatilsynet.dk/afgoerelser/afgoerelser/2024/jan/hvidovre-kommune-indstilles-til-boede).
	refDKVejle    = compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "Vejle Kommune indstilles til bøde, 16.06.2021"}
	refDKHvidovre = compliance.Ref{Instrument: compliance.DKDatatilsynet, Doc: "Hvidovre Kommune indstilles til bøde, 22.01.2024"}
	// Databeskyttelsesloven § 22, stk. 1 and 2: Art 34 does not apply where
	// the data subject's interest must yield to decisive private or public
	// interests.
	refDKDBL22_1 = compliance.Section(compliance.DKDataProtectionAct, "", "22", 1, "")
	refDKDBL22_2 = compliance.Section(compliance.DKDataProtectionAct, "", "22", 2, "")
	refArt23     = compliance.GDPR(23, 1, "")

	// ENISA, Recommendations for a methodology of the assessment of
	// severity of personal data breaches (2013).
	refENISA = compliance.Ref{Instrument: compliance.ENISA, Doc: "2013"}
)

// Shared ref lists; findings share them (Refs are immutable).
var (
	refsDocument     = compliance.RefsOf(refArt33_5, refEDPBPara15)
	refsNotABreach   = compliance.RefsOf(refArt4_12, refArt33_5)
	refsUnclassified = compliance.RefsOf(refArt4_12, refEDPBPara9)
	refsAware        = compliance.RefsOf(refArt33_1, refWP250Aware, refEDPBPara9)
	refsNotify       = compliance.RefsOf(refArt33_1)
	refsNoNotify     = compliance.RefsOf(refArt33_1, refArt33_5, refRecital85)
	refsDelay        = compliance.RefsOf(refArt33_1, refRecital85)
	refsFollowUp     = compliance.RefsOf(refArt33_4)
	refsProcessor    = compliance.RefsOf(refArt33_2, refWP250Proc)
	refsSubjects     = compliance.RefsOf(refArt34_1, refArt34_2)
	refsNoSubjects   = compliance.RefsOf(refArt34_1)
	refsPublic       = compliance.RefsOf(refArt34_3c)
	refsUnintell     = compliance.RefsOf(refArt34_3a)
	refsAverted      = compliance.RefsOf(refArt34_3b)
	refsEncrypted    = compliance.RefsOf(refArt34_3a, refEDPBCase01, refEDPBCase06)
	refsTrusted      = compliance.RefsOf(refEDPBCase09)
	refsRestored     = compliance.RefsOf(refEDPBCase01)
	refsImpact       = compliance.RefsOf(refEDPBCase03, refRecital75)
	refsFloor        = compliance.RefsOf(refRecital75)
	refsSeverity     = compliance.RefsOf(refENISA)
	refsDataUnknown  = compliance.RefsOf(refArt33_3a, refRecital85)
	refsFactMissing  = compliance.RefsOf(refArt33_1, refRecital85, refEDPBPara10)
	refsMass         = compliance.RefsOf(refWP250Risk, refEDPBCase11)
	refsVolume       = compliance.RefsOf(refWP250Risk, refENISA)
	refsController   = compliance.RefsOf(refWP250Risk, refRecital75)
	refsIdentity     = compliance.RefsOf(refWP250Risk, refEDPBCase14, refRecital75)
	refsIdentityOne  = compliance.RefsOf(refWP250Risk, refEDPBCase07, refRecital75)
	refsInsider      = compliance.RefsOf(refEDPBCase08, refWP250Risk)
	refsProtected    = compliance.RefsOf(refRecital75, refDKVejle, refDKHvidovre, refDKUnderretning)
	refsOutage       = compliance.RefsOf(refEDPBCase02, refEDPBCase03, refWP250Risk)
	refsLikelihood   = compliance.RefsOf(refArt34_1, refDKUnderretning)
	refsGravity      = compliance.RefsOf(refArt34_1, refDKUnderretning, refWP250Risk)
	refsIrreversible = compliance.RefsOf(refWP250Risk)
	refsWithheldDK1  = compliance.RefsOf(refDKDBL22_1, refArt23)
	refsWithheldDK2  = compliance.RefsOf(refDKDBL22_2, refArt23)
	refsWithheldNO   = compliance.RefsOf(refArt23, refArt34_1)
)
