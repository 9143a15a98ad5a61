package i18n_test

import (
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// processorxArgs are the arguments of the codes package processor added in
// rule set 2 (processorx_<lang>.go).
func processorxArgs() map[compliance.Code][]compliance.Arg {
	return map[compliance.Code][]compliance.Arg{
		processor.CodeNotLoaded: nil,
		processor.CodeTIAContradicted: {compliance.DateArg(compliance.Date{Year: 2026, Month: 3, Day: 1}), compliance.Name(processor.Equivalent),
			compliance.CountryArg(compliance.MustCountry("US")), compliance.Name(processor.Support), compliance.Name(processor.RemoteClearText)},
		processor.CodeTIAContradictedKeys: {compliance.DateArg(compliance.Date{Year: 2026, Month: 3, Day: 1}), compliance.Name(processor.Equivalent),
			compliance.CountryArg(compliance.MustCountry("US")), compliance.Name(processor.Hosting), compliance.Name(processor.CloudClearText)},
		processor.CodeAgreementOral:  {compliance.Text("Sagssystemer A/S")},
		processor.CodePurposeOutside: {compliance.Text("markedsføring"), compliance.Text("sag, journal")},
	}
}

// TestProcessorxCodes renders every new code in every language.
func TestProcessorxCodes(t *testing.T) {
	checkCodes(t, processorxArgs())
}

// TestProcessorxNames walks the vocabularies added in rule set 2.
func TestProcessorxNames(t *testing.T) {
	checkNames(t, "scheme", processor.AllIdentitySchemes())
	checkNames(t, "form", processor.AllForms())
	checkNames(t, "body", processor.AllBodies())
}
