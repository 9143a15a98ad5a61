package retention

import (
	"time"

	"github.com/tillid/tillid/compliance"
)

// The provisions, standards and decisions the rules of this package cite.
// They are package-level values so that deciding a record never builds a
// reference.
var (
	// GDPR.
	refStorageLimitation = compliance.GDPR(5, 1, "e")
	refErasure           = compliance.GDPR(17, 1, "")
	refErasureNoLonger   = compliance.GDPR(17, 1, "a")
	refLegalObligation   = compliance.GDPR(17, 3, "b")
	refArchiving         = compliance.GDPR(17, 3, "d")
	refLegalClaims       = compliance.GDPR(17, 3, "e")
	refRestriction       = compliance.GDPR(18, 0, "")
	refSafeguards        = compliance.GDPR(89, 1, "")

	// Denmark: arkivloven (LBK nr. 1201 af 28/09/2016) § 10, stk. 2: the
	// minister sets the rules on keeping and discarding the records of
	// kommuner and regioner (https://www.retsinformation.dk/eli/lta/2016/1201 ).
	refDKArkivloven10 = compliance.Section(compliance.DKArchivesAct, "", "10", 2, "")
	// Arkivbekendtgørelsen (BEK nr. 591 af 26/06/2003) § 5, stk. 2:
	// kassation only under the rules the Rigsarkivar sets
	// (https://www.retsinformation.dk/eli/lta/2003/591 ; also the secondary
	// site https://www.elov.dk/arkivbekendtgorelsen/paragraf/5/ ).
	refDKArkivbek5 = compliance.Section(compliance.DKArchivesAct, "arkivbekendtgørelsen", "5", 2, "")
	// Højesteret, judgment of 18 April 2024, BS-49623/2023-HJR: an
	// authority must keep and transfer all its records unless the
	// Rigsarkivar has set rules for their kassation; there is no right to
	// have archived copies destroyed
	// (http://www.domstol.dk/hoejesteret/aktuelt/2024/4/ikke-krav-paa-udlevering-eller-destruktion-af-arkiverede-dagbogskopier/ ).
	refDKSupremeCourt2024 = compliance.Ref{Instrument: compliance.Court, Doc: "Højesteret BS-49623/2023-HJR"}

	// Norway, until 31 December 2025: arkivlova (LOV-1992-12-04-126) § 6
	// (the duty to keep archives), § 9 (no kassasjon except under forskrift
	// or with the Riksarkivar's consent) and § 9 c (the ban on kassasjon
	// takes precedence over deletion rules in other acts)
	// (https://sch-dsos04mstrs76x6prod.dxcloud.episerver.net/no/dokumenter/prop.-52-l-20242025/id3089576/?ch=10 ;
	// arkivverket.no, "Sletting av personopplysningar"), and the
	// kommunale bevarings- og kassasjonsbestemmelser in chapter 7 of
	// riksarkivarens forskrift (FOR-2017-12-19-2286).
	// The act of 1992 is named in Doc, so that a decision stored before
	// 2026 keeps citing it after the new act came into force.
	refNOArkivlova1992Duty    = compliance.Section(compliance.NOArchivesAct, "arkivlova 1992", "6", 0, "")
	refNOArkivlova1992Kassasj = compliance.Section(compliance.NOArchivesAct, "arkivlova 1992", "9", 0, "")
	refNOArkivlova1992Prec    = compliance.Section(compliance.NOArchivesAct, "arkivlova 1992", "9 c", 0, "")
	refNORiksarkivarenKap7    = compliance.Ref{Instrument: compliance.NOArchivesAct, Doc: "riksarkivarens forskrift kapittel 7"}

	// Norway, from 1 January 2026: arkivlova (LOV-2025-06-20-96) § 5
	// (arkivplikt), § 12 (what must be kept for posterity) and § 13
	// (kassasjon of the rest)
	// (https://www.norgeslover.no/api/eksport-lov.php?format=pdf&id=NL%2Flov%2F2025-06-20-96 ).
	refNOArkivlova2025Duty  = compliance.Section(compliance.NOArchivesAct, "", "5", 0, "")
	refNOArkivlova2025Keep  = compliance.Section(compliance.NOArchivesAct, "", "12", 0, "")
	refNOArkivlova2025Kass  = compliance.Section(compliance.NOArchivesAct, "", "13", 0, "")
	refNOPersonvernnemnda13 = compliance.Ref{Instrument: compliance.Court, Doc: "Personvernnemnda PVN-2018-13"}

	// Noark 5 v5, chapter "Bevaring og kassasjon", requirements 6.1.15
	// (list of units to be re-assessed), 6.1.19 (a unit may be discarded
	// only when its kassasjonsvedtak is «Kasseres» and today's date has
	// passed its bevaringsdato) and 6.1.20 (a presedenssak cannot be given
	// «Kasseres»; "Løsningen bør kontrollere at presedenssaker aldri tillates
	// kassert")
	// (https://github.com/arkivverket/noark5-standard/blob/master/kapitler/070-funksjoner_for_periodiske_oppgaver.rst ).
	refNoarkReview    = compliance.Ref{Instrument: compliance.Standard, Doc: "Noark 5 v5", Para: "6.1.15"}
	refNoarkKassasjon = compliance.Ref{Instrument: compliance.Standard, Doc: "Noark 5 v5", Para: "6.1.19"}
	refNoarkPresedens = compliance.Ref{Instrument: compliance.Standard, Doc: "Noark 5 v5", Para: "6.1.20"}
)

// noArkivlova2025 is the day the Norwegian arkivlova of 2025
// (LOV-2025-06-20-96) came into force; decisions at an instant before it
// cite the arkivlova of 1992.
var noArkivlova2025 = compliance.Date{Year: 2026, Month: time.January, Day: 1}

// era is the body of archives law a decision cites: 0 for Denmark and for
// Norway before 2026, 1 for Norway from 2026.
type era uint8

func eraOf(j compliance.Jurisdiction, today compliance.Date) era {
	if j == compliance.NO && !today.Before(noArkivlova2025) {
		return 1
	}
	return 0
}

// Reference lists shared by decisions and their findings (Refs are
// immutable).
var (
	refsHold      = compliance.RefsOf(refLegalClaims)
	refsPrecedent = compliance.RefsOf(refNoarkKassasjon, refNoarkPresedens)
	// Erasure (Art 17 GDPR): granted, refused for legal claims, and the
	// offer of restriction (Art 18) that comes with a refusal.
	refsErasureDue  = compliance.RefsOf(refErasure, refErasureNoLonger)
	refsErasureHold = compliance.RefsOf(refLegalClaims)
	refsRestriction = [3]compliance.Refs{
		compliance.DK: compliance.RefsOf(refRestriction),
		compliance.NO: compliance.RefsOf(refRestriction, refNOPersonvernnemnda13),
	}
	// No rule: nothing authorises kassation, so the record is kept.
	refsNoRule = [3][2]compliance.Refs{
		compliance.DK: {
			compliance.RefsOf(refDKArkivbek5, refDKSupremeCourt2024),
			compliance.RefsOf(refDKArkivbek5, refDKSupremeCourt2024),
		},
		compliance.NO: {
			compliance.RefsOf(refNOArkivlova1992Kassasj),
			compliance.RefsOf(refNOArkivlova2025Kass),
		},
	}
)

// schemeRefs returns the references a rule of scheme s with final
// disposition d rests on in jurisdiction j and era e, before the rule's own.
func schemeRefs(s Scheme, d Disposition, j compliance.Jurisdiction, e era) []compliance.Ref {
	switch {
	case s == KLE:
		switch d {
		case Delete:
			return []compliance.Ref{refDKArkivloven10, refDKArkivbek5, refStorageLimitation}
		case Transfer:
			return []compliance.Ref{refDKArkivloven10, refStorageLimitation, refSafeguards}
		case Review:
			return []compliance.Ref{refDKArkivbek5, refDKSupremeCourt2024}
		}
	case s == Noark && e == 0:
		switch d {
		case Delete:
			return []compliance.Ref{refNOArkivlova1992Kassasj, refNORiksarkivarenKap7, refNoarkKassasjon, refStorageLimitation}
		case Transfer:
			return []compliance.Ref{refNOArkivlova1992Duty, refNOArkivlova1992Kassasj, refNORiksarkivarenKap7, refStorageLimitation, refSafeguards}
		case Review:
			return []compliance.Ref{refNOArkivlova1992Kassasj, refNoarkReview}
		}
	case s == Noark:
		switch d {
		case Delete:
			return []compliance.Ref{refNOArkivlova2025Kass, refNoarkKassasjon, refStorageLimitation}
		case Transfer:
			return []compliance.Ref{refNOArkivlova2025Duty, refNOArkivlova2025Keep, refStorageLimitation, refSafeguards}
		case Review:
			return []compliance.Ref{refNOArkivlova2025Kass, refNoarkReview}
		}
	}
	return nil
}

// erasureArchiveRefs returns the archives-law references for refusing
// erasure in jurisdiction j and era e.
func erasureArchiveRefs(j compliance.Jurisdiction, e era) []compliance.Ref {
	switch {
	case j == compliance.DK:
		return []compliance.Ref{refDKArkivloven10, refDKArkivbek5, refDKSupremeCourt2024}
	case e == 0:
		return []compliance.Ref{refNOArkivlova1992Kassasj, refNOArkivlova1992Prec, refNOPersonvernnemnda13}
	}
	return []compliance.Ref{refNOArkivlova2025Duty, refNOArkivlova2025Kass, refNOPersonvernnemnda13}
}
