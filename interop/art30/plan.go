package art30

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/interop"
)

// Register is what an Art 30 import needs of the register of records:
// list a kommune's records, create one and update one. [*record.Register]
// implements it, so imported records are validated and stamped like any
// other.
type Register interface {
	Activities(ctx context.Context, c compliance.ControllerID, f record.Filter) iter.Seq2[record.Activity, error]
	CreateActivity(ctx context.Context, c compliance.ControllerID, a record.Activity) (record.Activity, error)
	UpdateActivity(ctx context.Context, c compliance.ControllerID, a record.Activity) (record.Activity, error)
}

// Options are the facts of an import the template's rows do not hold.
type Options struct {
	// Controller is the kommune: the controller of every record of the
	// controller template, and the processor of every record of the
	// processor template (Art 30(2)(a) names the processor). Its name and
	// jurisdiction are required.
	Controller record.Party
	// DPO is the kommune's data protection officer.
	DPO record.ContactDetails
	// Mapping adds the kommune's own category and country names.
	Mapping Mapping
}

// Batch is a planned Art 30 import: its report and the records it would
// write.
type Batch struct {
	report interop.Report
	items  []planned
	c      compliance.ControllerID
}

type planned struct {
	key    string
	action interop.Action
	a      record.Activity
}

// Report returns the batch's report.
func (b *Batch) Report() *interop.Report { return &b.report }

// Planned returns the records the batch would create or update.
func (b *Batch) Planned() []record.Activity {
	var out []record.Activity
	for _, p := range b.items {
		if p.action == interop.Create || p.action == interop.Update {
			out = append(out, p.a)
		}
	}
	return out
}

// Plan maps the rows of s into records of kommune c and returns the batch
// that would write them; nothing is written. Each row is one activity,
// identified by the template's role and its name (compared by
// [interop.Norm]): a row whose activity exists is an update of it (or
// unchanged), others are created as drafts. On an update the fields the
// template holds are replaced, keeping what the kommune recorded beyond
// them: the lawful basis of a purpose of the same name, the kind, country
// and data of a recipient of the same name, the safeguard of a transfer
// to the same country. Fields the template does not have are left alone.
//
// Transfers are read as "country: recipient" per item ("USA: Eksempel
// Cloud Inc."); an item with only a country takes the row's recipient
// when the row names exactly one, and is otherwise a blocking issue, since
// a record of a transfer names its recipient.
func Plan(ctx context.Context, reg Register, c compliance.ControllerID, s *Sheet, o Options) (*Batch, error) {
	if c.IsZero() {
		return nil, &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	if strings.TrimSpace(o.Controller.Name) == "" || !o.Controller.Jurisdiction.Valid() {
		return nil, &compliance.FieldError{Field: "options.controller", Reason: compliance.ReasonRequired}
	}
	role := record.RoleController
	if s.Template == Processor {
		role = record.RoleProcessor
	}
	existing := map[string]*record.Activity{}
	for a, err := range reg.Activities(ctx, c, record.Filter{Role: role}) {
		if err != nil {
			return nil, err
		}
		existing[interop.Norm(a.Name)] = &a
	}
	b := &Batch{report: interop.Report{System: System, DryRun: true, Issues: slices.Clone(s.Issues)}, c: c}
	counts := map[string]int{}
	for _, r := range s.Rows {
		counts[interop.Norm(r.Cells[Columns(s.Template)[0].Heading])]++
	}
	for _, r := range s.Rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := r.Cells[Columns(s.Template)[0].Heading]
		key := fmt.Sprintf("row %d", r.Line)
		if counts[interop.Norm(name)] > 1 {
			b.report.Add(CodeDuplicate, interop.Row(System, r.Line, Columns(s.Template)[0].Heading), name, true)
			b.report.Changes = append(b.report.Changes, interop.Change{Action: interop.Skip, Kind: "activity", Key: key, Name: interop.Clip(name), Row: r.Line})
			continue
		}
		old := existing[interop.Norm(name)]
		var want record.Activity
		if old != nil {
			want = *old
		} else {
			want = record.Activity{Role: role, Status: record.Draft}
			// A derived ID: the same row of the same kommune always
			// makes the same record.
			u := interop.Derive(c, System, role.String(), interop.Norm(name))
			if err := want.ID.UnmarshalText([]byte(u.String())); err != nil {
				return nil, err
			}
		}
		want.Controller = o.Controller
		if !o.DPO.IsZero() {
			want.DPO = o.DPO
		}
		m := mapper{b: b, line: r.Line, m: o.Mapping}
		m.row(&want, s.Template, r)
		b.plan(key, r.Line, old, want)
	}
	return b, nil
}

func (b *Batch) plan(key string, line int, old *record.Activity, want record.Activity) {
	ch := interop.Change{Kind: "activity", Key: key, Name: interop.Clip(want.Name), ID: want.ID.String(), Row: line}
	if err := want.Validate(); err != nil {
		ch.Action = interop.Skip
		var ve *compliance.ValidationError
		if errors.As(err, &ve) {
			for _, f := range ve.Fields {
				b.report.Add(interop.CodeInvalidField, interop.Source{System: System, Entity: "activity", Row: line, Field: f.Field}, "", true)
			}
		} else {
			b.report.Add(interop.CodeInvalidField, interop.Source{System: System, Entity: "activity", Row: line}, "", true)
		}
		b.report.Changes = append(b.report.Changes, ch)
		return
	}
	switch {
	case old == nil:
		ch.Action = interop.Create
	default:
		ch.Fields = diff(*old, want)
		ch.Action = interop.Update
		if len(ch.Fields) == 0 {
			ch.Action = interop.Unchanged
		}
	}
	b.report.Changes = append(b.report.Changes, ch)
	b.items = append(b.items, planned{key: key, action: ch.Action, a: want})
}

// Apply writes the planned records through reg, in file order: nothing
// when the plan has a blocking issue ([interop.ErrBlocked]); otherwise it
// stops at the first failed write, with the report naming what was
// written before it (see package interop on what all or nothing means
// without store transactions).
func (b *Batch) Apply(ctx context.Context, reg Register) (*interop.Report, error) {
	b.report.DryRun = false
	if b.report.Blocked() {
		b.report.DryRun = true
		return &b.report, interop.ErrBlocked
	}
	for _, p := range b.items {
		var err error
		switch p.action {
		case interop.Create:
			_, err = reg.CreateActivity(ctx, b.c, p.a)
		case interop.Update:
			_, err = reg.UpdateActivity(ctx, b.c, p.a)
		default:
			continue
		}
		if err != nil {
			b.report.Failed = p.key
			return &b.report, fmt.Errorf("art30: writing %s (%d written before it): %w", p.key, len(b.report.Written), err)
		}
		b.report.Written = append(b.report.Written, p.key)
	}
	return &b.report, nil
}

// diff returns the top-level fields in which a and b differ, ignoring the
// version and the stamps the register sets.
func diff(a, b record.Activity) []string {
	ma, mb := fields(a), fields(b)
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

func fields(a record.Activity) map[string]json.RawMessage {
	b, err := json.Marshal(a)
	var m map[string]json.RawMessage
	if err != nil || json.Unmarshal(b, &m) != nil {
		return map[string]json.RawMessage{"": nil}
	}
	delete(m, "created")
	delete(m, "updated")
	delete(m, "version")
	return m
}

// mapper maps one row.
type mapper struct {
	b    *Batch
	line int
	m    Mapping
}

func (m *mapper) issue(code compliance.Code, column, value string, blocking bool) {
	m.b.report.Add(code, interop.Row(System, m.line, column), value, blocking)
}

func (m *mapper) row(a *record.Activity, t Template, r Row) {
	for _, col := range Columns(t) {
		cell, ok := r.Cells[col.Heading]
		if !ok {
			continue
		}
		switch col.field {
		case fName:
			a.Name = strings.Join(strings.Fields(cell), " ")
		case fDescription:
			a.Description = cell
		case fPurposes:
			var ps []record.Purpose
			for _, name := range items(cell) {
				p := record.Purpose{Name: name}
				if i := slices.IndexFunc(a.Purposes, func(x record.Purpose) bool { return interop.Norm(x.Name) == interop.Norm(name) }); i >= 0 {
					p = a.Purposes[i]
				}
				ps = append(ps, p)
			}
			a.Purposes = ps
		case fSubjects:
			a.Subjects = 0
			for _, s := range items(cell) {
				if v, ok := m.m.subject(s); ok {
					a.Subjects = a.Subjects.With(v)
				} else {
					m.issue(interop.CodeUnmapped, col.Heading, s, false)
				}
			}
		case fData:
			a.Data = 0
			for _, s := range items(cell) {
				if v, ok := m.m.data(s); ok {
					a.Data = a.Data.With(v)
				} else {
					m.issue(interop.CodeUnmapped, col.Heading, s, false)
				}
			}
		case fRecipients:
			var rs []record.Recipient
			for _, name := range items(cell) {
				rc := record.Recipient{Name: name}
				if i := slices.IndexFunc(a.Recipients, func(x record.Recipient) bool { return interop.Norm(x.Name) == interop.Norm(name) }); i >= 0 {
					rc = a.Recipients[i]
				}
				rs = append(rs, rc)
			}
			a.Recipients = rs
			a.NoRecipients = a.NoRecipients && len(rs) == 0
		case fTransfers:
			m.transfers(a, col.Heading, cell, r.Cells)
		case fGuarantees:
			for i := range a.Transfers {
				a.Transfers[i].Documentation = cell
			}
		case fErasure:
			a.Erasure.Text = cell
		case fSecurity:
			a.Security.Description = cell
		case fJoint:
			var ps []record.Party
			for _, name := range items(cell) {
				ps = append(ps, record.Party{Name: name})
			}
			a.JointControllers = ps
		case fOnBehalfOf:
			var fs []record.ProcessingFor
			for _, name := range items(cell) {
				fs = append(fs, record.ProcessingFor{Controller: record.Party{Name: name}})
			}
			a.OnBehalfOf = fs
		case fProcessing:
			// Each controller's categories of processing: the template
			// has one cell; it applies to each controller of the row.
			ps := items(cell)
			for i := range a.OnBehalfOf {
				a.OnBehalfOf[i].Processing = slices.Clone(ps)
			}
		}
	}
	// Purposes and recipients carry data only where the kommune recorded
	// them; keep them inside the activity's data.
	for i := range a.Purposes {
		a.Purposes[i].Data &= a.Data
	}
	for i := range a.Recipients {
		a.Recipients[i].Data &= a.Data
	}
}

func (m *mapper) transfers(a *record.Activity, column, cell string, cells map[string]string) {
	var recipients []string
	if t := cells["Kategorier av mottakere"]; t != "" {
		recipients = items(t)
	}
	var ts []record.Transfer
	for _, it := range items(cell) {
		country, recipient, _ := strings.Cut(it, ":")
		country, recipient = strings.TrimSpace(country), strings.TrimSpace(recipient)
		cc, ok := m.m.country(country)
		if !ok {
			m.issue(interop.CodeUnmapped, column, country, true)
			continue
		}
		if recipient == "" && len(recipients) == 1 {
			recipient = recipients[0]
		}
		if recipient == "" {
			m.issue(interop.CodeMissingValue, column, country, true)
			continue
		}
		t := record.Transfer{Country: cc, Recipient: recipient}
		if i := slices.IndexFunc(a.Transfers, func(x record.Transfer) bool { return x.Country == cc }); i >= 0 {
			t.Safeguard = a.Transfers[i].Safeguard
			t.Documentation = a.Transfers[i].Documentation
		}
		ts = append(ts, t)
	}
	a.Transfers = ts
}
