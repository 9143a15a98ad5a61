package record

import "github.com/tillid/tillid/compliance"

// consentAge is the age from which a child may consent alone to an
// information society service offered directly to it, in force from a day.
type consentAge struct {
	from compliance.Date
	age  int
	refs compliance.Refs
}

// The national ages under Art 8(1) GDPR, which lets Member States set an age
// between 13 and 16 (the default is 16). Each table runs from the first
// entry, which applies to every earlier day as well: the table does not
// model days before the GDPR applied.
var (
	refsDKChildAge = compliance.RefsOf(compliance.GDPR(8, 1, ""), compliance.Section(compliance.DKDataProtectionAct, "", "6", 2, ""), compliance.Section(compliance.DKDataProtectionAct, "", "6", 3, ""))
	refsNOChildAge = compliance.RefsOf(compliance.GDPR(8, 1, ""), compliance.Section(compliance.NOPersonalDataAct, "", "5", 0, ""))

	// Denmark: 13 under databeskyttelsesloven § 6, stk. 2 and 3 as
	// enacted (lov nr. 502 af 23/05/2018,
	// https://www.retsinformation.dk/eli/lta/2018/502 ); 15 from 1 January
	// 2024, when the amendment of L 79 (2023–24) changing "13 år" to "15 år"
	// entered into force (the bill:
	// https://ft.dk/samling/20231/lovforslag/l79/20231_l79_som_fremsat.htm ;
	// its entry into force as reported by the secondary site
	// https://gapsolutions.dk/artikel_aendringer_databeskyttelsesloven/ ).
	dkConsentAges = []consentAge{
		{compliance.Date{}, 13, refsDKChildAge},
		{compliance.Date{Year: 2024, Month: 1, Day: 1}, 15, refsDKChildAge},
	}
	// Norway: 13 under personopplysningsloven § 5
	// (https://www.datatilsynet.no/personvern-pa-ulike-omrader/kundehandtering-handel-og-medlemskap/digitale-tjenester-og-forbrukeres-personopplysninger/barn-og-unge-forbrukere/ ).
	// A proposal of October 2025 to raise it to 15 was out for
	// consultation; it is not law, and a new entry is added when it is.
	noConsentAges = []consentAge{
		{compliance.Date{}, 13, refsNOChildAge},
	}
)

// ChildConsentAge returns the age from which a child may give consent
// alone, under Art 8(1) GDPR, to an information society service offered
// directly to it, in jurisdiction j on day d, and the provisions that set
// it. Below that age the consent must be given or authorised by the holder
// of parental responsibility.
//
// Denmark: 13 up to and including 31 December 2023, 15 from 1 January 2024
// (databeskyttelsesloven § 6, stk. 2 and 3, as amended by L 79 (2023–24)).
// Norway: 13 (personopplysningsloven § 5). An invalid jurisdiction gives 0
// and no refs.
func ChildConsentAge(j compliance.Jurisdiction, d compliance.Date) (int, compliance.Refs) {
	var table []consentAge
	switch j {
	case compliance.DK:
		table = dkConsentAges
	case compliance.NO:
		table = noConsentAges
	default:
		return 0, compliance.Refs{}
	}
	cur := table[0]
	for _, e := range table[1:] {
		if d.Before(e.from) {
			break
		}
		cur = e
	}
	return cur.age, cur.refs
}

// ChildMayConsent reports whether a child of the given age may consent
// alone to an information society service offered directly to it, in
// jurisdiction j on day d ([ChildConsentAge]).
func ChildMayConsent(j compliance.Jurisdiction, age int, d compliance.Date) bool {
	limit, _ := ChildConsentAge(j, d)
	return limit > 0 && age >= limit
}
