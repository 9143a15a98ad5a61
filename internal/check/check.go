// Package check holds the field checks that the packages of records of
// processing and of data-subject requests share: enum codes, free text,
// list indexes and leaf values, each recorded in a [compliance.Validation]
// under the field's JSON path.
package check

import (
	"encoding"
	"errors"
	"strconv"
	"strings"

	"github.com/tillid/tillid/compliance"
)

// Enum is a vocabulary type of tillid: a uint8 code whose MarshalText fails
// with the vocabulary's [compliance.UnknownCode] error for a value outside
// it.
type Enum interface {
	~uint8
	encoding.TextMarshaler
}

// Code validates an enum value: zero is ReasonRequired when required, and
// a value outside the vocabulary is ReasonUnknown with the accepted codes.
func Code[T Enum](v *compliance.Validation, path string, x T, required bool) {
	if x == 0 {
		if required {
			v.Add(path, compliance.ReasonRequired)
		}
		return
	}
	if _, err := x.MarshalText(); err != nil {
		v.Check(path, err)
	}
}

// Codes validates a list of enum values: each is required and known, and
// none appears twice.
func Codes[T Enum](v *compliance.Validation, path string, xs []T) {
	for i, x := range xs {
		p := Index(path, i)
		Code(v, p, x, true)
		for _, y := range xs[:i] {
			if y == x && x != 0 {
				v.Add(p, compliance.ReasonDuplicate)
				break
			}
		}
	}
}

// Text validates text with [compliance.Validation.Text], and also: blank
// text is ReasonRequired when required and ReasonFormat otherwise (a
// record holds no text of spaces only).
func Text(v *compliance.Validation, path, s string, max int, required, multiline bool) {
	if strings.TrimSpace(s) == "" {
		if required {
			v.Add(path, compliance.ReasonRequired)
		} else if s != "" {
			v.Add(path, compliance.ReasonFormat)
		}
		return
	}
	v.Text(path, s, max, multiline)
}

// Index returns "path[i]".
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Leaf records err at path. A [*compliance.FieldError] from a value's own
// Validate or UnmarshalText names the value itself ("period", "country"),
// so it is placed at path, not under it.
func Leaf(v *compliance.Validation, path string, err error) {
	var fe *compliance.FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = ""
		v.Check(path, &c)
		return
	}
	v.Check(path, err)
}

// Calendar returns the calendar an operations type counts legal time with:
// cal when set, else the default calendar of j. It records "jurisdiction"
// as required when both are unset, inconsistent when they disagree, and
// unknown when j is outside the vocabulary.
func Calendar(v *compliance.Validation, j compliance.Jurisdiction, cal *compliance.Calendar) *compliance.Calendar {
	switch {
	case cal != nil:
		if j != 0 && j != cal.Jurisdiction() {
			v.Add("jurisdiction", compliance.ReasonInconsistent)
		}
		return cal
	case j == 0:
		v.Add("jurisdiction", compliance.ReasonRequired)
		return nil
	}
	c, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
	if err != nil {
		v.Check("jurisdiction", err)
		return nil
	}
	return c
}
