// Command register assesses a small Danish kommune's records of processing
// (Art 30 GDPR) against the principles of Art 5 and prints the findings,
// each with the provisions it rests on, in Danish and Norwegian.
//
// The register holds three activities: a school platform with pupils' data
// hosted by a US-owned provider, a jobcenter activity that shares social
// data with an external supplier, and a clean personnel activity with
// nothing to report. Names and numbers are invented.
//
//	go run ./examples/register
//	go run ./examples/register -lang nn
//
// Flags:
//
//	-lang da|nb|nn|en  one language (default: Danish, then Norwegian bokmål)
//	-at RFC3339        the instant of the assessment (default 2025-06-02T10:00:00+02:00)
package main

import (
	"context"
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
		fmt.Fprintln(os.Stderr, "register:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: da and nb)")
	atFlag := fs.String("at", "2025-06-02T10:00:00+02:00", "instant of the assessment, RFC 3339")
	if err := fs.Parse(args); err != nil {
		return err
	}
	at, err := time.Parse(time.RFC3339, *atFlag)
	if err != nil {
		return fmt.Errorf("-at: %w", err)
	}
	tags := []language.Tag{language.Danish, language.MustParse("nb")}
	if *lang != "" {
		tag := i18n.Match(language.Und, *lang)
		if tag == language.Und {
			return fmt.Errorf("-lang: %q is not one of da, nb, nn, en", *lang)
		}
		tags = []language.Tag{tag}
	}

	// The register: an in-memory store, a fixed clock and deterministic IDs,
	// so the output is the same on every run. A host passes its own store
	// and leaves Now and NewID unset.
	ctx := context.Background()
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		return err
	}
	at = at.In(cal.Location())
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{
		Options:  compliance.Options{Now: func() time.Time { return at }, NewID: compliance.Sequence()},
		Calendar: cal,
		// The kommune's own policy: no statute sets a review interval.
		Policy: &record.Policy{ReviewInterval: compliance.Years(1)},
	})
	if err != nil {
		return err
	}
	kommune := compliance.ControllerID{}
	for _, a := range []record.Activity{school(), jobcenter(), personnel()} {
		if _, err := reg.CreateActivity(ctx, kommune, a); err != nil {
			return err
		}
	}
	results, err := reg.AssessAll(ctx, kommune, record.Filter{})
	if err != nil {
		return err
	}

	for i, tag := range tags {
		if i > 0 {
			if _, err := io.WriteString(out, "\n"); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(out, render(i18n.NewPrinter(tag), at, results)); err != nil {
			return err
		}
	}
	return nil
}

// render writes the findings of each activity, grouped by principle, as a
// text document in p's language.
func render(p *i18n.Printer, at time.Time, results []record.Assessment) string {
	doc := compliance.Document{Title: compliance.Msg(record.CodeRegisterTitle, compliance.Text(kommuneParty().Name))}
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

func kommuneParty() record.Party {
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
		Controller: kommuneParty(), DPO: dpo(),
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
		Controller: kommuneParty(), DPO: dpo(),
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
		Controller: kommuneParty(), DPO: dpo(),
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
