package i18n_test

import (
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// processorxArgs are the arguments of the codes package processor added in
// rule set 2 (in messages/processor.txt).
func processorxArgs() map[compliance.Code][]compliance.Arg {
	return map[compliance.Code][]compliance.Arg{
		processor.CodeNotLoaded: nil,
	}
}

// TestProcessorxCodes renders every new code in every language.
func TestProcessorxCodes(t *testing.T) {
	checkCodes(t, processorxArgs())
}

// TestProcessorxNames walks the vocabularies added in rule set 2.
func TestProcessorxNames(t *testing.T) {
	checkNames(t, "scheme", processor.AllIdentitySchemes())
}
