package server

import (
	"encoding/json"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/tillid/tillid/processor"
)

// appendResult appends the JSON form of the check result of d, with the
// rendered findings raw spliced in, and a newline: byte for byte what
// encoding/json writes for CheckResult (TestAppendResultMatchesJSON holds
// it to that), without reflection. ok is false when a value has no JSON
// form here (a time outside years 0–9999, an invalid enum); the caller
// then falls back to encoding/json, which reports the error.
func appendResult(b []byte, d *processor.Decision, raw json.RawMessage) (_ []byte, ok bool) {
	b = append(b, `{"id":`...)
	b = appendID(b, d.ID.UUID)
	b = append(b, ',')
	if b, ok = appendDecisionFields(b, d, true); !ok {
		return b, false
	}
	b = append(b, `,"findings":`...)
	b = append(b, raw...)
	return append(b, '}', '\n'), true
}

// appendDecision appends d as evidence: byte for byte what encoding/json
// writes for a processor.Decision (sqlmap.Decisions.Encode), with
// d.Findings' JSON raw spliced in (TestAppendDecisionMatchesJSON and
// FuzzAppendDecision hold it to that). ok is false as for appendResult.
func appendDecision(b []byte, d *processor.Decision, raw json.RawMessage) (_ []byte, ok bool) {
	b = append(b, '{')
	if !d.ID.IsZero() {
		b = append(b, `"id":`...)
		b = appendID(b, d.ID.UUID)
		b = append(b, ',')
	}
	if b, ok = appendDecisionFields(b, d, false); !ok {
		return b, false
	}
	if len(d.Findings) > 0 {
		b = append(b, `,"findings":`...)
		b = append(b, raw...)
	}
	return append(b, '}'), true
}

// appendDecisionFields appends the members of d's JSON form from
// "outcome" to "request", with "allowed" after the outcome when allowed
// is set (the check answer has it, the evidence does not).
func appendDecisionFields(b []byte, d *processor.Decision, allowed bool) (_ []byte, ok bool) {
	if !d.Outcome.Valid() {
		return b, false
	}
	b = append(b, `"outcome":`...)
	b = appendString(b, d.Outcome.String())
	if allowed {
		b = append(b, `,"allowed":`...)
		b = strconv.AppendBool(b, d.Allowed())
	}
	b = append(b, `,"processor":`...)
	b = appendID(b, d.Processor.UUID)
	if d.Name != "" {
		b = append(b, `,"name":`...)
		b = appendString(b, d.Name)
	}
	b = append(b, `,"processorVersion":`...)
	b = strconv.AppendUint(b, d.ProcessorVersion, 10)
	if !d.Agreement.IsZero() {
		b = append(b, `,"agreement":`...)
		b = appendID(b, d.Agreement.UUID)
	}
	if !d.Audit.IsZero() {
		b = append(b, `,"audit":`...)
		b = appendID(b, d.Audit.UUID)
	}
	b = append(b, `,"at":`...)
	if b, ok = appendTime(b, d.At); !ok {
		return b, false
	}
	b = append(b, `,"ruleSet":`...)
	b = appendString(b, d.RuleSet)
	if d.Policy != "" {
		b = append(b, `,"policy":`...)
		b = appendString(b, d.Policy)
	}
	r := &d.Request
	b = append(b, `,"request":{"processor":`...)
	b = appendID(b, r.Processor.UUID)
	b = append(b, `,"data":`...)
	b = appendSet(b, r.Data.All())
	b = append(b, `,"subjects":`...)
	b = appendSet(b, r.Subjects.All())
	b = append(b, `,"purpose":`...)
	b = appendString(b, r.Purpose)
	if r.Operations != 0 {
		b = append(b, `,"operations":`...)
		b = appendSet(b, r.Operations.All())
	}
	return append(b, '}'), true
}

// appendID appends an ID as its JSON string: the canonical UUID form, or
// "" for the zero ID (as compliance.ID's MarshalText).
func appendID(b []byte, u uuid.UUID) []byte {
	if u == uuid.Nil {
		return append(b, `""`...)
	}
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hex[c>>4], hex[c&0xf])
	}
	return append(b, '"')
}

// appendTime appends t as time.Time's MarshalJSON does.
func appendTime(b []byte, t time.Time) ([]byte, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

// appendSet appends the codes of an enum set as a JSON array, as
// enum.MarshalSet does.
func appendSet[T interface{ String() string }](b []byte, all func(func(T) bool)) []byte {
	b = append(b, '[')
	first := true
	for v := range all {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, v.String())
	}
	return append(b, ']')
}

// appendString appends s as a JSON string. Text that encoding/json writes
// unchanged (printable ASCII other than ", \, <, >, &, and valid UTF-8
// other than U+2028 and U+2029) is copied; anything else is left to
// encoding/json, so the escaping is always its own.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += n
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendMarshalled(b []byte, s string) []byte {
	m, _ := json.Marshal(s) // a string always marshals
	return append(b, m...)
}

// bufPool holds the buffers of request bodies and check answers. Buffers
// that grew past maxPooled are dropped, so one large body does not stay
// in memory.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

const maxPooled = 64 << 10

func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) > maxPooled {
		return
	}
	*b = (*b)[:0]
	bufPool.Put(b)
}
