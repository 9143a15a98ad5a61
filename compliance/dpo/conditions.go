package dpo

import (
	"iter"
	"maps"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

type conditionsMark struct{}

// ConditionsID identifies a [Conditions] record.
type ConditionsID = compliance.ID[conditionsMark]

// ParseConditionsID parses the text form of a ConditionsID.
func ParseConditionsID(s string) (ConditionsID, error) { return compliance.ParseID[conditionsMark](s) }

// ConditionsIDFor returns the ID of the assessment of year. There is one per
// controller and year, so the ID is derived from the year: an RFC 9562
// version 8 (custom) UUID whose last two bytes are the year, so IDs sort by
// year.
func ConditionsIDFor(year int) ConditionsID {
	u := uuid.UUID{0: 'd', 1: 'p', 2: 'o', 3: 'c', 6: 0x80, 8: 0x80}
	u[14], u[15] = byte(year>>8), byte(year)
	return compliance.IDFrom[conditionsMark](u)
}

// Condition is a condition of the DPO's designation and position under
// Art 37 and 38 GDPR.
type Condition uint8

// Conditions.
const (
	// Published: the DPO's contact details are published, Art 37(7).
	Published Condition = iota + 1
	// Communicated: they are communicated to Datatilsynet, Art 37(7).
	Communicated
	// Expertise: the DPO has the professional qualities and expert
	// knowledge the tasks need, Art 37(5).
	Expertise
	// Involved: the DPO is involved properly and in a timely manner in all
	// issues relating to the protection of personal data, Art 38(1).
	Involved
	// Resources: the DPO has the resources to carry out the tasks, access
	// to personal data and processing operations, and to maintain expert
	// knowledge, Art 38(2).
	Resources
	// NoInstructions: the DPO receives no instructions regarding the
	// exercise of the tasks, Art 38(3).
	NoInstructions
	// NoPenalty: the DPO is not dismissed or penalised for performing the
	// tasks, Art 38(3).
	NoPenalty
	// ReportsToTop: the DPO reports directly to the highest management level
	// (kommunaldirektøren, kommunedirektøren), Art 38(3).
	ReportsToTop
	// NoConflict: the DPO's other tasks and duties do not result in a
	// conflict of interests, Art 38(6).
	NoConflict
)

var conditions = enum.New[Condition]("condition", "dpo.condition", compliance.UnknownCode,
	"published", "communicated", "expertise", "involved", "resources", "no-instructions",
	"no-penalty", "reports-to-top", "no-conflict")

// ParseCondition returns the Condition with the given code.
func ParseCondition(s string) (Condition, error) { return conditions.Parse(s) }

// AllConditions yields every Condition.
func AllConditions() iter.Seq[Condition] { return conditions.All() }

// String returns the stable code.
func (c Condition) String() string { return conditions.String(c) }

// Key returns the i18n message key.
func (c Condition) Key() string { return conditions.Key(c) }

// Valid reports whether c is a known Condition.
func (c Condition) Valid() bool { return conditions.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Condition) MarshalText() ([]byte, error) { return conditions.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Condition) UnmarshalText(b []byte) error { return conditions.UnmarshalText(c, b) }

// Ref returns the provision that sets the condition.
func (c Condition) Ref() compliance.Ref {
	switch c {
	case Published, Communicated:
		return compliance.GDPR(37, 7, "")
	case Expertise:
		return compliance.GDPR(37, 5, "")
	case Involved:
		return compliance.GDPR(38, 1, "")
	case Resources:
		return compliance.GDPR(38, 2, "")
	case NoInstructions, NoPenalty, ReportsToTop:
		return compliance.GDPR(38, 3, "")
	case NoConflict:
		return compliance.GDPR(38, 6, "")
	}
	return compliance.GDPR(38, 0, "")
}

// Status is the assessed state of a condition.
type Status uint8

// Statuses. The zero Status means not assessed.
const (
	// Met: the condition is met.
	Met Status = iota + 1
	// NotMet: it is not.
	NotMet
)

var statuses = enum.New[Status]("status", "dpo.status", compliance.UnknownCode, "met", "not-met")

// ParseStatus returns the Status with the given code.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// AllStatuses yields every Status.
func AllStatuses() iter.Seq[Status] { return statuses.All() }

// String returns the stable code.
func (s Status) String() string { return statuses.String(s) }

// Key returns the i18n message key.
func (s Status) Key() string { return statuses.Key(s) }

// Valid reports whether s is a known Status.
func (s Status) Valid() bool { return statuses.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error { return statuses.UnmarshalText(s, b) }

// Conditions is the kommune's assessment of the DPO's position for one
// year.
type Conditions struct {
	ID      ConditionsID `json:"id"`
	Version uint64       `json:"version"`
	Year    int          `json:"year"`
	// Status holds the assessed conditions; one missing is not assessed.
	Status map[Condition]Status `json:"status"`
	// Assessed is the day of the assessment.
	Assessed compliance.Date `json:"assessed"`
	Created  time.Time       `json:"created,omitzero"`
	Updated  time.Time       `json:"updated,omitzero"`
}

// Clone returns a deep copy of c.
func (c Conditions) Clone() Conditions {
	c.Status = maps.Clone(c.Status)
	return c
}

// Validate reports every problem of c by field.
func (c Conditions) Validate() error {
	var v compliance.Validation
	if c.Year < 2018 || c.Year > 9999 {
		v.Add("year", compliance.ReasonRange)
	}
	v.Require("assessed", !c.Assessed.IsZero())
	v.Check("assessed", compliance.CheckDate(c.Assessed))
	for k, s := range c.Status {
		if !k.Valid() || !s.Valid() {
			v.Add("status", compliance.ReasonUnknown)
			break
		}
	}
	return v.Err("conditions")
}
