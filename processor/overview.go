package processor

import (
	"time"

	"github.com/tillid/tillid/compliance"
)

// Overview is the state of a kommune's processor register at an instant:
// what a DPO needs to act on. Each list is in processor ID order.
type Overview struct {
	// At is the instant.
	At time.Time `json:"at"`
	// Horizon is the look-ahead for expiring agreements and due audits.
	Horizon compliance.Period `json:"horizon,omitzero"`
	// Processors is the number of processors in the register.
	Processors int `json:"processors"`
	// MissingAgreements are processors without a signed agreement in force
	// (Art 28(3), 28(9)).
	MissingAgreements []Entry `json:"missingAgreements"`
	// ExpiringAgreements are agreements in force that end within the
	// horizon; Date is their last day.
	ExpiringAgreements []Entry `json:"expiringAgreements"`
	// OverdueAudits are processors whose next supervision is overdue (Date
	// is the day it was due), or that have no audit evidence at all (no
	// Date).
	OverdueAudits []Entry `json:"overdueAudits"`
	// DueAudits are processors whose next supervision falls due within the
	// horizon; Date is its last day.
	DueAudits []Entry `json:"dueAudits"`
	// UnidentifiedSubProcessors are engaged sub-processors whose identity is
	// incomplete (EDPB Opinion 22/2024); Missing says what is missing.
	UnidentifiedSubProcessors []Entry `json:"unidentifiedSubProcessors"`
	// TransfersWithoutBasis are places outside the EEA that have, at the
	// instant, neither an adequacy decision covering the recipient nor a
	// usable transfer tool with a current, positive assessment (Chapter V).
	TransfersWithoutBasis []Entry `json:"transfersWithoutBasis"`
}

// Entry is one line of an [Overview].
type Entry struct {
	// Processor is the processor's ID.
	Processor compliance.ProcessorID `json:"processor"`
	// Name is the processor's name.
	Name string `json:"name"`
	// Date is the date the line is about, if any.
	Date compliance.Date `json:"date,omitzero"`
	// SubProcessor is the sub-processor the line is about, if any.
	SubProcessor SubProcessorID `json:"subProcessor,omitzero"`
	// Entity names the processor or sub-processor that hosts or reaches the
	// data (transfers) or the sub-processor (identity).
	Entity string `json:"entity,omitempty"`
	// Missing are the missing parts of a sub-processor's identity.
	Missing []IdentityField `json:"missing,omitempty"`
	// Country is the destination of a transfer.
	Country compliance.Country `json:"country,omitzero"`
	// Organisation is the international organisation a transfer goes to.
	Organisation InternationalOrganisation `json:"organisation,omitzero"`
	// Access is what happens at the destination.
	Access Access `json:"access,omitzero"`
}

// Overview returns the register's state at instant at, looking horizon
// ahead for agreements that expire and audits that fall due (a zero horizon
// leaves those two lists empty).
func (s *Snapshot) Overview(at time.Time, horizon compliance.Period) Overview {
	o := Overview{At: at, Horizon: horizon,
		MissingAgreements: []Entry{}, ExpiringAgreements: []Entry{}, OverdueAudits: []Entry{}, DueAudits: []Entry{},
		UnidentifiedSubProcessors: []Entry{}, TransfersWithoutBasis: []Entry{}}
	if s == nil {
		return o
	}
	all := s.t.all()
	o.Processors = len(all)
	t := at.Unix()
	end := t
	if !horizon.IsZero() && s.cal != nil {
		if dl, err := s.cal.Deadline(at, horizon); err == nil {
			end = dl.End.Unix()
		}
	}
	for _, p := range all {
		e := Entry{Processor: p.id, Name: p.name}
		var none collector
		ag := p.agreementAt(&none, t)
		switch {
		case ag == nil:
			o.MissingAgreements = append(o.MissingAgreements, e)
		case ag.to != never && ag.to <= end:
			x := e
			x.Date = ag.toDate
			o.ExpiringAgreements = append(o.ExpiringAgreements, x)
		}
		var au *cAudit
		for i := len(p.audits) - 1; i >= 0; i-- {
			if p.audits[i].issued <= t {
				au = &p.audits[i]
				break
			}
		}
		switch {
		case au == nil:
			o.OverdueAudits = append(o.OverdueAudits, e)
		case t >= au.due:
			x := e
			x.Date = au.dueDate
			o.OverdueAudits = append(o.OverdueAudits, x)
		case au.due <= end:
			x := e
			x.Date = au.dueDate
			o.DueAudits = append(o.DueAudits, x)
		}
		for _, sp := range p.subs {
			if t < sp.removed && sp.missing != 0 {
				x := e
				x.SubProcessor, x.Entity = sp.id, sp.label
				for f := range sp.missing.All() {
					x.Missing = append(x.Missing, f)
				}
				o.UnidentifiedSubProcessors = append(o.UnidentifiedSubProcessors, x)
			}
		}
		for i := range p.dests {
			d := &p.dests[i]
			if d.sub >= 0 && t >= p.subs[d.sub].removed {
				continue
			}
			var c collector
			p.evalDest(&c, d, nil, t, false)
			if c.worst == compliance.Violation {
				x := e
				x.Entity, x.Country, x.Organisation, x.Access = d.label, d.country, d.org, d.access
				if d.sub >= 0 {
					x.SubProcessor = p.subs[d.sub].id
				}
				o.TransfersWithoutBasis = append(o.TransfersWithoutBasis, x)
			}
		}
	}
	return o
}

// Document returns the overview as a document for a DPO, in the jurisdiction
// zone of the instant's Location.
func (o Overview) Document() compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeOverviewTitle, compliance.DateArg(compliance.DateOf(o.At)))}
	doc.Paragraph(CodeOverviewProcessors, compliance.Int(o.Processors))
	section := func(code compliance.Code, es []Entry, withHorizon bool, item func(Entry) compliance.Message) {
		args := []compliance.Arg{compliance.Int(len(es))}
		if withHorizon {
			args = append(args, compliance.PeriodArg(o.Horizon))
		}
		doc.Heading(code, args...)
		if len(es) == 0 {
			doc.Paragraph(CodeOverviewNone)
		}
		for _, e := range es {
			doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: item(e)})
		}
	}
	plain := func(e Entry) compliance.Message {
		if e.Date.IsZero() {
			return compliance.Msg(CodeOverviewItem, compliance.Text(e.Name))
		}
		return compliance.Msg(CodeOverviewItemDate, compliance.Text(e.Name), compliance.DateArg(e.Date))
	}
	section(CodeOverviewMissing, o.MissingAgreements, false, plain)
	if !o.Horizon.IsZero() {
		section(CodeOverviewExpiring, o.ExpiringAgreements, true, plain)
	}
	section(CodeOverviewOverdue, o.OverdueAudits, false, plain)
	if !o.Horizon.IsZero() {
		section(CodeOverviewDue, o.DueAudits, true, plain)
	}
	section(CodeOverviewUnidentified, o.UnidentifiedSubProcessors, false, func(e Entry) compliance.Message {
		return compliance.Msg(CodeOverviewItemSub, compliance.Text(e.Name), compliance.Text(e.Entity))
	})
	section(CodeOverviewNoBasis, o.TransfersWithoutBasis, false, func(e Entry) compliance.Message {
		place := compliance.CountryArg(e.Country)
		if e.Organisation != 0 {
			place = compliance.Name(e.Organisation)
		}
		return compliance.Msg(CodeOverviewItemTransfer, compliance.Text(e.Name), compliance.Text(e.Entity), place, compliance.Name(e.Access))
	})
	return doc
}
