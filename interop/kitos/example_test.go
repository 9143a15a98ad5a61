package kitos_test

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/kitos/kitostest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// A host imports a kommune's registrations: fetch from KITOS (here the
// fake on the loopback address), plan against its store for the dry run,
// and apply when the DPO has read the report.
func ExamplePlan() {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	ctx := context.Background()

	c, err := kitos.NewClient(srv.URL, kitostest.Email, kitostest.Password, nil)
	if err != nil {
		panic(err)
	}
	org, err := c.Kommune(ctx, "29189919") // the kommune's CVR number
	if err != nil {
		panic(err)
	}
	src, err := kitos.Fetch(ctx, c, org, time.Time{})
	if err != nil {
		panic(err)
	}

	ctrl := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c1")}
	store := processortest.NewMemStore()
	reg, err := processor.NewRegistry(store, ctrl, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}})
	if err != nil {
		panic(err)
	}
	m := kitos.DefaultMapping()
	m.Organizations = map[string]compliance.Country{"0d3e8f10-1a2b-4c3d-8e4f-500000000013": compliance.MustCountry("LU")}

	batch, err := kitos.Plan(ctx, kitos.StoreLister(store, ctrl), ctrl, src, m)
	if err != nil {
		panic(err)
	}
	r := batch.Report()
	fmt.Println("dry run:", r.Count(interop.Create), "to create,", len(r.Issues), "values to look at")

	r, err = batch.Apply(ctx, reg)
	if err != nil {
		panic(err)
	}
	fmt.Println("written:", len(r.Written))
	// Output:
	// dry run: 3 to create, 9 values to look at
	// written: 3
}
