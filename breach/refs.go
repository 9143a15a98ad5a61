package breach

import "github.com/tillid/tillid/compliance"

// The provisions and guidance the rules cite, declared once so that rules do
// not build them per call.
var (
	refArt4_12   = compliance.Ref{Instrument: compliance.GDPRRegulation, Article: "4", Point: "12"}
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
	// notification, v2.0 (14 December 2021).
	refEDPBCase01 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "01"}
	refEDPBCase03 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "03"}
	refEDPBCase09 = compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Case: "09"}
	refEDPBPara9  = compliance.Guidance(compliance.EDPBGuidelines, "01/2021", "9")
	refEDPBPara15 = compliance.Guidance(compliance.EDPBGuidelines, "01/2021", "15")

	// WP29 Guidelines on personal data breach notification, WP250 rev.01
	// (6 February 2018), carried over unchanged on these points into EDPB
	// Guidelines 9/2022.
	refWP250Aware = compliance.Guidance(compliance.WP29, "WP250 rev.01", "II.A.2")
	refWP250Proc  = compliance.Guidance(compliance.WP29, "WP250 rev.01", "II.A.4")

	// ENISA, Recommendations for a methodology of the assessment of
	// severity of personal data breaches (2013).
	refENISA = compliance.Ref{Instrument: compliance.ENISA, Doc: "2013"}
)

// Shared ref lists; findings share their backing arrays (read-only).
var (
	refsDocument     = []compliance.Ref{refArt33_5, refEDPBPara15}
	refsNotABreach   = []compliance.Ref{refArt4_12, refArt33_5}
	refsUnclassified = []compliance.Ref{refArt4_12, refEDPBPara9}
	refsAware        = []compliance.Ref{refArt33_1, refWP250Aware, refEDPBPara9}
	refsNotify       = []compliance.Ref{refArt33_1}
	refsNoNotify     = []compliance.Ref{refArt33_1, refArt33_5, refRecital85}
	refsDelay        = []compliance.Ref{refArt33_1, refRecital85}
	refsFollowUp     = []compliance.Ref{refArt33_4}
	refsProcessor    = []compliance.Ref{refArt33_2, refWP250Proc}
	refsSubjects     = []compliance.Ref{refArt34_1, refArt34_2}
	refsNoSubjects   = []compliance.Ref{refArt34_1}
	refsPublic       = []compliance.Ref{refArt34_3c}
	refsUnintell     = []compliance.Ref{refArt34_3a}
	refsAverted      = []compliance.Ref{refArt34_3b}
	refsEncrypted    = []compliance.Ref{refArt34_3a, refEDPBCase01}
	refsTrusted      = []compliance.Ref{refEDPBCase09}
	refsRestored     = []compliance.Ref{refEDPBCase01}
	refsImpact       = []compliance.Ref{refEDPBCase03, refRecital75}
	refsFloor        = []compliance.Ref{refRecital75}
	refsSeverity     = []compliance.Ref{refENISA}
	refsDataUnknown  = []compliance.Ref{refArt33_3a, refRecital85}
)
