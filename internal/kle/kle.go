// Package kle reads the numbers of KL's Emnesystematik (KLE), the subject
// classification of Danish kommuner: the one parser behind package
// retention's KLENumber and Facet and package record's check of a KLE
// classification code.
//
// The forms are those of the KLE-XML schema 2.0: HovedgruppeNr
// "[0-9][0-9]", GruppeNr "[0-9][0-9][.][0-9][0-9]" and EmneNr
// "[0-9][0-9][.][0-9][0-9][.][0-9][0-9]" (KLE-Emneplan-version-2-0.xsd,
// dated 2011-02-15), and HandlingsfacetNr
// "A[0-9][0-9]|P[0-9][0-9]|S[0-9][0-9]|Ø[0-9][0-9]|G[0-9][0-9]|K[0-9][0-9]|I[0-9][0-9]"
// (KLE-Handlingsfacetter-version-2-0.xsd), as published in
// OpenESDH/openesdh-core.
package kle

import "strings"

// Letters are the seven categories of KLE's handlingsfacetter, in the
// order of the schema's HandlingsfacetNr pattern. B is not a category.
var Letters = [...]string{"A", "P", "S", "Ø", "G", "K", "I"}

// Number reads a hovedgruppe "NN", gruppe "NN.NN" or emne "NN.NN.NN". It
// returns the number as hovedgruppe*10000 + gruppe*100 + emne (missing
// levels are 0) and its depth: 1 hovedgruppe, 2 gruppe, 3 emne.
func Number(s string) (n uint32, depth uint8, ok bool) {
	switch len(s) {
	case 2, 5, 8:
	default:
		return 0, 0, false
	}
	for i := 0; i < len(s); i += 3 {
		a, b := s[i], s[i+1]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return 0, 0, false
		}
		if i+2 < len(s) && s[i+2] != '.' {
			return 0, 0, false
		}
		n = n*100 + uint32(a-'0')*10 + uint32(b-'0')
		depth++
	}
	for d := depth; d < 3; d++ {
		n *= 100
	}
	return n, depth, true
}

// Facet reads a handlingsfacet: a category letter of [Letters] followed by
// two digits. It returns 1 + the letter's index in Letters and the number.
func Facet(s string) (cat, n uint8, ok bool) {
	for i, l := range Letters {
		if len(s) == len(l)+2 && s[:len(l)] == l {
			a, b := s[len(l)], s[len(l)+1]
			if a < '0' || a > '9' || b < '0' || b > '9' {
				return 0, 0, false
			}
			return uint8(i + 1), (a-'0')*10 + b - '0', true
		}
	}
	return 0, 0, false
}

// Code reports whether s is a KLE classification code: a number, a
// handlingsfacet, or a number and a facet separated by one space
// ("00.01.00 G01").
func Code(s string) bool {
	topic, facet, both := strings.Cut(s, " ")
	if !both {
		if _, _, ok := Number(s); ok {
			return true
		}
		_, _, ok := Facet(s)
		return ok
	}
	_, _, ok1 := Number(topic)
	_, _, ok2 := Facet(facet)
	return ok1 && ok2
}
