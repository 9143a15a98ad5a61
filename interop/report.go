package interop

import (
	"iter"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Action is what an import does, or would do, with one record. The zero
// value is invalid.
type Action uint8

// Actions.
const (
	Create    Action = iota + 1 // the record is new
	Update                      // the record exists and changes
	Unchanged                   // the record exists and the source says the same
	Skip                        // the record cannot be imported (see the report's issues)
)

var actions = enum.New[Action]("action", "interop.action", compliance.UnknownCode,
	"create", "update", "unchanged", "skip")

// ParseAction returns the Action with the given code.
func ParseAction(s string) (Action, error) { return actions.Parse(s) }

// AllActions yields every Action.
func AllActions() iter.Seq[Action] { return actions.All() }

// String returns the stable code.
func (a Action) String() string { return actions.String(a) }

// Key returns the i18n message key.
func (a Action) Key() string { return actions.Key(a) }

// Valid reports whether a is a known Action.
func (a Action) Valid() bool { return actions.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Action) MarshalText() ([]byte, error) { return actions.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Action) UnmarshalText(b []byte) error { return actions.UnmarshalText(a, b) }

// Source is where a value came from: the system, the entity and its
// identity there, and the field (a JSON path, or a CSV row and column).
// It never holds the value itself.
type Source struct {
	// System is the source system: "kitos", "os2compliance", "art30".
	System string `json:"system"`
	// Entity is the kind of entity: "data-processing-registration",
	// "it-system-usage", "supplier", "asset", "row".
	Entity string `json:"entity,omitempty"`
	// ID is the entity's identity in the source: a KITOS UUID, an
	// OS2compliance ID, a CSV row number.
	ID string `json:"id,omitempty"`
	// Field is the field: "general.basisForTransfer", or a CSV column
	// heading.
	Field string `json:"field,omitempty"`
	// Row is the line of a CSV file the value is on, counting from 1; 0
	// for other sources.
	Row int `json:"row,omitempty"`
}

// String renders the location as "system entity id field", leaving out
// what is empty.
func (s Source) String() string {
	b := make([]byte, 0, 64)
	row := ""
	if s.Row > 0 {
		row = "row " + strconv.Itoa(s.Row)
	}
	for _, p := range []string{s.System, s.Entity, s.ID, row, s.Field} {
		if p == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, p...)
	}
	return string(b)
}

// Issue is a value an import could not map, or a fact it could not carry
// over, with where it came from. Code is the message key; Value is the
// source's value for vocabulary fields (an option or category name, at
// most [MaxValue] bytes), empty otherwise.
type Issue struct {
	// Code names the problem: "interop.unmapped-value",
	// "interop.kitos.country-unknown".
	Code compliance.Code `json:"code"`
	// Source is where the value came from.
	Source Source `json:"source"`
	// Value is the unmapped vocabulary value, truncated to MaxValue bytes.
	Value string `json:"value,omitempty"`
	// Blocking records that the issue stops the record from being
	// imported (its Change is a Skip).
	Blocking bool `json:"blocking,omitempty"`
}

// MaxValue is the longest value an [Issue] keeps, in bytes.
const MaxValue = 120

// Clip shortens s to at most MaxValue bytes on a rune boundary and drops
// control characters, so that a value from a source can be shown in a
// report.
func Clip(s string) string {
	b := make([]byte, 0, min(len(s), MaxValue))
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			r = ' '
		}
		if len(b)+utf8.RuneLen(r) > MaxValue {
			break
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// Change is what the import does, or would do, with one record.
type Change struct {
	// Action is create, update, unchanged or skip.
	Action Action `json:"action"`
	// Kind is the kind of record: "processor", "activity".
	Kind string `json:"kind"`
	// Key is the record's identity in the source ("kitos:<uuid>").
	Key string `json:"key"`
	// Name is the record's name: a company's name or an activity's name,
	// never a person's.
	Name string `json:"name"`
	// ID is the record's ID in tillid.
	ID string `json:"id,omitempty"`
	// Fields are the top-level fields that change (Update).
	Fields []string `json:"fields,omitempty"`
	// Row is the line of a CSV file the record is on; 0 for other
	// sources.
	Row int `json:"row,omitempty"`
}

// Report is the outcome of an import: its plan, and after Apply what was
// written.
type Report struct {
	// System is the source system.
	System string `json:"system"`
	// DryRun records that nothing was written: the report is a plan.
	DryRun bool `json:"dryRun"`
	// Changes are the records, in the order they are written.
	Changes []Change `json:"changes"`
	// Issues are the values that could not be mapped.
	Issues []Issue `json:"issues,omitempty"`
	// Written are the keys of the records written, in order; empty for a
	// dry run.
	Written []string `json:"written,omitempty"`
	// Failed is the key of the record whose write failed; empty when none
	// did. Records after it were not written.
	Failed string `json:"failed,omitempty"`

	seen map[Issue]bool
}

// Count returns the number of changes with action a.
func (r *Report) Count(a Action) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == a {
			n++
		}
	}
	return n
}

// Blocked reports whether any issue blocks a record: such an import is not
// applied.
func (r *Report) Blocked() bool {
	return slices.ContainsFunc(r.Issues, func(i Issue) bool { return i.Blocking })
}

// Add appends an issue, unless the same issue (code, source, value) is
// already in the report: an entity the import reads twice, such as a
// registration shared by two processors, is reported once.
func (r *Report) Add(code compliance.Code, src Source, value string, blocking bool) {
	i := Issue{Code: code, Source: src, Value: Clip(value), Blocking: blocking}
	if r.seen == nil {
		r.seen = map[Issue]bool{}
	}
	if r.seen[i] {
		return
	}
	r.seen[i] = true
	r.Issues = append(r.Issues, i)
}

// Message codes of the report document. Issue codes are the importers'.
const (
	CodeTitle       compliance.Code = "interop.report.title"
	CodeDryRun      compliance.Code = "interop.report.dry-run"
	CodeApplied     compliance.Code = "interop.report.applied"
	CodePartial     compliance.Code = "interop.report.partial"
	CodeSummary     compliance.Code = "interop.report.summary"
	CodeBlocked     compliance.Code = "interop.report.blocked"
	CodeChanges     compliance.Code = "interop.report.changes"
	CodeIssues      compliance.Code = "interop.report.issues"
	CodeChange      compliance.Code = "interop.report.change"
	CodeChangeField compliance.Code = "interop.report.change-fields"
	CodeIssue       compliance.Code = "interop.report.issue"
	CodeIssueValue  compliance.Code = "interop.report.issue-value"
	CodeNoIssues    compliance.Code = "interop.report.no-issues"
	CodeChangeRow   compliance.Code = "interop.report.change-row"
	CodeIssueRow    compliance.Code = "interop.report.issue-row"
	CodeIssueRowVal compliance.Code = "interop.report.issue-row-value"

	// CodeUnmapped is a source value the mapping does not know.
	CodeUnmapped compliance.Code = "interop.unmapped-value"
	// CodeMissingValue is a value the source should hold and does not.
	CodeMissingValue compliance.Code = "interop.missing-value"
	// CodeInvalidField is a field of a mapped record that does not
	// validate.
	CodeInvalidField compliance.Code = "interop.invalid-field"
)

// Codes yields every message code a report document or an importer uses,
// for the i18n test that walks them.
func Codes() iter.Seq[compliance.Code] {
	return slices.Values([]compliance.Code{
		CodeTitle, CodeDryRun, CodeApplied, CodePartial, CodeSummary, CodeBlocked,
		CodeChanges, CodeIssues, CodeChange, CodeChangeField, CodeIssue, CodeIssueValue, CodeNoIssues,
		CodeChangeRow, CodeIssueRow, CodeIssueRowVal, CodeUnmapped, CodeMissingValue, CodeInvalidField,
	})
}

// Document renders the report as a language-neutral document for i18n:
// a title naming the system, whether it was a dry run, the counts, each
// change and each issue with its source location. Unchanged records are
// counted, not listed.
func (r *Report) Document() compliance.Document {
	d := compliance.Document{Title: compliance.Msg(CodeTitle, compliance.Text(r.System))}
	switch {
	case r.DryRun:
		d.Paragraph(CodeDryRun)
	case r.Failed != "":
		d.Paragraph(CodePartial, compliance.Int(len(r.Written)), compliance.Text(r.Failed))
	default:
		d.Paragraph(CodeApplied, compliance.Int(len(r.Written)))
	}
	d.Paragraph(CodeSummary, compliance.Int(r.Count(Create)), compliance.Int(r.Count(Update)),
		compliance.Int(r.Count(Unchanged)), compliance.Int(r.Count(Skip)))
	if r.Blocked() {
		d.Paragraph(CodeBlocked)
	}
	if slices.ContainsFunc(r.Changes, func(c Change) bool { return c.Action != Unchanged }) {
		d.Heading(CodeChanges)
		for _, c := range r.Changes {
			switch {
			case c.Action == Unchanged:
			case c.Row > 0:
				d.Item(CodeChangeRow, compliance.Name(c.Action), compliance.Text(c.Name), compliance.Int(c.Row))
			case len(c.Fields) > 0:
				d.Item(CodeChangeField, compliance.Name(c.Action), compliance.Text(c.Name), compliance.Text(c.Key), compliance.Text(joinFields(c.Fields)))
			default:
				d.Item(CodeChange, compliance.Name(c.Action), compliance.Text(c.Name), compliance.Text(c.Key))
			}
		}
	}
	d.Heading(CodeIssues)
	if len(r.Issues) == 0 {
		d.Paragraph(CodeNoIssues)
	}
	for _, i := range r.Issues {
		switch {
		case i.Source.Row > 0 && i.Value != "":
			d.Item(CodeIssueRowVal, compliance.Name(i.Code), compliance.Text(i.Value), compliance.Int(i.Source.Row), compliance.Text(i.Source.Field))
		case i.Source.Row > 0:
			d.Item(CodeIssueRow, compliance.Name(i.Code), compliance.Int(i.Source.Row), compliance.Text(i.Source.Field))
		case i.Value != "":
			d.Item(CodeIssueValue, compliance.Name(i.Code), compliance.Text(i.Value), compliance.Text(i.Source.String()))
		default:
			d.Item(CodeIssue, compliance.Name(i.Code), compliance.Text(i.Source.String()))
		}
	}
	return d
}

func joinFields(fs []string) string {
	b := make([]byte, 0, 16*len(fs))
	for i, f := range fs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, f...)
	}
	return string(b)
}

// Row returns the Source of a CSV cell: its line, counting from 1 as a
// spreadsheet shows them, and its column's heading.
func Row(system string, row int, column string) Source {
	return Source{System: system, Row: row, Field: column}
}
