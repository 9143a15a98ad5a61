package retention

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Scheme is the classification scheme a [Rule] is keyed by and a [Record]
// is classified in: [compliance.Scheme], shared with the records of
// processing. The zero value is invalid; on a Record it means the
// jurisdiction's scheme (KLE in Denmark, Noark in Norway). KLE numbers are
// read by [ParseKLE] and [ParseFacet], Noark classes checked by
// [ValidNoarkClass]; a [Custom] rule is keyed by a code of the kommune's
// own and carries the legal references it rests on.
type Scheme = compliance.Scheme

// Schemes, as [compliance.Scheme] defines them.
const (
	KLE    = compliance.KLE
	Noark  = compliance.Noark
	Custom = compliance.Custom
)

// ParseScheme is [compliance.ParseScheme].
func ParseScheme(s string) (Scheme, error) { return compliance.ParseScheme(s) }

// AllSchemes is [compliance.AllSchemes].
func AllSchemes() iter.Seq[Scheme] { return compliance.AllSchemes() }

// Disposition is what happens to a record: kept, deleted (kassation,
// kassasjon), transferred to the public archive, or re-assessed. The zero
// value is invalid.
type Disposition uint8

// Dispositions.

// Keep: the record is kept; nothing is to be done with it now.
const Keep Disposition = 1

// Delete: the record is to be deleted (Danish kassation, Norwegian
// kassasjon).
const Delete Disposition = 2

// Transfer: the record is to be preserved for posterity and
// transferred to the public archive (Danish bevaring and aflevering,
// Norwegian bevaring and avlevering to an arkivdepot); it must never be
// deleted.
const Transfer Disposition = 3

// Review: the record is to be re-assessed (Noark «Vurderes senere»),
// because no rule settles its fate.
const Review Disposition = 4

var dispositions = enum.New[Disposition]("disposition", "retention.disposition", compliance.UnknownCode,
	"keep", "delete", "transfer", "review")

// ParseDisposition returns the Disposition with the given code.
func ParseDisposition(s string) (Disposition, error) { return dispositions.Parse(s) }

// AllDispositions yields every Disposition.
func AllDispositions() iter.Seq[Disposition] { return dispositions.All() }

// String returns the stable code.
func (d Disposition) String() string { return dispositions.String(d) }

// Key returns the i18n message key.
func (d Disposition) Key() string { return dispositions.Key(d) }

// Valid reports whether d is a known Disposition.
func (d Disposition) Valid() bool { return dispositions.Valid(d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Disposition) MarshalText() ([]byte, error) { return dispositions.MarshalText(d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Disposition) UnmarshalText(b []byte) error { return dispositions.UnmarshalText(d, b) }

// Trigger is the event a retention period is counted from. The zero value
// is invalid; on a [Rule] it means [Closed].
//
// There is deliberately no trigger for the creation of a case: Danish
// ombudsman practice counts the age of a case for kassation from the year
// the case was closed, not from when it was opened (Statsforvaltningen,
// read as a copy on the secondary site docplayer.dk:
// https://docplayer.dk/10863893-Statsforvaltningernes-kassation-af-arkivalier-i-sociale-sager.html ),
// KLE's deletion periods run "fra sagafslutning" (KLE-XML schema 2.0), and
// Noark 5 says that the bevaringstid "skal begynne å løpe fra tidspunktet
// når en saksmappe er avsluttet" (Noark 5, chapter "Bevaring og kassasjon",
// https://github.com/arkivverket/noark5-standard/blob/master/kapitler/070-funksjoner_for_periodiske_oppgaver.rst ).
type Trigger uint8

// Triggers.

// Closed: the case (sag, saksmappe) was closed; [Record.Closed].
const Closed Trigger = 1

// LastActivity: the last activity on the record, such as the last
// entry in a log or the last contact; [Record.LastActivity].
const LastActivity Trigger = 2

// EmploymentEnded: the employment the record concerns ended;
// [Record.EmploymentEnded].
const EmploymentEnded Trigger = 3

// FinancialYearEnd: the end of the financial year the record belongs
// to, as accounting rules count retention; [Record.FinancialYearEnd].
const FinancialYearEnd Trigger = 4

// ComingOfAge: the child the record concerns comes of age;
// [Record.ComingOfAge].
const ComingOfAge Trigger = 5

var triggers = enum.New[Trigger]("trigger", "retention.trigger", compliance.UnknownCode,
	"closed", "last-activity", "employment-ended", "financial-year-end", "coming-of-age")

// ParseTrigger returns the Trigger with the given code.
func ParseTrigger(s string) (Trigger, error) { return triggers.Parse(s) }

// AllTriggers yields every Trigger.
func AllTriggers() iter.Seq[Trigger] { return triggers.All() }

// String returns the stable code.
func (t Trigger) String() string { return triggers.String(t) }

// Key returns the i18n message key.
func (t Trigger) Key() string { return triggers.Key(t) }

// Valid reports whether t is a known Trigger.
func (t Trigger) Valid() bool { return triggers.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Trigger) MarshalText() ([]byte, error) { return triggers.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Trigger) UnmarshalText(b []byte) error { return triggers.UnmarshalText(t, b) }

// Outcome is the answer to a request for erasure (Art 17 GDPR). The zero
// value is invalid.
type Outcome uint8

// Outcomes.

// Erase: no duty to keep the record stands in the way; erasure is due
// unless another exception of Art 17(3) applies.
const Erase Outcome = 1

// Refuse: the record must be kept (Art 17(3)(b), (d) or (e));
// restriction of processing (Art 18) is offered instead.
const Refuse Outcome = 2

var outcomes = enum.New[Outcome]("outcome", "retention.outcome", compliance.UnknownCode,
	"erase", "refuse")

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
