package compliance_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/compliance"
)

// TestValidationText: the one rule for free text (no legal source; the
// characters are those of the Unicode categories Cc and Zl/Zp).
func TestValidationText(t *testing.T) {
	for _, tt := range []struct {
		name      string
		s         string
		max       int
		multiline bool
		want      compliance.Reason
	}{
		{"empty passes", "", 10, false, 0},
		{"plain", "Borgerservice", 20, false, 0},
		{"Danish and Norwegian letters", "Ærø Kommune, Måløy, Øvre Eiker", 40, false, 0},
		{"emoji and joiners", "👩‍⚕️ sundhed", 40, false, 0},
		{"at the limit", "abcde", 5, false, 0},
		{"one byte over", "abcdef", 5, false, compliance.ReasonTooLong},
		{"limit counts bytes", "ææ", 3, false, compliance.ReasonTooLong},
		{"invalid UTF-8", "ab\xffcd", 10, true, compliance.ReasonFormat},
		{"truncated rune", "æ"[:1], 10, true, compliance.ReasonFormat},
		{"newline in one-line text", "a\nb", 10, false, compliance.ReasonFormat},
		{"tab in one-line text", "a\tb", 10, false, compliance.ReasonFormat},
		{"newline and tab in multiline text", "a\n\tb", 10, true, 0},
		{"CRLF in multiline text", "a\r\nb\r\n", 10, true, 0},
		{"lone CR in multiline text", "a\rb", 10, true, compliance.ReasonFormat},
		{"CR at the end", "a\r", 10, true, compliance.ReasonFormat},
		{"CRLF in one-line text", "a\r\nb", 10, false, compliance.ReasonFormat},
		{"NUL", "a\x00b", 10, true, compliance.ReasonFormat},
		{"escape", "a\x1bb", 10, true, compliance.ReasonFormat},
		{"DEL", "a\x7fb", 10, true, compliance.ReasonFormat},
		{"C1 NEL", "a\u0085b", 10, true, compliance.ReasonFormat},
		{"C1 from a wrong code page", "a\u0096b", 10, true, compliance.ReasonFormat},
		{"NBSP is text", "a\u00a0b", 10, false, 0},
		{"line separator", "a\u2028b", 10, true, compliance.ReasonFormat},
		{"paragraph separator", "a\u2029b", 10, true, compliance.ReasonFormat},
		{"long multiline", strings.Repeat("linje\r\n", 100), 700, true, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var v compliance.Validation
			v.Text("note", tt.s, tt.max, tt.multiline)
			err := v.Err("x")
			if tt.want == 0 {
				assert.NoError(t, err)
				return
			}
			var ve *compliance.ValidationError
			if assert.ErrorAs(t, err, &ve) && assert.Len(t, ve.Fields, 1) {
				assert.Equal(t, compliance.FieldError{Field: "note", Reason: tt.want}, ve.Fields[0])
			}
			if tt.s != "" && len(tt.s) > 2 {
				assert.NotContains(t, err.Error(), tt.s, "the error never holds the text")
			}
		})
	}
}
