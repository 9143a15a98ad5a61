package interop

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// Registry is what a [Batch] needs of the processor registry: read a record
// by ID and store one. [*processor.Registry] implements it, so that imported
// records are validated, stamped and compiled into its snapshot like any
// other.
type Registry interface {
	Get(ctx context.Context, id compliance.ProcessorID) (processor.Processor, error)
	Put(ctx context.Context, p processor.Processor) (processor.Processor, error)
}

// namespace is the UUID namespace of identities derived from a source's
// identities (RFC 9562 version 5). It is a constant of tillid: changing it
// would make every re-import create its records again.
var namespace = uuid.MustParse("6f3c2a9e-4b1d-5e8f-9a7c-1d2e3f405162")

// Derive returns the identity in tillid of an entity a source identifies
// by parts, for controller c: a name-based UUID (version 5) of the
// controller, the source system and the parts. The same source entity of
// the same kommune always gets the same ID, so a re-import updates what the
// previous import created instead of creating it again, and two kommuner
// importing the same KITOS organisation get different records.
func Derive(c compliance.ControllerID, system string, parts ...string) uuid.UUID {
	b := make([]byte, 0, 96)
	b = append(b, c.UUID[:]...)
	b = append(b, system...)
	for _, p := range parts {
		b = append(b, 0)
		b = append(b, p...)
	}
	return uuid.NewSHA1(namespace, b)
}

// Batch plans and applies the processor records of one import: for each
// record it compares the record the source gives with the stored one,
// validates it and records the change in its [Report]; Apply then writes
// the records in order. A Batch is not safe for concurrent use.
type Batch struct {
	report Report
	items  []item
}

type item struct {
	key    string
	action Action
	p      processor.Processor
}

// NewBatch returns an empty batch for an import from system.
func NewBatch(system string) *Batch {
	return &Batch{report: Report{System: system, DryRun: true}}
}

// Report returns the batch's report. It is the batch's own: the caller
// adds its issues to it and must not keep it past Apply.
func (b *Batch) Report() *Report { return &b.report }

// Plan records the processor want under the source key: a create when old
// is nil, otherwise an update or unchanged by comparing want with old
// (Version and the sub-processors' Changed stamps, which the registry sets,
// are not compared). want must carry old's ID and Version. An invalid want
// is a skip, with one blocking issue per invalid field.
func (b *Batch) Plan(key string, old *processor.Processor, want processor.Processor) Action {
	ch := Change{Kind: "processor", Key: key, Name: want.Name, ID: want.ID.String()}
	if err := want.Validate(); err != nil {
		ch.Action = Skip
		var ve *compliance.ValidationError
		if errors.As(err, &ve) {
			for _, f := range ve.Fields {
				b.report.Add(CodeInvalidField, Source{System: b.report.System, Entity: "processor", ID: key, Field: f.Field}, "", true)
			}
		} else {
			b.report.Add(CodeInvalidField, Source{System: b.report.System, Entity: "processor", ID: key}, "", true)
		}
		b.report.Changes = append(b.report.Changes, ch)
		return Skip
	}
	switch {
	case old == nil:
		ch.Action = Create
	default:
		ch.Fields = diff(*old, want)
		ch.Action = Update
		if len(ch.Fields) == 0 {
			ch.Action = Unchanged
		}
	}
	b.report.Changes = append(b.report.Changes, ch)
	b.items = append(b.items, item{key: key, action: ch.Action, p: want.Clone()})
	return ch.Action
}

// Planned returns the records the batch would write, in order.
func (b *Batch) Planned() []processor.Processor {
	var ps []processor.Processor
	for _, it := range b.items {
		if it.action == Create || it.action == Update {
			ps = append(ps, it.p.Clone())
		}
	}
	return ps
}

// ErrBlocked is returned by Apply for a plan with a blocking issue: nothing
// was written.
var ErrBlocked = errors.New("interop: the import has records that cannot be imported; nothing was written")

// Apply writes the planned creates and updates through reg, in plan order,
// and returns the report with Written filled in. It writes nothing when the
// plan has a blocking issue ([ErrBlocked]). It stops at the first failed
// write: the report's Written lists what was stored before it and Failed
// names the record that failed, and the error wraps the registry's
// ([compliance.ErrConflict] when the record changed since it was planned).
func (b *Batch) Apply(ctx context.Context, reg Registry) (*Report, error) {
	b.report.DryRun = false
	if b.report.Blocked() {
		b.report.DryRun = true
		return &b.report, ErrBlocked
	}
	for _, it := range b.items {
		if it.action != Create && it.action != Update {
			continue
		}
		if err := ctx.Err(); err != nil {
			b.report.Failed = it.key
			return &b.report, err
		}
		if _, err := reg.Put(ctx, it.p.Clone()); err != nil {
			b.report.Failed = it.key
			return &b.report, fmt.Errorf("interop: writing %s (%d written before it): %w", it.key, len(b.report.Written), err)
		}
		b.report.Written = append(b.report.Written, it.key)
	}
	return &b.report, nil
}

// diff returns the top-level JSON fields in which a and b differ, ignoring
// the version and the stamps the registry sets.
func diff(a, b processor.Processor) []string {
	ja, errA := json.Marshal(normal(a))
	jb, errB := json.Marshal(normal(b))
	if errA == nil && errB == nil && bytes.Equal(ja, jb) {
		return nil
	}
	ma, mb := fields(normal(a)), fields(normal(b))
	var out []string
	for k, va := range ma {
		if vb, ok := mb[k]; !ok || !bytes.Equal(va, vb) {
			out = append(out, k)
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func normal(p processor.Processor) processor.Processor {
	p = p.Clone()
	p.Version = 0
	for i := range p.SubProcessors {
		p.SubProcessors[i].Changed = compliance.Date{}
	}
	return p
}

func fields(p processor.Processor) map[string]json.RawMessage {
	b, err := json.Marshal(p)
	if err != nil {
		return map[string]json.RawMessage{"": nil}
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return map[string]json.RawMessage{"": nil}
	}
	return m
}

// Skip records that the record under key cannot be imported; the caller
// has added the blocking issue that says why.
func (b *Batch) Skip(key, name string) {
	b.report.Changes = append(b.report.Changes, Change{Action: Skip, Kind: "processor", Key: key, Name: name})
}
