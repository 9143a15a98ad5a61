// Package redact prints tillid's entities for fmt without the personal data
// they hold. An entity (a record of processing, a request, a DPIA, a
// retention rule or record) holds names, contact details, free text about
// citizens and national identity numbers; fmt would print every exported
// field of it. Its Format method calls [Format], which prints the summary
// its LogValue gives (IDs, versions, codes) instead, for every verb.
package redact

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// Format writes v's LogValue as "name{key:value key:value}" for every verb:
// %q quotes it, %#v and the others write it as it is. Nested groups are
// written as key:{...}.
func Format(f fmt.State, verb rune, name string, v slog.LogValuer) {
	var b strings.Builder
	b.WriteString(name)
	writeValue(&b, v.LogValue())
	s := b.String()
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	_, _ = io.WriteString(f, s)
}

func writeValue(b *strings.Builder, v slog.Value) {
	v = v.Resolve()
	if v.Kind() != slog.KindGroup {
		b.WriteString(v.String())
		return
	}
	b.WriteByte('{')
	for i, a := range v.Group() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a.Key)
		b.WriteByte(':')
		writeValue(b, a.Value)
	}
	b.WriteByte('}')
}
