package i18n_test

import (
	"iter"
	"strings"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// printers returns a Printer per supported language.
func printers() []*i18n.Printer {
	var ps []*i18n.Printer
	for _, tag := range i18n.Supported() {
		ps = append(ps, i18n.NewPrinter(tag))
	}
	return ps
}

// checkNames fails when any value of an enum has no name in any language:
// an invalid key, a missing message (x/text prints the key itself), an empty
// message, or a message with leftover formatting verbs.
func checkNames[T compliance.Keyed](t *testing.T, vocabulary string, all iter.Seq[T]) {
	t.Helper()
	n := 0
	for v := range all {
		n++
		key := v.Key()
		if key == "" {
			t.Errorf("%s: a value has no key", vocabulary)
			continue
		}
		for _, p := range printers() {
			got := p.Name(v)
			if got == "" || got == key || strings.Contains(got, "%!") {
				t.Errorf("%s: %s has no %s message (got %q)", vocabulary, key, p.Tag(), got)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no values", vocabulary)
	}
}

// checkCodes fails when any finding or message code has no message in any
// language; args are the arguments the code's message is rendered with.
func checkCodes(t *testing.T, codes map[compliance.Code][]compliance.Arg) {
	t.Helper()
	for code, args := range codes {
		if !code.Valid() {
			t.Errorf("code %q is malformed", code)
		}
		for _, p := range printers() {
			got := p.Message(compliance.Msg(code, args...))
			if got == "" || strings.HasPrefix(got, string(code)) || strings.Contains(got, "%!") {
				t.Errorf("%s has no usable %s message (got %q)", code, p.Tag(), got)
			}
		}
	}
}
