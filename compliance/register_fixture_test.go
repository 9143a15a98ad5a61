package compliance_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/compliancetest"
)

// The register used by the golden tests and the examples: a Danish kommune
// with a school platform hosted by a US-owned provider, a jobcenter that
// shares social data with an external supplier, a clean personnel
// activity, and a processor's record for a shared ESDH service. Names,
// numbers and IDs are invented; the CVR numbers have valid check digits
// and belong to no one we know of.

// recAt is the instant the fixtures are assessed and exported at.
var recAt = time.Date(2025, time.June, 2, 10, 0, 0, 0, recCPH)

// recCPH is Copenhagen's zone (the tests import time/tzdata).
var recCPH = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		panic(err)
	}
	return loc
}()

func recCVR(s string) compliance.CVR {
	c, err := compliance.ParseCVR(s)
	if err != nil {
		panic(err)
	}
	return c
}

// recUUID returns the n-th UUID of compliance.Sequence.
func recUUID(n int) uuid.UUID {
	next := compliance.Sequence()
	var u uuid.UUID
	for range n {
		u, _ = next()
	}
	return u
}

func recKommune() compliance.Party {
	return compliance.Party{
		Name: "Eksempel Kommune", CVR: recCVR("12345674"), Jurisdiction: compliance.DK, PublicAuthority: true,
		Contact: compliance.ContactDetails{Address: "Rådhuspladsen 1\n9999 Eksempelby", Email: "kommune@eksempel.dk", Phone: "+45 11 22 33 44"},
	}
}

func recDPO() compliance.ContactDetails {
	return compliance.ContactDetails{Name: "Databeskyttelsesrådgiveren", Email: "dpo@eksempel.dk", Phone: "+45 11 22 33 55"}
}

// recSchool is a school platform with pupils' data, hosted by a US-owned
// provider with support access from the United States.
func recSchool() compliance.Activity {
	return compliance.Activity{
		Role: compliance.RoleController, Name: "Skoleplatform",
		Description: "Platform for kommunikation mellem skole og hjem, elevplaner og trivselsmålinger.",
		Controller:  recKommune(), DPO: recDPO(),
		Purposes: []compliance.Purpose{
			{
				Name: "Kommunikation mellem skole og hjem", Basis: compliance.PublicTask,
				NationalBasis: compliance.Ref{Instrument: compliance.DKAct, Doc: "folkeskoleloven"},
				Data:          compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education, compliance.Health, compliance.NationalID),
			},
			{
				Name: "Billeddeling i klassens galleri", Basis: compliance.Consent,
				InformationService: true, ConsentAge: 13,
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Images),
			},
		},
		Subjects:     compliance.SubjectsOf(compliance.Pupils, compliance.Parents, compliance.Employees),
		Data:         compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education, compliance.Health, compliance.NationalID, compliance.Images),
		SubjectCount: 4200,
		Transfers: []compliance.Transfer{{
			Country: compliance.MustCountry("US"), Recipient: "Cloudplatform Inc. (moderselskab, supportadgang)",
			Safeguard: compliance.SafeguardSCC,
		}},
		Processors: []compliance.ProcessorUse{{ID: compliance.ProcessorID{UUID: recUUID(101)}, Name: "Cloudplatform ApS (US-ejet)"}},
		Erasure:    compliance.Erasure{Period: compliance.Years(1), From: compliance.FromRelationshipEnded},
		Security: compliance.Security{
			Measures:    []compliance.Measure{compliance.AccessControl, compliance.MultiFactor, compliance.Logging},
			Description: "Log-in med MitID for forældre og UNI-login for elever.",
		},
		Special:    compliance.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.SubstantialPublicInterest}},
		NationalID: compliance.NationalIDBasis{Conditions: []compliance.IDCondition{compliance.IDIdentification}},
		DPIA:       compliance.DPIARecord{Screening: compliance.DPIARequired, ScreenedOn: compliance.Date{Year: 2023, Month: time.August, Day: 14}},
		Owner:      compliance.Owner{System: "Skoleplatform", Department: "Børne- og Ungeforvaltningen"},
		Status:     compliance.Approved,
		NextReview: compliance.Date{Year: 2025, Month: time.January, Day: 10},
	}
}

// recJobcenter is a jobcenter activity that shares social data, and data
// on criminal offences, with an external supplier of job training.
func recJobcenter() compliance.Activity {
	return compliance.Activity{
		Role: compliance.RoleController, Name: "Beskæftigelsesindsats i jobcentret",
		Controller: recKommune(), DPO: recDPO(),
		Purposes: []compliance.Purpose{
			{
				Name: "Afklaring og opfølgning", Basis: compliance.PublicTask,
				NationalBasisText: "lov om en aktiv beskæftigelsesindsats",
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID,
					compliance.SocialIssues, compliance.Health, compliance.CriminalOffences),
			},
			{
				Name: "Formidling til eksterne aktører", Basis: compliance.LegitimateInterests,
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.SocialIssues, compliance.CriminalOffences),
			},
		},
		Subjects: compliance.SubjectsOf(compliance.JobSeekers),
		Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID, compliance.Financial,
			compliance.SocialIssues, compliance.Health, compliance.CriminalOffences),
		LargeScale: true,
		Recipients: []compliance.Recipient{{
			Name: "Ekstern leverandør af jobtræning", Kind: compliance.RecipientPrivate, Country: compliance.MustCountry("DK"),
			Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.SocialIssues, compliance.CriminalOffences),
		}},
		Security:   compliance.Security{Measures: []compliance.Measure{compliance.AccessControl}},
		Special:    compliance.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare}, NationalRule: compliance.Section(compliance.DKDataProtectionAct, "", "7", 3, "")},
		Criminal:   compliance.CriminalBasis{Rule: compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")},
		Processors: []compliance.ProcessorUse{{Name: "Fagsystem A/S"}},
		Status:     compliance.Draft,
	}
}

// recPersonnel is a clean activity: nothing to report.
func recPersonnel() compliance.Activity {
	data := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment, compliance.Financial, compliance.NationalID)
	return compliance.Activity{
		Role: compliance.RoleController, Name: "Løn og personaleadministration",
		Controller: recKommune(), DPO: recDPO(),
		Purposes: []compliance.Purpose{{Name: "Ansættelse og lønudbetaling", Basis: compliance.Contract, Data: data}},
		Subjects: compliance.SubjectsOf(compliance.Employees),
		Data:     data,
		Recipients: []compliance.Recipient{{
			Name: "Skattestyrelsen", Kind: compliance.RecipientAuthority, Country: compliance.MustCountry("DK"),
			Data: compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Financial),
		}},
		Erasure: compliance.Erasure{Period: compliance.Years(5), From: compliance.FromRelationshipEnded},
		Security: compliance.Security{Measures: []compliance.Measure{compliance.EncryptionInTransit, compliance.EncryptionAtRest,
			compliance.AccessControl, compliance.Logging, compliance.Backup}},
		NationalID:     compliance.NationalIDBasis{Conditions: []compliance.IDCondition{compliance.IDIdentification}},
		Processors:     []compliance.ProcessorUse{{ID: compliance.ProcessorID{UUID: recUUID(102)}, Name: "Lønsystem A/S"}},
		DPIA:           compliance.DPIARecord{Screening: compliance.DPIANotRequired, ScreenedOn: compliance.Date{Year: 2024, Month: time.March, Day: 4}},
		Classification: []compliance.Classification{{Scheme: compliance.KLE, Code: "81.00.00"}},
		Owner:          compliance.Owner{System: "Lønsystem", Department: "HR og Løn"},
		Status:         compliance.Approved,
		ReviewedOn:     compliance.Date{Year: 2025, Month: time.March, Day: 3},
		NextReview:     compliance.Date{Year: 2026, Month: time.March, Day: 3},
	}
}

// recSharedESDH is the kommune's record as a processor: it runs the ESDH
// system of an IT-fællesskab for two neighbours (Art 30(2)).
func recSharedESDH() compliance.Activity {
	neighbour := func(name, cvr string) compliance.ProcessingFor {
		return compliance.ProcessingFor{
			Controller: compliance.Party{Name: name, CVR: recCVR(cvr), Jurisdiction: compliance.DK, PublicAuthority: true,
				Contact: compliance.ContactDetails{Email: "dpo@" + name[:4] + ".example"}},
			Processing: []string{"drift og hosting af ESDH", "backup"},
		}
	}
	return compliance.Activity{
		Role: compliance.RoleProcessor, Name: "Drift af fælles ESDH i IT-fællesskabet",
		Controller: recKommune(), DPO: recDPO(),
		OnBehalfOf: []compliance.ProcessingFor{neighbour("Nabo Kommune", "11111114"), neighbour("Fjord Kommune", "22222228")},
		Security: compliance.Security{Measures: []compliance.Measure{compliance.EncryptionInTransit, compliance.EncryptionAtRest,
			compliance.Backup, compliance.Testing}},
		Classification: []compliance.Classification{{Scheme: compliance.KLE, Code: "00.01.00 G01"}},
		Status:         compliance.Approved,
		ReviewedOn:     compliance.Date{Year: 2025, Month: time.February, Day: 20},
	}
}

// recRegister builds the fixture register through a Register with a fixed
// clock and deterministic IDs, as a host would.
func recRegister(t testing.TB) (*compliance.Register, *compliancetest.MemStore, compliance.ControllerID) {
	t.Helper()
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	require.NoError(t, err)
	m := compliancetest.NewMemStore()
	clock := time.Date(2025, time.May, 20, 9, 0, 0, 0, recCPH)
	reg, err := compliance.NewRegister(cal, m.Activities(), m.Requests(), &compliance.RegisterOptions{
		Options: compliance.Options{Now: func() time.Time { return clock }, NewID: compliance.Sequence()},
		Policy:  &compliance.Policy{ReviewInterval: compliance.Years(1)},
	})
	require.NoError(t, err)
	c := compliance.ControllerID{UUID: recUUID(500)}
	for _, a := range []compliance.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()} {
		_, err := reg.CreateActivity(context.Background(), c, a)
		require.NoError(t, err, a.Name)
	}
	return reg, m, c
}
