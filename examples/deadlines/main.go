// Command deadlines prints the legal deadlines that start when a kommune
// receives a data-subject request or becomes aware of a personal data
// breach: the answer to the request within one month (Art 12(3) GDPR), the
// outer limit of three months when the answer is extended, and the
// notification to Datatilsynet within 72 hours (Art 33(1)). Periods are
// counted as Regulation 1182/71 counts them, with the jurisdiction's public
// holidays, and explained in the chosen language.
//
//	go run ./examples/deadlines
//	go run ./examples/deadlines -j no -lang nn -at 2025-04-17T10:37:00+02:00
//
// Flags:
//
//	-j dk|no         jurisdiction (default dk)
//	-at RFC3339      the instant of receipt or awareness (default now)
//	-lang da|nb|nn|en  language (default: the jurisdiction's)
//	-extended        DK: treat 5 June, 24 and 31 December as non-working days
//	-strict-hours    count the 72 hours from the next full hour (Art 3(1) of
//	                 Reg 1182/71 read strictly)
//	-json            print the deadlines as JSON
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

func main() {
	err := run(os.Args[1:], os.Stdout, time.Now())
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage is printed; that is success
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "deadlines:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer, now time.Time) error {
	fs := flag.NewFlagSet("deadlines", flag.ContinueOnError)
	fs.SetOutput(out)
	jur := fs.String("j", "dk", "jurisdiction: dk or no")
	at := fs.String("at", "", "instant of receipt or awareness, RFC 3339 (default now)")
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: the jurisdiction's)")
	extended := fs.Bool("extended", false, "DK: 5 June, 24 and 31 December are non-working days")
	strict := fs.Bool("strict-hours", false, "count hours from the next full hour")
	asJSON := fs.Bool("json", false, "print the deadlines as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	j, err := compliance.ParseJurisdiction(*jur)
	if err != nil {
		return err
	}
	event := now
	if *at != "" {
		if event, err = time.Parse(time.RFC3339, *at); err != nil {
			return fmt.Errorf("-at: %w", err)
		}
	}
	opts := compliance.CalendarOptions{DanishExtended: *extended && j == compliance.DK}
	if *strict {
		opts.HourCount = compliance.HourCountNextHour
	}
	cal, err := compliance.NewCalendar(j, opts)
	if err != nil {
		return err
	}
	tag := i18n.DefaultFor(j)
	if *lang != "" {
		tag = i18n.Match(tag, *lang)
	}
	p := i18n.NewPrinter(tag).In(j)

	type deadline struct {
		Ref      compliance.Ref      `json:"ref"`
		Deadline compliance.Deadline `json:"deadline"`
	}
	var all []deadline
	doc := compliance.Document{Title: compliance.Msg(compliance.CodeText,
		compliance.Text(p.Name(j)+", "+p.Time(event.In(cal.Location()))))}
	for _, d := range []struct {
		ref    compliance.Ref
		period compliance.Period
	}{
		{compliance.GDPR(12, 3, ""), compliance.Months(1)}, // answer to a request
		{compliance.GDPR(12, 3, ""), compliance.Months(3)}, // extended by two further months
		{compliance.GDPR(33, 1, ""), compliance.Hours(72)}, // notify Datatilsynet
	} {
		dl, err := cal.Deadline(event, d.period)
		if err != nil {
			return err
		}
		all = append(all, deadline{d.ref, dl})
		doc.Heading(compliance.CodeText, compliance.RefArg(d.ref))
		for _, m := range dl.Explain() {
			doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph, Text: m})
		}
		doc.Blocks[len(doc.Blocks)-1].Refs = dl.Refs()
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	}
	_, err = io.WriteString(out, p.Text(doc))
	return err
}
