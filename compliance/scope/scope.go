// Package scope answers whether the GDPR and the national data-protection
// act apply to a processing at all, for the scope rules a kommune meets in
// practice. Today that is the Danish rule for council members:
// kommunestyrelsesloven § 8 b takes processing done as part of a
// kommunalbestyrelsesmedlem's office (hverv) out of the data-protection
// rules, so that the members have a confidential space for their
// communication on the mail accounts and phones the kommune provides;
// regionsloven § 12, stk. 1 applies it to regional councils.
//
// Sources, as verified: § 8 b was inserted by lovforslag L 92 (Folketinget
// 2017-18), fremsat 15 November 2017, § 1, nr. 1, with the wording "Lov om
// behandling af personoplysninger finder ikke anvendelse på behandling af
// oplysninger, der foretages som led i varetagelsen af et
// kommunalbestyrelsesmedlems hverv", and § 3: in force 1 January 2018
// (https://www.ft.dk/samling/20171/lovforslag/l92/20171_l92_som_fremsat.htm;
// the same wording in the ministry's letter quoted in Fredensborg Kommune's
// Økonomiudvalg minutes of 22 January 2018). The bill's remarks aim it at
// communication services the kommune makes available to the member; the
// statutory text is general. Until 24 May 2018 the rule therefore excluded
// persondataloven, the GDPR not yet applying. That § 8 b was later amended to
// name databeskyttelsesforordningen and databeskyttelsesloven (with the
// consequential amendments of May 2018) is NOT verified by the sources
// available to this package (the law number and the retsinformation text
// of the amendment were not found); the finding therefore speaks of "the
// data-protection rules" and cites GDPR Art 2 only from 25 May 2018. A
// kommune's lawyer should confirm the current wording in the consolidated
// act (lovbekendtgørelse om kommunernes styrelse) on retsinformation.dk.
//
// Norway has no counterpart in kommuneloven or personopplysningsloven that
// this package could find: whether a kommunestyre member processes as part
// of the kommune (the kommune controller), on their own account, or outside
// the GDPR is not settled by a statute or by Datatilsynet guidance we could
// cite (searched December 2026: kommuneloven, personopplysningsloven,
// datatilsynet.no; what exists concerns the kommune's own processing of data
// about its elected members, e.g. Skien kommune's notice "Personvern i
// politikk og politiske valg", where kommunedirektøren is responsible, and
// political parties' processing, e.g. Datatilsynet's request for an account
// from the Stavanger parties, 2023 — neither answers the question). The
// package says so (an open question) and lets the kommune record its own
// legal position in [Policy].
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
	// member's office and is outside the data-protection rules
	// (kommunestyrelsesloven § 8 b: persondataloven until 24 May 2018; see
	// the package doc on the later wording). Info.
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

// GDPRApplies is the day the GDPR applies from (Art 99(2): 25 May 2018).
// Before it, § 8 b excluded persondataloven, and a finding does not cite
// the GDPR.
var GDPRApplies = compliance.MakeDate(2018, 5, 25)

// Decision is the answer to the scope question.
type Decision struct {
	// Applies reports whether the data-protection rules (the GDPR and the
	// national act; before 25 May 2018 in Denmark, persondataloven) apply.
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
		refs := compliance.RefsOf(section8b)
		if !p.On.Before(GDPRApplies) {
			refs = compliance.RefsOf(section8b, compliance.GDPR(2, 0, ""))
		}
		return Decision{Applies: false, Findings: []compliance.Finding{{
			Code: CodeCouncilMemberOutside, Severity: compliance.Info, Refs: refs,
		}}}, nil
	default:
		refs := compliance.RefsOf(compliance.GDPR(2, 0, ""), compliance.GDPR(4, 0, "7"))
		if pol.NOCouncilMemberOutside {
			return Decision{Applies: false, Open: true, Findings: []compliance.Finding{{
				Code: CodeCouncilMemberPolicy, Severity: compliance.Info, Refs: refs}}}, nil
		}
		return Decision{Applies: true, Open: true, Findings: []compliance.Finding{{
			Code: CodeCouncilMemberOpen, Severity: compliance.Warning, Refs: refs}}}, nil
	}
}
