// Command esdh is an ESDH / sak-arkiv integration in miniature: before case
// data leave the kommune, it asks package processor whether the data may go
// to the processor now, and prints each decision with its reasons and legal
// references — in Danish by default, or in Norwegian bokmål, nynorsk or
// English — or as JSON for the host to store as evidence (Art 5(2) GDPR).
//
// The sample kommune's processors and share requests are embedded
// (sample.json): a compliant ESDH supplier; a jobcenter supplier without an
// agreement; a US-owned cloud that would receive health data, with support
// from the United States; a self-service supplier with an unapproved
// sub-processor in India; a payroll supplier whose supervision is overdue;
// and a request for data the compliant supplier's agreement does not
// cover. The CVR numbers are check-digit-valid examples, not the firms'.
//
//	go run ./examples/esdh
//	go run ./examples/esdh -lang nn
//	go run ./examples/esdh -json
//	go run ./examples/esdh -data my-kommune.json -at 2026-09-01T09:00:00+02:00
//
// Flags:
//
//	-lang da|nb|nn|en  language (default: the kommune's jurisdiction's)
//	-json              print the decisions and the overview as JSON
//	-data FILE         read processors and requests from FILE instead
//	-at RFC3339        the instant to evaluate at (default 2026-05-04 10:00
//	                   Copenhagen time, so that the output is reproducible)
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

//go:embed sample.json
var sample []byte

// defaultAt is the fixed evaluation instant.
const defaultAt = "2026-05-04T10:00:00+02:00"

// data is the layout of the JSON file: a kommune, its policy, its
// processors and the share requests to check.
type data struct {
	Kommune    string                `json:"kommune"`    // the kommune's name
	Policy     processor.Policy      `json:"policy"`     // its policy for the rules
	Processors []processor.Processor `json:"processors"` // its processors
	Requests   []processor.Request   `json:"requests"`   // the shares to check
}

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage is printed; that is success
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "esdh:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("esdh", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "", "language: da, nb, nn or en (default: the kommune's)")
	asJSON := fs.Bool("json", false, "print the decisions and the overview as JSON")
	file := fs.String("data", "", "JSON file with the kommune's processors and requests (default: the embedded sample)")
	atFlag := fs.String("at", defaultAt, "the instant to evaluate at, RFC 3339")
	if err := fs.Parse(args); err != nil {
		return err
	}
	at, err := time.Parse(time.RFC3339, *atFlag)
	if err != nil {
		return fmt.Errorf("-at: %w", err)
	}
	raw := sample
	if *file != "" {
		if raw, err = os.ReadFile(*file); err != nil {
			return err
		}
	}
	d, err := processor.Decode[data](raw, "data")
	if err != nil {
		return err
	}
	loc, err := d.Policy.Jurisdiction.Location()
	if err != nil {
		return err
	}
	at = at.In(loc)

	// The kommune's processors go into a store through the registry, which
	// validates them and assigns IDs; the registry then answers from its
	// compiled snapshot. A real integration keeps its records in its own
	// database behind processor.Store.
	ctx := context.Background()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xff}}
	reg, err := processor.NewRegistry(processortest.NewMemStore(), kommune,
		&processor.Options{Policy: d.Policy, Options: compliance.Options{Now: func() time.Time { return at }, NewID: compliance.Sequence()}})
	if err != nil {
		return err
	}
	for i, p := range d.Processors {
		if _, err := reg.Put(ctx, p); err != nil {
			return fmt.Errorf("processors[%d]: %w", i, err)
		}
	}

	decisions := make([]processor.Decision, len(d.Requests))
	for i, req := range d.Requests {
		decisions[i] = reg.Check(req, at)
	}
	overview := reg.Overview(at, compliance.Months(3))

	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Decisions []processor.Decision `json:"decisions"`
			Overview  processor.Overview   `json:"overview"`
		}{decisions, overview})
	}

	tag := i18n.DefaultFor(d.Policy.Jurisdiction)
	if *lang != "" {
		tag = i18n.Match(tag, *lang)
	}
	p := i18n.NewPrinter(tag).In(d.Policy.Jurisdiction)
	for i, dec := range decisions {
		if i > 0 {
			if _, err := io.WriteString(out, "\n"); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(out, p.Text(dec.Document())); err != nil {
			return err
		}
	}
	_, err = io.WriteString(out, "\n"+p.Text(overview.Document()))
	return err
}
