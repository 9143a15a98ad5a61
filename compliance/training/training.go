package training

import (
	"fmt"
	"io"
	"iter"
	"log/slog"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
)

type (
	course     struct{}
	completion struct{}
)

// CourseID identifies a [Course].
type CourseID = compliance.ID[course]

// CompletionID identifies a [Completion].
type CompletionID = compliance.ID[completion]

// ParseCourseID parses the text form of a CourseID.
func ParseCourseID(s string) (CourseID, error) { return compliance.ParseID[course](s) }

// ParseCompletionID parses the text form of a CompletionID.
func ParseCompletionID(s string) (CompletionID, error) { return compliance.ParseID[completion](s) }

// Topic is what a course is about.
type Topic uint8

// Topics.
const (
	// Basics is the general introduction every member of staff needs: what
	// personal data are, the principles, the duty of confidentiality, whom to
	// ask.
	Basics Topic = iota + 1
	// ConfidentialData is the handling of confidential and special-category
	// data (health, social matters, CPR numbers and fødselsnumre).
	ConfidentialData
	// Security is information security and awareness: phishing, passwords,
	// devices, secure e-mail.
	Security
	// BreachHandling is recognising and reporting a personal data breach.
	BreachHandling
	// SubjectRights is handling requests from citizens under Art 15–22.
	SubjectRights
	// RoleSpecific is training adapted to one kind of work (caseworkers in
	// social services, teachers, health staff).
	RoleSpecific
)

var topics = enum.New[Topic]("topic", "training.topic", compliance.UnknownCode,
	"basics", "confidential-data", "security", "breach-handling", "subject-rights", "role-specific")

// ParseTopic returns the Topic with the given code.
func ParseTopic(s string) (Topic, error) { return topics.Parse(s) }

// AllTopics yields every Topic.
func AllTopics() iter.Seq[Topic] { return topics.All() }

// String returns the stable code.
func (t Topic) String() string { return topics.String(t) }

// Key returns the i18n message key.
func (t Topic) Key() string { return topics.Key(t) }

// Valid reports whether t is a known Topic.
func (t Topic) Valid() bool { return topics.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Topic) MarshalText() ([]byte, error) { return topics.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Topic) UnmarshalText(b []byte) error { return topics.UnmarshalText(t, b) }

// Audience says whom a course is for.
type Audience uint8

// Audiences.
const (
	// AllStaff: every employee.
	AllStaff Audience = iota + 1
	// Groups: the employees in at least one of [Course.Groups] (the host's
	// group codes: "social-caseworkers", "teachers").
	Groups
	// Access: the employees with access to data of at least
	// [Course.Access]'s class.
	Access
)

var audiences = enum.New[Audience]("audience", "training.audience", compliance.UnknownCode,
	"all-staff", "groups", "access")

// ParseAudience returns the Audience with the given code.
func ParseAudience(s string) (Audience, error) { return audiences.Parse(s) }

// AllAudiences yields every Audience.
func AllAudiences() iter.Seq[Audience] { return audiences.All() }

// String returns the stable code.
func (a Audience) String() string { return audiences.String(a) }

// Key returns the i18n message key.
func (a Audience) Key() string { return audiences.Key(a) }

// Valid reports whether a is a known Audience.
func (a Audience) Valid() bool { return audiences.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Audience) MarshalText() ([]byte, error) { return audiences.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Audience) UnmarshalText(b []byte) error { return audiences.UnmarshalText(a, b) }

// Limits on what a course, an employee and a completion may hold.
const (
	MaxTitle  = 200  // characters of a course title
	MaxCode   = 100  // characters of a unit, group or employee code
	MaxGroups = 100  // groups of a course or an employee
	MaxStaff  = 1e6  // employees in one coverage question
	MaxCourse = 1000 // courses in one coverage question
)

// MaxCompletions is the most completions one coverage question reads: the
// whole history of a kommune, since [Register.Coverage] reads every stored
// completion. The largest kommuner (København, Oslo) employ about 45,000 to
// 50,000 people; five required courses renewed every year, with eight years
// of history kept, come to about 2 million completions, each a few hundred
// bytes in memory. A kommune past it has a history no coverage question
// needs in one piece, or records that were not meant for it.
const MaxCompletions = 2_000_000

// Course is a data-protection course the kommune gives.
type Course struct {
	ID      CourseID `json:"id"`
	Version uint64   `json:"version"`
	// Title is the course's name as staff know it. It is not personal data.
	Title string `json:"title"`
	Topic Topic  `json:"topic"`
	// Audience says who must take it; Groups and Access refine it.
	Audience Audience `json:"audience"`
	// Groups are the group codes the course is for when Audience is Groups.
	Groups []string `json:"groups,omitempty"`
	// Access is the least class of data whose users must take the course
	// when Audience is Access (confidential: confidential, special and
	// criminal-offence data).
	Access compliance.Class `json:"access,omitzero"`
	// Renewal is how long a completion stays current; zero means once is
	// enough. No act sets an interval: it is the kommune's choice.
	Renewal compliance.Period `json:"renewal,omitzero"`
	// Retired courses are kept for the record but no longer required.
	Retired bool      `json:"retired,omitempty"`
	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// Clone returns a deep copy of c.
func (c Course) Clone() Course {
	c.Groups = slices.Clone(c.Groups)
	return c
}

// Validate reports every problem of c by field.
func (c Course) Validate() error {
	var v compliance.Validation
	check.Text(&v, "title", c.Title, MaxTitle, true, false)
	v.Require("topic", c.Topic.Valid())
	v.Require("audience", c.Audience.Valid())
	switch c.Audience {
	case Groups:
		v.Require("groups", len(c.Groups) > 0)
	case Access:
		v.Require("access", c.Access.Valid())
	}
	if c.Audience != Groups && len(c.Groups) > 0 {
		v.Add("groups", compliance.ReasonInconsistent)
	}
	if c.Audience != Access && c.Access != 0 {
		v.Add("access", compliance.ReasonInconsistent)
	}
	checkCodes(&v, "groups", c.Groups)
	if !c.Renewal.IsZero() {
		v.Check("renewal", c.Renewal.Validate())
		if c.Renewal.Unit == compliance.UnitHours || c.Renewal.Unit == compliance.UnitWorkingDays {
			v.Add("renewal.unit", compliance.ReasonInconsistent)
		}
	}
	return v.Err("course")
}

// For reports whether employee e must take the course.
func (c Course) For(e Employee) bool {
	if c.Retired {
		return false
	}
	switch c.Audience {
	case AllStaff:
		return true
	case Groups:
		for _, g := range e.Groups {
			if slices.Contains(c.Groups, g) {
				return true
			}
		}
	case Access:
		return e.Access.Valid() && e.Access >= c.Access
	}
	return false
}

// Expires returns the date a completion on done stops being current, and
// false when the course has no renewal interval.
func (c Course) Expires(done compliance.Date) (compliance.Date, bool) {
	if c.Renewal.IsZero() {
		return compliance.Date{}, false
	}
	return done.AddPeriod(c.Renewal), true
}

// Employee is what the package needs to know about a member of staff. It is
// given by the host for each question and never stored.
type Employee struct {
	// ID is the host's opaque employee ID. It must not be a CPR number or a
	// fødselsnummer.
	ID string `json:"id"`
	// Unit is the organisational unit's code (forvaltning, afdeling, enhet).
	Unit string `json:"unit"`
	// Groups are the host's group codes the employee belongs to.
	Groups []string `json:"groups,omitempty"`
	// Access is the most protected class of personal data the employee can
	// reach through the systems they use; zero when unknown or none.
	Access compliance.Class `json:"access,omitzero"`
	// Started is the employee's first day, for [Policy.NewStarterGrace].
	Started compliance.Date `json:"started,omitzero"`
}

// Validate reports every problem of e by field. It never repeats the ID.
func (e Employee) Validate() error {
	var v compliance.Validation
	check.Text(&v, "id", e.ID, MaxCode, true, false)
	if looksNational(e.ID) {
		v.Add("id", compliance.ReasonFormat)
	}
	check.Text(&v, "unit", e.Unit, MaxCode, true, false)
	checkCodes(&v, "groups", e.Groups)
	if e.Access != 0 && !e.Access.Valid() {
		v.Add("access", compliance.ReasonUnknown)
	}
	v.Check("started", compliance.CheckDate(e.Started))
	return v.Err("employee")
}

// looksNational reports whether s parses as a CPR number or a fødselsnummer:
// an employee ID must not be one (Art 87 GDPR; databeskyttelsesloven § 11,
// personopplysningsloven § 12 keep them for where they are needed).
func looksNational(s string) bool {
	if _, err := ident.ParseCPR(s); err == nil {
		return true
	}
	_, err := ident.ParseFNR(s)
	return err == nil
}

// Completion records that an employee completed a course on a date.
type Completion struct {
	ID      CompletionID `json:"id"`
	Version uint64       `json:"version"`
	Course  CourseID     `json:"course"`
	// Employee is the host's opaque employee ID ([Employee.ID]).
	Employee string `json:"employee"`
	// Completed is the day the course was completed.
	Completed compliance.Date `json:"completed"`
	// Evidence points at the proof: a learning system's record number, a
	// signed attendance list's journal number. Not personal data.
	Evidence string    `json:"evidence,omitempty"`
	Created  time.Time `json:"created,omitzero"`
}

// Clone returns a copy of c.
func (c Completion) Clone() Completion { return c }

// Validate reports every problem of c by field.
func (c Completion) Validate() error {
	var v compliance.Validation
	v.Require("course", !c.Course.IsZero())
	check.Text(&v, "employee", c.Employee, MaxCode, true, false)
	if looksNational(c.Employee) {
		v.Add("employee", compliance.ReasonFormat)
	}
	v.Require("completed", !c.Completed.IsZero())
	v.Check("completed", compliance.CheckDate(c.Completed))
	check.Text(&v, "evidence", c.Evidence, MaxTitle, false, false)
	return v.Err("completion")
}

// String describes c without the employee ID, which identifies a person
// indirectly.
func (c Completion) String() string {
	return "completion " + c.ID.String() + " of course " + c.Course.String() + " on " + c.Completed.String()
}

func checkCodes(v *compliance.Validation, field string, codes []string) {
	if len(codes) > MaxGroups {
		v.Add(field, compliance.ReasonLength)
		return
	}
	seen := make(map[string]struct{}, len(codes))
	for i, g := range codes {
		f := check.Index(field, i)
		check.Text(v, f, g, MaxCode, true, false)
		if _, dup := seen[g]; dup {
			v.Add(f, compliance.ReasonDuplicate)
		}
		seen[g] = struct{}{}
	}
}

// Format writes [Completion.String] for every verb, so that no fmt verb
// (%v, %+v, %#v, %d, …) prints the employee ID.
func (c Completion) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue logs c by IDs and date, without the employee ID.
func (c Completion) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID.String()), slog.String("course", c.Course.String()),
		slog.String("completed", c.Completed.String()))
}

// Format writes the employee's unit and groups for every verb, never the ID.
func (e Employee) Format(f fmt.State, _ rune) {
	_, _ = io.WriteString(f, "employee of unit "+e.Unit)
}

// LogValue logs e's unit and access class, never the ID.
func (e Employee) LogValue() slog.Value {
	return slog.GroupValue(slog.String("unit", e.Unit), slog.String("access", e.Access.String()))
}
