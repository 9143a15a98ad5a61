// Package scope answers whether the GDPR and the national data-protection
// act apply to a processing at all, for the scope rules a kommune meets in
// practice. Today that is the Danish rule for council members: kommunestyrelses-
// loven § 8 b takes processing done as part of a kommunalbestyrelses-
// medlem's office (hverv) outside the data-protection rules, so that the
// members have a confidential space for their communication on the
// kommune's mail accounts and phones (L 92 2017-18, in force 1 January 2018;
// regionsloven § 12, stk. 1 applies it to regional councils).
//
// Norway has no counterpart in kommuneloven or personopplysningsloven that
// this package could find: whether a kommunestyre member processes as part
// of the kommune (the kommune controller), on their own account, or outside
// the GDPR is not settled by a statute or by Datatilsynet guidance we could
// cite. The package says so (an open question) and lets the kommune record
// its own legal position in [Policy].
package scope

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Actor is who carries out the processing.
type Actor uint8

// Actors.
const (
	// Administration: the kommune's administration, its staff and systems.
	Administration Actor = iota + 1
	// CouncilMember: a member of the municipal council (kommunalbestyrelse,
	// byråd, kommunestyre) in that capacity.
	CouncilMember
)

var actors = enum.New[Actor]("actor", "scope.actor", compliance.UnknownCode, "administration", "council-member")

// ParseActor returns the Actor with the given code.
func ParseActor(s string) (Actor, error) { return actors.Parse(s) }

// AllActors yields every Actor.
func AllActors() iter.Seq[Actor] { return actors.All() }

// String returns the stable code.
func (a Actor) String() string { return actors.String(a) }

// Key returns the i18n message key.
func (a Actor) Key() string { return actors.Key(a) }

// Valid reports whether a is a known Actor.
func (a Actor) Valid() bool { return actors.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Actor) MarshalText() ([]byte, error) { return actors.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Actor) UnmarshalText(b []byte) error { return actors.UnmarshalText(a, b) }

// Processing is what the scope question needs to know.
type Processing struct {
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	Actor        Actor                   `json:"actor"`
	// InOffice reports whether a council member processes as part of the
	// office (varetagelsen af hvervet), as opposed to privately or as an
	// employee.
	InOffice bool `json:"in-office,omitempty"`
	// On is the day of the processing.
	On compliance.Date `json:"on"`
}

// Validate reports every problem of p by field.
func (p Processing) Validate() error {
	var v compliance.Validation
	v.Require("jurisdiction", p.Jurisdiction.Valid())
	v.Require("actor", p.Actor.Valid())
	if p.InOffice && p.Actor != CouncilMember {
		v.Add("in-office", compliance.ReasonInconsistent)
	}
	v.Require("on", !p.On.IsZero())
	v.Check("on", compliance.CheckDate(p.On))
	return v.Err("processing")
}

// Policy records the kommune's legal position where the sources are open.
type Policy struct {
	// NOCouncilMemberOutside makes a Norwegian council member's processing
	// in office fall outside the GDPR, as a Danish one's does. No Norwegian
	// statute or guidance we found says so; the default (false) treats the
	// processing as in scope and reports the question as open.
	NOCouncilMemberOutside bool `json:"no-council-member-outside,omitempty"`
}

// Finding codes.
const (
	// CodeCouncilMemberOutside: the processing is done as part of a council
	// member's office and is outside the GDPR and databeskyttelsesloven
	// (kommunestyrelsesloven § 8 b). Info.
	CodeCouncilMemberOutside compliance.Code = "scope.council-member-outside"
	// CodeCouncilMemberOpen: whether a Norwegian council member's
	// processing in office is within the GDPR, and whose it is, is not
	// settled by the sources; the kommune should decide and record its
	// position. Warning.
	CodeCouncilMemberOpen compliance.Code = "scope.council-member-open"
	// CodeCouncilMemberPolicy: outside the GDPR by the kommune's own
	// recorded position ([Policy.NOCouncilMemberOutside]). Info.
	CodeCouncilMemberPolicy compliance.Code = "scope.council-member-policy"
)

// Codes lists every finding code of the package.
func Codes() []compliance.Code {
	return []compliance.Code{CodeCouncilMemberOutside, CodeCouncilMemberOpen, CodeCouncilMemberPolicy}
}

// section8b is kommunestyrelsesloven § 8 b.
var section8b = compliance.Section(compliance.DKAct, "kommunestyrelsesloven", "8 b", 0, "")

// In8b is the day kommunestyrelsesloven § 8 b came into force (L 92
// 2017-18, § 3: 1 January 2018).
var In8b = compliance.MakeDate(2018, 1, 1)

// Decision is the answer to the scope question.
type Decision struct {
	// Applies reports whether the GDPR and the national act apply.
	Applies bool `json:"applies"`
	// Open reports that the sources do not settle the question and the
	// answer rests on the documented default or the kommune's policy.
	Open     bool                 `json:"open,omitempty"`
	Findings []compliance.Finding `json:"findings,omitempty"`
}

// Decide answers whether the data-protection rules apply to p under the
// kommune's policy.
func Decide(p Processing, pol Policy) (Decision, error) {
	if err := p.Validate(); err != nil {
		return Decision{}, err
	}
	if p.Actor != CouncilMember || !p.InOffice {
		return Decision{Applies: true}, nil
	}
	switch p.Jurisdiction {
	case compliance.DK:
		if p.On.Before(In8b) {
			return Decision{Applies: true}, nil
		}
		return Decision{Applies: false, Findings: []compliance.Finding{{
			Code: CodeCouncilMemberOutside, Severity: compliance.Info,
			Refs: []compliance.Ref{section8b, compliance.GDPR(2, 0, "")},
		}}}, nil
	default:
		refs := []compliance.Ref{compliance.GDPR(2, 0, ""), compliance.GDPR(4, 0, "7")}
		if pol.NOCouncilMemberOutside {
			return Decision{Applies: false, Open: true, Findings: []compliance.Finding{{
				Code: CodeCouncilMemberPolicy, Severity: compliance.Info, Refs: refs}}}, nil
		}
		return Decision{Applies: true, Open: true, Findings: []compliance.Finding{{
			Code: CodeCouncilMemberOpen, Severity: compliance.Warning, Refs: refs}}}, nil
	}
}
