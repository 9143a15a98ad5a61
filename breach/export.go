package breach

import (
	"context"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Export is the register of breaches that Art 33(5) GDPR asks every
// controller to keep — "the facts relating to the personal data breach, its
// effects and the remedial action taken" — as the kommune shows it to
// Datatilsynet on request: each breach with the decision the rules reach at
// the instant of the export. It is written as JSON (encoding/json on the
// Export value: the breaches in their stored form with their assessments),
// as a table for a spreadsheet ([Export.Table], rendered as CSV by i18n's
// Printer.CSV, which neutralises cells that would start a formula) and as
// a document ([Export.Document]).
//
// The export carries the caseworkers' texts (the facts, effects and
// measures), which may contain personal data: it is for the kommune and
// Datatilsynet, not for publication.
type Export struct {
	// At is the instant of the export.
	At time.Time `json:"at"`
	// Jurisdiction is the kommune's.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Entries are the breaches, in ID order.
	Entries []ExportEntry `json:"entries"`
	// Activities names the Art 30 activities by ID for the table and the
	// document; an activity without a name is shown by its ID. The host
	// fills it from its record of processing activities.
	Activities map[record.ActivityID]string `json:"-"`
}

// ExportEntry is one breach of an [Export] with its decision.
type ExportEntry struct {
	// Breach is the breach as stored.
	Breach Breach `json:"breach"`
	// Risk, NotifyAuthority, Communicate and Status are the decision at
	// the export ([Policy.Decide]); zero when the record could not be
	// assessed.
	Risk            Risk          `json:"risk,omitzero"`
	NotifyAuthority bool          `json:"notifyAuthority"`
	Communicate     Communication `json:"communicate,omitzero"`
	Status          Status        `json:"status,omitzero"`
}

// maxExport bounds the breaches of one export.
const maxExport = 100_000

// Export returns the register of controller c as at now, with the register's
// policy. A record the rules cannot assess is exported without a decision
// and reported in a [*BadRecordsError] returned with the export; a store
// failure ends the export.
func (r *Register) Export(ctx context.Context, c compliance.ControllerID) (Export, error) {
	if err := r.check(c); err != nil {
		return Export{}, err
	}
	e := Export{At: r.opts.Clock(), Jurisdiction: r.j}
	var bad BadRecordsError
	for b, err := range r.store.List(ctx, c, Filter{}) {
		if err != nil {
			return Export{}, storeErr("export", err)
		}
		if len(e.Entries) == maxExport {
			bad.More++
			continue
		}
		entry := ExportEntry{Breach: b}
		if a, err := r.policy.Decide(b, r.cal, e.At); err == nil && b.Validate() == nil {
			entry.Risk, entry.NotifyAuthority, entry.Communicate, entry.Status = a.Risk, a.NotifyAuthority, a.Communicate, a.Status
		} else {
			bad.add(b.ID, invalid("", compliance.ReasonInconsistent))
		}
		e.Entries = append(e.Entries, entry)
	}
	if len(bad.IDs) > 0 || bad.More > 0 {
		return e, &bad
	}
	return e, nil
}

// Message codes of the export.
const (
	codeExportTitle      = "breach.export.title"
	codeExportIntro      = "breach.export.intro"
	codeExportEntry      = "breach.export.entry"
	codeExportRegistered = "breach.export.registered"
	codeExportDepartment = "breach.export.department"
	codeExportActivity   = "breach.export.activity"
	codeExportStatus     = "breach.export.status"
	codeExportNotifiedAt = "breach.export.notified-at"
	codeExportTold       = "breach.export.communicated-at"
	codeExportRisk       = "breach.export.risk"
	codeExportDecision   = "breach.export.decision"
	codeExportNoDecision = "breach.export.no-decision"
	codeExportReference  = "breach.export.reference"
)

// ref returns the breach's reference for the kommune's own register: its
// case number, or the register's ID when it recorded none. (The notice to
// Datatilsynet never shows the ID.)
func (b Breach) ref() string {
	if b.Reference != "" {
		return b.Reference
	}
	return b.ID.String()
}

// activity returns the message naming an activity: its name in names, its
// ID, or "not stated".
func activity(id record.ActivityID, names map[record.ActivityID]string) compliance.Message {
	switch {
	case names[id] != "":
		return compliance.Msg(compliance.CodeText, compliance.Text(names[id]))
	case !id.IsZero():
		return compliance.Msg(compliance.CodeText, compliance.Text(id.String()))
	}
	return compliance.Msg(codeValueNotStated)
}

// Table returns the export as a table: one row per breach, with the columns
// Datatilsynet's form and Art 33(5) ask for.
func (e Export) Table() compliance.Table {
	n := newNotice(e.Jurisdiction)
	cols := []compliance.Code{codeExportReference, codeExportRegistered, codeExportDepartment, codeExportActivity,
		codeLabelCause, codeLabelNature, codeLabelData, codeLabelSubjects, codeLabelSubjectCount,
		codeLabelAware, codeExportRisk, codeExportStatus, codeExportNotifiedAt, codeExportTold,
		codeLabelDescription, codeLabelEffects, codeLabelMeasuresTaken}
	t := compliance.Table{}
	for _, c := range cols {
		t.Columns = append(t.Columns, compliance.Msg(c))
	}
	cell := func(m compliance.Message) compliance.Cell { return compliance.Cell{m} }
	for _, en := range e.Entries {
		b := en.Breach
		notified, told := compliance.Msg(codeValueNotYet), compliance.Msg(codeValueNotYet)
		if first, ok := b.FirstNotification(); ok {
			notified = n.when(first.At)
		}
		if len(b.Communications) > 0 {
			told = n.when(b.Communications[0].At)
		}
		t.Rows = append(t.Rows, []compliance.Cell{
			cell(compliance.Msg(compliance.CodeText, compliance.Text(b.ref()))),
			cell(n.when(b.Registered)),
			cell(text(b.Department)),
			cell(activity(b.Activity, e.Activities)),
			cell(name(b.Cause)),
			cell(names(b.Nature.All())),
			cell(names(b.Data.All())),
			cell(names(b.Subjects.All())),
			cell(count(b.SubjectCount)),
			cell(n.when(b.Aware)),
			cell(name(en.Risk)),
			cell(name(en.Status)),
			cell(notified),
			cell(told),
			cell(text(b.Text.Description)),
			cell(text(b.Text.Effects)),
			cell(text(b.Text.MeasuresTaken)),
		})
	}
	return t
}

// Document returns the export as a document: for each breach its facts,
// effects and remedial action (Art 33(5)) and the decision.
func (e Export) Document() compliance.Document {
	n := newNotice(e.Jurisdiction)
	n.doc.Title = compliance.Msg(codeExportTitle)
	n.doc.Paragraph(codeExportIntro, compliance.TimeArg(e.At.In(n.loc)), compliance.Int(len(e.Entries)))
	for _, en := range e.Entries {
		b := en.Breach
		n.doc.Heading(codeExportEntry, compliance.Text(b.ref()), compliance.TimeArg(b.Registered.In(n.loc)))
		n.field(codeExportDepartment, text(b.Department))
		if !b.Activity.IsZero() {
			n.field(codeExportActivity, activity(b.Activity, e.Activities), refArt30_1)
		}
		n.field(codeLabelNature, names(b.Nature.All()))
		n.field(codeLabelCause, name(b.Cause))
		n.field(codeLabelPeriod, n.period(b))
		n.field(codeLabelAware, n.when(b.Aware), refArt33_1)
		n.field(codeLabelData, names(b.Data.All()))
		n.field(codeLabelSubjects, names(b.Subjects.All()))
		n.field(codeLabelSubjectCount, count(b.SubjectCount))
		n.field(codeLabelDescription, text(b.Text.Description), refArt33_5)
		n.field(codeLabelEffects, text(b.Text.Effects), refArt33_5)
		n.field(codeLabelMeasuresTaken, text(b.Text.MeasuresTaken), refArt33_5)
		if en.Risk.Valid() {
			n.field(codeExportDecision, compliance.Msg(codeExportDecisionValue, compliance.Name(en.Risk), compliance.Name(en.Status)), refArt33_1, refArt34_1)
		} else {
			n.field(codeExportDecision, compliance.Msg(codeExportNoDecision))
		}
		n.told(b)
	}
	return n.doc
}

const codeExportDecisionValue = "breach.export.decision-value"
