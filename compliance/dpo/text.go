package dpo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tillid/tillid/compliance"
)

// checkText validates a short single-line text: required when req, at most
// max bytes, valid UTF-8, no control or line-separator characters.
// TODO(arch): replace by compliance's shared free-text rule once it lands.
func checkText(v *compliance.Validation, field, s string, max int, req bool) {
	switch {
	case s == "":
		if req {
			v.Add(field, compliance.ReasonRequired)
		}
	case len(s) > max:
		v.Add(field, compliance.ReasonTooLong)
	case !utf8.ValidString(s) || strings.TrimSpace(s) != s:
		v.Add(field, compliance.ReasonFormat)
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }):
		v.Add(field, compliance.ReasonFormat)
	}
}

// checkMultiline validates a longer text that may hold line breaks and tabs.
func checkMultiline(v *compliance.Validation, field, s string, max int) {
	switch {
	case s == "":
	case len(s) > max:
		v.Add(field, compliance.ReasonTooLong)
	case !utf8.ValidString(s):
		v.Add(field, compliance.ReasonFormat)
	case strings.ContainsFunc(s, func(r rune) bool {
		return (unicode.IsControl(r) && r != '\n' && r != '\t') || r == '\u2028' || r == '\u2029'
	}):
		v.Add(field, compliance.ReasonFormat)
	}
}
