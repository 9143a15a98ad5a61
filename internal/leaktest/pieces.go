package leaktest

import (
	"errors"
	"sort"
	"strings"

	"github.com/tillid/tillid/compliance"
)

// Pieces returns the parts of err's message left when every name a
// validation error may legitimately contain is cut out: the entity, and the
// field paths, reasons, vocabulary names and accepted codes of each
// [compliance.FieldError] it wraps. A fuzz target checks the pieces, not the whole message, for text of
// its input: an input member called "onBehalfOf," is then not reported
// because the accepted list of members reads "…, onBehalfOf, …", while a
// name or number of the input copied into the error still is.
//
// Pieces errs towards silence: a short code such as "id" also cuts the
// word "invalid" in two. It does not judge; the caller decides what counts
// as input text.
func Pieces(err error) []string {
	if err == nil {
		return nil
	}
	var names []string
	add := func(fe *compliance.FieldError) {
		names = append(names, fe.Field, fe.Vocabulary, fe.Reason.String())
		names = append(names, fe.Accepted...)
	}
	var ve *compliance.ValidationError
	if errors.As(err, &ve) {
		names = append(names, ve.Entity)
		for _, fe := range ve.Fields {
			add(&fe)
		}
	}
	var fe *compliance.FieldError
	if errors.As(err, &fe) {
		add(fe)
	}
	// Longest first, so that "occurredUntil" is cut whole before "occurred".
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	pieces := []string{err.Error()}
	for _, n := range names {
		if n == "" {
			continue
		}
		var next []string
		for _, p := range pieces {
			next = append(next, strings.Split(p, n)...)
		}
		pieces = next
	}
	return pieces
}

// Repeats reports the first of texts that occurs in one of err's [Pieces],
// and whether there was one.
func Repeats(err error, texts []string) (string, bool) {
	pieces := Pieces(err)
	for _, t := range texts {
		for _, p := range pieces {
			if strings.Contains(p, t) {
				return t, true
			}
		}
	}
	return "", false
}
