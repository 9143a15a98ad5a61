package breach

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/compliance"
)

// findings collects the findings of one assessment. It gathers them in a
// compact form in fixed arrays on the stack of the assessment and builds
// them at the end into three exactly sized allocations — the findings,
// their arguments and the message keys the arguments name — so that an
// assessment allocates little and the findings it returns share no
// argument with other assessments or with package state. Their Refs are
// the package's citation tables themselves, shared and never copied:
// [compliance.Refs] is immutable. A nil *findings collects nothing.
type findings struct {
	n, m int
	// nk counts the message keys collected, so that result sizes their
	// backing array without another pass.
	nk   int
	list [maxFindings]pending
	args [maxArgs]parg
}

// The most findings and arguments one assessment can produce: at most one
// finding of each group of exclusive codes and their arguments, with room
// to spare; TestFindingsCapacity checks the bound.
const (
	maxFindings = 32
	maxArgs     = 28
)

// pending is a finding before its arguments are built.
type pending struct {
	code       compliance.Code
	sev        compliance.Severity
	refs       compliance.Refs
	start, end uint8 // its arguments: args[start:end]
}

// parg is a finding's argument in compact form: only the fields the
// findings of this package use.
type parg struct {
	kind     compliance.ArgKind
	key      string                       // ArgName
	data     compliance.DataCategories    // ArgNames of data categories
	subjects compliance.SubjectCategories // ArgNames of subject categories
	n        int
	t        time.Time
	d        time.Duration
	dec      decimal.Decimal
	period   compliance.Period
}

func timeArg(t time.Time) parg           { return parg{kind: compliance.ArgTime, t: t} }
func intArg(n int) parg                  { return parg{kind: compliance.ArgInt, n: n} }
func durArg(d time.Duration) parg        { return parg{kind: compliance.ArgDuration, d: d} }
func decArg(d decimal.Decimal) parg      { return parg{kind: compliance.ArgDecimal, dec: d} }
func periodArg(p compliance.Period) parg { return parg{kind: compliance.ArgPeriod, period: p} }
func nameArg(v compliance.Keyed) parg    { return parg{kind: compliance.ArgName, key: v.Key()} }
func dataArg(s compliance.DataCategories) parg {
	return parg{kind: compliance.ArgNames, data: s}
}
func subjectsArg(s compliance.SubjectCategories) parg {
	return parg{kind: compliance.ArgNames, subjects: s}
}

// keys returns the number of message keys the argument names.
func (a *parg) keys() int {
	switch a.kind {
	case compliance.ArgName:
		return 1
	case compliance.ArgNames:
		return a.data.Len() + a.subjects.Len()
	}
	return 0
}

// add appends a finding citing refs, which it shares.
func (fs *findings) add(code compliance.Code, sev compliance.Severity, refs compliance.Refs, args ...parg) {
	if fs == nil || fs.n == maxFindings || fs.m+len(args) > maxArgs {
		return
	}
	fs.list[fs.n] = pending{code: code, sev: sev, refs: refs, start: uint8(fs.m), end: uint8(fs.m + len(args))}
	fs.m += copy(fs.args[fs.m:], args)
	fs.n++
	for i := range args {
		fs.nk += args[i].keys()
	}
}

// result builds the findings collected (nil for a nil *findings).
//
// It makes at most three allocations whatever the number of findings: the
// findings, and one backing array each for all their arguments and all the
// message keys those arguments name. Each finding's slices are cut from
// those arrays with full slice expressions (s[a:b:b]), so that a finding
// shares no argument with package state or with another finding, and
// appending to one of its slices copies rather than writes into its
// neighbour's range. Each finding's Refs is the immutable table it was
// added with.
func (fs *findings) result() []compliance.Finding {
	if fs == nil || fs.n == 0 {
		return nil
	}
	out := make([]compliance.Finding, fs.n)
	var args []compliance.Arg
	if fs.m > 0 {
		args = make([]compliance.Arg, fs.m)
		var keys []string
		if fs.nk > 0 {
			keys = make([]string, fs.nk)
		}
		k := 0
		for i := range fs.m {
			a, dst := &fs.args[i], &args[i]
			dst.Kind = a.kind
			switch a.kind {
			case compliance.ArgName:
				keys[k] = a.key
				k++
				dst.Keys = keys[k-1 : k : k]
			case compliance.ArgNames:
				from := k
				for c := range a.data.All() {
					keys[k] = c.Key()
					k++
				}
				for c := range a.subjects.All() {
					keys[k] = c.Key()
					k++
				}
				dst.Keys = keys[from:k:k]
			case compliance.ArgInt:
				dst.Int = int64(a.n)
			case compliance.ArgTime:
				dst.Time = a.t
			case compliance.ArgDuration:
				dst.Duration = a.d
			case compliance.ArgDecimal:
				dst.Decimal = a.dec
			case compliance.ArgPeriod:
				dst.Period = a.period
			}
		}
	}
	for i := range fs.n {
		p, dst := &fs.list[i], &out[i]
		dst.Code, dst.Severity, dst.Refs = p.code, p.sev, p.refs
		if p.end > p.start {
			dst.Args = args[p.start:p.end:p.end]
		}
	}
	return out
}
