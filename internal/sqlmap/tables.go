package sqlmap

import (
	"github.com/google/uuid"
	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

// country is a country filter value's column text: "" (Never) for a code
// outside ISO 3166-1, which no stored record can carry.
func country(c compliance.Country) string {
	if !c.Valid() {
		return ""
	}
	return c.String()
}

// Processors maps [processor.Store].
var Processors = &Table[compliance.ProcessorID, processor.Processor, processor.Filter]{
	Name:   "processors",
	Entity: "processor",
	Columns: []Column{
		{"country", Text},
		{"locations", Set}, // the countries of its locations and its sub-processors'
	},
	ID:      func(p processor.Processor) uuid.UUID { return p.ID.UUID },
	Key:     func(id compliance.ProcessorID) uuid.UUID { return id.UUID },
	Version: func(p *processor.Processor) *uint64 { return &p.Version },
	Index: func(p processor.Processor) []any {
		var locs []string
		for _, l := range p.Locations {
			locs = append(locs, l.Country.String())
		}
		for _, s := range p.SubProcessors {
			for _, l := range s.Locations {
				locs = append(locs, l.Country.String())
			}
		}
		return []any{p.Country.String(), set(locs...)}
	},
	Where: func(f processor.Filter) []Cond {
		var w []Cond
		if !f.Country.IsZero() {
			w = append(w, code("country", country(f.Country)))
		}
		if !f.Location.IsZero() {
			if c := country(f.Location); c == "" {
				w = append(w, Cond{Column: "locations", Op: Never})
			} else {
				w = append(w, Cond{Column: "locations", Op: Has, Arg: c})
			}
		}
		return w
	},
}

// Breaches maps [breach.Store].
var Breaches = &Table[breach.ID, breach.Breach, breach.Filter]{
	Name:   "breaches",
	Entity: "breach",
	Columns: []Column{
		{"registered", Time},
		{"classification", Text},
		{"cause", Text},
		{"processor", Text},
	},
	ID:      func(b breach.Breach) uuid.UUID { return b.ID.UUID },
	Key:     func(id breach.ID) uuid.UUID { return id.UUID },
	Version: func(b *breach.Breach) *uint64 { return &b.Version },
	Index: func(b breach.Breach) []any {
		return []any{b.Registered, b.Classification.String(), b.Cause.String(), idText(b.Processor.ID.UUID)}
	},
	Where: func(f breach.Filter) []Cond {
		var w []Cond
		if !f.RegisteredFrom.IsZero() {
			w = append(w, Cond{Column: "registered", Op: Ge, Arg: f.RegisteredFrom})
		}
		if !f.RegisteredBefore.IsZero() {
			w = append(w, Cond{Column: "registered", Op: Lt, Arg: f.RegisteredBefore})
		}
		if f.Classification != 0 {
			w = append(w, code("classification", f.Classification.String()))
		}
		if f.Unclassified {
			w = append(w, Cond{Column: "classification", Op: Eq, Arg: ""})
		}
		if f.Cause != 0 {
			w = append(w, code("cause", f.Cause.String()))
		}
		if !f.Processor.IsZero() {
			w = append(w, Cond{Column: "processor", Op: Eq, Arg: idText(f.Processor.UUID)})
		}
		return w
	},
}

// DPIAs maps [dpia.Store].
var DPIAs = &Table[compliance.DPIAID, dpia.Assessment, dpia.Filter]{
	Name:   "dpias",
	Entity: "DPIA",
	Columns: []Column{
		{"draft", Bool},
		{"decision", Text},
		{"processors", Set}, // processors and sub-processors named in the description
	},
	ID:      func(a dpia.Assessment) uuid.UUID { return a.ID.UUID },
	Key:     func(id compliance.DPIAID) uuid.UUID { return id.UUID },
	Version: func(a *dpia.Assessment) *uint64 { return &a.Version },
	Index: func(a dpia.Assessment) []any {
		var ps []string
		for _, p := range a.Description.Processors {
			ps = append(ps, idText(p.UUID))
		}
		for _, p := range a.Description.SubProcessors {
			ps = append(ps, idText(p.UUID))
		}
		return []any{a.SignOff.IsZero(), a.SignOff.Decision.String(), set(ps...)}
	},
	Where: func(f dpia.Filter) []Cond {
		var w []Cond
		if f.Draft {
			w = append(w, Cond{Column: "draft", Op: Eq, Arg: true})
		}
		if f.Decision != 0 {
			w = append(w, code("decision", f.Decision.String()))
		}
		if !f.Processor.IsZero() {
			w = append(w, Cond{Column: "processors", Op: Has, Arg: idText(f.Processor.UUID)})
		}
		return w
	},
}

// Retention maps [retention.Store].
var Retention = &Table[compliance.RetentionRuleID, retention.Rule, retention.Filter]{
	Name:   "retention_rules",
	Entity: "retention rule",
	Columns: []Column{
		{"jurisdiction", Text},
		{"scheme", Text},
		{"class", Text},
		// Rule.ClassKey, under a unique index on (controller, class_key):
		// one rule per classification and controller.
		{"class_key", Text},
	},
	ID:      func(r retention.Rule) uuid.UUID { return r.ID.UUID },
	Key:     func(id compliance.RetentionRuleID) uuid.UUID { return id.UUID },
	Version: func(r *retention.Rule) *uint64 { return &r.Version },
	Index: func(r retention.Rule) []any {
		return []any{r.Jurisdiction.String(), r.Scheme.String(), r.Class, r.ClassKey()}
	},
	Where: func(f retention.Filter) []Cond {
		var w []Cond
		if f.Jurisdiction != 0 {
			w = append(w, code("jurisdiction", f.Jurisdiction.String()))
		}
		if f.Scheme != 0 {
			w = append(w, code("scheme", f.Scheme.String()))
		}
		if f.Class != "" {
			w = append(w, Cond{Column: "class", Op: Eq, Arg: f.Class})
		}
		return w
	},
}

// Activities maps [record.Store], the records of processing.
var Activities = &Table[record.ActivityID, record.Activity, record.Filter]{
	Name:   "activities",
	Entity: "record of processing",
	Columns: []Column{
		{"role", Text},
		{"status", Text},
		{"data", Set},       // the data categories' codes
		{"processors", Set}, // the processors' IDs
	},
	ID:      func(a record.Activity) uuid.UUID { return a.ID.UUID },
	Key:     func(id record.ActivityID) uuid.UUID { return id.UUID },
	Version: func(a *record.Activity) *uint64 { return &a.Version },
	Index: func(a record.Activity) []any {
		var data, ps []string
		for d := range a.Data.All() {
			data = append(data, d.String())
		}
		for _, p := range a.Processors {
			ps = append(ps, idText(p.ID.UUID))
		}
		return []any{a.Role.String(), a.Status.String(), set(data...), set(ps...)}
	},
	Where: func(f record.Filter) []Cond {
		var w []Cond
		if f.Role != 0 {
			w = append(w, code("role", f.Role.String()))
		}
		if f.Status != 0 {
			w = append(w, code("status", f.Status.String()))
		}
		if f.Data != 0 {
			var data []string
			for d := range f.Data.All() {
				data = append(data, d.String())
			}
			if data = set(data...); len(data) == 0 {
				w = append(w, Cond{Column: "data", Op: Never})
			} else {
				w = append(w, Cond{Column: "data", Op: Any, Arg: data})
			}
		}
		if !f.Processor.IsZero() {
			w = append(w, Cond{Column: "processors", Op: Has, Arg: idText(f.Processor.UUID)})
		}
		return w
	},
}

// Requests maps [rights.Store], the data-subject requests.
var Requests = &Table[rights.RequestID, rights.Request, rights.Filter]{
	Name:   "requests",
	Entity: "request",
	Columns: []Column{
		{"kind", Text},
		{"status", Text},
		{"open", Bool},
		{"received", Time},
	},
	ID:      func(r rights.Request) uuid.UUID { return r.ID.UUID },
	Key:     func(id rights.RequestID) uuid.UUID { return id.UUID },
	Version: func(r *rights.Request) *uint64 { return &r.Version },
	Index: func(r rights.Request) []any {
		return []any{r.Kind.String(), r.Status.String(), r.Status.Open(), r.Received}
	},
	Where: func(f rights.Filter) []Cond {
		var w []Cond
		if f.Kind != 0 {
			w = append(w, code("kind", f.Kind.String()))
		}
		if f.Status != 0 {
			w = append(w, code("status", f.Status.String()))
		}
		if f.Open {
			w = append(w, Cond{Column: "open", Op: Eq, Arg: true})
		}
		if !f.ReceivedFrom.IsZero() {
			w = append(w, Cond{Column: "received", Op: Ge, Arg: f.ReceivedFrom})
		}
		if !f.ReceivedBefore.IsZero() {
			w = append(w, Cond{Column: "received", Op: Lt, Arg: f.ReceivedBefore})
		}
		return w
	},
}

// Decisions maps [processor.DecisionStore]: decisions are evidence and are
// never updated, so the table has no meaningful version (every row has 1).
var Decisions = &Table[processor.DecisionID, processor.Decision, processor.DecisionFilter]{
	Name:   "processor_decisions",
	Entity: "processor decision",
	Columns: []Column{
		{"processor", Text},
		{"outcome", Text},
		{"at", Time},
	},
	ID:  func(d processor.Decision) uuid.UUID { return d.ID.UUID },
	Key: func(id processor.DecisionID) uuid.UUID { return id.UUID },
	Index: func(d processor.Decision) []any {
		return []any{idText(d.Processor.UUID), d.Outcome.String(), d.At}
	},
	Where: func(f processor.DecisionFilter) []Cond {
		var w []Cond
		if !f.Processor.IsZero() {
			w = append(w, Cond{Column: "processor", Op: Eq, Arg: idText(f.Processor.UUID)})
		}
		if f.Outcome != 0 {
			w = append(w, code("outcome", f.Outcome.String()))
		}
		if !f.From.IsZero() {
			w = append(w, Cond{Column: "at", Op: Ge, Arg: f.From})
		}
		if !f.To.IsZero() {
			w = append(w, Cond{Column: "at", Op: Lt, Arg: f.To})
		}
		return w
	},
}

// Courses maps [training.Store].
var Courses = &Table[training.CourseID, training.Course, training.Filter]{
	Name:    "training_courses",
	Entity:  "training course",
	Columns: []Column{{"topic", Text}, {"audience", Text}},
	ID:      func(c training.Course) uuid.UUID { return c.ID.UUID },
	Key:     func(id training.CourseID) uuid.UUID { return id.UUID },
	Version: func(c *training.Course) *uint64 { return &c.Version },
	Index:   func(c training.Course) []any { return []any{c.Topic.String(), c.Audience.String()} },
	Where: func(f training.Filter) []Cond {
		var w []Cond
		if f.Topic != 0 {
			w = append(w, code("topic", f.Topic.String()))
		}
		if f.Audience != 0 {
			w = append(w, code("audience", f.Audience.String()))
		}
		return w
	},
}

// Completions maps [training.CompletionStore].
var Completions = &Table[training.CompletionID, training.Completion, training.CompletionFilter]{
	Name:    "training_completions",
	Entity:  "training completion",
	Columns: []Column{{"course", Text}, {"employee", Text}},
	ID:      func(c training.Completion) uuid.UUID { return c.ID.UUID },
	Key:     func(id training.CompletionID) uuid.UUID { return id.UUID },
	Version: func(c *training.Completion) *uint64 { return &c.Version },
	Index:   func(c training.Completion) []any { return []any{idText(c.Course.UUID), c.Employee} },
	Where: func(f training.CompletionFilter) []Cond {
		var w []Cond
		if !f.Course.IsZero() {
			w = append(w, Cond{Column: "course", Op: Eq, Arg: idText(f.Course.UUID)})
		}
		if f.Employee != "" {
			w = append(w, Cond{Column: "employee", Op: Eq, Arg: f.Employee})
		}
		return w
	},
}

// DPOEntries maps [dpo.Store], the DPO's log of work.
var DPOEntries = &Table[dpo.EntryID, dpo.Entry, dpo.Filter]{
	Name:    "dpo_entries",
	Entity:  "DPO entry",
	Columns: []Column{{"task", Text}, {"year", Int}},
	ID:      func(e dpo.Entry) uuid.UUID { return e.ID.UUID },
	Key:     func(id dpo.EntryID) uuid.UUID { return id.UUID },
	Version: func(e *dpo.Entry) *uint64 { return &e.Version },
	Index:   func(e dpo.Entry) []any { return []any{e.Task.String(), int64(e.On.Year)} },
	Where: func(f dpo.Filter) []Cond {
		var w []Cond
		if f.Task != 0 {
			w = append(w, code("task", f.Task.String()))
		}
		if f.Year != 0 {
			w = append(w, Cond{Column: "year", Op: Eq, Arg: int64(f.Year)})
		}
		return w
	},
}

// DPOConditions maps [dpo.ConditionsStore], the yearly assessments of the
// DPO's conditions.
var DPOConditions = &Table[dpo.ConditionsID, dpo.Conditions, dpo.ConditionsFilter]{
	Name:    "dpo_conditions",
	Entity:  "DPO conditions",
	Columns: []Column{{"year", Int}},
	ID:      func(c dpo.Conditions) uuid.UUID { return c.ID.UUID },
	Key:     func(id dpo.ConditionsID) uuid.UUID { return id.UUID },
	Version: func(c *dpo.Conditions) *uint64 { return &c.Version },
	Index:   func(c dpo.Conditions) []any { return []any{int64(c.Year)} },
	Where: func(f dpo.ConditionsFilter) []Cond {
		if f.Year != 0 {
			return []Cond{{Column: "year", Op: Eq, Arg: int64(f.Year)}}
		}
		return nil
	},
}

// Notices maps [notice.Store], the privacy notices.
var Notices = &Table[notice.ID, notice.Notice, notice.Filter]{
	Name:    "notices",
	Entity:  "notice",
	Columns: []Column{{"area", Text}, {"jurisdiction", Text}},
	ID:      func(n notice.Notice) uuid.UUID { return n.ID.UUID },
	Key:     func(id notice.ID) uuid.UUID { return id.UUID },
	Version: func(n *notice.Notice) *uint64 { return &n.Version },
	Index:   func(n notice.Notice) []any { return []any{n.Area.String(), n.Jurisdiction.String()} },
	Where: func(f notice.Filter) []Cond {
		var w []Cond
		if f.Area != 0 {
			w = append(w, code("area", f.Area.String()))
		}
		if f.Jurisdiction != 0 {
			w = append(w, code("jurisdiction", f.Jurisdiction.String()))
		}
		return w
	},
}
