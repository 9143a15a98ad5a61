// Command merger merges the data-protection registers of two small
// Norwegian kommuner at the merger date and prints the report for the
// project group: what was matched, which processor agreements must be
// concluded anew with the new kommune, which DPIAs to review, which
// retention rules differ, and each old kommune's breach statistics carried
// over. The kommuner are Rygge and Moss, which merged into the new Moss
// kommune on 1 January 2020; their registers here are invented.
//
//	go run ./examples/merger
//	go run ./examples/merger -lang da -succession
//
// Flags:
//
//	-lang da|nb|nn|en  language (default nb)
//	-succession        the merger makes the new kommune the successor to the
//	                   old ones' agreements: update them instead of renewing
//	-json              print the merger as JSON
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/merger"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
	"golang.org/x/text/language"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "merger:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("merger", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "nb", "language: da, nb, nn or en")
	succession := fs.Bool("succession", false, "the new kommune succeeds to the old ones' agreements")
	asJSON := fs.Bool("json", false, "print the merger as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		return fmt.Errorf("-lang: %w", err)
	}
	origins, err := registers()
	if err != nil {
		return err
	}
	m, err := merger.Merge(compliance.MakeDate(2020, 1, 1), origins, merger.Policy{Succession: *succession})
	if err != nil {
		return err
	}
	if *asJSON {
		e := json.NewEncoder(out)
		e.SetIndent("", "  ")
		return e.Encode(m)
	}
	_, err = io.WriteString(out, i18n.NewPrinter(tag).Text(m.Report(origins)))
	return err
}

func id(kind, n byte) [16]byte { return [16]byte{6: 0x70, 8: 0x80, 14: kind, 15: n} }

// orgnr returns the organisasjonsnummer with the valid check digit after
// the eight digits of prefix.
func orgnr(prefix string) (ident.OrgNr, error) {
	for d := '0'; d <= '9'; d++ {
		if o, err := ident.ParseOrgNr(prefix + string(d)); err == nil {
			return o, nil
		}
	}
	return ident.OrgNr{}, fmt.Errorf("no organisasjonsnummer with prefix %s", prefix)
}

func registers() ([]merger.Origin, error) {
	fagsystem, err := orgnr("91000001")
	if err != nil {
		return nil, err
	}
	lonn, err := orgnr("91000002")
	if err != nil {
		return nil, err
	}
	no := compliance.MustCountry("NO")
	activity := func(n byte, name string, basis compliance.LegalBasis, data ...compliance.DataCategory) record.Activity {
		return record.Activity{ID: record.ActivityID{UUID: id(1, n)}, Role: record.RoleController, Name: name,
			Purposes: []record.Purpose{{Name: name, Basis: basis}}, Data: compliance.CategoriesOf(data...)}
	}
	agreement := func(n byte, from compliance.Date) processor.Agreement {
		return processor.Agreement{ID: processor.AgreementID{UUID: id(3, n)}, Template: processor.TemplateSSAD, From: from}
	}
	rule := func(n byte, class string, years int, v retention.Kassasjonsvedtak) retention.Rule {
		return retention.Rule{ID: compliance.RetentionRuleID{UUID: id(4, n)}, Jurisdiction: compliance.NO,
			Scheme: retention.Noark, Class: class, Kassasjonsvedtak: v, Bevaringstid: years}
	}
	rygge := merger.Origin{
		Controller: compliance.ControllerID{UUID: id(9, 1)}, Name: "Rygge kommune",
		Activities: []record.Activity{
			activity(1, "Elevadministrasjon", compliance.PublicTask, compliance.Identity, compliance.Education),
			activity(2, "Lønn og personal", compliance.LegalObligation, compliance.Identity, compliance.Financial, compliance.NationalID),
			activity(3, "Barnevern", compliance.PublicTask, compliance.Identity, compliance.SocialIssues, compliance.Health),
		},
		Processors: []processor.Processor{
			{ID: compliance.ProcessorID{UUID: id(2, 1)}, Name: "Fagsystem AS", OrgNr: fagsystem, Country: no,
				Agreements: []processor.Agreement{agreement(1, compliance.MakeDate(2017, 5, 1))},
				Audits:     []processor.Audit{{Type: processor.ISAE3000Type2, Issued: compliance.MakeDate(2019, 3, 1)}}},
		},
		DPIAs:    []dpia.Assessment{{ID: compliance.DPIAID{UUID: id(5, 1)}, Title: "Velferdsteknologi i hjemmetjenesten"}},
		Rules:    []retention.Rule{rule(1, "A20", 5, retention.Kasseres), rule(2, "B13", 0, retention.Bevares)},
		Breaches: []breach.Statistics{{Registered: 12, Breaches: 9, Notified: 4}},
	}
	moss := merger.Origin{
		Controller: compliance.ControllerID{UUID: id(9, 2)}, Name: "Moss kommune",
		Activities: []record.Activity{
			activity(4, "Elevadministrasjon", compliance.PublicTask, compliance.Identity, compliance.Education, compliance.Health),
			activity(5, "Lønn og personal", compliance.LegalObligation, compliance.Identity, compliance.Financial, compliance.NationalID),
		},
		Processors: []processor.Processor{
			{ID: compliance.ProcessorID{UUID: id(2, 2)}, Name: "FAGSYSTEM AS", OrgNr: fagsystem, Country: no,
				Agreements:    []processor.Agreement{agreement(2, compliance.MakeDate(2018, 7, 1))},
				Audits:        []processor.Audit{{Type: processor.ISAE3000Type2, Issued: compliance.MakeDate(2019, 3, 1)}},
				SubProcessors: []processor.SubProcessor{{Name: "Driftspartner AS", Country: no}}},
			{ID: compliance.ProcessorID{UUID: id(2, 3)}, Name: "Lønnssystem AS", OrgNr: lonn, Country: no,
				Agreements: []processor.Agreement{agreement(3, compliance.MakeDate(2015, 1, 1))}},
		},
		Rules:    []retention.Rule{rule(3, "A20", 10, retention.Kasseres), rule(4, "B13", 0, retention.Bevares)},
		Breaches: []breach.Statistics{{Registered: 30, Breaches: 21, Notified: 8}},
	}
	return []merger.Origin{rygge, moss}, nil
}
