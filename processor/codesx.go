package processor

import "github.com/tillid/tillid/compliance"

// Finding codes added in rule set 2.
const (
	// CodeNotLoaded: the registry has not read the store, and the
	// processor is not among the records it wrote or refreshed. No
	// arguments.
	CodeNotLoaded compliance.Code = "processor.registry-not-loaded"
)

// codesX are the codes of codesx.go, appended to [Codes].
func codesX() []compliance.Code {
	return []compliance.Code{CodeNotLoaded}
}
