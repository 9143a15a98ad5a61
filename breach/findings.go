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
// assessment allocates little and the findings it returns share nothing
// with other assessments or with package state. A nil *findings collects
// nothing.
type findings struct {
	n, m int
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
	refs       []compliance.Ref
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

// add appends a finding; refs are copied when the findings are built.
func (fs *findings) add(code compliance.Code, sev compliance.Severity, refs []compliance.Ref, args ...parg) {
	if fs == nil || fs.n == maxFindings || fs.m+len(args) > maxArgs {
		return
	}
	fs.list[fs.n] = pending{code: code, sev: sev, refs: refs, start: uint8(fs.m), end: uint8(fs.m + len(args))}
	fs.m += copy(fs.args[fs.m:], args)
	fs.n++
}

// result builds the findings collected (nil for a nil *findings).
func (fs *findings) result() []compliance.Finding {
	if fs == nil || fs.n == 0 {
		return nil
	}
	out := make([]compliance.Finding, fs.n)
	var args []compliance.Arg
	var keys []string
	if fs.m > 0 {
		args = make([]compliance.Arg, fs.m)
		nk := 0
		for i := range fs.m {
			nk += fs.args[i].keys()
		}
		keys = make([]string, 0, nk)
		for i := range fs.m {
			a, dst := &fs.args[i], &args[i]
			dst.Kind = a.kind
			switch a.kind {
			case compliance.ArgName:
				keys = append(keys, a.key)
				dst.Keys = keys[len(keys)-1 : len(keys) : len(keys)]
			case compliance.ArgNames:
				from := len(keys)
				for c := range a.data.All() {
					keys = append(keys, c.Key())
				}
				for c := range a.subjects.All() {
					keys = append(keys, c.Key())
				}
				dst.Keys = keys[from:len(keys):len(keys)]
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
	// The references are copied into one allocation, so that no finding
	// aliases the package's ref lists nor another finding's.
	nr := 0
	for i := range fs.n {
		nr += len(fs.list[i].refs)
	}
	refs := make([]compliance.Ref, 0, nr)
	for i := range fs.n {
		p := &fs.list[i]
		from := len(refs)
		refs = append(refs, p.refs...)
		out[i] = compliance.Finding{Code: p.code, Severity: p.sev, Refs: refs[from:len(refs):len(refs)]}
		if p.end > p.start {
			out[i].Args = args[p.start:p.end:p.end]
		}
	}
	return out
}
