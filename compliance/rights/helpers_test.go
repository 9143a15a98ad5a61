package rights_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"regexp"
	"testing"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/internal/leaktest"
)

// The helpers of the tests of this package.

// recCPH is Copenhagen's zone (the tests import time/tzdata).
var recCPH = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		panic(err)
	}
	return loc
}()

// recUUID returns the n-th UUID of compliance.Sequence.
func recUUID(n int) uuid.UUID {
	next := compliance.Sequence()
	var u uuid.UUID
	for range n {
		u, _ = next()
	}
	return u
}

func recFields(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []string
	for _, f := range ve.Fields {
		got = append(got, f.Field)
	}
	return got
}

func recCodes(fs []compliance.Finding) []compliance.Code {
	var out []compliance.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// recLeaks returns the string tokens of the JSON input that an error must
// never repeat: those with an upper-case letter, a non-ASCII character or
// a run of five digits, none of which occurs in field paths, reasons or
// vocabulary codes. Short tokens, and camelCase words that may be member
// names ("nationalId"), may coincide with what an error names and are not
// checked.
func recLeaks(input []byte) []string {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(input))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		s, ok := tok.(string)
		if !ok || len(s) < 4 || recCamel.MatchString(s) {
			continue
		}
		digits := 0
		for _, r := range s {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case unicode.IsUpper(r) || r > unicode.MaxASCII:
				digits = 5
			default:
				digits = 0
			}
			if digits >= 5 {
				out = append(out, s)
				break
			}
		}
	}
}

var recCamel = regexp.MustCompile(`^[a-z]+(?:[A-Z][a-z]+)*$`)

func recCheckDecodeError(t *testing.T, input []byte, err error) {
	t.Helper()
	if !errors.Is(err, compliance.ErrInvalid) {
		t.Fatalf("error %v does not match ErrInvalid", err)
	}
	var ve *compliance.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 {
		t.Fatalf("error %v is not a ValidationError with fields", err)
	}
	// An error may name field paths (made of member names and indexes),
	// vocabularies and their accepted codes; the rest of it must not repeat
	// the input.
	if s, ok := leaktest.Repeats(err, recLeaks(input)); ok {
		t.Fatalf("error %q repeats input text %q", err, s)
	}
}

// TestCodesArePinned pins every code of the vocabularies of data-subject
// requests. Codes reach JSON and host databases: add new ones at the end;
// never rename or reorder.
func TestCodesArePinned(t *testing.T) {
	pinned := map[string][2][]string{
		"request-kind":     {codesOf(rights.AllKinds()), {"access", "rectification", "erasure", "restriction", "portability", "objection", "automated-decision"}},
		"channel":          {codesOf(rights.AllChannels()), {"letter", "email", "digital-post", "web-form", "in-person", "phone", "other"}},
		"request-status":   {codesOf(rights.AllStatuses()), {"received", "in-progress", "answered", "refused", "withdrawn"}},
		"verification":     {codesOf(rights.AllVerificationMethods()), {"eid", "digital-post", "id-document", "known", "other"}},
		"extension-reason": {codesOf(rights.AllExtensionReasons()), {"complexity", "number-of-requests"}},
		"refusal-ground":   {codesOf(rights.AllRefusalGrounds()), {"manifestly-unfounded", "excessive", "identity", "restriction", "erasure-exception"}},
		"erasure-status":   {codesOf(rights.AllErasureStatuses()), {"pending", "erase", "refuse"}},
		"erasure-ground":   {codesOf(rights.AllErasureGrounds()), {"legal-obligation", "archiving", "legal-claims"}},
		"extension-method": {codesOf(rights.AllExtensionMethods()), {"from-receipt", "from-first-deadline"}},
	}
	for name, p := range pinned {
		assert.Equal(t, p[1], p[0], name)
	}
	r, err := rights.ParseKind("erasure")
	require.NoError(t, err)
	assert.Equal(t, rights.Erasure, r)
	_, err = rights.ParseKind("Erasure")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

// codesOf returns the codes of every value, in numeric order.
func codesOf[T interface{ String() string }](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// The provisions behind the refusal grounds: Art 12(5), 11(2), 23, 17(3).
func TestRefusalGroundRefs(t *testing.T) {
	var got []string
	for g := range rights.AllRefusalGrounds() {
		got = append(got, g.Ref().String())
	}
	assert.Equal(t, []string{"gdpr art 12(5)", "gdpr art 12(5)", "gdpr art 11(2)", "gdpr art 23(1)", "gdpr art 17(3)"}, got)
	assert.True(t, rights.RefusalGround(0).Ref().IsZero())
}
