package compliance

import (
	"iter"
	"slices"
	"time"

	"github.com/tillid/tillid/internal/enum"
)

// ExtensionMethod says how the end of an extended period for answering a
// request is counted (Art 12(3): one month, "extended by two further
// months"). The sources do not settle it (reference
// deadlines-law-retention.md §1.2, A12-3-ext-calc, unverified): the months
// may be counted from receipt as one period, or added to the first month
// after it has been moved past a weekend or holiday. The two differ when
// the first month ends on a non-working day. The zero value is invalid; in
// [RegisterOptions] it means [FromReceipt].
type ExtensionMethod uint8

// Extension methods.
const (
	// FromReceipt counts the whole period from receipt: 1 + n months after
	// the day of receipt, then moved to the next working day if it ends on
	// a Saturday, Sunday or holiday (Reg 1182/71 Art 3(2)(c) and 3(4)).
	// Receipt on 17 March 2025 and two further months end on 17 June 2025.
	// It is the reference's recommendation and the default.
	FromReceipt ExtensionMethod = iota + 1
	// FromFirstDeadline adds the n further months to the last day of the
	// first month as moved by Art 3(4): the first month from 17 March 2025
	// ends on 22 April (after Easter), and two further months end on 22
	// June, a Sunday, so on 23 June 2025.
	FromFirstDeadline
)

var extensionMethods = enum.New[ExtensionMethod]("extension-method", "compliance.request.extension-method", UnknownCode,
	"from-receipt", "from-first-deadline")

// ParseExtensionMethod returns the ExtensionMethod with the given code.
func ParseExtensionMethod(s string) (ExtensionMethod, error) { return extensionMethods.Parse(s) }

// AllExtensionMethods yields every ExtensionMethod.
func AllExtensionMethods() iter.Seq[ExtensionMethod] { return extensionMethods.All() }

// String returns the stable code.
func (m ExtensionMethod) String() string { return extensionMethods.String(m) }

// Key returns the i18n message key.
func (m ExtensionMethod) Key() string { return extensionMethods.Key(m) }

// Valid reports whether m is a known ExtensionMethod.
func (m ExtensionMethod) Valid() bool { return extensionMethods.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m ExtensionMethod) MarshalText() ([]byte, error) { return extensionMethods.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *ExtensionMethod) UnmarshalText(b []byte) error {
	return extensionMethods.UnmarshalText(m, b)
}

// RequestDeadlines are the time limits of a [Request] under Art 12(3) and
// (4) GDPR, counted by Reg 1182/71 with the calendar's holidays.
type RequestDeadlines struct {
	// FirstMonth is one month from receipt: the latest time to answer
	// when the period is not extended, to tell the data subject of an
	// extension and its reasons (Art 12(3)), and to tell the data subject
	// why the kommune does not act on the request (Art 12(4)); the last
	// cannot be extended.
	FirstMonth Deadline
	// Answer is the latest time to answer: FirstMonth, or the end of the
	// extended period when an extension was notified in time.
	Answer Deadline
	// Extended reports whether Answer is an extended period.
	Extended bool
	// LateExtension reports that an extension is recorded but the data
	// subject was told of it after FirstMonth. Art 12(3) requires the
	// notice within one month, so the extension is not counted and Answer
	// stays FirstMonth: the safe reading, which the sources do not
	// contradict.
	LateExtension bool
}

// Provisions of the request rules.
var (
	refsArt12_3 = []Ref{GDPR(12, 3, "")}
	refsArt12_4 = []Ref{GDPR(12, 4, "")}
)

// Deadlines counts the time limits of r with calendar cal, whose
// jurisdiction must be the kommune's, and extension method m (zero means
// [FromReceipt]). It fails for a request without a receipt instant.
func (r Request) Deadlines(cal *Calendar, m ExtensionMethod) (RequestDeadlines, error) {
	var d RequestDeadlines
	first, err := cal.Deadline(r.Received, Months(1))
	if err != nil {
		return d, fieldErr("received", err)
	}
	d.FirstMonth, d.Answer = first, first
	e := r.Extension
	if e.IsZero() || e.Months < 1 || e.Months > 2 {
		return d, nil
	}
	if e.Notified.IsZero() || first.Passed(e.Notified) {
		d.LateExtension = true
		return d, nil
	}
	var ext Deadline
	if m == FromFirstDeadline {
		from := time.Date(first.LastDay.Year, first.LastDay.Month, first.LastDay.Day, 12, 0, 0, 0, cal.Location())
		ext, err = cal.Deadline(from, Months(e.Months))
	} else {
		ext, err = cal.Deadline(r.Received, Months(1+e.Months))
	}
	if err != nil {
		return d, fieldErr("extension", err)
	}
	d.Answer, d.Extended = ext, true
	return d, nil
}

// fieldErr returns a [*FieldError] for field with the reason of err when it
// is one, [ReasonRange] otherwise.
func fieldErr(field string, err error) error {
	e := &FieldError{Field: field, Reason: ReasonRange}
	if fe, ok := err.(*FieldError); ok && fe.Reason.Valid() {
		e.Reason = fe.Reason
	}
	return e
}

// Due is a request that awaits an answer, with its deadline: one row of
// what is overdue or due next across a register ([DueRequests]).
type Due struct {
	// Request is the request's ID.
	Request RequestID
	// Kind is the right the request exercises.
	Kind RequestKind
	// Deadline is the latest time to answer: one month from receipt, or
	// the extended period (Art 12(3)).
	Deadline Deadline
	// Extended reports whether the period has been extended.
	Extended bool
	// Overdue reports whether the deadline had passed at the instant
	// asked about.
	Overdue bool
}

// Codes of the messages of [Due.Message] and the findings of
// [AssessRequest].
const (
	// CodeRequestDue: "%[1]s request: answer by the end of %[2]s." (kind,
	// last day).
	CodeRequestDue Code = "compliance.request.due"
	// CodeRequestDueExtended: as CodeRequestDue, for an extended period.
	CodeRequestDueExtended Code = "compliance.request.due-extended"
	// CodeRequestOverdue: the answer to a request is overdue (kind, last
	// day). Violation; Art 12(3).
	CodeRequestOverdue Code = "compliance.request.overdue"
	// CodeRequestAnsweredLate: the request was answered after the
	// deadline (kind, last day). Violation; Art 12(3).
	CodeRequestAnsweredLate Code = "compliance.request.answered-late"
	// CodeRequestRefusedLate: the data subject was told of the refusal
	// after one month (kind, last day). Violation; Art 12(4).
	CodeRequestRefusedLate Code = "compliance.request.refused-late"
	// CodeExtensionLate: the extension was notified after one month, so
	// the period was not extended (last day of the first month).
	// Violation; Art 12(3).
	CodeExtensionLate Code = "compliance.request.extension-late"
	// CodeErasurePending: an erasure request awaits the decision of the
	// retention rules. Info; Art 17(3)(b) and (d).
	CodeErasurePending Code = "compliance.request.erasure-pending"
	// CodeIdentityUnverified: the requester's identity has not been
	// confirmed. Info; Art 12(6).
	CodeIdentityUnverified Code = "compliance.request.identity-unverified"
)

// RequestCodes lists the codes of [Due.Message] and [AssessRequest].
func RequestCodes() []Code {
	return []Code{CodeRequestDue, CodeRequestDueExtended, CodeRequestOverdue, CodeRequestAnsweredLate,
		CodeRequestRefusedLate, CodeExtensionLate, CodeErasurePending, CodeIdentityUnverified}
}

// Message returns "<kind> request: answer by the end of <last day>", or the
// overdue finding's message when the deadline has passed.
func (d Due) Message() Message {
	switch {
	case d.Overdue:
		return Msg(CodeRequestOverdue, Name(d.Kind), DateArg(d.Deadline.LastDay))
	case d.Extended:
		return Msg(CodeRequestDueExtended, Name(d.Kind), DateArg(d.Deadline.LastDay))
	}
	return Msg(CodeRequestDue, Name(d.Kind), DateArg(d.Deadline.LastDay))
}

// DueRequests returns the open requests among reqs (received or in
// progress) with their deadlines at instant at, ordered by deadline, the
// earliest first (so what is overdue comes before what is due next), and
// by ID among equal deadlines. It stops at the first request whose
// deadline cannot be counted and returns its error.
func DueRequests(cal *Calendar, reqs iter.Seq[Request], at time.Time, m ExtensionMethod) ([]Due, error) {
	var out []Due
	for r := range reqs {
		if !r.Status.Open() {
			continue
		}
		d, err := r.Deadlines(cal, m)
		if err != nil {
			return nil, err
		}
		out = append(out, Due{Request: r.ID, Kind: r.Kind, Deadline: d.Answer, Extended: d.Extended,
			Overdue: d.Answer.Passed(at)})
	}
	sortDue(out)
	return out, nil
}

func sortDue(ds []Due) {
	slices.SortFunc(ds, func(a, b Due) int {
		if c := a.Deadline.End.Compare(b.Deadline.End); c != 0 {
			return c
		}
		return a.Request.Compare(b.Request)
	})
}

// AssessRequest applies the time limits of Art 12(3) and (4) to r at
// instant at, with calendar cal and extension method m (zero means
// [FromReceipt]):
//
//   - an open request whose deadline has passed is overdue (violation,
//     Art 12(3));
//   - an answer after the deadline was late (violation, Art 12(3)); a
//     refusal told after one month was late (violation, Art 12(4));
//   - an extension notified after one month did not extend the period
//     (violation, Art 12(3));
//   - an erasure request still marked for the retention rules is pending
//     (info, Art 17(3)(b) and (d));
//   - an open request whose requester's identity is unconfirmed is
//     reported (info, Art 12(6)).
func AssessRequest(r Request, cal *Calendar, at time.Time, m ExtensionMethod) ([]Finding, error) {
	d, err := r.Deadlines(cal, m)
	if err != nil {
		return nil, err
	}
	var fs []Finding
	last := DateArg(d.Answer.LastDay)
	if d.LateExtension {
		fs = append(fs, finding(CodeExtensionLate, Violation, 0, refsArt12_3, "extension.notified",
			DateArg(d.FirstMonth.LastDay)))
	}
	switch r.Status {
	case Received, InProgress:
		if d.Answer.Passed(at) {
			fs = append(fs, finding(CodeRequestOverdue, Violation, 0, refsArt12_3, "", Name(r.Kind), last))
		}
		if !r.Verification.Verified() {
			fs = append(fs, finding(CodeIdentityUnverified, Info, 0, refsIdentity, "verification"))
		}
	case Answered:
		if d.Answer.Passed(r.Closed) {
			fs = append(fs, finding(CodeRequestAnsweredLate, Violation, 0, refsArt12_3, "closed", Name(r.Kind), last))
		}
	case Refused:
		if d.FirstMonth.Passed(r.Closed) {
			fs = append(fs, finding(CodeRequestRefusedLate, Violation, 0, refsArt12_4, "closed",
				Name(r.Kind), DateArg(d.FirstMonth.LastDay)))
		}
	}
	if r.Kind == RequestErasure && r.Erasure.Status == ErasurePending && r.Status.Open() {
		fs = append(fs, finding(CodeErasurePending, Info, 0, refsErasurePending, "erasure.status"))
	}
	return fs, nil
}

var (
	refsIdentity       = []Ref{GDPR(12, 6, "")}
	refsErasurePending = []Ref{GDPR(17, 3, "b"), GDPR(17, 3, "d")}
)
