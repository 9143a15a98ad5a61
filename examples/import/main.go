// Command import reads a kommune's data processing registrations from KITOS
// (API v2), maps them into tillid's processor registry and prints the
// dry-run report: what would be created, changed or left alone, and every
// value that could not be mapped, with where it came from. Nothing is
// written unless -apply is given (and then only to this program's
// in-memory store).
//
// Without flags it runs without network: it starts a fake KITOS on the
// loopback address serving an invented kommune ("Eksempel Kommune") and
// prints the report in Danish.
//
//	go run ./examples/import
//	go run ./examples/import -lang nb
//
// Against a real KITOS (the API user's password is read from the
// environment, never from a flag):
//
//	KITOS_PASSWORD=… go run ./examples/import -kitos https://kitos.dk/ \
//	    -email api-bruger@kommune.dk -org <the kommune's organisation UUID> \
//	    -mapping mapping.json [-since 2024-09-01T00:00:00Z]
//
// Flags:
//
//	-kitos URL        KITOS's base URL (default: the built-in fake)
//	-email ADDRESS    the KITOS API user (default: the fake's)
//	-org UUID         the kommune's organisation UUID in KITOS
//	-cvr NUMBER       or the kommune's CVR number, to look the UUID up
//	-since RFC3339    import only what changed since, and the deletions
//	-mapping FILE     a JSON mapping (kitos.ParseMapping); default mapping.json here
//	-lang da|nb|nn|en the report's language (default da)
//	-apply            write to the in-memory store, then plan again
//
// A Norwegian kommune's protokoll (Datatilsynet's template, saved as CSV)
// instead of KITOS:
//
//	go run ./examples/import -art30 testdata/protokoll.csv -lang nb
//	go run ./examples/import -art30 FILE -template databehandler
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // the program may run where there is no zone database

	"github.com/google/uuid"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop/art30"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/kitos/kitostest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

//go:embed mapping.json
var exampleMapping []byte

func main() {
	if err := run(os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "import:", err)
		os.Exit(2)
	}
}

func run(args []string, env func(string) string, out io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	base := fs.String("kitos", "", "KITOS base URL")
	email := fs.String("email", kitostest.Email, "KITOS API user")
	org := fs.String("org", "0d3e8f10-1a2b-4c3d-8e4f-500000000001", "the kommune's organisation UUID")
	sinceFlag := fs.String("since", "", "changedSinceGtEq, RFC 3339")
	mapFile := fs.String("mapping", "", "mapping file")
	lang := fs.String("lang", "da", "language")
	apply := fs.Bool("apply", false, "write to the in-memory store")
	cvr := fs.String("cvr", "", "the kommune's CVR number")
	art30File := fs.String("art30", "", "a protokoll CSV file")
	template := fs.String("template", "behandlingsansvarlig", "behandlingsansvarlig or databehandler")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tag, err := language.Parse(*lang)
	if err != nil || i18n.Match(language.Und, *lang) == language.Und {
		return errors.New("-lang must be da, nb, nn or en")
	}
	orgID, err := uuid.Parse(*org)
	if err != nil {
		return errors.New("-org must be a UUID")
	}
	if *art30File != "" {
		return runArt30(*art30File, *template, tag, *apply, out)
	}
	var since time.Time
	if *sinceFlag != "" {
		if since, err = time.Parse(time.RFC3339, *sinceFlag); err != nil {
			return errors.New("-since must be an RFC 3339 instant")
		}
	}
	mb := exampleMapping
	if *mapFile != "" {
		if mb, err = os.ReadFile(*mapFile); err != nil {
			return err
		}
	}
	m, err := kitos.ParseMapping(mb)
	if err != nil {
		return err
	}

	password := env("KITOS_PASSWORD")
	if *base == "" {
		srv := kitostest.NewServer(kitostest.Example())
		defer srv.Close()
		*base, password = srv.URL, kitostest.Password
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c, err := kitos.NewClient(*base, *email, password, nil)
	if err != nil {
		return err
	}
	if *cvr != "" {
		if orgID, err = c.Kommune(ctx, *cvr); err != nil {
			return err
		}
	}
	src, err := kitos.Fetch(ctx, c, orgID, since)
	if err != nil {
		return err
	}

	// The kommune's processor registry; a host passes its own store.
	ctrl := compliance.ControllerID{UUID: orgID}
	store := processortest.NewMemStore()
	reg, err := processor.NewRegistry(store, ctrl, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}})
	if err != nil {
		return err
	}
	p := i18n.NewPrinter(tag)
	batch, err := kitos.Plan(ctx, kitos.StoreLister(store, ctrl), ctrl, src, m)
	if err != nil {
		return err
	}
	if !*apply {
		fmt.Fprint(out, p.Text(batch.Report().Document()))
		return nil
	}
	r, err := batch.Apply(ctx, reg)
	fmt.Fprint(out, p.Text(r.Document()))
	if err != nil {
		return err
	}
	again, err := kitos.Plan(ctx, kitos.StoreLister(store, ctrl), ctrl, src, m)
	if err != nil {
		return err
	}
	fmt.Fprintln(out)
	fmt.Fprint(out, p.Text(again.Report().Document()))
	return nil
}

// runArt30 imports a Norwegian protokoll into an in-memory register of
// records and prints the report.
func runArt30(file, template string, tag language.Tag, apply bool, out io.Writer) error {
	tpl := art30.Controller
	switch template {
	case "behandlingsansvarlig":
	case "databehandler":
		tpl = art30.Processor
	default:
		return errors.New("-template must be behandlingsansvarlig or databehandler")
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sheet, err := art30.Read(f, tpl)
	if err != nil {
		return err
	}
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{Jurisdiction: compliance.NO})
	if err != nil {
		return err
	}
	ctrl := compliance.ControllerID{UUID: uuid.MustParse("0d3e8f10-1a2b-4c3d-8e4f-5000000000a1")}
	opts := art30.Options{Controller: record.Party{Name: "Eksempel kommune", Jurisdiction: compliance.NO, PublicAuthority: true}}
	ctx := context.Background()
	b, err := art30.Plan(ctx, reg, ctrl, sheet, opts)
	if err != nil {
		return err
	}
	p := i18n.NewPrinter(tag)
	if !apply {
		fmt.Fprint(out, p.Text(b.Report().Document()))
		return nil
	}
	r, err := b.Apply(ctx, reg)
	fmt.Fprint(out, p.Text(r.Document()))
	return err
}
