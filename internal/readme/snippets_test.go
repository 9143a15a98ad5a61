package readme_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/google/uuid"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/processor"
)

// The Go snippets of the README, each inside a function that gives it the
// variables the README's prose assumes. TestSnippets checks that every
// region between "readme:begin" and "readme:end" is a ```go block of the
// README and every ```go block of the README is such a region, so a
// snippet that stops compiling fails the build of this test. The
// functions are compiled, never run.

// errNotRegistered stands for the host's own error.
var errNotRegistered = errors.New("not in the register of processors")

func Example_checkBeforeSharing() {
	check := func(ctx context.Context, store processor.Store, kommune compliance.ControllerID, supplierCVR ident.CVR) error {
		// readme:begin
		reg, err := processor.NewRegistry(store, kommune, &processor.Options{
			Policy: processor.Policy{Jurisdiction: compliance.DK},
		})
		if err != nil {
			return err
		}
		if _, err := reg.Load(ctx); err != nil { // compile the registry from your store
			return err
		}
		id, ok := reg.Lookup(processor.KeyCVR(supplierCVR)) // or KeyOrgNr, KeyExternal(KITOS UUID), KeyID
		if !ok {
			return errNotRegistered // not in the register (or the CVR number is on two records)
		}
		d := reg.Check(processor.Request{ // a few hundred ns; no allocation when allowed
			Processor: id,
			Data:      compliance.CategoriesOf(compliance.Identity, compliance.SocialIssues),
			Subjects:  compliance.SubjectsOf(compliance.JobSeekers),
			Purpose:   "beskæftigelsesindsats",
		}, time.Now())
		p := i18n.NewPrinter(i18n.DefaultFor(compliance.DK))
		for _, f := range d.Findings {
			fmt.Println(p.Finding(f)) // Der er ingen databehandleraftale … (databeskyttelsesforordningens artikel 28, stk. 3)
		}
		// readme:end
		return nil
	}
	_ = check
}

func Example_deadline() {
	deadline := func(receivedAt time.Time, p *i18n.Printer) error {
		// readme:begin
		cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
		if err != nil {
			return err // no time-zone data: import _ "time/tzdata" in main
		}
		d, err := cal.Deadline(receivedAt, compliance.Months(1)) // Art 12(3)
		if err != nil {
			return err
		}
		for _, m := range d.Explain() {
			fmt.Println(p.Message(m)) // Fristen på 1 måned regnet fra … udløber ved udgangen af …
		}
		// readme:end
		return nil
	}
	_ = deadline
}

func Example_registers() {
	registers := func(ctx context.Context, activities record.Store, requests rights.Store, kommune compliance.ControllerID,
		activity record.Activity, p *i18n.Printer) error {
		// readme:begin
		records, err := record.NewRegister(activities, &record.Options{Jurisdiction: compliance.DK})
		if err != nil {
			return err
		}
		a, err := records.CreateActivity(ctx, kommune, activity) // validated, given an ID, stored
		if err != nil {
			return err
		}
		findings, err := records.Assess(ctx, kommune, a.ID) // Art 5, 6, 8, 9 and 10, and the national rules
		if err != nil {
			return err
		}
		for _, f := range findings {
			fmt.Println(p.Finding(f))
		}

		rs, err := rights.NewRegister(requests, &rights.Options{Jurisdiction: compliance.DK})
		if err != nil {
			return err
		}
		_, err = rs.ReceiveRequest(ctx, kommune, rights.Request{Kind: rights.Access, Channel: rights.ChannelDigitalPost})
		if err != nil {
			return err
		}
		due, err := rs.Due(ctx, kommune, time.Now()) // what is overdue or due next, by deadline (Art 12(3))
		if err != nil {
			return err
		}
		for _, d := range due {
			fmt.Println(p.Message(d.Message()))
		}
		// readme:end
		return nil
	}
	_ = registers
}

// The Store of package breach as the README shows it: the local interface
// and breach.Store must each satisfy the other.
func Example_store() {
	type (
		ID     = breach.ID
		Breach = breach.Breach
		Filter = breach.Filter
	)
	// readme:begin
	type Store interface {
		Get(ctx context.Context, c compliance.ControllerID, id ID) (Breach, error)
		Put(ctx context.Context, c compliance.ControllerID, b Breach) error
		List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Breach, error]
	}
	// readme:end
	var s Store = breach.Store(nil)
	var _ breach.Store = s
}

// Example_import is the KITOS import in a host.
func Example_import() {
	importKITOS := func(ctx context.Context, email, password string, kommuneOrgUUID uuid.UUID, lastImport time.Time,
		store processor.Store, ctrl compliance.ControllerID, mapping kitos.Mapping, registry interop.Registry) error {
		// readme:begin
		c, err := kitos.NewClient("https://kitos.dk/", email, password, nil)
		if err != nil {
			return err
		}
		src, err := kitos.Fetch(ctx, c, kommuneOrgUUID, lastImport) // zero time: everything
		if err != nil {
			return err
		}
		batch, err := kitos.Plan(ctx, kitos.StoreLister(store, ctrl), ctrl, src, mapping)
		if err != nil {
			return err
		}
		fmt.Print(i18n.NewPrinter(language.Danish).Text(batch.Report().Document())) // the dry run
		if _, err := batch.Apply(ctx, registry); err != nil {                       // when the DPO says yes
			return err
		}
		// readme:end
		return nil
	}
	_ = importKITOS
}

// testDB stands for a host's database in the README's conformance test.
type testDB struct{ breaches breach.Store }

func (db testDB) Breaches() breach.Store { return db.breaches }

func newTestDB(*testing.T) testDB { return testDB{breachtest.NewMemStore()} }

// readme:begin
func TestBreachStore(t *testing.T) {
	breachtest.Run(t, func(t *testing.T) breach.Store { return newTestDB(t).Breaches() })
}

// readme:end
