package rights

import (
	"iter"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// ExtensionMethod says how the end of an extended period for answering a
// request is counted (Art 12(3): one month, "extended by two further
// months"). The sources do not settle it (reference
// deadlines-law-retention.md §1.2, A12-3-ext-calc, unverified): the months
// may be counted from receipt as one period, or added to the first month
// after it has been moved past a weekend or holiday. The two differ when
// the first month ends on a non-working day. The zero value is invalid; in
// [Options] it means [FromReceipt].
type ExtensionMethod uint8

// Extension methods.

// FromReceipt counts the whole period from receipt: 1 + n months after
// the day of receipt, then moved to the next working day if it ends on
// a Saturday, Sunday or holiday (Reg 1182/71 Art 3(2)(c) and 3(4)).
// Receipt on 17 March 2025 and two further months end on 17 June 2025.
// It is the reference's recommendation and the default.
const FromReceipt ExtensionMethod = 1

// FromFirstDeadline adds the n further months to the last day of the
// first month as moved by Art 3(4): the first month from 17 March 2025
// ends on 22 April (after Easter), and two further months end on 22
// June, a Sunday, so on 23 June 2025.
const FromFirstDeadline ExtensionMethod = 2

var extensionMethods = enum.New[ExtensionMethod]("extension-method", "compliance.request.extension-method", compliance.UnknownCode,
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

// Deadlines are the time limits of a [Request] under Art 12(3) and
// (4) GDPR, counted by Reg 1182/71 with the calendar's holidays.
type Deadlines struct {
	// FirstMonth is one month from receipt: the latest time to answer
	// when the period is not extended, to tell the data subject of an
	// extension and its reasons (Art 12(3)), and to tell the data subject
	// why the kommune does not act on the request (Art 12(4)); the last
	// cannot be extended.
	FirstMonth compliance.Deadline
	// Answer is the latest time to answer: FirstMonth, or the end of the
	// extended period when an extension was notified in time.
	Answer compliance.Deadline
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
	refsArt12_3 = compliance.RefsOf(compliance.GDPR(12, 3, ""))
	refsArt12_4 = compliance.RefsOf(compliance.GDPR(12, 4, ""))
)

// Deadlines counts the time limits of r with calendar cal, whose
// jurisdiction must be the kommune's, and extension method m (zero means
// [FromReceipt]). It fails for a request without a receipt instant.
func (r Request) Deadlines(cal *compliance.Calendar, m ExtensionMethod) (Deadlines, error) {
	var d Deadlines
	first, err := cal.Deadline(r.Received, compliance.Months(1))
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
	var ext compliance.Deadline
	if m == FromFirstDeadline {
		from := time.Date(first.LastDay.Year, first.LastDay.Month, first.LastDay.Day, 12, 0, 0, 0, cal.Location())
		ext, err = cal.Deadline(from, compliance.Months(e.Months))
	} else {
		ext, err = cal.Deadline(r.Received, compliance.Months(1+e.Months))
	}
	if err != nil {
		return d, fieldErr("extension", err)
	}
	d.Answer, d.Extended = ext, true
	return d, nil
}

// fieldErr returns a [*compliance.FieldError] for field with the reason of err when it
// is one, [compliance.ReasonRange] otherwise.
func fieldErr(field string, err error) error {
	e := &compliance.FieldError{Field: field, Reason: compliance.ReasonRange}
	if fe, ok := err.(*compliance.FieldError); ok && fe.Reason.Valid() {
		e.Reason = fe.Reason
	}
	return e
}

// Due is a request that awaits an answer, with its deadline: one row of
// what is overdue or due next across a register ([DueOf]).
type Due struct {
	// Request is the request's ID.
	Request RequestID
	// Kind is the right the request exercises.
	Kind Kind
	// Deadline is the latest time to answer: one month from receipt, or
	// the extended period (Art 12(3)).
	Deadline compliance.Deadline
	// Extended reports whether the period has been extended.
	Extended bool
	// Overdue reports whether the deadline had passed at the instant
	// asked about.
	Overdue bool
	// Err is set, and Deadline zero, for a request whose deadline cannot
	// be counted: an instant outside the years the calendar counts, which
	// Validate now rejects but a record stored earlier (or written past
	// the library) may hold. It names fields, never their values. Such
	// requests come first in the list, so that they are seen and fixed;
	// the other requests are listed as usual.
	Err error
}

// Codes of the messages of [Due.Message] and the findings of
// [Assess].
const (
	// CodeRequestDue: "%[1]s request: answer by the end of %[2]s." (kind,
	// last day).
	CodeRequestDue compliance.Code = "compliance.request.due"
	// CodeRequestDueExtended: as CodeRequestDue, for an extended period.
	CodeRequestDueExtended compliance.Code = "compliance.request.due-extended"
	// CodeRequestOverdue: the answer to a request is overdue (kind, last
	// day). Violation; Art 12(3).
	CodeRequestOverdue compliance.Code = "compliance.request.overdue"
	// CodeRequestAnsweredLate: the request was answered after the
	// deadline (kind, last day). Violation; Art 12(3).
	CodeRequestAnsweredLate compliance.Code = "compliance.request.answered-late"
	// CodeRequestRefusedLate: the data subject was told of the refusal
	// after one month (kind, last day). Violation; Art 12(4).
	CodeRequestRefusedLate compliance.Code = "compliance.request.refused-late"
	// CodeExtensionLate: the extension was notified after one month, so
	// the period was not extended (last day of the first month).
	// Violation; Art 12(3).
	CodeExtensionLate compliance.Code = "compliance.request.extension-late"
	// CodeErasurePending: an erasure request awaits the decision of the
	// retention rules. Info; Art 17(3)(b) and (d).
	CodeErasurePending compliance.Code = "compliance.request.erasure-pending"
	// CodeIdentityUnverified: the requester's identity has not been
	// confirmed. Info; Art 12(6).
	CodeIdentityUnverified compliance.Code = "compliance.request.identity-unverified"
)

// Codes lists the codes of [Due.Message] and [Assess].
func Codes() []compliance.Code {
	return []compliance.Code{CodeRequestDue, CodeRequestDueExtended, CodeRequestOverdue, CodeRequestAnsweredLate,
		CodeRequestRefusedLate, CodeExtensionLate, CodeErasurePending, CodeIdentityUnverified}
}

// Message returns "<kind> request: answer by the end of <last day>", or the
// overdue finding's message when the deadline has passed.
func (d Due) Message() compliance.Message {
	switch {
	case d.Overdue:
		return compliance.Msg(CodeRequestOverdue, compliance.Name(d.Kind), compliance.DateArg(d.Deadline.LastDay))
	case d.Extended:
		return compliance.Msg(CodeRequestDueExtended, compliance.Name(d.Kind), compliance.DateArg(d.Deadline.LastDay))
	}
	return compliance.Msg(CodeRequestDue, compliance.Name(d.Kind), compliance.DateArg(d.Deadline.LastDay))
}

// DueOf returns the open requests among reqs (received or in
// progress) with their deadlines at instant at, ordered by deadline, the
// earliest first (so what is overdue comes before what is due next), and
// by ID among equal deadlines. A request whose deadline cannot be counted
// is listed first with its error in [Due.Err], and the others after it:
// one bad record never hides the rest. DueOf returns an error only for a
// nil calendar.
func DueOf(cal *compliance.Calendar, reqs iter.Seq[Request], at time.Time, m ExtensionMethod) ([]Due, error) {
	if cal == nil {
		return nil, &compliance.FieldError{Field: "calendar", Reason: compliance.ReasonRequired}
	}
	var out []Due
	for r := range reqs {
		if !r.Status.Open() {
			continue
		}
		d, err := r.Deadlines(cal, m)
		if err != nil {
			out = append(out, Due{Request: r.ID, Kind: r.Kind, Err: err})
			continue
		}
		out = append(out, Due{Request: r.ID, Kind: r.Kind, Deadline: d.Answer, Extended: d.Extended,
			Overdue: d.Answer.Passed(at)})
	}
	sortDue(out)
	return out, nil
}

func sortDue(ds []Due) {
	slices.SortFunc(ds, func(a, b Due) int {
		if (a.Err != nil) != (b.Err != nil) {
			if a.Err != nil {
				return -1
			}
			return 1
		}
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
func Assess(r Request, cal *compliance.Calendar, at time.Time, m ExtensionMethod) ([]compliance.Finding, error) {
	d, err := r.Deadlines(cal, m)
	if err != nil {
		return nil, err
	}
	var fs []compliance.Finding
	last := compliance.DateArg(d.Answer.LastDay)
	if d.LateExtension {
		fs = append(fs, finding(CodeExtensionLate, compliance.Violation, 0, refsArt12_3, "extension.notified",
			compliance.DateArg(d.FirstMonth.LastDay)))
	}
	switch r.Status {
	case Received, InProgress:
		if d.Answer.Passed(at) {
			fs = append(fs, finding(CodeRequestOverdue, compliance.Violation, 0, refsArt12_3, "", compliance.Name(r.Kind), last))
		}
		if !r.Verification.Verified() {
			fs = append(fs, finding(CodeIdentityUnverified, compliance.Info, 0, refsIdentity, "verification"))
		}
	case Answered:
		if d.Answer.Passed(r.Closed) {
			fs = append(fs, finding(CodeRequestAnsweredLate, compliance.Violation, 0, refsArt12_3, "closed", compliance.Name(r.Kind), last))
		}
	case Refused:
		if d.FirstMonth.Passed(r.Closed) {
			fs = append(fs, finding(CodeRequestRefusedLate, compliance.Violation, 0, refsArt12_4, "closed",
				compliance.Name(r.Kind), compliance.DateArg(d.FirstMonth.LastDay)))
		}
	}
	if r.Kind == Erasure && r.Erasure.Status == ErasurePending && r.Status.Open() {
		fs = append(fs, finding(CodeErasurePending, compliance.Info, 0, refsErasurePending, "erasure.status"))
	}
	compliance.Detach(fs)
	return fs, nil
}

var (
	refsIdentity       = compliance.RefsOf(compliance.GDPR(12, 6, ""))
	refsErasurePending = compliance.RefsOf(compliance.GDPR(17, 3, "b"), compliance.GDPR(17, 3, "d"))
)

// finding returns a finding of the request rules.
func finding(code compliance.Code, sev compliance.Severity, pr compliance.Principle, refs compliance.Refs, subject string, args ...compliance.Arg) compliance.Finding {
	return compliance.Finding{Code: code, Severity: sev, Principle: pr, Refs: refs, Args: args, Subject: subject}
}
