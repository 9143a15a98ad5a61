package interop_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop"
)

// A report tells a DPO what an import would do, and which values it could
// not carry over and where they came from, in the DPO's language.
func ExampleReport_Document() {
	r := &interop.Report{System: "kitos", DryRun: true, Changes: []interop.Change{
		{Action: interop.Create, Kind: "processor", Key: "kitos:0d3e8f10-1a2b-4c3d-8e4f-500000000010", Name: "Eksempel IT A/S"},
	}}
	r.Add(interop.CodeUnmapped, interop.Source{System: "kitos", Entity: "data-processing-registration",
		ID: "7b1c2d3e-0000-4000-8000-000000000003", Field: "general.basisForTransfer"}, "Andet", false)
	fmt.Print(i18n.NewPrinter(language.Danish).Text(r.Document()))
	// Output:
	// Import fra kitos
	// ================
	//
	// Prøvekørsel: intet er skrevet.
	//
	// Nye: 1. Ændrede: 0. Uændrede: 0. Sprunget over: 0.
	//
	// Poster
	// ------
	//
	// - Eksempel IT A/S (kitos:0d3e8f10-1a2b-4c3d-8e4f-500000000010) oprettes
	//
	// Værdier, der ikke kunne overføres
	// ---------------------------------
	//
	// - Værdien findes ikke i tilknytningen og er udeladt: »Andet« (kitos data-processing-registration 7b1c2d3e-0000-4000-8000-000000000003 general.basisForTransfer)
}
