package dpia

import (
	"strconv"

	"github.com/tillid/tillid/compliance"
)

// Limits on the free text an entity may hold. They keep stored records and
// decoding bounded; no legal rule lies behind them.
const (
	maxTitle = 200    // a title, a role, a measure's name, a list item's text
	maxText  = 10_000 // a description, a justification, a summary
	maxList  = 200    // items in a list of texts or IDs
	maxKey   = 40     // a measure key or a custom list item's code
)

// checkText records a problem with the free text s: longer than max bytes,
// not valid UTF-8, or holding control characters (line breaks and tabs are
// allowed when multiline). It never records the text itself.
func checkText(v *compliance.Validation, field, s string, max int, multiline bool) {
	v.Text(field, s, max, multiline)
}

// checkTexts checks a list of one-line texts: at most maxList of them,
// none empty.
func checkTexts(v *compliance.Validation, field string, ss []string) {
	if len(ss) > maxList {
		v.Add(field, compliance.ReasonLength)
		return
	}
	for i, s := range ss {
		f := index(field, i)
		if s == "" {
			v.Add(f, compliance.ReasonRequired)
			continue
		}
		checkText(v, f, s, maxTitle, false)
	}
}

// validToken reports whether s is a short lower-case token: ASCII letters,
// digits and inner hyphens.
func validToken(s string) bool {
	if s == "" || len(s) > maxKey || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// validKey reports whether s is a measure key: ASCII letters, digits,
// hyphens and dots, 1 to maxKey bytes ("M1", "T-3.2").
func validKey(s string) bool {
	if s == "" || len(s) > maxKey {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// checkEnums records, for a list of enum values, an invalid value
// (ReasonUnknown) or a repeated one (ReasonDuplicate), and a list longer
// than max (ReasonLength).
func checkEnums[T interface {
	comparable
	Valid() bool
}](v *compliance.Validation, field string, xs []T, max int) {
	if len(xs) > max {
		v.Add(field, compliance.ReasonLength)
		return
	}
	for i, x := range xs {
		switch {
		case !x.Valid():
			v.Add(index(field, i), compliance.ReasonUnknown)
		case indexOf(xs[:i], x) >= 0:
			v.Add(index(field, i), compliance.ReasonDuplicate)
		}
	}
}

func has[K comparable](m map[K]struct{}, k K) bool {
	_, ok := m[k]
	return ok
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// checkEnum records ReasonUnknown for an invalid, non-zero enum value.
func checkEnum[T interface {
	~uint8
	Valid() bool
}](v *compliance.Validation, field string, x T) {
	if x != 0 && !x.Valid() {
		v.Add(field, compliance.ReasonUnknown)
	}
}

// checkDate records ReasonDate for a non-zero date that is not a real date
// and ReasonRange for one outside the years the calendar counts
// ([compliance.CheckDate]).
func checkDate(v *compliance.Validation, field string, d compliance.Date) {
	v.Check(field, compliance.CheckDate(d))
}
