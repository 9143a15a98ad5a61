// Command register assesses the records of processing (Art 30 GDPR) of two
// small kommuner, one Danish and one Norwegian, against the principles of
// Art 5 and the national rules, and prints the findings, each with the
// provisions it rests on: the Danish kommune's in Danish, the Norwegian
// kommune's in Norwegian.
//
// Each register holds three activities: a school platform with pupils'
// data hosted by a US-owned provider; in Denmark a jobcenter activity that
// shares social data with an external supplier, in Norway home care
// (hjemmetjenester) with health data; and a clean personnel activity with
// nothing to report. Names, numbers and archive classes are invented.
//
//	go run ./examples/register
//	go run ./examples/register -lang nn
//	go run ./examples/register -json
//
// Flags:
//
//	-lang da|nb|nn|en  one language: da shows the Danish kommune, nb and nn
//	                   the Norwegian one, en both (default: the Danish
//	                   kommune in Danish, then the Norwegian one in bokmål)
//	-at RFC3339        the instant of the assessment (default 2025-06-02T10:00:00+02:00)
//	-json              print the assessments as JSON instead of text
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // the program may run where there is no zone database

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/i18n"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return // -h: the usage is printed; that is success
		}
		fmt.Fprintln(os.Stderr, "register:", err)
		os.Exit(2)
	}
}

// kommune is one kommune's register: its party, its activities and the
// languages it is shown in by default.
type kommune struct {
	party      record.Party
	activities []record.Activity
	tags       []language.Tag
}

// report is the -json form of one kommune's assessment.
type report struct {
	Kommune      string                  `json:"kommune"`
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	At           time.Time               `json:"at"`
	Assessments  []record.Assessment     `json:"assessments"`
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: da for the Danish kommune, nb for the Norwegian)")
	atFlag := fs.String("at", "2025-06-02T10:00:00+02:00", "instant of the assessment, RFC 3339")
	asJSON := fs.Bool("json", false, "print the assessments as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	at, err := time.Parse(time.RFC3339, *atFlag)
	if err != nil {
		return fmt.Errorf("-at: %w", err)
	}
	dk := kommune{dkParty(), []record.Activity{school(), jobcenter(), personnel()}, []language.Tag{language.Danish}}
	no := kommune{noParty(), []record.Activity{noSchool(), noHomeCare(), noPersonnel()}, []language.Tag{language.MustParse("nb")}}
	kommuner := []kommune{dk, no}
	if *lang != "" {
		tag := i18n.Match(language.Und, *lang)
		switch {
		case tag == language.Und:
			return fmt.Errorf("-lang: %q is not one of da, nb, nn, en", *lang)
		case tag == language.Danish:
			kommuner = []kommune{dk}
		case tag == language.English:
			dk.tags, no.tags = []language.Tag{tag}, []language.Tag{tag}
			kommuner = []kommune{dk, no}
		default:
			no.tags = []language.Tag{tag}
			kommuner = []kommune{no}
		}
	}

	var reports []report
	for i, k := range kommuner {
		results, local, err := assess(k, at)
		if err != nil {
			return err
		}
		if *asJSON {
			reports = append(reports, report{k.party.Name, k.party.Jurisdiction, local, results})
			continue
		}
		for j, tag := range k.tags {
			if i > 0 || j > 0 {
				if _, err := io.WriteString(out, "\n"); err != nil {
					return err
				}
			}
			if _, err := io.WriteString(out, render(i18n.NewPrinter(tag).In(k.party.Jurisdiction), k.party.Name, local, results)); err != nil {
				return err
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(reports)
	}
	return nil
}

// assess builds the kommune's register and assesses it at the instant at,
// which it also returns in the kommune's time zone. The register has an
// in-memory store, a fixed clock and deterministic IDs, so the output is
// the same on every run; a host passes its own store and leaves Now and
// NewID unset.
func assess(k kommune, at time.Time) ([]record.Assessment, time.Time, error) {
	ctx := context.Background()
	cal, err := compliance.NewCalendar(k.party.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, at, err
	}
	at = at.In(cal.Location())
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{
		Options:  compliance.Options{Now: func() time.Time { return at }, NewID: compliance.Sequence()},
		Calendar: cal,
		// The kommune's own policy: no statute sets a review interval.
		Policy: &record.Policy{ReviewInterval: compliance.Years(1)},
	})
	if err != nil {
		return nil, at, err
	}
	controller := compliance.ControllerID{}
	for _, a := range k.activities {
		if _, err := reg.CreateActivity(ctx, controller, a); err != nil {
			return nil, at, err
		}
	}
	results, err := reg.AssessAll(ctx, controller, record.Filter{})
	return results, at, err
}

// render writes the findings of each activity, grouped by principle, as a
// text document in p's language.
func render(p *i18n.Printer, name string, at time.Time, results []record.Assessment) string {
	doc := compliance.Document{Title: compliance.Msg(record.CodeRegisterTitle, compliance.Text(name))}
	doc.Paragraph(record.CodeRegisterGenerated, compliance.DateArg(compliance.DateOf(at)), compliance.Int(len(results)))
	for _, r := range results {
		doc.Heading(compliance.CodeText, compliance.Text(r.Name))
		if len(r.Findings) == 0 {
			doc.Paragraph(record.CodeNoFindings)
			continue
		}
		var principle compliance.Principle
		for _, f := range r.Findings {
			if f.Principle != principle {
				principle = f.Principle
				doc.Paragraph(compliance.CodeText, compliance.Text(capitalise(p.Name(principle))+":"))
			}
			doc.Item(compliance.CodeText, compliance.Text("["+p.Name(f.Severity)+"] "+p.Finding(f)))
		}
	}
	return p.Text(doc)
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func dkParty() record.Party {
	cvr, err := ident.ParseCVR("12345674") // an invented number with a valid check digit
	if err != nil {
		panic(err)
	}
	return record.Party{
		Name: "Eksempel Kommune", CVR: cvr, Jurisdiction: compliance.DK, PublicAuthority: true,
		Contact: record.ContactDetails{Address: "Rådhuspladsen 1, 9999 Eksempelby", Email: "kommune@eksempel.dk"},
	}
}

func dpo() record.ContactDetails {
	return record.ContactDetails{Name: "Databeskyttelsesrådgiveren", Email: "dpo@eksempel.dk"}
}

// school is a school platform with pupils' data, hosted by a US-owned
// provider whose parent company has support access from the United States.
func school() record.Activity {
	return record.Activity{
		Name:       "Skoleplatform",
		Controller: dkParty(), DPO: dpo(),
		Purposes: []record.Purpose{
			{
				Name: "Kommunikation mellem skole og hjem", Basis: compliance.PublicTask,
				NationalBasis: compliance.Ref{Instrument: compliance.DKAct, Doc: "folkeskoleloven"},
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education,
					compliance.Health, compliance.NationalID),
			},
			{
				// Consent to an information society service offered to
				// children, accepting their own consent from 13.
				Name: "Billeddeling i klassens galleri", Basis: compliance.Consent,
				InformationService: true, ConsentAge: 13,
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Images),
			},
		},
		Subjects: compliance.SubjectsOf(compliance.Pupils, compliance.Parents, compliance.Employees),
		Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education,
			compliance.Health, compliance.NationalID, compliance.Images),
		SubjectCount: 4200,
		Processors:   []record.ProcessorUse{{Name: "Cloudplatform ApS (US-ejet)"}},
		Transfers: []record.Transfer{{
			Country: compliance.MustCountry("US"), Recipient: "Cloudplatform Inc. (moderselskab, supportadgang)",
			Safeguard: record.SafeguardStandardClauses,
		}},
		Erasure:    record.Erasure{Period: compliance.Years(1), From: record.FromRelationshipEnded},
		Security:   record.Security{Measures: []record.Measure{record.AccessControl, record.MultiFactor}},
		Special:    record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.SubstantialPublicInterest}},
		NationalID: record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		DPIA:       record.DPIARecord{Screening: record.DPIARequired},
		Status:     record.Approved,
		ReviewedOn: compliance.Date{Year: 2024, Month: time.January, Day: 10},
	}
}

// jobcenter shares social data, and data on criminal offences, with an
// external supplier of job training.
func jobcenter() record.Activity {
	shared := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.SocialIssues, compliance.CriminalOffences)
	return record.Activity{
		Name:       "Beskæftigelsesindsats i jobcentret",
		Controller: dkParty(), DPO: dpo(),
		Purposes: []record.Purpose{
			{
				Name: "Afklaring og opfølgning", Basis: compliance.PublicTask,
				NationalBasisText: "lov om en aktiv beskæftigelsesindsats",
				Data:              shared.With(compliance.NationalID).With(compliance.Health),
			},
			{Name: "Formidling til eksterne aktører", Basis: compliance.LegitimateInterests, Data: shared},
		},
		Subjects:   compliance.SubjectsOf(compliance.JobSeekers),
		Data:       shared.With(compliance.NationalID).With(compliance.Health),
		LargeScale: true,
		Recipients: []record.Recipient{{
			Name: "Ekstern leverandør af jobtræning", Kind: record.RecipientPrivate,
			Country: compliance.MustCountry("DK"), Data: shared,
		}},
		Erasure:  record.Erasure{Period: compliance.Years(5), From: record.FromCaseClosed},
		Security: record.Security{Measures: []record.Measure{record.AccessControl}},
		Special: record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare},
			NationalRule: compliance.Section(compliance.DKDataProtectionAct, "", "7", 3, "")},
		Criminal:   record.CriminalBasis{Rule: compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, "")},
		NationalID: record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		Processors: []record.ProcessorUse{{Name: "Fagsystem A/S"}},
		Status:     record.Draft,
	}
}

// personnel is complete and lawful as recorded: nothing to report.
func personnel() record.Activity {
	data := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment,
		compliance.Financial, compliance.NationalID)
	return record.Activity{
		Name:       "Løn og personaleadministration",
		Controller: dkParty(), DPO: dpo(),
		Purposes: []record.Purpose{{Name: "Ansættelse og lønudbetaling", Basis: compliance.Contract, Data: data}},
		Subjects: compliance.SubjectsOf(compliance.Employees),
		Data:     data,
		Recipients: []record.Recipient{{Name: "Skattestyrelsen", Kind: record.RecipientPublicAuthority,
			Country: compliance.MustCountry("DK"), Data: compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Financial)}},
		Erasure: record.Erasure{Period: compliance.Years(5), From: record.FromRelationshipEnded},
		Security: record.Security{Measures: []record.Measure{record.EncryptionInTransit, record.EncryptionAtRest,
			record.AccessControl, record.Logging}},
		NationalID: record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		Processors: []record.ProcessorUse{{ID: compliance.ProcessorID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x42}}, Name: "Lønsystem A/S"}},
		DPIA:       record.DPIARecord{Screening: record.DPIANotRequired},
		Status:     record.Approved,
		ReviewedOn: compliance.Date{Year: 2025, Month: time.March, Day: 3},
	}
}

func noParty() record.Party {
	orgnr, err := ident.ParseOrgNr("921098766") // an invented number with a valid check digit
	if err != nil {
		panic(err)
	}
	return record.Party{
		Name: "Eksempel kommune", OrgNr: orgnr, Jurisdiction: compliance.NO, PublicAuthority: true,
		Contact: record.ContactDetails{Address: "Rådhusgata 1, 9999 Eksempelby", Email: "postmottak@eksempel.kommune.no"},
	}
}

func noDPO() record.ContactDetails {
	return record.ContactDetails{Name: "Personvernombudet", Email: "personvernombud@eksempel.kommune.no"}
}

// noClass is a class of the kommune's arkivplan (Noark 5); the codes are
// the kommune's own, and these are invented.
func noClass(code string) []record.Classification {
	return []record.Classification{{Scheme: compliance.Noark, Code: code}}
}

// noSchool is the Norwegian school platform: the same provider, under the
// Education Act (opplæringslova), with photo sharing on consent from 13
// (personopplysningsloven § 5).
func noSchool() record.Activity {
	return record.Activity{
		Name:       "Læringsplattform",
		Controller: noParty(), DPO: noDPO(),
		Purposes: []record.Purpose{
			{
				Name: "Kommunikasjon mellom skole og hjem", Basis: compliance.PublicTask,
				NationalBasis: compliance.Ref{Instrument: compliance.NOAct, Doc: "opplæringslova"},
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education,
					compliance.Health, compliance.NationalID),
			},
			{
				Name: "Bildedeling i klassens galleri", Basis: compliance.Consent,
				InformationService: true, ConsentAge: 13,
				Data: compliance.CategoriesOf(compliance.Identity, compliance.Images),
			},
		},
		Subjects: compliance.SubjectsOf(compliance.Pupils, compliance.Parents, compliance.Employees),
		Data: compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education,
			compliance.Health, compliance.NationalID, compliance.Images),
		SubjectCount: 3100,
		Processors:   []record.ProcessorUse{{Name: "Skyplattform AS (USA-eid)"}},
		Transfers: []record.Transfer{{
			Country: compliance.MustCountry("US"), Recipient: "Cloudplatform Inc. (morselskap, brukerstøtte)",
			Safeguard: record.SafeguardStandardClauses,
		}},
		Erasure:        record.Erasure{Period: compliance.Years(1), From: record.FromRelationshipEnded},
		Security:       record.Security{Measures: []record.Measure{record.AccessControl, record.MultiFactor}},
		Special:        record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.SubstantialPublicInterest}},
		NationalID:     record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		DPIA:           record.DPIARecord{Screening: record.DPIARequired},
		Classification: noClass("B13"),
		Status:         record.Approved,
		ReviewedOn:     compliance.Date{Year: 2024, Month: time.January, Day: 10},
	}
}

// noHomeCare is home care (hjemmetjenester) under the Health and Care
// Services Act, with health data, kept as a draft without a time limit
// for erasure.
func noHomeCare() record.Activity {
	data := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Health, compliance.NationalID)
	return record.Activity{
		Name:       "Hjemmetjenester",
		Controller: noParty(), DPO: noDPO(),
		Purposes: []record.Purpose{{
			Name: "Tildeling og utføring av helse- og omsorgstjenester", Basis: compliance.PublicTask,
			NationalBasisText: "helse- og omsorgstjenesteloven",
			Data:              data,
		}},
		Subjects:   compliance.SubjectsOf(compliance.Patients, compliance.Elderly),
		Data:       data,
		LargeScale: true,
		Security:   record.Security{Measures: []record.Measure{record.AccessControl, record.Logging}},
		Special:    record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare}},
		NationalID: record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		Processors: []record.ProcessorUse{{Name: "Journalsystem AS"}},
		Status:     record.Draft,
	}
}

// noPersonnel is complete and lawful as recorded: nothing to report.
func noPersonnel() record.Activity {
	data := compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment,
		compliance.Financial, compliance.NationalID)
	return record.Activity{
		Name:       "Lønn og personaladministrasjon",
		Controller: noParty(), DPO: noDPO(),
		Purposes: []record.Purpose{{Name: "Ansettelse og lønnsutbetaling", Basis: compliance.Contract, Data: data}},
		Subjects: compliance.SubjectsOf(compliance.Employees),
		Data:     data,
		Recipients: []record.Recipient{{Name: "Skatteetaten", Kind: record.RecipientPublicAuthority,
			Country: compliance.MustCountry("NO"), Data: compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Financial)}},
		Erasure: record.Erasure{Period: compliance.Years(5), From: record.FromRelationshipEnded},
		Security: record.Security{Measures: []record.Measure{record.EncryptionInTransit, record.EncryptionAtRest,
			record.AccessControl, record.Logging}},
		NationalID:     record.NationalIDBasis{Conditions: []record.IDCondition{record.IDIdentification}},
		Processors:     []record.ProcessorUse{{ID: compliance.ProcessorID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x43}}, Name: "Lønnssystem AS"}},
		DPIA:           record.DPIARecord{Screening: record.DPIANotRequired},
		Classification: noClass("A10"),
		Status:         record.Approved,
		ReviewedOn:     compliance.Date{Year: 2025, Month: time.March, Day: 3},
	}
}
