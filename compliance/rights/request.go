package rights

import (
	"encoding/json"
	"iter"
	"log/slog"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
	"github.com/tillid/tillid/internal/jsondec"
)

// requestMark is the marker type of [RequestID].
type requestMark struct{}

// RequestID identifies a [Request] in a controller's register.
type RequestID = compliance.ID[requestMark]

// Request is a data subject's request to exercise a right of Art 15 to 22
// GDPR: access, rectification, erasure, restriction, portability, objection,
// or the right not to be subject to an automated decision. The controller
// must act on it without undue delay and at the latest within one month of
// receipt, extendable by two further months (Art 12(3)), or say within one
// month why it does not act (Art 12(4)); [Request.Deadlines] counts these
// periods.
//
// A Request holds personal data only in Subject, which is optional. Its
// LogValue gives IDs and codes only.
type Request struct {
	// ID identifies the request; [Register] assigns it.
	ID RequestID `json:"id"`
	// Version is the optimistic-concurrency version the store keeps.
	Version uint64 `json:"version"`
	// Kind is the right exercised.
	Kind Kind `json:"kind"`
	// Received is the instant the request reached the kommune, through any
	// of its channels; the periods of Art 12(3) and (4) run from it.
	Received time.Time `json:"received"`
	// Channel is how the request arrived.
	Channel Channel `json:"channel"`
	// Subject identifies the data subject; it is optional.
	Subject Subject `json:"subject,omitzero"`
	// Verification records how and when the requester's identity was
	// confirmed (Art 12(6)). The periods run from receipt whether or not
	// the identity has been confirmed: the sources tillid relies on do not
	// say that verification stops the clock.
	Verification Verification `json:"verification,omitzero"`
	// Status is where the request stands.
	Status Status `json:"status"`
	// Extension is the extension of the period by up to two further months
	// (Art 12(3)); zero when not extended.
	Extension Extension `json:"extension,omitzero"`
	// Closed is the instant the request was answered, refused or
	// withdrawn; zero while it is open.
	Closed time.Time `json:"closed,omitzero"`
	// Refusal is why the kommune does not act on the request (Art 12(4)),
	// for a refused request.
	Refusal RefusalGround `json:"refusal,omitzero"`
	// Activities are the records of processing the request concerns.
	Activities []record.ActivityID `json:"activities,omitempty"`
	// Erasure is, for an erasure request, the mark for the retention
	// rules: package retention decides whether a duty to keep the data
	// (Art 17(3)(b), (d) or (e)) refuses it, and the decision is recorded
	// here.
	Erasure ErasureReview `json:"erasure,omitzero"`
	// Created is when the request was registered; [Register] stamps it.
	Created time.Time `json:"created,omitzero"`
	// Updated is when it was last changed; [Register] stamps it.
	Updated time.Time `json:"updated,omitzero"`
}

// Subject identifies the data subject of a request.
type Subject struct {
	// NationalID is the data subject's CPR number or fødselsnummer, when
	// known. It redacts itself everywhere but in its storage form.
	NationalID ident.National `json:"nationalId,omitzero"`
	// Reference is the kommune's own case or journal number for the
	// request.
	Reference string `json:"reference,omitempty"`
}

// MarshalJSON writes the subject's storage form, with the national
// identifier in full ([compliance.NationalIdentifier.MarshalText]): a
// NationalIdentifier on its own marshals to JSON redacted, so that logging
// one (or a slice of them) never writes the number, and the entity that
// stores it writes it deliberately. The form is the one stored before:
// {"nationalId":"dk:DDMMYYSSSS","reference":"…"}, members omitted when
// empty.
func (s Subject) MarshalJSON() ([]byte, error) {
	type stored struct {
		NationalID string `json:"nationalId,omitempty"`
		Reference  string `json:"reference,omitempty"`
	}
	id, err := s.NationalID.MarshalText()
	if err != nil {
		return nil, err
	}
	return json.Marshal(stored{NationalID: string(id), Reference: s.Reference})
}

// Verification records how the requester's identity was confirmed.
type Verification struct {
	// Method is how the identity was confirmed.
	Method VerificationMethod `json:"method,omitzero"`
	// At is when it was confirmed.
	At time.Time `json:"at,omitzero"`
}

// Verified reports whether the identity has been confirmed.
func (v Verification) Verified() bool { return v.Method.Valid() && !v.At.IsZero() }

// Extension is an extension of the period for answering a request by up to
// two further months, where necessary given the complexity and number of
// requests (Art 12(3)). The data subject must be told of it, with the
// reasons, within one month of receipt.
type Extension struct {
	// Notified is the instant the data subject was told of the extension.
	Notified time.Time `json:"notified"`
	// Reason is why the period is extended.
	Reason ExtensionReason `json:"reason"`
	// Months is the number of further months, 1 or 2.
	Months int `json:"months"`
}

// IsZero reports whether no extension is recorded.
func (e Extension) IsZero() bool { return e == Extension{} }

// ErasureReview is the mark an erasure request carries for the retention
// rules, and their decision.
type ErasureReview struct {
	// Status is the state of the review.
	Status ErasureStatus `json:"status"`
	// Rule is the retention rule (package retention) that decided it.
	Rule compliance.RetentionRuleID `json:"rule,omitzero"`
	// Ground is the exception of Art 17(3) that refuses erasure.
	Ground ErasureGround `json:"ground,omitzero"`
	// Restricted reports that processing was restricted instead (Art 18),
	// as Norwegian practice offers when archive law forbids deletion.
	Restricted bool `json:"restricted,omitempty"`
}

// Kind is the right a [Request] exercises. The zero value is invalid.
type Kind uint8

// Request kinds.
const (
	Access            Kind = iota + 1 // right of access, Art 15
	Rectification                     // right to rectification, Art 16
	Erasure                           // right to erasure, Art 17
	Restriction                       // right to restriction of processing, Art 18
	Portability                       // right to data portability, Art 20
	Objection                         // right to object, Art 21
	AutomatedDecision                 // rights related to automated individual decision-making, Art 22
)

var requestKinds = enum.New[Kind]("request-kind", "compliance.request.kind", compliance.UnknownCode,
	"access", "rectification", "erasure", "restriction", "portability", "objection", "automated-decision")

// ParseKind returns the Kind with the given code.
func ParseKind(s string) (Kind, error) { return requestKinds.Parse(s) }

// AllKinds yields every Kind.
func AllKinds() iter.Seq[Kind] { return requestKinds.All() }

// String returns the stable code.
func (k Kind) String() string { return requestKinds.String(k) }

// Key returns the i18n message key.
func (k Kind) Key() string { return requestKinds.Key(k) }

// Valid reports whether k is a known Kind.
func (k Kind) Valid() bool { return requestKinds.Valid(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return requestKinds.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kind) UnmarshalText(b []byte) error { return requestKinds.UnmarshalText(k, b) }

// Ref returns the article that grants the right.
func (k Kind) Ref() compliance.Ref {
	switch k {
	case Access:
		return compliance.GDPR(15, 0, "")
	case Rectification:
		return compliance.GDPR(16, 0, "")
	case Erasure:
		return compliance.GDPR(17, 0, "")
	case Restriction:
		return compliance.GDPR(18, 0, "")
	case Portability:
		return compliance.GDPR(20, 0, "")
	case Objection:
		return compliance.GDPR(21, 0, "")
	case AutomatedDecision:
		return compliance.GDPR(22, 0, "")
	}
	return compliance.Ref{}
}

// Channel is how a [Request] reached the kommune. The zero value is invalid.
type Channel uint8

// Channels.
const (
	ChannelLetter      Channel = iota + 1 // a letter by post
	ChannelEmail                          // ordinary e-mail
	ChannelDigitalPost                    // the public digital mailbox: Digital Post (DK), Digipost or e-Boks through the state's digital mailbox (NO)
	ChannelWebForm                        // a self-service form on the kommune's website
	ChannelInPerson                       // in person at a citizen service desk
	ChannelPhone                          // by telephone
	ChannelOther                          // any other way
)

var channels = enum.New[Channel]("channel", "compliance.request.channel", compliance.UnknownCode,
	"letter", "email", "digital-post", "web-form", "in-person", "phone", "other")

// ParseChannel returns the Channel with the given code.
func ParseChannel(s string) (Channel, error) { return channels.Parse(s) }

// AllChannels yields every Channel.
func AllChannels() iter.Seq[Channel] { return channels.All() }

// String returns the stable code.
func (c Channel) String() string { return channels.String(c) }

// Key returns the i18n message key.
func (c Channel) Key() string { return channels.Key(c) }

// Valid reports whether c is a known Channel.
func (c Channel) Valid() bool { return channels.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Channel) MarshalText() ([]byte, error) { return channels.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Channel) UnmarshalText(b []byte) error { return channels.UnmarshalText(c, b) }

// Status is where a [Request] stands. The zero value is invalid.
type Status uint8

// Request statuses.
const (
	// Received: registered, not yet worked on.
	Received Status = iota + 1
	// InProgress: being worked on.
	InProgress
	// Answered: the kommune has acted on the request and told the data
	// subject (Art 12(3)).
	Answered
	// Refused: the kommune does not act on the request and has told the
	// data subject why (Art 12(4)).
	Refused
	// Withdrawn: the data subject withdrew the request.
	Withdrawn
)

var requestStatuses = enum.New[Status]("request-status", "compliance.request.status", compliance.UnknownCode,
	"received", "in-progress", "answered", "refused", "withdrawn")

// ParseStatus returns the Status with the given code.
func ParseStatus(s string) (Status, error) { return requestStatuses.Parse(s) }

// AllStatuses yields every Status.
func AllStatuses() iter.Seq[Status] { return requestStatuses.All() }

// String returns the stable code.
func (s Status) String() string { return requestStatuses.String(s) }

// Key returns the i18n message key.
func (s Status) Key() string { return requestStatuses.Key(s) }

// Valid reports whether s is a known Status.
func (s Status) Valid() bool { return requestStatuses.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return requestStatuses.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error { return requestStatuses.UnmarshalText(s, b) }

// Open reports whether the request still needs an answer: received or in
// progress.
func (s Status) Open() bool { return s == Received || s == InProgress }

// VerificationMethod is how a requester's identity was confirmed (Art
// 12(6)). The zero value is invalid.
type VerificationMethod uint8

// Verification methods.
const (
	// VerifiedEID: electronic identification (MitID in Denmark, BankID or
	// ID-porten in Norway).
	VerifiedEID VerificationMethod = iota + 1
	// VerifiedDigitalPost: the request came through the requester's own
	// authenticated digital mailbox.
	VerifiedDigitalPost
	// VerifiedIDDocument: an identity document shown or sent.
	VerifiedIDDocument
	// VerifiedKnown: the requester is known to the caseworker from the
	// case.
	VerifiedKnown
	// VerifiedOther: any other way.
	VerifiedOther
)

var verificationMethods = enum.New[VerificationMethod]("verification-method", "compliance.request.verification", compliance.UnknownCode,
	"eid", "digital-post", "id-document", "known", "other")

// ParseVerificationMethod returns the VerificationMethod with the given
// code.
func ParseVerificationMethod(s string) (VerificationMethod, error) {
	return verificationMethods.Parse(s)
}

// AllVerificationMethods yields every VerificationMethod.
func AllVerificationMethods() iter.Seq[VerificationMethod] { return verificationMethods.All() }

// String returns the stable code.
func (m VerificationMethod) String() string { return verificationMethods.String(m) }

// Key returns the i18n message key.
func (m VerificationMethod) Key() string { return verificationMethods.Key(m) }

// Valid reports whether m is a known VerificationMethod.
func (m VerificationMethod) Valid() bool { return verificationMethods.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m VerificationMethod) MarshalText() ([]byte, error) { return verificationMethods.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *VerificationMethod) UnmarshalText(b []byte) error {
	return verificationMethods.UnmarshalText(m, b)
}

// ExtensionReason is why the period for answering a request is extended
// (Art 12(3)). The zero value is invalid.
type ExtensionReason uint8

// Extension reasons.
const (
	ExtensionComplexity       ExtensionReason = iota + 1 // the complexity of the request
	ExtensionNumberOfRequests                            // the number of requests
)

var extensionReasons = enum.New[ExtensionReason]("extension-reason", "compliance.request.extension", compliance.UnknownCode,
	"complexity", "number-of-requests")

// ParseExtensionReason returns the ExtensionReason with the given code.
func ParseExtensionReason(s string) (ExtensionReason, error) { return extensionReasons.Parse(s) }

// AllExtensionReasons yields every ExtensionReason.
func AllExtensionReasons() iter.Seq[ExtensionReason] { return extensionReasons.All() }

// String returns the stable code.
func (r ExtensionReason) String() string { return extensionReasons.String(r) }

// Key returns the i18n message key.
func (r ExtensionReason) Key() string { return extensionReasons.Key(r) }

// Valid reports whether r is a known ExtensionReason.
func (r ExtensionReason) Valid() bool { return extensionReasons.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r ExtensionReason) MarshalText() ([]byte, error) { return extensionReasons.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *ExtensionReason) UnmarshalText(b []byte) error {
	return extensionReasons.UnmarshalText(r, b)
}

// RefusalGround is why a kommune does not act on a request (Art 12(4)).
// The zero value is invalid.
type RefusalGround uint8

// Refusal grounds.
const (
	// RefusalManifestlyUnfounded: the request is manifestly unfounded (Art 12(5)).
	RefusalManifestlyUnfounded RefusalGround = iota + 1
	// RefusalExcessive: the request is manifestly excessive, in particular
	// because of its repetitive character (Art 12(5)).
	RefusalExcessive
	// RefusalIdentity: the kommune cannot identify the data subject
	// (Art 11(2) and 12(2)).
	RefusalIdentity
	// RefusalRestriction: national law restricts the right (Art 23).
	RefusalRestriction
	// RefusalErasureException: an exception of Art 17(3) applies to an
	// erasure request; see the request's ErasureReview.
	RefusalErasureException
)

var refusalGrounds = enum.New[RefusalGround]("refusal-ground", "compliance.request.refusal", compliance.UnknownCode,
	"manifestly-unfounded", "excessive", "identity", "restriction", "erasure-exception")

// ParseRefusalGround returns the RefusalGround with the given code.
func ParseRefusalGround(s string) (RefusalGround, error) { return refusalGrounds.Parse(s) }

// AllRefusalGrounds yields every RefusalGround.
func AllRefusalGrounds() iter.Seq[RefusalGround] { return refusalGrounds.All() }

// String returns the stable code.
func (g RefusalGround) String() string { return refusalGrounds.String(g) }

// Key returns the i18n message key.
func (g RefusalGround) Key() string { return refusalGrounds.Key(g) }

// Valid reports whether g is a known RefusalGround.
func (g RefusalGround) Valid() bool { return refusalGrounds.Valid(g) }

// MarshalText implements [encoding.TextMarshaler].
func (g RefusalGround) MarshalText() ([]byte, error) { return refusalGrounds.MarshalText(g) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *RefusalGround) UnmarshalText(b []byte) error { return refusalGrounds.UnmarshalText(g, b) }

// Ref returns the provision the ground rests on.
func (g RefusalGround) Ref() compliance.Ref {
	switch g {
	case RefusalManifestlyUnfounded, RefusalExcessive:
		return compliance.GDPR(12, 5, "")
	case RefusalIdentity:
		return compliance.GDPR(11, 2, "")
	case RefusalRestriction:
		return compliance.GDPR(23, 1, "")
	case RefusalErasureException:
		return compliance.GDPR(17, 3, "")
	}
	return compliance.Ref{}
}

// ErasureStatus is the state of an erasure request's review by the
// retention rules. The zero value is invalid.
type ErasureStatus uint8

// Erasure statuses.
const (
	// ErasurePending: marked for the retention rules, not yet decided.
	ErasurePending ErasureStatus = iota + 1
	// ErasureAllowed: no duty to keep the data applies; they may be erased.
	ErasureAllowed
	// ErasureRefused: a duty to keep the data applies (Art 17(3)).
	ErasureRefused
)

var erasureStatuses = enum.New[ErasureStatus]("erasure-status", "compliance.request.erasure", compliance.UnknownCode,
	"pending", "erase", "refuse")

// ParseErasureStatus returns the ErasureStatus with the given code.
func ParseErasureStatus(s string) (ErasureStatus, error) { return erasureStatuses.Parse(s) }

// AllErasureStatuses yields every ErasureStatus.
func AllErasureStatuses() iter.Seq[ErasureStatus] { return erasureStatuses.All() }

// String returns the stable code.
func (s ErasureStatus) String() string { return erasureStatuses.String(s) }

// Key returns the i18n message key.
func (s ErasureStatus) Key() string { return erasureStatuses.Key(s) }

// Valid reports whether s is a known ErasureStatus.
func (s ErasureStatus) Valid() bool { return erasureStatuses.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s ErasureStatus) MarshalText() ([]byte, error) { return erasureStatuses.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *ErasureStatus) UnmarshalText(b []byte) error { return erasureStatuses.UnmarshalText(s, b) }

// ErasureGround is the exception of Art 17(3) under which erasure is
// refused. The zero value is invalid.
type ErasureGround uint8

// Erasure grounds.
const (
	// ErasureLegalObligation: processing is necessary to comply with a
	// legal obligation or for a task in the public interest or in the
	// exercise of official authority, such as the duty to keep records
	// under archive law (Art 17(3)(b)).
	ErasureLegalObligation ErasureGround = iota + 1
	// ErasureArchiving: archiving in the public interest, scientific or
	// historical research or statistics, where erasure would make it
	// impossible or seriously impair it, as for records designated for
	// preservation ("bevares", "B") (Art 17(3)(d)).
	ErasureArchiving
	// ErasureLegalClaims: the establishment, exercise or defence of legal
	// claims (Art 17(3)(e)).
	ErasureLegalClaims
)

var erasureGrounds = enum.New[ErasureGround]("erasure-ground", "compliance.request.erasure-ground", compliance.UnknownCode,
	"legal-obligation", "archiving", "legal-claims")

// ParseErasureGround returns the ErasureGround with the given code.
func ParseErasureGround(s string) (ErasureGround, error) { return erasureGrounds.Parse(s) }

// AllErasureGrounds yields every ErasureGround.
func AllErasureGrounds() iter.Seq[ErasureGround] { return erasureGrounds.All() }

// String returns the stable code.
func (g ErasureGround) String() string { return erasureGrounds.String(g) }

// Key returns the i18n message key.
func (g ErasureGround) Key() string { return erasureGrounds.Key(g) }

// Valid reports whether g is a known ErasureGround.
func (g ErasureGround) Valid() bool { return erasureGrounds.Valid(g) }

// MarshalText implements [encoding.TextMarshaler].
func (g ErasureGround) MarshalText() ([]byte, error) { return erasureGrounds.MarshalText(g) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *ErasureGround) UnmarshalText(b []byte) error { return erasureGrounds.UnmarshalText(g, b) }

// Ref returns the point of Art 17(3).
func (g ErasureGround) Ref() compliance.Ref {
	switch g {
	case ErasureLegalObligation:
		return compliance.GDPR(17, 3, "b")
	case ErasureArchiving:
		return compliance.GDPR(17, 3, "d")
	case ErasureLegalClaims:
		return compliance.GDPR(17, 3, "e")
	}
	return compliance.Ref{}
}

// Clone returns a deep copy of r.
func (r Request) Clone() Request {
	r.Activities = slices.Clone(r.Activities)
	return r
}

// LogValue implements [slog.LogValuer]: the ID, version, kind, channel,
// status and instant of receipt, never the data subject.
func (r Request) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", r.ID.String()),
		slog.Uint64("version", r.Version),
		slog.String("kind", r.Kind.String()),
		slog.String("channel", r.Channel.String()),
		slog.String("status", r.Status.String()),
		slog.Time("received", r.Received),
	)
}

// Validate reports whether r is well formed, naming every bad field by its
// JSON path in a [*compliance.ValidationError] for the entity "request":
//
//   - kind, received, channel and status are required;
//   - closed is set exactly when the status is answered, refused or
//     withdrawn, and not before received;
//   - refusal is set exactly for a refused request, and an erasure
//     exception only for an erasure request whose review refused it;
//   - an extension has its notice instant (not before received), its
//     reason and 1 or 2 months;
//   - a verification has both its method and its instant;
//   - erasure (the review) is set exactly for an erasure request, and a
//     refusing review names its Art 17(3) ground;
//   - activities are set and not repeated; the reference is single-line
//     text of at most [record.MaxName] bytes.
func (r Request) Validate() error {
	var v compliance.Validation
	check.Code(&v, "kind", r.Kind, true)
	v.Require("received", !r.Received.IsZero())
	// Every instant within the years the calendar counts, so that the
	// request's deadlines can always be computed (a year 202 typed for
	// 2025 used to be stored and then fail every overview).
	v.Check("received", compliance.CheckInstant(r.Received))
	v.Check("closed", compliance.CheckInstant(r.Closed))
	v.Check("created", compliance.CheckInstant(r.Created))
	v.Check("updated", compliance.CheckInstant(r.Updated))
	v.Check("verification.at", compliance.CheckInstant(r.Verification.At))
	v.Check("extension.notified", compliance.CheckInstant(r.Extension.Notified))
	check.Code(&v, "channel", r.Channel, true)
	check.Text(&v, "subject.reference", r.Subject.Reference, record.MaxName, false, false)
	check.Code(&v, "verification.method", r.Verification.Method, !r.Verification.At.IsZero())
	if r.Verification.Method != 0 && r.Verification.At.IsZero() {
		v.Add("verification.at", compliance.ReasonRequired)
	}
	check.Code(&v, "status", r.Status, true)
	closed := r.Status == Answered || r.Status == Refused || r.Status == Withdrawn
	switch {
	case closed && r.Closed.IsZero():
		v.Add("closed", compliance.ReasonRequired)
	case !closed && !r.Closed.IsZero() && r.Status.Valid():
		v.Add("closed", compliance.ReasonInconsistent)
	case !r.Closed.IsZero() && r.Closed.Before(r.Received):
		v.Add("closed", compliance.ReasonRange)
	}
	check.Code(&v, "refusal", r.Refusal, r.Status == Refused)
	if r.Refusal != 0 && r.Status != Refused {
		v.Add("refusal", compliance.ReasonInconsistent)
	}
	if r.Refusal == RefusalErasureException && (r.Kind != Erasure || r.Erasure.Status != ErasureRefused) {
		v.Add("refusal", compliance.ReasonInconsistent)
	}
	if !r.Extension.IsZero() {
		e := r.Extension
		switch {
		case e.Notified.IsZero():
			v.Add("extension.notified", compliance.ReasonRequired)
		case e.Notified.Before(r.Received):
			v.Add("extension.notified", compliance.ReasonRange)
		}
		check.Code(&v, "extension.reason", e.Reason, true)
		if e.Months < 1 || e.Months > 2 {
			v.Add("extension.months", compliance.ReasonRange)
		}
	}
	for i, id := range r.Activities {
		p := check.Index("activities", i)
		if id.IsZero() {
			v.Add(p, compliance.ReasonRequired)
		} else if slices.Contains(r.Activities[:i], id) {
			v.Add(p, compliance.ReasonDuplicate)
		}
	}
	e := r.Erasure
	if r.Kind == Erasure {
		check.Code(&v, "erasure.status", e.Status, true)
		check.Code(&v, "erasure.ground", e.Ground, e.Status == ErasureRefused)
		if e.Ground != 0 && e.Status != ErasureRefused {
			v.Add("erasure.ground", compliance.ReasonInconsistent)
		}
		if e.Restricted && e.Status != ErasureRefused {
			v.Add("erasure.restricted", compliance.ReasonInconsistent)
		}
	} else if e != (ErasureReview{}) && r.Kind.Valid() {
		v.Add("erasure", compliance.ReasonInconsistent)
	}
	return v.Err("request")
}

// MaxDecode is the largest JSON document [DecodeRequest] accepts, in
// bytes.
const MaxDecode = jsondec.Max

// DecodeRequest reads a request from its JSON form and validates it, as
// [record.DecodeActivity] does for activities: every problem is reported
// by JSON path in one [*compliance.ValidationError] for the entity
// "request", member names are matched exactly, unknown and repeated
// members are rejected, documents over [MaxDecode] bytes are rejected, and
// no error contains input text (the national identity number included).
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	if err := jsondec.Decode(data, &r, "request"); err != nil {
		return Request{}, err
	}
	if err := r.Validate(); err != nil {
		return Request{}, err
	}
	return r, nil
}
