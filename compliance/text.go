package compliance

import "unicode/utf8"

// Text records a problem with the free text s under field: [ReasonTooLong]
// when it is longer than max bytes, and [ReasonFormat] when it is not valid
// UTF-8 or holds a character that free text in tillid never holds. It is
// the one rule for every name, note, description and reference of every
// package, so that what one package accepts no other rejects:
//
//   - no C0 control character (U+0000–U+001F) and no DEL (U+007F), except,
//     in multiline text, line feed, tab and a carriage return directly
//     followed by a line feed (the line break of a form posted from a
//     browser or a Windows host);
//   - no C1 control character (U+0080–U+009F), the usual trace of text
//     decoded with the wrong code page;
//   - no LINE SEPARATOR or PARAGRAPH SEPARATOR (U+2028, U+2029), which break
//     lines in some readers and not in others (and end a line in
//     JavaScript source).
//
// The empty string passes: whether a field is required is the caller's
// rule ([Validation.Require]). The error never holds the text.
func (v *Validation) Text(field, s string, max int, multiline bool) {
	if r := textReason(s, max, multiline); r != 0 {
		v.Add(field, r)
	}
}

// textReason returns why s is not acceptable free text, or 0.
func textReason(s string, max int, multiline bool) Reason {
	if len(s) > max {
		return ReasonTooLong
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return ReasonFormat
		case r == '\n' || r == '\t':
			if !multiline {
				return ReasonFormat
			}
		case r == '\r':
			if !multiline || i+1 >= len(s) || s[i+1] != '\n' {
				return ReasonFormat
			}
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == '\u2028' || r == '\u2029':
			return ReasonFormat
		}
		i += n
	}
	return 0
}
