package kitos_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/kitos"
)

// source400 is a kommune with 400 concluded registrations over 160 data
// processors (2–3 registrations each, as a processor serves several
// systems), each registration with a sub-processor, two oversight dates
// and a linked system usage.
func source400() kitos.Source {
	var src kitos.Source
	for i := range 400 {
		u := kitos.SystemUsage{UUID: fmt.Sprintf("5e000000-0000-4000-8000-%012d", i),
			SystemContext: kitos.Identity{UUID: fmt.Sprintf("5f000000-0000-4000-8000-%012d", i), Name: fmt.Sprintf("System %d", i)},
			GDPR: kitos.GDPR{Purpose: fmt.Sprintf("Formål %d", i%40), SpecificPersonalData: []string{"CprNumber"},
				RegisteredDataCategories: []kitos.Identity{{Name: "Kontaktoplysninger"}}}}
		src.SystemUsages = append(src.SystemUsages, u)
		proc := i % 160
		src.Registrations = append(src.Registrations, kitos.Registration{
			UUID: fmt.Sprintf("7b1c2d3e-0000-4000-8000-%012d", i), Name: fmt.Sprintf("Registrering %d", i),
			General: kitos.General{
				IsAgreementConcluded: "Yes", AgreementConcludedAt: kitos.NewTime(now.AddDate(-1, 0, -i)),
				TransferToInsecureThirdCountries: "No",
				DataProcessors:                   []kitos.Organization{{UUID: fmt.Sprintf("0d3e8f10-1a2b-4c3d-8e4f-%012d", proc), Name: fmt.Sprintf("Leverandør %d A/S", proc), CVR: "41234563"}},
				SubDataProcessors: []kitos.SubDataProcessor{{DataProcessorOrganization: kitos.Organization{
					UUID: fmt.Sprintf("0d3e8f10-1a2b-4c3d-8e4f-%012d", 1000+i%20), Name: fmt.Sprintf("Hosting %d ApS", i%20), CVR: "35876545"}}},
			},
			SystemUsages: []kitos.Identity{{UUID: u.UUID}},
			Oversight: kitos.Oversight{OversightInterval: "BiYearly", OversightOptions: []kitos.Identity{{Name: "Skriftlig kontrol"}},
				OversightDates: []kitos.OversightDate{
					{UUID: fmt.Sprintf("9e000000-0000-4000-8000-%012d", 2*i), CompletedAt: kitos.NewTime(now.AddDate(0, -6, 0))},
					{UUID: fmt.Sprintf("9e000000-0000-4000-8000-%012d", 2*i+1), CompletedAt: kitos.NewTime(now.AddDate(0, -1, 0))},
				}},
		})
	}
	return src
}

// BenchmarkPlan400 plans (dry run) an import of 400 registrations into an
// empty registry.
func BenchmarkPlan400(b *testing.B) {
	src, e := source400(), newEnv(b)
	b.ReportAllocs()
	for b.Loop() {
		batch, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, src, kitos.DefaultMapping())
		if err != nil || batch.Report().Count(interop.Create) != 160 || batch.Report().Blocked() {
			b.Fatal("unexpected plan", err)
		}
	}
}

// BenchmarkImport400 plans and applies an import of 400 registrations into
// an empty registry over the in-memory store, through processor.Registry.
func BenchmarkImport400(b *testing.B) {
	src := source400()
	b.ReportAllocs()
	for b.Loop() {
		e := newEnv(b)
		batch, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, src, kitos.DefaultMapping())
		if err != nil {
			b.Fatal(err)
		}
		r, err := batch.Apply(context.Background(), e.reg)
		if err != nil || len(r.Written) != 160 {
			b.Fatal("unexpected apply", err)
		}
	}
}

// BenchmarkReimport400 plans a re-import of the same 400 registrations
// over the registry they were imported into: everything is unchanged.
func BenchmarkReimport400(b *testing.B) {
	src, e := source400(), newEnv(b)
	batch, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, src, kitos.DefaultMapping())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := batch.Apply(context.Background(), e.reg); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		batch, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, src, kitos.DefaultMapping())
		if err != nil || batch.Report().Count(interop.Unchanged) != 160 {
			b.Fatal("unexpected re-plan", err)
		}
	}
}
