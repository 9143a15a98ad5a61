package record_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
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

func recCVR(s string) ident.CVR {
	c, err := ident.ParseCVR(s)
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

func recKommune() record.Party {
	return record.Party{
		Name: "Eksempel Kommune", CVR: recCVR("12345674"), Jurisdiction: compliance.DK, PublicAuthority: true,
		Contact: record.ContactDetails{Address: "Rådhuspladsen 1\n9999 Eksempelby", Email: "kommune@eksempel.dk", Phone: "+45 11 22 33 44"},
	}
}

func recDPO() record.ContactDetails {
	return record.ContactDetails{Name: "Databeskyttelsesrådgiveren", Email: "dpo@eksempel.dk", Phone: "+45 11 22 33 55"}
}

// recSchool is a school platform with pupils' data, hosted by a US-owned
// provider with support access from the United States.
func recSchool() record.Activity {
	return record.Activity{
		Role: record.RoleController, Name: "Skoleplatform",
		Description: "Platform for kommunikation mellem skole og hjem, elevplaner og trivselsmålinger.",
		Controller:  recKommune(), DPO: recDPO(),
		Purposes: []record.Purpose{
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
		Transfers: []record.Transfer{{
			Country: compliance.MustCountry("US"), Recipient: "Cloudplatform Inc. (moderselskab, supportadgang)",
			Safeguard: record.SafeguardStandardClauses,
		}},
		Processors: []record.ProcessorUse{{ID: compliance.ProcessorID{UUID: recUUID(101)}, Name: "Cloudplatform ApS (US-ejet)"}},
		Erasure:    record.Erasure{Period: compliance.Years(1), From: record.FromRelationshipEnded},
		Security: record.Security{
			Measures:    []record.Measure{record.AccessControl, record.MultiFactor, record.Logging},
			Description: "Log-in med MitID for forældre og UNI-login for elever.",
		},
		Special:    record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.SubstantialPublicInterest}},
		NationalID: record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		DPIA:       record.DPIARecord{Screening: record.DPIARequired, ScreenedOn: compliance.Date{Year: 2023, Month: time.August, Day: 14}},
		Owner:      record.Owner{System: "Skoleplatform", Department: "Børne- og Ungeforvaltningen"},
		Status:     record.Approved,
		NextReview: compliance.Date{Year: 2025, Month: time.January, Day: 10},
	}
}

// recJobcenter is a jobcenter activity that shares social data, and data
// on criminal offences, with an external supplier of job training.
func recJobcenter() record.Activity {
	return record.Activity{
		Role: record.RoleController, Name: "Beskæftigelsesindsats i jobcentret",
		Controller: recKommune(), DPO: recDPO(),
		Purposes: []record.Purpose{
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
		Recipients: []record.Recipient{{
			Name: "Ekstern leverandør af jobtræning", Kind: record.RecipientPrivate, Country: compliance.MustCountry("DK"),
			Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.SocialIssues, compliance.CriminalOffences),
		}},
		Security:   record.Security{Measures: []record.Measure{record.AccessControl}},
		Special:    record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare}, NationalRule: compliance.Section(compliance.DKDataProtectionAct, "", "7", 3, "")},
		Criminal:   record.CriminalBasis{Rule: compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")},
		Processors: []record.ProcessorUse{{Name: "Fagsystem A/S"}},
		Status:     record.Draft,
	}
}

// recPersonnel is a clean activity: nothing to report.
func recPersonnel() record.Activity {
	data := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment, compliance.Financial, compliance.NationalID)
	return record.Activity{
		Role: record.RoleController, Name: "Løn og personaleadministration",
		Controller: recKommune(), DPO: recDPO(),
		Purposes: []record.Purpose{{Name: "Ansættelse og lønudbetaling", Basis: compliance.Contract, Data: data}},
		Subjects: compliance.SubjectsOf(compliance.Employees),
		Data:     data,
		Recipients: []record.Recipient{{
			Name: "Skattestyrelsen", Kind: record.RecipientPublicAuthority, Country: compliance.MustCountry("DK"),
			Data: compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Financial),
		}},
		Erasure: record.Erasure{Period: compliance.Years(5), From: record.FromRelationshipEnded},
		Security: record.Security{Measures: []record.Measure{record.EncryptionInTransit, record.EncryptionAtRest,
			record.AccessControl, record.Logging, record.Backup}},
		NationalID:     record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		Processors:     []record.ProcessorUse{{ID: compliance.ProcessorID{UUID: recUUID(102)}, Name: "Lønsystem A/S"}},
		DPIA:           record.DPIARecord{Screening: record.DPIANotRequired, ScreenedOn: compliance.Date{Year: 2024, Month: time.March, Day: 4}},
		Classification: []record.Classification{{Scheme: compliance.KLE, Code: "81.00.00"}},
		Owner:          record.Owner{System: "Lønsystem", Department: "HR og Løn"},
		Status:         record.Approved,
		ReviewedOn:     compliance.Date{Year: 2025, Month: time.March, Day: 3},
		NextReview:     compliance.Date{Year: 2026, Month: time.March, Day: 3},
	}
}

// recSharedESDH is the kommune's record as a processor: it runs the ESDH
// system of an IT-fællesskab for two neighbours (Art 30(2)).
func recSharedESDH() record.Activity {
	neighbour := func(name, cvr string) record.ProcessingFor {
		return record.ProcessingFor{
			Controller: record.Party{Name: name, CVR: recCVR(cvr), Jurisdiction: compliance.DK, PublicAuthority: true,
				Contact: record.ContactDetails{Email: "dpo@" + name[:4] + ".example"}},
			Processing: []string{"drift og hosting af ESDH", "backup"},
		}
	}
	return record.Activity{
		Role: record.RoleProcessor, Name: "Drift af fælles ESDH i IT-fællesskabet",
		Controller: recKommune(), DPO: recDPO(),
		OnBehalfOf: []record.ProcessingFor{neighbour("Nabo Kommune", "11111114"), neighbour("Fjord Kommune", "22222228")},
		Security: record.Security{Measures: []record.Measure{record.EncryptionInTransit, record.EncryptionAtRest,
			record.Backup, record.Testing}},
		Classification: []record.Classification{{Scheme: compliance.KLE, Code: "00.01.00 G01"}},
		Status:         record.Approved,
		ReviewedOn:     compliance.Date{Year: 2025, Month: time.February, Day: 20},
	}
}

// recRegister builds the fixture register through a Register with a fixed
// clock and deterministic IDs, as a host would.
func recRegister(t testing.TB) (*record.Register, *recordtest.MemStore, compliance.ControllerID) {
	t.Helper()
	m := recordtest.NewMemStore()
	clock := time.Date(2025, time.May, 20, 9, 0, 0, 0, recCPH)
	reg, err := record.NewRegister(m, &record.Options{
		Options:      compliance.Options{Now: func() time.Time { return clock }, NewID: compliance.Sequence()},
		Jurisdiction: compliance.DK,
		Policy:       &record.Policy{ReviewInterval: compliance.Years(1)},
	})
	require.NoError(t, err)
	c := compliance.ControllerID{UUID: recUUID(500)}
	for _, a := range []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()} {
		_, err := reg.CreateActivity(context.Background(), c, a)
		require.NoError(t, err, a.Name)
	}
	return reg, m, c
}
