package processor

import "github.com/tillid/tillid/compliance"

// Finding codes added in rule set 2.
const (
	// CodeNotLoaded: the registry has not read the store, and the
	// processor is not among the records it wrote or refreshed. No
	// arguments.
	CodeNotLoaded compliance.Code = "processor.registry-not-loaded"

	// CodeTIAContradicted: a transfer impact assessment concludes that the
	// transfer is protected, but the recorded facts are those in which the
	// EDPB finds no effective measure (access to the data in the clear by a
	// recipient subject to surveillance law beyond what is necessary).
	// Date(assessment), Name(conclusion), Country or Name(organisation),
	// Name(access), Name(use case).
	CodeTIAContradicted compliance.Code = "processor.tia-contradicted"
	// CodeTIAContradictedKeys: as CodeTIAContradicted, where the data are
	// encrypted but the provider holds the keys. Same arguments.
	CodeTIAContradictedKeys compliance.Code = "processor.tia-contradicted-keys"

	// CodeAgreementOral: the agreement in force was agreed orally only, not
	// in writing (Art 28(9)). Text(processor).
	CodeAgreementOral compliance.Code = "processor.agreement-oral"
	// CodePurposeOutside: the purpose asked for is outside the agreement.
	// Text(purpose asked for), Text(purposes covered, comma-separated). It
	// replaces CodePurposeNotCovered, which named neither.
	CodePurposeOutside compliance.Code = "processor.purpose-outside"
)

// codesX are the codes of codesx.go, appended to [Codes].
func codesX() []compliance.Code {
	return []compliance.Code{CodeNotLoaded, CodeTIAContradicted, CodeTIAContradictedKeys, CodeAgreementOral, CodePurposeOutside}
}
