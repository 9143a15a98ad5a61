package i18n_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/art30"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/os2compliance"
)

// TestInteropNames walks every vocabulary enum of package interop.
func TestInteropNames(t *testing.T) {
	checkNames(t, "action", interop.AllActions())
}

// TestInteropCodes walks every message and issue code of package interop
// and its importers.
func TestInteropCodes(t *testing.T) {
	n, txt := compliance.Int(2), compliance.Text("x")
	args := map[compliance.Code][]compliance.Arg{
		interop.CodeTitle:       {txt},
		interop.CodeApplied:     {n},
		interop.CodePartial:     {n, txt},
		interop.CodeSummary:     {n, n, n, n},
		interop.CodeChange:      {compliance.Name(interop.Create), txt, txt},
		interop.CodeChangeField: {compliance.Name(interop.Update), txt, txt, txt},
		interop.CodeIssue:       {compliance.Name(interop.CodeUnmapped), txt},
		interop.CodeIssueValue:  {compliance.Name(interop.CodeUnmapped), txt, txt},
		interop.CodeChangeRow:   {compliance.Name(interop.Create), txt, n},
		interop.CodeIssueRow:    {compliance.Name(interop.CodeUnmapped), n, txt},
		interop.CodeIssueRowVal: {compliance.Name(interop.CodeUnmapped), txt, n, txt},
	}
	codes := map[compliance.Code][]compliance.Arg{}
	for c := range interop.Codes() {
		codes[c] = args[c]
	}
	for _, c := range slices.Concat(kitos.Codes(), art30.Codes(), os2compliance.Codes()) {
		codes[c] = nil
	}
	checkCodes(t, codes)
}

// The report of a dry run in Danish, with its counts' plural forms.
func TestInteropReportDanish(t *testing.T) {
	r := &interop.Report{System: "kitos", DryRun: true, Changes: []interop.Change{
		{Action: interop.Create, Kind: "processor", Key: "kitos:1", Name: "Eksempel IT A/S"},
		{Action: interop.Unchanged, Kind: "processor", Key: "kitos:2", Name: "Eksempel Løn ApS"},
	}}
	r.Add(interop.CodeUnmapped, interop.Source{System: "kitos", Entity: "it-system-usage", ID: "u1", Field: "gdpr.registeredDataCategories[0]"}, "Navn og adresse", false)
	got := i18n.NewPrinter(language.Danish).Text(r.Document())
	assert.Contains(t, got, "Import fra kitos")
	assert.Contains(t, got, "Prøvekørsel: intet er skrevet.")
	assert.Contains(t, got, "Nye: 1. Ændrede: 0. Uændrede: 1. Sprunget over: 0.")
	assert.Contains(t, got, "- Eksempel IT A/S (kitos:1) oprettes")
	assert.NotContains(t, got, "Eksempel Løn ApS", "unchanged records are counted, not listed")
	assert.Contains(t, got, "Værdien findes ikke i tilknytningen og er udeladt: »Navn og adresse« (kitos it-system-usage u1 gdpr.registeredDataCategories[0])")
	r.DryRun, r.Written, r.Failed = false, []string{"kitos:1"}, "kitos:3"
	got = i18n.NewPrinter(language.Danish).Text(r.Document())
	assert.Contains(t, got, "Importen stoppede ved kitos:3: 1 post blev skrevet før fejlen")
	assert.False(t, strings.Contains(got, "%!"))
}
