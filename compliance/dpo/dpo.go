package dpo

import (
	"fmt"
	"io"
	"iter"
	"log/slog"
	"regexp"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
)

type entryMark struct{}

// EntryID identifies an [Entry] of the DPO's log.
type EntryID = compliance.ID[entryMark]

// ParseEntryID parses the text form of an EntryID.
func ParseEntryID(s string) (EntryID, error) { return compliance.ParseID[entryMark](s) }

// Task is a task of the DPO under Art 38 and 39 GDPR.
type Task uint8

// Tasks.
const (
	// Advice: informing and advising the controller and its staff of their
	// obligations, Art 39(1)(a).
	Advice Task = iota + 1
	// Monitoring compliance, including audits and the assignment of
	// responsibilities, Art 39(1)(b).
	Monitoring
	// Awareness: awareness-raising and training of staff, Art 39(1)(b).
	Awareness
	// DPIAAdvice: advice on a data protection impact assessment and
	// monitoring its performance, Art 39(1)(c) and 35(2).
	DPIAAdvice
	// AuthorityCooperation: cooperating with Datatilsynet, Art 39(1)(d).
	AuthorityCooperation
	// AuthorityContact: acting as Datatilsynet's contact point, including
	// prior consultation, Art 39(1)(e).
	AuthorityContact
	// CitizenInquiry: a data subject contacted the DPO, Art 38(4).
	CitizenInquiry
	// ManagementReport: reporting to the highest management level, Art 38(3).
	ManagementReport
)

var tasks = enum.New[Task]("task", "dpo.task", compliance.UnknownCode,
	"advice", "monitoring", "awareness", "dpia-advice", "authority-cooperation",
	"authority-contact", "citizen-inquiry", "management-report")

// ParseTask returns the Task with the given code.
func ParseTask(s string) (Task, error) { return tasks.Parse(s) }

// AllTasks yields every Task.
func AllTasks() iter.Seq[Task] { return tasks.All() }

// String returns the stable code.
func (t Task) String() string { return tasks.String(t) }

// Key returns the i18n message key.
func (t Task) Key() string { return tasks.Key(t) }

// Valid reports whether t is a known Task.
func (t Task) Valid() bool { return tasks.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Task) MarshalText() ([]byte, error) { return tasks.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Task) UnmarshalText(b []byte) error { return tasks.UnmarshalText(t, b) }

// Ref returns the provision the task rests on.
func (t Task) Ref() compliance.Ref {
	switch t {
	case Advice:
		return compliance.GDPR(39, 1, "a")
	case Monitoring, Awareness:
		return compliance.GDPR(39, 1, "b")
	case DPIAAdvice:
		return compliance.GDPR(39, 1, "c")
	case AuthorityCooperation:
		return compliance.GDPR(39, 1, "d")
	case AuthorityContact:
		return compliance.GDPR(39, 1, "e")
	case CitizenInquiry:
		return compliance.GDPR(38, 4, "")
	case ManagementReport:
		return compliance.GDPR(38, 3, "")
	}
	return compliance.GDPR(39, 0, "")
}

// Involvement says when the DPO was brought into a matter (Art 38(1):
// "properly and in a timely manner").
type Involvement uint8

// Involvements.
const (
	// Timely: before the decision, in time for the advice to count.
	Timely Involvement = iota + 1
	// Late: after the decision was taken or the processing started.
	Late
)

var involvements = enum.New[Involvement]("involvement", "dpo.involvement", compliance.UnknownCode,
	"timely", "late")

// ParseInvolvement returns the Involvement with the given code.
func ParseInvolvement(s string) (Involvement, error) { return involvements.Parse(s) }

// AllInvolvements yields every Involvement.
func AllInvolvements() iter.Seq[Involvement] { return involvements.All() }

// String returns the stable code.
func (i Involvement) String() string { return involvements.String(i) }

// Key returns the i18n message key.
func (i Involvement) Key() string { return involvements.Key(i) }

// Valid reports whether i is a known Involvement.
func (i Involvement) Valid() bool { return involvements.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i Involvement) MarshalText() ([]byte, error) { return involvements.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Involvement) UnmarshalText(b []byte) error { return involvements.UnmarshalText(i, b) }

// Outcome says whether the controller followed the DPO's advice.
type Outcome uint8

// Outcomes.
const (
	// Pending: not decided yet.
	Pending Outcome = iota + 1
	// Followed: the advice was followed.
	Followed
	// PartlyFollowed: some of the advice was followed.
	PartlyFollowed
	// NotFollowed: the advice was not followed.
	NotFollowed
)

var outcomes = enum.New[Outcome]("outcome", "dpo.outcome", compliance.UnknownCode,
	"pending", "followed", "partly-followed", "not-followed")

// ParseOutcome returns the Outcome with the given code.
func ParseOutcome(s string) (Outcome, error) { return outcomes.Parse(s) }

// AllOutcomes yields every Outcome.
func AllOutcomes() iter.Seq[Outcome] { return outcomes.All() }

// String returns the stable code.
func (o Outcome) String() string { return outcomes.String(o) }

// Key returns the i18n message key.
func (o Outcome) Key() string { return outcomes.Key(o) }

// Valid reports whether o is a known Outcome.
func (o Outcome) Valid() bool { return outcomes.Valid(o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.MarshalText(o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Outcome) UnmarshalText(b []byte) error { return outcomes.UnmarshalText(o, b) }

// Limits of an entry's text fields, in bytes.
const (
	MaxTopic  = 300
	MaxReason = 2000
)

// MaxEntries is the most log entries of one year [Register.Review] reads.
// A DPO who logged every piece of advice, inquiry and awareness session of
// a large kommune would write some thousands a year; 10,000 is 40 a working
// day. A year past it is not a DPO's log, and reading it in one piece is
// not bounded work.
const MaxEntries = 10_000

// Entry is one piece of the DPO's work.
type Entry struct {
	ID      EntryID `json:"id"`
	Version uint64  `json:"version"`
	Task    Task    `json:"task"`
	// On is the day of the work (the advice given, the inquiry received).
	On compliance.Date `json:"on"`
	// Topic says in a few words what it concerned ("new school platform",
	// "retention of job applications"). Not personal data.
	Topic string `json:"topic"`
	// DPIA links advice on a DPIA to dpia's assessment, whose DPO advice
	// (Art 35(2)) it is.
	DPIA compliance.DPIAID `json:"dpia,omitzero"`
	// Breach links work on a personal data breach to breach's record.
	Breach compliance.BreachID `json:"breach,omitzero"`
	// Involvement and Outcome apply to advice (Advice, DPIAAdvice).
	Involvement Involvement `json:"involvement,omitzero"`
	Outcome     Outcome     `json:"outcome,omitzero"`
	// Reasons are the controller's documented reasons for not following
	// the advice (WP243 rev.01 sections 3.1 and 4.2).
	Reasons string    `json:"reasons,omitempty"`
	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// Clone returns a copy of e.
func (e Entry) Clone() Entry { return e }

// advice reports whether the entry is advice whose involvement and outcome
// matter.
func (e Entry) advice() bool { return e.Task == Advice || e.Task == DPIAAdvice }

// national matches a run of digits shaped like a CPR number (ddmmyy-xxxx) or
// a fødselsnummer (11 digits), which a topic must never hold.
var national = regexp.MustCompile(`\d{6}[- ]?\d{4,5}`)

// Validate reports every problem of e by field.
func (e Entry) Validate() error {
	var v compliance.Validation
	v.Require("task", e.Task.Valid())
	v.Require("on", !e.On.IsZero())
	v.Check("on", compliance.CheckDate(e.On))
	check.Text(&v, "topic", e.Topic, MaxTopic, true, false)
	if national.MatchString(e.Topic) {
		v.Add("topic", compliance.ReasonFormat)
	}
	check.Text(&v, "reasons", e.Reasons, MaxReason, false, true)
	if e.Task == DPIAAdvice {
		v.Require("dpia", !e.DPIA.IsZero())
	}
	if !e.advice() {
		if e.Involvement != 0 {
			v.Add("involvement", compliance.ReasonInconsistent)
		}
		if e.Outcome != 0 {
			v.Add("outcome", compliance.ReasonInconsistent)
		}
	}
	if e.Involvement != 0 && !e.Involvement.Valid() {
		v.Add("involvement", compliance.ReasonUnknown)
	}
	if e.Outcome != 0 && !e.Outcome.Valid() {
		v.Add("outcome", compliance.ReasonUnknown)
	}
	return v.Err("entry")
}

// String describes e by task, day and ID, never by its topic or reasons.
func (e Entry) String() string {
	return "dpo " + e.Task.String() + " " + e.On.String() + " " + e.ID.String()
}

// Format writes [Entry.String] for every verb.
func (e Entry) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, e.String()) }

// LogValue logs e by ID, task and day.
func (e Entry) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", e.ID.String()), slog.String("task", e.Task.String()), slog.String("on", e.On.String()))
}
