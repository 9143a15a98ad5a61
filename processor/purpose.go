package processor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Purposes are matched by this rule: a request's purpose is covered by an
// agreement's purpose when the two are equal after removing white space at
// both ends, collapsing every run of white space inside to one space, and
// folding case (Unicode simple case folding, as [strings.EqualFold]).
// "Sagsbehandling", " sagsbehandling " and "SAGSBEHANDLING" are one
// purpose; "sags behandling" is another. [Agreement.Validate] rejects two
// purposes of one agreement that are equal by this rule.
//
// Purposes are the kommune's own codes (the ID of a processing activity, a
// KLE number, a short name of a purpose): they are not free text about
// citizens, and a denial names them.

// NormalizePurpose returns purpose with white space trimmed and collapsed
// and case folded to lower case: two purposes are equal by the matching
// rule when their normal forms are equal.
func NormalizePurpose(purpose string) string {
	return strings.ToLower(collapseSpace(purpose))
}

// collapseSpace trims s and collapses each run of white space to one space.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// samePurpose reports whether raw matches norm (an agreement's purpose with
// its white space collapsed) by the matching rule, without allocating.
func samePurpose(norm, raw string) bool {
	raw = strings.TrimSpace(raw)
	i, space := 0, false
	for _, r := range raw {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			if i >= len(norm) || norm[i] != ' ' {
				return false
			}
			i++
			space = false
		}
		if i >= len(norm) {
			return false
		}
		n, w := utf8.DecodeRuneInString(norm[i:])
		if n != r && !foldEqual(n, r) {
			return false
		}
		i += w
	}
	return i == len(norm)
}

// foldEqual reports whether r and s are equal under simple case folding.
func foldEqual(r, s rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == s {
			return true
		}
	}
	return false
}
