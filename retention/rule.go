package retention

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"github.com/tillid/tillid/internal/redact"
	"log/slog"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Rule is a retention rule of a kommune's retention plan (bevarings- og
// kassationsplan, bevarings- og kassasjonsplan): for the cases of one
// classification code, how long they are kept, counted from which event,
// and what happens to them then. A rule is one of three kinds ([Scheme]):
//
//   - KLE (Denmark): the emne, gruppe or hovedgruppe in Class, optionally
//     one handlingsfacet in Facet, the bevaring code (K, K5, K10, B, tom) in
//     Bevaring and KLE's deletion period (SletningJaevnfoerPersondataloven,
//     counted from the closing of the case) in Period;
//   - Noark (Norway): the class (klasse) in Class, the kassasjonsvedtak
//     (M450) in Kassasjonsvedtak, the bevaringstid in years (M451) in
//     Bevaringstid and the kassasjonshjemmel (M453) in Kassasjonshjemmel;
//   - Custom: a key of the kommune's choice in Class, the Disposition, the
//     Period, the Trigger and the legal references (Refs) the rule rests
//     on, which are required.
//
// Rules are values; a [Plan] stores them and a [Schedule] compiles them for
// deciding records. Title is the kommune's short description of the cases
// (never personal data).
type Rule struct {
	// ID identifies the rule; [Plan.Add] assigns it.
	ID compliance.RetentionRuleID `json:"id"`
	// Version is the store's optimistic-concurrency version.
	Version uint64 `json:"version"`
	// Jurisdiction is DK for KLE rules and NO for Noark rules.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Scheme is the kind of rule.
	Scheme Scheme `json:"scheme"`
	// Class is the classification code the rule applies to: a KLE number
	// ("25.02.00", "25.02" or "25"), a Noark class code, or a custom key.
	Class string `json:"class"`
	// Facet narrows a KLE rule to one handlingsfacet ("G01"); empty for
	// all facets and for other schemes.
	Facet string `json:"facet,omitempty"`
	// Title describes the cases in the kommune's words.
	Title string `json:"title,omitempty"`
	// Trigger is the event the period is counted from; zero means
	// [Closed]. KLE rules always count from the closing of the case.
	Trigger Trigger `json:"trigger,omitzero"`
	// Bevaring is the KLE bevaring code; KLE rules only.
	Bevaring Bevaring `json:"bevaring,omitzero"`
	// Period is the retention period: for a KLE rule its deletion period
	// (optional; see [ParseKLEDuration]), for a custom rule the time the
	// cases are kept before the Disposition is due (required unless the
	// Disposition is Keep or Transfer). Noark rules use Bevaringstid.
	Period compliance.Period `json:"period,omitzero"`
	// Kassasjonsvedtak is the Noark disposal decision (M450); Noark rules
	// only.
	Kassasjonsvedtak Kassasjonsvedtak `json:"kassasjonsvedtak,omitzero"`
	// Bevaringstid is the Noark retention time in years (M451), counted
	// from the Trigger; 0 when the kassasjonsdato is set on each record.
	Bevaringstid int `json:"bevaringstid,omitempty"`
	// Kassasjonshjemmel is the Noark legal basis for discarding (M453), as
	// text: "Riksarkivarens forskrift § 7-26".
	Kassasjonshjemmel string `json:"kassasjonshjemmel,omitempty"`
	// Disposition is what a custom rule does when its period has run out.
	// KLE and Noark rules derive it from Bevaring and Kassasjonsvedtak (see
	// [Rule.Final]) and leave it zero.
	Disposition Disposition `json:"disposition,omitzero"`
	// Duty says that a custom rule's period is a duty to keep the cases
	// (an accounting rule, an archives rule), so that a request for
	// erasure before its end is refused (Art 17(3)(b) GDPR). Custom rules
	// only.
	Duty bool `json:"duty,omitempty"`
	// Refs are the provisions the rule rests on: required for custom
	// rules, and added to the references the package cites for KLE and
	// Noark rules.
	Refs compliance.Refs `json:"refs,omitzero"`
	// Created and Updated are stamped by [Plan].
	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// MaxText is the longest Title or Kassasjonshjemmel, in bytes.
const MaxText = 500

// MaxRefs is the largest number of references a rule may carry.
const MaxRefs = 20

// MaxRules is the most rules one plan or schedule holds: [Plan.Schedule]
// reads every stored rule of the plan, and [Compile] takes them all at
// once. A kommune's rules follow its classification: KLE has some 2,000
// emner under a few hundred grupper and some 30 hovedgrupper, a
// handlingsfacet narrows a rule on some of them, and a Norwegian kommune's
// Noark classes number a few thousand at most; with its own custom rules a
// plan holds thousands of rules at most, and 20,000 leaves room for a rule
// per emne on every handlingsfacet category it is used with. A plan past it
// holds rules that were not meant for it.
const MaxRules = 20_000

// Final returns what the rule does when its period has run out: Delete for
// KLE K, K5 and K10 and Noark «Kasseres», Transfer for KLE B and Noark
// «Bevares», Review for KLE "tom" and Noark «Vurderes senere», and the
// Disposition of a custom rule. It returns 0 for an invalid rule.
func (r Rule) Final() Disposition {
	switch r.Scheme {
	case KLE:
		return bevaringFinal(r.Bevaring)
	case Noark:
		return vedtakFinal(r.Kassasjonsvedtak)
	case Custom:
		return r.Disposition
	}
	return 0
}

func bevaringFinal(b Bevaring) Disposition {
	switch b {
	case BevaringK, BevaringK5, BevaringK10:
		return Delete
	case BevaringB:
		return Transfer
	case BevaringTom:
		return Review
	}
	return 0
}

func vedtakFinal(k Kassasjonsvedtak) Disposition {
	switch k {
	case Kasseres:
		return Delete
	case Bevares:
		return Transfer
	case VurderesSenere:
		return Review
	}
	return 0
}

// Validate reports every problem with the rule at once, as a
// [*compliance.ValidationError] naming the fields by their JSON names; it
// never repeats a value. Beyond each field's own form it checks that the
// fields fit the scheme: KLE rules are Danish, count from the closing of the
// case and carry a bevaring code; Noark rules are Norwegian and carry a
// kassasjonsvedtak; custom rules carry a disposition, a period unless they
// keep or transfer, and at least one legal reference. Periods in hours are
// not retention periods and are rejected.
func (r Rule) Validate() error {
	var v compliance.Validation
	v.Require("id", !r.ID.IsZero())
	v.Require("jurisdiction", r.Jurisdiction.Valid())
	v.Check("created", compliance.CheckInstant(r.Created))
	v.Check("updated", compliance.CheckInstant(r.Updated))
	if !r.Scheme.Valid() {
		v.Add("scheme", compliance.ReasonRequired)
	}
	if r.Trigger != 0 && !r.Trigger.Valid() {
		v.Add("trigger", compliance.ReasonUnknown)
	}
	checkText(&v, "title", r.Title)
	checkText(&v, "kassasjonshjemmel", r.Kassasjonshjemmel)
	if r.Bevaring != 0 && !r.Bevaring.Valid() {
		v.Add("bevaring", compliance.ReasonUnknown)
	}
	if r.Kassasjonsvedtak != 0 && !r.Kassasjonsvedtak.Valid() {
		v.Add("kassasjonsvedtak", compliance.ReasonUnknown)
	}
	if r.Disposition != 0 && !r.Disposition.Valid() {
		v.Add("disposition", compliance.ReasonUnknown)
	}
	if !r.Period.IsZero() {
		if err := r.Period.Validate(); err != nil {
			v.Add("period", compliance.ReasonRange)
		} else if r.Period.Unit == compliance.UnitHours {
			v.Add("period", compliance.ReasonInconsistent)
		}
	}
	if r.Bevaringstid < 0 || r.Bevaringstid > MaxBevaringstid {
		v.Add("bevaringstid", compliance.ReasonRange)
	}
	if r.Refs.Len() > MaxRefs {
		v.Add("refs", compliance.ReasonTooLong)
	}
	v.Check("refs", r.Refs.Validate())
	inconsistent := func(field string, set bool) {
		if set {
			v.Add(field, compliance.ReasonInconsistent)
		}
	}
	switch r.Scheme {
	case KLE:
		if r.Jurisdiction.Valid() {
			inconsistent("jurisdiction", r.Jurisdiction != compliance.DK)
		}
		if _, ok := parseKLE(r.Class); !ok {
			v.Add("class", compliance.ReasonFormat)
		}
		if r.Facet != "" {
			if _, ok := parseFacet(r.Facet); !ok {
				v.Add("facet", compliance.ReasonFormat)
			}
		}
		inconsistent("trigger", r.Trigger.Valid() && r.Trigger != Closed)
		v.Require("bevaring", r.Bevaring != 0)
		if !r.Period.IsZero() && r.Period.Validate() == nil {
			switch r.Period.Unit {
			case compliance.UnitDays, compliance.UnitMonths, compliance.UnitYears:
			default:
				v.Add("period", compliance.ReasonInconsistent)
			}
		}
		inconsistent("kassasjonsvedtak", r.Kassasjonsvedtak != 0)
		inconsistent("bevaringstid", r.Bevaringstid != 0)
		inconsistent("kassasjonshjemmel", r.Kassasjonshjemmel != "")
		inconsistent("disposition", r.Disposition != 0)
		inconsistent("duty", r.Duty)
	case Noark:
		if r.Jurisdiction.Valid() {
			inconsistent("jurisdiction", r.Jurisdiction != compliance.NO)
		}
		if !ValidNoarkClass(r.Class) {
			v.Add("class", compliance.ReasonFormat)
		}
		inconsistent("facet", r.Facet != "")
		v.Require("kassasjonsvedtak", r.Kassasjonsvedtak != 0)
		inconsistent("bevaring", r.Bevaring != 0)
		inconsistent("period", !r.Period.IsZero())
		inconsistent("disposition", r.Disposition != 0)
		inconsistent("duty", r.Duty)
	case Custom:
		if !ValidNoarkClass(r.Class) {
			v.Add("class", compliance.ReasonFormat)
		}
		inconsistent("facet", r.Facet != "")
		v.Require("disposition", r.Disposition != 0)
		switch r.Disposition {
		case Delete, Review:
			v.Require("period", !r.Period.IsZero())
		case Keep:
			inconsistent("period", !r.Period.IsZero())
		}
		v.Require("refs", r.Refs.Len() > 0)
		inconsistent("bevaring", r.Bevaring != 0)
		inconsistent("kassasjonsvedtak", r.Kassasjonsvedtak != 0)
		inconsistent("bevaringstid", r.Bevaringstid != 0)
		inconsistent("kassasjonshjemmel", r.Kassasjonshjemmel != "")
	}
	return v.Err("rule")
}

// checkText checks a free-text field of at most MaxText bytes with the
// shared rule of [compliance.Validation.Text].
func checkText(v *compliance.Validation, field, s string) {
	v.Text(field, s, MaxText, true)
}

// ClassKey returns the key of the classification r covers — its
// jurisdiction, scheme, class and (for KLE) facet — as 64 hexadecimal
// digits (SHA-256). No two rules of a controller may have the same key:
// [Store.Put] enforces it (a unique index on the controller and this key in
// a database), so that two [Plan]s adding a rule for the same class at the
// same time, in one process or in two, cannot both succeed. The key is
// derived from the class, which for a Noark personal folder may be a
// fødselsnummer; it hides nothing from someone who can try every class, so
// keep it as confidential as the rule.
func (r Rule) ClassKey() string {
	h := sha256.New()
	facet := ""
	if r.Scheme == KLE {
		facet = r.Facet
	}
	for _, s := range []string{r.Jurisdiction.String(), r.Scheme.String(), r.Class, facet} {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ClassRedacted is how [LogClass] shows a classification code that may
// hold personal data.
const ClassRedacted = "[redacted]"

// LogClass returns class as the LogValues of this package show it. A KLE
// number (NN, NN.NN or NN.NN.NN) is a subject in KL's public plan and is
// shown as it is. A Noark or custom class code is shown only when it looks
// like a code — at most 20 bytes, no space or "@", fewer than six digits:
// Noark 5 lets a personal folder be classified by the person's
// fødselsnummer (klassifikasjonstype «Fødselsnummer», M086) or name, and a
// log is no place for either; any other code is shown as [ClassRedacted]. Hashing would
// not do: the eleven-digit numbers are few enough to try them all.
func LogClass(s Scheme, class string) string {
	if s == KLE {
		if _, ok := parseKLE(class); ok {
			return class
		}
		return ClassRedacted
	}
	if len(class) > 20 {
		return ClassRedacted
	}
	digits := 0
	for i := 0; i < len(class); i++ {
		switch c := class[i]; {
		case isDigitByte(c):
			digits++
		case c == ' ' || c == '@' || c < ' ':
			return ClassRedacted
		}
	}
	if digits >= 6 {
		return ClassRedacted
	}
	return class
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// Clone returns a copy of r. It shares r's Refs, which are immutable.
func (r Rule) Clone() Rule {
	return r
}

// LogValue implements [slog.LogValuer]: the ID, version, jurisdiction,
// scheme, classification code (as [LogClass] shows it) and final
// disposition, never the title or the kassasjonshjemmel text.
func (r Rule) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", r.ID.String()),
		slog.Uint64("version", r.Version),
		slog.String("jurisdiction", r.Jurisdiction.String()),
		slog.String("scheme", r.Scheme.String()),
		slog.String("class", LogClass(r.Scheme, r.Class)),
		slog.String("final", r.Final().String()),
	)
}

// Format implements [fmt.Formatter]: every verb prints the summary of
// [Rule.LogValue], never the names, contact details, free text or
// identifiers the value holds (fmt would print every field).
func (r Rule) Format(f fmt.State, verb rune) { redact.Format(f, verb, "retention.Rule", r) }

// Policy holds the choices about counting retention periods that the
// sources do not settle. The zero value is the default of each; a
// [Schedule] applies one Policy to every rule.
type Policy struct {
	// RollToWorkingDay moves a due date that falls on a Saturday, a Sunday
	// or a public holiday to the next working day, as Reg 1182/71 Art 3(4)
	// does for the last day of a time limit. Whether that rule, written for
	// periods within which an act must be done, applies to the end of a
	// retention period is not settled by the sources, and Noark 5 says
	// only that the kassasjonsdato is computed from the bevaringstid and
	// the closing date, not how. The default (false) keeps the date the
	// period gives — the same date N years later (Art 3(2)(c)), the N-th
	// day after (Art 3(2)(b)) — which does not postpone the deletion of
	// data that are no longer needed (Art 5(1)(e) GDPR).
	RollToWorkingDay bool

	// KLEFromYearEnd counts KLE's K5 and K10 periods from the end of the
	// year in which the case was closed (31 December) instead of from the
	// closing date. The KLE-XML schema says "5 aar efter sagsafslutning";
	// Danish ombudsman practice counts the age of a case for kassation
	// "from the year the case was closed" (Statsforvaltningen, "Statsforvaltningernes
	// kassation af arkivalier i sociale sager", read as a copy on the
	// secondary site docplayer.dk:
	// https://docplayer.dk/10863893-Statsforvaltningernes-kassation-af-arkivalier-i-sociale-sager.html ).
	// The sources do not settle which count the municipal rules use. The
	// default (false) counts from the closing date, as the schema's wording
	// reads: closed 2025-03-15, K5 allows kassation after 2030-03-15; with
	// KLEFromYearEnd, after 2030-12-31. KLE's deletion periods
	// (SletningJaevnfoerPersondataloven) always run from the closing date,
	// as the schema says.
	KLEFromYearEnd bool

	// KLEDuty treats the K5 and K10 periods as a duty to keep the cases
	// until they have run out, so that a request for erasure before then
	// is refused under Art 17(3)(b) GDPR. The KLE-XML schema calls the
	// periods guidance only ("Fristerne er alene vejledende"), while the
	// rules behind them (the municipal bevarings- og
	// kassationsbestemmelser) were not available; the sources do not
	// settle whether the periods bind. The default (false) follows the
	// schema: K, K5 and K10 allow kassation, so no archives duty stands in
	// the way of erasure, and only B (bevaring) does.
	KLEDuty bool
}
