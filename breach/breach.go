package breach

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// ID identifies a breach in the register.
type ID = compliance.BreachID

// Breach is an incident as a kommune records it in its breach register:
// the facts, the effects and the remedial action that Art 33(5) GDPR asks
// every controller to document, whatever the risk, so that Datatilsynet can
// verify compliance. An incident that turns out not to be a personal data
// breach stays in the register with [NotABreach].
//
// Instants are stored in UTC ([Register] normalises them); the rules read
// them in the jurisdiction's time zone. A Breach holds caseworker free text
// ([Account], [Adjustment.Note]) that may contain personal data, so it
// implements [slog.LogValuer] with IDs and codes only, and its errors name
// fields, never values.
type Breach struct {
	// ID identifies the breach; the register assigns it.
	ID ID `json:"id"`
	// Version is the optimistic-concurrency version the store keeps.
	Version uint64 `json:"version"`
	// Reference is the kommune's own case or journal number (sagsnummer,
	// saksnummer), if any.
	Reference string `json:"reference,omitzero"`
	// Classification says whether the incident is a personal data breach;
	// unset means not yet classified, and the rules treat it as one.
	Classification Classification `json:"classification,omitzero"`

	// Reporter says who reported the incident to the kommune.
	Reporter Reporter `json:"reporter"`
	// Processor records a data processor's part: who it is, when it became
	// aware and when it told the kommune (Art 33(2)).
	Processor ProcessorReport `json:"processor,omitzero"`

	// Registered is when the incident was entered in the register; the
	// register sets it.
	Registered time.Time `json:"registered"`
	// Occurred is when the breach happened or began, as far as is known.
	Occurred time.Time `json:"occurred,omitzero"`
	// OccurredUntil is when it ended, for a breach that lasted.
	OccurredUntil time.Time `json:"occurredUntil,omitzero"`
	// Discovered is when anyone — staff, a citizen, a processor — discovered
	// the incident.
	Discovered time.Time `json:"discovered"`
	// Aware is when the kommune became aware of the breach: when it had a
	// reasonable degree of certainty that a security incident had led to
	// personal data being compromised (WP250 rev.01, section II.A.2). The
	// 72 hours of Art 33(1) run from here. Unset while a short
	// investigation establishes the facts, which must start promptly.
	Aware time.Time `json:"aware,omitzero"`
	// Contained is when the breach was stopped.
	Contained time.Time `json:"contained,omitzero"`

	// Nature says which of confidentiality, integrity and availability were
	// breached.
	Nature Nature `json:"nature"`
	// Cause is what caused the incident.
	Cause Cause `json:"cause,omitzero"`
	// Malicious reports an intentional act (an attack, theft, an insider
	// acting in bad faith) rather than an error or an accident.
	Malicious bool `json:"malicious,omitzero"`
	// Data are the categories of personal data involved.
	Data compliance.DataCategories `json:"data"`
	// Subjects are the categories of data subjects involved.
	Subjects compliance.SubjectCategories `json:"subjects"`
	// SubjectCount is the approximate number of data subjects concerned
	// (Art 33(3)(a)).
	SubjectCount Count `json:"subjectCount,omitzero"`
	// RecordCount is the approximate number of personal data records
	// concerned (Art 33(3)(a)).
	RecordCount Count `json:"recordCount,omitzero"`

	// Encryption is the state of the protection of the data.
	Encryption Encryption `json:"encryption,omitzero"`
	// Backup says whether the data lost or altered can be restored.
	Backup Backup `json:"backup,omitzero"`
	// Restored is when the data were restored.
	Restored time.Time `json:"restored,omitzero"`
	// Impact is the effect the loss of availability or integrity had on the
	// data subjects.
	Impact Impact `json:"impact,omitzero"`
	// Recipients says who received or could reach the data.
	Recipients Recipients `json:"recipients,omitzero"`

	// Department is the kommune's department or administration the breach
	// belongs to (forvaltning, sektor, etat), as the kommune names it —
	// not personal data; the committee's statistics count by it.
	Department string `json:"department,omitzero"`
	// Activity is the record of processing activity (Art 30 GDPR) the
	// breach concerns, by its ID in package record's register.
	Activity record.ActivityID `json:"activity,omitzero"`

	// Factors are the factors of risk of WP250 rev.01 section IV.B that
	// the other fields do not carry.
	Factors RiskFactors `json:"factors,omitzero"`
	// ENISA holds the inputs of ENISA's severity formula beyond the facts.
	ENISA Factors `json:"enisa,omitzero"`

	// HighRiskAverted records that subsequent measures ensure that a high
	// risk is no longer likely to materialise (Art 34(3)(b)) — for example
	// the recipient returned the data unread and there is no copy; describe
	// them in Text.MeasuresTaken.
	HighRiskAverted bool `json:"highRiskAverted,omitzero"`
	// DisproportionateEffort records that contacting each data subject would
	// involve disproportionate effort, so a public communication is made
	// instead (Art 34(3)(c)).
	DisproportionateEffort bool `json:"disproportionateEffort,omitzero"`

	// Authority lists the notifications made to Datatilsynet, in order:
	// the first is Initial; more follow in phases (Art 33(4)).
	Authority []AuthorityNotification `json:"authority,omitempty"`
	// Communications lists the communications to the data subjects (Art
	// 34), including a public communication.
	Communications []SubjectCommunication `json:"communications,omitempty"`

	// Text is the caseworker's account in their own words.
	Text Account `json:"text,omitzero"`
}

// Count is an approximate number of data subjects or records (Art 33(3)(a)
// asks for "the approximate number"): exact ({Min: 12, Max: 12}), about a
// number ({Min: 300, Max: 300, Approximate: true}) or a range ({Min: 100,
// Max: 500}). The zero value is not yet known.
type Count struct {
	// Min is the number, or the lower end of a range.
	Min int `json:"min"`
	// Max is the upper end of a range; 0 means the same as Min.
	Max int `json:"max,omitzero"`
	// Approximate marks the number as an estimate.
	Approximate bool `json:"approximate,omitzero"`
}

// Exact returns the count n.
func Exact(n int) Count { return Count{Min: n} }

// About returns the approximate count n.
func About(n int) Count { return Count{Min: n, Approximate: true} }

// Between returns the range lo to hi.
func Between(lo, hi int) Count { return Count{Min: lo, Max: hi} }

// IsZero reports whether the count is not yet known.
func (c Count) IsZero() bool { return c == Count{} }

// Upper returns the largest number the count allows.
func (c Count) Upper() int { return max(c.Min, c.Max) }

// maxCount bounds a Count: more than the population of Denmark and Norway
// together many times over.
const maxCount = 1_000_000_000

// Validate reports whether c is well formed: not negative, Max not below
// Min, and not absurdly large.
func (c Count) Validate() error {
	var v compliance.Validation
	if c.Min < 0 || c.Min > maxCount {
		v.Add("min", compliance.ReasonRange)
	}
	if c.Max < 0 || c.Max > maxCount || c.Max != 0 && c.Max < c.Min {
		v.Add("max", compliance.ReasonRange)
	}
	return v.Err("count")
}

// ProcessorReport is a data processor's part in a breach: Art 33(2) obliges
// the processor to notify the controller "without undue delay after
// becoming aware", with no figure; the data processing agreement usually
// sets one in hours.
type ProcessorReport struct {
	// ID is the processor in package processor's registry.
	ID compliance.ProcessorID `json:"id,omitzero"`
	// Aware is when the processor became aware of the breach.
	Aware time.Time `json:"aware,omitzero"`
	// Notified is when the processor told the kommune.
	Notified time.Time `json:"notified,omitzero"`
	// AgreedHours is the time limit in hours the data processing agreement
	// sets for the processor's notice; 0 means the agreement sets none.
	AgreedHours int `json:"agreedHours,omitzero"`
}

// IsZero reports whether no processor is involved.
func (p ProcessorReport) IsZero() bool { return p == ProcessorReport{} }

// maxAgreedHours bounds ProcessorReport.AgreedHours (a year).
const maxAgreedHours = 24 * 366

// AuthorityNotification is one notification to Datatilsynet.
type AuthorityNotification struct {
	// Phase is the notification's place in a phased notification.
	Phase Phase `json:"phase"`
	// At is when it was submitted.
	At time.Time `json:"at"`
	// Reference is Datatilsynet's case or receipt number, once known.
	Reference string `json:"reference,omitzero"`
	// Complete reports that the notification gave all the information of
	// Art 33(3), so nothing more is to follow. A Final notification is
	// complete.
	Complete bool `json:"complete,omitzero"`
	// NextBy is when the kommune told Datatilsynet the missing information
	// would follow (Datatilsynet DK's form asks for it), for an incomplete
	// notification.
	NextBy time.Time `json:"nextBy,omitzero"`
}

// IsComplete reports whether n gave all the Art 33(3) information.
func (n AuthorityNotification) IsComplete() bool { return n.Complete || n.Phase == Final }

// SubjectCommunication is one communication of the breach to the data
// subjects (Art 34), or a public communication (Art 34(3)(c)).
type SubjectCommunication struct {
	// At is when it was made.
	At time.Time `json:"at"`
	// Channel is how.
	Channel Channel `json:"channel"`
	// Count is how many data subjects it reached, where known.
	Count int `json:"count,omitzero"`
}

// Account is the caseworker's account of the breach, in their own words. It
// may contain personal data: it is shown in the documents it belongs to and
// never appears in errors or logs ([Account.LogValue], [Account.String]).
type Account struct {
	// Summary says in plain language what happened, for the letter to the
	// data subjects (Art 34(2)).
	Summary string `json:"summary,omitzero"`
	// Description says what happened and how, for Datatilsynet (Art
	// 33(3)(a)) and the register (Art 33(5)).
	Description string `json:"description,omitzero"`
	// Effects are the effects so far (Art 33(5)).
	Effects string `json:"effects,omitzero"`
	// Consequences are the likely consequences (Art 33(3)(c)).
	Consequences string `json:"consequences,omitzero"`
	// MeasuresBefore are the measures in place before the breach to
	// prevent it (Datatilsynet DK's form asks for them).
	MeasuresBefore string `json:"measuresBefore,omitzero"`
	// MeasuresTaken are the measures taken to address the breach (Art
	// 33(3)(d)).
	MeasuresTaken string `json:"measuresTaken,omitzero"`
	// MeasuresProposed are the measures proposed, including to prevent it
	// happening again (Art 33(3)(d)).
	MeasuresProposed string `json:"measuresProposed,omitzero"`
	// Mitigation are the measures to mitigate its possible adverse effects
	// (Art 33(3)(d)).
	Mitigation string `json:"mitigation,omitzero"`
	// Advice is what the data subjects can do to protect themselves
	// (Recital 86), for the letter to them.
	Advice string `json:"advice,omitzero"`
	// DelayReasons are the reasons why Datatilsynet was notified after 72
	// hours (Art 33(1), second sentence).
	DelayReasons string `json:"delayReasons,omitzero"`
}

// maxText bounds each free-text field; maxNote an adjustment's note;
// maxReference a reference number.
const (
	maxText       = 20000
	maxNote       = 2000
	maxReference  = 100
	maxDepartment = 200
)

// String returns a fixed text: the account is never printed.
func (Account) String() string { return "[caseworker text]" }

// Format implements [fmt.Formatter]: every verb (%v, %+v, %#v, %s, %q, %d,
// …) prints the fixed text of String or GoString, never the account.
func (a Account) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, a.GoString())
		return
	}
	_, _ = io.WriteString(f, a.String())
}

// GoString returns a fixed text: the account is never printed.
func (Account) GoString() string { return "breach.Account{[caseworker text]}" }

// LogValue reports only which fields are filled in.
func (a Account) LogValue() slog.Value {
	var filled []string
	for _, f := range a.fields() {
		if *f.text != "" {
			filled = append(filled, f.name)
		}
	}
	return slog.AnyValue(filled)
}

type textField struct {
	name string
	text *string
}

func (a *Account) fields() []textField {
	return []textField{
		{"summary", &a.Summary}, {"description", &a.Description}, {"effects", &a.Effects},
		{"consequences", &a.Consequences}, {"measuresBefore", &a.MeasuresBefore},
		{"measuresTaken", &a.MeasuresTaken}, {"measuresProposed", &a.MeasuresProposed},
		{"mitigation", &a.Mitigation}, {"advice", &a.Advice}, {"delayReasons", &a.DelayReasons},
	}
}

// LogValue implements [slog.LogValuer]: the breach's ID, version, codes and
// counts, never its free text.
func (b Breach) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("id", b.ID.String()),
		slog.Uint64("version", b.Version),
		slog.String("classification", b.Classification.String()),
		slog.String("reporter", b.Reporter.String()),
		slog.String("cause", b.Cause.String()),
		slog.Bool("malicious", b.Malicious),
		slog.Any("nature", codes(b.Nature.All())),
		slog.Any("data", codes(b.Data.All())),
		slog.Any("subjects", codes(b.Subjects.All())),
		slog.Int("subjectCount", b.SubjectCount.Upper()),
		slog.Int("authorityNotifications", len(b.Authority)),
		slog.Int("communications", len(b.Communications)),
	}
	if !b.Processor.ID.IsZero() {
		attrs = append(attrs, slog.String("processor", b.Processor.ID.String()))
	}
	return slog.GroupValue(attrs...)
}

func codes[T interface{ String() string }](all func(func(T) bool)) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// IsBreach reports whether the rules treat the incident as a personal data
// breach: classified as one, or not yet classified.
func (b Breach) IsBreach() bool { return b.Classification != NotABreach }

// FirstNotification returns the first notification to Datatilsynet, and
// false if there is none.
func (b Breach) FirstNotification() (AuthorityNotification, bool) {
	if len(b.Authority) == 0 {
		return AuthorityNotification{}, false
	}
	return b.Authority[0], true
}

// Validate reports every malformed or inconsistent field at once as a
// [*compliance.ValidationError] (which matches [compliance.ErrInvalid]),
// naming fields by their JSON paths and never repeating a value:
//
//   - required: id, registered, discovered, reporter; nature for a breach
//     classified as a personal data breach; processor.id when a processor
//     reported it; at, phase and channel of every notification and
//     communication;
//   - codes: every vocabulary field must be a known code (or unset where
//     unset is allowed);
//   - order: occurred ≤ occurredUntil, occurred ≤ discovered ≤ aware,
//     occurred ≤ contained, discovered ≤ restored, processor.aware ≤
//     processor.notified; notifications in time order, the first Initial
//     and no later one Initial; communications in time order;
//   - sizes: counts, agreed hours, text lengths.
func (b Breach) Validate() error {
	var v compliance.Validation
	v.Require("id", !b.ID.IsZero())
	v.Text("reference", b.Reference, maxReference, false)
	checkCode(&v, "classification", b.Classification != 0 && !b.Classification.Valid())
	switch {
	case b.Reporter == 0:
		v.Add("reporter", compliance.ReasonRequired)
	case !b.Reporter.Valid():
		v.Add("reporter", compliance.ReasonUnknown)
	}
	if b.Reporter == ReportedByProcessor && b.Processor.ID.IsZero() {
		v.Add("processor.id", compliance.ReasonRequired)
	}
	p := b.Processor
	if p.AgreedHours < 0 || p.AgreedHours > maxAgreedHours {
		v.Add("processor.agreedHours", compliance.ReasonRange)
	}
	before(&v, "processor.notified", p.Aware, p.Notified)

	for _, in := range b.instants() {
		if !in.t.IsZero() && (in.t.Year() < minYear || in.t.Year() > maxYear) {
			v.Add(in.name, compliance.ReasonRange)
		}
	}
	if len(b.Authority) > maxNotifications {
		v.Add("authority", compliance.ReasonLength)
	}
	if len(b.Communications) > maxCommunications {
		v.Add("communications", compliance.ReasonLength)
	}
	if len(b.ENISA.Adjustments) > maxAdjustments {
		v.Add("enisa.adjustments", compliance.ReasonLength)
	}
	v.Require("registered", !b.Registered.IsZero())
	v.Require("discovered", !b.Discovered.IsZero())
	before(&v, "occurredUntil", b.Occurred, b.OccurredUntil)
	before(&v, "discovered", b.Occurred, b.Discovered)
	before(&v, "aware", b.Discovered, b.Aware)
	before(&v, "contained", b.Occurred, b.Contained)
	before(&v, "restored", b.Discovered, b.Restored)

	if !b.Nature.Valid() {
		v.Add("nature", compliance.ReasonUnknown)
	} else if b.Classification == PersonalDataBreach && b.Nature.IsEmpty() {
		v.Add("nature", compliance.ReasonRequired)
	}
	checkCode(&v, "cause", b.Cause != 0 && !b.Cause.Valid())
	checkCode(&v, "data", b.Data.Minus(allCategories) != 0)
	checkCode(&v, "subjects", b.Subjects.Minus(allSubjects) != 0)
	v.Check("subjectCount", b.SubjectCount.Validate())
	v.Check("recordCount", b.RecordCount.Validate())
	checkCode(&v, "encryption", b.Encryption != 0 && !b.Encryption.Valid())
	checkCode(&v, "backup", b.Backup != 0 && !b.Backup.Valid())
	if !b.Restored.IsZero() && b.Backup == NoBackup {
		v.Add("restored", compliance.ReasonInconsistent)
	}
	checkCode(&v, "impact", b.Impact != 0 && !b.Impact.Valid())
	checkCode(&v, "recipients", b.Recipients != 0 && !b.Recipients.Valid())
	if len(b.Department) > maxDepartment {
		v.Add("department", compliance.ReasonTooLong)
	}
	rf := b.Factors
	checkCode(&v, "factors.likelihood", rf.Likelihood != 0 && !rf.Likelihood.Valid())
	checkCode(&v, "factors.gravity", rf.Gravity != 0 && !rf.Gravity.Valid())
	checkCode(&v, "factors.withheld", rf.Withheld != 0 && !rf.Withheld.Valid())

	f := b.ENISA
	checkCode(&v, "enisa.identifiability", f.Identifiability != 0 && !f.Identifiability.Valid())
	checkCode(&v, "enisa.confidentiality", f.Confidentiality != 0 && !f.Confidentiality.Valid())
	checkCode(&v, "enisa.integrity", f.Integrity != 0 && !f.Integrity.Valid())
	checkCode(&v, "enisa.availability", f.Availability != 0 && !f.Availability.Valid())
	var types [Sensitive + 1]bool
	for c := range b.Data.All() {
		types[TypeOf(c)] = true
	}
	for i, a := range f.Adjustments {
		path := "enisa.adjustments[" + strconv.Itoa(i) + "]"
		if err := a.Validate(); err != nil {
			v.Check(path, err)
		} else if !types[a.Type] {
			v.Add(path+".type", compliance.ReasonInconsistent)
		}
	}

	var last time.Time
	for i, n := range b.Authority {
		path := "authority[" + strconv.Itoa(i) + "]"
		switch {
		case n.Phase == 0:
			v.Add(path+".phase", compliance.ReasonRequired)
		case !n.Phase.Valid():
			v.Add(path+".phase", compliance.ReasonUnknown)
		case i == 0 && n.Phase != Initial, i > 0 && n.Phase == Initial:
			v.Add(path+".phase", compliance.ReasonInconsistent)
		}
		if n.At.IsZero() {
			v.Add(path+".at", compliance.ReasonRequired)
		} else if n.At.Before(last) {
			v.Add(path+".at", compliance.ReasonInconsistent)
		} else {
			last = n.At
		}
		v.Text(path+".reference", n.Reference, maxReference, false)
		before(&v, path+".nextBy", n.At, n.NextBy)
	}
	last = time.Time{}
	for i, c := range b.Communications {
		path := "communications[" + strconv.Itoa(i) + "]"
		switch {
		case c.Channel == 0:
			v.Add(path+".channel", compliance.ReasonRequired)
		case !c.Channel.Valid():
			v.Add(path+".channel", compliance.ReasonUnknown)
		}
		if c.At.IsZero() {
			v.Add(path+".at", compliance.ReasonRequired)
		} else if c.At.Before(last) {
			v.Add(path+".at", compliance.ReasonInconsistent)
		} else {
			last = c.At
		}
		if c.Count < 0 || c.Count > maxCount {
			v.Add(path+".count", compliance.ReasonRange)
		}
	}
	t := b.Text
	for _, fl := range t.fields() {
		v.Text("text."+fl.name, *fl.text, maxText, true)
	}
	return v.Err("breach")
}

// The years the calendar counts (compliance.Calendar: the Gregorian
// calendar from 1583 to 9999); an instant outside them is rejected at the
// door, so that a typo (202 for 2025) never reaches the rules.
const (
	minYear = compliance.FirstYear
	maxYear = compliance.LastYear
)

type namedInstant struct {
	name string
	t    time.Time
}

// instants lists every instant of b with its JSON path.
func (b *Breach) instants() []namedInstant {
	out := []namedInstant{{"registered", b.Registered}, {"occurred", b.Occurred},
		{"occurredUntil", b.OccurredUntil}, {"discovered", b.Discovered}, {"aware", b.Aware},
		{"contained", b.Contained}, {"restored", b.Restored},
		{"processor.aware", b.Processor.Aware}, {"processor.notified", b.Processor.Notified}}
	for i, n := range b.Authority {
		if i >= maxNotifications {
			break
		}
		p := "authority[" + strconv.Itoa(i) + "]"
		out = append(out, namedInstant{p + ".at", n.At}, namedInstant{p + ".nextBy", n.NextBy})
	}
	for i, c := range b.Communications {
		if i >= maxCommunications {
			break
		}
		out = append(out, namedInstant{"communications[" + strconv.Itoa(i) + "].at", c.At})
	}
	return out
}

// The sets of every valid category.
var (
	allCategories = func() compliance.DataCategories {
		var s compliance.DataCategories
		for c := range compliance.AllDataCategories() {
			s = s.With(c)
		}
		return s
	}()
	allSubjects = func() compliance.SubjectCategories {
		var s compliance.SubjectCategories
		for c := range compliance.AllSubjectCategories() {
			s = s.With(c)
		}
		return s
	}()
)

func checkCode(v *compliance.Validation, field string, bad bool) {
	if bad {
		v.Add(field, compliance.ReasonUnknown)
	}
}

// before records field as inconsistent when both instants are set and b is
// before a.
func before(v *compliance.Validation, field string, a, b time.Time) {
	if !a.IsZero() && !b.IsZero() && b.Before(a) {
		v.Add(field, compliance.ReasonInconsistent)
	}
}

// utc returns b with every instant in UTC, so that stores and golden files
// see one form.
func (b Breach) utc() Breach {
	for _, t := range []*time.Time{&b.Registered, &b.Occurred, &b.OccurredUntil, &b.Discovered,
		&b.Aware, &b.Contained, &b.Restored, &b.Processor.Aware, &b.Processor.Notified} {
		if !t.IsZero() {
			*t = t.UTC()
		}
	}
	b.Authority = append([]AuthorityNotification(nil), b.Authority...)
	for i := range b.Authority {
		n := &b.Authority[i]
		n.At = n.At.UTC()
		if !n.NextBy.IsZero() {
			n.NextBy = n.NextBy.UTC()
		}
	}
	b.Communications = append([]SubjectCommunication(nil), b.Communications...)
	for i := range b.Communications {
		b.Communications[i].At = b.Communications[i].At.UTC()
	}
	return b
}
