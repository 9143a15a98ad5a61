package compliance

import (
	"bytes"
	"encoding/json"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/internal/enum"
)

// Code is the stable identifier of a kind of finding or message. It is also
// the i18n message key, so it is lower-case, dotted and starts with the
// package that emits it: "breach.notify-authority", "processor.no-agreement".
// Codes are API: hosts store them and translate them; never rename one.
type Code string

// Key returns the i18n message key, which is the code itself.
func (c Code) Key() string { return string(c) }

// Valid reports whether c is a well-formed code: at least two dot-separated
// parts of lower-case ASCII letters, digits and hyphens.
func (c Code) Valid() bool {
	if len(c) < 3 || len(c) > 100 {
		return false
	}
	parts := 0
	for p := range strings.SplitSeq(string(c), ".") {
		if p == "" || p[0] == '-' || p[len(p)-1] == '-' {
			return false
		}
		for i := 0; i < len(p); i++ {
			ch := p[i]
			if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-') {
				return false
			}
		}
		parts++
	}
	return parts >= 2
}

// Keyed is implemented by every value that i18n can name: the vocabulary
// enums of every package and [Code]. Key returns the message key, or "" for
// an invalid value.
type Keyed interface {
	Key() string
}

// ArgKind says how an [Arg] is rendered.
type ArgKind uint8

// Argument kinds.
const (
	// ArgInt is a count; it also selects the plural form of the message.
	ArgInt ArgKind = iota + 1
	// ArgText is text shown as is in every language: an ID, a country code,
	// a reference number, or a label the controller gave part of its
	// processing (see [Finding] for what findings may quote). Documents
	// may hold other text a caseworker entered; a letter to the data
	// subject may hold personal data.
	ArgText
	// ArgName is a vocabulary value, rendered by its localised name.
	ArgName
	// ArgNames is a list of vocabulary values, rendered as a localised list
	// ("health, social issues and national ID numbers").
	ArgNames
	// ArgDate is a calendar date.
	ArgDate
	// ArgTime is an instant, rendered in its Location.
	ArgTime
	// ArgDuration is a length of time, rendered in hours and minutes.
	ArgDuration
	// ArgDecimal is an exact decimal number (a score, an amount without
	// currency).
	ArgDecimal
	// ArgRef is a legal reference, rendered as a citation.
	ArgRef
	// ArgPeriod is a legal period ("1 month", "72 hours").
	ArgPeriod
	// ArgCountry is a country, rendered by its name in the language.
	ArgCountry
)

var argKinds = enum.New[ArgKind]("arg-kind", "compliance.arg-kind", UnknownCode,
	"int", "text", "name", "names", "date", "time", "duration", "decimal", "ref", "period", "country")

// ParseArgKind returns the ArgKind with the given code.
func ParseArgKind(s string) (ArgKind, error) { return argKinds.Parse(s) }

// AllArgKinds yields every ArgKind.
func AllArgKinds() iter.Seq[ArgKind] { return argKinds.All() }

// String returns the stable code.
func (k ArgKind) String() string { return argKinds.String(k) }

// Key returns the i18n message key.
func (k ArgKind) Key() string { return argKinds.Key(k) }

// Valid reports whether k is a known ArgKind.
func (k ArgKind) Valid() bool { return argKinds.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k ArgKind) MarshalText() ([]byte, error) { return argKinds.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ArgKind) UnmarshalText(b []byte) error { return argKinds.UnmarshalText(k, b) }

// Arg is a typed argument of a message. Exactly the field named by Kind is
// used. Construct Args with [Int], [Text], [Name], [Names], [DateArg],
// [TimeArg], [DurationArg], [DecimalArg], [RefArg], [PeriodArg] and
// [CountryArg].
type Arg struct {
	Kind     ArgKind         `json:"kind"`
	Int      int64           `json:"int,omitzero"`
	Text     string          `json:"text,omitzero"`
	Keys     []string        `json:"keys,omitzero"` // message keys, for ArgName (one) and ArgNames
	Date     Date            `json:"date,omitzero"`
	Time     time.Time       `json:"time,omitzero"`
	Duration time.Duration   `json:"duration,omitzero"`
	Decimal  decimal.Decimal `json:"decimal,omitzero"`
	Ref      *Ref            `json:"ref,omitempty"` // by pointer: most arguments have none, and Arg stays small
	Period   Period          `json:"period,omitzero"`
	Country  Country         `json:"country,omitzero"`
}

// UnmarshalJSON reads an argument strictly (unknown members are rejected)
// and its decimal with at most [MaxDecimalDigits] digits, counted before
// the number is parsed ([DecodeDecimal]): a stored finding read back must
// not cost seconds for a long number.
func (a *Arg) UnmarshalJSON(b []byte) error {
	type plain Arg
	var w struct {
		plain
		Decimal json.RawMessage `json:"decimal,omitzero"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return &FieldError{Field: "arg", Reason: ReasonFormat}
	}
	x := Arg(w.plain)
	if w.Decimal != nil {
		d, err := DecodeDecimal(w.Decimal, MaxDecimalDigits)
		if err != nil {
			return err.(*FieldError).In("decimal")
		}
		x.Decimal = d
	}
	*a = x
	return nil
}

// Int returns a count argument.
func Int(n int) Arg { return Arg{Kind: ArgInt, Int: int64(n)} }

// Text returns a verbatim text argument.
func Text(s string) Arg { return Arg{Kind: ArgText, Text: s} }

// Name returns an argument rendered as the localised name of v.
func Name(v Keyed) Arg { return Arg{Kind: ArgName, Keys: []string{v.Key()}} }

// Names returns an argument rendered as a localised list of the names of vs.
func Names[T Keyed](vs iter.Seq[T]) Arg {
	a := Arg{Kind: ArgNames}
	for v := range vs {
		a.Keys = append(a.Keys, v.Key())
	}
	return a
}

// DateArg returns a date argument.
func DateArg(d Date) Arg { return Arg{Kind: ArgDate, Date: d} }

// TimeArg returns an instant argument, rendered in t's Location.
func TimeArg(t time.Time) Arg { return Arg{Kind: ArgTime, Time: t} }

// DurationArg returns a duration argument.
func DurationArg(d time.Duration) Arg { return Arg{Kind: ArgDuration, Duration: d} }

// DecimalArg returns an exact decimal argument.
func DecimalArg(d decimal.Decimal) Arg { return Arg{Kind: ArgDecimal, Decimal: d} }

// RefArg returns a legal-reference argument.
func RefArg(r Ref) Arg { return Arg{Kind: ArgRef, Ref: &r} }

// PeriodArg returns a legal-period argument.
func PeriodArg(p Period) Arg { return Arg{Kind: ArgPeriod, Period: p} }

// CountryArg returns a country argument.
func CountryArg(c Country) Arg { return Arg{Kind: ArgCountry, Country: c} }

// Validate reports whether the argument's kind is known and its keys are
// well formed.
func (a Arg) Validate() error {
	var v Validation
	v.Require("kind", a.Kind.Valid())
	switch a.Kind {
	case ArgName:
		v.Require("keys", len(a.Keys) == 1)
	case ArgRef:
		if a.Ref == nil {
			v.Add("ref", ReasonRequired)
		} else {
			v.Check("ref", a.Ref.Validate())
		}
	case ArgPeriod:
		v.Check("period", a.Period.Validate())
	case ArgCountry:
		v.Require("country", a.Country.Valid())
	}
	for i, k := range a.Keys {
		if !Code(k).Valid() {
			v.Add("keys["+strconv.Itoa(i)+"]", ReasonFormat)
		}
	}
	return v.Err("arg")
}

// Message is a language-neutral message: a key and its typed arguments.
// Package i18n renders it in each supported language.
type Message struct {
	Key  Code  `json:"key"`
	Args []Arg `json:"args,omitempty"`
}

// CodeText is the message "%[1]s": its one argument shown as it is. Use it
// for a document block that is only a citation, a name or a caseworker's
// text.
const CodeText Code = "compliance.text"

// Msg returns a Message.
func Msg(key Code, args ...Arg) Message { return Message{Key: key, Args: args} }

// Validate reports whether the key and every argument are well formed.
func (m Message) Validate() error {
	var v Validation
	v.Require("key", m.Key.Valid())
	for i, a := range m.Args {
		v.Check("args["+strconv.Itoa(i)+"]", a.Validate())
	}
	return v.Err("message")
}

// Finding is the result of applying a rule: what was found, how serious it
// is, the legal references it rests on, and the arguments its message needs.
// Findings are language-neutral; i18n renders them.
//
// What a finding may contain: codes, references, vocabulary values,
// numbers, dates, country codes, IDs and field paths — and, where a rule
// must say which item of a record it concerns, that item's name as the
// controller recorded it: the name of a purpose, a recipient or a processor
// in a record of processing (record.Assess). Those names label the
// kommune's own processing ("Elevadministration", "Skattestyrelsen"); the
// record's documentation asks that they hold no personal data, and the
// library cannot tell if one does, so a host that shows or logs findings
// shows those names. A finding never quotes a national identifier, a
// person's name or contact details, or free text about a case or a
// citizen (descriptions, summaries, notes, a breach's account); tests plant
// such data in every field of every entity and check the findings.
type Finding struct {
	// Code identifies the rule's conclusion and is the message key.
	Code Code `json:"code"`
	// Severity grades the finding.
	Severity Severity `json:"severity"`
	// Principle is the Art 5 principle the finding concerns, where the rule
	// belongs to one (zero otherwise).
	Principle Principle `json:"principle,omitzero"`
	// Refs are the provisions and guidance the rule rests on; never empty.
	// They are immutable, and shared: the findings of a rule share its
	// citation tables, which no one can change. The findings tillid
	// returns own their Args ([Detach]): a caller may change them without
	// changing anything another caller receives.
	Refs Refs `json:"refs"`
	// Args are the message's arguments.
	Args []Arg `json:"args,omitempty"`
	// Subject names what the finding is about without personal data: a field
	// path ("purposes[1]"), an entity ID, a country code. Empty when the
	// finding is about the whole entity.
	Subject string `json:"subject,omitempty"`
}

// Validate reports whether f is well formed: a valid code and severity, at
// least one valid ref, and valid arguments.
func (f Finding) Validate() error {
	var v Validation
	v.Require("code", f.Code.Valid())
	v.Require("severity", f.Severity.Valid())
	if f.Principle != 0 && !f.Principle.Valid() {
		v.Add("principle", ReasonUnknown)
	}
	v.Require("refs", f.Refs.Len() > 0)
	v.Check("refs", f.Refs.Validate())
	for i, a := range f.Args {
		v.Check("args["+strconv.Itoa(i)+"]", a.Validate())
	}
	return v.Err("finding")
}

// Message returns the finding's message: its code and arguments.
func (f Finding) Message() Message { return Message{Key: f.Code, Args: f.Args} }

// Worst returns the highest severity among fs, or 0 when fs is empty.
func Worst(fs []Finding) Severity {
	var w Severity
	for i := range fs {
		w = max(w, fs[i].Severity)
	}
	return w
}

// Block is one element of a [Document].
type Block struct {
	// Kind says how the block is laid out.
	Kind BlockKind `json:"kind"`
	// Label is the field label of a BlockField (the form's question, "Art
	// 33(3)(a): nature of the breach") and is unused otherwise.
	Label Message `json:"label,omitzero"`
	// Text is the heading, paragraph, list item or field value.
	Text Message `json:"text"`
	// Refs cite the provisions the block answers to.
	Refs Refs `json:"refs,omitzero"`
}

// BlockKind is the layout of a [Block].
type BlockKind uint8

// Block kinds.

const BlockHeading BlockKind = 1   // a section heading
const BlockParagraph BlockKind = 2 // running text
const BlockField BlockKind = 3     // a labelled value, as in a form
const BlockItem BlockKind = 4      // an item of a bulleted list

var blockKinds = enum.New[BlockKind]("block-kind", "compliance.block-kind", UnknownCode,
	"heading", "paragraph", "field", "item")

// ParseBlockKind returns the BlockKind with the given code.
func ParseBlockKind(s string) (BlockKind, error) { return blockKinds.Parse(s) }

// AllBlockKinds yields every BlockKind.
func AllBlockKinds() iter.Seq[BlockKind] { return blockKinds.All() }

// String returns the stable code.
func (k BlockKind) String() string { return blockKinds.String(k) }

// Key returns the i18n message key.
func (k BlockKind) Key() string { return blockKinds.Key(k) }

// Valid reports whether k is a known BlockKind.
func (k BlockKind) Valid() bool { return blockKinds.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k BlockKind) MarshalText() ([]byte, error) { return blockKinds.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *BlockKind) UnmarshalText(b []byte) error { return blockKinds.UnmarshalText(k, b) }

// Document is a structured, language-neutral document — a notice to
// Datatilsynet, a letter to data subjects, a register export — made of
// messages that i18n renders in each language (as text or Markdown).
type Document struct {
	Title  Message `json:"title"`
	Blocks []Block `json:"blocks"`
}

// Heading appends a heading.
func (d *Document) Heading(key Code, args ...Arg) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockHeading, Text: Msg(key, args...)})
}

// Paragraph appends a paragraph.
func (d *Document) Paragraph(key Code, args ...Arg) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockParagraph, Text: Msg(key, args...)})
}

// Item appends a list item.
func (d *Document) Item(key Code, args ...Arg) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockItem, Text: Msg(key, args...)})
}

// Field appends a labelled value citing refs (copied, as [RefsOf] does).
func (d *Document) Field(label, value Message, refs ...Ref) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockField, Label: label, Text: value, Refs: RefsOf(refs...)})
}
