package breach

import (
	"fmt"
	"io"
	"iter"
	"log/slog"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// This file implements the severity methodology of ENISA, Recommendations
// for a methodology of the assessment of severity of personal data breaches,
// working document v1.0, December 2013
// (https://www.enisa.europa.eu/publications/dbn-severity):
//
//	SE = DPC × EI + CB
//
// DPC (data processing context, 1 to 4) scores the data involved, EI (ease
// of identification, 0.25 to 1) multiplies it, and CB (circumstances of the
// breach) adds points for loss of confidentiality, integrity and
// availability and for malicious intent. Every value is a multiple of 0.25
// and every sum and product is computed exactly with decimal, so the band
// edges 2, 3 and 4 hold.
//
// ENISA's severity is an aid, not the legal test of Art 33 and 34 GDPR: how
// a severity becomes a decision is the [Policy]'s, and is configurable.

// DataType is one of ENISA's four types of data, each with a basic DPC
// score: simple 1, behavioural 2, financial 3, sensitive 4 (ENISA 2013,
// Assessment Table 1). The zero value is unset.
type DataType uint8

// Data types, in increasing order of basic score.

// Simple: biographical data, contact details, full name, education,
// family life, professional experience. Basic DPC 1.
const Simple DataType = 1

// Behavioural: location, traffic data, personal preferences and habits.
// Basic DPC 2.
const Behavioural DataType = 2

// Financial: income, financial transactions, bank statements, cards,
// invoices, and social welfare data related to financial information.
// Basic DPC 3.
const Financial DataType = 3

// Sensitive: health, political affiliation, sexual life and the other
// special categories. Basic DPC 4.
const Sensitive DataType = 4

var dataTypes = enum.New[DataType]("data-type", "breach.data-type", compliance.UnknownCode,
	"simple", "behavioural", "financial", "sensitive")

// ParseDataType returns the DataType with the given code.
func ParseDataType(s string) (DataType, error) { return dataTypes.Parse(s) }

// AllDataTypes yields every DataType in increasing order of basic score.
func AllDataTypes() iter.Seq[DataType] { return dataTypes.All() }

// String returns the stable code.
func (t DataType) String() string { return dataTypes.String(t) }

// Key returns the i18n message key.
func (t DataType) Key() string { return dataTypes.Key(t) }

// Valid reports whether t is a known DataType.
func (t DataType) Valid() bool { return dataTypes.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t DataType) MarshalText() ([]byte, error) { return dataTypes.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *DataType) UnmarshalText(b []byte) error { return dataTypes.UnmarshalText(t, b) }

// Score returns the basic DPC score: 1, 2, 3 or 4 (0 for an invalid type).
func (t DataType) Score() decimal.Decimal {
	if !t.Valid() {
		return decimal.Zero
	}
	return quarters[4*int(t)]
}

// TypeOf returns the ENISA data type of a category of personal data. ENISA
// does not score the vocabulary of a kommune's records, so the mapping is
// tillid's, made from ENISA's definitions and the examples of its
// Assessment Table 1:
//
//	simple       identity, contact, online identifiers, images, employment,
//	             education, housing, case data, communication, national ID,
//	             family
//	behavioural  location, usage data
//	financial    financial, social issues
//	sensitive    the special categories of Art 9(1) and criminal offences
//
// The choices the definitions do not settle: online identifiers are simple
// because ENISA scores credentials as the data they give access to (record
// those data as well); national ID numbers are biographical data, so simple
// — the protection Danish and Norwegian practice gives them belongs to the
// [Policy] (ConfidentialFloor), not to ENISA's score; family is simple
// because ENISA lists "family life" among simple data; social issues are
// financial because ENISA's financial type includes "social welfare data
// related to financial information", and a kommune's social-services
// records are mostly about benefits; content of communication, case data,
// images and housing have no ENISA type of their own and are simple. In each
// of these cases ENISA expects the context to raise the score where the data
// reveal more: record that as an [Adjustment], with its reason. Criminal
// offences are sensitive: they are protected like the special categories
// (Art 10 GDPR). An invalid category gives 0.
func TypeOf(c compliance.DataCategory) DataType {
	switch c {
	case compliance.Location, compliance.UsageData:
		return Behavioural
	case compliance.Financial, compliance.SocialIssues:
		return Financial
	}
	switch c.Class() {
	case compliance.Special, compliance.Criminal:
		return Sensitive
	case compliance.Ordinary, compliance.Confidential:
		return Simple
	}
	return 0
}

// Identifiability is ENISA's ease of identification (EI): how easily the
// persons can be identified from the data breached, taking into account all
// means reasonably likely to be used, including public sources (ENISA 2013,
// section on EI). The zero value is not assessed; the rules then use
// Maximum, the value that never understates severity.
type Identifiability uint8

// Levels of identifiability.

// Negligible (0.25): matching the data to a person is extremely hard,
// though not impossible — a name many people share, a vague picture.
const Negligible Identifiability = 1

// Limited (0.5).
const Limited Identifiability = 2

// Significant (0.75): for example an e-mail address used as a primary
// identifier.
const Significant Identifiability = 3

// Maximum (1): identity follows directly from the data — a full name
// with date of birth and e-mail address, a national ID number.
const Maximum Identifiability = 4

var identifiabilities = enum.New[Identifiability]("identifiability", "breach.identifiability", compliance.UnknownCode,
	"negligible", "limited", "significant", "maximum")

// ParseIdentifiability returns the Identifiability with the given code.
func ParseIdentifiability(s string) (Identifiability, error) { return identifiabilities.Parse(s) }

// AllIdentifiabilities yields every Identifiability in increasing order.
func AllIdentifiabilities() iter.Seq[Identifiability] { return identifiabilities.All() }

// String returns the stable code.
func (i Identifiability) String() string { return identifiabilities.String(i) }

// Key returns the i18n message key.
func (i Identifiability) Key() string { return identifiabilities.Key(i) }

// Valid reports whether i is a known Identifiability.
func (i Identifiability) Valid() bool { return identifiabilities.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i Identifiability) MarshalText() ([]byte, error) { return identifiabilities.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Identifiability) UnmarshalText(b []byte) error {
	return identifiabilities.UnmarshalText(i, b)
}

// Value returns EI: 0.25, 0.5, 0.75 or 1 (0 for an invalid level).
func (i Identifiability) Value() decimal.Decimal {
	if !i.Valid() {
		return decimal.Zero
	}
	return quarters[int(i)]
}

// Loss is the level of one circumstance of the breach (CB) for ENISA: the
// loss of confidentiality, of integrity or of availability. It adds 0,
// 0.25 or 0.5 to the severity (ENISA 2013, circumstances of breach):
//
//	            None (0)                 Partial (+0.25)               Full (+0.5)
//	confid.     exposed, no evidence     disclosed to a known or       disclosed to an unknown
//	            of illegal processing    limited set of recipients     number of recipients
//	integrity   altered, no incorrect    altered and possibly misused, altered and possibly misused,
//	            or illegal use found     but recoverable               not recoverable
//	avail.      recoverable without      temporary unavailability      complete unavailability,
//	            difficulty                                             not recoverable
//
// The zero value is not assessed: [Breach] derives the level from the facts
// (see [Breach.Circumstances]).
type Loss uint8

// Loss levels.

const NoLoss Loss = 1      // 0
const PartialLoss Loss = 2 // +0.25
const FullLoss Loss = 3    // +0.5

var losses = enum.New[Loss]("loss", "breach.loss", compliance.UnknownCode,
	"none", "partial", "full")

// ParseLoss returns the Loss with the given code.
func ParseLoss(s string) (Loss, error) { return losses.Parse(s) }

// AllLosses yields every Loss in increasing order.
func AllLosses() iter.Seq[Loss] { return losses.All() }

// String returns the stable code.
func (l Loss) String() string { return losses.String(l) }

// Key returns the i18n message key.
func (l Loss) Key() string { return losses.Key(l) }

// Valid reports whether l is a known Loss.
func (l Loss) Valid() bool { return losses.Valid(l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Loss) MarshalText() ([]byte, error) { return losses.MarshalText(l) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (l *Loss) UnmarshalText(b []byte) error { return losses.UnmarshalText(l, b) }

// Value returns the points the level adds: 0, 0.25 or 0.5 (0 when not
// assessed).
func (l Loss) Value() decimal.Decimal {
	if !l.Valid() {
		return decimal.Zero
	}
	return quarters[int(l)-1]
}

// ContextFactor is one of the contextual factors that ENISA says can raise
// or lower the DPC score of a data type (ENISA 2013, annex on contextual
// factors). ENISA gives them no numeric weight: an [Adjustment] records the
// factor, the step the assessor chose and why.
type ContextFactor uint8

// Context factors.

// Volume: the volume of data about the same person, in time (a year of
// traffic data rather than a week) or in content (a whole file rather
// than one document). Raises the score.
const Volume ContextFactor = 1

// ControllerCharacter: special characteristics of the controller that
// reveal more about the persons (the customer list of an online
// pharmacy rather than of a stationer). Raises the score.
const ControllerCharacter ContextFactor = 2

// IndividualsCharacter: special characteristics of the persons —
// minors, other vulnerable groups, persons at risk. Raises the score.
const IndividualsCharacter ContextFactor = 3

// Invalidity: the data are known to be invalid or inaccurate (the
// controller must be certain). Lowers the score.
const Invalidity ContextFactor = 4

// PubliclyAvailable: the data were publicly available before the
// breach. Lowers the score.
const PubliclyAvailable ContextFactor = 5

// NatureOfData: the data reveal less (or more) than their type
// suggests — one order of shoes is behavioural data that reveals almost
// nothing. Lowers or raises the score.
const NatureOfData ContextFactor = 6

var contextFactors = enum.New[ContextFactor]("context-factor", "breach.context-factor", compliance.UnknownCode,
	"volume", "controller", "individuals", "invalidity", "public", "nature")

// ParseContextFactor returns the ContextFactor with the given code.
func ParseContextFactor(s string) (ContextFactor, error) { return contextFactors.Parse(s) }

// AllContextFactors yields every ContextFactor.
func AllContextFactors() iter.Seq[ContextFactor] { return contextFactors.All() }

// String returns the stable code.
func (f ContextFactor) String() string { return contextFactors.String(f) }

// Key returns the i18n message key.
func (f ContextFactor) Key() string { return contextFactors.Key(f) }

// Valid reports whether f is a known ContextFactor.
func (f ContextFactor) Valid() bool { return contextFactors.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f ContextFactor) MarshalText() ([]byte, error) { return contextFactors.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *ContextFactor) UnmarshalText(b []byte) error { return contextFactors.UnmarshalText(f, b) }

// Adjustment is a context adjustment of the DPC score of one data type: an
// explicit input with its reason, because ENISA fixes no weights. ENISA's
// own examples move scores in whole steps ("the DPC score could be decreased
// by 1"); tillid accepts any step from -3 to +3, and the adjusted score of a
// type stays within 1 to 4.
type Adjustment struct {
	// Type is the data type whose score is adjusted; it must be among the
	// types of the breach's data.
	Type DataType `json:"type"`
	// Factor is the contextual factor that justifies the adjustment.
	Factor ContextFactor `json:"factor"`
	// Delta is the signed step, such as 1 or -1.
	Delta decimal.Decimal `json:"delta"`
	// Note is the assessor's reason in their own words. It is caseworker
	// text: it never reaches errors or logs.
	Note string `json:"note,omitzero"`
}

// String returns the adjustment without its note, which is caseworker text.
func (a Adjustment) String() string {
	return a.Type.String() + " " + a.Factor.String() + " " + a.Delta.String()
}

// GoString returns the adjustment without its note.
func (a Adjustment) GoString() string { return "breach.Adjustment{" + a.String() + "}" }

// LogValue reports the adjustment without its note.
func (a Adjustment) LogValue() slog.Value { return slog.StringValue(a.String()) }

// Format implements [fmt.Formatter]: every verb prints String (GoString for
// %#v), never the note.
func (a Adjustment) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, a.GoString())
		return
	}
	_, _ = io.WriteString(f, a.String())
}

// maxDelta is the largest adjustment: DPC scores run from 1 to 4. An
// adjustment's exponent lies within minDeltaExp and maxDeltaExp, so that
// no arithmetic on it can blow up: 18 decimals are far finer than any
// assessor's judgement.
var maxDelta = decimal.NewFromInt(3)

const (
	minDeltaExp = -18
	maxDeltaExp = 1
)

// Validate reports whether a is well formed.
func (a Adjustment) Validate() error {
	var v compliance.Validation
	v.Require("type", a.Type.Valid())
	v.Require("factor", a.Factor.Valid())
	switch {
	case a.Delta.Exponent() < minDeltaExp || a.Delta.Exponent() > maxDeltaExp:
		// Checked first: comparing a decimal with an extreme exponent
		// would expand it to a huge integer.
		v.Add("delta", compliance.ReasonRange)
	case a.Delta.IsZero():
		v.Add("delta", compliance.ReasonRequired)
	case a.Delta.Abs().GreaterThan(maxDelta):
		v.Add("delta", compliance.ReasonRange)
	}
	v.Text("note", a.Note, maxNote, true)
	return v.Err("adjustment")
}

// Band is ENISA's severity level (ENISA 2013; bands as published by ENISA's
// methodology and its summaries):
//
//	SE < 2        Low        no effect, or a few inconveniences overcome without any problem
//	2 ≤ SE < 3    Medium     significant inconveniences overcome despite a few difficulties
//	3 ≤ SE < 4    High       significant consequences overcome only with serious difficulty
//	4 ≤ SE        Very high  significant or even irreversible consequences
//
// The zero value is not assessed.
type Band uint8

// Bands, in increasing order.

// Low is the Band with the code "low".
const Low Band = 1

// Medium is the Band with the code "medium".
const Medium Band = 2

// High is the Band with the code "high".
const High Band = 3

// VeryHigh is the Band with the code "very-high".
const VeryHigh Band = 4

var bands = enum.New[Band]("band", "breach.band", compliance.UnknownCode,
	"low", "medium", "high", "very-high")

// ParseBand returns the Band with the given code.
func ParseBand(s string) (Band, error) { return bands.Parse(s) }

// AllBands yields every Band in increasing order.
func AllBands() iter.Seq[Band] { return bands.All() }

// String returns the stable code.
func (b Band) String() string { return bands.String(b) }

// Key returns the i18n message key.
func (b Band) Key() string { return bands.Key(b) }

// Valid reports whether b is a known Band.
func (b Band) Valid() bool { return bands.Valid(b) }

// MarshalText implements [encoding.TextMarshaler].
func (b Band) MarshalText() ([]byte, error) { return bands.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Band) UnmarshalText(t []byte) error { return bands.UnmarshalText(b, t) }

// BandOf returns the band of a severity score: the edges 2, 3 and 4 belong
// to the higher band.
func BandOf(se decimal.Decimal) Band {
	switch {
	case se.LessThan(quarters[8]):
		return Low
	case se.LessThan(quarters[12]):
		return Medium
	case se.LessThan(quarters[16]):
		return High
	}
	return VeryHigh
}

// quarters[i] is i/4, for i from 0 to 16: every value ENISA's tables use.
var quarters = func() [17]decimal.Decimal {
	var q [17]decimal.Decimal
	for i := range q {
		q[i] = decimal.New(int64(i)*25, -2)
	}
	return q
}()

// Factors are the ENISA inputs a [Breach] records beyond its facts: the ease
// of identification, the context adjustments, and, where the assessor wants
// to set them rather than have them derived from the facts, the levels of
// the circumstances of the breach.
type Factors struct {
	// Identifiability is EI; unset means Maximum.
	Identifiability Identifiability `json:"identifiability,omitzero"`
	// Adjustments adjust the DPC scores of the data types.
	Adjustments Adjustments `json:"adjustments,omitempty"`
	// Confidentiality overrides the level of loss of confidentiality
	// derived by [Breach.Circumstances]; unset means derived.
	Confidentiality Loss `json:"confidentiality,omitzero"`
	// Integrity overrides the derived level of loss of integrity.
	Integrity Loss `json:"integrity,omitzero"`
	// Availability overrides the derived level of loss of availability.
	Availability Loss `json:"availability,omitzero"`
}

// Adjustments are the context adjustments of a breach. The named type lets
// slog log a list of them without their notes.
type Adjustments []Adjustment

// LogValue reports the adjustments without their notes.
func (as Adjustments) LogValue() slog.Value {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return slog.AnyValue(out)
}

// LogValue reports the factors without the adjustments' notes, which are
// caseworker text: slog's JSON handler would otherwise marshal them.
func (f Factors) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("identifiability", f.Identifiability.String()),
		slog.Any("adjustments", f.Adjustments.LogValue()),
		slog.String("confidentiality", f.Confidentiality.String()),
		slog.String("integrity", f.Integrity.String()),
		slog.String("availability", f.Availability.String()))
}

// SeverityInput is everything ENISA's formula takes.
type SeverityInput struct {
	// Data are the categories of personal data involved; each is scored by
	// its [TypeOf], and the highest adjusted score is the DPC.
	Data compliance.DataCategories
	// Adjustments adjust the scores of data types (ENISA's contextual
	// factors).
	Adjustments []Adjustment
	// Identifiability is EI; it is required.
	Identifiability Identifiability
	// Confidentiality, Integrity and Availability are the CB levels; unset
	// counts as NoLoss.
	Confidentiality, Integrity, Availability Loss
	// Malicious adds 0.5: the breach was intentional (theft, hacking aimed
	// at harm, selling the data, harming the controller). Errors, accidental
	// loss, bugs and misconfiguration are not malicious.
	Malicious bool
}

// Severity is the result of ENISA's formula, with its parts.
type Severity struct {
	// Type is the data type that gave the DPC (the highest adjusted score;
	// on a tie, the type with the higher basic score).
	Type DataType `json:"type"`
	// DPC is the data processing context score, 1 to 4.
	DPC decimal.Decimal `json:"dpc"`
	// EI is the ease of identification, 0.25 to 1.
	EI decimal.Decimal `json:"ei"`
	// CB is the sum of the circumstances of the breach, 0 to 2.
	CB decimal.Decimal `json:"cb"`
	// Score is SE = DPC × EI + CB, 0.25 to 6.
	Score decimal.Decimal `json:"score"`
	// Band is the severity level of Score.
	Band Band `json:"band"`
}

// IsZero reports whether s was not computed.
func (s Severity) IsZero() bool { return !s.Band.Valid() }

// Severity computes SE = DPC × EI + CB. It returns a
// [*compliance.ValidationError] naming "data" when no category is given,
// "identifiability" when EI is not set, the fields of a malformed
// adjustment, and "adjustments[i].type" ([compliance.ReasonInconsistent])
// for an adjustment of a type that is not among the data.
func (in SeverityInput) Severity() (Severity, error) {
	var v compliance.Validation
	var present [Sensitive + 1]bool
	for c := range in.Data.All() {
		present[TypeOf(c)] = true
	}
	some := present[Simple] || present[Behavioural] || present[Financial] || present[Sensitive]
	v.Require("data", some)
	v.Require("identifiability", in.Identifiability.Valid())
	for _, l := range []struct {
		name string
		l    Loss
	}{{"confidentiality", in.Confidentiality}, {"integrity", in.Integrity}, {"availability", in.Availability}} {
		if l.l != 0 && !l.l.Valid() {
			v.Add(l.name, compliance.ReasonUnknown)
		}
	}
	for i, a := range in.Adjustments {
		path := "adjustments[" + strconv.Itoa(i) + "]"
		if err := a.Validate(); err != nil {
			v.Check(path, err)
			continue
		}
		if !present[a.Type] {
			v.Add(path+".type", compliance.ReasonInconsistent)
		}
	}
	if err := v.Err("severity"); err != nil {
		return Severity{}, err
	}

	if len(in.Adjustments) == 0 {
		// Without adjustments the inputs take a handful of values, whose
		// results the formula computed once, at start-up (severityTable).
		t := Sensitive
		for !present[t] {
			t--
		}
		cb := lossIndex(in.Confidentiality) + lossIndex(in.Integrity) + lossIndex(in.Availability)
		if in.Malicious {
			cb += 2
		}
		return severityTable[t][in.Identifiability][cb], nil
	}
	return in.compute(&present), nil
}

// severityTable holds the severity of every input without adjustments,
// indexed by data type, identifiability and CB in quarters (0 to 8), as
// compute gives it: the table is a memo of the one formula, not a second
// computation (TestSeverityTableIsTheFormula compares every entry).
var severityTable = func() (tab [Sensitive + 1][Maximum + 1][9]Severity) {
	losses := [...]Loss{NoLoss, PartialLoss, FullLoss}
	for t := Simple; t <= Sensitive; t++ {
		var present [Sensitive + 1]bool
		present[t] = true
		for ei := Negligible; ei <= Maximum; ei++ {
			for _, c := range losses {
				for _, i := range losses {
					for _, a := range losses {
						for _, mal := range []bool{false, true} {
							in := SeverityInput{Identifiability: ei, Confidentiality: c, Integrity: i, Availability: a, Malicious: mal}
							cb := lossIndex(c) + lossIndex(i) + lossIndex(a)
							if mal {
								cb += 2
							}
							tab[t][ei][cb] = in.compute(&present)
						}
					}
				}
			}
		}
	}
	return tab
}()

// lossIndex returns the points of a CB level in quarters (0, 1 or 2), to
// index severityTable.
func lossIndex(l Loss) int {
	if !l.Valid() {
		return 0
	}
	return int(l) - 1
}

// compute computes the severity with exact decimal arithmetic: the one
// computation of ENISA's formula in tillid (there is no second, integer
// path to disagree with it).
func (in *SeverityInput) compute(present *[Sensitive + 1]bool) Severity {
	var s Severity
	for t := Simple; t <= Sensitive; t++ {
		if !present[t] {
			continue
		}
		score := t.Score()
		for _, a := range in.Adjustments {
			if a.Type == t {
				score = score.Add(a.Delta)
			}
		}
		if score.LessThan(quarters[4]) {
			score = quarters[4]
		} else if score.GreaterThan(quarters[16]) {
			score = quarters[16]
		}
		if s.Type == 0 || !score.LessThan(s.DPC) {
			s.Type, s.DPC = t, score
		}
	}
	s.EI = in.Identifiability.Value()
	s.CB = in.Confidentiality.Value().Add(in.Integrity.Value()).Add(in.Availability.Value())
	if in.Malicious {
		s.CB = s.CB.Add(quarters[2])
	}
	s.Score = s.DPC.Mul(s.EI).Add(s.CB)
	s.Band = BandOf(s.Score)
	return s
}
