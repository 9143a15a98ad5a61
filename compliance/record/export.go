package record

import (
	"encoding/json"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// RegisterFormat identifies the JSON form of [Export]. It changes
// only when a change would break a reader of the previous form.
const RegisterFormat = "tillid.register/1"

// Export is a controller's register of processing activities as
// it is handed over: to another system as stable JSON
// ([Export.WriteJSON]), to a spreadsheet as a table with localised
// headers ([Export.Table], rendered by i18n's Printer.CSV), or to a
// person — the data protection officer, Datatilsynet — as a document in
// their language ([Export.Document], rendered by i18n). It holds no
// data about citizens and no request.
type Export struct {
	// Format is [RegisterFormat].
	Format string `json:"format"`
	// Controller is the organisation whose register it is.
	Controller Party `json:"controller"`
	// Generated is the instant the export was made.
	Generated time.Time `json:"generated"`
	// Activities are the records, in ID order.
	Activities []Activity `json:"activities"`
}

// NewExport returns the export of activities, copied and sorted by
// ID, for controller at instant generated.
func NewExport(controller Party, generated time.Time, activities []Activity) Export {
	acts := make([]Activity, len(activities))
	for i, a := range activities {
		acts[i] = a.Clone()
	}
	slices.SortFunc(acts, func(a, b Activity) int { return a.ID.Compare(b.ID) })
	return Export{Format: RegisterFormat, Controller: controller, Generated: generated, Activities: acts}
}

// WriteJSON writes the export as indented JSON followed by a newline. The
// output is stable: members in a fixed order, sets of categories in the
// order of their vocabulary, activities in ID order, so that two exports of
// the same register differ only in Generated.
func (e Export) WriteJSON(w io.Writer) error {
	if e.Activities == nil {
		e.Activities = []Activity{}
	}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// Message codes of the export's table and document. Column headers and
// field labels share the keys "compliance.register.field.<name>".
const (
	// CodeRegisterTitle: "Records of processing activities: %[1]s"
	// (controller).
	CodeRegisterTitle compliance.Code = "compliance.register.title"
	// CodeRegisterGenerated: "Generated on %[1]s. The register holds %[2]d
	// records." (date, count).
	CodeRegisterGenerated compliance.Code = "compliance.register.generated"
	// CodeRegisterProcessorRecord: the paragraph that marks a processor's
	// record (Art 30(2)).
	CodeRegisterProcessorRecord compliance.Code = "compliance.register.processor-record"
	// CodeRegisterEntries: "%[1]d entries", the value of a field whose
	// entries follow as a list.
	CodeRegisterEntries compliance.Code = "compliance.register.entries"
	// CodeRegisterNone: "none", for a field answered with nothing (no
	// recipients, no transfers).
	CodeRegisterNone compliance.Code = "compliance.register.none"
	// CodeRegisterNotStated: "not stated".
	CodeRegisterNotStated compliance.Code = "compliance.register.not-stated"
	// CodeRegisterPurpose: "%[1]s: %[2]s" (purpose, basis).
	CodeRegisterPurpose compliance.Code = "compliance.register.purpose"
	// CodeRegisterPurposeNational: "%[1]s: %[2]s, %[3]s" (purpose, basis,
	// national basis).
	CodeRegisterPurposeNational compliance.Code = "compliance.register.purpose-national"
	// CodeRegisterPurposeNoBasis: "%[1]s: no lawful basis recorded".
	CodeRegisterPurposeNoBasis compliance.Code = "compliance.register.purpose-no-basis"
	// CodeRegisterRecipient: "%[1]s (%[2]s)" (recipient, country).
	CodeRegisterRecipient compliance.Code = "compliance.register.recipient"
	// CodeRegisterTransfer: "%[1]s, %[2]s: %[3]s" (recipient, country,
	// transfer tool).
	CodeRegisterTransfer compliance.Code = "compliance.register.transfer"
	// CodeRegisterTransferNoSafeguard: "%[1]s, %[2]s: no transfer tool
	// recorded".
	CodeRegisterTransferNoSafeguard compliance.Code = "compliance.register.transfer-no-safeguard"
	// CodeRegisterErasurePeriod: "%[1]s from %[2]s" (period, event).
	CodeRegisterErasurePeriod compliance.Code = "compliance.register.erasure-period"
	// CodeRegisterErasureRule: "retention rule %[1]s" (rule ID).
	CodeRegisterErasureRule compliance.Code = "compliance.register.erasure-rule"
	// CodeRegisterDPIA: "DPIA %[1]s" (DPIA ID).
	CodeRegisterDPIA compliance.Code = "compliance.register.dpia"
	// CodeRegisterScreening: "screening: %[1]s" (outcome).
	CodeRegisterScreening compliance.Code = "compliance.register.screening"
	// CodeRegisterProcessor: "%[1]s (ID %[2]s)" (name, processor ID).
	CodeRegisterProcessor compliance.Code = "compliance.register.processor"
	// CodeRegisterClassification: "%[1]s %[2]s" (scheme, code).
	CodeRegisterClassification compliance.Code = "compliance.register.classification"
	// CodeRegisterPartyCVR: "%[1]s, CVR no. %[2]s".
	CodeRegisterPartyCVR compliance.Code = "compliance.register.party-cvr"
	// CodeRegisterPartyOrgNr: "%[1]s, org. no. %[2]s".
	CodeRegisterPartyOrgNr compliance.Code = "compliance.register.party-orgnr"
	// CodeRegisterOnBehalfOf: "%[1]s: %[2]s" (controller, processing).
	CodeRegisterOnBehalfOf compliance.Code = "compliance.register.on-behalf-of"
	// CodeRegisterPublished: "published with the data subjects' consent"
	// or without it.
	CodeRegisterPublished compliance.Code = "compliance.register.published"
	// CodeRegisterPublishedNoConsent: published without consent.
	CodeRegisterPublishedNoConsent compliance.Code = "compliance.register.published-no-consent"
	// CodeRegisterLargeScale: "processing on a large scale".
	CodeRegisterLargeScale compliance.Code = "compliance.register.large-scale"
	// CodeRegisterSubjectCount: "about %[1]d data subjects".
	CodeRegisterSubjectCount compliance.Code = "compliance.register.subject-count"
	// CodeRegisterProcessorLabel: "Processor", the label of the field that
	// names the organisation keeping a processor's record, which is
	// "Controller" in a controller's record.
	CodeRegisterProcessorLabel compliance.Code = "compliance.register.processor-label"
	// CodeRegisterProcessorsOnly: "processors only (see Processors)", the
	// recipients of a record that discloses data to its processors and no
	// one else.
	CodeRegisterProcessorsOnly compliance.Code = "compliance.register.processors-only"
)

// ExportField is a column of the register's table and a field of its
// document. The zero value is invalid.
type ExportField uint8

// Export fields, in the order of the table's columns.

// ExportID is the ExportField with the code "id".
const ExportID ExportField = 1

// ExportName is the ExportField with the code "name".
const ExportName ExportField = 2

// ExportRole is the ExportField with the code "role".
const ExportRole ExportField = 3

// ExportStatus is the ExportField with the code "status".
const ExportStatus ExportField = 4

// ExportController is the ExportField with the code "controller".
const ExportController ExportField = 5

// ExportContact is the ExportField with the code "contact".
const ExportContact ExportField = 6

// ExportJointControllers is the ExportField with the code "joint-controllers".
const ExportJointControllers ExportField = 7

// ExportDPO is the ExportField with the code "dpo".
const ExportDPO ExportField = 8

// ExportOnBehalfOf is the ExportField with the code "on-behalf-of".
const ExportOnBehalfOf ExportField = 9

// ExportPurposes is the ExportField with the code "purposes".
const ExportPurposes ExportField = 10

// ExportSubjects is the ExportField with the code "subjects".
const ExportSubjects ExportField = 11

// ExportData is the ExportField with the code "data".
const ExportData ExportField = 12

// ExportScale is the ExportField with the code "scale".
const ExportScale ExportField = 13

// ExportRecipients is the ExportField with the code "recipients".
const ExportRecipients ExportField = 14

// ExportTransfers is the ExportField with the code "transfers".
const ExportTransfers ExportField = 15

// ExportErasure is the ExportField with the code "erasure".
const ExportErasure ExportField = 16

// ExportSecurity is the ExportField with the code "security".
const ExportSecurity ExportField = 17

// ExportSpecial is the ExportField with the code "special".
const ExportSpecial ExportField = 18

// ExportCriminal is the ExportField with the code "criminal".
const ExportCriminal ExportField = 19

// ExportNationalID is the ExportField with the code "national-id".
const ExportNationalID ExportField = 20

// ExportProcessors is the ExportField with the code "processors".
const ExportProcessors ExportField = 21

// ExportDPIA is the ExportField with the code "dpia".
const ExportDPIA ExportField = 22

// ExportClassification is the ExportField with the code "classification".
const ExportClassification ExportField = 23

// ExportOwner is the ExportField with the code "owner".
const ExportOwner ExportField = 24

// ExportReviewedOn is the ExportField with the code "reviewed-on".
const ExportReviewedOn ExportField = 25

// ExportNextReview is the ExportField with the code "next-review".
const ExportNextReview ExportField = 26

// ExportDescription is the ExportField with the code "description".
const ExportDescription ExportField = 27

var exportFields = enum.New[ExportField]("export-field", "compliance.register.field", compliance.UnknownCode,
	"id", "name", "role", "status", "controller", "contact", "joint-controllers",
	"dpo", "on-behalf-of", "purposes", "subjects", "data", "scale", "recipients", "transfers", "erasure",
	"security", "special", "criminal", "national-id", "processors", "dpia", "classification", "owner",
	"reviewed-on", "next-review", "description")

// ParseExportField returns the ExportField with the given code.
func ParseExportField(s string) (ExportField, error) { return exportFields.Parse(s) }

// AllExportFields yields every ExportField in column order.
func AllExportFields() iter.Seq[ExportField] { return exportFields.All() }

// String returns the stable code: "purposes".
func (f ExportField) String() string { return exportFields.String(f) }

// Key returns the message key of the field's label:
// "compliance.register.field.purposes".
func (f ExportField) Key() string { return exportFields.Key(f) }

// Valid reports whether f is a known ExportField.
func (f ExportField) Valid() bool { return exportFields.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f ExportField) MarshalText() ([]byte, error) { return exportFields.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *ExportField) UnmarshalText(b []byte) error { return exportFields.UnmarshalText(f, b) }

// Refs returns the provisions the field answers to, for a record of role
// kept under the law of jurisdiction j.
func (f ExportField) Refs(role Role, j compliance.Jurisdiction) compliance.Refs {
	p := role == RoleProcessor
	switch f {
	case ExportController, ExportContact, ExportJointControllers:
		if p {
			return refsArt30_2a
		}
		return refsArt30_1a
	case ExportDPO:
		if p {
			return refsDPO2
		}
		return refsDPO1
	case ExportOnBehalfOf:
		return refsOnBehalfOf
	case ExportPurposes:
		return refsPurposes
	case ExportSubjects, ExportData:
		return refsArt30_1c
	case ExportScale:
		return refsDPIALarge
	case ExportRecipients:
		return refsArt30_1d
	case ExportTransfers:
		if p {
			return refsArt30_2c
		}
		return refsArt30_1e
	case ExportErasure:
		return refsArt30_1f
	case ExportSecurity:
		if p {
			return refsArt30_2d
		}
		return refsArt30_1g
	case ExportSpecial:
		return refsSpecialExport
	case ExportCriminal:
		return refsCriminalExport
	case ExportProcessors:
		return refsProcessorsExport
	case ExportDPIA:
		return refsDPIAMissing
	case ExportNationalID:
		switch j {
		case compliance.DK:
			return refsCPRExport
		case compliance.NO:
			return refsFNR
		}
	}
	return compliance.Refs{}
}

var (
	refsOnBehalfOf       = compliance.RefsOf(compliance.GDPR(30, 2, "a"), compliance.GDPR(30, 2, "b"))
	refsPurposes         = compliance.RefsOf(compliance.GDPR(30, 1, "b"), compliance.GDPR(6, 1, ""))
	refsSpecialExport    = compliance.RefsOf(compliance.GDPR(9, 2, ""))
	refsCriminalExport   = compliance.RefsOf(compliance.GDPR(10, 0, ""))
	refsProcessorsExport = compliance.RefsOf(compliance.GDPR(28, 1, ""))
	refsCPRExport        = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "11", 0, ""))
)

// Table returns the register as a table: one row per record, one column per
// [ExportField], the headers and cells as messages for i18n to render.
// Lists within a cell (purposes, recipients, transfers) are separate
// messages of the cell.
func (e Export) Table() compliance.Table {
	t := compliance.Table{Rows: make([][]compliance.Cell, 0, len(e.Activities))}
	for f := range AllExportFields() {
		t.Columns = append(t.Columns, compliance.Msg(compliance.Code(f.Key())))
	}
	for i := range e.Activities {
		a := &e.Activities[i]
		row := make([]compliance.Cell, 0, exportFields.Len())
		for f := range AllExportFields() {
			row = append(row, a.cell(f))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// cell returns the value of field f of a.
func (a *Activity) cell(f ExportField) compliance.Cell {
	switch f {
	case ExportID:
		return text(a.ID.String())
	case ExportName:
		return text(a.Name)
	case ExportRole:
		return named(a.Role)
	case ExportStatus:
		return named(a.Status)
	case ExportController:
		return partyCell(a.Controller)
	case ExportContact:
		return text(contactText(a.Controller.Contact))
	case ExportJointControllers:
		var c compliance.Cell
		for _, p := range a.JointControllers {
			c = append(c, partyCell(p)...)
		}
		return c
	case ExportDPO:
		return text(contactText(a.DPO))
	case ExportOnBehalfOf:
		var c compliance.Cell
		for _, f := range a.OnBehalfOf {
			c = append(c, compliance.Msg(CodeRegisterOnBehalfOf, compliance.Text(f.Controller.Name), compliance.Text(strings.Join(f.Processing, "; "))))
		}
		return c
	case ExportPurposes:
		var c compliance.Cell
		for _, p := range a.Purposes {
			c = append(c, purposeMsg(p))
		}
		return c
	case ExportSubjects:
		if a.Subjects == 0 {
			return nil
		}
		return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.Names(a.Subjects.All()))}
	case ExportData:
		if a.Data == 0 {
			return nil
		}
		return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.Names(a.Data.All()))}
	case ExportScale:
		var c compliance.Cell
		if a.SubjectCount > 0 {
			c = append(c, compliance.Msg(CodeRegisterSubjectCount, compliance.Int(a.SubjectCount)))
		}
		if a.LargeScale {
			c = append(c, compliance.Msg(CodeRegisterLargeScale))
		}
		return c
	case ExportRecipients:
		switch {
		case a.NoRecipients:
			return compliance.Cell{compliance.Msg(CodeRegisterNone)}
		case len(a.Recipients) == 0 && len(a.Processors) > 0:
			return compliance.Cell{compliance.Msg(CodeRegisterProcessorsOnly)}
		}
		var c compliance.Cell
		for _, r := range a.Recipients {
			if r.Country.Valid() {
				c = append(c, compliance.Msg(CodeRegisterRecipient, compliance.Text(r.Name), compliance.CountryArg(r.Country)))
			} else {
				c = append(c, compliance.Msg(compliance.CodeText, compliance.Text(r.Name)))
			}
		}
		return c
	case ExportTransfers:
		var c compliance.Cell
		for _, t := range a.Transfers {
			if t.Safeguard.Valid() {
				c = append(c, compliance.Msg(CodeRegisterTransfer, compliance.Text(t.Recipient), compliance.CountryArg(t.Country), compliance.Name(t.Safeguard)))
			} else {
				c = append(c, compliance.Msg(CodeRegisterTransferNoSafeguard, compliance.Text(t.Recipient), compliance.CountryArg(t.Country)))
			}
		}
		return c
	case ExportErasure:
		var c compliance.Cell
		if !a.Erasure.Period.IsZero() && a.Erasure.From.Valid() {
			c = append(c, compliance.Msg(CodeRegisterErasurePeriod, compliance.PeriodArg(a.Erasure.Period), compliance.Name(a.Erasure.From)))
		}
		if !a.Erasure.Rule.IsZero() {
			c = append(c, compliance.Msg(CodeRegisterErasureRule, compliance.Text(a.Erasure.Rule.String())))
		}
		return append(c, text(a.Erasure.Text)...)
	case ExportSecurity:
		var c compliance.Cell
		if len(a.Security.Measures) > 0 {
			c = append(c, compliance.Msg(compliance.CodeText, compliance.Names(slices.Values(a.Security.Measures))))
		}
		return append(c, text(a.Security.Description)...)
	case ExportSpecial:
		var c compliance.Cell
		if len(a.Special.Conditions) > 0 {
			c = append(c, compliance.Msg(compliance.CodeText, compliance.Names(slicesValues(a.Special.Conditions))))
		}
		return append(append(c, refCell(a.Special.NationalRule)...), text(a.Special.NationalRuleText)...)
	case ExportCriminal:
		return append(refCell(a.Criminal.Rule), text(a.Criminal.RuleText)...)
	case ExportNationalID:
		var c compliance.Cell
		if len(a.NationalID.Conditions) > 0 {
			c = append(c, compliance.Msg(compliance.CodeText, compliance.Names(slices.Values(a.NationalID.Conditions))))
		}
		switch {
		case a.NationalID.Published && a.NationalID.PublicationConsent:
			c = append(c, compliance.Msg(CodeRegisterPublished))
		case a.NationalID.Published:
			c = append(c, compliance.Msg(CodeRegisterPublishedNoConsent))
		}
		return c
	case ExportProcessors:
		var c compliance.Cell
		for _, p := range a.Processors {
			switch {
			case p.ID.IsZero():
				c = append(c, compliance.Msg(compliance.CodeText, compliance.Text(p.Name)))
			case p.Name == "":
				c = append(c, compliance.Msg(compliance.CodeText, compliance.Text(p.ID.String())))
			default:
				c = append(c, compliance.Msg(CodeRegisterProcessor, compliance.Text(p.Name), compliance.Text(p.ID.String())))
			}
		}
		return c
	case ExportDPIA:
		var c compliance.Cell
		if !a.DPIA.ID.IsZero() {
			c = append(c, compliance.Msg(CodeRegisterDPIA, compliance.Text(a.DPIA.ID.String())))
		}
		if a.DPIA.Screening.Valid() {
			c = append(c, compliance.Msg(CodeRegisterScreening, compliance.Name(a.DPIA.Screening)))
		}
		return c
	case ExportClassification:
		var c compliance.Cell
		for _, k := range a.Classification {
			c = append(c, compliance.Msg(CodeRegisterClassification, compliance.Name(k.Scheme), compliance.Text(k.Code)))
		}
		return c
	case ExportOwner:
		return text(joinNonEmpty(", ", a.Owner.System, a.Owner.Department))
	case ExportReviewedOn:
		return dateCell(a.ReviewedOn)
	case ExportNextReview:
		return dateCell(a.NextReview)
	case ExportDescription:
		return text(a.Description)
	}
	return nil
}

// purposeMsg describes a purpose with its lawful basis and national basis.
func purposeMsg(p Purpose) compliance.Message {
	switch {
	case !p.Basis.Valid():
		return compliance.Msg(CodeRegisterPurposeNoBasis, compliance.Text(p.Name))
	case !p.NationalBasis.IsZero():
		if p.NationalBasisText != "" {
			return compliance.Msg(CodeRegisterPurposeNational, compliance.Text(p.Name), compliance.Name(p.Basis),
				compliance.Text(p.NationalBasisText))
		}
		return compliance.Msg(CodeRegisterPurposeNational, compliance.Text(p.Name), compliance.Name(p.Basis), compliance.RefArg(p.NationalBasis))
	case p.NationalBasisText != "":
		return compliance.Msg(CodeRegisterPurposeNational, compliance.Text(p.Name), compliance.Name(p.Basis), compliance.Text(p.NationalBasisText))
	}
	return compliance.Msg(CodeRegisterPurpose, compliance.Text(p.Name), compliance.Name(p.Basis))
}

// partyCell names a party with its CVR number or organisasjonsnummer.
func partyCell(p Party) compliance.Cell {
	switch {
	case p.Name == "":
		return nil
	case !p.CVR.IsZero():
		return compliance.Cell{compliance.Msg(CodeRegisterPartyCVR, compliance.Text(p.Name), compliance.Text(p.CVR.String()))}
	case !p.OrgNr.IsZero():
		return compliance.Cell{compliance.Msg(CodeRegisterPartyOrgNr, compliance.Text(p.Name), compliance.Text(p.OrgNr.String()))}
	}
	return text(p.Name)
}

// refCell cites a reference, or is empty.
func refCell(r compliance.Ref) compliance.Cell {
	if r.IsZero() {
		return nil
	}
	return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.RefArg(r))}
}

// dateCell shows a date, or is empty.
func dateCell(d compliance.Date) compliance.Cell {
	if d.IsZero() {
		return nil
	}
	return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.DateArg(d))}
}

// contactText joins the contact details: name, address, e-mail, phone.
func contactText(c ContactDetails) string {
	return joinNonEmpty(", ", c.Name, strings.ReplaceAll(strings.TrimSpace(c.Address), "\n", ", "), c.Email, c.Phone)
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

// Document returns the register as a document for people: a title naming
// the controller, a line with the date and the number of records, and for
// each record a heading and one field per item of Art 30 (and what a
// kommune's register holds besides), each citing the provision it answers.
// A field with several entries lists them below it. Items not recorded
// read "not stated". Package i18n renders it as Markdown or text in da, nb,
// nn or en.
func (e Export) Document() compliance.Document {
	d := compliance.Document{Title: compliance.Msg(CodeRegisterTitle, compliance.Text(e.Controller.Name))}
	d.Paragraph(CodeRegisterGenerated, compliance.DateArg(compliance.DateOf(e.Generated)), compliance.Int(len(e.Activities)))
	for i := range e.Activities {
		a := &e.Activities[i]
		d.Heading(compliance.CodeText, compliance.Text(a.Name))
		if a.Role == RoleProcessor {
			d.Paragraph(CodeRegisterProcessorRecord)
		}
		if a.Description != "" {
			d.Paragraph(compliance.CodeText, compliance.Text(a.Description))
		}
		for _, f := range a.documentFields() {
			docField(&d, f, a, a.cell(f))
		}
	}
	return d
}

// documentFields lists the fields a record's document shows, in order:
// those Art 30 asks for always (so that a gap reads "not stated"), the
// others when recorded.
func (a *Activity) documentFields() []ExportField {
	fs := []ExportField{ExportController, ExportContact}
	if len(a.JointControllers) > 0 {
		fs = append(fs, ExportJointControllers)
	}
	fs = append(fs, ExportDPO)
	if a.Role == RoleProcessor {
		fs = append(fs, ExportOnBehalfOf)
	} else {
		fs = append(fs, ExportPurposes, ExportSubjects, ExportData)
		if a.SubjectCount > 0 || a.LargeScale {
			fs = append(fs, ExportScale)
		}
		fs = append(fs, ExportRecipients)
	}
	fs = append(fs, ExportTransfers)
	if a.Role != RoleProcessor {
		fs = append(fs, ExportErasure)
	}
	fs = append(fs, ExportSecurity)
	if a.hasClass(compliance.Special) || len(a.Special.Conditions) > 0 {
		fs = append(fs, ExportSpecial)
	}
	if a.hasClass(compliance.Criminal) {
		fs = append(fs, ExportCriminal)
	}
	if a.Data.Has(compliance.NationalID) {
		fs = append(fs, ExportNationalID)
	}
	if len(a.Processors) > 0 {
		fs = append(fs, ExportProcessors)
	}
	if a.Role != RoleProcessor {
		fs = append(fs, ExportDPIA)
	}
	if len(a.Classification) > 0 {
		fs = append(fs, ExportClassification)
	}
	if a.Owner != (Owner{}) {
		fs = append(fs, ExportOwner)
	}
	fs = append(fs, ExportStatus)
	if !a.ReviewedOn.IsZero() {
		fs = append(fs, ExportReviewedOn)
	}
	if !a.NextReview.IsZero() {
		fs = append(fs, ExportNextReview)
	}
	return fs
}

// docField appends field f with its value; an empty value reads "not
// stated" (or "none" for transfers, which are answered by their absence),
// one entry is shown inline, several as a list below the field.
func docField(d *compliance.Document, f ExportField, a *Activity, c compliance.Cell) {
	label, refs := compliance.Msg(compliance.Code(f.Key())), f.Refs(a.Role, a.Controller.Jurisdiction)
	if f == ExportController && a.Role == RoleProcessor {
		label = compliance.Msg(CodeRegisterProcessorLabel)
	}
	field := func(value compliance.Message) {
		d.Blocks = append(d.Blocks, compliance.Block{Kind: compliance.BlockField, Label: label, Text: value, Refs: refs})
	}
	switch len(c) {
	case 0:
		none := CodeRegisterNotStated
		if f == ExportTransfers {
			none = CodeRegisterNone
		}
		field(compliance.Msg(none))
	case 1:
		field(c[0])
	default:
		field(compliance.Msg(CodeRegisterEntries, compliance.Int(len(c))))
		for _, m := range c {
			d.Blocks = append(d.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: m})
		}
	}
}

// RegisterCodes lists the message codes of the export's table and
// document, the field labels included.
func RegisterCodes() []compliance.Code {
	cs := []compliance.Code{CodeRegisterTitle, CodeRegisterGenerated, CodeRegisterProcessorRecord, CodeRegisterEntries,
		CodeRegisterNone, CodeRegisterNotStated, CodeRegisterPurpose, CodeRegisterPurposeNational,
		CodeRegisterPurposeNoBasis, CodeRegisterRecipient, CodeRegisterTransfer, CodeRegisterTransferNoSafeguard,
		CodeRegisterErasurePeriod, CodeRegisterErasureRule, CodeRegisterDPIA, CodeRegisterScreening,
		CodeRegisterProcessor, CodeRegisterClassification, CodeRegisterPartyCVR, CodeRegisterPartyOrgNr,
		CodeRegisterOnBehalfOf, CodeRegisterPublished, CodeRegisterPublishedNoConsent, CodeRegisterLargeScale,
		CodeRegisterSubjectCount, CodeRegisterProcessorLabel, CodeRegisterProcessorsOnly}
	for f := range AllExportFields() {
		cs = append(cs, compliance.Code(f.Key()))
	}
	return cs
}

// text returns a Cell holding s shown as is, or an empty Cell for "".
func text(s string) compliance.Cell {
	if s == "" {
		return nil
	}
	return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.Text(s))}
}

// named returns a Cell holding the localised name of v, or an empty Cell
// when v is invalid.
func named(v compliance.Keyed) compliance.Cell {
	if v.Key() == "" {
		return nil
	}
	return compliance.Cell{compliance.Msg(compliance.CodeText, compliance.Name(v))}
}
